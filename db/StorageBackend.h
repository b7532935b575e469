#pragma once

#include "CheckReport.h"

#include <QList>
#include <QString>

class ColumnStore;
class Database;
class ImportedRows;
class SqlDialect;
struct ImportOptions;
struct ImportSource;
struct LoadReport;

/// What a storage backend does its own way, behind one interface: the SQL dialect, the
/// column-cache load, the bulk load of interchange files, moving an import's rows out and back
/// for undo, and the check and online copy of a whole database. The rest of db/ is SQL any
/// backend runs. SQLite (SqliteStorage, db/sqlite/) is the one implementation; of() is the one
/// place a backend is chosen.
class StorageBackend
{
public:
    virtual ~StorageBackend() = default;

    /// The backend that stores `location` (a database file: SQLite).
    static const StorageBackend &of(const QString &location);

    virtual const SqlDialect &dialect() const = 0;
    /// Makes SqlDialect::exactSum() available on the connection; false with *error when the
    /// backend refuses.
    virtual bool defineExactSum(Database &db, QString *error) const = 0;
    /// Replaces what `store` held with the disbursements and what the groupings need, read in
    /// one snapshot; false with *error (naming the file), and then the store is empty.
    /// `splitFrom`: from this many rows the read may run on two threads.
    virtual bool loadColumns(Database &db, ColumnStore &store, QString *error, qint64 splitFrom) const = 0;
    /// Runs one interchange load (InterchangeLoader::load()) in one transaction.
    virtual void loadInterchange(
        Database &db, const QList<ImportSource> &sources, const ImportOptions &options, LoadReport &report) const = 0;
    /// out: copies an import's rows into `scratchFolder` and deletes them; otherwise puts them
    /// back with the same ids. One transaction; false with *error and nothing changed.
    virtual bool moveImportedRows(
        Database &db, const ImportedRows &rows, const QString &scratchFolder, bool out, QString *error) const = 0;
    /// Checks the integrity and the references of the database at `path`; at most `limit`
    /// findings of each kind.
    virtual CheckReport check(const QString &path, int limit) const = 0;
    /// A consistent copy of the database at `path` to `copy`, while others go on using it.
    virtual bool backup(const QString &path, const QString &copy, QString *error, qint64 *bytes) const = 0;
};
