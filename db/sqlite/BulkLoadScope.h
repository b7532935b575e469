#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

class InterchangeSession;

/// What a big interchange load changes on the connection and the schema for its duration, and
/// puts back when the scope ends (whatever happened). Made before the load's transaction begins;
/// with `bulk` false it changes nothing.
///
/// - Before BEGIN: foreign key checks off (the load checks its references itself), a rollback
///   journal with synchronous FULL instead of WAL when no other connection has the file open
///   (not on a dry run), and an in-memory statement journal for a database that is still small.
/// - begin(), inside the transaction: CHECK constraints off (the load validates every CHECKed
///   column first) and a bigger page cache.
/// - dropDisbursementIndexes() / rebuildIndexes(): the disbursement indexes and revision triggers
///   are dropped before the rows go in and built once at the end, in the same transaction, and
///   data_revision is raised once for the rows stored.
class BulkLoadScope
{
public:
    BulkLoadScope(InterchangeSession &session, bool bulk, bool dryRun);
    ~BulkLoadScope();
    BulkLoadScope(const BulkLoadScope &) = delete;
    BulkLoadScope &operator=(const BulkLoadScope &) = delete;

    bool isBulk() const { return m_bulk; }
    /// Inside the transaction; false when the load must stop (reported).
    bool begin();
    /// `storedSoFar`: the disbursements the load has stored before the drop.
    bool dropDisbursementIndexes(qint64 storedSoFar);
    bool indexesDropped() const { return m_dropped; }
    /// Puts the cache and the temporary store back, builds what was dropped and raises the data
    /// revision by the disbursements stored since the drop (`storedNow` - storedSoFar). With
    /// `defer`, the indexes DeferredIndexes::isDeferrable() names are listed in deferred_indexes
    /// instead of built (their names go to *deferred).
    bool rebuildIndexes(qint64 storedNow, bool defer, QStringList *deferred);

private:
    /// A pragma that reads back as one number, now; `fallback` when it cannot be read.
    qint64 readPragma(const char *name, qint64 fallback);
    void useRollbackJournal();
    void useMemoryTempStore();
    void restoreCache();
    void restoreTempStore();

    InterchangeSession &m_session;
    bool m_bulk = false;
    bool m_foreignKeysOff = false;
    bool m_rollbackJournal = false;
    QByteArray m_restoreTempStore; ///< empty when temp_store was not changed (or is back)
    bool m_checksOff = false;
    QByteArray m_restoreCache;     ///< empty when cache_size was not changed (or is back)
    QList<QByteArray> m_droppedIndexNames;
    QList<QByteArray> m_droppedIndexSql;
    QList<QByteArray> m_droppedTriggerSql; ///< the revision triggers of disbursements, while dropped
    qint64 m_eventsBeforeDrop = 0;        ///< disbursements stored when they were dropped
    bool m_dropped = false;
};
