#pragma once

#include "InvesteeRecord.h"
#include "NameMatch.h"
#include "RowValues.h"

#include <QHash>
#include <QList>

class Database;

/// Reads investees (tens of thousands at most, so read whole) and what the detail pane shows,
/// searches them by name for pickers, and writes them: each write in one transaction with its
/// history, through RecordStore (see there for validation, dependents and restore).
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
    /// Investees whose English or Chinese name or ticker contains `text` (case-insensitive),
    /// exact and prefix matches first; at most `limit`. One indexed-free scan: a few ms at 50,000.
    QList<NameMatch> search(const QString &text, int limit) const;

    std::optional<RowValues> values(qint64 id) const;
    bool insert(RowValues &investee, QString *error);
    bool update(qint64 id, const QVariantMap &changes, QString *error);
    /// The disbursements it received (deleted with it).
    Dependents dependents(qint64 id) const;
    bool remove(qint64 id, bool withDependents, Removal *removed, QString *error);
    bool restore(const Removal &removed, QString *error);

private:
    Database &m_db;
};
