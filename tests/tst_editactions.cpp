#include "DeleteDialog.h"
#include "DetailPane.h"
#include "DisbursementForm.h"
#include "DisbursementTableModel.h"
#include "DisbursementsPage.h"
#include "EditActions.h"
#include "EditSession.h"
#include "EditTestData.h"
#include "ExchangeRateTableModel.h"
#include "ExchangeRatesDialog.h"
#include "FormTestSupport.h"
#include "FundTableModel.h"
#include "FundsPage.h"
#include "HistoryPage.h"
#include "HistoryTableModel.h"
#include "InvesteesPage.h"
#include "MainWindow.h"
#include "NavigatorPanel.h"
#include "RecordForm.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>

using namespace EditTestData;
using namespace FormTestSupport;

namespace {
const QString BigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");
}

/// Editing as the main window offers it: menus, toolbar and shortcuts (Ctrl+N per page, Ctrl+Z,
/// Ctrl+Shift+Z, Ctrl+Y, Del, Ctrl+H), the delete dialog for records with dependents, in-place
/// editing through the delegate, the History page and the detail pane's history.
class TestEditActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void menusAndToolbar();
    void ctrlNAddsTheCurrentPagesKind_data();
    void ctrlNAddsTheCurrentPagesKind();
    void ctrlNFollowsThePageNotTheFocus();
    void undoRedoShortcuts();
    void deleteWithDependentsAsksAndUndoes();
    void deleteWithoutDependentsIsImmediate();
    void inPlaceEditingWithTheKeyboard();
    void inPlaceEditingRefusesBadText();
    void historyPageAndRecordFilter();
    void detailPaneShowsTheRecordsHistory();
    void exchangeRatesDialog();

private:
    void showPage(QWidget *page);
    int fundRow(qint64 id) const;

    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    MainWindow *m_window = nullptr;
    EditActions *m_edit = nullptr;
};

void TestEditActions::init()
{
    QSettings().clear();
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_window = new MainWindow(m_db);
    m_edit = m_window->editActions();
    QVERIFY(m_edit);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestEditActions::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_db.close();
    delete m_dir;
}

void TestEditActions::showPage(QWidget *page)
{
    m_window->pages()->setCurrentWidget(page);
    if (auto *view = page->findChild<QAbstractItemView *>())
        view->setFocus();
}

int TestEditActions::fundRow(qint64 id) const
{
    QAbstractItemModel *model = m_window->fundsPage()->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(FundTableModel::IdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

void TestEditActions::menusAndToolbar()
{
    QStringList titles;
    for (QAction *a : m_window->menuBar()->actions())
        titles.append(a->text());
    QVERIFY(titles.indexOf(QStringLiteral("D&ata")) >= 0);
    QCOMPARE(titles.indexOf(QStringLiteral("D&ata")) + 1, titles.indexOf(QStringLiteral("&View")));
    auto *editMenu = m_window->menuBar()->actions().at(titles.indexOf(QStringLiteral("&Edit")))->menu();
    QCOMPARE(editMenu->actions().value(0), m_edit->undoAction());
    QCOMPARE(editMenu->actions().value(1), m_edit->redoAction());
    QCOMPARE(m_edit->undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
    QVERIFY(m_edit->redoAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QVERIFY(m_edit->redoAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QVERIFY(!m_edit->undoAction()->isEnabled());
    QVERIFY(m_window->findChild<QToolBar *>(QStringLiteral("editToolBar")));
    QCOMPARE(m_window->pages()->indexOf(m_edit->historyPage()), m_window->pages()->count() - 1);
    // Undo History: a dock with the stack.
    QVERIFY(!m_edit->undoDock()->isVisible());
    m_edit->undoHistoryAction()->trigger();
    QVERIFY(m_edit->undoDock()->isVisible());
}

void TestEditActions::ctrlNAddsTheCurrentPagesKind_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("form");
    QTest::addRow("disbursements") << QStringLiteral("disbursements") << QStringLiteral("disbursementForm");
    QTest::addRow("investees") << QStringLiteral("investees") << QStringLiteral("investeeForm");
    QTest::addRow("holdings") << QStringLiteral("holdings") << QStringLiteral("investeeForm");
    QTest::addRow("funds") << QStringLiteral("funds") << QStringLiteral("fundForm");
}

void TestEditActions::ctrlNAddsTheCurrentPagesKind()
{
    QFETCH(QString, page);
    QFETCH(QString, form);
    QWidget *widget = page == QLatin1String("disbursements")
        ? static_cast<QWidget *>(m_window->disbursementsPage())
        : page == QLatin1String("investees") ? static_cast<QWidget *>(m_window->investeesPage())
        : page == QLatin1String("holdings")  ? static_cast<QWidget *>(m_window->holdingsPage())
                                             : static_cast<QWidget *>(m_window->fundsPage());
    showPage(widget);
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    auto *opened = m_window->findChild<RecordForm *>();
    QVERIFY(opened);
    QCOMPARE(opened->objectName(), form);
    QVERIFY(opened->isVisible());
    QVERIFY(opened->isModal() || opened->windowModality() != Qt::NonModal);
    opened->reject();
}

void TestEditActions::ctrlNFollowsThePageNotTheFocus()
{
    // The Funds page in view, the navigator focused (it would say "phase" for a selected phase):
    // Ctrl+N names and adds a fund, and the new fund is selected and scrolled to.
    showPage(m_window->fundsPage());
    m_window->navigator()->tree()->setFocus();
    auto *newAction = m_window->findChild<QAction *>(QStringLiteral("newRecordAction"));
    QVERIFY(newAction);
    QCOMPARE(newAction->text(), QStringLiteral("&New fund…"));
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    auto *form = m_window->findChild<RecordForm *>();
    QVERIFY(form);
    QCOMPARE(form->objectName(), QStringLiteral("fundForm"));
    QVERIFY(QTest::qWaitForWindowActive(form));
    QTRY_VERIFY(focused() && focused()->objectName() == QLatin1String("name"));
    type(QStringLiteral("Selection Test Fund"));
    form->findChild<QLineEdit *>(QStringLiteral("source"))->setFocus();
    type(QStringLiteral("https://example.org/selection"));
    QVERIFY2(form->issues().isEmpty(), qPrintable(form->issues().value(0).toString()));
    form->okButton()->click();
    QTRY_VERIFY(m_window->fundsPage()->view()->currentIndex().isValid());
    const QModelIndex current = m_window->fundsPage()->view()->currentIndex();
    QCOMPARE(current.siblingAtColumn(FundTableModel::Name).data().toString(), QStringLiteral("Selection Test Fund"));
}

void TestEditActions::undoRedoShortcuts()
{
    const QString before = dump(m_db);
    QVERIFY(m_edit->session()->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("n") } }));
    const QString after = dump(m_db);
    QCOMPARE(m_edit->undoAction()->text(), QStringLiteral("&Undo Set disbursement notes"));
    m_window->activateWindow();
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(dump(m_db), before);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(dump(m_db), after);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(m_window, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(dump(m_db), after);
}

void TestEditActions::deleteWithDependentsAsksAndUndoes()
{
    const qint64 fund = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    const QString before = dump(m_db);
    showPage(m_window->fundsPage());
    QTableView *view = m_window->fundsPage()->view();
    view->selectRow(fundRow(fund));
    QTest::keyClick(view, Qt::Key_Delete);
    auto *dialog = m_window->findChild<DeleteDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    const qint64 phases
        = count(m_db, QStringLiteral("SELECT count(*) FROM phases WHERE fund_id = ?"), { fund });
    QVERIFY(dialog->list()->count() >= phases);
    QVERIFY(dialog->findChild<QLabel *>()->text().contains(QStringLiteral("depend on it")));
    QCOMPARE(dump(m_db), before); // nothing yet
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM funds WHERE id = ?"), { fund }), qint64(0));
    QCOMPARE(fundRow(fund), -1);
    QCOMPARE(count(m_db, QStringLiteral("PRAGMA foreign_key_check")), qint64(0));
    m_edit->undoAction()->trigger();
    QCOMPARE(dump(m_db), before);
    QVERIFY(fundRow(fund) >= 0);
}

void TestEditActions::deleteWithoutDependentsIsImmediate()
{
    showPage(m_window->disbursementsPage());
    QTableView *view = m_window->disbursementsPage()->view();
    const int rows = view->model()->rowCount();
    view->selectRow(0);
    const qint64 id = view->model()->index(0, 0).data(DisbursementTableModel::IdRole).toLongLong();
    m_edit->deleteAction()->trigger();
    QVERIFY(!m_window->findChild<DeleteDialog *>());
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE id = ?"), { id }), qint64(0));
    QCOMPARE(view->model()->rowCount(), rows - 1);
    QCOMPARE(m_edit->undoAction()->text(), QStringLiteral("&Undo Delete disbursement"));
    m_edit->undoAction()->trigger();
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE id = ?"), { id }), qint64(1));
}

void TestEditActions::inPlaceEditingWithTheKeyboard()
{
    showPage(m_window->disbursementsPage());
    QTableView *view = m_window->disbursementsPage()->view();
    const QModelIndex notes = view->model()->index(0, DisbursementTableModel::Notes);
    const qint64 id = notes.data(DisbursementTableModel::IdRole).toLongLong();
    view->setCurrentIndex(notes);
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    type(QStringLiteral("Verified with the filing"));
    press(Qt::Key_Return); // the delegate commits on the next turn of the event loop
    QTRY_COMPARE(
        value(m_db, QStringLiteral("SELECT notes FROM disbursements WHERE id = ?"), { id }).toString(),
        QStringLiteral("Verified with the filing"));
    QCOMPARE(m_edit->session()->undoStack()->count(), 1);
    // The amount in 亿 with a currency, through the same delegate.
    const QModelIndex amount = view->model()->index(0, DisbursementTableModel::Amount);
    view->setCurrentIndex(amount);
    QTest::keyClick(view, Qt::Key_F2);
    editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    type(QStringLiteral("USD 12.3亿"));
    press(Qt::Key_Return);
    QTRY_COMPARE(
        value(m_db, QStringLiteral("SELECT amount_minor || ' ' || currency FROM disbursements WHERE id = ?"),
            { id })
            .toString(),
        QStringLiteral("123000000000 USD"));
    QCOMPARE(m_edit->session()->undoStack()->count(), 2);
    QCOMPARE(m_edit->historyModel()->index(0, HistoryTableModel::Field).data().toString(),
        QStringLiteral("currency"));
}

void TestEditActions::inPlaceEditingRefusesBadText()
{
    showPage(m_window->disbursementsPage());
    QTableView *view = m_window->disbursementsPage()->view();
    const QModelIndex date = view->model()->index(0, DisbursementTableModel::Date);
    const QString before = dump(m_db, true);
    view->setCurrentIndex(date);
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    type(QStringLiteral("2021-02-30"));
    QVERIFY(editor->toolTip().contains(QStringLiteral("February 2021 has 28 days")));
    press(Qt::Key_Return); // refused: the editor stays open
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(editor));
    press(Qt::Key_Escape);
    QCOMPARE(dump(m_db, true), before);
    QCOMPARE(m_edit->session()->undoStack()->count(), 0);
}

void TestEditActions::historyPageAndRecordFilter()
{
    QVERIFY(m_edit->session()->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("one") } }));
    QVERIFY(m_edit->session()->setField(
        RecordKind::Disbursement, 2, { { QStringLiteral("notes"), QStringLiteral("two") } }));
    HistoryPage *page = m_edit->historyPage();
    QCOMPARE(page->view()->model()->rowCount(), 2);
    QCOMPARE(page->view()->model()->index(0, HistoryTableModel::NewValue).data().toString(),
        QStringLiteral("two"));
    // "History of selected record" from the Disbursements page.
    showPage(m_window->disbursementsPage());
    QTableView *view = m_window->disbursementsPage()->view();
    int row = 0;
    while (view->model()->index(row, 0).data(DisbursementTableModel::IdRole).toLongLong() != 1)
        ++row;
    view->selectRow(row);
    QTest::keyClick(m_window, Qt::Key_H, Qt::ControlModifier);
    QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(page));
    QCOMPARE(page->view()->model()->rowCount(), 1);
    QCOMPARE(page->view()->model()->index(0, HistoryTableModel::NewValue).data().toString(),
        QStringLiteral("one"));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("historyHeading"))
                ->text()
                .contains(QStringLiteral("Changes to")));
    page->findChild<QPushButton *>(QStringLiteral("historyAllRecords"))->click();
    QCOMPARE(page->view()->model()->rowCount(), 2);
}

void TestEditActions::detailPaneShowsTheRecordsHistory()
{
    auto *detail = m_window->findChild<DetailPane *>();
    QVERIFY(detail);
    showPage(m_window->disbursementsPage());
    QTableView *view = m_window->disbursementsPage()->view();
    view->setCurrentIndex(view->model()->index(0, DisbursementTableModel::Notes));
    QVERIFY(detail->toPlainText().contains(QStringLiteral("No changes recorded")));
    const qint64 id = view->model()->index(0, 0).data(DisbursementTableModel::IdRole).toLongLong();
    QVERIFY(m_edit->session()->setField(
        RecordKind::Disbursement, id, { { QStringLiteral("confidence"), QStringLiteral("low") } }));
    QVERIFY(m_edit->session()->setField(
        RecordKind::Disbursement, id, { { QStringLiteral("status"), QStringLiteral("announced") } }));
    // Shown again once the step is done, with its history at the end.
    QTRY_VERIFY(detail->toPlainText().contains(QStringLiteral("status:")));
    QVERIFY(detail->toPlainText().contains(QStringLiteral("→ announced")));
    QVERIFY(!detail->toPlainText().contains(QStringLiteral("No changes recorded")));
}

void TestEditActions::exchangeRatesDialog()
{
    ExchangeRatesDialog *dialog = m_edit->openExchangeRates();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const int rows = dialog->model()->rowCount();
    const QString before = dump(m_db);
    dialog->currencyBox()->setCurrentText(QStringLiteral("EUR"));
    dialog->yearBox()->setValue(2021);
    dialog->rateEdit()->setFocus();
    QTest::keyClicks(dialog->rateEdit(), QStringLiteral("7.6282"));
    QTest::keyClick(dialog->rateEdit(), Qt::Key_Return);
    QCOMPARE(dialog->model()->rowCount(), rows + 1);
    QCOMPARE(
        value(m_db,
            QStringLiteral("SELECT cny_per_unit FROM exchange_rates WHERE currency = 'EUR' AND year = 2021"))
            .toDouble(),
        7.6282);
    QCOMPARE(m_edit->undoAction()->text(), QStringLiteral("&Undo Set exchange rate EUR 2021"));
    // Refused: not a number.
    QTest::keyClicks(dialog->rateEdit(), QStringLiteral("seven"));
    QTest::keyClick(dialog->rateEdit(), Qt::Key_Return);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("rateMessage"))
                ->text()
                .contains(QStringLiteral("is not a rate")));
    QCOMPARE(m_edit->session()->undoStack()->count(), 1);
    // Delete the selected rate, then undo both.
    dialog->view()->selectRow(dialog->model()->rowOf(QStringLiteral("EUR"), 2021));
    dialog->deleteSelected();
    QCOMPARE(dialog->model()->rowCount(), rows);
    m_edit->session()->undoStack()->undo();
    m_edit->session()->undoStack()->undo();
    QCOMPARE(dump(m_db), before);
    dialog->close();
}

QTEST_MAIN(TestEditActions)
#include "tst_editactions.moc"
