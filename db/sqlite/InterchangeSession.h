#pragma once

#include "ImportOptions.h"
#include "InterchangeReader.h"
#include "SqliteStatement.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <sqlite3.h>

#include <vector>

class Database;
class InterchangeReportBuilder;

/// What every part of one interchange load shares: the connection (statements prepared once,
/// binds that remember their first failure, SQLite errors told apart into a row's fault and the
/// end of the load), the files and the row being read, its problems, and progress and cancel.
class InterchangeSession
{
public:
    InterchangeSession(Database &db, const ImportOptions &options, InterchangeReportBuilder &report);

    Database &db() { return m_db; }
    sqlite3 *sql() const { return m_sql; }
    const ImportOptions &options() const { return m_options; }
    InterchangeReportBuilder &report() { return m_report; }
    std::vector<InterchangeFile> &files() { return m_files; }

    // --- The row being read
    InterchangeFile *file() const { return m_file; }
    void setFile(InterchangeFile *file) { m_file = file; }
    void startRow() { m_rowOk = true; }
    bool rowOk() const { return m_rowOk; }
    QByteArrayView value(int column) const { return m_file->value(column); }
    qint64 line() const { return m_file->reader->line(); }
    /// "file:line" of the current row.
    QString where() const;
    /// The current row's file and line packed in one number, for the duplicate maps.
    qint64 here() const;
    /// "line 12" within the current file, "other.csv:12" in another one.
    QString place(qint64 packed) const;
    /// Rows stored from the current file.
    qint64 storedInFile() const { return m_inserted; }
    void startFile() { m_inserted = 0; }
    /// A row stored: counted for its file and kept for undo under `table`.
    void stored(const QString &table, qint64 id);
    void storedRate(const QString &currency, int year);

    // --- Problems
    void issue(const QString &file, qint64 line, const QString &column, const QString &reason);
    /// A problem of a column of the current row (-1: of the row as a whole).
    void rowIssue(int column, const QString &reason);
    /// A problem of one row: an error, or with skipInvalid a rejected row.
    void rowProblem(qint64 line, const QString &column, const QString &reason);
    /// A duplicate left out (DuplicatePolicy::Skip, or a named row under Keep).
    void skipDuplicate(const QString &column, const QString &reason);
    /// The sources of a row must be web addresses.
    void checkSources(int column);
    /// The fields of the current row that SQLite could not hold (over SQLITE_LIMIT_LENGTH) are
    /// reported by line and column; false when there is one.
    bool fieldsFit();

    // --- Progress and cancel
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(std::memory_order_relaxed); }
    void reportProgress(ImportProgress::Stage stage, bool force);
    void countRow() { ++m_rowsRead; }
    /// Reports the reading progress every 1024 records.
    void reportReading();
    void startClock() { m_clock.start(); }
    void addTotalBytes(qint64 bytes) { m_totalBytes += bytes; }
    void addDoneBytes(qint64 bytes) { m_doneBytes += bytes; }

    // --- SQLite
    void readLimits() { m_maxLength = sqlite3_limit(m_sql, SQLITE_LIMIT_LENGTH, -1); }
    bool prepare(SqliteStatement &s, const char *sql);
    /// The same for a statement used all through the load: finalizeAll() finalizes it before
    /// the commit.
    bool prepareKept(SqliteStatement &s, const char *sql);
    void finalizeAll();
    bool exec(const QByteArray &sql);
    /// Reports an SQLite error of the database as a whole.
    void issueDatabaseError(int rc, const QString &why);
    /// Runs each row of a read through `row`. A read that ends in an error would leave a name
    /// out, and its rows "unknown": it stops the load.
    template<typename Row>
    bool query(const char *sql, Row &&row);
    /// Runs an insert; a refusal (a constraint the validation did not foresee) is reported on
    /// the row.
    bool step(SqliteStatement &s);
    /// Runs an insert of a row the load creates on its own; its id, or 0 (reported) when refused.
    qint64 create(SqliteStatement &s);
    qint64 lastId() const { return sqlite3_last_insert_rowid(m_sql); }
    /// Binds, remembering the first code that is not SQLITE_OK (SQLITE_TOOBIG, SQLITE_RANGE …):
    /// a failed bind leaves the parameter NULL, so the row must not be stored.
    void bound(int rc);
    void bindText(sqlite3_stmt *s, int i, QByteArrayView v);
    void bindWord(sqlite3_stmt *s, int i, const char *w);
    /// A positive id, or NULL.
    void bindId(sqlite3_stmt *s, int i, qint64 id);
    /// True (the row reported, the statement reset) when a bind since the last step failed.
    bool bindsFailed(SqliteStatement &s);
    /// For an SQLite error: true, with the load stopped and the reason reported once, when the
    /// file is damaged or SQLite ended the transaction; false when only the row is at fault.
    bool stopOn(int rc, const QString &why);
    bool transactionLost() const { return m_transactionLost; }
    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_sql)); }
    static QByteArray columnBytes(sqlite3_stmt *s, int i);

private:
    Database &m_db;
    sqlite3 *m_sql;
    const ImportOptions &m_options;
    InterchangeReportBuilder &m_report;
    std::vector<InterchangeFile> m_files;
    std::vector<SqliteStatement *> m_prepared;
    QElapsedTimer m_clock;
    qint64 m_lastProgressMs = -1000;
    qint64 m_rowsRead = 0;
    qint64 m_totalBytes = 0;
    qint64 m_doneBytes = 0; ///< of the files finished

    InterchangeFile *m_file = nullptr;
    bool m_rowOk = true;
    bool m_transactionLost = false; ///< SQLite rolled back on its own, or the file is damaged: stop writing
    int m_bindRc = 0;               ///< the first failed bind of the row being stored (SQLITE_OK = 0)
    qint64 m_maxLength = 0;         ///< SQLITE_LIMIT_LENGTH of the connection
    qint64 m_inserted = 0;
};

template<typename Row>
bool InterchangeSession::query(const char *sql, Row &&row)
{
    SqliteStatement q;
    if (!prepare(q, sql))
        return false;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        row(q.handle());
    const QString why = lastError();
    q.finalize();
    if (rc == SQLITE_DONE)
        return true;
    if (!stopOn(rc, why))
        issueDatabaseError(rc, why);
    return false;
}
