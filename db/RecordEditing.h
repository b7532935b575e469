#pragma once

#include "RowValues.h"

#include <QString>
#include <QVariantMap>

#include <optional>

class Database;

/// The writes the fund, phase and investee repositories share: one record kind read and written
/// through RecordStore, each write in one transaction with its history (see RecordStore for
/// validation, dependents and restore).
class RecordEditing
{
public:
    std::optional<RowValues> values(qint64 id) const;
    /// Sets row.kind to this repository's kind, then inserts it.
    bool insert(RowValues &row, QString *error);
    bool update(qint64 id, const QVariantMap &changes, QString *error);
    /// What deleting the record takes with it or unlinks (RecordStore::dependents()).
    Dependents dependents(qint64 id) const;
    bool remove(qint64 id, bool withDependents, Removal *removed, QString *error);
    bool restore(const Removal &removed, QString *error);

protected:
    RecordEditing(Database &db, RecordKind kind)
        : m_db(db)
        , m_kind(kind)
    {
    }

    Database &m_db;

private:
    RecordKind m_kind;
};
