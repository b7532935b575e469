#include "AnalyticsService.h"
#include "BrowseTestData.h"
#include "Database.h"
#include "DeferredIndexes.h"
#include "EditSession.h"
#include "RecordFields.h"
#include "SharedFilter.h"
#include "Workspace.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The controller below the window, run headless: what it computes for the page in view, and the
// damage check it runs off the UI thread for a file too large to check when it was opened.
class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void computesOnlyThePageInView();
    void followsUpOnceThePageHasPainted();
    void checksALargeFileBeforeTheFirstEditNeedsIt();
    void buildsTheIndexesAnImportLeft();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(BrowseTestData::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error),
             qPrintable(error));
}

void TestWorkspace::cleanup()
{
    Database::setOpenCheckLimits(-1, -1);
    m_db.reset();
    m_dir.reset();
}

void TestWorkspace::computesOnlyThePageInView()
{
    Workspace workspace(*m_db);
    QSignalSpy dashboards(&workspace, &Workspace::dashboardChanged);
    QSignalSpy headings(&workspace, &Workspace::headingsChanged);
    workspace.reloadAll();
    QCOMPARE(dashboards.count(), 0); // not active yet: nothing is computed for a hidden window
    workspace.setActive(true);
    QTRY_COMPARE(dashboards.count(), 1);
    QCOMPARE(headings.count(), 0); // the Holdings page is not in view
    workspace.setShownPage(Workspace::Page::Holdings);
    QCOMPARE(headings.count(), 1);
    // Back on the Dashboard with the same filter: nothing to compute again.
    workspace.setShownPage(Workspace::Page::Dashboard);
    QCOMPARE(dashboards.count(), 1);
    // A filter change brings the page in view up to date, only it.
    Filter usd;
    usd.currency = QStringLiteral("USD");
    workspace.filter().setFilter(usd);
    QCOMPARE(dashboards.count(), 2);
    QCOMPARE(headings.count(), 1);
    QCOMPARE(dashboards.last().at(0).value<DashboardData>().filter.currency, QStringLiteral("USD"));
}

void TestWorkspace::followsUpOnceThePageHasPainted()
{
    Workspace workspace(*m_db);
    QSignalSpy status(&workspace, &Workspace::statusChanged);
    workspace.reloadAll();
    workspace.setActive(true);
    workspace.pagePainted();
    QTRY_VERIFY(!workspace.followUpPending());
    Filter usd;
    usd.currency = QStringLiteral("USD");

    // On the Dashboard, the navigator and the status line wait for the page to paint the change
    // (timers never fire early: four intervals are well short of the longest wait).
    status.clear();
    workspace.filter().setFilter(usd);
    QTest::qWait(200);
    QVERIFY(workspace.followUpPending());
    QCOMPARE(status.count(), 0);
    workspace.pagePainted();
    QTRY_VERIFY(!workspace.followUpPending());
    QCOMPARE(status.count(), 1);

    // A window that paints nothing (minimised) still follows up, later.
    status.clear();
    workspace.filter().setFilter(Filter());
    QTRY_VERIFY_WITH_TIMEOUT(!workspace.followUpPending(), 10000);
    QCOMPARE(status.count(), 1);
}

void TestWorkspace::checksALargeFileBeforeTheFirstEditNeedsIt()
{
    // As if the file were too large to check when opened: the first write would check it, on the
    // UI thread, unless the workspace's check after loading has done so already.
    Database::setOpenCheckLimits(0, 0);
    const QString path = m_db->path();
    m_db = std::make_unique<Database>();
    QCOMPARE(m_db->open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QVERIFY(m_db->needsWriteCheck());
    Workspace workspace(*m_db);
    workspace.reloadAll();
    workspace.analytics().waitForLoad();
    // Not while the user works: it waits for five idle seconds, and a change starts them again
    // (timers never fire early; the check of this small file takes milliseconds once started).
    QTest::qWait(4000);
    QVERIFY(m_db->needsWriteCheck());
    Filter usd;
    usd.currency = QStringLiteral("USD");
    workspace.filter().setFilter(usd);
    QTest::qWait(2000);
    QVERIFY(m_db->needsWriteCheck());
    // A paint (a sort, a scroll) starts them again too.
    workspace.pagePainted();
    QTest::qWait(4000);
    QVERIFY(m_db->needsWriteCheck());
    QTRY_VERIFY_WITH_TIMEOUT(!m_db->needsWriteCheck(), 20000);
}

void TestWorkspace::buildsTheIndexesAnImportLeft()
{
    // A big import's first stage committed and the program ended before the second: the next
    // session builds the listed sort indexes in the background once the totals have loaded,
    // and says so. An edit meanwhile is not held up, and the build is finished afterwards.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO deferred_indexes SELECT name, sql FROM sqlite_master"
                                  " WHERE name IN ('disbursements_by_date', 'disbursements_by_stake')")));
    QVERIFY(q.exec(QStringLiteral("DROP INDEX disbursements_by_date")));
    QVERIFY(q.exec(QStringLiteral("DROP INDEX disbursements_by_stake")));
    q.finish();
    QCOMPARE(DeferredIndexes::pending(*m_db).size(), 2);
    Workspace workspace(*m_db);
    EditSession session(*m_db);
    workspace.watch(&session);
    QSignalSpy notices(&workspace, &Workspace::notice);
    QSignalSpy problems(&workspace, &Workspace::problem);
    workspace.reloadAll();
    QVERIFY(session.editRecord(RecordKind::Fund,
        BrowseTestData::scalar(*m_db, QStringLiteral("SELECT min(id) FROM funds")),
        { { QStringLiteral("manager"), QStringLiteral("Edited while indexing") } }));
    QTRY_VERIFY_WITH_TIMEOUT(DeferredIndexes::pending(*m_db).isEmpty(), 20000);
    QTRY_VERIFY(!notices.isEmpty() && notices.last().first().toString() == QStringLiteral("The sort indexes are built."));
    QVERIFY2(problems.isEmpty(), problems.isEmpty() ? "" : qPrintable(problems.first().first().toString()));
    QCOMPARE(BrowseTestData::scalar(*m_db,
                 QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('disbursements_by_date',"
                                " 'disbursements_by_stake')")),
        2);
}

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
