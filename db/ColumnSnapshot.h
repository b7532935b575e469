#pragma once

#include "DataRevision.h"

#include <QString>

class ColumnStore;

/// The in-memory columns of a database (ColumnStore) kept in a file between processes, so a
/// cold `fundscope summary` or window reads them in one go instead of loading a million rows
/// out of SQLite (AggregationCache::loadKept). Like DashboardSnapshot, the file is stamped with
/// the DataRevision it was written from and used only while the database still has that stamp.
/// A file of another database, another format or another byte order, of the wrong size, with
/// any byte changed (a checksum covers the whole) or with an index out of range is refused: the
/// caller then loads from the database, and never groups from a damaged file.
class ColumnSnapshot
{
public:
    /// Where the snapshot of the database at `databasePath` lives (the user's cache folder);
    /// empty for an in-memory database.
    static QString filePath(const QString &databasePath);
    /// Writes `store`, loaded from `databasePath` at `revision`, to `file` atomically; false
    /// with *error (naming the file) when it cannot be written.
    static bool save(const QString &file, const QString &databasePath, const DataRevision &revision,
                     const ColumnStore &store, QString *error = nullptr);
    /// Fills `store` from `file` when it holds the columns of `databasePath` at `revision`,
    /// whole and undamaged. Otherwise false with *why (for tests and logs), and `store` cleared.
    static bool load(const QString &file, const QString &databasePath, const DataRevision &revision,
                     ColumnStore &store, QString *why = nullptr);
};
