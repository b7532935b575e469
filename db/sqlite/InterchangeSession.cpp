#include "InterchangeSession.h"

#include "Database.h"
#include "InterchangeFields.h"
#include "InterchangeLoader.h"
#include "InterchangeReportBuilder.h"
#include "Validation.h"

#include <QCoreApplication>

using InterchangeFields::text;

InterchangeSession::InterchangeSession(Database &db, const ImportOptions &options, InterchangeReportBuilder &report)
    : m_db(db), m_sql(db.handle()), m_options(options), m_report(report)
{
}

QString InterchangeSession::where() const
{
    return QStringLiteral("%1:%2").arg(m_file->path).arg(line());
}

qint64 InterchangeSession::here() const
{
    return (qint64(m_file - m_files.data()) + 1) << 40 | m_file->reader->line();
}

QString InterchangeSession::place(qint64 packed) const
{
    const qint64 file = (packed >> 40) - 1;
    const qint64 line = packed & ((qint64(1) << 40) - 1);
    if (file == qint64(m_file - m_files.data()))
        return QCoreApplication::translate("InterchangeLoader", "line %1").arg(line);
    return QStringLiteral("%1:%2").arg(m_files[size_t(file)].path).arg(line);
}

void InterchangeSession::stored(const QString &table, qint64 id)
{
    m_report.report().imported.add(table, id);
    ++m_inserted;
}

void InterchangeSession::storedRate(const QString &currency, int year)
{
    m_report.report().imported.addRate(currency, year);
    ++m_inserted;
}

void InterchangeSession::issue(const QString &file, qint64 line, const QString &column, const QString &reason)
{
    m_report.error(file, line, column, reason);
}

void InterchangeSession::rowIssue(int column, const QString &reason)
{
    m_rowOk = false;
    rowProblem(m_file->reader->line(), column >= 0 ? m_file->columnName(column) : QString(), reason);
}

// Only web addresses (http, https) are stored as sources: a javascript:, file:, data: or
// scheme-less address is refused, as the forms and cell edits refuse it (Validation).
void InterchangeSession::checkSources(int column)
{
    const QByteArrayView bytes = value(column);
    if (bytes.isEmpty() || Validation::isPlainWebAddress(bytes))
        return;
    if (const QString why = Validation::sourceUrls(text(bytes)); !why.isEmpty())
        rowIssue(column, why);
}

void InterchangeSession::rowProblem(qint64 line, const QString &column, const QString &reason)
{
    m_rowOk = false;
    if (!m_options.skipInvalid) {
        issue(m_file->path, line, column, reason);
        return;
    }
    if (m_file->reader->line() != m_file->lastRejectedLine) {
        m_file->lastRejectedLine = m_file->reader->line();
        ++m_file->rejected;
        ++m_report.report().rejectedRows;
    }
    m_report.rejected(m_file->path, line, column, reason);
}

void InterchangeSession::skipDuplicate(const QString &column, const QString &reason)
{
    m_rowOk = false;
    ++m_file->duplicates;
    m_report.duplicate(m_file->path, m_file->reader->line(), column, reason);
}

bool InterchangeSession::fieldsFit()
{
    const std::vector<int> &columnOf = m_file->columnOf;
    for (size_t c = 0; c < columnOf.size(); ++c) {
        // The field as read: what is bound is at most this long (trimmed, unguarded).
        const qsizetype size = columnOf[c] < 0 ? 0 : m_file->reader->fieldBytes(columnOf[c]).size();
        if (size > m_maxLength)
            rowIssue(int(c),
                QCoreApplication::translate("InterchangeLoader",
                    "the field is %1 bytes long; SQLite holds at most %2 bytes in one value")
                    .arg(size)
                    .arg(m_maxLength));
    }
    return m_rowOk;
}

void InterchangeSession::reportProgress(ImportProgress::Stage stage, bool force)
{
    if (!m_options.progress)
        return;
    const qint64 now = m_clock.elapsed();
    if (!force && now - m_lastProgressMs < 100)
        return;
    m_lastProgressMs = now;
    ImportProgress p;
    p.stage = stage;
    p.rows = m_rowsRead;
    p.bytes = m_doneBytes + (m_file && stage == ImportProgress::Stage::Reading ? m_file->position() : 0);
    if (stage != ImportProgress::Stage::Reading)
        p.bytes = m_totalBytes;
    p.totalBytes = m_totalBytes;
    p.elapsedMs = now;
    p.file = m_file ? m_file->path : QString();
    m_options.progress(p);
}

void InterchangeSession::reportReading()
{
    if ((m_rowsRead & 1023) == 0)
        reportProgress(ImportProgress::Stage::Reading, false);
}

bool InterchangeSession::prepare(SqliteStatement &s, const char *sql)
{
    const int rc = s.prepare(m_sql, sql, SQLITE_PREPARE_PERSISTENT);
    if (rc == SQLITE_OK)
        return true;
    if (!stopOn(rc, QString::fromUtf8(sqlite3_errmsg(m_sql))))
        issue(m_db.path(), 0, QString(),
            QCoreApplication::translate("InterchangeLoader", "cannot prepare the import: %1")
                .arg(QString::fromUtf8(sqlite3_errmsg(m_sql))));
    return false;
}

bool InterchangeSession::prepareKept(SqliteStatement &s, const char *sql)
{
    if (!prepare(s, sql))
        return false;
    m_prepared.push_back(&s);
    return true;
}

void InterchangeSession::finalizeAll()
{
    for (SqliteStatement *s : m_prepared)
        s->finalize();
    m_prepared.clear();
}

bool InterchangeSession::exec(const QByteArray &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_sql, sql.constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return true;
    const QString why = QString::fromUtf8(message ? message : sqlite3_errmsg(m_sql));
    sqlite3_free(message);
    if (!stopOn(rc, why))
        issueDatabaseError(rc, why);
    return false;
}

void InterchangeSession::issueDatabaseError(int rc, const QString &why)
{
    issue(m_db.path(), 0, QString(), m_db.describeError(rc, why));
}

// Runs an insert; a refusal (a constraint the validation did not foresee) is reported on the row.
bool InterchangeSession::step(SqliteStatement &s)
{
    if (bindsFailed(s))
        return false;
    const int rc = sqlite3_step(s.handle());
    sqlite3_reset(s.handle());
    sqlite3_clear_bindings(s.handle());
    if (rc == SQLITE_DONE)
        return true;
    const QString why = QString::fromUtf8(sqlite3_errmsg(m_sql));
    if (!stopOn(rc, why))
        rowIssue(-1,
            QCoreApplication::translate("InterchangeLoader", "the database refused the row: %1").arg(why));
    return false;
}

qint64 InterchangeSession::create(SqliteStatement &s)
{
    if (bindsFailed(s))
        return 0;
    const int rc = sqlite3_step(s.handle());
    sqlite3_reset(s.handle());
    if (rc != SQLITE_DONE) {
        stopOn(rc, lastError());
        return 0;
    }
    return lastId();
}

void InterchangeSession::bound(int rc)
{
    if (rc != SQLITE_OK && m_bindRc == SQLITE_OK)
        m_bindRc = rc;
}

void InterchangeSession::bindText(sqlite3_stmt *s, int i, QByteArrayView v)
{
    if (v.isEmpty())
        bound(sqlite3_bind_null(s, i));
    else
        bound(sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_STATIC));
}

void InterchangeSession::bindWord(sqlite3_stmt *s, int i, const char *w)
{
    bound(sqlite3_bind_text(s, i, w, -1, SQLITE_STATIC));
}

void InterchangeSession::bindId(sqlite3_stmt *s, int i, qint64 id)
{
    if (id > 0)
        bound(sqlite3_bind_int64(s, i, id));
    else
        bound(sqlite3_bind_null(s, i));
}

bool InterchangeSession::bindsFailed(SqliteStatement &s)
{
    if (m_bindRc == SQLITE_OK)
        return false;
    const int rc = m_bindRc;
    m_bindRc = SQLITE_OK;
    sqlite3_reset(s.handle());
    sqlite3_clear_bindings(s.handle());
    const QString why = QString::fromUtf8(sqlite3_errstr(rc));
    if (stopOn(rc, why))
        return true;
    if (m_file)
        rowIssue(-1,
            QCoreApplication::translate(
                "InterchangeLoader", "the database cannot take a value of this row: %1")
                .arg(why));
    else
        issue(m_db.path(), 0, QString(),
            QCoreApplication::translate("InterchangeLoader", "the database cannot take a value: %1")
                .arg(why));
    return true;
}

bool InterchangeSession::stopOn(int rc, const QString &why)
{
    if (Database::isDamage(rc)) {
        if (!m_transactionLost)
            issue(m_db.path(), 0, QString(),
                QCoreApplication::translate("InterchangeLoader", "%1; nothing was changed")
                    .arg(m_db.describeError(rc, why)));
        m_transactionLost = true;
        m_rowOk = false;
        return true;
    }
    if (!sqlite3_get_autocommit(m_sql))
        return false;
    // SQLite rolled the whole transaction back (an I/O error, a full disk, an interrupt):
    // nothing more may be written, or it would be saved outside the import's transaction.
    if (!m_transactionLost && !cancelled()) // a cancel interrupts SQLite too; the cancel is reported
        issue(m_db.path(), 0, QString(),
            QCoreApplication::translate(
                "InterchangeLoader", "the database ended the import: %1; nothing was changed")
                .arg(why));
    m_transactionLost = true;
    m_rowOk = false;
    return true;
}

QByteArray InterchangeSession::columnBytes(sqlite3_stmt *s, int i)
{
    return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(s, i)), sqlite3_column_bytes(s, i));
}
