#pragma once

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

#include <memory>

class Database;
class QTemporaryDir;

/// Exactly the rows one import stored, by table and id (ranges, since an import's ids are
/// consecutive), so that the import can be one undo step: remove() takes those rows out of the
/// database and keeps them in a scratch file beside nothing else, restore() puts them back with
/// the same ids. Each runs in one transaction; foreign keys are checked at its commit, so a row
/// something else has come to depend on in the meantime makes remove() fail and change nothing.
///
/// Copies share the scratch file; keep one per undo command.
class ImportedRows
{
public:
    /// The tables an import writes, in the order rows are put back.
    static QStringList tables();

    /// Records one stored row (the loader calls this per insert).
    void add(const QString &table, qint64 id);
    void addRate(const QString &currency, int year);

    bool isEmpty() const;
    qint64 count() const;
    qint64 count(const QString &table) const;
    QList<QPair<qint64, qint64>> ranges(const QString &table) const { return m_ranges.value(table); }
    QList<QPair<QString, int>> rates() const { return m_rates; }
    /// The database file the rows are in; remove() and restore() refuse any other.
    QString databasePath() const { return m_databasePath; }
    void setDatabasePath(const QString &path) { m_databasePath = path; }

    /// Deletes the rows (keeping a copy for restore()). False with *error, and nothing changed,
    /// when a row is missing, something else depends on one, or the database refuses.
    bool remove(Database &db, QString *error);
    /// Re-inserts what remove() took, with the same ids. False with *error, nothing changed.
    bool restore(Database &db, QString *error);
    bool isRemoved() const { return m_removed; }

private:
    bool transfer(Database &db, bool out, QString *error);

    QMap<QString, QList<QPair<qint64, qint64>>> m_ranges;
    QList<QPair<QString, int>> m_rates;
    QString m_databasePath;
    std::shared_ptr<QTemporaryDir> m_scratch;
    bool m_removed = false;
};
