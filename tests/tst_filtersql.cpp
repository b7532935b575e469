#include "AggregationTestData.h"
#include "Database.h"
#include "FilterSql.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Counts through FilterSql against counts through independent SQL: joins by name instead of
// id subqueries, dates compared as real dates (the first day of each row's period) instead of text.

namespace {

// Every table a condition may need, joined by name; the conditions below never use FilterSql.
const char *independentFrom
    = "SELECT count(*) FROM disbursements d"
      " JOIN phases p ON p.id = d.phase_id JOIN funds f ON f.id = p.fund_id"
      " JOIN investees i ON i.id = d.investee_id"
      " LEFT JOIN sectors s ON s.id = i.sector_id LEFT JOIN segments g ON g.id = i.segment_id"
      " LEFT JOIN regions co ON co.id = i.country_id"
      " LEFT JOIN regions pr ON pr.id = i.province_id LEFT JOIN regions prc ON prc.id = pr.parent_id"
      " LEFT JOIN regions ci ON ci.id = i.city_id LEFT JOIN regions cip ON cip.id = ci.parent_id"
      " LEFT JOIN regions cipc ON cipc.id = cip.parent_id"
      " WHERE ";

// The first day of the row's period, as a date: "2020" -> 2020-01-01, "2020-05" -> 2020-05-01.
const char *rowStart = "date(substr(d.value_date || '-01-01', 1, 10))";

} // namespace

class TestFilterSql : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void bounds_data();
    void bounds();
    void containsPattern();
    void emptyFilterLeavesOutCancelled();
    void matchesIndependentSql_data();
    void matchesIndependentSql();
    void likeWildcardsAreLiteral();
    void valuesAreBoundNotSpliced();
    void adjacentRangesSplitRowsExactly();
    void resolvedFilterFollowsTheData();
    void longTextMatchIsOneBind();

private:
    qint64 viaFilterSql(const Filter &filter);
    qint64 independent(const QString &condition);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestFilterSql::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QCOMPARE(m_db->open(m_dir->filePath(QStringLiteral("test.db")), Database::OpenMode::CreateNew),
        Database::Status::Ok);
    QString error;
    QVERIFY2(AggregationTestData::load(*m_db, &error), qPrintable(error));
}

void TestFilterSql::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestFilterSql::viaFilterSql(const Filter &filter)
{
    const FilterSql sql = FilterSql::build(*m_db, filter);
    return AggregationTestData::scalar(
        *m_db, QStringLiteral("SELECT count(*) FROM disbursements AS d WHERE ") + sql.where, sql.binds);
}

qint64 TestFilterSql::independent(const QString &condition)
{
    return AggregationTestData::scalar(*m_db, QString::fromLatin1(independentFrom) + condition);
}

void TestFilterSql::bounds_data()
{
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("upper");
    QTest::addRow("year") << QStringLiteral("2020") << QStringLiteral("2020") << QStringLiteral("2020-99");
    QTest::addRow("month") << QStringLiteral("2020-05") << QStringLiteral("2020-05")
                           << QStringLiteral("2020-05-99");
    QTest::addRow("january") << QStringLiteral("2020-01") << QStringLiteral("2020")
                             << QStringLiteral("2020-01-99");
    QTest::addRow("first day") << QStringLiteral("2020-05-01") << QStringLiteral("2020-05")
                               << QStringLiteral("2020-05-01");
    QTest::addRow("new year's day") << QStringLiteral("2020-01-01") << QStringLiteral("2020")
                                    << QStringLiteral("2020-01-01");
    QTest::addRow("october") << QStringLiteral("2020-10-01") << QStringLiteral("2020-10")
                             << QStringLiteral("2020-10-01");
    QTest::addRow("tenth") << QStringLiteral("2020-01-10") << QStringLiteral("2020-01-10")
                           << QStringLiteral("2020-01-10");
}

void TestFilterSql::bounds()
{
    QFETCH(QString, date);
    QFETCH(QString, lower);
    QFETCH(QString, upper);
    QCOMPARE(FilterSql::lowerBound(date), lower);
    QCOMPARE(FilterSql::upperBound(date), upper);
}

void TestFilterSql::containsPattern()
{
    QCOMPARE(FilterSql::containsPattern(QStringLiteral("chip")), QStringLiteral("%chip%"));
    QCOMPARE(FilterSql::containsPattern(QStringLiteral("100%_a\\b")), QStringLiteral("%100\\%\\_a\\\\b%"));
}

void TestFilterSql::emptyFilterLeavesOutCancelled()
{
    const FilterSql sql = FilterSql::build(*m_db, Filter());
    QVERIFY(sql.binds.isEmpty());
    QCOMPARE(viaFilterSql(Filter()), qint64(23));
    QCOMPARE(independent(QStringLiteral("d.status != 'cancelled'")), qint64(23));
}

void TestFilterSql::matchesIndependentSql_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("condition");
    const QString live = QStringLiteral(" AND d.status != 'cancelled'");
    const QString start = QString::fromLatin1(rowStart);

    QTest::addRow("fund") << QStringLiteral("fund=National IC Fund (test)")
                          << QStringLiteral("f.name = 'National IC Fund (test)'") + live;
    QTest::addRow("funds") << QStringLiteral("fund=Sub Fund A (test);fund=Test Policy Bank")
                           << QStringLiteral("f.name IN ('Sub Fund A (test)', 'Test Policy Bank')") + live;
    QTest::addRow("phase") << QStringLiteral("phase=National IC Fund (test)/Phase II")
                           << QStringLiteral("f.name = 'National IC Fund (test)' AND p.label = 'Phase II'")
            + live;
    QTest::addRow("phases across funds")
        << QStringLiteral("phase=National IC Fund (test)/Phase I;phase=Test Policy Bank/Phase I")
        << QStringLiteral("p.label = 'Phase I' AND f.name IN ('National IC Fund (test)', 'Test Policy Bank')")
            + live;
    QTest::addRow("sector") << QStringLiteral("sector=Semiconductors")
                            << QStringLiteral("s.name = 'Semiconductors'") + live;
    QTest::addRow("segment") << QStringLiteral("segment=Quantum/equipment")
                             << QStringLiteral("s.name = 'Quantum' AND g.name = 'equipment'") + live;
    QTest::addRow("segments")
        << QStringLiteral("segment=Semiconductors/equipment;segment=Semiconductors/foundry")
        << QStringLiteral("s.name = 'Semiconductors' AND g.name IN ('equipment', 'foundry')") + live;
    QTest::addRow("country") << QStringLiteral("region=country:China")
                             << QStringLiteral("'CN' IN (co.code, prc.code, cipc.code)") + live;
    QTest::addRow("abroad") << QStringLiteral("region=country:Japan")
                            << QStringLiteral("co.code = 'JP'") + live;
    QTest::addRow("province") << QStringLiteral("region=province:Shanghai")
                              << QStringLiteral("'Shanghai' IN (pr.name, cip.name)") + live;
    QTest::addRow("province by city only") << QStringLiteral("region=province:Zhejiang")
                                           << QStringLiteral("'Zhejiang' IN (pr.name, cip.name)") + live;
    QTest::addRow("city") << QStringLiteral("region=city:Shenzhen")
                          << QStringLiteral("ci.name = 'Shenzhen'") + live;
    QTest::addRow("from year") << QStringLiteral("from=2020")
                               << start + QStringLiteral(" >= '2020-01-01'") + live;
    QTest::addRow("from first of month")
        << QStringLiteral("from=2020-05-01") << start + QStringLiteral(" >= '2020-05-01'") + live;
    QTest::addRow("from new year's day")
        << QStringLiteral("from=2021-01-01") << start + QStringLiteral(" >= '2021-01-01'") + live;
    QTest::addRow("from mid-month") << QStringLiteral("from=2024-06-15")
                                    << start + QStringLiteral(" >= '2024-06-15'") + live;
    QTest::addRow("to year") << QStringLiteral("to=2019")
                             << start + QStringLiteral(" <= '2019-12-31'") + live;
    QTest::addRow("to month") << QStringLiteral("to=2020-05")
                              << start + QStringLiteral(" <= '2020-05-31'") + live;
    QTest::addRow("to day") << QStringLiteral("to=2020-05-10")
                            << start + QStringLiteral(" <= '2020-05-10'") + live;
    QTest::addRow("month to day") << QStringLiteral("from=2019-10;to=2019-10-22")
                                  << start + QStringLiteral(" BETWEEN '2019-10-01' AND '2019-10-22'") + live;
    QTest::addRow("type") << QStringLiteral("type=loan") << QStringLiteral("d.type = 'loan'") + live;
    QTest::addRow("types") << QStringLiteral("type=commitment;type=equity sale")
                           << QStringLiteral("d.type IN ('commitment', 'equity sale')") + live;
    QTest::addRow("status") << QStringLiteral("status=committed") << QStringLiteral("d.status = 'committed'");
    QTest::addRow("cancelled") << QStringLiteral("status=cancelled")
                               << QStringLiteral("d.status = 'cancelled'");
    QTest::addRow("statuses") << QStringLiteral("status=announced;status=cancelled")
                              << QStringLiteral("d.status IN ('announced', 'cancelled')");
    QTest::addRow("confidence") << QStringLiteral("confidence=high")
                                << QStringLiteral("d.confidence = 'high'") + live;
    QTest::addRow("text in English") << QStringLiteral("text=chip")
                                     << QStringLiteral("(instr(lower(i.name), 'chip') > 0"
                                                       " OR instr(lower(f.name), 'chip') > 0)")
            + live;
    QTest::addRow("text in Chinese") << QStringLiteral("text=设计")
                                     << QStringLiteral("instr(i.name_zh, '设计') > 0") + live;
    QTest::addRow("text names a fund")
        << QStringLiteral("text=policy bank") << QStringLiteral("f.name = 'Test Policy Bank'") + live;
    QTest::addRow("fund and sector")
        << QStringLiteral("fund=National IC Fund (test);sector=Semiconductors")
        << QStringLiteral("f.name = 'National IC Fund (test)' AND s.name = 'Semiconductors'") + live;
    QTest::addRow("region, type and dates")
        << QStringLiteral("region=country:China;type=equity purchase;type=loan;from=2019-07;to=2024")
        << QStringLiteral(
               "'CN' IN (co.code, prc.code, cipc.code) AND d.type IN ('equity purchase', 'loan') AND ")
            + start + QStringLiteral(" BETWEEN '2019-07-01' AND '2024-12-31'") + live;
    QTest::addRow("everything")
        << QStringLiteral("fund=National IC Fund (test);phase=National IC Fund (test)/Phase I;"
                          "phase=National IC Fund (test)/Phase II;sector=Semiconductors;region=country:China;"
                          "from=2015;to=2020-01;type=equity purchase;type=disbursement;status=completed;"
                          "status=committed;confidence=high;confidence=medium;text=co")
        << QStringLiteral("f.name = 'National IC Fund (test)' AND p.label IN ('Phase I', 'Phase II')"
                          " AND s.name = 'Semiconductors' AND 'CN' IN (co.code, prc.code, cipc.code) AND ")
            + start
            + QStringLiteral(
                " BETWEEN '2015-01-01' AND '2020-01-31'"
                " AND d.type IN ('equity purchase', 'disbursement')"
                " AND d.status IN ('completed', 'committed') AND d.confidence IN ('high', 'medium')"
                " AND (instr(lower(i.name), 'co') > 0 OR instr(lower(f.name), 'co') > 0)");
}

void TestFilterSql::matchesIndependentSql()
{
    QFETCH(QString, spec);
    QFETCH(QString, condition);
    const qint64 all
        = AggregationTestData::scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements"));
    const qint64 expected = independent(condition);
    QVERIFY2(expected >= 0, "the independent query failed");
    // Each case narrows the data to something: a filter that matched nothing or everything
    // would not show a wrong condition.
    QVERIFY2(expected > 0 && expected < all, qPrintable(QString::number(expected)));
    QCOMPARE(viaFilterSql(AggregationTestData::filterFrom(*m_db, spec)), expected);
}

void TestFilterSql::likeWildcardsAreLiteral()
{
    Filter f;
    f.text = QStringLiteral("100%");
    // Only "Hangzhou 100% AI Co": d7 and d18.
    QCOMPARE(viaFilterSql(f), qint64(2));
    f.text = QStringLiteral("_");
    // Only "Nippon_Materials KK": d6, d20 (unescaped, '_' would match every row).
    QCOMPARE(viaFilterSql(f), qint64(2));
    f.text = QStringLiteral("%");
    QCOMPARE(viaFilterSql(f), qint64(2));
}

void TestFilterSql::valuesAreBoundNotSpliced()
{
    Filter f;
    f.text = QStringLiteral("x' OR 1=1 --");
    f.types = { QStringLiteral("loan') OR ('1'='1") };
    f.from = QStringLiteral("2020' OR '1'='1");
    const FilterSql sql = FilterSql::build(*m_db, f);
    QVERIFY(!sql.where.contains(QStringLiteral("1=1")));
    QVERIFY(!sql.where.contains(QStringLiteral("'1'='1")));
    QCOMPARE(sql.where.count(QLatin1Char('?')), sql.binds.size());
    QCOMPARE(viaFilterSql(f), qint64(0));
}

void TestFilterSql::adjacentRangesSplitRowsExactly()
{
    // Every dated, live row lands in exactly one of two adjacent ranges, whatever the precision.
    const qint64 dated = AggregationTestData::scalar(*m_db,
        QStringLiteral(
            "SELECT count(*) FROM disbursements WHERE value_date IS NOT NULL AND status != 'cancelled'"));
    const QList<QPair<QString, QString>> splits = {
        { QStringLiteral("2019"), QStringLiteral("2020") },
        { QStringLiteral("2020-04"), QStringLiteral("2020-05") },
        { QStringLiteral("2020-04-30"), QStringLiteral("2020-05-01") },
        { QStringLiteral("2020-05-09"), QStringLiteral("2020-05-10") },
        { QStringLiteral("2024-12-31"), QStringLiteral("2025-01-01") },
        { QStringLiteral("2020-12"), QStringLiteral("2021-01-01") },
    };
    for (const auto &[to, from] : splits) {
        Filter before;
        before.to = to;
        Filter after;
        after.from = from;
        QVERIFY2(
            viaFilterSql(before) + viaFilterSql(after) == dated, qPrintable(to + QLatin1Char('|') + from));
    }
}

QTEST_GUILESS_MAIN(TestFilterSql)
#include "tst_filtersql.moc"

// ResolvedFilter keeps the names a text matched per state of the data: a rename must show.
void TestFilterSql::resolvedFilterFollowsTheData()
{
    Filter f;
    f.text = QStringLiteral("Quokka");
    QCOMPARE(viaFilterSql(f), qint64(0));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE investees SET name = name || ' Quokka' WHERE id ="
                                  " (SELECT investee_id FROM disbursements WHERE status <> 'cancelled' LIMIT 1)")));
    const qint64 expected = independent(QStringLiteral("d.status <> 'cancelled' AND i.name LIKE '%Quokka%'"));
    QVERIFY(expected > 0);
    QCOMPARE(viaFilterSql(f), expected);
    // And the region closure: a new city under a province counts for the province at once.
    f = AggregationTestData::filterFrom(*m_db, QStringLiteral("region=province:Hubei"));
    const qint64 before = viaFilterSql(f);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO regions(kind, parent_id, name) SELECT 'city', id, 'Quokka City'"
                                  " FROM regions WHERE kind = 'province' AND name = 'Hubei'")));
    QVERIFY(q.exec(QStringLiteral("UPDATE investees SET province_id = NULL, country_id = NULL, city_id ="
                                  " (SELECT id FROM regions WHERE name = 'Quokka City') WHERE name LIKE '%Quokka%'")));
    QCOMPARE(viaFilterSql(f),
        independent(QStringLiteral("d.status <> 'cancelled' AND (pr.name = 'Hubei' OR cip.name = 'Hubei')")));
    QVERIFY(viaFilterSql(f) > before);
}

// A text that matches more investees than SQLite takes bound parameters still runs: the matched
// ids travel as one bound list.
void TestFilterSql::longTextMatchIsOneBind()
{
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("BEGIN")));
    QVERIFY(q.prepare(QStringLiteral("INSERT INTO investees(name, kind) VALUES (?, 'company')")));
    for (int i = 0; i < 40000; ++i) {
        q.addBindValue(QStringLiteral("Zebra Holdings %1").arg(i));
        QVERIFY(q.exec());
    }
    QVERIFY(q.exec(QStringLiteral("UPDATE disbursements SET investee_id = (SELECT max(id) FROM investees)"
                                  " WHERE id = (SELECT min(id) FROM disbursements WHERE status <> 'cancelled')")));
    QVERIFY(q.exec(QStringLiteral("COMMIT")));
    Filter f;
    f.text = QStringLiteral("Zebra");
    const FilterSql sql = FilterSql::build(*m_db, f);
    QVERIFY2(sql.ok, qPrintable(sql.error));
    QVERIFY(sql.binds.size() < 10);
    QCOMPARE(viaFilterSql(f), qint64(1));
}
