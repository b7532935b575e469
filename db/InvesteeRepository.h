#pragma once

#include "InvesteeRecord.h"
#include "NameMatch.h"
#include "RecordEditing.h"
#include "RowValues.h"

#include <QHash>
#include <QList>

class Database;

/// Reads investees (tens of thousands at most, so read whole) and what the detail pane shows,
/// searches them by name for pickers, and writes them: each write in one transaction with its
/// history, through RecordStore (see there for validation, dependents and restore).
/// dependents(): the disbursements it received (deleted with it).
class InvesteeRepository : public RecordEditing
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

    explicit InvesteeRepository(Database &db)
        : RecordEditing(db, RecordKind::Investee)
    {
    }

    /// Every investee keyed by id.
    QHash<qint64, InvesteeRecord> all(QString *error = nullptr) const;
    std::optional<InvesteeRecord> byId(qint64 id) const;
    /// Every fund that paid this investee (co-investors), most events first.
    QList<Payer> payers(qint64 investeeId) const;
    /// Investees whose English or Chinese name or ticker contains `text` (case-insensitive),
    /// exact and prefix matches first; at most `limit`. One indexed-free scan: a few ms at 50,000.
    QList<NameMatch> search(const QString &text, int limit) const;
};
