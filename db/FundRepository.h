#pragma once

#include "FundRecord.h"
#include "NameMatch.h"
#include "RecordEditing.h"
#include "RowValues.h"

#include <QList>
#include <QString>
#include <optional>

class Database;

/// Reads funds and their phases (funds number in the thousands at most, so they are read whole)
/// and writes funds: each write in one transaction with its history, through RecordStore (see
/// there for validation, dependents and restore).
/// dependents(): its phases and their disbursements (deleted with it), child funds and sub-fund
/// investees (unlinked).
class FundRepository : public RecordEditing
{
public:
    explicit FundRepository(Database &db)
        : RecordEditing(db, RecordKind::Fund)
    {
    }

    /// Every fund ordered by name, each with its phases ordered by start date then label.
    QList<FundRecord> all(QString *error = nullptr) const;
    /// One fund with its phases.
    std::optional<FundRecord> byId(qint64 id) const;
    /// Funds whose English or Chinese name contains `text` (case-insensitive), exact and prefix
    /// matches first; at most `limit`.
    QList<NameMatch> search(const QString &text, int limit) const;
};
