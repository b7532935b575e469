#pragma once

#include "InvesteeRecord.h"

#include <QHash>
#include <QList>

class Database;

/// Reads investees (tens of thousands at most, so read whole) and what the detail pane shows.
class InvesteeRepository
{
public:
    /// One paying fund of an investee: its phases and how many events.
    struct Payer
    {
        qint64 fundId = 0;
        QString fundName;
        QString fundNameZh;
        QString phases;   ///< "Phase I, Phase II"
        qint64 events = 0;
    };

    explicit InvesteeRepository(Database &db) : m_db(db) { }

    /// Every investee keyed by id.
    QHash<qint64, InvesteeRecord> all(QString *error = nullptr) const;
    std::optional<InvesteeRecord> byId(qint64 id) const;
    /// Every fund that paid this investee (co-investors), most events first.
    QList<Payer> payers(qint64 investeeId) const;

private:
    Database &m_db;
};
