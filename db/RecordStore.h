#pragma once

#include "RowValues.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class Database;

/// Writes funds, phases, investees and disbursements as whole rows, each public write in one
/// transaction together with its history entries (who, when, table, row, field, old and new
/// value), so that a failure anywhere leaves neither the change nor its history behind.
///
/// - Every write is validated first (Validation::row() plus what needs the database: names not
///   taken, referenced rows present, segment within its sector, city within its province, no
///   parent-fund cycles); a refused write returns false with field-named messages in *error.
/// - Deleting a record others depend on is refused unless the caller passes withDependents; then
///   the dependents go in the same transaction (disbursements and phases are deleted; child
///   funds and sub-fund investees are unlinked) and the returned Removal holds every row whole,
///   so restore() puts them back with the same ids. Foreign keys (ON DELETE RESTRICT) make sure
///   no orphan can be left either way.
/// - Column names come only from the fixed lists in columns(); values are always bound.
///
/// The per-kind repositories (FundRepository, PhaseRepository, InvesteeRepository,
/// DisbursementRepository) offer the same writes with the kind fixed; undo commands use this class.
class RecordStore
{
public:
    explicit RecordStore(Database &db)
        : m_db(db)
    {
    }

    static QString tableName(RecordKind kind);
    static std::optional<RecordKind> kindOfTable(const QString &table);
    /// The writable columns of a kind in schema order (no id, no generated columns).
    static const QStringList &columns(RecordKind kind);
    static bool isColumn(RecordKind kind, const QString &column);

    /// The stored row, or nullopt (with *error when the read itself failed).
    std::optional<RowValues> read(RecordKind kind, qint64 id, QString *error = nullptr) const;
    /// Validation::row() plus the checks that need the database. An empty list means the row
    /// can be written (as an insert when row.id is 0 or not stored yet, else as an update).
    QList<FieldIssue> validate(const RowValues &row) const;

    /// Inserts one row (with row.id when it is set: undo and redo keep ids), filling row.id.
    bool insert(RowValues &row, QString *error);
    /// Inserts several rows in one transaction, in order; ids filled in.
    bool insertAll(QList<RowValues> &rows, QString *error);
    /// Changes some columns of one row: one history entry per column whose value changes.
    /// *previous (optional) receives the old values of the changed columns.
    bool update(RecordKind kind, qint64 id, const QVariantMap &changes, QString *error,
        QVariantMap *previous = nullptr);
    /// What depends on a record (nothing for a disbursement).
    Dependents dependents(RecordKind kind, qint64 id, QString *error = nullptr) const;
    /// Deletes records of one kind; with dependents unless !withDependents, in which case a
    /// record with dependents is refused and nothing is deleted. *removed receives everything
    /// that went, for restore().
    bool remove(
        RecordKind kind, const QList<qint64> &ids, bool withDependents, Removal *removed, QString *error);
    /// Puts back what remove() took, with the same ids, in one transaction.
    bool restore(const Removal &removal, QString *error);

private:
    bool insertRow(RowValues &row, QString *error, bool check = true);
    bool updateRow(
        RecordKind kind, qint64 id, const QVariantMap &changes, QVariantMap *previous, QString *error);
    bool deleteRow(RecordKind kind, qint64 id, Removal *removed, QString *error);
    bool removeOne(RecordKind kind, qint64 id, bool withDependents, Removal *removed, QString *error);
    /// read(), with "no longer exists" in *error when the row is not there.
    std::optional<RowValues> readExisting(RecordKind kind, qint64 id, QString *error) const;
    bool exec(const QString &sql, const QVariantList &binds, QString *error, QVariant *first = nullptr) const;
    QList<qint64> idList(const QString &sql, qint64 id) const;

    Database &m_db;
};
