#include "DashboardProbe.h"

#include "AggregationCache.h"
#include "AggregationEngine.h"
#include "ColumnAggregator.h"
#include "AnalyticsService.h"
#include "ChartBuilder.h"
#include "DashboardData.h"
#include "Database.h"
#include "VocabularyRepository.h"

#include <QChart>
#include <QDir>

#include <memory>

namespace {

const ChartBuilder::Kind chartKinds[] = { ChartBuilder::Kind::Sector, ChartBuilder::Kind::Region,
    ChartBuilder::Kind::Phase, ChartBuilder::Kind::Year, ChartBuilder::Kind::TopInvestees };

// What the dashboard does on a filter change: one pass for every grouping, then every chart.
class Dashboard
{
public:
    explicit Dashboard(Database &db)
        : m_db(db)
        , m_analytics(db)
    {
        const VocabularyRepository vocabulary(db);
        m_sectors = vocabulary.sectors();
        for (const VocabularyItem &province : vocabulary.provinces())
            m_provinces.append(province.id);
        m_theme = ChartTheme::fromSystem();
    }

    bool load(QString *error)
    {
        m_analytics.reload();
        m_analytics.waitForLoad();
        if (!m_analytics.isReady()) {
            *error = QStringLiteral("%1: the aggregation cache did not load").arg(m_db.path());
            return false;
        }
        return true;
    }

    bool compute(const Filter &filter, DashboardData *data, QString *error) const
    {
        return DashboardData::compute(m_analytics, m_sectors, m_provinces, filter, data, error);
    }

    bool update(const Filter &filter, QString *error) const
    {
        DashboardData data;
        if (!compute(filter, &data, error))
            return false;
        for (ChartBuilder::Kind kind : chartKinds) {
            std::unique_ptr<QChart> chart(ChartBuilder::build(kind, data, m_theme));
            if (!chart) {
                *error = QStringLiteral("no chart built");
                return false;
            }
        }
        return true;
    }

private:
    Database &m_db;
    AnalyticsService m_analytics;
    QList<VocabularyItem> m_sectors;
    QList<qint64> m_provinces;
    ChartTheme m_theme;
};

bool open(Database &db, const ProbeOptions &options, QString *error)
{
    if (db.open(options.database, Database::OpenMode::OpenExisting) == Database::Status::Ok)
        return true;
    *error = db.errorString();
    return false;
}

Measurement cacheLoad(Database &db, const QString &id, int reps)
{
    Measurement m = Measurement::repeat(
        id, QStringLiteral("Load the in-memory aggregation cache"), reps, nullptr, [&](QString *why) {
            AggregationCache cache;
            return cache.load(db, why);
        });
    return m;
}

// One figure, when the options ask for it. The SQL path takes seconds a grouping at 1M rows (it
// is the fallback, not what the dashboard uses): one run each keeps the whole benchmark within
// its time.
// True when it measured.
class MeasureIfWanted
{
public:
    MeasureIfWanted(const ProbeOptions &options, QList<Measurement> *out)
        : m_options(options)
        , m_out(out)
    {
    }

    bool operator()(const QString &id, const QString &label, const std::function<void()> &setup,
        const std::function<bool(QString *)> &body) const
    {
        if (!m_options.wants(id))
            return false;
        const int runs = id.startsWith(QLatin1String("dashboard.cold.")) ? 1 : m_options.repetitions;
        m_out->append(Measurement::repeat(id, label, runs, setup, body));
        return true;
    }

private:
    const ProbeOptions &m_options;
    QList<Measurement> *m_out;
};

} // namespace

bool DashboardProbe::run(const ProbeOptions &options, QList<Measurement> *out, QString *error)
{
    const int reps = options.repetitions;
    const MeasureIfWanted measure(options, out);
    Database db;
    if (!open(db, options, error))
        return false;
    if (options.wants(QStringLiteral("dashboard.cache_load")))
        out->append(cacheLoad(db, QStringLiteral("dashboard.cache_load"), reps));
    if (options.wants(QStringLiteral("dashboard.cache_load_kept"))) {
        // What a later process does: the snapshot an earlier one kept, written here untimed.
        const QString file = QDir(options.workDir).filePath(QStringLiteral("columns-kept.bin"));
        AggregationCache kept;
        if (!kept.loadKept(db, file, error))
            return false;
        kept.keep(file, options.database);
        out->append(Measurement::repeat(QStringLiteral("dashboard.cache_load_kept"),
            QStringLiteral("Load the aggregation cache from its column snapshot (kept by an earlier process)"),
            reps, nullptr, [&](QString *why) {
                AggregationCache cache;
                if (!cache.loadKept(db, file, why))
                    return false;
                if (!cache.loadedFromSnapshot())
                    *why = QStringLiteral("the column snapshot was not used");
                return cache.loadedFromSnapshot();
            }));
    }

    AggregationCache cache;
    if (!cache.load(db, error))
        return false;
    const AggregationEngine sql(db);
    const ColumnAggregator warm(db, cache);
    const struct
    {
        const char *key;
        Dimension dimension;
    } groupings[] = {
        { "sector", Dimension::Sector },
        { "region", Dimension::Region },
        { "phase", Dimension::Phase },
        { "year", Dimension::Year },
    };
    for (const auto &g : groupings) {
        const QString name = Aggregator::dimensionName(g.dimension);
        qint64 groups = 0;
        if (measure(QStringLiteral("dashboard.cold.%1").arg(QLatin1String(g.key)),
                QStringLiteral("Group by %1, cold (SQL, no cache)").arg(name), nullptr, [&](QString *why) {
                    AggregateResult result;
                    const bool ok = sql.aggregate(g.dimension, Filter(), &result, why);
                    groups = result.rows.size();
                    return ok;
                }))
            out->last().note = QStringLiteral("%1 groups").arg(groups);
        measure(QStringLiteral("dashboard.warm.%1").arg(QLatin1String(g.key)),
            QStringLiteral("Group by %1, warm (in-memory cache)").arg(name), nullptr, [&](QString *why) {
                AggregateResult result;
                return warm.aggregate(g.dimension, Filter(), &result, why);
            });
    }

    Dashboard dashboard(db);
    if (!dashboard.load(error))
        return false;
    const BenchFilters &f = options.filters;
    const struct
    {
        const char *key;
        QString label;
        Filter filter;
    } filters[] = {
        { "none", QStringLiteral("no filter"), Filter() },
        { "large_fund", QStringLiteral("large fund + dates"), f.largeFundAndDates() },
        { "small_fund", QStringLiteral("small fund + dates"), f.smallFundAndDates() },
        { "sector", QStringLiteral("one sector: segments drill-down"), f.oneSector() },
        { "text", QStringLiteral("text search"), f.textSearch() },
    };
    for (const auto &entry : filters) {
        measure(QStringLiteral("dashboard.update.%1").arg(QLatin1String(entry.key)),
            QStringLiteral("Filter change (%1): every grouping + all 5 charts built").arg(entry.label),
            nullptr, [&](QString *why) { return dashboard.update(entry.filter, why); });
        measure(QStringLiteral("dashboard.compute.%1").arg(QLatin1String(entry.key)),
            QStringLiteral("Filter change (%1): every grouping only (DashboardData::compute)")
                .arg(entry.label),
            nullptr, [&](QString *why) {
                DashboardData data;
                return dashboard.compute(entry.filter, &data, why);
            });
    }
    return true;
}

bool DashboardProbe::runScaling(const ProbeOptions &options, QList<Measurement> *out, QString *error)
{
    const int reps = options.repetitions;
    const QString prefix = QStringLiteral("scaling.%1.").arg(options.label);
    const MeasureIfWanted measure(options, out);
    Database db;
    if (!open(db, options, error))
        return false;
    out->append(cacheLoad(db, prefix + QStringLiteral("cache_load"), std::min(reps, 3)));
    Dashboard dashboard(db);
    if (!dashboard.load(error))
        return false;
    measure(prefix + QStringLiteral("update.large_fund"),
        QStringLiteral("Dashboard filter change (large fund + dates), %1 disbursements").arg(options.label),
        nullptr, [&](QString *why) { return dashboard.update(options.filters.largeFundAndDates(), why); });
    measure(prefix + QStringLiteral("update.none"),
        QStringLiteral("Dashboard, no filter, %1 disbursements").arg(options.label), nullptr,
        [&](QString *why) { return dashboard.update(Filter(), why); });
    return true;
}
