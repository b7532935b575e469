#include "Database.h"

#include "sqlite/SqliteBackend.h"
#include "SqlDialect.h"
#include "StorageBackend.h"

#include <utility>

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QtEndian>

#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <utility>
#include <sys/stat.h>

namespace {

// Migration steps, in order; step N (1-based) brings user_version N-1 to N. Never edit a step
// that has shipped: add a new one.
const QStringList &migrationScripts()
{
    static const QStringList scripts = {
        QStringLiteral(":/fundscope/db/sql/001_schema.sql"),
        QStringLiteral(":/fundscope/db/sql/002_vocabulary.sql"),
        QStringLiteral(":/fundscope/db/sql/003_status_in_indexes.sql"),
        QStringLiteral(":/fundscope/db/sql/004_data_revision.sql"),
        QStringLiteral(":/fundscope/db/sql/005_token_per_change.sql"),
        QStringLiteral(":/fundscope/db/sql/006_status_in_sort_indexes.sql"),
        QStringLiteral(":/fundscope/db/sql/007_figure_views.sql"),
        QStringLiteral(":/fundscope/db/sql/008_deferred_indexes.sql"),
    };
    return scripts;
}

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("fundscope-%1").arg(counter.fetchAndAddRelaxed(1));
}

constexpr qint64 DefaultIntegrityLimit = qint64(8) << 20;
constexpr qint64 DefaultQuickLimit = qint64(64) << 20;
std::atomic<qint64> integrityLimit { DefaultIntegrityLimit };
std::atomic<qint64> quickLimit { DefaultQuickLimit };

// The files the Databases of this process have open (by canonical path, with how many
// connections), and those found damaged: one connection's finding stops every connection's writes.
struct OpenFiles
{
    QMutex mutex;
    QHash<QString, int> open;
    QSet<QString> damaged;
};

OpenFiles &openFiles()
{
    static OpenFiles files;
    return files;
}

// SQLite keeps these beside a database, named after it; writing over one damages the database.
struct Companion
{
    const char *suffix;
    const char *what;
};
constexpr Companion Companions[] = {
    { "", nullptr },
    { "-wal", QT_TRANSLATE_NOOP("Database", "write-ahead log") },
    { "-shm", QT_TRANSLATE_NOOP("Database", "shared-memory index") },
    { "-journal", QT_TRANSLATE_NOOP("Database", "rollback journal") },
};

// The canonical path a target would have: its own when it exists, else its folder's plus its name.
QString resolvedTarget(const QString &target)
{
    const QFileInfo info(target);
    if (info.isSymLink() && !info.exists())
        return resolvedTarget(info.symLinkTarget()); // a dangling link would write where it points
    if (info.exists())
        return info.canonicalFilePath();
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : folder + QLatin1Char('/') + info.fileName();
}

// SQLite logs every error it meets, also those that code reading rows in a loop never looks at.
// Damage is pinned on the open file when only one is open (the window and every command); with
// several open it cannot be told which, and the connections' own errors have to say it.
void logged(void *, int code, const char *)
{
    if (!Database::isDamage(code))
        return;
    OpenFiles &files = openFiles();
    const QMutexLocker lock(&files.mutex);
    if (files.open.size() == 1)
        files.damaged.insert(files.open.cbegin().key());
}

bool sameInode(const QString &a, const QString &b)
{
    struct stat sa {};
    struct stat sb {};
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0 && ::stat(QFile::encodeName(b).constData(), &sb) == 0
            && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

} // namespace

std::optional<Database::Check> Database::checkAtOpen(qint64 bytes)
{
    if (bytes <= integrityLimit.load())
        return Check::Integrity;
    if (bytes <= quickLimit.load())
        return Check::Quick;
    return std::nullopt;
}

void Database::setOpenCheckLimits(qint64 integrityBytes, qint64 quickBytes)
{
    integrityLimit = integrityBytes < 0 ? DefaultIntegrityLimit : integrityBytes;
    quickLimit = quickBytes < 0 ? DefaultQuickLimit : quickBytes;
}

bool Database::isDamage(int sqliteCode)
{
    const int primary = sqliteCode & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

QString Database::damagedWords()
{
    return QCoreApplication::translate("Database", "the database file is damaged");
}

QString Database::damagedMessage(const QString &path, const QString &detail)
{
    if (detail.isEmpty())
        return QStringLiteral("%1: %2").arg(path, damagedWords());
    return QStringLiteral("%1: %2 (%3)").arg(path, damagedWords(), detail);
}

QString Database::overwritesDatabase(const QString &target, const QString &databasePath)
{
    if (target.isEmpty() || databasePath.isEmpty())
        return QString();
    const QString resolved = resolvedTarget(target);
    const QString database = resolvedTarget(databasePath);
    const bool targetExists = QFileInfo::exists(resolved);
    for (const Companion &c : Companions) {
        const QString companion = database + QLatin1String(c.suffix);
        if (resolved != companion && !(targetExists && QFileInfo::exists(companion) && sameInode(resolved, companion)))
            continue;
        if (!c.what)
            return QCoreApplication::translate("Database", "that is the database file %1")
                .arg(QDir::toNativeSeparators(database));
        return QCoreApplication::translate("Database", "that is the %1 SQLite keeps beside the database %2")
            .arg(QCoreApplication::translate("Database", c.what), QDir::toNativeSeparators(database));
    }
    return QString();
}

QString Database::overwritesOpenDatabase(const QString &target)
{
    QStringList open;
    {
        OpenFiles &files = openFiles();
        const QMutexLocker lock(&files.mutex);
        open = files.open.keys();
    }
    for (const QString &database : std::as_const(open)) {
        if (QString why = overwritesDatabase(target, database); !why.isEmpty())
            return why;
    }
    return QString();
}

void Database::markDamaged() const
{
    const QString key = m_canonicalPath.isEmpty() ? resolvedTarget(m_path) : m_canonicalPath;
    OpenFiles &files = openFiles();
    const QMutexLocker lock(&files.mutex);
    files.damaged.insert(key);
}

bool Database::isDamaged() const
{
    if (m_canonicalPath.isEmpty())
        return false;
    OpenFiles &files = openFiles();
    const QMutexLocker lock(&files.mutex);
    return files.damaged.contains(m_canonicalPath);
}

int Database::schemaVersion()
{
    return int(migrationScripts().size());
}

Database::Database() : m_connectionName(nextConnectionName())
{
    // Only possible before SQLite's first use in the process; later it is simply not installed.
    static std::once_flag once;
    std::call_once(once, [] { SqliteBackend::installErrorLog(&logged); });
}

QStringList Database::damagedFiles()
{
    OpenFiles &files = openFiles();
    const QMutexLocker lock(&files.mutex);
    QStringList paths(files.damaged.cbegin(), files.damaged.cend());
    paths.sort();
    return paths;
}

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

const StorageBackend &Database::backend() const
{
    return StorageBackend::of(m_path);
}

const SqlDialect &Database::dialect() const
{
    return backend().dialect();
}

sqlite3 *Database::handle() const
{
    const QVariant v = connection().driver() ? connection().driver()->handle() : QVariant();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.constData());
    return nullptr;
}

void Database::close()
{
    if (!m_canonicalPath.isEmpty()) {
        OpenFiles &files = openFiles();
        const QMutexLocker lock(&files.mutex);
        if (--files.open[m_canonicalPath] <= 0)
            files.open.remove(m_canonicalPath);
        m_canonicalPath.clear();
    }
    m_writeChecked = false;
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Database::Status Database::statusFor(int sqliteCode)
{
    switch (sqliteCode & 0xff) {
    case SQLITE_OK:
        return Status::Ok;
    case SQLITE_NOTADB:
        return Status::NotDatabase;
    case SQLITE_CORRUPT:
        return Status::Corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Status::Locked;
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return Status::ReadOnly;
    default:
        return Status::Failed;
    }
}

QString Database::describeError(int sqliteCode, const QString &detail) const
{
    if (isDamage(sqliteCode)) {
        markDamaged();
        return damagedMessage(m_path, detail);
    }
    switch (statusFor(sqliteCode)) {
    case Status::Locked:
        return QCoreApplication::translate(
            "Database", "%1 is locked by another program; close it there and try again (%2)")
            .arg(m_path, detail);
    case Status::ReadOnly:
        return QCoreApplication::translate(
            "Database", "%1 cannot be written: the file or its folder is read-only (%2)")
            .arg(m_path, detail);
    default:
        return QStringLiteral("%1: %2").arg(m_path, detail);
    }
}

QString Database::describeError(const QSqlError &error) const
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return describeError(error.nativeErrorCode().toInt(), detail);
}

Database::Status Database::fail(Status status, const QString &message)
{
    m_error = message;
    close();
    return status;
}

// Reads the 100-byte SQLite header so that a foreign or truncated file is refused before SQLite
// (or a migration) touches it.
Database::Status Database::checkHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Status::Failed,
            QCoreApplication::translate("Database", "%1 cannot be read: %2").arg(path, file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return Status::Ok; // SQLite treats an empty file as an empty database
    const QByteArray header = file.read(100);
    if (!header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return fail(Status::NotDatabase,
            QCoreApplication::translate("Database", "%1 is not an SQLite database (it has no SQLite header)")
                .arg(path));
    if (header.size() < 100)
        return fail(Status::Corrupt,
            damagedMessage(path,
                QCoreApplication::translate("Database",
                    "it is truncated: it ends inside the SQLite header, "
                    "after %1 bytes")
                    .arg(header.size())));
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    quint32 pageSize = qFromBigEndian<quint16>(bytes + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return fail(Status::Corrupt,
            damagedMessage(
                path, QCoreApplication::translate("Database", "invalid page size %1").arg(pageSize)));
    // A crash (or a reader arriving) mid-checkpoint or mid-commit can leave the header ahead of
    // the file while the -wal or -journal beside it still holds the pages: SQLite recovers that,
    // so the size is only trusted when no journal is pending.
    const bool journalPending = QFileInfo(path + QStringLiteral("-wal")).size() > 0
            || QFileInfo(path + QStringLiteral("-journal")).size() > 0;
    if (!journalPending && changeCounter == validFor && qint64(pageSize) * pageCount > size)
        return fail(Status::Corrupt,
            damagedMessage(path,
                QCoreApplication::translate("Database",
                    "it is truncated: the header promises %1 bytes, "
                    "the file has %2")
                    .arg(qint64(pageSize) * pageCount)
                    .arg(size)));
    return Status::Ok;
}

Database::Status Database::open(const QString &path, OpenMode mode, int busyTimeoutMs)
{
    const bool skipCheck = std::exchange(m_skipOpenCheck, false);
    close();
    m_error.clear();
    m_path = path;
    const QFileInfo info(path);
    const bool exists = info.exists();

    if (exists && info.isDir())
        return fail(Status::Failed,
            QCoreApplication::translate("Database", "%1 is a folder, not a database file").arg(path));
    if (!exists && mode == OpenMode::OpenExisting)
        return fail(Status::NotFound, QCoreApplication::translate("Database", "%1 does not exist").arg(path));
    if (exists && mode == OpenMode::CreateNew)
        return fail(Status::AlreadyExists,
            QCoreApplication::translate("Database", "%1 already exists; refusing to overwrite it").arg(path));
    if (exists) {
        const Status header = checkHeader(path);
        if (header != Status::Ok)
            return header;
        if (!info.isWritable())
            return fail(Status::ReadOnly,
                QCoreApplication::translate("Database", "%1 is read-only; Fundscope needs to write to it")
                    .arg(path));
    }
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        return fail(Status::NotFound,
            QCoreApplication::translate("Database", "%1: the folder %2 does not exist")
                .arg(path, folder.filePath()));
    if (!folder.isWritable())
        return fail(Status::ReadOnly,
            QCoreApplication::translate(
                "Database", "%1: the folder %2 is read-only; SQLite needs to write its journal there")
                .arg(path, folder.filePath()));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        if (!db.open())
            return fail(Status::Failed,
                QCoreApplication::translate("Database", "%1 cannot be opened: %2")
                    .arg(path, db.lastError().text()));
    }
    {
        m_canonicalPath = QFileInfo(path).canonicalFilePath();
        OpenFiles &files = openFiles();
        const QMutexLocker lock(&files.mutex);
        ++files.open[m_canonicalPath];
    }

    QSqlQuery q(connection());
    auto pragma = [&](const QString &sql) -> Status {
        if (q.exec(sql))
            return Status::Ok;
        const int code = q.lastError().nativeErrorCode().toInt();
        const QString message = describeError(code, q.lastError().databaseText());
        return fail(statusFor(code) == Status::Ok ? Status::Failed : statusFor(code), message);
    };

    // Reading the schema first makes SQLite parse the file: a foreign or damaged file fails here.
    if (Status s = pragma(QStringLiteral("SELECT count(*) FROM sqlite_master")); s != Status::Ok)
        return s;
    q.next();
    const int objectCount = q.value(0).toInt();
    if (Status s = pragma(QStringLiteral("PRAGMA application_id")); s != Status::Ok)
        return s;
    q.next();
    const int applicationId = q.value(0).toInt();
    if (Status s = pragma(QStringLiteral("PRAGMA user_version")); s != Status::Ok)
        return s;
    q.next();
    const int version = q.value(0).toInt();

    if (objectCount > 0 && applicationId != ApplicationId)
        return fail(Status::NotDatabase,
            QCoreApplication::translate("Database", "%1 is an SQLite database but not a Fundscope database")
                .arg(path));
    if (version > schemaVersion())
        return fail(Status::TooNew,
            QCoreApplication::translate("Database",
                "%1 was written by a newer Fundscope (schema version %2; this version "
                "knows up to %3). It was not opened and nothing was changed.")
                .arg(path)
                .arg(version)
                .arg(schemaVersion()));
    if (exists && mode == OpenMode::OpenExisting && objectCount == 0 && version == 0)
        return fail(Status::NotDatabase,
            QCoreApplication::translate("Database", "%1 is empty, not a Fundscope database").arg(path));

    // Before anything is written (the journal mode, a migration): a damaged file stays as it is.
    if (objectCount > 0) {
        if (Status s = pragma(QStringLiteral("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"));
            s != Status::Ok)
            return s;
        q.next();
        const qint64 bytes = q.value(0).toLongLong();
        q.finish();
        if (const std::optional<Check> level = checkAtOpen(bytes)) {
            if (skipCheck && !isDamaged()) {
                m_writeChecked = true;
            } else {
                if (!check(*level, nullptr, 5))
                    return fail(isDamaged() ? Status::Corrupt : Status::Failed, m_error);
                if (*level == Check::Integrity) {
                    OpenFiles &files = openFiles();
                    const QMutexLocker lock(&files.mutex);
                    files.damaged.remove(m_canonicalPath); // a whole check is the last word
                }
            }
        }
    } else {
        m_writeChecked = true; // nothing in it yet
    }

    if (Status s = pragma(QStringLiteral("PRAGMA foreign_keys = ON")); s != Status::Ok)
        return s;
    // The switch to WAL is made by stepping the statement, and SQLite answers with the mode it is
    // in: a failed switch (a sync that failed) must not leave synchronous = NORMAL on a rollback
    // journal, which is not safe against power loss.
    if (Status s = pragma(QStringLiteral("PRAGMA journal_mode = WAL")); s != Status::Ok)
        return s;
    const bool stepped = q.next();
    if (!stepped && q.lastError().isValid()) {
        const int code = q.lastError().nativeErrorCode().toInt();
        const QString message = describeError(code, q.lastError().databaseText());
        q.finish();
        return fail(statusFor(code) == Status::Ok ? Status::Failed : statusFor(code), message);
    }
    QString journal = stepped ? q.value(0).toString() : QString();
    q.finish();
    // The answer echoes the mode asked for; once the file has been read again, the connection
    // says the mode it is really in (a failed write of the WAL header leaves it in the old one).
    if (Status s = pragma(QStringLiteral("SELECT count(*) FROM sqlite_master")); s != Status::Ok)
        return s;
    q.finish();
    if (Status s = pragma(QStringLiteral("PRAGMA journal_mode")); s != Status::Ok)
        return s;
    journal = q.next() ? q.value(0).toString() : QString();
    q.finish();
    if (journal.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(Status::Failed,
            QCoreApplication::translate("Database", "%1 could not switch to write-ahead logging (journal mode: %2)")
                .arg(path, journal));
    if (Status s = pragma(QStringLiteral("PRAGMA synchronous = NORMAL")); s != Status::Ok)
        return s;
    q.finish();
    if (version < schemaVersion()) {
        if (Status s = migrate(); s != Status::Ok)
            return s;
    }
    return Status::Ok;
}

int Database::storedVersion(const QString &path)
{
    // The header's first 100 bytes: the magic string, and user_version big-endian at offset 60.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith("SQLite format 3"))
        return -1;
    const auto byte = [&header](int at) { return quint32(quint8(header.at(at))); };
    return int(byte(60) << 24 | byte(61) << 16 | byte(62) << 8 | byte(63));
}

Database::Status Database::migrate()
{
    QSqlQuery q(connection());
    // A version that cannot be read is an error, never version 0: that would replay every step.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        const QSqlError error = q.lastError();
        q.finish();
        return fail(statusFor(error.nativeErrorCode().toInt()), describeError(error));
    }
    const int from = q.value(0).toInt();
    q.finish();
    const QStringList &scripts = migrationScripts();
    for (int step = from + 1; step <= schemaVersion(); ++step) {
        QFile file(scripts.at(step - 1));
        if (!file.open(QIODevice::ReadOnly))
            return fail(Status::Failed,
                QCoreApplication::translate("Database", "migration step %1 is missing from the build")
                    .arg(step));
        const QString sql = QString::fromUtf8(file.readAll());
        if (!begin())
            return fail(isDamaged() ? Status::Corrupt : Status::Locked, m_error);
        const QString stamp = QStringLiteral("\nPRAGMA user_version = %1;\nPRAGMA application_id = %2;\n")
                                      .arg(step)
                                      .arg(ApplicationId);
        if (!execScript(sql + stamp)) {
            const QString message
                = QCoreApplication::translate("Database", "upgrading to schema version %1 failed: %2")
                      .arg(step)
                      .arg(m_error);
            rollback();
            return fail(Status::Failed, message);
        }
        if (!commit())
            return fail(Status::Failed, m_error);
    }
    return Status::Ok;
}

bool Database::execCancellable(const QString &sql, const std::atomic_bool *cancel)
{
    const SqliteBackend::CancelHandler interrupt(handle(), cancel);
    return execScript(sql);
}

bool Database::execScript(const QString &sql)
{
    sqlite3 *db = handle();
    if (!db) {
        m_error = QCoreApplication::translate("Database", "%1: the database is not open").arg(m_path);
        return false;
    }
    QString message;
    const int rc = SqliteBackend::exec(db, sql.toUtf8(), &message);
    if (rc != SQLITE_OK) {
        m_error = describeError(rc, message);
        return false;
    }
    return true;
}

bool Database::begin(WriteKind kind)
{
    if (isDamaged()) {
        m_error = damagedMessage(m_path, QCoreApplication::translate("Database", "nothing was written"));
        return false;
    }
    if (!execScript(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    // Inside the transaction: what is checked is what the write will change.
    if (kind == WriteKind::Bulk || !m_writeChecked) {
        if (!check(Check::Quick)) {
            const QString message = m_error;
            rollback();
            m_error = message;
            return false;
        }
    }
    return true;
}

bool Database::check(Check level, QStringList *problems, int limit, const std::atomic_bool *cancel)
{
    const SqliteBackend::CancelHandler interrupt(handle(), cancel);
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    // Named "main": an unqualified check also opens the TEMP database, and once it is open
    // SQLite refuses to change temp_store inside the transaction, which an import's index
    // builds need (BulkLoadScope::rebuildIndexes).
    const QString sql = level == Check::Quick ? QStringLiteral("PRAGMA main.quick_check(%1)")
                                              : QStringLiteral("PRAGMA main.integrity_check(%1)");
    if (!q.exec(sql.arg(qMax(1, limit)))) {
        m_error = describeError(q.lastError());
        if (problems && isDamaged())
            problems->append(q.lastError().databaseText());
        return false;
    }
    // One finding a line; the "*** in database main ***" heading SQLite puts before the first
    // finding of each file says nothing here (only main is checked).
    QStringList found;
    while (q.next()) {
        for (const QString &line : q.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (!line.startsWith(QLatin1String("*** ")))
                found.append(line);
        }
    }
    if (q.lastError().isValid()) {
        m_error = describeError(q.lastError());
        if (!isDamaged())
            return false;
        found.append(q.lastError().databaseText());
    }
    if (found == QStringList { QStringLiteral("ok") }) {
        m_writeChecked = true;
        return true;
    }
    // A page the check could not read ("unable to get the page. error code=266") is a failing
    // disk or file system, not a damaged file: said as such, and the file is not marked.
    static const QRegularExpression readFailure(QStringLiteral("error code=([0-9]+)"));
    for (const QString &line : std::as_const(found)) {
        const QRegularExpressionMatch match = readFailure.match(line);
        if (match.hasMatch() && (match.captured(1).toInt() & 0xff) == SQLITE_IOERR) {
            m_error = describeError(SQLITE_IOERR, QStringLiteral("disk I/O error (%1)").arg(line));
            return false;
        }
    }
    markDamaged();
    if (problems)
        *problems = found;
    const QString first = found.value(0, QCoreApplication::translate("Database", "no answer from the check"));
    const QString findings = found.size() > 2
        ? QCoreApplication::translate("Database", "%1; and %2 more findings").arg(first).arg(found.size() - 1)
        : found.size() == 2 ? QCoreApplication::translate("Database", "%1; and 1 more finding").arg(first)
                            : first;
    m_error = damagedMessage(m_path, findings);
    return false;
}

bool Database::commit()
{
    return execScript(QStringLiteral("COMMIT"));
}

void Database::rollback()
{
    SqliteBackend::rollback(handle());
}
