#pragma once

#include "AggregationCache.h"
#include "Aggregator.h"
#include "DataRevision.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>

class Database;

/// Owns the in-memory aggregation cache of the open database and answers groupings through the
/// Aggregator that Aggregator::choose() picks for it. A large database's cache loads on a worker
/// thread with its own connection; until it is ready, small databases are answered by SQL
/// directly and large ones report isReady() == false so the views show "loading". Stale loads (a
/// reload started after them) are dropped by generation number.
class AnalyticsService : public QObject
{
    Q_OBJECT
public:
    /// Below this many disbursements, SQL answers fast enough while the cache loads (the same
    /// limit `fundscope summary` uses).
    static constexpr qint64 SqlFallbackLimit = AggregationCache::SqlFallbackLimit;

    explicit AnalyticsService(Database &db, QObject *parent = nullptr);
    ~AnalyticsService() override;

    /// Starts (re)loading the cache for the current database, after opening or any write.
    void reload();
    /// Starts the load on the worker when the database is too large to load in place, and says
    /// whether it did: a window starts it before building itself, while a small database is
    /// left to reload(), which loads it in place and signals at once.
    bool startInBackground();
    bool isReady() const;
    /// Blocks until a running load finished (tests, headless renders).
    void waitForLoad();

    /// Groups under the filter; false with *error when the grouping failed or the cache is still
    /// loading for a large database.
    bool aggregate(Dimension dimension, const Filter &filter, AggregateResult *result, QString *error) const;

    /// Several groupings in one pass (the dashboard).
    bool aggregateMany(const QList<AggregateRequest> &requests, const Filter &filter, QList<AggregateResult> *results,
                       QString *error) const;

    /// The exact number of disbursements the filter admits, from the cache; nullopt until it has
    /// loaded (callers then count in SQL).
    std::optional<qint64> count(const Filter &filter) const;

    /// The state of the data the loaded totals reflect; nullopt before a load, or when a write
    /// landed while it ran (so results computed now must not be kept under a stamp).
    std::optional<DataRevision> revision() const { return m_revision; }

Q_SIGNALS:
    /// The cache finished loading: re-query what is shown.
    void ready();
    void loadFailed(const QString &message);

private:
    struct LoadOutcome
    {
        std::shared_ptr<const AggregationCache> cache; ///< null on failure
        std::optional<DataRevision> revision;
        QString error;
    };
    /// Loads the cache and its stamp, through the column snapshot `snapshotFile` unless empty
    /// (a small database loads from itself faster than a file of it is written).
    static LoadOutcome load(Database &db, const QString &snapshotFile);
    /// Takes a loaded cache and its stamp; false when the load failed.
    bool adopt(LoadOutcome outcome);
    /// adopt(), then ready() or loadFailed().
    void finish(LoadOutcome outcome);

    Database &m_db;
    std::shared_ptr<const AggregationCache> m_cache;
    std::optional<DataRevision> m_revision;
    QThreadPool m_pool; ///< the loads' own thread (its priority is lowered)
    QFutureWatcher<LoadOutcome> *m_watcher = nullptr;
    QFuture<void> m_keep; ///< writing the column snapshot of the last load (AggregationCache::keep)
    quint64 m_generation = 0;
    qint64 m_rowCount = 0;
};
