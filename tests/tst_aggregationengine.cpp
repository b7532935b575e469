#include "AggregationEngine.h"
#include "AggregationTestData.h"
#include "Database.h"
#include "SampleDatabase.h"

#include <QDate>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>
#include <optional>

// The engine is checked against an independent model: plain SELECTs of the raw rows, the filter,
// grouping and currency conversion re-implemented here row by row in C++, then summed.

namespace {

using Id = std::optional<qint64>;

struct Event
{
    qint64 id = 0;
    qint64 phase = 0;
    qint64 fund = 0;
    qint64 investee = 0;
    bool subFund = false;
    Id sector, segment, country, province, city;
    QString date;
    QString type;
    std::optional<qint64> amount;
    QString currency;
    QString status;
    QString confidence;
};

struct Acc
{
    double invested = 0, committed = 0, divested = 0;
    qint64 events = 0, undisclosed = 0, withoutRate = 0;
    QSet<qint64> investees;

    void add(const Event &e, std::optional<double> value)
    {
        ++events;
        investees.insert(e.investee);
        if (!e.amount) {
            ++undisclosed;
            return;
        }
        if (!value) {
            ++withoutRate;
            return;
        }
        if (e.type == QLatin1String("commitment"))
            committed += *value;
        else if (e.type == QLatin1String("equity sale"))
            divested += *value;
        else
            invested += *value;
    }
};

using GroupKey = QPair<qint64, qint64>;

struct Expected
{
    QMap<GroupKey, Acc> groups;
    Acc totals;
    Acc subFunds;
};

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-6 + 1e-13 * std::max(std::abs(a), std::abs(b));
}

QDate periodStart(const QString &date)
{
    const int year = date.left(4).toInt();
    const int month = date.size() >= 7 ? date.mid(5, 2).toInt() : 1;
    const int day = date.size() >= 10 ? date.mid(8, 2).toInt() : 1;
    return QDate(year, month, day);
}

QDate periodEnd(const QString &date)
{
    const QDate start = periodStart(date);
    if (date.size() == 4)
        return QDate(start.year(), 12, 31);
    if (date.size() == 7)
        return QDate(start.year(), start.month(), start.daysInMonth());
    return start;
}

} // namespace

class TestAggregationEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void matchesIndependentModel_data();
    void matchesIndependentModel();
    void sectorTotalsLeaveSubFundFlowsApart();
    void phaseTotalsIncludeSubFundFlows();
    void nothingCountedTwice();
    void undisclosedAndWithoutRateCounts();
    void groupNames();
    void yearOrderAndUnknownYear();
    void ratesUsedAndMissing();
    void cancelledOnlyWhenAsked();
    void dimensionNames();
    void unknownBaseCurrencyFails();
    void emptyDatabaseGivesNoRows();
    void groupsWhileAnotherQueryIsOpen();
    void samplePhasesMatchIndependentSql();

private:
    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        return AggregationTestData::scalar(*m_db, sql, binds);
    }
    Filter filterFrom(const QString &spec);
    QList<Event> loadEvents();
    Expected expect(Dimension dimension, const Filter &filter);
    AggregateResult run(Dimension dimension, const Filter &filter);
    void compare(const AggregateRow &actual, const Acc &expected, const QString &what);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QHash<qint64, qint64> m_regionParent;
    QHash<QString, int> m_digits;
    QHash<QPair<QString, int>, double> m_rates;
};

void TestAggregationEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QCOMPARE(m_db->open(m_dir->filePath(QStringLiteral("test.db")), Database::OpenMode::CreateNew),
        Database::Status::Ok);
    QString error;
    QVERIFY2(AggregationTestData::load(*m_db, &error), qPrintable(error));

    m_regionParent.clear();
    m_digits.clear();
    m_rates.clear();
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT id, parent_id FROM regions WHERE parent_id IS NOT NULL")));
    while (q.next())
        m_regionParent.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    QVERIFY(q.exec(QStringLiteral("SELECT code, minor_digits FROM currencies")));
    while (q.next())
        m_digits.insert(q.value(0).toString(), q.value(1).toInt());
    QVERIFY(q.exec(QStringLiteral("SELECT currency, year, cny_per_unit FROM exchange_rates")));
    while (q.next())
        m_rates.insert({ q.value(0).toString(), q.value(1).toInt() }, q.value(2).toDouble());
}

void TestAggregationEngine::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

Filter TestAggregationEngine::filterFrom(const QString &spec)
{
    return AggregationTestData::filterFrom(*m_db, spec);
}

QList<Event> TestAggregationEngine::loadEvents()
{
    QList<Event> events;
    QSqlQuery q(m_db->connection());
    // A plain row dump; joins written with WHERE, nothing shared with the engine's SQL.
    if (!q.exec(QStringLiteral(
            "SELECT d.id, d.phase_id, p.fund_id, d.investee_id, i.kind, i.sector_id, i.segment_id,"
            " i.country_id, i.province_id, i.city_id, d.value_date, d.type, d.amount_minor,"
            " d.currency, d.status, d.confidence"
            " FROM disbursements d, phases p, investees i"
            " WHERE p.id = d.phase_id AND i.id = d.investee_id ORDER BY d.id")))
        qFatal("cannot read the events");
    auto id = [&](int column) -> Id {
        return q.value(column).isNull() ? Id() : Id(q.value(column).toLongLong());
    };
    while (q.next()) {
        Event e;
        e.id = q.value(0).toLongLong();
        e.phase = q.value(1).toLongLong();
        e.fund = q.value(2).toLongLong();
        e.investee = q.value(3).toLongLong();
        e.subFund = q.value(4).toString() == QLatin1String("fund");
        e.sector = id(5);
        e.segment = id(6);
        e.country = id(7);
        e.province = id(8);
        e.city = id(9);
        e.date = q.value(10).toString();
        e.type = q.value(11).toString();
        if (!q.value(12).isNull())
            e.amount = q.value(12).toLongLong();
        e.currency = q.value(13).toString();
        e.status = q.value(14).toString();
        e.confidence = q.value(15).toString();
        events.append(e);
    }
    return events;
}

Expected TestAggregationEngine::expect(Dimension dimension, const Filter &f)
{
    auto under = [&](Id region, const QList<qint64> &wanted) {
        for (std::optional<qint64> r = region; r;
             r = m_regionParent.contains(*r) ? Id(m_regionParent.value(*r)) : Id()) {
            if (wanted.contains(*r))
                return true;
        }
        return false;
    };
    auto keep = [&](const Event &e) {
        if (!f.funds.isEmpty() && !f.funds.contains(e.fund))
            return false;
        if (!f.phases.isEmpty() && !f.phases.contains(e.phase))
            return false;
        if (!f.sectors.isEmpty() && !(e.sector && f.sectors.contains(*e.sector)))
            return false;
        if (!f.segments.isEmpty() && !(e.segment && f.segments.contains(*e.segment)))
            return false;
        if (!f.regions.isEmpty() && !under(e.country, f.regions) && !under(e.province, f.regions)
            && !under(e.city, f.regions))
            return false;
        if (!f.from.isEmpty() && (e.date.isEmpty() || periodStart(e.date) < periodStart(f.from)))
            return false;
        if (!f.to.isEmpty() && (e.date.isEmpty() || periodStart(e.date) > periodEnd(f.to)))
            return false;
        if (!f.types.isEmpty() && !f.types.contains(e.type))
            return false;
        if (f.statuses.isEmpty() ? e.status == QLatin1String("cancelled") : !f.statuses.contains(e.status))
            return false;
        if (!f.confidences.isEmpty() && !f.confidences.contains(e.confidence))
            return false;
        return true;
    };
    const QString base = f.currency;
    auto convert = [&](const Event &e) -> std::optional<double> {
        if (!e.amount)
            return std::nullopt;
        const double major = double(*e.amount) / std::pow(10.0, m_digits.value(e.currency));
        if (e.currency == base)
            return major;
        const std::optional<int> year = e.date.isEmpty() ? std::optional<int>() : e.date.left(4).toInt();
        double cny = major;
        if (e.currency != QLatin1String("CNY")) {
            if (!year || !m_rates.contains({ e.currency, *year }))
                return std::nullopt;
            cny = major * m_rates.value({ e.currency, *year });
        }
        if (base == QLatin1String("CNY"))
            return cny;
        if (!year || !m_rates.contains({ base, *year }))
            return std::nullopt;
        return cny / m_rates.value({ base, *year });
    };
    auto keyOf = [&](const Event &e) -> GroupKey {
        switch (dimension) {
        case Dimension::Sector:
            return { e.sector.value_or(-1), -1 };
        case Dimension::Segment:
            return { e.segment.value_or(-1), e.sector.value_or(-1) };
        case Dimension::Region: {
            Id key = e.province;
            if (!key && e.city)
                key = m_regionParent.value(*e.city);
            if (!key)
                key = e.country;
            if (!key)
                return { -1, -1 };
            return { *key, m_regionParent.value(*key, -1) };
        }
        case Dimension::Phase:
            return { e.phase, e.fund };
        case Dimension::Fund:
            return { e.fund, -1 };
        case Dimension::Year:
            return { e.date.isEmpty() ? -1 : e.date.left(4).toLongLong(), -1 };
        case Dimension::Investee:
            return { e.investee, -1 };
        case Dimension::City:
            return { e.city.value_or(-1), e.city ? m_regionParent.value(*e.city, -1) : -1 };
        }
        return { -2, -2 };
    };
    const bool subFundsInGroups
        = dimension == Dimension::Phase || dimension == Dimension::Fund || dimension == Dimension::Investee;
    Expected out;
    for (const Event &e : loadEvents()) {
        if (!keep(e))
            continue;
        const std::optional<double> value = convert(e);
        if (e.subFund)
            out.subFunds.add(e, value);
        if (e.subFund && !subFundsInGroups)
            continue;
        out.groups[keyOf(e)].add(e, value);
        out.totals.add(e, value);
    }
    return out;
}

AggregateResult TestAggregationEngine::run(Dimension dimension, const Filter &filter)
{
    AggregationEngine engine(*m_db);
    AggregateResult result;
    QString error;
    if (!engine.aggregate(dimension, filter, &result, &error))
        qFatal("aggregate failed: %s", qPrintable(error));
    return result;
}

void TestAggregationEngine::compare(const AggregateRow &actual, const Acc &expected, const QString &what)
{
    const QByteArray where = what.toUtf8();
    QVERIFY2(near(actual.invested, expected.invested),
        qPrintable(QStringLiteral("%1 invested %2 != %3")
                       .arg(what)
                       .arg(actual.invested, 0, 'f', 4)
                       .arg(expected.invested, 0, 'f', 4)));
    QVERIFY2(near(actual.committed, expected.committed),
        qPrintable(QStringLiteral("%1 committed %2 != %3")
                       .arg(what)
                       .arg(actual.committed, 0, 'f', 4)
                       .arg(expected.committed, 0, 'f', 4)));
    QVERIFY2(near(actual.divested, expected.divested),
        qPrintable(QStringLiteral("%1 divested %2 != %3")
                       .arg(what)
                       .arg(actual.divested, 0, 'f', 4)
                       .arg(expected.divested, 0, 'f', 4)));
    QVERIFY2(actual.events == expected.events, where.constData());
    QVERIFY2(actual.investees == expected.investees.size(), where.constData());
    QVERIFY2(actual.undisclosed == expected.undisclosed, where.constData());
    QVERIFY2(actual.withoutRate == expected.withoutRate, where.constData());
}

void TestAggregationEngine::matchesIndependentModel_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addRow("no filter") << QString();
    QTest::addRow("one fund") << QStringLiteral("fund=National IC Fund (test)");
    QTest::addRow("two funds") << QStringLiteral("fund=Sub Fund A (test);fund=Test Policy Bank");
    QTest::addRow("one phase") << QStringLiteral("phase=National IC Fund (test)/Phase II");
    QTest::addRow("phases of two funds")
        << QStringLiteral("phase=National IC Fund (test)/Phase III;phase=Shanghai IC Fund (test)/Phase I");
    QTest::addRow("fund and phase") << QStringLiteral(
        "fund=National IC Fund (test);phase=National IC Fund (test)/Phase I");
    QTest::addRow("years") << QStringLiteral("from=2020;to=2021");
    QTest::addRow("from a first day") << QStringLiteral("from=2020-05-01");
    QTest::addRow("from a first month") << QStringLiteral("from=2020-01");
    QTest::addRow("to a mid-month day") << QStringLiteral("to=2020-05-10");
    QTest::addRow("month to day") << QStringLiteral("from=2019-10;to=2019-10-22");
    QTest::addRow("to a year") << QStringLiteral("to=2019");
    QTest::addRow("sector") << QStringLiteral("sector=Semiconductors");
    QTest::addRow("two sectors") << QStringLiteral("sector=Quantum;sector=Biotechnology");
    QTest::addRow("segments named alike")
        << QStringLiteral("segment=Semiconductors/equipment;segment=Quantum/equipment");
    QTest::addRow("country") << QStringLiteral("region=country:China");
    QTest::addRow("province known only by city") << QStringLiteral("region=province:Zhejiang");
    QTest::addRow("province without country") << QStringLiteral("region=province:Jiangsu");
    QTest::addRow("abroad and a city") << QStringLiteral("region=country:Japan;region=city:Shanghai");
    QTest::addRow("types") << QStringLiteral("type=equity purchase;type=loan");
    QTest::addRow("commitments") << QStringLiteral("type=commitment");
    QTest::addRow("cancelled only") << QStringLiteral("status=cancelled");
    QTest::addRow("completed and cancelled") << QStringLiteral("status=completed;status=cancelled");
    QTest::addRow("confidence") << QStringLiteral("confidence=low");
    QTest::addRow("combined") << QStringLiteral(
        "fund=National IC Fund (test);sector=Semiconductors;from=2015;"
        "status=completed;status=committed");
    QTest::addRow("nothing matches") << QStringLiteral("from=2030");
}

void TestAggregationEngine::matchesIndependentModel()
{
    QFETCH(QString, spec);
    const Filter base = filterFrom(spec);
    for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") }) {
        for (const QString &name : AggregationEngine::dimensionNames()) {
            const Dimension dimension = *AggregationEngine::parseDimension(name);
            Filter filter = base;
            filter.currency = currency;
            const QString what = name + QLatin1Char('/') + currency;
            const AggregateResult actual = run(dimension, filter);
            const Expected expected = expect(dimension, filter);

            QCOMPARE(actual.currency, currency);
            QCOMPARE(actual.dimension, dimension);
            QVERIFY2(actual.rows.size() == expected.groups.size(),
                qPrintable(QStringLiteral("%1: %2 rows, expected %3")
                               .arg(what)
                               .arg(actual.rows.size())
                               .arg(expected.groups.size())));
            QSet<GroupKey> seen;
            for (const AggregateRow &row : actual.rows) {
                const GroupKey key { row.keyId, row.parentId };
                QVERIFY2(
                    !seen.contains(key), qPrintable(what + QStringLiteral(": duplicate group ") + row.key));
                seen.insert(key);
                QVERIFY2(expected.groups.contains(key),
                    qPrintable(what + QStringLiteral(": unexpected group ") + row.key));
                compare(row, expected.groups.value(key), what + QLatin1Char(' ') + row.key);
                QVERIFY(!row.key.isEmpty());
                QVERIFY(!row.keyZh.isEmpty());
            }
            compare(actual.totals, expected.totals, what + QStringLiteral(" totals"));
            compare(actual.subFundFlows, expected.subFunds, what + QStringLiteral(" sub-fund flows"));
            QCOMPARE(actual.subFundFlowsInRows, AggregationEngine::groupsSubFundFlows(dimension));
        }
    }
}

void TestAggregationEngine::sectorTotalsLeaveSubFundFlowsApart()
{
    for (const Dimension dimension :
        { Dimension::Sector, Dimension::Segment, Dimension::Region, Dimension::Year }) {
        const AggregateResult r = run(dimension, Filter());
        // d10 (93bn CNY commitment to Sub Fund A), d11 (undisclosed, Sub Fund B), d15 (500m CNY
        // from the Shanghai fund to Sub Fund B).
        QCOMPARE(r.subFundFlows.events, qint64(3));
        QCOMPARE(r.subFundFlows.undisclosed, qint64(1));
        QCOMPARE(r.subFundFlows.investees, qint64(2));
        QVERIFY(near(r.subFundFlows.committed, 93000000000.0));
        QVERIFY(near(r.subFundFlows.invested, 500000000.0));
        QVERIFY(!r.subFundFlowsInRows);
        // No group holds a sub-fund: the largest commitment left is Sub Fund A's own (2bn).
        for (const AggregateRow &row : r.rows)
            QVERIFY2(row.committed < 93000000000.0 - 1, qPrintable(row.key));
        const qint64 all
            = scalar(QStringLiteral("SELECT count(*) FROM disbursements WHERE status <> 'cancelled'"));
        QCOMPARE(r.totals.events + r.subFundFlows.events, all);
        QVERIFY(near(r.totals.committed, 2000000000.0));
    }
}

void TestAggregationEngine::phaseTotalsIncludeSubFundFlows()
{
    const AggregateResult r = run(Dimension::Phase, Filter());
    QVERIFY(r.subFundFlowsInRows);
    const qint64 phaseIII
        = scalar(QStringLiteral("SELECT id FROM phases WHERE fund_id = 1 AND label = 'Phase III'"));
    bool found = false;
    for (const AggregateRow &row : r.rows) {
        if (row.keyId != phaseIII)
            continue;
        found = true;
        QCOMPARE(row.key, QStringLiteral("National IC Fund (test) / Phase III"));
        QCOMPARE(row.keyZh, QStringLiteral("国家集成电路产业投资基金（测试） / Phase III"));
        QVERIFY(near(row.committed, 93000000000.0)); // the sub-fund commitment, as Phase III's outflow
        QCOMPARE(row.events, qint64(3)); // d10, d11, d24 (d12 is cancelled)
        QCOMPARE(row.undisclosed, qint64(1));
        QCOMPARE(row.withoutRate, qint64(1)); // EUR has no rate
    }
    QVERIFY(found);
    QVERIFY(near(r.totals.committed, 95000000000.0));
    const AggregateResult byFund = run(Dimension::Fund, Filter());
    QVERIFY(near(byFund.totals.committed, 95000000000.0));
}

void TestAggregationEngine::nothingCountedTwice()
{
    for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") }) {
        Filter filter;
        filter.currency = currency;
        const AggregateResult byPhase = run(Dimension::Phase, filter);
        for (const QString &name : AggregationEngine::dimensionNames()) {
            const Dimension dimension = *AggregationEngine::parseDimension(name);
            const AggregateResult r = run(dimension, filter);
            AggregateRow sum;
            for (const AggregateRow &row : r.rows) {
                sum.invested += row.invested;
                sum.committed += row.committed;
                sum.divested += row.divested;
                sum.events += row.events;
                sum.undisclosed += row.undisclosed;
                sum.withoutRate += row.withoutRate;
                QVERIFY(row.investees <= row.events);
            }
            // The rows add up to the totals ...
            QVERIFY2(near(sum.invested, r.totals.invested), qPrintable(name));
            QVERIFY2(near(sum.committed, r.totals.committed), qPrintable(name));
            QVERIFY2(near(sum.divested, r.totals.divested), qPrintable(name));
            QCOMPARE(sum.events, r.totals.events);
            QCOMPARE(sum.undisclosed, r.totals.undisclosed);
            QCOMPARE(sum.withoutRate, r.totals.withoutRate);
            // ... and every dimension accounts for the same money, sub-fund flows once.
            const AggregateRow &apart = r.subFundFlowsInRows ? AggregateRow() : r.subFundFlows;
            QVERIFY2(near(r.totals.invested + apart.invested, byPhase.totals.invested), qPrintable(name));
            QVERIFY2(near(r.totals.committed + apart.committed, byPhase.totals.committed), qPrintable(name));
            QVERIFY2(near(r.totals.divested + apart.divested, byPhase.totals.divested), qPrintable(name));
            QCOMPARE(r.totals.events + apart.events, byPhase.totals.events);
            QCOMPARE(r.totals.undisclosed + apart.undisclosed, byPhase.totals.undisclosed);
            QCOMPARE(r.totals.withoutRate + apart.withoutRate, byPhase.totals.withoutRate);
            QCOMPARE(r.totals.investees + apart.investees, byPhase.totals.investees);
        }
    }
}

void TestAggregationEngine::undisclosedAndWithoutRateCounts()
{
    // Not cancelled: 23 events; undisclosed d3, d11, d23.
    Filter cny;
    const AggregateResult inCny = run(Dimension::Phase, cny);
    QCOMPARE(inCny.totals.events, qint64(23));
    QCOMPARE(inCny.totals.undisclosed, qint64(3));
    // In CNY: d7 (USD 2022), d9 (USD, no date), d17 (HKD 2020), d24 (EUR).
    QCOMPARE(inCny.totals.withoutRate, qint64(4));

    Filter usd;
    usd.currency = QStringLiteral("USD");
    const AggregateResult inUsd = run(Dimension::Phase, usd);
    QCOMPARE(inUsd.totals.undisclosed, qint64(3));
    // In USD: d8 (CNY, no date), d17 (HKD 2020), d19 (HKD 2022 but no USD 2022), d24 (EUR),
    // d25 (no USD 2017); d7 and d9 are in USD already and need no rate.
    QCOMPARE(inUsd.totals.withoutRate, qint64(5));
    QCOMPARE(inUsd.totals.events, qint64(23));
}

void TestAggregationEngine::groupNames()
{
    QHash<QString, QString> regions;
    for (const AggregateRow &row : run(Dimension::Region, Filter()).rows)
        regions.insert(row.key, row.keyZh);
    QCOMPARE(regions.value(QStringLiteral("China (province unknown)")), QStringLiteral("中国（省份不详）"));
    QCOMPARE(regions.value(QStringLiteral("Japan")), QStringLiteral("日本"));
    QCOMPARE(regions.value(QStringLiteral("Zhejiang")), QStringLiteral("浙江")); // known only by its city
    QCOMPARE(regions.value(QStringLiteral("Jiangsu")), QStringLiteral("江苏"));
    QCOMPARE(regions.value(QStringLiteral("(region unknown)")), QStringLiteral("（地区不详）"));
    QVERIFY(regions.contains(QStringLiteral("Shanghai")));
    QVERIFY(!regions.contains(QStringLiteral("China"))); // only as "China (province unknown)"

    QStringList segments;
    for (const AggregateRow &row : run(Dimension::Segment, Filter()).rows)
        segments.append(row.key);
    QVERIFY(segments.contains(QStringLiteral("Semiconductors / equipment")));
    QVERIFY(segments.contains(QStringLiteral("Quantum / equipment")));
    QVERIFY(segments.contains(QStringLiteral("Biotechnology / (segment unknown)")));
    QVERIFY(segments.contains(QStringLiteral("(sector unknown)")));

    QHash<QString, QString> funds;
    for (const AggregateRow &row : run(Dimension::Fund, Filter()).rows)
        funds.insert(row.key, row.keyZh);
    QCOMPARE(funds.value(QStringLiteral("Test Policy Bank")),
        QStringLiteral("Test Policy Bank")); // no Chinese name
    QCOMPARE(funds.value(QStringLiteral("Sub Fund A (test)")), QStringLiteral("子基金甲（测试）"));
}

void TestAggregationEngine::yearOrderAndUnknownYear()
{
    const AggregateResult r = run(Dimension::Year, Filter());
    QVERIFY(r.rows.size() > 3);
    QCOMPARE(r.rows.last().key, QStringLiteral("unknown"));
    QCOMPARE(r.rows.last().keyId, qint64(-1));
    QCOMPARE(r.rows.last().events, qint64(2));
    for (qsizetype i = 1; i + 1 < r.rows.size(); ++i)
        QVERIFY(r.rows.at(i - 1).keyId < r.rows.at(i).keyId);
    QCOMPARE(r.rows.first().key, QStringLiteral("2015"));

    const AggregateResult bySector = run(Dimension::Sector, Filter());
    for (qsizetype i = 1; i < bySector.rows.size(); ++i)
        QVERIFY(bySector.rows.at(i - 1).invested >= bySector.rows.at(i).invested);
}

void TestAggregationEngine::ratesUsedAndMissing()
{
    Filter filter;
    filter.funds = { 4 }; // the bank: d18 CNY 2019, d19 HKD 2022, d20 USD 2021 (d21 cancelled)
    AggregateResult r = run(Dimension::Fund, filter);
    QCOMPARE(
        r.ratesUsed, QStringList({ QStringLiteral("HKD 2022: 0.8567"), QStringLiteral("USD 2021: 6.4515") }));
    QVERIFY(r.ratesMissing.isEmpty());

    filter.currency = QStringLiteral("USD");
    r = run(Dimension::Fund, filter);
    QCOMPARE(r.ratesUsed, QStringList({ QStringLiteral("USD 2019: 6.8985") }));
    QCOMPARE(r.ratesMissing, QStringList({ QStringLiteral("USD 2022") }));

    r = run(Dimension::Year, Filter());
    QVERIFY(r.ratesMissing.contains(QStringLiteral("HKD 2020")));
    QVERIFY(r.ratesMissing.contains(QStringLiteral("EUR 2024")));
    QVERIFY(r.ratesMissing.contains(QStringLiteral("USD (date unknown)")));
    QVERIFY(r.ratesUsed.contains(QStringLiteral("JPY 2020: 0.064636")));
}

void TestAggregationEngine::cancelledOnlyWhenAsked()
{
    const AggregateResult normal = run(Dimension::Fund, Filter());
    Filter withCancelled;
    withCancelled.statuses = { QStringLiteral("announced"), QStringLiteral("committed"),
        QStringLiteral("completed"), QStringLiteral("cancelled") };
    const AggregateResult all = run(Dimension::Fund, withCancelled);
    QCOMPARE(all.totals.events, normal.totals.events + 2);
    QVERIFY(near(all.totals.invested, normal.totals.invested + 777000000.0 + 4000000000.0));
}

void TestAggregationEngine::dimensionNames()
{
    QCOMPARE(AggregationEngine::dimensionNames(),
        QStringList({ QStringLiteral("sector"), QStringLiteral("segment"), QStringLiteral("region"),
            QStringLiteral("phase"), QStringLiteral("fund"), QStringLiteral("year"),
            QStringLiteral("investee"), QStringLiteral("city") }));
    for (const QString &name : AggregationEngine::dimensionNames())
        QCOMPARE(AggregationEngine::dimensionName(*AggregationEngine::parseDimension(name)), name);
    QCOMPARE(AggregationEngine::parseDimension(QStringLiteral("Phase")),
        std::optional<Dimension>(Dimension::Phase));
    QVERIFY(!AggregationEngine::parseDimension(QStringLiteral("province")));
    QVERIFY(!AggregationEngine::parseDimension(QString()));
}

void TestAggregationEngine::unknownBaseCurrencyFails()
{
    Filter filter;
    filter.currency = QStringLiteral("XXX");
    AggregationEngine engine(*m_db);
    AggregateResult result;
    QString error;
    QVERIFY(!engine.aggregate(Dimension::Sector, filter, &result, &error));
    QVERIFY(error.contains(QStringLiteral("XXX")));
    QVERIFY(error.contains(m_db->path()));
    // The snapshot was released: a write transaction can start.
    QVERIFY(m_db->begin());
    m_db->rollback();
}

void TestAggregationEngine::emptyDatabaseGivesNoRows()
{
    QVERIFY(m_db->execScript(QStringLiteral("DELETE FROM disbursements")));
    const AggregateResult r = run(Dimension::Region, Filter());
    QVERIFY(r.rows.isEmpty());
    QCOMPARE(r.totals.events, qint64(0));
    QCOMPARE(r.subFundFlows.events, qint64(0));
    QVERIFY(m_db->begin());
    m_db->rollback();
}

void TestAggregationEngine::groupsWhileAnotherQueryIsOpen()
{
    // The SQL path sums through its own aggregate function (fundscope_sum). SQLite refuses to
    // redefine a function while any statement of the connection is running, and the window keeps
    // queries open: grouping again with a query open must still work.
    QSqlQuery open(m_db->connection());
    open.setForwardOnly(true);
    QVERIFY(open.exec(QStringLiteral("SELECT id FROM disbursements")));
    QVERIFY(open.next());
    const AggregateResult first = run(Dimension::Sector, Filter());
    const AggregateResult second = run(Dimension::Sector, Filter());
    QVERIFY(!first.rows.isEmpty());
    QCOMPARE(second.rows, first.rows);
    QVERIFY(open.next());
}

void TestAggregationEngine::samplePhasesMatchIndependentSql()
{
    Database sample;
    QCOMPARE(sample.open(m_dir->filePath(QStringLiteral("sample.db")), Database::OpenMode::CreateNew),
        Database::Status::Ok);
    QString error;
    QVERIFY2(SampleDatabase::load(sample, &error), qPrintable(error));

    for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") }) {
        Filter filter;
        filter.currency = currency;
        AggregateResult result;
        QVERIFY2(AggregationEngine(sample).aggregate(Dimension::Phase, filter, &result, &error),
            qPrintable(error));
        QStringList bigFundPhases;
        for (const AggregateRow &row : result.rows) {
            if (row.key.startsWith(
                    QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund) / ")))
                bigFundPhases.append(row.key.section(QStringLiteral(" / "), 1));
            // Independent: every event of the phase converted in C++ from a plain SELECT.
            QSqlQuery q(sample.connection());
            q.prepare(
                QStringLiteral("SELECT d.type, d.amount_minor, d.currency, d.value_date, d.investee_id"
                               " FROM disbursements d WHERE d.phase_id = ? AND d.status != 'cancelled'"));
            q.addBindValue(row.keyId);
            QVERIFY(q.exec());
            QHash<QPair<QString, int>, double> rates;
            QSqlQuery rq(sample.connection());
            QVERIFY(rq.exec(QStringLiteral("SELECT currency, year, cny_per_unit FROM exchange_rates")));
            while (rq.next())
                rates.insert({ rq.value(0).toString(), rq.value(1).toInt() }, rq.value(2).toDouble());
            QHash<QString, int> digits;
            QVERIFY(rq.exec(QStringLiteral("SELECT code, minor_digits FROM currencies")));
            while (rq.next())
                digits.insert(rq.value(0).toString(), rq.value(1).toInt());
            double invested = 0, committed = 0, divested = 0;
            qint64 events = 0, undisclosed = 0, withoutRate = 0;
            QSet<qint64> investees;
            while (q.next()) {
                ++events;
                investees.insert(q.value(4).toLongLong());
                if (q.value(1).isNull()) {
                    ++undisclosed;
                    continue;
                }
                const QString cur = q.value(2).toString();
                const int year = q.value(3).toString().left(4).toInt(); // 0 when unknown
                double v = double(q.value(1).toLongLong()) / std::pow(10.0, digits.value(cur));
                bool ok = true;
                if (cur != currency) {
                    if (cur != QLatin1String("CNY")) {
                        ok = rates.contains({ cur, year });
                        v *= rates.value({ cur, year });
                    }
                    if (ok && currency != QLatin1String("CNY")) {
                        ok = rates.contains({ currency, year });
                        v /= rates.value({ currency, year }, 1.0);
                    }
                }
                if (!ok) {
                    ++withoutRate;
                    continue;
                }
                const QString type = q.value(0).toString();
                (type == QLatin1String("commitment")           ? committed
                        : type == QLatin1String("equity sale") ? divested
                                                               : invested)
                    += v;
            }
            QVERIFY2(near(row.invested, invested), qPrintable(row.key));
            QVERIFY2(near(row.committed, committed), qPrintable(row.key));
            QVERIFY2(near(row.divested, divested), qPrintable(row.key));
            QCOMPARE(row.events, events);
            QCOMPARE(row.investees, qint64(investees.size()));
            QCOMPARE(row.undisclosed, undisclosed);
            QCOMPARE(row.withoutRate, withoutRate);
        }
        for (const QString &label :
            { QStringLiteral("Phase I"), QStringLiteral("Phase II"), QStringLiteral("Phase III") })
            QVERIFY2(bigFundPhases.contains(label), qPrintable(label));
    }
}

QTEST_GUILESS_MAIN(TestAggregationEngine)
#include "tst_aggregationengine.moc"
