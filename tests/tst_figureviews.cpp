#include "AggregationEngine.h"
#include "AggregationTestData.h"
#include "Database.h"
#include "FilterSql.h"
#include "SampleDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The figure_events view (schema step 7) against AggregationEngine, the definition it must
// equal: a plain GROUP BY over the view, as an analyst writes it in sqlite3 or pandas, gives
// summary's figures to the cent, with the same event, investee, undisclosed and without-rate
// counts, group for group, and the same totals and flows into sub-funds. Both databases are only
// read, so they are built once for the whole test.

namespace {

/// The view's key columns for a grouping: English and Chinese, as summary prints them. Fund
/// names are the stored ones, so the Chinese falls back to the English here as summary does;
/// a year is NULL when unknown, which summary prints as "unknown".
struct ViewKey
{
    QString key;
    QString keyZh;
    bool companiesOnly = true; ///< WHERE into_sub_fund = 0 (sector, segment, region, year)
};

ViewKey viewKey(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Sector:
        return { QStringLiteral("sector"), QStringLiteral("sector_zh") };
    case Dimension::Segment:
        return { QStringLiteral("segment"), QStringLiteral("segment_zh") };
    case Dimension::Region:
        return { QStringLiteral("region"), QStringLiteral("region_zh") };
    case Dimension::Year:
        return { QStringLiteral("ifnull(year, 'unknown')"), QStringLiteral("ifnull(year, '日期不详')") };
    case Dimension::Phase:
        return { QStringLiteral("phase"), QStringLiteral("phase_zh"), false };
    case Dimension::Fund:
        return { QStringLiteral("fund_name"), QStringLiteral("coalesce(nullif(fund_name_zh, ''), fund_name)"),
                 false };
    case Dimension::Investee:
    case Dimension::City:
        break;
    }
    qFatal("no view key for this dimension");
    return {};
}

QString cents(double value)
{
    return QString::number(qRound64(value * 100.0));
}

/// One group as a line of text, so that a QCOMPARE of two lists names the first group that
/// differs and shows both sides.
QString line(const QString &key, const QString &keyZh, double invested, double committed, double divested,
             qint64 events, qint64 investees, qint64 undisclosed, qint64 withoutRate)
{
    return QStringLiteral("%1 | %2 | invested %3 | committed %4 | divested %5 (cents)")
               .arg(key, keyZh, cents(invested), cents(committed), cents(divested))
        + QStringLiteral(" | %1 events, %2 investees, %3 undisclosed, %4 without rate")
              .arg(events)
              .arg(investees)
              .arg(undisclosed)
              .arg(withoutRate);
}

QString line(const AggregateRow &row)
{
    return line(row.key, row.keyZh, row.invested, row.committed, row.divested, row.events, row.investees,
                row.undisclosed, row.withoutRate);
}

/// What summary's options are over the view. Only the options this test uses; anything else in
/// the filter is a mistake in the test.
QString viewWhere(const Filter &filter, QVariantList *binds)
{
    Filter rest = filter;
    QStringList parts;
    auto inList = [&](const QString &column, const QList<qint64> &ids) {
        if (ids.isEmpty())
            return;
        QStringList marks;
        for (const qint64 id : ids) {
            marks.append(QStringLiteral("?"));
            binds->append(id);
        }
        parts.append(QStringLiteral("%1 IN (%2)").arg(column, marks.join(QLatin1Char(','))));
    };
    inList(QStringLiteral("fund_id"), filter.funds);
    inList(QStringLiteral("phase_id"), filter.phases);
    inList(QStringLiteral("sector_id"), filter.sectors);
    if (!filter.from.isEmpty()) {
        parts.append(QStringLiteral("date >= ?"));
        binds->append(FilterSql::lowerBound(filter.from));
    }
    if (!filter.to.isEmpty()) {
        parts.append(QStringLiteral("date <= ?"));
        binds->append(FilterSql::upperBound(filter.to));
    }
    rest.funds.clear();
    rest.phases.clear();
    rest.sectors.clear();
    rest.from.clear();
    rest.to.clear();
    if (!rest.isEmpty())
        qFatal("viewWhere: the filter narrows by something the test does not translate");
    return parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
}

/// The view's groups (or, with an empty group, its one total line) under `where`.
QStringList viewLines(Database &db, const QString &key, const QString &keyZh, const QString &currency,
                      const QString &where, const QVariantList &binds, bool grouped)
{
    const QString x = currency.toLower();
    const QString sql
        = QStringLiteral("SELECT %1, %2, SUM(invested_%3), SUM(committed_%3), SUM(divested_%3), COUNT(*),"
                         " COUNT(DISTINCT investee_id), SUM(amount IS NULL),"
                         " SUM(amount IS NOT NULL AND amount_%3 IS NULL)"
                         " FROM figure_events WHERE %4%5")
              .arg(key, keyZh, x, where, grouped ? QStringLiteral(" GROUP BY 1, 2") : QString());
    QSqlQuery q(db.connection());
    if (!q.prepare(sql))
        qFatal("%s", qPrintable(q.lastError().text()));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        qFatal("%s", qPrintable(q.lastError().text()));
    QStringList lines;
    while (q.next()) {
        // COUNT(*) is 0 only for the ungrouped total of an empty selection, which the engine
        // reports as zeros too. A NULL sum (no known amount of that measure in the group) is
        // summary's 0.00.
        lines.append(line(q.value(0).toString(), q.value(1).toString(), q.value(2).toDouble(),
                          q.value(3).toDouble(), q.value(4).toDouble(), q.value(5).toLongLong(),
                          q.value(6).toLongLong(), q.value(7).toLongLong(), q.value(8).toLongLong()));
    }
    lines.sort();
    return lines;
}

const QList<Dimension> &dimensions()
{
    static const QList<Dimension> list { Dimension::Sector, Dimension::Segment, Dimension::Region,
                                         Dimension::Phase,  Dimension::Fund,    Dimension::Year };
    return list;
}

} // namespace

class TestFigureViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void datasetsHoldTheHardCases();
    void groupsEqualTheEngine_data();
    void groupsEqualTheEngine();
    void subFundFlowsWouldCountTwiceInSectors();
    void viewIsReadOnly();

private:
    Database &database(const QString &name) { return name == QLatin1String("sample") ? *m_sample : *m_synthetic; }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_sample;
    std::unique_ptr<Database> m_synthetic;
};

void TestFigureViews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sample = std::make_unique<Database>();
    QCOMPARE(m_sample->open(m_dir.filePath(QStringLiteral("sample.db")), Database::OpenMode::CreateNew),
             Database::Status::Ok);
    QString error;
    QVERIFY2(SampleDatabase::load(*m_sample, &error), qPrintable(error));
    m_synthetic = std::make_unique<Database>();
    QCOMPARE(m_synthetic->open(m_dir.filePath(QStringLiteral("synthetic.db")), Database::OpenMode::CreateNew),
             Database::Status::Ok);
    QVERIFY2(AggregationTestData::load(*m_synthetic, &error), qPrintable(error));
}

void TestFigureViews::cleanupTestCase()
{
    m_sample.reset();
    m_synthetic.reset();
}

void TestFigureViews::datasetsHoldTheHardCases()
{
    // Without these the comparisons below could pass over an easy dataset only.
    for (const QString &name : { QStringLiteral("sample"), QStringLiteral("synthetic") }) {
        for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") }) {
            Filter filter;
            filter.currency = currency;
            AggregateResult result;
            QString error;
            QVERIFY2(AggregationEngine(database(name)).aggregate(Dimension::Phase, filter, &result, &error),
                     qPrintable(error));
            QVERIFY2(result.subFundFlows.events > 0, qPrintable(name));
            QVERIFY2(result.subFundFlows.committed > 0, qPrintable(name));
            QVERIFY2(result.totals.undisclosed > 0, qPrintable(name));
            QVERIFY2(result.totals.divested > 0, qPrintable(name));
            if (name == QLatin1String("synthetic"))
                QVERIFY(result.totals.withoutRate > 0);
        }
    }
    // Cancelled events exist and are not in the view.
    QVERIFY(AggregationTestData::scalar(*m_synthetic,
                                        QStringLiteral("SELECT count(*) FROM disbursements WHERE status = 'cancelled'"))
            > 0);
    QCOMPARE(AggregationTestData::scalar(*m_synthetic,
                                         QStringLiteral("SELECT count(*) FROM figure_events WHERE status = 'cancelled'")),
             0);
}

void TestFigureViews::groupsEqualTheEngine_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("dimension");

    const QString bigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");
    const QString testFund = QStringLiteral("National IC Fund (test)");
    const QList<QPair<QString, QList<QPair<QString, QString>>>> filters {
        { QStringLiteral("sample"),
          { { QStringLiteral("no filter"), QString() },
            { QStringLiteral("one fund"), QStringLiteral("fund=") + bigFund },
            // Phase III's money went into sub-funds: it counts by phase, and nowhere by sector.
            { QStringLiteral("one phase"), QStringLiteral("phase=%1/Phase III").arg(bigFund) },
            { QStringLiteral("one sector"), QStringLiteral("sector=Semiconductors") },
            { QStringLiteral("date range"), QStringLiteral("from=2019;to=2023-06") } } },
        { QStringLiteral("synthetic"),
          { { QStringLiteral("no filter"), QString() },
            { QStringLiteral("one fund"), QStringLiteral("fund=") + testFund },
            { QStringLiteral("one phase"), QStringLiteral("phase=%1/Phase II").arg(testFund) },
            { QStringLiteral("one sector"), QStringLiteral("sector=Semiconductors") },
            // Day, month and year precision on both sides of the bounds.
            { QStringLiteral("date range"), QStringLiteral("from=2019-10-22;to=2021-04") } } },
    };
    for (const auto &[dataset, specs] : filters) {
        for (const auto &[label, spec] : specs) {
            for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") }) {
                for (const Dimension dimension : dimensions()) {
                    QTest::addRow("%s, %s, %s, by %s", qPrintable(dataset), qPrintable(label), qPrintable(currency),
                                  qPrintable(AggregationEngine::dimensionName(dimension)))
                        << dataset << spec << currency << int(dimension);
                }
            }
        }
    }
}

void TestFigureViews::groupsEqualTheEngine()
{
    QFETCH(QString, dataset);
    QFETCH(QString, spec);
    QFETCH(QString, currency);
    QFETCH(int, dimension);
    Database &db = database(dataset);
    const auto dim = Dimension(dimension);
    Filter filter = AggregationTestData::filterFrom(db, spec);
    filter.currency = currency;

    AggregateResult result;
    QString error;
    QVERIFY2(AggregationEngine(db).aggregate(dim, filter, &result, &error), qPrintable(error));
    QCOMPARE(result.subFundFlowsInRows, !viewKey(dim).companiesOnly);

    QStringList engineLines;
    for (const AggregateRow &row : std::as_const(result.rows))
        engineLines.append(line(row));
    engineLines.sort();

    QVariantList binds;
    const QString where = viewWhere(filter, &binds);
    const ViewKey key = viewKey(dim);
    const QString groupsWhere = key.companiesOnly ? where + QStringLiteral(" AND into_sub_fund = 0") : where;
    QCOMPARE(viewLines(db, key.key, key.keyZh, currency, groupsWhere, binds, true), engineLines);

    const QString total = QStringLiteral("'Total'");
    const QString totalZh = QStringLiteral("'合计'");
    QCOMPARE(viewLines(db, total, totalZh, currency, groupsWhere, binds, false), QStringList { line(result.totals) });
    QCOMPARE(viewLines(db, QStringLiteral("'Flows into sub-funds'"), QStringLiteral("'投向子基金的资金'"), currency,
                       where + QStringLiteral(" AND into_sub_fund = 1"), binds, false),
             QStringList { line(result.subFundFlows) });
}

void TestFigureViews::subFundFlowsWouldCountTwiceInSectors()
{
    // The comparison above can fail: summing by sector without `into_sub_fund = 0` counts the
    // flows into sub-funds, which the engine reports apart, and no longer equals it.
    Filter filter;
    AggregateResult result;
    QString error;
    QVERIFY2(AggregationEngine(*m_sample).aggregate(Dimension::Sector, filter, &result, &error), qPrintable(error));
    QStringList engineLines;
    for (const AggregateRow &row : std::as_const(result.rows))
        engineLines.append(line(row));
    engineLines.sort();
    const ViewKey key = viewKey(Dimension::Sector);
    QVERIFY(viewLines(*m_sample, key.key, key.keyZh, QStringLiteral("CNY"), QStringLiteral("1"), {}, true)
            != engineLines);
    QCOMPARE(viewLines(*m_sample, key.key, key.keyZh, QStringLiteral("CNY"), QStringLiteral("into_sub_fund = 0"),
                       {}, true),
             engineLines);
}

void TestFigureViews::viewIsReadOnly()
{
    // Other tools read the view; a write through it is refused by SQLite, not half applied.
    const qint64 before = AggregationTestData::scalar(*m_synthetic, QStringLiteral("SELECT count(*) FROM disbursements"));
    QSqlQuery q(m_synthetic->connection());
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM figure_events")));
    QVERIFY(!q.exec(QStringLiteral("UPDATE figure_events SET amount = 1")));
    QCOMPARE(AggregationTestData::scalar(*m_synthetic, QStringLiteral("SELECT count(*) FROM disbursements")), before);
}

QTEST_GUILESS_MAIN(TestFigureViews)
#include "tst_figureviews.moc"
