#include "AnalyticsService.h"

#include "AggregationCache.h"
#include "ColumnSnapshot.h"
#include "Database.h"
#include "DisbursementRepository.h"

#include <QtConcurrent/QtConcurrentRun>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {

// The load takes both cores from the moment the window starts being built; at the lowest
// priority it only takes what the UI thread leaves, so building and painting the window (or a
// kept dashboard) is not slowed by it, and it has both cores once the UI thread waits for it (a
// milder priority measurably delayed the Disbursements page's first paint). Linux keeps a nice value per thread, and the load's own helper threads inherit it. (The pool
// is AnalyticsService's own: no other task runs on a thread lowered here.)
void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 19);
    }
#endif
}

} // namespace

AnalyticsService::AnalyticsService(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    m_watcher = new QFutureWatcher<LoadOutcome>(this);
    m_pool.setMaxThreadCount(1);
}

AnalyticsService::~AnalyticsService()
{
    m_watcher->waitForFinished();
    m_keep.waitForFinished();
}

AnalyticsService::LoadOutcome AnalyticsService::load(Database &db, const QString &snapshotFile)
{
    LoadOutcome outcome;
    auto cache = std::make_shared<AggregationCache>();
    if (!cache->loadKept(db, snapshotFile, &outcome.error))
        return outcome;
    outcome.revision = cache->revision();
    outcome.cache = std::move(cache);
    return outcome;
}

void AnalyticsService::reload()
{
    const quint64 generation = ++m_generation;
    m_cache.reset();
    m_revision.reset();
    // An upper bound is enough to choose between loading here and on a worker; an exact
    // count(*) would walk a whole index at every start.
    m_rowCount = DisbursementRepository(m_db).tableRows();
    if (m_rowCount <= SqlFallbackLimit) {
        // Small enough to load here and now: the pages never see a "loading" state.
        finish(load(m_db, QString()));
        return;
    }
    const QString path = m_db.path();
    const QString snapshotFile = ColumnSnapshot::filePath(path);
    m_watcher->disconnect(this);
    auto *watcher = new QFutureWatcher<LoadOutcome>(this);
    std::swap(watcher, m_watcher);
    watcher->waitForFinished();
    watcher->deleteLater();
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, generation, path, snapshotFile] {
        if (generation != m_generation)
            return;
        const LoadOutcome outcome = m_watcher->result();
        finish(outcome);
        // The column snapshot for the next session is written after the totals are shown, on
        // the same lowered thread, not before (it is 40 MB at a million rows).
        if (const std::shared_ptr<const AggregationCache> cache = outcome.cache)
            m_keep = QtConcurrent::run(&m_pool, [cache, snapshotFile, path] { cache->keep(snapshotFile, path); });
    });
    m_watcher->setFuture(QtConcurrent::run(&m_pool, [path, snapshotFile]() {
        lowerThisThreadsPriority();
        // A connection belongs to its thread: the worker opens its own.
        Database worker;
        if (worker.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
            LoadOutcome failed;
            failed.error = worker.errorString();
            return failed;
        }
        return load(worker, snapshotFile);
    }));
}

bool AnalyticsService::startInBackground()
{
    if (!AggregationCache::worthLoading(m_db))
        return false;
    reload();
    return true;
}

bool AnalyticsService::isReady() const
{
    return m_cache != nullptr || m_rowCount <= SqlFallbackLimit;
}

void AnalyticsService::waitForLoad()
{
    m_watcher->waitForFinished();
    if (!m_cache && m_watcher->future().isValid() && m_watcher->future().resultCount() > 0)
        adopt(m_watcher->result());
}

bool AnalyticsService::adopt(LoadOutcome outcome)
{
    if (!outcome.cache)
        return false;
    m_cache = std::move(outcome.cache);
    m_revision = outcome.revision;
    return true;
}

void AnalyticsService::finish(LoadOutcome outcome)
{
    const QString error = outcome.error;
    if (adopt(std::move(outcome)))
        Q_EMIT ready();
    else
        Q_EMIT loadFailed(error);
}

bool AnalyticsService::aggregate(Dimension dimension, const Filter &filter, AggregateResult *result,
                                 QString *error) const
{
    if (!isReady()) {
        *error = tr("totals are still loading");
        return false;
    }
    return Aggregator::choose(m_db, m_cache.get(), filter.currency)->aggregate(dimension, filter, result, error);
}

bool AnalyticsService::aggregateMany(const QList<AggregateRequest> &requests, const Filter &filter,
                                     QList<AggregateResult> *results, QString *error) const
{
    if (!isReady()) {
        *error = tr("totals are still loading");
        return false;
    }
    return Aggregator::choose(m_db, m_cache.get(), filter.currency)->aggregateMany(requests, filter, results, error);
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
