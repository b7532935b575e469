#include "AnalyticsService.h"
#include "DashboardData.h"
#include "DashboardSnapshot.h"
#include "DashboardTestData.h"
#include "DataRevision.h"
#include "Database.h"

#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The unfiltered dashboard kept between sessions: what is read back equals what was computed,
// field by field, and it is read back only for the very database and state of the data it was
// computed from; a damaged file is ignored, never half-read.

using namespace DashboardTestData;

class TestDashboardSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void readsBackWhatWasSaved();
    void ignoredForAnotherStateOfTheData();
    void ignoredForAnotherDatabase();
    void ignoredWhenDamaged_data();
    void ignoredWhenDamaged();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("sample.db")); }
    static void compareResults(const AggregateResult &want, const AggregateResult &got);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    DashboardData m_data;
    DataRevision m_revision;
};

void TestDashboardSnapshot::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the cache folder of tests, not the user's
}

void TestDashboardSnapshot::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(openDataset(*m_db, QStringLiteral("sample"), m_dir->path(), &error), qPrintable(error));
    AnalyticsService analytics(*m_db);
    analytics.reload();
    analytics.waitForLoad();
    QVERIFY(analytics.revision());
    m_revision = *analytics.revision();
    QCOMPARE(DataRevision::read(*m_db), analytics.revision());
    QVERIFY2(DashboardData::compute(analytics, VocabularyRepository(*m_db).sectors(), provinceIds(*m_db), Filter(),
                 &m_data, &error),
        qPrintable(error));
    QVERIFY(!m_data.sectors.rows.isEmpty());
    QFile::remove(DashboardSnapshot::filePath(m_db->path()));
}

void TestDashboardSnapshot::cleanup()
{
    if (m_db)
        QFile::remove(DashboardSnapshot::filePath(m_db->path()));
    m_db.reset();
    m_dir.reset();
}

void TestDashboardSnapshot::compareResults(const AggregateResult &want, const AggregateResult &got)
{
    QCOMPARE(got.dimension, want.dimension);
    QCOMPARE(got.currency, want.currency);
    QCOMPARE(got.rows, want.rows); // AggregateRow compares every field
    QCOMPARE(got.totals, want.totals);
    QCOMPARE(got.subFundFlows, want.subFundFlows);
    QCOMPARE(got.subFundFlowsInRows, want.subFundFlowsInRows);
    QCOMPARE(got.ratesUsed, want.ratesUsed);
    QCOMPARE(got.ratesMissing, want.ratesMissing);
}

void TestDashboardSnapshot::readsBackWhatWasSaved()
{
    QString error;
    QVERIFY2(DashboardSnapshot::save(m_db->path(), m_revision, m_data, &error), qPrintable(error));
    const std::optional<DashboardData> kept = DashboardSnapshot::load(m_db->path(), m_revision);
    QVERIFY(kept);
    QCOMPARE(kept->filter, m_data.filter);
    compareResults(m_data.sectors, kept->sectors);
    compareResults(m_data.regions, kept->regions);
    compareResults(m_data.phasesBySector, kept->phasesBySector);
    compareResults(m_data.yearsBySector, kept->yearsBySector);
    compareResults(m_data.investees, kept->investees);
    QCOMPARE(kept->sectorNames.size(), m_data.sectorNames.size());
    for (qsizetype i = 0; i < kept->sectorNames.size(); ++i) {
        QCOMPARE(kept->sectorNames.at(i).id, m_data.sectorNames.at(i).id);
        QCOMPARE(kept->sectorNames.at(i).nameZh, m_data.sectorNames.at(i).nameZh);
    }
    // Some stake and Chinese name made the trip (the sample has both).
    bool stake = false;
    for (const AggregateRow &row : kept->investees.rows)
        stake = stake || row.latestStake.has_value();
    QVERIFY(stake);
    QVERIFY(kept->phasesBySector.rows.constFirst().keyZh != kept->phasesBySector.rows.constFirst().key
        || !kept->regions.rows.constFirst().keyZh.isEmpty());
}

void TestDashboardSnapshot::ignoredForAnotherStateOfTheData()
{
    QVERIFY(DashboardSnapshot::save(m_db->path(), m_revision, m_data));
    // A change by any program raises the revision: what was kept no longer applies.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE disbursements SET notes = 'edited' WHERE id = (SELECT min(id) FROM disbursements)")));
    const std::optional<DataRevision> now = DataRevision::read(*m_db);
    QVERIFY(now && now->revision > m_revision.revision);
    QVERIFY(!DashboardSnapshot::load(m_db->path(), *now));
    // Saving for the new state replaces the old file.
    QVERIFY(DashboardSnapshot::save(m_db->path(), *now, m_data));
    QVERIFY(DashboardSnapshot::load(m_db->path(), *now));
    QVERIFY(!DashboardSnapshot::load(m_db->path(), m_revision));
}

void TestDashboardSnapshot::ignoredForAnotherDatabase()
{
    QVERIFY(DashboardSnapshot::save(m_db->path(), m_revision, m_data));
    // Another database at the same path with the same revision number: the token differs.
    DataRevision other = m_revision;
    other.token = QStringLiteral("0123456789abcdef0123456789abcdef");
    QVERIFY(!DashboardSnapshot::load(m_db->path(), other));
    // Another path with the same stamp: a different file, nothing kept for it.
    const QString elsewhere = m_dir->filePath(QStringLiteral("copy.db"));
    QVERIFY(DashboardSnapshot::filePath(elsewhere) != DashboardSnapshot::filePath(m_db->path()));
    QVERIFY(!DashboardSnapshot::load(elsewhere, m_revision));
}

void TestDashboardSnapshot::ignoredWhenDamaged_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("truncated") << QStringLiteral("truncate");
    QTest::newRow("empty") << QStringLiteral("empty");
    QTest::newRow("not ours") << QStringLiteral("magic");
    QTest::newRow("newer format") << QStringLiteral("format");
    QTest::newRow("trailing bytes") << QStringLiteral("append");
}

void TestDashboardSnapshot::ignoredWhenDamaged()
{
    QFETCH(QString, damage);
    QVERIFY(DashboardSnapshot::save(m_db->path(), m_revision, m_data));
    QFile file(DashboardSnapshot::filePath(m_db->path()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(bytes.size() > 100);
    if (damage == QLatin1String("truncate"))
        bytes.truncate(bytes.size() / 2);
    else if (damage == QLatin1String("empty"))
        bytes.clear();
    else if (damage == QLatin1String("magic"))
        bytes[0] = char(bytes.at(0) ^ 0x5a);
    else if (damage == QLatin1String("format"))
        bytes[7] = char(bytes.at(7) + 1); // the format number follows the 4-byte magic, big-endian
    else
        bytes.append("more");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    QVERIFY(!DashboardSnapshot::load(m_db->path(), m_revision));
}

QTEST_GUILESS_MAIN(TestDashboardSnapshot)
#include "tst_dashboardsnapshot.moc"
