#include "AnalyticsService.h"
#include "BrowseTestData.h"
#include "DashboardPage.h"
#include "EditActions.h"
#include "EditSession.h"
#include "SharedFilter.h"
#include "DashboardSnapshot.h"
#include "DataRevision.h"
#include "Database.h"
#include "MainWindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

// Opening a database large enough for the aggregation cache to load on a worker (more than
// AnalyticsService::SqlFallbackLimit events): the dashboard computed in one session is kept and
// shown at the next start before the cache is ready, and only while the data is unchanged.

class TestMainWindowStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void keptDashboardShownBeforeTheTotalsLoad();
    void keptDashboardDroppedAfterAnyChange();
    void keptDashboardNotShownWhileAnEditReloads();
    void keptEvenWhenClosedAtOnce();
    void largeDatabaseLoadsInBackground();

private:
    std::unique_ptr<MainWindow> openWindow();
    void firstSession();

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
};

void TestMainWindowStartup::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowstartup"));
    QVERIFY(m_dir.isValid());
    // Generated once for the test case: 60,000 events, above the limit for loading in place.
    m_path = m_dir.filePath(QStringLiteral("large.db"));
    Database db;
    QString error;
    QVERIFY2(BrowseTestData::openGenerated(db, m_path, AnalyticsService::SqlFallbackLimit + 10000, &error),
        qPrintable(error));
}

void TestMainWindowStartup::cleanupTestCase()
{
    QFile::remove(DashboardSnapshot::filePath(m_path));
}

void TestMainWindowStartup::init()
{
    QSettings().clear(); // the window starts on the Dashboard
    QFile::remove(DashboardSnapshot::filePath(m_path));
    m_db = std::make_unique<Database>();
    QCOMPARE(m_db->open(m_path, Database::OpenMode::OpenExisting), Database::Status::Ok);
}

void TestMainWindowStartup::cleanup()
{
    m_db.reset();
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestMainWindowStartup::openWindow()
{
    auto window = std::make_unique<MainWindow>(*m_db);
    window->resize(1400, 900);
    window->pages()->setCurrentWidget(window->dashboardPage());
    window->show(); // no event processed yet: the worker's result cannot have arrived
    return window;
}

void TestMainWindowStartup::firstSession()
{
    std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(!window->analytics().isReady());
    QVERIFY(window->dashboardPage()->data().sectors.rows.isEmpty()); // nothing kept yet: "Computing totals…"
    QTRY_VERIFY_WITH_TIMEOUT(window->analytics().isReady(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->dashboardPage()->data().sectors.rows.isEmpty(), 60000);
    const std::optional<DataRevision> revision = DataRevision::read(*m_db);
    QVERIFY(revision);
    // Kept once the charts have painted (the window's follow-up), not before they paint.
    QTRY_VERIFY(DashboardSnapshot::load(m_db->path(), *revision));
}

void TestMainWindowStartup::keptEvenWhenClosedAtOnce()
{
    // Closed as soon as the figures show, before the follow-up that keeps them has run: the
    // window keeps them as it goes.
    const std::optional<DataRevision> revision = DataRevision::read(*m_db);
    QVERIFY(revision);
    {
        std::unique_ptr<MainWindow> window = openWindow();
        // In small steps, so that the window closes well within the follow-up's 50 ms; asleep
        // between events rather than spinning, which on a busy machine starved the totals'
        // worker (it runs at the lowest priority) past the deadline.
        QTimer tick;
        tick.start(5);
        QElapsedTimer waited;
        waited.start();
        while (window->dashboardPage()->data().sectors.rows.isEmpty() && waited.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        QVERIFY(!window->dashboardPage()->data().sectors.rows.isEmpty());
    }
    QVERIFY(DashboardSnapshot::load(m_db->path(), *revision));
}

void TestMainWindowStartup::keptDashboardShownBeforeTheTotalsLoad()
{
    firstSession();
    DashboardData computed;
    {
        std::unique_ptr<MainWindow> window = openWindow();
        // The second session shows figures at once, while the totals are still loading ...
        QVERIFY(!window->analytics().isReady());
        const DashboardData kept = window->dashboardPage()->data();
        QVERIFY(!kept.sectors.rows.isEmpty());
        QCOMPARE(kept.filter, Filter());
        // ... and they are the figures the loaded totals give.
        window->analytics().waitForLoad();
        QString error;
        QVERIFY2(DashboardData::compute(window->analytics(), VocabularyRepository(*m_db).sectors(),
                     [&] {
                         QList<qint64> ids;
                         for (const VocabularyItem &p : VocabularyRepository(*m_db).provinces())
                             ids.append(p.id);
                         return ids;
                     }(),
                     Filter(), &computed, &error),
            qPrintable(error));
        QCOMPARE(kept.sectors.rows, computed.sectors.rows);
        QCOMPARE(kept.regions.rows, computed.regions.rows);
        QCOMPARE(kept.phasesBySector.totals, computed.phasesBySector.totals);
        QCOMPARE(kept.investees.rows, computed.investees.rows);
    }
}

void TestMainWindowStartup::keptDashboardDroppedAfterAnyChange()
{
    firstSession();
    // Another program changes one amount: what was kept no longer describes the data.
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE disbursements SET amount_minor = amount_minor + 100"
                                      " WHERE id = (SELECT min(id) FROM disbursements WHERE amount_minor IS NOT NULL)")));
    }
    std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(!window->analytics().isReady());
    QVERIFY(window->dashboardPage()->data().sectors.rows.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(window->analytics().isReady(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->dashboardPage()->data().sectors.rows.isEmpty(), 60000);
    // Revert, so the other test function sees the generated data.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE disbursements SET amount_minor = amount_minor - 100"
                                  " WHERE id = (SELECT min(id) FROM disbursements WHERE amount_minor IS NOT NULL)")));
}

void TestMainWindowStartup::keptDashboardNotShownWhileAnEditReloads()
{
    firstSession();
    std::unique_ptr<MainWindow> window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->analytics().isReady(), 60000);
    Filter sure;
    sure.confidences = { QStringLiteral("high") };
    window->sharedFilter().setFilter(sure);
    QTRY_COMPARE(window->dashboardPage()->data().filter, sure);
    // An edit reloads the totals; until they are back, Clear must not bring the kept (now
    // out-of-date) unfiltered figures.
    const qint64 event = BrowseTestData::scalar(*m_db, QStringLiteral("SELECT min(id) FROM disbursements"));
    EditSession *session = window->editActions()->session();
    QVERIFY(session->deleteRecords(RecordKind::Disbursement, { event }, false));
    QTRY_VERIFY(!window->analytics().isReady());
    window->sharedFilter().clear();
    QCOMPARE(window->dashboardPage()->data().filter, sure); // not replaced by the kept figures
    QTRY_VERIFY_WITH_TIMEOUT(window->analytics().isReady(), 60000);
    QTRY_COMPARE(window->dashboardPage()->data().filter, Filter()); // recomputed from the new totals
    session->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(window->analytics().isReady(), 60000);
}

void TestMainWindowStartup::largeDatabaseLoadsInBackground()
{
    // 60,000 events: above the limit, so the load starts on the worker and returns at once.
    AnalyticsService service(*m_db);
    QSignalSpy ready(&service, &AnalyticsService::ready);
    QVERIFY(service.startInBackground());
    QVERIFY(!service.isReady());
    QCOMPARE(ready.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QVERIFY(service.isReady());
}

QTEST_MAIN(TestMainWindowStartup)
#include "tst_mainwindowstartup.moc"
