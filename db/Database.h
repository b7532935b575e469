#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

class QSqlError;

struct sqlite3;
class SqlDialect;
class StorageBackend;

/// The one gateway to a Fundscope SQLite file. It owns a named QSqlDatabase connection (which
/// belongs to the thread that opened it: give each worker its own Database), turns on foreign
/// keys, WAL and a busy timeout, and migrates the schema step by step with PRAGMA user_version.
/// Every failure is reported as a status plus a message that names the file; nothing here ever
/// shows UI.
///
/// Damage is refused before it can spread. A small file is checked whole when it is opened
/// (checkAtOpen(): integrity_check up to 8 MiB, quick_check up to 64 MiB), so every command and
/// the window refuse a damaged one; a larger one is checked (quick_check) inside the first write
/// transaction after opening. Every bulk write (WriteKind::Bulk: imports and their undo) is
/// checked too. Any SQLITE_CORRUPT or SQLITE_NOTADB met later, by any connection of this process
/// to the file, is reported as "the database file is damaged" (describeError()) and stops every
/// further write to it. docs/reliability.md has the measurements behind the limits.
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

    /// What a write transaction is for: a bulk write is checked for damage every time.
    enum class WriteKind { Single, Bulk };
    /// How thoroughly check() looks: quick_check reads every page and record but does not compare
    /// indexes with their tables; integrity_check does that too.
    enum class Check { Quick, Integrity };

    /// The check open() runs on a file of this many bytes (page count × page size): Integrity up
    /// to 8 MiB, Quick up to 64 MiB, none above (the first write checks instead).
    static std::optional<Check> checkAtOpen(qint64 bytes);
    /// For tests and tools: other limits for the opens that follow (0: that check never runs at
    /// open); negative values restore the defaults.
    static void setOpenCheckLimits(qint64 integrityBytes, qint64 quickBytes);
    /// True for the SQLite codes that mean the file itself is damaged (SQLITE_CORRUPT, SQLITE_NOTADB,
    /// extended codes included).
    static bool isDamage(int sqliteCode);
    /// "PATH: the database file is damaged (DETAIL)": the one wording every surface uses.
    static QString damagedMessage(const QString &path, const QString &detail = {});
    /// Its words without the path: "the database file is damaged".
    static QString damagedWords();

    /// Empty when writing `target` cannot touch the database file `databasePath`; otherwise why
    /// ("… is the database …"). Compares canonical paths (a target that does not exist yet by its
    /// folder's canonical path and its name) against the database and SQLite's files beside it
    /// (-wal, -shm, -journal), and an existing target's device and inode too (a hard link).
    static QString overwritesDatabase(const QString &target, const QString &databasePath);
    /// The same against every database file a Database in this process has open: export paths
    /// call it, so that no export can replace the database it was made from.
    static QString overwritesOpenDatabase(const QString &target);

    /// Opens (and creates or migrates) the file. On failure the connection is closed again and
    /// errorString() says what went wrong. busyTimeoutMs bounds how long a locked file is waited for.
    /// A damaged file (see the class comment) is refused with Status::Corrupt.
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
    /// The backend that stores this database (StorageBackend::of()).
    const StorageBackend &backend() const;
    /// The backend's forms of the few SQL constructs that differ between backends.
    const SqlDialect &dialect() const;

    /// Runs one or more ';'-separated statements; false with errorString() set on failure.
    bool execScript(const QString &sql);
    /// execScript() for statements that take seconds (an index build): a set `*cancel`
    /// interrupts them at SQLite's next progress callback (false, errorString() says so).
    bool execCancellable(const QString &sql, const std::atomic_bool *cancel);

    /// Begins an IMMEDIATE transaction (takes the write lock now, so a locked file fails here,
    /// before any work is done). Pair with commit() or rollback(). Refused when the file is known
    /// to be damaged; the first write after opening a file that open() did not check whole, and
    /// every bulk write, first runs check(Check::Quick) inside the transaction.
    bool begin(WriteKind kind = WriteKind::Single);
    bool commit();
    void rollback();

    /// Runs the check on the open file. True when SQLite finds nothing; otherwise false, the file
    /// is marked damaged, errorString() says so and *problems (optional) gets SQLite's findings
    /// (at most `limit` lines).
    /// A set `*cancel` interrupts it at SQLite's next progress callback (false, errorString()
    /// says so, the file is not marked). SQLite 3.40 calls it only between the b-trees a check
    /// reads, so the largest table's part runs to its end.
    bool check(Check level, QStringList *problems = nullptr, int limit = 100,
        const std::atomic_bool *cancel = nullptr);
    /// True while the first write will check the file first (open() did not check it whole).
    bool needsWriteCheck() const { return !m_writeChecked; }
    /// The file passed a check on another connection since it was opened (the window's check
    /// after opening, off the UI thread): the first write need not check it again.
    void markChecked() { m_writeChecked = true; }
    /// The next open() counts the file as checked instead of checking it again: the caller has
    /// just opened (and so checked) the same file on another connection — the window does that
    /// on a worker, so a check of tens of MB does not hold up the UI thread. A file this process
    /// has found damaged is checked all the same.
    void skipNextOpenCheck() { m_skipOpenCheck = true; }
    /// True once this process has found the open file damaged: writes are refused.
    bool isDamaged() const;
    /// Every file this process has found damaged (canonical paths), also through SQLite's error
    /// log: code that reads rows without looking at the error still leaves its mark here.
    static QStringList damagedFiles();

    /// A message naming the file for an SQLite error code and text; sets Status via statusFor().
    /// A damage code marks the file damaged (isDamaged()) for every connection of this process.
    QString describeError(int sqliteCode, const QString &detail) const;
    /// describeError() for an error of a QSqlQuery on this connection.
    QString describeError(const QSqlError &error) const;
    static Status statusFor(int sqliteCode);

private:
    Status fail(Status status, const QString &message);
    Status checkHeader(const QString &path);
    Status migrate();
    void markDamaged() const;

    QString m_connectionName;
    QString m_path;
    QString m_canonicalPath; ///< of the open file, for the process-wide registry
    QString m_error;
    bool m_writeChecked = false; ///< the file passed a check since it was opened
    bool m_skipOpenCheck = false; ///< skipNextOpenCheck(): for the next open() only
};

/// Rolls back unless commit() was called: every write path uses one, so an early return or an
/// exception never leaves half a change behind.
class Transaction
{
public:
    explicit Transaction(Database &db, Database::WriteKind kind = Database::WriteKind::Single)
        : m_db(db), m_active(db.begin(kind))
    {
    }
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
