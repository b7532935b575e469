#pragma once

#include "FundRecord.h"
#include "RecordEditing.h"
#include "RowValues.h"

#include <QList>
#include <QString>
#include <optional>

class Database;
class QSqlQuery;

/// Reads a fund's phases (for pickers) and writes phases: each write in one transaction with
/// its history, through RecordStore (see there for validation and dependents).
/// dependents(): the disbursements recorded under the phase.
class PhaseRepository : public RecordEditing
{
public:
    explicit PhaseRepository(Database &db)
        : RecordEditing(db, RecordKind::Phase)
    {
    }

    /// The fund's phases ordered by start date then label.
    QList<PhaseRecord> ofFund(qint64 fundId) const;
    std::optional<PhaseRecord> byId(qint64 id) const;

    /// "SELECT <the columns readPhase() reads> FROM phases p LEFT JOIN currencies c …", for
    /// a WHERE and an ORDER BY to follow.
    static QString selectPhases();
    static PhaseRecord readPhase(const QSqlQuery &q);
};
