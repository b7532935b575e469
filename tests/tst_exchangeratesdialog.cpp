#include "EditSession.h"
#include "EditTestData.h"
#include "ExchangeRateTableModel.h"
#include "ExchangeRatesDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;

/// Exchange rates with the keyboard: a rate typed in the add row, one edited in place, both
/// undone with the dialog's own Ctrl+Z.
class TestExchangeRatesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void keyboard();
};

void TestExchangeRatesDialog::keyboard()
{
    QTemporaryDir dir;
    Database db;
    QString error;
    QVERIFY2(openSample(db, dir.filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    EditSession session(db);
    ExchangeRatesDialog dialog(session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QString before = dump(db);
    const int rows = dialog.model()->rowCount();
    QCOMPARE(dialog.currencyBox()->findText(QStringLiteral("CNY")), -1); // CNY needs no rate

    dialog.currencyBox()->setCurrentText(QStringLiteral("EUR"));
    dialog.yearBox()->setValue(2020);
    dialog.rateEdit()->setFocus();
    QTest::keyClicks(dialog.rateEdit(), QStringLiteral("7.8755"));
    QTest::keyClick(dialog.rateEdit(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ECB"));
    QTest::keyClick(dialog.rateEdit(), Qt::Key_Return);
    QCOMPARE(dialog.model()->rowCount(), rows + 1);
    QVERIFY(dialog.isVisible()); // Enter set the rate and did not close the dialog
    QCOMPARE(
        value(db, QStringLiteral("SELECT source FROM exchange_rates WHERE currency = 'EUR' AND year = 2020"))
            .toString(),
        QStringLiteral("ECB"));

    // In place: F2 on the rate, type, Enter.
    const int row = dialog.model()->rowOf(QStringLiteral("USD"), 2013);
    QTableView *view = dialog.view();
    view->setFocus();
    view->setCurrentIndex(dialog.model()->index(row, ExchangeRateTableModel::Rate));
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("6.2"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(
        value(db,
            QStringLiteral("SELECT cny_per_unit FROM exchange_rates WHERE currency = 'USD' AND year = 2013"))
            .toDouble(),
        6.2);
    QCOMPARE(session.undoStack()->count(), 2);

    view->setFocus();
    QTest::keyClick(&dialog, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(&dialog, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(dump(db), before);
    QCOMPARE(dialog.model()->rowCount(), rows);
    QTest::keyClick(&dialog, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(dialog.model()->rowCount(), rows + 1);
}

QTEST_MAIN(TestExchangeRatesDialog)
#include "tst_exchangeratesdialog.moc"
