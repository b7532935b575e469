#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <sqlite3.h>

/// The SQLite backend's one prepared statement: finalizes itself, and binds and reads columns
/// without a QVariant per cell, for the paths that stream millions of rows. Calls return SQLite's
/// result codes unchanged, so callers tell a refused row (SQLITE_CONSTRAINT, SQLITE_TOOBIG) from
/// the end of a load. The accessors are inline: they run once per cell at a million rows.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    /// Prepared at once; isPrepared() tells whether that worked.
    SqliteStatement(sqlite3 *db, const QByteArray &sql) { prepare(db, sql); }
    ~SqliteStatement() { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /// Prepares `sql` on `db` (replacing a statement held before); SQLITE_OK or the error code.
    /// `flags` are sqlite3_prepare_v3's (SQLITE_PREPARE_PERSISTENT for a statement kept all
    /// through a load).
    int prepare(sqlite3 *db, QByteArrayView sql, unsigned flags = 0)
    {
        finalize();
        return sqlite3_prepare_v3(db, sql.data(), int(sql.size()), flags, &m_stmt, nullptr);
    }
    void finalize()
    {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    bool isPrepared() const { return m_stmt != nullptr; }
    sqlite3_stmt *handle() const { return m_stmt; }

    /// SQLITE_ROW, SQLITE_DONE or the error code.
    int step() { return sqlite3_step(m_stmt); }
    /// Ready to step again with the same binds.
    void reset() { sqlite3_reset(m_stmt); }

    // Parameters count from 1, as in SQL.
    int bindInt64(int i, qint64 v) { return sqlite3_bind_int64(m_stmt, i, v); }
    int bindDouble(int i, double v) { return sqlite3_bind_double(m_stmt, i, v); }
    int bindNull(int i) { return sqlite3_bind_null(m_stmt, i); }
    /// Binds a copy of the text.
    int bindText(int i, QByteArrayView v) { return sqlite3_bind_text(m_stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT); }

    // Columns count from 0.
    int columnCount() const { return sqlite3_column_count(m_stmt); }
    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    qint64 int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    double real(int c) const { return sqlite3_column_double(m_stmt, c); }
    /// The column's id, or -1 for NULL.
    qint64 idOrNone(int c) const { return isNull(c) ? qint64(-1) : int64(c); }
    /// The column's UTF-8 text, NUL-terminated (null for NULL), valid until the next step.
    const char *cText(int c) const { return reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c)); }
    /// The same as a view ("" for NULL).
    QByteArrayView text(int c) const
    {
        const char *data = cText(c);
        return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, c)) : QByteArrayView("");
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};
