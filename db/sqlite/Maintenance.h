#pragma once

#include <QString>
#include <QStringList>

/// Care of a whole database file, behind `fundscope check` and `fundscope backup`. Each opens its
/// own SQLite connection and only reads the database: neither changes it, neither migrates it,
/// and both work while the window (or any other program) has the file open.
namespace Maintenance {

/// What check() found.
struct CheckReport
{
    QString path;
    qint64 bytes = 0; ///< page count × page size
    qint64 pageSize = 0;
    int schemaVersion = -1; ///< PRAGMA user_version
    bool fundscope = false; ///< application_id marks a Fundscope database
    /// PRAGMA integrity_check's findings, SQLite's own words; empty when it answered "ok".
    QStringList integrity;
    /// One line per row whose foreign key points at no row ("disbursements row 12: phase_id
    /// points at no row of phases"); empty when every reference resolves.
    QStringList foreignKeys;
    /// Set when the file could not be checked at all (missing, not SQLite, locked, unreadable).
    QString error;

    bool ok() const { return error.isEmpty() && integrity.isEmpty() && foreignKeys.isEmpty(); }
    /// The plain report `fundscope check` prints: the file, each check's verdict with its
    /// findings, and a last line with the conclusion.
    QString text() const;
};

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
