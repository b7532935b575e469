#include "BulkLoadScope.h"

#include "DeferredIndexes.h"
#include "InterchangeSession.h"

namespace {
constexpr auto columnBytes = &InterchangeSession::columnBytes;
}

BulkLoadScope::BulkLoadScope(InterchangeSession &session, bool bulk, bool dryRun) : m_session(session), m_bulk(bulk)
{
    if (!bulk)
        return;
    // A big load checks its references itself (every id it binds comes from the name maps, read
    // under the write lock, or from its own inserts), so SQLite's per-row foreign key lookups
    // (random reads in phases, investees and currencies) are switched off for it. The pragma is
    // a no-op inside a transaction: it is set before BEGIN and restored after the transaction.
    m_foreignKeysOff = m_session.exec("PRAGMA foreign_keys = OFF");
    if (!dryRun)
        useRollbackJournal();
    useMemoryTempStore();
}

BulkLoadScope::~BulkLoadScope()
{
    restoreCache();
    // The flag is the connection's: it is switched back whatever happened.
    if (m_checksOff)
        m_session.exec("PRAGMA ignore_check_constraints = OFF");
    restoreTempStore(); // again, when SQLite refused it before the index builds
    sqlite3 *sql = m_session.sql();
    if (m_rollbackJournal) {
        sqlite3_exec(sql, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
        sqlite3_exec(sql, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr);
    }
    if (m_foreignKeysOff)
        sqlite3_exec(sql, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
}

qint64 BulkLoadScope::readPragma(const char *name, qint64 fallback)
{
    SqliteStatement read;
    const QByteArray pragma = QByteArray("PRAGMA ") + name;
    if (m_session.prepare(read, pragma.constData()) && sqlite3_step(read.handle()) == SQLITE_ROW)
        return sqlite3_column_int64(read.handle(), 0);
    return fallback;
}

// In WAL mode every page of a big load is written twice: into the log, then by the checkpoint
// into the file. When no other connection has the file open (the command line), the load runs
// with a rollback journal instead, where pages appended to the file need no journal at all, and
// synchronous FULL, which that mode needs to survive a power cut. The switch is refused (SQLite
// answers "wal") while anyone else has the file open, and then the load simply stays in WAL
// mode. The scope returns to WAL after the transaction; a killed load leaves a hot journal that
// the next open rolls back, and Database::open turns WAL on again.
void BulkLoadScope::useRollbackJournal()
{
    sqlite3 *sql = m_session.sql();
    // Asked without waiting: another connection means WAL, not a busy timeout's delay.
    const int waitMs = int(readPragma("busy_timeout", 5000));
    sqlite3_busy_timeout(sql, 0);
    SqliteStatement mode;
    if (m_session.prepare(mode, "PRAGMA journal_mode = DELETE") && sqlite3_step(mode.handle()) == SQLITE_ROW
        && qstrcmp(reinterpret_cast<const char *>(sqlite3_column_text(mode.handle(), 0)), "delete") == 0) {
        m_rollbackJournal = true;
        m_session.exec("PRAGMA synchronous = FULL");
    }
    sqlite3_busy_timeout(sql, waitMs);
}

// A statement that fires a trigger (schema step 4 raises data_revision on every insert) keeps a
// statement journal: the first time it changes a page, the page's old content is copied there.
// Once that journal has outgrown its 64 kB buffer it is a temporary file, and every row of a big
// load writes two pages to it. With temp_store = MEMORY, set before BEGIN, the journal stays in
// memory for the whole transaction. Each statement's journal is emptied when it ends, so it holds
// a few pages per row; but CREATE INDEX copies every free page it reuses, up to the size of the
// indexes dropped, and in memory that would grow with what the database already holds. So only
// a database that is still small (at most 64 MB before the load, which bounds the pages that can
// be free at the end) gets the in-memory journal. Errors are ignored: the setting only makes the
// load faster.
void BulkLoadScope::useMemoryTempStore()
{
    SqliteStatement pages;
    SqliteStatement pageSize;
    if (!(m_session.prepare(pages, "PRAGMA page_count") && sqlite3_step(pages.handle()) == SQLITE_ROW
          && m_session.prepare(pageSize, "PRAGMA page_size") && sqlite3_step(pageSize.handle()) == SQLITE_ROW
          && sqlite3_column_int64(pages.handle(), 0) * sqlite3_column_int64(pageSize.handle(), 0) <= (qint64(64) << 20)))
        return;
    sqlite3 *sql = m_session.sql();
    sqlite3_stmt *read = nullptr;
    qint64 old = 0;
    bool known = false;
    if (sqlite3_prepare_v2(sql, "PRAGMA temp_store", -1, &read, nullptr) == SQLITE_OK
        && sqlite3_step(read) == SQLITE_ROW) {
        old = sqlite3_column_int64(read, 0);
        known = true;
    }
    sqlite3_finalize(read);
    if (known && sqlite3_exec(sql, "PRAGMA temp_store = 2", nullptr, nullptr, nullptr) == SQLITE_OK)
        m_restoreTempStore = "PRAGMA temp_store = " + QByteArray::number(old);
}

void BulkLoadScope::restoreTempStore()
{
    if (!m_restoreTempStore.isEmpty()
        && sqlite3_exec(m_session.sql(), m_restoreTempStore.constData(), nullptr, nullptr, nullptr) == SQLITE_OK)
        m_restoreTempStore.clear();
}

void BulkLoadScope::restoreCache()
{
    if (!m_restoreCache.isEmpty())
        sqlite3_exec(m_session.sql(), m_restoreCache.constData(), nullptr, nullptr, nullptr);
    m_restoreCache.clear();
}

// SQLite evaluates each `x IN (...)` CHECK through a temporary b-tree built for every row, which
// costs more than the insert itself; every CHECKed column is validated by the load first
// (tst_interchangeloader covers each). The page cache is the connection's 2 MB otherwise: a big
// load would spill and re-read pages all along.
bool BulkLoadScope::begin()
{
    if (!m_bulk)
        return true;
    if (!m_session.exec("PRAGMA ignore_check_constraints = ON"))
        return false;
    m_checksOff = true;
    SqliteStatement size;
    if (m_session.prepare(size, "PRAGMA cache_size") && sqlite3_step(size.handle()) == SQLITE_ROW) {
        const QByteArray restore = "PRAGMA cache_size = " + QByteArray::number(sqlite3_column_int64(size.handle(), 0));
        if (m_session.exec("PRAGMA cache_size = -65536"))
            m_restoreCache = restore;
    }
    return true;
}

// For big loads, building each index once at the end beats updating nine B-trees per row. The
// triggers that raise data_revision (schema step 4) go too, for the same transaction: a trigger
// gives every row's INSERT a statement journal; the revision is raised once by the rows stored
// instead. Definitions are read back from sqlite_master, and a failed or cancelled load rolls
// the drops back with the rows.
bool BulkLoadScope::dropDisbursementIndexes(qint64 storedSoFar)
{
    SqliteStatement q;
    if (!m_session.prepare(q, "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                              " AND tbl_name = 'disbursements' AND sql IS NOT NULL"))
        return false;
    QList<QByteArray> drops;
    while (sqlite3_step(q.handle()) == SQLITE_ROW) {
        const bool index = columnBytes(q.handle(), 0) == "index";
        drops.append((index ? "DROP INDEX \"" : "DROP TRIGGER \"") + columnBytes(q.handle(), 1) + '"');
        (index ? m_droppedIndexSql : m_droppedTriggerSql).append(columnBytes(q.handle(), 2));
        if (index)
            m_droppedIndexNames.append(columnBytes(q.handle(), 1));
    }
    for (const QByteArray &drop : std::as_const(drops)) {
        if (!m_session.exec(drop))
            return false;
    }
    m_eventsBeforeDrop = storedSoFar;
    m_dropped = true;
    return true;
}

bool BulkLoadScope::rebuildIndexes(qint64 storedNow, bool defer, QStringList *deferred)
{
    // The index sorts run better with the connection's own cache, and in temporary files rather
    // than in one piece in memory. The temp_store setting may change inside the transaction (no
    // TEMP table is open); the statement journal stays in memory, as it was chosen at BEGIN.
    restoreCache();
    restoreTempStore();
    for (qsizetype i = 0; i < m_droppedIndexSql.size(); ++i) {
        const QString name = QString::fromUtf8(m_droppedIndexNames.at(i));
        if (!defer || !DeferredIndexes::isDeferrable(name)) {
            if (!m_session.exec(m_droppedIndexSql.at(i)))
                return false;
            continue;
        }
        auto literal = [](QByteArray text) { return text.replace('\'', "''").prepend('\'').append('\''); };
        if (!m_session.exec("INSERT OR REPLACE INTO deferred_indexes(name, sql) VALUES ("
                            + literal(m_droppedIndexNames.at(i)) + ", " + literal(m_droppedIndexSql.at(i)) + ")"))
            return false;
        deferred->append(name);
    }
    deferred->sort();
    for (const QByteArray &sql : std::as_const(m_droppedTriggerSql)) {
        if (!m_session.exec(sql))
            return false;
    }
    const qint64 stored = storedNow - m_eventsBeforeDrop;
    if (!m_droppedTriggerSql.isEmpty() && stored > 0
        && !m_session.exec("UPDATE data_revision SET revision = revision + " + QByteArray::number(stored)
                           + ", token = lower(hex(randomblob(16)))"))
        return false;
    m_droppedIndexNames.clear();
    m_droppedIndexSql.clear();
    m_droppedTriggerSql.clear();
    m_dropped = false;
    return true;
}
