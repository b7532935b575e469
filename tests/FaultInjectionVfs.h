#pragma once

#include <QString>
#include <QtGlobal>

struct sqlite3;
struct sqlite3_vfs;

/// An SQLite VFS for tests that wraps the real default one ("unix") and counts, and can fail, the
/// writes, syncs and reads of every file SQLite opens through it: databases, rollback journals,
/// write-ahead logs, statement journals and temporary files (the -shm index is mapped memory, not
/// read or written through the file methods, so it is not counted).
///
/// install() registers it as the default VFS, so every connection of the process that does not
/// name a VFS uses it: Qt's QSQLITE driver as much as the project's own sqlite3_open_v2() calls,
/// provided both load the same libsqlite3 (usesShim() tells, per connection).
namespace FaultInjectionVfs {

/// What to make fail. The I/O errors fail one call only (a transient fault); a full disk stays
/// full: every write from the n-th on fails until disarm().
enum class Fault {
    None,
    WriteIoErr, ///< xWrite → SQLITE_IOERR_WRITE, nothing written
    WriteFull,  ///< xWrite → SQLITE_FULL, nothing written, and every write after it too
    SyncIoErr,  ///< xSync → SQLITE_IOERR_FSYNC, not synced
    ReadIoErr,  ///< xRead → SQLITE_IOERR_READ, nothing read
};

enum class Call { Write, Sync, Read };

/// Which file a call went to.
enum class Role { Database, Journal, Wal, Other, Count };

struct Counts
{
    qint64 calls[int(Role::Count)][3] = {};

    qint64 of(Call call) const;
    qint64 of(Role role, Call call) const { return calls[int(role)][int(call)]; }
    /// "12 writes (db 3, journal 0, wal 9, other 0), 0 syncs (…), 40 reads (…)".
    QString text() const;
};

/// Registers the shim as SQLite's default VFS. Call it after the process's first Database was
/// constructed (Database installs SQLite's error log, which must happen before SQLite initializes).
bool install(QString *error);
bool isInstalled();
sqlite3_vfs *vfs();
/// True when the connection's main database goes through the shim (SQLITE_FCNTL_VFS_POINTER).
bool usesShim(sqlite3 *db);

/// Counting starts again from zero (the fault, if any, stays armed and is counted anew).
void resetCounts();
Counts counts();
/// Arms `fault` for the n-th call of its kind (1-based) counted from now (counts reset).
void arm(Fault fault, qint64 n);
void disarm();
/// How many calls failed since the last arm().
qint64 fired();
/// The file the first failed call since the last arm() went to (Role::Count when none failed).
Role firedRole();

Call callOf(Fault fault);
QString name(Fault fault);
QString name(Call call);
QString name(Role role);

} // namespace FaultInjectionVfs
