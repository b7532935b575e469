#include "TableSupport.h"

#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>

#include <memory>

// The table whose first (name) column stays in view when the rest scroll sideways, driven as a
// user would: scrolled right, the overlay shows the first column at the left edge; a click on it
// selects that row in the one real view (which takes the keys); moving to another cell never
// leaves it under the overlay, nor jumps sideways to show the first column; editing the first
// column opens the view's own editor; the first column can be neither moved nor hidden.

using TableSupport::FrozenColumnView;

class TestFrozenColumnView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void overlayShowsTheFirstColumnOnlyWhenScrolled();
    void clicksOnTheOverlaySelectInTheView();
    void movingAboutNeverHidesTheCurrentCell();
    void editingTheFirstColumnPutsTheOverlayAway();
    void theFirstColumnStaysFirstAndShown();

private:
    std::unique_ptr<QStandardItemModel> m_model;
    std::unique_ptr<FrozenColumnView> m_view;
};

void TestFrozenColumnView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_frozencolumnview"));
}

void TestFrozenColumnView::init()
{
    QSettings().clear();
    m_model = std::make_unique<QStandardItemModel>(60, 12);
    for (int row = 0; row < 60; ++row) {
        for (int column = 0; column < 12; ++column)
            m_model->setItem(row, column, new QStandardItem(QStringLiteral("r%1c%2").arg(row).arg(column)));
    }
    m_view = std::make_unique<FrozenColumnView>();
    TableSupport::setUpRows(m_view.get());
    m_view->setModel(m_model.get());
    TableSupport::setUpTable(m_view.get(), QStringLiteral("frozen"));
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed); // as the pages have it
    for (int column = 0; column < 12; ++column)
        m_view->setColumnWidth(column, 150);
    m_view->resize(700, 400);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestFrozenColumnView::cleanup()
{
    m_view.reset();
    m_model.reset();
}

void TestFrozenColumnView::overlayShowsTheFirstColumnOnlyWhenScrolled()
{
    QTableView *frozen = m_view->frozenView();
    QTRY_VERIFY(frozen->isVisible());
    QCOMPARE(frozen->columnWidth(0), m_view->columnWidth(0));
    QCOMPARE(frozen->width(), m_view->columnWidth(0));
    QCOMPARE(frozen->x(), m_view->viewport()->x());
    for (int column = 1; column < m_model->columnCount(); ++column)
        QVERIFY(frozen->isColumnHidden(column));
    // Scrolled right, the first column is still what shows at the left edge.
    m_view->horizontalScrollBar()->setValue(m_view->horizontalScrollBar()->maximum());
    QVERIFY(m_view->columnViewportPosition(0) < 0);
    QVERIFY(frozen->isVisible());
    QCOMPARE(m_view->indexAt(QPoint(10, 10)).column(), 0);
    QCOMPARE(m_view->indexAt(QPoint(10, 10)).row(), m_view->rowAt(10));
    QVERIFY(m_view->indexAt(QPoint(frozen->width() + 10, 10)).column() > 0);
    // Scrolling down moves both together.
    m_view->verticalScrollBar()->setValue(20);
    QCOMPARE(frozen->verticalScrollBar()->value(), 20);
    QCOMPARE(frozen->rowAt(5), m_view->rowAt(5));
    // Resizing the first column resizes the overlay.
    m_view->setColumnWidth(0, 120);
    QCOMPARE(frozen->width(), 120);
    // Nothing to scroll sideways: no overlay (the view shows the column itself).
    m_view->resize(2400, 400);
    QTRY_VERIFY(!frozen->isVisible());
    // A first column wider than two thirds of the view scrolls with the rest.
    m_view->resize(700, 400);
    m_view->setColumnWidth(0, 600);
    QTRY_VERIFY(!frozen->isVisible());
    QCOMPARE(m_view->indexAt(QPoint(10, 10)).column(), m_view->columnAt(10));
}

void TestFrozenColumnView::clicksOnTheOverlaySelectInTheView()
{
    QTableView *frozen = m_view->frozenView();
    m_view->horizontalScrollBar()->setValue(400);
    QTRY_VERIFY(frozen->isVisible());
    const int sideways = m_view->horizontalScrollBar()->value();
    const QRect cell = frozen->visualRect(m_model->index(3, 0));
    QTest::mouseClick(frozen->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(m_view->currentIndex(), m_model->index(3, 0));
    QVERIFY(m_view->selectionModel()->isRowSelected(3, {}));
    QCOMPARE(m_view->horizontalScrollBar()->value(), sideways); // no jump to the first column
    QVERIFY(m_view->hasFocus());
    // The keys go to the view: down one row, still the first column.
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->currentIndex(), m_model->index(4, 0));
    QCOMPARE(m_view->horizontalScrollBar()->value(), sideways);
    // A double-click on the overlay is the view's double-click.
    QSignalSpy doubleClicked(m_view.get(), &QAbstractItemView::doubleClicked);
    // (A widget's mouseDClick() is the second press alone: the first click comes before it.)
    const QPoint fifth = frozen->visualRect(m_model->index(5, 0)).center();
    QTest::mouseClick(frozen->viewport(), Qt::LeftButton, {}, fifth);
    QTest::mouseDClick(frozen->viewport(), Qt::LeftButton, {}, fifth);
    QCOMPARE(doubleClicked.size(), 1);
    QCOMPARE(doubleClicked.first().first().toModelIndex(), m_model->index(5, 0));
}

void TestFrozenColumnView::movingAboutNeverHidesTheCurrentCell()
{
    QTableView *frozen = m_view->frozenView();
    m_view->horizontalScrollBar()->setValue(m_view->horizontalScrollBar()->maximum());
    QTRY_VERIFY(frozen->isVisible());
    m_view->setFocus();
    m_view->setCurrentIndex(m_model->index(2, 11));
    // Leftwards cell by cell: each becomes current just clear of the overlay, never beneath it.
    for (int column = 10; column >= 1; --column) {
        QTest::keyClick(m_view.get(), Qt::Key_Left);
        QCOMPARE(m_view->currentIndex().column(), column);
        const int left = m_view->visualRect(m_view->currentIndex()).left();
        QVERIFY2(left >= frozen->width(), qPrintable(QStringLiteral("column %1 at %2").arg(column).arg(left)));
    }
}

void TestFrozenColumnView::editingTheFirstColumnPutsTheOverlayAway()
{
    QTableView *frozen = m_view->frozenView();
    m_view->horizontalScrollBar()->setValue(500);
    QTRY_VERIFY(frozen->isVisible());
    const QModelIndex name = m_model->index(1, 0);
    m_view->setCurrentIndex(name);
    m_view->edit(name);
    auto *editor = m_view->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    QVERIFY(!frozen->isVisible());
    QCOMPARE(m_view->horizontalScrollBar()->value(), 0); // the column in its own place, in view
    editor->setText(QStringLiteral("renamed"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_model->index(1, 0).data().toString(), QStringLiteral("renamed")); // committed queued
    QTRY_VERIFY(frozen->isVisible());
    QCOMPARE(m_view->horizontalScrollBar()->value(), 500);
}

void TestFrozenColumnView::theFirstColumnStaysFirstAndShown()
{
    QHeaderView *header = m_view->horizontalHeader();
    QVERIFY(!header->isFirstSectionMovable());
    // A saved state that moved and hid it (from before the column was frozen) does not stick.
    header->moveSection(0, 5);
    header->hideSection(0);
    TableSupport::saveHeader(header, QStringLiteral("frozen"));
    header->showSection(0);
    header->moveSection(5, 0);
    header->hideSection(3);
    TableSupport::restoreHeader(header, QStringLiteral("frozen"));
    QCOMPARE(header->visualIndex(0), 0);
    QVERIFY(!header->isSectionHidden(0));
    QVERIFY(!header->isSectionHidden(3)); // the rest of the state is restored
}

QTEST_MAIN(TestFrozenColumnView)
#include "tst_frozencolumnview.moc"
