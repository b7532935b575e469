#include "AggregationCache.h"
#include "AggregationEngine.h"
#include "ColumnAggregator.h"
#include "ColumnSnapshot.h"
#include "AggregationTestData.h"
#include "BrowseTestData.h"
#include "Database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>

// The in-memory cache must answer exactly what AggregationEngine's SQL answers: the same groups
// (ids, parents, names), measures, counts, totals, sub-fund flows and rates, for every dimension,
// both cache currencies and many filters, on the sample, on generated data and on the hand-made
// edge cases of AggregationTestData (missing rates, unknown dates, a JPY amount, city-only
// investees). The fields only the cache fills (funds, first and last date, latest stake) are
// checked against independent SQL.

namespace {

const QList<Dimension> &allDimensions()
{
    static const QList<Dimension> dimensions = { Dimension::Sector, Dimension::Segment, Dimension::Region,
        Dimension::Phase, Dimension::Fund, Dimension::Year, Dimension::Investee, Dimension::City };
    return dimensions;
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-6 * std::max({ 1.0, std::abs(a), std::abs(b) });
}

QString describe(const AggregateRow &r)
{
    return QStringLiteral("[%1/%2 %3 | %4 | inv %5 com %6 div %7 | ev %8 ic %9 und %10 wr %11]")
        .arg(r.keyId)
        .arg(r.parentId)
        .arg(r.key, r.keyZh)
        .arg(r.invested, 0, 'g', 17)
        .arg(r.committed, 0, 'g', 17)
        .arg(r.divested, 0, 'g', 17)
        .arg(r.events)
        .arg(r.investees)
        .arg(r.undisclosed)
        .arg(r.withoutRate);
}

/// Empty when the two rows agree on what both paths compute; otherwise what differs.
QString differences(const AggregateRow &sql, const AggregateRow &cache, bool names)
{
    // Amounts bit for bit: both paths sum through ExactSum, so the order of the rows (investee
    // order in memory, the query plan's in SQL) cannot change the rounding.
    const bool same = (!names || (sql.key == cache.key && sql.keyZh == cache.keyZh))
        && sql.invested == cache.invested && sql.committed == cache.committed
        && sql.divested == cache.divested && sql.events == cache.events
        && sql.investees == cache.investees && sql.undisclosed == cache.undisclosed
        && sql.withoutRate == cache.withoutRate;
    return same ? QString() : QStringLiteral("SQL %1 vs cache %2").arg(describe(sql), describe(cache));
}

/// The first difference between two column stores, byte for byte (NaN amounts included); empty
/// when they are the same.
QString storeDifference(const ColumnStore &a, const ColumnStore &b)
{
    QStringList problems;
    auto same = [&](const char *name, const auto &x, const auto &y) {
        if (x.size() != y.size() || std::memcmp(x.data(), y.data(), x.size() * sizeof(x[0])) != 0)
            problems.append(QString::fromLatin1(name));
    };
    same("investee", a.investee, b.investee);
    same("phase", a.phase, b.phase);
    same("dateKeys", a.dateKeys, b.dateKeys);
    same("year", a.year, b.year);
    same("type", a.type, b.type);
    same("status", a.status, b.status);
    same("confidence", a.confidence, b.confidence);
    same("currency", a.currency, b.currency);
    same("valueCny", a.valueCny, b.valueCny);
    same("valueUsd", a.valueUsd, b.valueUsd);
    same("stake", a.stake, b.stake);
    same("investeeId", a.investeeId, b.investeeId);
    same("investeeSector", a.investeeSector, b.investeeSector);
    same("investeeSegment", a.investeeSegment, b.investeeSegment);
    same("investeeRegion", a.investeeRegion, b.investeeRegion);
    same("investeeCountry", a.investeeCountry, b.investeeCountry);
    same("investeeProvince", a.investeeProvince, b.investeeProvince);
    same("investeeCity", a.investeeCity, b.investeeCity);
    same("investeeIsFund", a.investeeIsFund, b.investeeIsFund);
    same("phaseId", a.phaseId, b.phaseId);
    same("phaseFund", a.phaseFund, b.phaseFund);
    if (a.latestYear != b.latestYear)
        problems.append(QStringLiteral("latestYear"));
    if (a.currencyCodes != b.currencyCodes)
        problems.append(QStringLiteral("currencyCodes"));
    if (a.rates != b.rates)
        problems.append(QStringLiteral("rates"));
    for (qsizetype i = 0; i < qsizetype(a.investeeId.size()); ++i) {
        if (b.investeeIndex.find(a.investeeId[size_t(i)]) != i) {
            problems.append(QStringLiteral("investeeIndex"));
            break;
        }
    }
    for (qsizetype i = 0; i < qsizetype(a.phaseId.size()); ++i) {
        if (b.phaseIndex.find(a.phaseId[size_t(i)]) != i) {
            problems.append(QStringLiteral("phaseIndex"));
            break;
        }
    }
    return problems.join(QStringLiteral(", "));
}

} // namespace

class TestAggregationCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sampleMatchesSql();
    void generatedDataMatchesSql();
    void edgeCasesMatchSql();
    void manyGroupingsInOnePassMatchSql();
    void investeeFieldsMatchIndependentSql_data();
    void investeeFieldsMatchIndependentSql();
    void loadCountsEveryRowAndReloads();
    void sparseAndNegativeIdsMatchSql();
    void splitLoadEqualsOneConnection();
    void loadInsideTransactionSeesItsChanges();
    void unloadedCacheRefuses();
    void keptColumnsEqualTheDatabaseLoad();
    void keptColumnsUnusedAfterAWrite();
    void damagedKeptColumnsRefused_data();
    void damagedKeptColumnsRefused();
    void keptColumnsOutOfRangeRefused();
    void onlyTheNewestSnapshotsAreKept();

private:
    bool openSample();
    bool openGenerated(qint64 rows);
    bool openEdgeCases();
    bool loadCache(qint64 splitFrom = AggregationCache::SplitFrom);
    QList<QPair<QString, Filter>> filters();
    /// Compares the two paths for every dimension, both currencies and every filter; returns how
    /// many groups were compared (so that a vacuous run shows).
    int compareEverything();
    QString compare(const AggregateResult &sql, const AggregateResult &cache);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AggregationCache> m_cache;
};

void TestAggregationCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    m_cache = std::make_unique<AggregationCache>();
}

void TestAggregationCache::cleanup()
{
    m_cache.reset();
    m_db.reset();
    m_dir.reset();
}

bool TestAggregationCache::openSample()
{
    QString error;
    if (BrowseTestData::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error))
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

bool TestAggregationCache::openGenerated(qint64 rows)
{
    QString error;
    if (BrowseTestData::openGenerated(*m_db, m_dir->filePath(QStringLiteral("generated.db")), rows, &error))
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

bool TestAggregationCache::openEdgeCases()
{
    QString error;
    if (m_db->open(m_dir->filePath(QStringLiteral("edge.db")), Database::OpenMode::CreateNew)
            == Database::Status::Ok
        && AggregationTestData::load(*m_db, &error))
        return true;
    qWarning("%s %s", qPrintable(m_db->errorString()), qPrintable(error));
    return false;
}

bool TestAggregationCache::loadCache(qint64 splitFrom)
{
    QString error;
    if (m_cache->load(*m_db, &error, splitFrom) && m_cache->isLoaded())
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

QList<QPair<QString, Filter>> TestAggregationCache::filters()
{
    using BrowseTestData::scalar;
    Database &db = *m_db;
    auto most = [&](const QString &column, const QString &extra = QString(), int offset = 0) {
        return scalar(db,
            QStringLiteral("SELECT %1 FROM disbursements d JOIN investees i ON i.id = d.investee_id"
                           " JOIN phases p ON p.id = d.phase_id WHERE %1 IS NOT NULL %2"
                           " GROUP BY %1 ORDER BY count(*) DESC, %1 LIMIT 1 OFFSET %3")
                .arg(column, extra)
                .arg(offset));
    };
    QList<QPair<QString, Filter>> out;
    auto add = [&](const QString &name, const Filter &f) { out.append({ name, f }); };
    Filter f;
    add(QStringLiteral("none"), f);
    f.funds = { most(QStringLiteral("p.fund_id")) };
    add(QStringLiteral("fund"), f);
    f.funds.append(most(QStringLiteral("p.fund_id"), QString(), 2));
    add(QStringLiteral("two funds"), f);
    f = Filter();
    f.phases = { most(QStringLiteral("d.phase_id"), QString(), 1) };
    add(QStringLiteral("phase"), f);
    f = Filter();
    f.sectors = { most(QStringLiteral("i.sector_id")) };
    add(QStringLiteral("sector"), f);
    f = Filter();
    f.segments = { most(QStringLiteral("i.segment_id")), most(QStringLiteral("i.segment_id"), QString(), 1) };
    add(QStringLiteral("segments"), f);
    f = Filter();
    f.regions
        = { scalar(db, QStringLiteral("SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'")) };
    add(QStringLiteral("country China"), f);
    const qint64 abroad = most(QStringLiteral("i.country_id"),
        QStringLiteral("AND i.country_id <> (SELECT id FROM regions WHERE code = 'CN')"));
    if (abroad > 0) {
        f.regions = { abroad };
        add(QStringLiteral("a country abroad"), f);
    }
    f.regions = { most(QStringLiteral("i.province_id")) };
    add(QStringLiteral("province"), f);
    f.regions = { most(QStringLiteral("i.city_id")) };
    add(QStringLiteral("city"), f);
    f.regions.append(most(QStringLiteral("i.province_id"), QString(), 1));
    add(QStringLiteral("city and another province"), f);
    f = Filter();
    f.from = QStringLiteral("2016-03");
    f.to = QStringLiteral("2020");
    add(QStringLiteral("2016-03 .. 2020"), f);
    f.from = QStringLiteral("2019-10-22");
    f.to = QStringLiteral("2021-04");
    add(QStringLiteral("2019-10-22 .. 2021-04"), f);
    f.from.clear();
    f.to = QStringLiteral("2015-12-31");
    add(QStringLiteral(".. 2015-12-31"), f);
    f.from = QStringLiteral("2024-01-01");
    f.to.clear();
    add(QStringLiteral("2024-01-01 .."), f);
    f = Filter();
    f.types = { QStringLiteral("equity purchase"), QStringLiteral("loan") };
    add(QStringLiteral("types"), f);
    f.types = { QStringLiteral("commitment"), QStringLiteral("equity sale") };
    add(QStringLiteral("commitments and sales"), f);
    f = Filter();
    f.statuses = { QStringLiteral("cancelled") };
    add(QStringLiteral("cancelled"), f);
    f.statuses = { QStringLiteral("announced"), QStringLiteral("committed"), QStringLiteral("completed"),
        QStringLiteral("cancelled") };
    add(QStringLiteral("every status"), f);
    f = Filter();
    f.confidences = { QStringLiteral("low") };
    add(QStringLiteral("low confidence"), f);
    f.confidences = { QStringLiteral("high"), QStringLiteral("medium") };
    add(QStringLiteral("high and medium confidence"), f);
    f = Filter();
    for (const char *text :
        { "semiconductor", "SEMI", "fund", "半导体", "长鑫", "芯片", "%", "no such name" }) {
        f.text = QString::fromUtf8(text);
        add(QStringLiteral("text ") + f.text, f);
    }
    f = Filter();
    f.investees
        = { most(QStringLiteral("d.investee_id")), most(QStringLiteral("d.investee_id"), QString(), 5) };
    add(QStringLiteral("investees"), f);
    const qint64 subFund = most(QStringLiteral("d.investee_id"), QStringLiteral("AND i.kind = 'fund'"));
    if (subFund > 0) {
        f.investees = { subFund };
        add(QStringLiteral("a sub-fund"), f);
    }
    f = Filter();
    f.funds = { most(QStringLiteral("p.fund_id")) };
    f.sectors = { most(QStringLiteral("i.sector_id")) };
    f.from = QStringLiteral("2018");
    add(QStringLiteral("fund, sector and dates"), f);
    f = Filter();
    f.regions = { most(QStringLiteral("i.province_id")) };
    f.types
        = { QStringLiteral("equity purchase"), QStringLiteral("disbursement"), QStringLiteral("commitment") };
    f.statuses = { QStringLiteral("completed"), QStringLiteral("cancelled") };
    f.confidences = { QStringLiteral("high"), QStringLiteral("low") };
    f.text = QStringLiteral("co");
    add(QStringLiteral("region, types, statuses, confidences and text"), f);
    return out;
}

QString TestAggregationCache::compare(const AggregateResult &sql, const AggregateResult &cache)
{
    QStringList problems;
    if (sql.dimension != cache.dimension || sql.currency != cache.currency
        || sql.subFundFlowsInRows != cache.subFundFlowsInRows)
        problems.append(QStringLiteral("dimension, currency or sub-fund placement differ"));
    QHash<QPair<qint64, qint64>, AggregateRow> cacheRows;
    for (const AggregateRow &r : cache.rows) {
        if (cacheRows.contains({ r.keyId, r.parentId }))
            problems.append(QStringLiteral("cache repeats group %1").arg(describe(r)));
        cacheRows.insert({ r.keyId, r.parentId }, r);
    }
    if (sql.rows.size() != cache.rows.size())
        problems.append(QStringLiteral("%1 groups by SQL, %2 from the cache")
                            .arg(sql.rows.size())
                            .arg(cache.rows.size()));
    for (const AggregateRow &r : sql.rows) {
        const auto it = cacheRows.constFind({ r.keyId, r.parentId });
        if (it == cacheRows.constEnd()) {
            problems.append(QStringLiteral("cache lacks %1").arg(describe(r)));
            continue;
        }
        const QString d = differences(r, *it, true);
        if (!d.isEmpty())
            problems.append(d);
    }
    for (const auto &[what, a, b] : { std::tuple { QStringLiteral("totals"), sql.totals, cache.totals },
             std::tuple { QStringLiteral("sub-fund flows"), sql.subFundFlows, cache.subFundFlows } }) {
        const QString d = differences(a, b, true);
        if (!d.isEmpty())
            problems.append(what + QStringLiteral(": ") + d);
    }
    if (sql.ratesUsed != cache.ratesUsed)
        problems.append(
            QStringLiteral("rates used: SQL %1, cache %2")
                .arg(sql.ratesUsed.join(QStringLiteral("; ")), cache.ratesUsed.join(QStringLiteral("; "))));
    if (sql.ratesMissing != cache.ratesMissing)
        problems.append(QStringLiteral("rates missing: SQL %1, cache %2")
                            .arg(sql.ratesMissing.join(QStringLiteral("; ")),
                                cache.ratesMissing.join(QStringLiteral("; "))));
    return problems.join(QStringLiteral("\n  "));
}

int TestAggregationCache::compareEverything()
{
    const AggregationEngine bySql(*m_db);
    const ColumnAggregator byCache(*m_db, *m_cache);
    int groups = 0;
    int failures = 0;
    for (const auto &[name, base] : filters()) {
        for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") }) {
            Filter filter = base;
            filter.currency = currency;
            for (Dimension dimension : allDimensions()) {
                AggregateResult sql;
                AggregateResult cache;
                QString error;
                if (!bySql.aggregate(dimension, filter, &sql, &error)
                    || !byCache.aggregate(dimension, filter, &cache, &error)) {
                    qWarning("%s", qPrintable(error));
                    return -1;
                }
                const QString problems = compare(sql, cache);
                if (!problems.isEmpty() && ++failures <= 20)
                    qWarning("%s, by %s in %s:\n  %s", qPrintable(name),
                        qPrintable(AggregationEngine::dimensionName(dimension)), qPrintable(currency),
                        qPrintable(problems));
                groups += int(sql.rows.size());
            }
        }
    }
    return failures == 0 ? groups : -1;
}

void TestAggregationCache::sampleMatchesSql()
{
    QVERIFY(openSample());
    QVERIFY(loadCache());
    const int groups = compareEverything();
    QVERIFY2(groups > 1000, qPrintable(QString::number(groups)));
}

void TestAggregationCache::generatedDataMatchesSql()
{
    QVERIFY(openGenerated(4000));
    QVERIFY(loadCache());
    const int groups = compareEverything();
    QVERIFY2(groups > 10000, qPrintable(QString::number(groups)));
}

void TestAggregationCache::edgeCasesMatchSql()
{
    QVERIFY(openEdgeCases());
    QVERIFY(loadCache());
    // The data must reach the awkward paths, or the comparison proves little.
    AggregateResult usd;
    QString error;
    Filter inUsd;
    inUsd.currency = QStringLiteral("USD");
    QVERIFY(AggregationEngine(*m_db).aggregate(Dimension::Sector, inUsd, &usd, &error));
    QVERIFY(usd.totals.withoutRate > 0);
    QVERIFY(usd.totals.undisclosed > 0);
    QVERIFY(!usd.ratesMissing.isEmpty());
    const int groups = compareEverything();
    QVERIFY2(groups > 500, qPrintable(QString::number(groups)));
}

void TestAggregationCache::manyGroupingsInOnePassMatchSql()
{
    QVERIFY(openGenerated(2000));
    QVERIFY(loadCache());
    const AggregationEngine bySql(*m_db);
    const ColumnAggregator byCache(*m_db, *m_cache);
    QList<AggregateRequest> requests;
    for (Dimension d : allDimensions())
        requests.append({ d, false, false, 0 });
    for (const auto &[name, base] : filters().mid(0, 12)) {
        for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") }) {
            Filter filter = base;
            filter.currency = currency;
            QList<AggregateResult> many;
            QString error;
            QVERIFY2(byCache.aggregateMany(requests, filter, &many, &error), qPrintable(error));
            QCOMPARE(many.size(), requests.size());
            for (qsizetype r = 0; r < requests.size(); ++r) {
                AggregateResult sql;
                QVERIFY2(bySql.aggregate(requests.at(r).dimension, filter, &sql, &error), qPrintable(error));
                const QString problems = compare(sql, many.at(r));
                QVERIFY2(problems.isEmpty(), qPrintable(name + QStringLiteral(": ") + problems));
            }
        }
    }
}

void TestAggregationCache::investeeFieldsMatchIndependentSql_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::newRow("sample") << QStringLiteral("sample");
    QTest::newRow("generated") << QStringLiteral("generated");
}

void TestAggregationCache::investeeFieldsMatchIndependentSql()
{
    QFETCH(QString, dataset);
    QVERIFY(dataset == QLatin1String("sample") ? openSample() : openGenerated(3000));
    QVERIFY(loadCache());
    const ColumnAggregator byCache(*m_db, *m_cache);
    int withStake = 0;
    int rows = 0;
    for (const BrowseTestData::Case &c : BrowseTestData::cases(*m_db)) {
        AggregateResult result;
        QString error;
        QVERIFY2(byCache.aggregate(Dimension::Investee, c.filter, &result, &error), qPrintable(error));
        // The latest stake: of the latest dated event that reports one; on a tie of dates, the
        // event recorded last (highest id).
        QSqlQuery q(m_db->connection());
        QVERIFY2(q.exec(QStringLiteral(
                            "SELECT d.investee_id, count(*), count(DISTINCT p.fund_id),"
                            " ifnull(min(d.value_date), ''), ifnull(max(d.value_date), ''),"
                            " (SELECT d2.stake_pct FROM disbursements d2, phases p2, funds f2, investees i2"
                            "  WHERE p2.id = d2.phase_id AND f2.id = p2.fund_id AND i2.id = d2.investee_id"
                            "  AND d2.investee_id = d.investee_id AND d2.stake_pct IS NOT NULL"
                            "  AND d2.value_date IS NOT NULL AND %1"
                            "  ORDER BY d2.value_date DESC, d2.id DESC LIMIT 1)")
                            .arg(QString(c.condition)
                                     .replace(QLatin1String("d."), QLatin1String("d2."))
                                     .replace(QLatin1String("p."), QLatin1String("p2."))
                                     .replace(QLatin1String("f."), QLatin1String("f2."))
                                     .replace(QLatin1String("i."), QLatin1String("i2.")))
                     + BrowseTestData::independentFrom() + c.condition
                     + QStringLiteral(" GROUP BY d.investee_id")),
            qPrintable(q.lastError().text()));
        QHash<qint64, AggregateRow> byInvestee;
        for (const AggregateRow &r : std::as_const(result.rows))
            byInvestee.insert(r.keyId, r);
        qsizetype expectedRows = 0;
        while (q.next()) {
            ++expectedRows;
            const qint64 id = q.value(0).toLongLong();
            QVERIFY2(byInvestee.contains(id), qPrintable(c.name));
            const AggregateRow &r = byInvestee.value(id);
            const QString what = QStringLiteral("%1, investee %2").arg(c.name).arg(id);
            QVERIFY2(r.events == q.value(1).toLongLong(), qPrintable(what));
            QVERIFY2(r.funds == q.value(2).toLongLong(), qPrintable(what));
            QVERIFY2(r.firstDate == q.value(3).toString(),
                qPrintable(what + QStringLiteral(" first ") + r.firstDate));
            QVERIFY2(r.lastDate == q.value(4).toString(),
                qPrintable(what + QStringLiteral(" last ") + r.lastDate));
            QVERIFY2(r.latestStake.has_value() == !q.value(5).isNull(), qPrintable(what));
            if (r.latestStake) {
                ++withStake;
                QVERIFY2(near(*r.latestStake, q.value(5).toDouble()),
                    qPrintable(what
                        + QStringLiteral(" stake %1 vs %2").arg(*r.latestStake).arg(q.value(5).toDouble())));
            }
            ++rows;
        }
        QCOMPARE(result.rows.size(), expectedRows);
    }
    QVERIFY(rows > 20);
    QVERIFY(withStake > 5);
}

void TestAggregationCache::loadCountsEveryRowAndReloads()
{
    QVERIFY(openSample());
    QVERIFY(loadCache());
    QCOMPARE(m_cache->rowCount(),
        BrowseTestData::scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements")));
    // Stale after a write until reloaded; reloading picks the write up.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(
        QStringLiteral("INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor,"
                       " currency, status, confidence) SELECT phase_id, investee_id, '2023-06', 'grant',"
                       " 12345600, 'CNY', 'completed', 'high' FROM disbursements ORDER BY id LIMIT 1")));
    QCOMPARE(m_cache->rowCount() + 1,
        BrowseTestData::scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements")));
    QVERIFY(loadCache());
    QCOMPARE(m_cache->rowCount(),
        BrowseTestData::scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements")));
    QVERIFY(compareEverything() > 0);
}

void TestAggregationCache::sparseAndNegativeIdsMatchSql()
{
    // The cache maps ids to dense indexes through an array indexed by the id while ids are dense;
    // a huge id (a trillion) must fall back to a hash instead of a terabyte-sized array, and a
    // negative id (INTEGER PRIMARY KEY allows it) must still be found. Rowids of the same kind
    // bound the split read.
    QVERIFY(openSample());
    const qint64 busiestInvestee = BrowseTestData::scalar(*m_db,
        QStringLiteral("SELECT investee_id FROM disbursements GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"));
    const qint64 otherInvestee = BrowseTestData::scalar(*m_db,
        QStringLiteral(
            "SELECT investee_id FROM disbursements GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 OFFSET 3"));
    const qint64 busiestPhase = BrowseTestData::scalar(*m_db,
        QStringLiteral("SELECT phase_id FROM disbursements GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"));
    const qint64 firstEvent
        = BrowseTestData::scalar(*m_db, QStringLiteral("SELECT min(id) FROM disbursements"));
    const qint64 lastEvent
        = BrowseTestData::scalar(*m_db, QStringLiteral("SELECT max(id) FROM disbursements"));
    auto run = [&](const QStringList &statements) {
        QSqlQuery q(m_db->connection());
        for (const QString &sql : statements) {
            if (!q.exec(sql)) {
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
                return false;
            }
        }
        return q.exec(QStringLiteral("PRAGMA foreign_key_check")) && !q.next();
    };
    auto check = [&](qint64 investee) {
        const qint64 rows
            = BrowseTestData::scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements"));
        for (const qint64 splitFrom : { AggregationCache::SplitFrom, qint64(1) }) {
            QVERIFY(loadCache(splitFrom));
            QCOMPARE(m_cache->rowCount(), rows);
            const int groups = compareEverything();
            QVERIFY2(groups > 1000, qPrintable(QString::number(groups)));
            // The renumbered investee is found under its new id, with all its events.
            Filter one;
            one.investees = { investee };
            qint64 count = -1;
            QString error;
            QVERIFY2(m_cache->count(*m_db, one, &count, &error), qPrintable(error));
            QCOMPARE(count,
                BrowseTestData::scalar(*m_db,
                    QStringLiteral("SELECT count(*) FROM disbursements WHERE investee_id = %1"
                                   " AND status <> 'cancelled'")
                        .arg(investee)));
            QVERIFY(count > 0);
        }
    };
    // Small ids but one negative: the array cannot hold it.
    QVERIFY(run({ QStringLiteral("PRAGMA foreign_keys = OFF"),
        QStringLiteral("UPDATE investees SET id = -7 WHERE id = %1").arg(otherInvestee),
        QStringLiteral("UPDATE disbursements SET investee_id = -7 WHERE investee_id = %1").arg(otherInvestee),
        QStringLiteral("UPDATE disbursements SET id = -3 WHERE id = %1").arg(firstEvent),
        QStringLiteral("PRAGMA foreign_keys = ON") }));
    check(-7);
    if (QTest::currentTestFailed())
        return;
    // Ids far wider than their count.
    QVERIFY(run({ QStringLiteral("PRAGMA foreign_keys = OFF"),
        QStringLiteral("UPDATE investees SET id = 1000000000000 WHERE id = %1").arg(busiestInvestee),
        QStringLiteral("UPDATE disbursements SET investee_id = 1000000000000 WHERE investee_id = %1")
            .arg(busiestInvestee),
        QStringLiteral("UPDATE phases SET id = 500000000000 WHERE id = %1").arg(busiestPhase),
        QStringLiteral("UPDATE disbursements SET phase_id = 500000000000 WHERE phase_id = %1")
            .arg(busiestPhase),
        QStringLiteral("UPDATE disbursements SET id = 9000000000000 WHERE id = %1").arg(lastEvent),
        QStringLiteral("PRAGMA foreign_keys = ON") }));
    check(1000000000000);
}

void TestAggregationCache::splitLoadEqualsOneConnection()
{
    // Read in two halves on two connections and summed in two halves on two threads (both
    // forced on small data), the cache must answer exactly what one connection and one pass
    // give: the same groups, bit for bit, in every dimension and in the dashboard's groupings.
    QVERIFY(openGenerated(3000));
    QVERIFY(loadCache(std::numeric_limits<qint64>::max()));
    AggregationCache split;
    QString error;
    QVERIFY2(split.load(*m_db, &error, 1), qPrintable(error));
    QCOMPARE(split.rowCount(), m_cache->rowCount());
    QCOMPARE(split.rowCount(),
        BrowseTestData::scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements")));
    const ColumnAggregator one(*m_db, *m_cache);
    const ColumnAggregator two(*m_db, split);
    int rows = 0;
    for (const auto &[name, filter] : filters()) {
        for (Dimension dimension : allDimensions()) {
            AggregateResult a;
            AggregateResult b;
            QVERIFY2(one.aggregate(dimension, filter, &a, &error), qPrintable(error));
            QVERIFY2(two.aggregate(dimension, filter, &b, &error), qPrintable(error));
            QVERIFY2(a.rows == b.rows && a.totals == b.totals && a.subFundFlows == b.subFundFlows
                    && a.ratesUsed == b.ratesUsed && a.ratesMissing == b.ratesMissing,
                qPrintable(
                    QStringLiteral("%1 by %2").arg(name, AggregationEngine::dimensionName(dimension))));
            rows += int(a.rows.size());
        }
        // Split by sector, companies only, top 10: what the dashboard's charts ask for.
        const QList<AggregateRequest> requests = { { Dimension::Phase, true, false },
            { Dimension::Year, true, false }, { Dimension::Investee, false, true, 10 },
            { Dimension::City, false, false } };
        QList<AggregateResult> a;
        QList<AggregateResult> b;
        QVERIFY2(one.aggregateMany(requests, filter, &a, &error), qPrintable(error));
        QVERIFY2(two.aggregateMany(requests, filter, &b, &error), qPrintable(error));
        QCOMPARE(a.size(), requests.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QVERIFY2(a[i].rows == b[i].rows && a[i].totals == b[i].totals && a[i].subFundFlows == b[i].subFundFlows,
                qPrintable(QStringLiteral("%1, request %2").arg(name).arg(i)));
            rows += int(a[i].rows.size());
        }
    }
    QVERIFY(rows > 5000);
    QVERIFY(compareEverything() > 0);
}

void TestAggregationCache::loadInsideTransactionSeesItsChanges()
{
    // Inside a caller's transaction the load must see the caller's uncommitted rows, which a
    // second connection could not: it reads everything on the caller's connection then.
    QVERIFY(openSample());
    const qint64 before = BrowseTestData::scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements"));
    {
        Transaction transaction(*m_db);
        QVERIFY(transaction.isActive());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO disbursements(phase_id, investee_id, value_date, type, "
                                      "amount_minor, currency, status,"
                                      " confidence) SELECT phase_id, investee_id, '2023-06', 'grant', "
                                      "12345600, 'CNY', 'completed', 'high'"
                                      " FROM disbursements ORDER BY id DESC LIMIT 50")));
        q.finish();
        QVERIFY(loadCache(1));
        QCOMPARE(m_cache->rowCount(), before + 50);
    }
    // Rolled back: outside a transaction the split read sees the committed rows only.
    QVERIFY(loadCache(1));
    QCOMPARE(m_cache->rowCount(), before);
}

void TestAggregationCache::unloadedCacheRefuses()
{
    QVERIFY(openSample());
    QVERIFY(!m_cache->isLoaded());
    AggregateResult result;
    QString error;
    QVERIFY(!ColumnAggregator(*m_db, *m_cache).aggregate(Dimension::Sector, Filter(), &result, &error));
    QVERIFY(!error.isEmpty());
    // Not loaded, or a currency it does not hold: the choice falls to SQL.
    QVERIFY(dynamic_cast<const AggregationEngine *>(Aggregator::choose(*m_db, m_cache.get(), QString()).get()));
    QVERIFY(dynamic_cast<const AggregationEngine *>(Aggregator::choose(*m_db, nullptr, QString()).get()));
    QVERIFY(loadCache());
    QVERIFY(dynamic_cast<const ColumnAggregator *>(Aggregator::choose(*m_db, m_cache.get(), QString()).get()));
    QVERIFY(dynamic_cast<const ColumnAggregator *>(
        Aggregator::choose(*m_db, m_cache.get(), QStringLiteral("USD")).get()));
    QVERIFY(dynamic_cast<const AggregationEngine *>(
        Aggregator::choose(*m_db, m_cache.get(), QStringLiteral("EUR")).get()));
    QVERIFY(AggregationCache::supportsCurrency(QStringLiteral("CNY")));
    QVERIFY(AggregationCache::supportsCurrency(QStringLiteral("USD")));
    QVERIFY(!AggregationCache::supportsCurrency(QStringLiteral("EUR")));
    QCOMPARE(ColumnStore::dateText(20200000), QStringLiteral("2020"));
    QCOMPARE(ColumnStore::dateText(20200500), QStringLiteral("2020-05"));
    QCOMPARE(ColumnStore::dateText(20200517), QStringLiteral("2020-05-17"));
    QCOMPARE(ColumnStore::dateText(-1), QString());
}


void TestAggregationCache::keptColumnsEqualTheDatabaseLoad()
{
    // The first loadKept() reads the database and keep() writes the snapshot; the second reads
    // the snapshot. Its columns must equal the database load's byte for byte, and every grouping
    // from them must equal the SQL engine's under every filter.
    QVERIFY(openGenerated(3000));
    QVERIFY(loadCache());
    const QString file = m_dir->filePath(QStringLiteral("cache/columns.bin"));
    QString error;
    AggregationCache first;
    QVERIFY2(first.loadKept(*m_db, file, &error), qPrintable(error));
    QVERIFY(!first.loadedFromSnapshot());
    QVERIFY(first.revision().has_value());
    QVERIFY(!QFile::exists(file)); // written by keep(), once the caller has used the totals
    first.keep(file, m_db->path());
    QVERIFY(QFile::exists(file));
    auto kept = std::make_unique<AggregationCache>();
    QVERIFY2(kept->loadKept(*m_db, file, &error), qPrintable(error));
    QVERIFY(kept->loadedFromSnapshot());
    QVERIFY(kept->revision() == DataRevision::read(*m_db));
    QCOMPARE(storeDifference(m_cache->store(), kept->store()), QString());
    // Two halves on two threads from this many rows: the same as a database load's.
    QCOMPARE(kept->store().passSplitFrom, m_cache->store().passSplitFrom);
    m_cache = std::move(kept);
    QVERIFY(compareEverything() > 10000);
}

void TestAggregationCache::keptColumnsUnusedAfterAWrite()
{
    QVERIFY(openSample());
    const QString file = m_dir->filePath(QStringLiteral("columns.bin"));
    QString error;
    QVERIFY2(m_cache->loadKept(*m_db, file, &error), qPrintable(error));
    m_cache->keep(file, m_db->path());
    const qint64 before = m_cache->rowCount();
    // The same data under another path (a copy of the file) is another database.
    QString why;
    ColumnStore store;
    QVERIFY(!ColumnSnapshot::load(file, m_dir->filePath(QStringLiteral("copy.db")), *DataRevision::read(*m_db),
        store, &why));
    QVERIFY2(why.contains(QStringLiteral("another database")), qPrintable(why));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(
        QStringLiteral("INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor,"
                       " currency, status, confidence) SELECT phase_id, investee_id, '2023-06', 'grant',"
                       " 12345600, 'CNY', 'completed', 'high' FROM disbursements ORDER BY id LIMIT 1")));
    q.finish();
    // The snapshot holds the state before the write: refused, the database read, the file renewed.
    QVERIFY(!ColumnSnapshot::load(file, m_db->path(), *DataRevision::read(*m_db), store, &why));
    QVERIFY2(why.contains(QStringLiteral("another state")), qPrintable(why));
    QCOMPARE(store.rowCount(), 0);
    QVERIFY2(m_cache->loadKept(*m_db, file, &error), qPrintable(error));
    m_cache->keep(file, m_db->path());
    QVERIFY(!m_cache->loadedFromSnapshot());
    QCOMPARE(m_cache->rowCount(), before + 1);
    QVERIFY2(m_cache->loadKept(*m_db, file, &error), qPrintable(error));
    QVERIFY(m_cache->loadedFromSnapshot());
    QCOMPARE(m_cache->rowCount(), before + 1);
    QVERIFY(compareEverything() > 1000);
}

void TestAggregationCache::damagedKeptColumnsRefused_data()
{
    // How the file is damaged: a byte flipped at a fraction of its length, cut at one, or grown.
    QTest::addColumn<QString>("damage");
    QTest::addColumn<double>("at");
    QTest::addColumn<QString>("reason");
    QTest::newRow("magic") << "flip" << 0.0 << "format";
    QTest::newRow("row count") << "flip" << 16.0 / 1e9 << "bytes where";
    QTest::newRow("checksum") << "flip" << 40.0 / 1e9 << "checksum";
    QTest::newRow("metadata") << "flip" << 60.0 / 1e9 << "";
    QTest::newRow("first column") << "flip" << 0.05 << "checksum";
    QTest::newRow("amounts") << "flip" << 0.6 << "checksum";
    QTest::newRow("last byte") << "flip" << 1.0 << "checksum";
    QTest::newRow("cut short") << "cut" << 0.7 << "bytes where";
    QTest::newRow("cut to the header") << "cut" << 20.0 / 1e9 << "header";
    QTest::newRow("empty") << "cut" << 0.0 << "header";
    QTest::newRow("grown") << "grow" << 1.0 << "bytes where";
}

void TestAggregationCache::damagedKeptColumnsRefused()
{
    QFETCH(QString, damage);
    QFETCH(double, at);
    QFETCH(QString, reason);
    QVERIFY(openSample());
    const QString file = m_dir->filePath(QStringLiteral("columns.bin"));
    QString error;
    QVERIFY2(m_cache->loadKept(*m_db, file, &error), qPrintable(error));
    m_cache->keep(file, m_db->path());
    const qint64 rows = m_cache->rowCount();
    QVERIFY(rows > 20);

    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    // Fractions below 1e-6 stand for byte offsets (the header's fields), the rest for positions.
    const qsizetype offset = at < 1e-6 ? qsizetype(std::lround(at * 1e9))
                                       : std::min(bytes.size() - 1, qsizetype(double(bytes.size()) * at));
    if (damage == QLatin1String("flip"))
        bytes[offset] = char(bytes[offset] ^ 0x10);
    else if (damage == QLatin1String("cut"))
        bytes.truncate(offset);
    else
        bytes.append('\0');
    QVERIFY(f.resize(0));
    QVERIFY(f.seek(0));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();

    QString why;
    ColumnStore store;
    QVERIFY(!ColumnSnapshot::load(file, m_db->path(), *DataRevision::read(*m_db), store, &why));
    QVERIFY2(why.contains(reason), qPrintable(why));
    QVERIFY2(why.startsWith(file), qPrintable(why));
    QCOMPARE(store.rowCount(), 0);
    QVERIFY(store.investeeId.empty() && store.currencyCodes.isEmpty());
    // The cache falls back to the database, whole, and writes a good file again.
    QVERIFY2(m_cache->loadKept(*m_db, file, &error), qPrintable(error));
    m_cache->keep(file, m_db->path());
    QVERIFY(!m_cache->loadedFromSnapshot());
    QCOMPARE(m_cache->rowCount(), rows);
    QVERIFY(compareEverything() > 1000);
    QVERIFY2(m_cache->loadKept(*m_db, file, &error), qPrintable(error));
    QVERIFY(m_cache->loadedFromSnapshot());
}

void TestAggregationCache::keptColumnsOutOfRangeRefused()
{
    // A file whose checksum holds but whose indexes would read past a table (written by a
    // faulty program, not damaged on disk) is refused too: the groupings index by them unchecked.
    QVERIFY(openSample());
    QVERIFY(loadCache());
    const ColumnStore &good = m_cache->store();
    const DataRevision revision = *DataRevision::read(*m_db);
    const QString file = m_dir->filePath(QStringLiteral("columns.bin"));
    const size_t last = good.investee.size() - 1;
    const std::vector<std::pair<QString, std::function<void(ColumnStore &)>>> faults = {
        { QStringLiteral("none"), [](ColumnStore &) {} },
        { QStringLiteral("investee past the table"),
            [&](ColumnStore &s) { s.investee[last] = int32_t(s.investeeId.size()); } },
        { QStringLiteral("rows out of investee order"), [](ColumnStore &s) { std::swap(s.investee.front(), s.investee.back()); } },
        { QStringLiteral("no phase"), [](ColumnStore &s) { s.phase[0] = -1; } },
        { QStringLiteral("unknown currency"),
            [](ColumnStore &s) { s.currency[0] = uint8_t(s.currencyCodes.size()); } },
        { QStringLiteral("unknown type"), [](ColumnStore &s) { s.type[0] = 6; } },
        { QStringLiteral("unknown status"), [](ColumnStore &s) { s.status[0] = 4; } },
        { QStringLiteral("unknown confidence"), [](ColumnStore &s) { s.confidence[0] = 3; } },
        { QStringLiteral("year after the latest"), [](ColumnStore &s) { s.year[0] = int16_t(s.latestYear + 1); } },
    };
    for (const auto &[name, fault] : faults) {
        ColumnStore bad = good;
        fault(bad);
        QString error;
        QVERIFY2(ColumnSnapshot::save(file, m_db->path(), revision, bad, &error), qPrintable(error));
        ColumnStore read;
        QString why;
        const bool loaded = ColumnSnapshot::load(file, m_db->path(), revision, read, &why);
        if (name == QLatin1String("none")) {
            QVERIFY2(loaded, qPrintable(why));
            QCOMPARE(storeDifference(good, read), QString());
        } else {
            QVERIFY2(!loaded, qPrintable(name));
            QVERIFY2(why.contains(QStringLiteral("out of range")), qPrintable(name + QStringLiteral(": ") + why));
        }
    }
}

void TestAggregationCache::onlyTheNewestSnapshotsAreKept()
{
    // One snapshot per database ever opened would pile up: writing one leaves the eight newest.
    QVERIFY(openSample());
    QVERIFY(loadCache());
    const DataRevision revision = *DataRevision::read(*m_db);
    const QDir folder(m_dir->filePath(QStringLiteral("columns")));
    QStringList written;
    for (int i = 0; i < 11; ++i) {
        written.append(folder.filePath(QStringLiteral("%1.bin").arg(i, 2, 10, QLatin1Char('0'))));
        QString error;
        QVERIFY2(ColumnSnapshot::save(written.last(), m_db->path(), revision, m_cache->store(), &error), qPrintable(error));
        QFile(written.last()).setFileTime(QDateTime::currentDateTime().addSecs(i - 100), QFileDevice::FileModificationTime);
    }
    const QStringList left = folder.entryList({ QStringLiteral("*.bin") }, QDir::Files, QDir::Name);
    QCOMPARE(left.size(), 8);
    QCOMPARE(left.last(), QStringLiteral("10.bin"));
    ColumnStore store;
    QVERIFY(ColumnSnapshot::load(written.last(), m_db->path(), revision, store));
}

QTEST_GUILESS_MAIN(TestAggregationCache)
#include "tst_aggregationcache.moc"
