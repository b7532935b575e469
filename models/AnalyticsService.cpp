#include "AnalyticsService.h"

#include "AggregationCache.h"
#include "Database.h"
#include "DisbursementRepository.h"

#include <QtConcurrent/QtConcurrentRun>

AnalyticsService::AnalyticsService(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    m_watcher = new QFutureWatcher<LoadOutcome>(this);
}

AnalyticsService::~AnalyticsService()
{
    m_watcher->waitForFinished();
}

void AnalyticsService::reload()
{
    const quint64 generation = ++m_generation;
    m_cache.reset();
    // An upper bound is enough to choose between loading here and on a worker; an exact
    // count(*) cost 50–90 ms at every start at a million rows.
    m_rowCount = DisbursementRepository(m_db).tableRows();
    if (m_rowCount <= SqlFallbackLimit) {
        // Small enough to load here and now: the pages never see a "loading" state.
        auto cache = std::make_shared<AggregationCache>();
        QString error;
        if (cache->load(m_db, &error)) {
            m_cache = std::move(cache);
            Q_EMIT ready();
        } else {
            Q_EMIT loadFailed(error);
        }
        return;
    }
    const QString path = m_db.path();
    m_watcher->disconnect(this);
    auto *watcher = new QFutureWatcher<LoadOutcome>(this);
    std::swap(watcher, m_watcher);
    watcher->waitForFinished();
    watcher->deleteLater();
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, generation] {
        if (generation != m_generation)
            return;
        LoadOutcome outcome = m_watcher->result();
        if (outcome.cache) {
            m_cache = std::move(outcome.cache);
            Q_EMIT ready();
        } else {
            Q_EMIT loadFailed(outcome.error);
        }
    });
    m_watcher->setFuture(QtConcurrent::run([path]() {
        // A connection belongs to its thread: the worker opens its own.
        LoadOutcome outcome;
        Database worker;
        if (worker.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
            outcome.error = worker.errorString();
            return outcome;
        }
        auto cache = std::make_shared<AggregationCache>();
        if (cache->load(worker, &outcome.error))
            outcome.cache = std::move(cache);
        return outcome;
    }));
}

bool AnalyticsService::isReady() const
{
    return m_cache != nullptr || m_rowCount <= SqlFallbackLimit;
}

void AnalyticsService::waitForLoad()
{
    m_watcher->waitForFinished();
    if (!m_cache && m_watcher->future().isValid() && m_watcher->future().resultCount() > 0) {
        LoadOutcome outcome = m_watcher->result();
        if (outcome.cache)
            m_cache = std::move(outcome.cache);
    }
}

bool AnalyticsService::aggregate(Dimension dimension, const Filter &filter, AggregateResult *result,
                                 QString *error) const
{
    if (!isReady()) {
        *error = tr("totals are still loading");
        return false;
    }
    const AggregationCache *cache = m_cache && AggregationCache::supportsCurrency(filter.currency) ? m_cache.get() : nullptr;
    return AggregationEngine(m_db, cache).aggregate(dimension, filter, result, error);
}

bool AnalyticsService::aggregateMany(const QList<AggregateRequest> &requests, const Filter &filter,
                                     QList<AggregateResult> *results, QString *error) const
{
    if (!isReady()) {
        *error = tr("totals are still loading");
        return false;
    }
    const AggregationCache *cache = m_cache && AggregationCache::supportsCurrency(filter.currency) ? m_cache.get() : nullptr;
    return AggregationEngine(m_db, cache).aggregateMany(requests, filter, results, error);
}

std::optional<qint64> AnalyticsService::count(const Filter &filter) const
{
    if (!m_cache)
        return std::nullopt;
    qint64 n = 0;
    QString error;
    if (!m_cache->count(m_db, filter, &n, &error))
        return std::nullopt;
    return n;
}
