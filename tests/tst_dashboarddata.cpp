#include "AnalyticsService.h"
#include "DashboardData.h"
#include "DashboardTestData.h"
#include "Database.h"

#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// DashboardData::compute answers every grouping from the one-pass cache; here each is checked
// against AggregationEngine's SQL path (no cache) under many filters and both base currencies, on
// the sample, the hand-made edge cases and generated data: the sector/segment and region/city
// groupings, the phase and year groupings split by sector (each sector's part against the SQL
// grouping narrowed to that sector), the top companies, totals, sub-fund flows and rates. The drill
// levels, the key figures (funds, phases, events, investees, undisclosed) against hand-written SQL,
// and collapse() are checked too.

using namespace DashboardTestData;

class TestDashboardData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void matchesSqlEngine_data();
    void matchesSqlEngine();
    void keyFiguresMatchIndependentSql_data();
    void keyFiguresMatchIndependentSql();
    void drillLevels();
    void collapseSumsPartsInFirstSeenOrder();
    void collapseOfSplitGroupingsEqualsUnsplitGroupings();
    void baseCurrencyWithoutCacheFailsClearly();
    void smallDatabaseIsNotLoadedInBackground();

private:
    bool open(const QString &dataset);
    bool compute(const Filter &filter, DashboardData *data);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AnalyticsService> m_analytics;
};

void TestDashboardData::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
}

void TestDashboardData::cleanup()
{
    m_analytics.reset();
    m_db.reset();
    m_dir.reset();
}

bool TestDashboardData::open(const QString &dataset)
{
    QString error;
    if (!openDataset(*m_db, dataset, m_dir->path(), &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    m_analytics = std::make_unique<AnalyticsService>(*m_db);
    m_analytics->reload();
    m_analytics->waitForLoad();
    return m_analytics->isReady();
}

bool TestDashboardData::compute(const Filter &filter, DashboardData *data)
{
    QString error;
    if (DashboardData::compute(*m_analytics, VocabularyRepository(*m_db).sectors(), provinceIds(*m_db), filter, data,
            &error))
        return true;
    qWarning("compute failed: %s", qPrintable(error));
    return false;
}

namespace {

void addDatasetRows()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("caseName");
    for (const char *dataset : { "sample", "edge", "generated" }) {
        for (const QString &name : caseNames())
            QTest::addRow("%s: %s", dataset, qPrintable(name)) << QString::fromLatin1(dataset) << name;
    }
}

} // namespace

void TestDashboardData::matchesSqlEngine_data()
{
    addDatasetRows();
}

void TestDashboardData::matchesSqlEngine()
{
    QFETCH(QString, dataset);
    QFETCH(QString, caseName);
    QVERIFY(open(dataset));
    Case c;
    QVERIFY2(resolveCase(*m_db, caseName, &c), "the dataset lacks what the case needs");
    DashboardData data;
    QVERIFY(compute(c.filter, &data));
    QCOMPARE(data.filter, c.filter);
    QCOMPARE(data.sectorNames.size(), sectorIds(*m_db).size());

    // Sectors, or the one sector's segments.
    QCOMPARE(data.sectorsAreSegments(), c.segments);
    AggregateResult want;
    QVERIFY(sqlAggregate(*m_db, c.segments ? Dimension::Segment : Dimension::Sector, c.filter, &want));
    QCOMPARE(data.sectors.dimension, want.dimension);
    QCOMPARE(data.sectors.currency, c.filter.currency);
    QString diff = compareRows(want.rows, data.sectors.rows, want.dimension);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    diff = differences(want.totals, data.sectors.totals);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    diff = differences(want.subFundFlows, data.sectors.subFundFlows, false);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(data.sectors.subFundFlowsInRows, false);
    QCOMPARE(data.sectors.ratesUsed, want.ratesUsed);
    QCOMPARE(data.sectors.ratesMissing, want.ratesMissing);

    // Provinces, or the one province's cities.
    QCOMPARE(data.regionsAreCities(), c.cities);
    QVERIFY(sqlAggregate(*m_db, c.cities ? Dimension::City : Dimension::Region, c.filter, &want));
    QCOMPARE(data.regions.dimension, want.dimension);
    diff = compareRows(want.rows, data.regions.rows, want.dimension);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    diff = differences(want.totals, data.regions.totals);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // Phases and years, split by sector: the whole and every part.
    for (Dimension dimension : { Dimension::Phase, Dimension::Year }) {
        const AggregateResult &split = dimension == Dimension::Phase ? data.phasesBySector : data.yearsBySector;
        const QString what = AggregationEngine::dimensionName(dimension);
        QCOMPARE(split.dimension, dimension);
        QVERIFY(sqlAggregate(*m_db, dimension, c.filter, &want));
        diff = compareRows(want.rows, DashboardData::collapse(split), dimension, false);
        QVERIFY2(diff.isEmpty(), qPrintable(what + QStringLiteral(" collapsed:\n") + diff));
        diff = differences(want.totals, split.totals);
        QVERIFY2(diff.isEmpty(), qPrintable(what + QStringLiteral(" totals:\n") + diff));
        QCOMPARE(split.subFundFlowsInRows, want.subFundFlowsInRows);
        QList<AggregateRow> parts;
        QVERIFY(sqlBySector(*m_db, dimension, c.filter, &parts));
        const auto wanted = byKeyAndSector(parts);
        const auto got = byKeyAndSector(split.rows);
        QCOMPARE(got.size(), split.rows.size()); // one part per (group, sector)
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            QVERIFY2(got.contains(it.key()),
                qPrintable(what + QStringLiteral(" part missing: ") + describe(it.value())));
            diff = differences(it.value(), got.value(it.key()), false);
            QVERIFY2(diff.isEmpty(), qPrintable(what + QStringLiteral(" part:\n") + diff));
        }
        for (auto it = got.cbegin(); it != got.cend(); ++it)
            QVERIFY2(wanted.contains(it.key()),
                qPrintable(what + QStringLiteral(" unexpected part: ") + describe(it.value())));
    }

    // The top companies: sub-funds left out, the largest first, totals over every company.
    QList<AggregateRow> top;
    QVERIFY(sqlTopCompanies(*m_db, c.filter, 25, &top));
    QList<AggregateRow> gotTop;
    for (const AggregateRow &row : std::as_const(data.investees.rows)) {
        if (row.invested > 0)
            gotTop.append(row);
    }
    QVERIFY(data.investees.rows.size() <= 25);
    QCOMPARE(gotTop.size(), top.size());
    for (qsizetype i = 0; i < top.size(); ++i) {
        diff = differences(top.at(i), gotTop.at(i));
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("top company %1:\n").arg(i) + diff));
    }
    QVERIFY(sqlAggregate(*m_db, Dimension::Sector, c.filter, &want));
    diff = differences(want.totals, data.investees.totals);
    QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("company totals:\n") + diff));

    if (caseName == QLatin1String("nothing matches")) {
        QVERIFY(data.sectors.rows.isEmpty());
        QVERIFY(data.regions.rows.isEmpty());
        QVERIFY(data.phasesBySector.rows.isEmpty());
        QVERIFY(data.yearsBySector.rows.isEmpty());
        QVERIFY(data.investees.rows.isEmpty());
    } else {
        // A case that matches nothing would compare nothing.
        QVERIFY(!data.phasesBySector.rows.isEmpty());
    }
}

void TestDashboardData::keyFiguresMatchIndependentSql_data()
{
    addDatasetRows();
}

void TestDashboardData::keyFiguresMatchIndependentSql()
{
    QFETCH(QString, dataset);
    QFETCH(QString, caseName);
    QVERIFY(open(dataset));
    Case c;
    QVERIFY(resolveCase(*m_db, caseName, &c));
    DashboardData data;
    QVERIFY(compute(c.filter, &data));
    const QString from = BrowseTestData::independentFrom() + c.condition;
    auto count = [&](const QString &what, const QString &extra = QString()) {
        return scalar(*m_db, QStringLiteral("SELECT %1").arg(what) + from + extra);
    };
    // Funds and phases with at least one event in view, sub-fund flows included.
    QCOMPARE(data.fundCount(), count(QStringLiteral("count(DISTINCT p.fund_id)")));
    QCOMPARE(data.phaseCount(), count(QStringLiteral("count(DISTINCT d.phase_id)")));
    QCOMPARE(data.figures().all.events, count(QStringLiteral("count(*)")));
    QCOMPARE(data.phasesBySector.totals.undisclosed, count(QStringLiteral("count(*)"),
        QStringLiteral(" AND d.amount_minor IS NULL")));
    // Investees and the measures of the company figures leave flows into sub-funds out.
    QCOMPARE(data.sectors.totals.investees, count(QStringLiteral("count(DISTINCT d.investee_id)"),
        QStringLiteral(" AND i.kind = 'company'")));
    QCOMPARE(data.sectors.totals.events, count(QStringLiteral("count(*)"), QStringLiteral(" AND i.kind = 'company'")));
    QCOMPARE(data.sectors.subFundFlows.events, count(QStringLiteral("count(*)"), QStringLiteral(" AND i.kind = 'fund'")));
    if (c.filter.currency == QLatin1String("CNY")) {
        // Money in CNY needs no rate: sum it by hand and compare the company totals.
        const QString cny = QStringLiteral(" AND i.kind = 'company' AND d.currency = 'CNY'");
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT TOTAL(d.amount_minor / 100.0), count(*)") + from + cny
            + QStringLiteral(" AND d.type IN ('disbursement', 'equity purchase', 'loan', 'grant')")));
        QVERIFY(q.next());
        const double cnyInvested = q.value(0).toDouble();
        const qint64 cnyEvents = q.value(1).toLongLong();
        // The totals cover other currencies too, so CNY alone is a lower bound.
        QVERIFY2(data.sectors.totals.invested + 1e-6 >= cnyInvested,
            qPrintable(QStringLiteral("%1 < %2").arg(data.sectors.totals.invested).arg(cnyInvested)));
        if (cnyEvents == count(QStringLiteral("count(*)"),
                QStringLiteral(" AND i.kind = 'company' AND d.amount_minor IS NOT NULL"
                               " AND d.type IN ('disbursement', 'equity purchase', 'loan', 'grant')")))
            QVERIFY(near(data.sectors.totals.invested, cnyInvested));
    }
}

void TestDashboardData::drillLevels()
{
    QVERIFY(open(QStringLiteral("sample")));
    const qint64 semis = scalar(*m_db, QStringLiteral("SELECT id FROM sectors WHERE name = 'Semiconductors'"));
    const qint64 ai = scalar(*m_db, QStringLiteral("SELECT id FROM sectors WHERE name = 'Artificial intelligence'"));
    const qint64 foundry = scalar(*m_db,
        QStringLiteral("SELECT id FROM segments WHERE sector_id = ? AND name = 'foundry'"), { semis });
    const qint64 china = scalar(*m_db, QStringLiteral("SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'"));
    const qint64 shanghai = scalar(*m_db,
        QStringLiteral("SELECT id FROM regions WHERE kind = 'province' AND name = 'Shanghai'"));
    const qint64 beijing = scalar(*m_db,
        QStringLiteral("SELECT id FROM regions WHERE kind = 'province' AND name = 'Beijing'"));
    const qint64 shanghaiCity = scalar(*m_db,
        QStringLiteral("SELECT id FROM regions WHERE kind = 'city' AND name = 'Shanghai'"));
    for (qint64 id : { semis, ai, foundry, china, shanghai, beijing, shanghaiCity })
        QVERIFY(id > 0);

    struct Expectation
    {
        const char *name;
        Filter filter;
        Dimension sectors;
        Dimension regions;
    };
    QList<Expectation> cases;
    cases.append({ "nothing narrowed", Filter(), Dimension::Sector, Dimension::Region });
    Filter f;
    f.sectors = { semis };
    cases.append({ "one sector", f, Dimension::Segment, Dimension::Region });
    f.sectors = { semis, ai };
    cases.append({ "two sectors", f, Dimension::Sector, Dimension::Region });
    f.sectors = { semis };
    f.segments = { foundry };
    cases.append({ "a sector and a segment", f, Dimension::Segment, Dimension::Region });
    f = Filter();
    f.regions = { shanghai };
    cases.append({ "one province", f, Dimension::Sector, Dimension::City });
    f.regions = { shanghai, beijing };
    cases.append({ "two provinces", f, Dimension::Sector, Dimension::Region });
    f.regions = { china };
    cases.append({ "a country", f, Dimension::Sector, Dimension::Region });
    f.regions = { shanghaiCity };
    cases.append({ "a city", f, Dimension::Sector, Dimension::Region });
    f = Filter();
    f.sectors = { semis };
    f.regions = { shanghai };
    f.currency = QStringLiteral("USD");
    cases.append({ "one sector in one province, in USD", f, Dimension::Segment, Dimension::City });

    for (const Expectation &e : std::as_const(cases)) {
        DashboardData data;
        QVERIFY2(compute(e.filter, &data), e.name);
        QVERIFY2(data.sectors.dimension == e.sectors, e.name);
        QVERIFY2(data.regions.dimension == e.regions, e.name);
        QCOMPARE(data.sectorsAreSegments(), e.sectors == Dimension::Segment);
        QCOMPARE(data.regionsAreCities(), e.regions == Dimension::City);
        QVERIFY2(!data.sectors.rows.isEmpty() && !data.regions.rows.isEmpty(), e.name);
        // A drill level holds only what lies under the level above.
        if (e.sectors == Dimension::Segment) {
            for (const AggregateRow &row : std::as_const(data.sectors.rows))
                QVERIFY2(row.parentId == semis, qPrintable(describe(row)));
        }
        if (e.regions == Dimension::City) {
            for (const AggregateRow &row : std::as_const(data.regions.rows))
                QVERIFY2(row.keyId == -1 || row.parentId == shanghai, qPrintable(describe(row)));
        }
    }
}

void TestDashboardData::collapseSumsPartsInFirstSeenOrder()
{
    auto part = [](qint64 key, qint64 sector, double invested, qint64 events, qint64 investees) {
        AggregateRow row;
        row.keyId = key;
        row.parentId = key * 10;
        row.key = QStringLiteral("group %1").arg(key);
        row.keyZh = QStringLiteral("组 %1").arg(key);
        row.sectorId = sector;
        row.invested = invested;
        row.committed = invested / 2;
        row.divested = 1;
        row.events = events;
        row.investees = investees;
        row.undisclosed = 1;
        row.withoutRate = 2;
        return row;
    };
    AggregateResult split;
    split.rows = { part(7, 1, 10, 3, 2), part(3, 1, 5, 1, 1), part(7, 2, 20, 4, 1), part(-1, -1, 1, 1, 1),
        part(3, -1, 0.5, 2, 2), part(7, -1, 0.25, 1, 1) };
    const QList<AggregateRow> rows = DashboardData::collapse(split);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).keyId, 7);
    QCOMPARE(rows.at(1).keyId, 3);
    QCOMPARE(rows.at(2).keyId, -1);
    const AggregateRow &seven = rows.at(0);
    QCOMPARE(seven.parentId, 70);
    QCOMPARE(seven.key, QStringLiteral("group 7"));
    QCOMPARE(seven.keyZh, QStringLiteral("组 7"));
    QCOMPARE(seven.sectorId, -1);
    QCOMPARE(seven.invested, 30.25);
    QCOMPARE(seven.committed, 15.125);
    QCOMPARE(seven.divested, 3.0);
    QCOMPARE(seven.events, 8);
    QCOMPARE(seven.investees, 4);
    QCOMPARE(seven.undisclosed, 3);
    QCOMPARE(seven.withoutRate, 6);
    QCOMPARE(rows.at(1).invested, 5.5);
    QCOMPARE(rows.at(1).events, 3);
    QCOMPARE(rows.at(1).investees, 3);
    QCOMPARE(rows.at(2).invested, 1.0);
    QCOMPARE(rows.at(2).sectorId, -1);
    QVERIFY(DashboardData::collapse(AggregateResult()).isEmpty());
}

void TestDashboardData::collapseOfSplitGroupingsEqualsUnsplitGroupings()
{
    // Through the cache both ways: the split grouping collapsed equals the grouping itself.
    for (const char *dataset : { "sample", "generated" }) {
        cleanup();
        init();
        QVERIFY(open(QString::fromLatin1(dataset)));
        for (const QString &name : { QStringLiteral("none"), QStringLiteral("one fund"), QStringLiteral("USD") }) {
            Case c;
            QVERIFY(resolveCase(*m_db, name, &c));
            DashboardData data;
            QVERIFY(compute(c.filter, &data));
            for (Dimension dimension : { Dimension::Phase, Dimension::Year }) {
                AggregateResult whole;
                QString error;
                QVERIFY2(m_analytics->aggregate(dimension, c.filter, &whole, &error), qPrintable(error));
                const AggregateResult &split
                    = dimension == Dimension::Phase ? data.phasesBySector : data.yearsBySector;
                const QString diff = compareRows(whole.rows, DashboardData::collapse(split), dimension, false);
                QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("%1, %2: ").arg(QLatin1String(dataset), name) + diff));
                // Each part's sector is one the vocabulary knows, or -1.
                for (const AggregateRow &row : split.rows)
                    QVERIFY(row.sectorId == -1 || row.sectorId == AggregateRow::SubFundsPart || sectorIds(*m_db).contains(row.sectorId));
            }
        }
    }
}

void TestDashboardData::baseCurrencyWithoutCacheFailsClearly()
{
    // The split groupings need the cache, which holds CNY and USD only: another base currency is
    // an error the page can show, not a crash or a half-filled dashboard.
    QVERIFY(open(QStringLiteral("sample")));
    Filter f;
    f.currency = QStringLiteral("EUR");
    DashboardData data;
    QString error;
    QVERIFY(!DashboardData::compute(*m_analytics, VocabularyRepository(*m_db).sectors(), provinceIds(*m_db), f, &data,
        &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(data.sectors.rows.isEmpty());
}

void TestDashboardData::smallDatabaseIsNotLoadedInBackground()
{
    // A window starts a large database's load before building itself; a small one is loaded in
    // place by reload(), later, once the window listens for the result.
    QVERIFY(open(QStringLiteral("sample")));
    AnalyticsService fresh(*m_db);
    QSignalSpy ready(&fresh, &AnalyticsService::ready);
    QVERIFY(!fresh.startInBackground());
    QCOMPARE(ready.count(), 0);
    fresh.reload();
    QCOMPARE(ready.count(), 1);
    QVERIFY(fresh.isReady());
}

QTEST_GUILESS_MAIN(TestDashboardData)
#include "tst_dashboarddata.moc"
