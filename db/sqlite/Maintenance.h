#pragma once

#include "CheckReport.h"

#include <QString>

/// Care of a whole database file, behind `fundscope check` and `fundscope backup`. Each opens its
/// own SQLite connection and only reads the database: neither changes it, neither migrates it,
/// and both work while the window (or any other program) has the file open.
namespace Maintenance {

/// Runs PRAGMA integrity_check and PRAGMA foreign_key_check on the file. At most `limit`
/// findings of each kind are listed.
CheckReport check(const QString &path, int limit = 100);

/// Copies the database to `copy` through SQLite's online backup API, in one read transaction:
/// a consistent copy of what was committed when it started, while other connections go on
/// reading and writing. The copy is written beside `copy` under a temporary name, checked
/// (Database::checkAtOpen()'s check for its size, quick_check above), and only then renamed over
/// `copy`. Refuses a `copy` that is the database or one of SQLite's files beside it. False with
/// *error (naming the file) on any failure; then no file is left.
bool backup(const QString &path, const QString &copy, QString *error, qint64 *bytes = nullptr);

} // namespace Maintenance
