#include "Maintenance.h"

#include "Database.h"
#include "SqliteStatement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryFile>

#include <sqlite3.h>

#include <cstdio>

namespace Maintenance {

namespace {

// A raw connection, closed on every path out.
class Connection
{
public:
    Connection(const QString &path, int flags)
    {
        m_rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
        if (m_rc == SQLITE_OK)
            sqlite3_busy_timeout(m_db, 5000);
    }
    ~Connection() { sqlite3_close_v2(m_db); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool isOpen() const { return m_rc == SQLITE_OK; }
    sqlite3 *get() const { return m_db; }
    int openCode() const { return m_rc; }
    QString message() const { return QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(m_rc)); }

    /// Each row's columns as text; false with *rc and *why on an error.
    bool rows(const QByteArray &sql, QList<QStringList> *out, int *rc, QString *why) const
    {
        SqliteStatement stmt;
        *rc = stmt.prepare(m_db, sql);
        if (*rc == SQLITE_OK) {
            while ((*rc = stmt.step()) == SQLITE_ROW) {
                QStringList row;
                for (int i = 0; i < stmt.columnCount(); ++i)
                    row.append(QString::fromUtf8(stmt.cText(i)));
                out->append(row);
            }
            if (*rc == SQLITE_DONE)
                *rc = SQLITE_OK;
        }
        if (*rc != SQLITE_OK)
            *why = message();
        return *rc == SQLITE_OK;
    }

private:
    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_ERROR;
};

QString errorFor(const QString &path, int rc, const QString &why)
{
    if (Database::isDamage(rc))
        return Database::damagedMessage(path, why);
    return QStringLiteral("%1: %2").arg(path, why);
}

// The file must be there and start like an SQLite file before SQLite is asked anything.
QString refusal(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QCoreApplication::translate("Maintenance", "%1 does not exist").arg(path);
    if (info.isDir())
        return QCoreApplication::translate("Maintenance", "%1 is a folder, not a database file").arg(path);
    if (Database::storedVersion(path) < 0)
        return QCoreApplication::translate(
            "Maintenance", "%1 is not an SQLite database (it has no SQLite header)")
            .arg(path);
    return QString();
}

// Opened for writing, though nothing is written: the last connection to close removes the -wal
// and -shm files of a WAL database, which a read-only one has to leave behind. A file that may
// not be written is read read-only all the same.
int readFlags(const QString &path)
{
    return QFileInfo(path).isWritable() && QFileInfo(QFileInfo(path).absolutePath()).isWritable()
        ? SQLITE_OPEN_READWRITE
        : SQLITE_OPEN_READONLY;
}

QString pragmaFor(Database::Check level, int limit)
{
    return (level == Database::Check::Integrity ? QStringLiteral("PRAGMA integrity_check(%1)")
                                                : QStringLiteral("PRAGMA quick_check(%1)"))
        .arg(limit);
}

} // namespace

CheckReport check(const QString &path, int limit)
{
    CheckReport report;
    report.path = path;
    report.error = refusal(path);
    if (!report.error.isEmpty())
        return report;
    const Connection db(path, readFlags(path));
    if (!db.isOpen()) {
        report.error = errorFor(path, db.openCode(), db.message());
        return report;
    }
    int rc = SQLITE_OK;
    QString why;
    QList<QStringList> rows;
    // Reading the header fields makes SQLite read page 1: a file it cannot use stops here.
    if (!db.rows(
            "SELECT page_count * page_size, page_size, user_version, application_id FROM pragma_page_count, "
            "pragma_page_size, pragma_user_version, pragma_application_id",
            &rows, &rc, &why)) {
        if (Database::isDamage(rc))
            report.integrity.append(why);
        else
            report.error = errorFor(path, rc, why);
        return report;
    }
    report.bytes = rows.value(0).value(0).toLongLong();
    report.pageSize = rows.value(0).value(1).toLongLong();
    report.schemaVersion = rows.value(0).value(2).toInt();
    report.fundscope = rows.value(0).value(3).toInt() == Database::ApplicationId;

    rows.clear();
    const bool finished = db.rows(pragmaFor(Database::Check::Integrity, limit).toUtf8(), &rows, &rc, &why);
    if (!finished && !Database::isDamage(rc)) {
        report.error = errorFor(path, rc, why);
        return report;
    }
    // One finding a line, without the "*** in database main ***" heading (only main is checked).
    for (const QStringList &row : std::as_const(rows)) {
        for (const QString &line : row.value(0).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("*** ")))
                report.integrity.append(line);
        }
    }
    if (!finished)
        report.integrity.append(
            QCoreApplication::translate("Maintenance", "the check stopped here: %1").arg(why));

    // Which column each foreign key is: "phase_id points at no row of phases" says more than "fk 0".
    rows.clear();
    if (!db.rows("PRAGMA foreign_key_check", &rows, &rc, &why)) {
        if (!Database::isDamage(rc)) {
            report.error = errorFor(path, rc, why);
            return report;
        }
        report.integrity.append(why);
    }
    for (const QStringList &row : std::as_const(rows)) {
        if (report.foreignKeys.size() >= limit)
            break;
        const QString table = row.value(0);
        QString column = QCoreApplication::translate("Maintenance", "a reference");
        QList<QStringList> keys;
        QString ignored;
        int keyRc = SQLITE_OK;
        // The table name comes from SQLite's own answer; quoted as an identifier all the same.
        const QByteArray list = "PRAGMA foreign_key_list(\""
            + QString(table).replace(QLatin1Char('"'), QStringLiteral("\"\"")).toUtf8() + "\")";
        if (db.rows(list, &keys, &keyRc, &ignored)) {
            for (const QStringList &key : std::as_const(keys)) {
                if (key.value(0) == row.value(3)) {
                    column = key.value(3);
                    break;
                }
            }
        }
        report.foreignKeys.append(
            QCoreApplication::translate("Maintenance", "%1 row %2: %3 points at no row of %4")
                .arg(table, row.value(1).isEmpty() ? QStringLiteral("?") : row.value(1), column,
                    row.value(2)));
    }
    return report;
}

bool backup(const QString &path, const QString &copy, QString *error, qint64 *bytes)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (const QString refused = refusal(path); !refused.isEmpty())
        return fail(refused);
    if (const QString why = Database::overwritesDatabase(copy, path); !why.isEmpty())
        return fail(QCoreApplication::translate("Maintenance", "cannot write %1: %2; choose another file")
                        .arg(QDir::toNativeSeparators(copy), why));
    const QFileInfo target(copy);
    if (target.isDir())
        return fail(QCoreApplication::translate("Maintenance", "cannot write %1: it is a folder")
                        .arg(QDir::toNativeSeparators(copy)));
    if (!QFileInfo(target.absolutePath()).isDir())
        return fail(
            QCoreApplication::translate("Maintenance", "cannot write %1: the folder %2 does not exist")
                .arg(QDir::toNativeSeparators(copy), QDir::toNativeSeparators(target.absolutePath())));

    // The copy is made under a name of its own beside the target, and renamed into place whole.
    QTemporaryFile scratch(target.absoluteFilePath() + QStringLiteral(".backup-XXXXXX"));
    if (!scratch.open())
        return fail(QCoreApplication::translate("Maintenance", "cannot write %1: %2")
                        .arg(QDir::toNativeSeparators(copy), scratch.errorString()));
    scratch.close();
    const QString temporary = scratch.fileName();
    const auto removeTemporary = [&temporary] {
        for (const char *suffix : { "-wal", "-shm", "-journal" })
            QFile::remove(temporary + QLatin1String(suffix));
    };

    qint64 size = 0;
    {
        const Connection source(path, readFlags(path));
        if (!source.isOpen())
            return fail(errorFor(path, source.openCode(), source.message()));
        Connection destination(temporary, SQLITE_OPEN_READWRITE);
        if (!destination.isOpen())
            return fail(QCoreApplication::translate("Maintenance", "cannot write %1: %2")
                            .arg(QDir::toNativeSeparators(copy), destination.message()));
        sqlite3_backup *job = sqlite3_backup_init(destination.get(), "main", source.get(), "main");
        if (!job)
            return fail(QCoreApplication::translate("Maintenance", "cannot write %1: %2")
                            .arg(QDir::toNativeSeparators(copy), destination.message()));
        // All pages in one step: one read transaction on the source, so the copy is one
        // committed state of it even while another connection writes.
        const int stepped = sqlite3_backup_step(job, -1);
        const int finished = sqlite3_backup_finish(job);
        if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
            const int rc = stepped != SQLITE_DONE ? stepped : finished;
            removeTemporary();
            if (Database::isDamage(rc))
                return fail(Database::damagedMessage(path,
                    QCoreApplication::translate("Maintenance", "%1; no copy was made")
                        .arg(source.message())));
            return fail(
                QCoreApplication::translate("Maintenance", "%1: the copy to %2 failed: %3")
                    .arg(path, QDir::toNativeSeparators(copy), QString::fromUtf8(sqlite3_errstr(rc))));
        }
        QList<QStringList> rows;
        int rc = SQLITE_OK;
        QString why;
        if (destination.rows(
                "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size", &rows, &rc, &why))
            size = rows.value(0).value(0).toLongLong();
        const Database::Check level = Database::checkAtOpen(size).value_or(Database::Check::Quick);
        rows.clear();
        const bool checked = destination.rows(pragmaFor(level, 5).toUtf8(), &rows, &rc, &why);
        const QString finding = checked ? rows.value(0).value(0) : why;
        // A page of the copy that could not be read (error code=266…) is the disk, not damage.
        static const QRegularExpression readFailure(QStringLiteral("error code=([0-9]+)"));
        const QRegularExpressionMatch code = readFailure.match(finding);
        if ((checked && code.hasMatch() && (code.captured(1).toInt() & 0xff) == SQLITE_IOERR)
            || (!checked && (rc & 0xff) == SQLITE_IOERR)) {
            removeTemporary();
            return fail(QCoreApplication::translate("Maintenance", "%1: the copy to %2 could not be checked: disk I/O error (%3)")
                            .arg(path, QDir::toNativeSeparators(copy), finding));
        }
        if (!checked || rows.value(0).value(0) != QLatin1String("ok")) {
            removeTemporary();
            return fail(Database::damagedMessage(path,
                QCoreApplication::translate("Maintenance", "its copy fails the check: %1; no copy was made")
                    .arg(checked ? rows.value(0).value(0) : why)));
        }
    }
    removeTemporary();
    if (std::rename(QFile::encodeName(temporary).constData(),
            QFile::encodeName(target.absoluteFilePath()).constData())
        != 0)
        return fail(QCoreApplication::translate(
            "Maintenance", "cannot write %1: the finished copy could not be moved into place")
                        .arg(QDir::toNativeSeparators(copy)));
    scratch.setAutoRemove(false);
    QFile::setPermissions(
        target.absoluteFilePath(), QFileInfo(path).permissions()); // not the scratch file's 0600
    if (bytes)
        *bytes = size;
    return true;
}

} // namespace Maintenance
