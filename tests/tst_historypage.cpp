#include "EditSession.h"
#include "EditTestData.h"
#include "HistoryPage.h"
#include "HistoryTableModel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace EditTestData;

class TestHistoryPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void filters();
};

void TestHistoryPage::filters()
{
    QTemporaryDir dir;
    Database db;
    QString error;
    QVERIFY2(openSample(db, dir.filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    EditSession session(db);
    HistoryTableModel model(db);
    model.setEditSession(&session);
    HistoryPage page(model);
    QVERIFY(session.setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("alpha") } }));
    QVERIFY(session.setField(
        RecordKind::Disbursement, 2, { { QStringLiteral("notes"), QStringLiteral("beta") } }));
    QVERIFY(
        session.setField(RecordKind::Investee, 1, { { QStringLiteral("ticker"), QStringLiteral("TICK") } }));
    QCOMPARE(page.view()->model()->rowCount(), 3);
    auto *heading = page.findChild<QLabel *>(QStringLiteral("historyHeading"));
    QVERIFY(heading->text().contains(QStringLiteral("3 recorded")));

    auto *table = page.findChild<QComboBox *>(QStringLiteral("historyTable"));
    table->setCurrentIndex(table->findData(QStringLiteral("investees")));
    QCOMPARE(page.view()->model()->rowCount(), 1);
    table->setCurrentIndex(0);
    QCOMPARE(page.view()->model()->rowCount(), 3);

    auto *search = page.findChild<QLineEdit *>(QStringLiteral("historySearch"));
    QTest::keyClicks(search, QStringLiteral("alp"));
    QTRY_COMPARE(page.view()->model()->rowCount(), 1); // after the typing pause
    search->clear();
    QTRY_COMPARE(page.view()->model()->rowCount(), 3);

    page.showRecord(QStringLiteral("disbursements"), 2, QStringLiteral("Some event"));
    QCOMPARE(page.view()->model()->rowCount(), 1);
    QVERIFY(heading->text().contains(QStringLiteral("Changes to Some event")));
    auto *all = page.findChild<QPushButton *>(QStringLiteral("historyAllRecords"));
    QVERIFY(!all->isHidden());
    all->click();
    QCOMPARE(page.view()->model()->rowCount(), 3);
    QVERIFY(all->isHidden());
}

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
