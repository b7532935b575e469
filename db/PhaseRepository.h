#pragma once

#include "FundRecord.h"
#include "RowValues.h"

#include <QList>
#include <QString>
#include <optional>

class Database;

/// Reads a fund's phases (for pickers) and writes phases: each write in one transaction with
/// its history, through RecordStore (see there for validation and dependents).
class PhaseRepository
{
public:
    explicit PhaseRepository(Database &db)
        : m_db(db)
    {
    }

    /// The fund's phases ordered by start date then label.
    QList<PhaseRecord> ofFund(qint64 fundId) const;
    std::optional<PhaseRecord> byId(qint64 id) const;

    std::optional<RowValues> values(qint64 id) const;
    bool insert(RowValues &phase, QString *error);
    bool update(qint64 id, const QVariantMap &changes, QString *error);
    /// Disbursements recorded under the phase.
    Dependents dependents(qint64 id) const;
    bool remove(qint64 id, bool withDependents, Removal *removed, QString *error);
    bool restore(const Removal &removed, QString *error);

private:
    Database &m_db;
};
