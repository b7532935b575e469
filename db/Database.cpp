#include "Database.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QtEndian>

#include <sqlite3.h>

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
    };
    return scripts;
}

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("fundscope-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

int Database::schemaVersion()
{
    return int(migrationScripts().size());
}

Database::Database() : m_connectionName(nextConnectionName()) { }

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

sqlite3 *Database::handle() const
{
    const QVariant v = connection().driver() ? connection().driver()->handle() : QVariant();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.constData());
    return nullptr;
}

void Database::close()
{
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
    switch (statusFor(sqliteCode)) {
    case Status::NotDatabase:
        return QStringLiteral("%1 is not an SQLite database (%2)").arg(m_path, detail);
    case Status::Corrupt:
        return QStringLiteral("%1 is corrupted or truncated (%2)").arg(m_path, detail);
    case Status::Locked:
        return QStringLiteral("%1 is locked by another program; close it there and try again (%2)")
                .arg(m_path, detail);
    case Status::ReadOnly:
        return QStringLiteral("%1 cannot be written: the file or its folder is read-only (%2)")
                .arg(m_path, detail);
    default:
        return QStringLiteral("%1: %2").arg(m_path, detail);
    }
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
        return fail(Status::Failed, QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return Status::Ok; // SQLite treats an empty file as an empty database
    const QByteArray header = file.read(100);
    if (!header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return fail(Status::NotDatabase,
                    QStringLiteral("%1 is not an SQLite database (it has no SQLite header)").arg(path));
    if (header.size() < 100)
        return fail(Status::Corrupt,
                    QStringLiteral("%1 is truncated: it ends inside the SQLite header, after %2 bytes")
                            .arg(path)
                            .arg(header.size()));
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    quint32 pageSize = qFromBigEndian<quint16>(bytes + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return fail(Status::Corrupt, QStringLiteral("%1 is corrupted: invalid page size %2").arg(path).arg(pageSize));
    // A crash (or a reader arriving) mid-checkpoint or mid-commit can leave the header ahead of
    // the file while the -wal or -journal beside it still holds the pages: SQLite recovers that,
    // so the size is only trusted when no journal is pending.
    const bool journalPending = QFileInfo(path + QStringLiteral("-wal")).size() > 0
            || QFileInfo(path + QStringLiteral("-journal")).size() > 0;
    if (!journalPending && changeCounter == validFor && qint64(pageSize) * pageCount > size)
        return fail(Status::Corrupt,
                    QStringLiteral("%1 is truncated: the header promises %2 bytes, the file has %3")
                            .arg(path)
                            .arg(qint64(pageSize) * pageCount)
                            .arg(size));
    return Status::Ok;
}

Database::Status Database::open(const QString &path, OpenMode mode, int busyTimeoutMs)
{
    close();
    m_error.clear();
    m_path = path;
    const QFileInfo info(path);
    const bool exists = info.exists();

    if (exists && info.isDir())
        return fail(Status::Failed, QStringLiteral("%1 is a folder, not a database file").arg(path));
    if (!exists && mode == OpenMode::OpenExisting)
        return fail(Status::NotFound, QStringLiteral("%1 does not exist").arg(path));
    if (exists && mode == OpenMode::CreateNew)
        return fail(Status::AlreadyExists,
                    QStringLiteral("%1 already exists; refusing to overwrite it").arg(path));
    if (exists) {
        const Status header = checkHeader(path);
        if (header != Status::Ok)
            return header;
        if (!info.isWritable())
            return fail(Status::ReadOnly,
                        QStringLiteral("%1 is read-only; Fundscope needs to write to it").arg(path));
    }
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        return fail(Status::NotFound, QStringLiteral("%1: the folder %2 does not exist").arg(path, folder.filePath()));
    if (!folder.isWritable())
        return fail(Status::ReadOnly,
                    QStringLiteral("%1: the folder %2 is read-only; SQLite needs to write its journal there")
                            .arg(path, folder.filePath()));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        if (!db.open())
            return fail(Status::Failed,
                        QStringLiteral("%1 cannot be opened: %2").arg(path, db.lastError().text()));
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
                    QStringLiteral("%1 is an SQLite database but not a Fundscope database").arg(path));
    if (version > schemaVersion())
        return fail(Status::TooNew,
                    QStringLiteral("%1 was written by a newer Fundscope (schema version %2; this version "
                                   "knows up to %3). It was not opened and nothing was changed.")
                            .arg(path)
                            .arg(version)
                            .arg(schemaVersion()));
    if (exists && mode == OpenMode::OpenExisting && objectCount == 0 && version == 0)
        return fail(Status::NotDatabase, QStringLiteral("%1 is empty, not a Fundscope database").arg(path));

    for (const QString &sql : { QStringLiteral("PRAGMA foreign_keys = ON"),
                                QStringLiteral("PRAGMA journal_mode = WAL"),
                                QStringLiteral("PRAGMA synchronous = NORMAL") }) {
        if (Status s = pragma(sql); s != Status::Ok)
            return s;
    }
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
    q.exec(QStringLiteral("PRAGMA user_version"));
    q.next();
    const int from = q.value(0).toInt();
    q.finish();
    const QStringList &scripts = migrationScripts();
    for (int step = from + 1; step <= schemaVersion(); ++step) {
        QFile file(scripts.at(step - 1));
        if (!file.open(QIODevice::ReadOnly))
            return fail(Status::Failed, QStringLiteral("migration step %1 is missing from the build").arg(step));
        const QString sql = QString::fromUtf8(file.readAll());
        if (!begin())
            return fail(Status::Locked, m_error);
        const QString stamp = QStringLiteral("\nPRAGMA user_version = %1;\nPRAGMA application_id = %2;\n")
                                      .arg(step)
                                      .arg(ApplicationId);
        if (!execScript(sql + stamp)) {
            const QString message = QStringLiteral("upgrading to schema version %1 failed: %2").arg(step).arg(m_error);
            rollback();
            return fail(Status::Failed, message);
        }
        if (!commit())
            return fail(Status::Failed, m_error);
    }
    return Status::Ok;
}

bool Database::execScript(const QString &sql)
{
    sqlite3 *db = handle();
    if (!db) {
        m_error = QStringLiteral("%1: the database is not open").arg(m_path);
        return false;
    }
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        m_error = describeError(rc, QString::fromUtf8(message ? message : sqlite3_errstr(rc)));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool Database::begin()
{
    return execScript(QStringLiteral("BEGIN IMMEDIATE"));
}

bool Database::commit()
{
    return execScript(QStringLiteral("COMMIT"));
}

void Database::rollback()
{
    sqlite3 *db = handle();
    if (db && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}
