#pragma once

#include "RowValues.h"

#include <QList>
#include <QString>
#include <QVariant>

class Database;

/// The checks on a row that need the database, beside Validation::row(): names not taken,
/// referenced rows present, segment within its sector, province within its country and city
/// within its province, no parent-fund cycles. RecordStore::validate() runs them on the row as
/// it would be stored. Messages stay in RecordStore's translation context.
class RecordChecks
{
public:
    explicit RecordChecks(Database &db)
        : m_db(db)
    {
    }

    /// What is wrong with the row; when a query itself fails, the database's error is the one
    /// issue (with no column).
    QList<FieldIssue> issues(const RowValues &row) const;

    /// Prepares `sql`, binds `binds` in order and runs it; *first (optional) receives the first
    /// column of the first row (invalid when there is none). False with *error on failure.
    static bool run(Database &db, const QString &sql, const QVariantList &binds, QString *error,
        QVariant *first = nullptr);

private:
    Database &m_db;
};
