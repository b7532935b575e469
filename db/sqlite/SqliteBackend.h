#pragma once

#include <QByteArrayView>
#include <QString>

#include <atomic>

struct sqlite3;

/// The SQLite backend's connection-level calls for the files outside db/sqlite/ (Database,
/// AggregationEngine, RawQuery, InterchangeLoader), so that no sqlite3_* call is made outside
/// this folder. The rest of the backend (the bulk load of interchange files, import undo, the
/// column-cache load, checks and backups) lives beside it and calls SQLite directly.
namespace SqliteBackend {

/// Routes SQLite's error log to `log` (errcode, message); only possible before SQLite's first
/// use in the process, later it is simply not installed.
void installErrorLog(void (*log)(void *, int, const char *));

/// Runs one or more statements; SQLITE_OK, or the error code with *message set.
int exec(sqlite3 *db, QByteArrayView sql, QString *message);
/// Rolls back an open transaction, if there is one.
void rollback(sqlite3 *db);
/// The connection's message for its last error.
QString lastMessage(sqlite3 *db);

/// Defines fundscope_sum(x) on the connection unless it is there already: the sum of the
/// non-NULL x as an ExactSum, returned as a 16-byte blob (value, tail), so that SQL sums the
/// amounts as the in-memory store does and both round alike. False when it cannot be defined.
bool defineExactSum(sqlite3 *db);

/// While it lives, a set `cancel` flag interrupts the connection's statements (index builds
/// that take seconds) with SQLITE_INTERRUPT.
class CancelHandler
{
public:
    CancelHandler(sqlite3 *db, const std::atomic_bool *cancel);
    ~CancelHandler();
    CancelHandler(const CancelHandler &) = delete;
    CancelHandler &operator=(const CancelHandler &) = delete;

private:
    sqlite3 *m_db;
};

} // namespace SqliteBackend
