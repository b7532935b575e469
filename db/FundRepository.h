#pragma once

#include "FundRecord.h"
#include "NameMatch.h"
#include "RowValues.h"

#include <QList>
#include <QString>
#include <optional>

class Database;

/// Reads funds and their phases (funds number in the thousands at most, so they are read whole)
/// and writes funds: each write in one transaction with its history, through RecordStore (see
/// there for validation, dependents and restore).
class FundRepository
{
public:
    explicit FundRepository(Database &db) : m_db(db) { }

    /// Every fund ordered by name, each with its phases ordered by start date then label.
    QList<FundRecord> all(QString *error = nullptr) const;
    /// One fund with its phases.
    std::optional<FundRecord> byId(qint64 id) const;
    /// Funds whose English or Chinese name contains `text` (case-insensitive), exact and prefix
    /// matches first; at most `limit`.
    QList<NameMatch> search(const QString &text, int limit) const;

    std::optional<RowValues> values(qint64 id) const;
    bool insert(RowValues &fund, QString *error);
    bool update(qint64 id, const QVariantMap &changes, QString *error);
    /// Phases and their disbursements (deleted with it), child funds and sub-fund investees
    /// (unlinked).
    Dependents dependents(qint64 id) const;
    bool remove(qint64 id, bool withDependents, Removal *removed, QString *error);
    bool restore(const Removal &removed, QString *error);

private:
    Database &m_db;
};
