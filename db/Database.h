#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

/// The one gateway to a Fundscope SQLite file. It owns a named QSqlDatabase connection (which
/// belongs to the thread that opened it: give each worker its own Database), turns on foreign
/// keys, WAL and a busy timeout, and migrates the schema step by step with PRAGMA user_version.
/// Every failure is reported as a status plus a message that names the file; nothing here ever
/// shows UI.
class Database
{
public:
    enum class Status {
        Ok,
        NotFound,      ///< OpenExisting on a missing file
        AlreadyExists, ///< CreateNew on an existing file
        NotDatabase,   ///< not an SQLite file, or an SQLite file that is not Fundscope's
        Corrupt,       ///< truncated or malformed
        TooNew,        ///< written by a newer Fundscope: refused, nothing changed
        ReadOnly,      ///< the file or its folder cannot be written
        Locked,        ///< another process holds the lock past the busy timeout
        Failed,        ///< anything else; the message says what
    };

    enum class OpenMode {
        OpenExisting,   ///< the file must exist
        OpenOrCreate,   ///< create an empty database (schema and vocabularies) when missing
        CreateNew,      ///< the file must not exist
    };

    /// The schema version this build writes. Migration step N brings user_version N-1 to N.
    static int schemaVersion();
    /// The schema version stored in the file's header (SQLite's user_version), read without
    /// opening it; -1 when it is no SQLite file. Lower than schemaVersion(): open() will upgrade it.
    /// (A change still in the file's write-ahead log is not in the header yet: good for a hint.)
    static int storedVersion(const QString &path);
    /// "FSCP": marks files created by Fundscope.
    static constexpr int ApplicationId = 0x46534350;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (and creates or migrates) the file. On failure the connection is closed again and
    /// errorString() says what went wrong. busyTimeoutMs bounds how long a locked file is waited for.
    Status open(const QString &path, OpenMode mode = OpenMode::OpenOrCreate,
                int busyTimeoutMs = 5000);
    void close();

    bool isOpen() const;
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    QSqlDatabase connection() const;
    QString connectionName() const { return m_connectionName; }
    /// The raw SQLite handle behind the connection, for bulk paths that prepare statements once.
    sqlite3 *handle() const;

    /// Runs one or more ';'-separated statements; false with errorString() set on failure.
    bool execScript(const QString &sql);

    /// Begins an IMMEDIATE transaction (takes the write lock now, so a locked file fails here,
    /// before any work is done). Pair with commit() or rollback().
    bool begin();
    bool commit();
    void rollback();

    /// A message naming the file for an SQLite error code and text; sets Status via statusFor().
    QString describeError(int sqliteCode, const QString &detail) const;
    static Status statusFor(int sqliteCode);

private:
    Status fail(Status status, const QString &message);
    Status checkHeader(const QString &path);
    Status migrate();

    QString m_connectionName;
    QString m_path;
    QString m_error;
};

/// Rolls back unless commit() was called: every write path uses one, so an early return or an
/// exception never leaves half a change behind.
class Transaction
{
public:
    explicit Transaction(Database &db) : m_db(db), m_active(db.begin()) { }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit()
    {
        if (!m_active)
            return false;
        m_active = false;
        if (m_db.commit())
            return true;
        m_db.rollback(); // a failed COMMIT (say, a deferred constraint) leaves the transaction open
        return false;
    }

private:
    Database &m_db;
    bool m_active;
};
