#include "AnalyticsService.h"
#include "BrowseTestData.h"
#include "Database.h"
#include "DisbursementTableModel.h"
#include "DisbursementsPage.h"
#include "EditActions.h"
#include "EditSession.h"
#include "FundTreeModel.h"
#include "InvesteeTableModel.h"
#include "InvesteesPage.h"
#include "MainWindow.h"
#include "SharedFilter.h"
#include "UpgradeNotice.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

// Drives the real main window on the sample database with mouse and key events: picks the Big
// Fund's Phase II in the navigator and finds its holdings, types a Chinese name into the filter
// box and finds the company, sorts by amount with a click on the header, copies rows with Ctrl+C,
// and reads the row count off the status bar. Every expectation comes from independent SQL.

using BrowseTestData::scalar;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void navigatorPicksPhaseAndHoldingsFollow();
    void chineseNameInFilterFindsTheCompany();
    void amountHeaderSortsTheWholeResult();
    void ctrlCCopiesRowsAsTsvWithHeader();
    void statusBarCountsRowsInView();
    void navigatorTotalsFollowFilterAndEdits();
    void upgradeNoticeOnlyForOlderFiles();

private:
    QTableView *table(const QString &name) const { return m_window->findChild<QTableView *>(name); }
    QLineEdit *filterText() const;
    QString statusText() const;
    qint64 bigFundPhaseII();
    QList<qint64> column(QTableView *view, int role) const;
    void typeText(QWidget *widget, const QString &text);
    void clickHeader(QTableView *view, int section);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    // Settings go to a test location under a test name, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(BrowseTestData::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error),
        qPrintable(error));
    m_window = std::make_unique<MainWindow>(*m_db);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->analytics().waitForLoad();
    QVERIFY(m_window->analytics().isReady());
}

void TestMainWindow::cleanup()
{
    if (m_window)
        m_window->close();
    m_window.reset();
    m_db.reset();
    m_dir.reset();
    QSettings().clear();
}

QLineEdit *TestMainWindow::filterText() const
{
    for (QLineEdit *edit : m_window->findChildren<QLineEdit *>()) {
        if (edit->placeholderText().startsWith(QLatin1String("Search names")))
            return edit;
    }
    return nullptr;
}

QString TestMainWindow::statusText() const
{
    QStringList texts;
    for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
        texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

qint64 TestMainWindow::bigFundPhaseII()
{
    return scalar(*m_db,
        QStringLiteral("SELECT p.id FROM phases p JOIN funds f ON f.id = p.fund_id"
                       " WHERE f.name = 'China Integrated Circuit Industry Investment Fund (Big Fund)'"
                       " AND p.label = 'Phase II'"));
}

QList<qint64> TestMainWindow::column(QTableView *view, int role) const
{
    QList<qint64> values;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        values.append(view->model()->index(row, 0).data(role).toLongLong());
    return values;
}

void TestMainWindow::typeText(QWidget *widget, const QString &text)
{
    // QTest::keyClicks() sends Latin-1 only; Chinese text arrives as key events carrying it.
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

void TestMainWindow::clickHeader(QTableView *view, int section)
{
    view->scrollTo(view->model()->index(0, section), QAbstractItemView::PositionAtCenter);
    QHeaderView *header = view->horizontalHeader();
    const QPoint centre(
        header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
    QVERIFY(header->viewport()->rect().contains(centre));
    QCOMPARE(header->logicalIndexAt(centre), section);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, centre);
}

void TestMainWindow::navigatorPicksPhaseAndHoldingsFollow()
{
    const qint64 phaseII = bigFundPhaseII();
    QVERIFY(phaseII > 0);
    auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("navigatorTree"));
    QVERIFY(tree);
    const QAbstractItemModel *model = tree->model();

    // Find the row by its text, as a user reads it: the Big Fund, then its "Phase II (2019)".
    QModelIndex fund;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data().toString().startsWith(
                QLatin1String("China Integrated Circuit Industry Investment Fund (Big Fund)")))
            fund = index;
    }
    QVERIFY(fund.isValid());
    QVERIFY(fund.data().toString().contains(QStringLiteral("国家集成电路产业投资基金")));
    QModelIndex phase;
    for (int row = 0; row < model->rowCount(fund); ++row) {
        const QModelIndex index = model->index(row, 0, fund);
        if (index.data().toString().startsWith(QLatin1String("Phase II (")))
            phase = index;
    }
    QVERIFY(phase.isValid());
    tree->expand(fund);
    tree->scrollTo(phase);
    const QRect rect = tree->visualRect(phase);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());

    QTRY_COMPARE(m_window->sharedFilter().filter().phases, QList<qint64> { phaseII });
    QVERIFY(m_window->sharedFilter().filter().funds.isEmpty());

    // The Holdings page lists exactly the companies Phase II paid (cancelled events aside).
    QSet<qint64> expected;
    QSqlQuery q(m_db->connection());
    QVERIFY(q.prepare(QStringLiteral("SELECT DISTINCT investee_id FROM disbursements WHERE phase_id = ?"
                                     " AND status <> 'cancelled'")));
    q.addBindValue(phaseII);
    QVERIFY(q.exec());
    while (q.next())
        expected.insert(q.value(0).toLongLong());
    QVERIFY(expected.size() >= 5);
    QTableView *holdings = table(QStringLiteral("holdingsTable"));
    QVERIFY(holdings);
    // Pages are brought up to date when shown, as the user opens the tab.
    m_window->pages()->setCurrentWidget(m_window->holdingsPage());
    QTRY_COMPARE(holdings->model()->rowCount(), int(expected.size()));
    const QList<qint64> shown = column(holdings, InvesteeTableModel::IdRole);
    QCOMPARE(QSet<qint64>(shown.cbegin(), shown.cend()), expected);
    // The largest holding comes first (the page sorts by invested, descending).
    const double first = holdings->model()
                             ->index(0, InvesteeTableModel::Invested)
                             .data(InvesteeTableModel::SortRole)
                             .toDouble();
    for (int row = 1; row < holdings->model()->rowCount(); ++row)
        QVERIFY(holdings->model()
                    ->index(row, InvesteeTableModel::Invested)
                    .data(InvesteeTableModel::SortRole)
                    .toDouble()
            <= first);
    // The status bar says what the data is narrowed to, and how many events are in view.
    QTRY_VERIFY(statusText().contains(QLatin1String("Phase II")));
    const qint64 events = scalar(*m_db,
        QStringLiteral("SELECT count(*) FROM disbursements WHERE phase_id = ?"
                       " AND status <> 'cancelled'"),
        { phaseII });
    QVERIFY2(statusText().contains(QStringLiteral("%L1 disbursements in view").arg(events)),
        qPrintable(statusText()));
}

void TestMainWindow::chineseNameInFilterFindsTheCompany()
{
    m_window->pages()->setCurrentWidget(m_window->disbursementsPage());
    QLineEdit *edit = filterText();
    QVERIFY(edit);
    edit->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(edit->hasFocus());
    typeText(edit, QStringLiteral("长鑫"));
    QCOMPARE(edit->text(), QStringLiteral("长鑫"));
    // The filter follows once the typing pauses (a short debounce).
    QTRY_COMPARE(m_window->sharedFilter().filter().text, QStringLiteral("长鑫"));

    QSet<qint64> companies;
    QSqlQuery q(m_db->connection());
    QVERIFY(
        q.exec(QStringLiteral("SELECT id FROM investees WHERE instr(name_zh, '长鑫') OR instr(name, '长鑫')"
                              " OR instr(ifnull(ticker, ''), '长鑫')")));
    while (q.next())
        companies.insert(q.value(0).toLongLong());
    QVERIFY(companies.size() >= 1);
    QCOMPARE(
        scalar(*m_db,
            QStringLiteral("SELECT count(*) FROM funds WHERE instr(name_zh, '长鑫') OR instr(name, '长鑫')")),
        qint64(0));
    const qint64 expected = scalar(*m_db,
        QStringLiteral("SELECT count(*) FROM disbursements WHERE status <> 'cancelled'"
                       " AND investee_id IN (SELECT id FROM investees"
                       " WHERE instr(name_zh, '长鑫') OR instr(name, '长鑫'))"));
    QVERIFY(expected >= 2);
    QTableView *view = table(QStringLiteral("disbursementsTable"));
    QTRY_COMPARE(view->model()->rowCount(), int(expected));
    for (qint64 investee : column(view, DisbursementTableModel::InvesteeIdRole))
        QVERIFY(companies.contains(investee));
    QVERIFY(view->model()
                ->index(0, DisbursementTableModel::Investee)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("长鑫")));
    QTRY_VERIFY(statusText().contains(QStringLiteral("%L1 disbursements in view").arg(expected)));

    // Clearing the box brings everything back.
    edit->clear();
    QTRY_VERIFY(m_window->sharedFilter().filter().text.isEmpty());
    QTRY_COMPARE(view->model()->rowCount(),
        int(scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE status <> 'cancelled'"))));
}

void TestMainWindow::amountHeaderSortsTheWholeResult()
{
    QTableView *view = table(QStringLiteral("disbursementsTable"));
    QVERIFY(view);
    m_window->pages()->setCurrentWidget(m_window->disbursementsPage());
    QTRY_VERIFY(view->isVisible());
    for (int click = 0; click < 2; ++click) {
        clickHeader(view, DisbursementTableModel::Amount);
        QHeaderView *header = view->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), int(DisbursementTableModel::Amount));
        const bool descending = header->sortIndicatorOrder() == Qt::DescendingOrder;
        // Every row, not only those painted, in amount order (undisclosed below any amount).
        const QString direction = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
        QList<qint64> expected;
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(
            QStringLiteral("SELECT id FROM disbursements WHERE status <> 'cancelled' ORDER BY amount_minor")
            + direction + QStringLiteral(", id") + direction));
        while (q.next())
            expected.append(q.value(0).toLongLong());
        QCOMPARE(column(view, DisbursementTableModel::IdRole), expected);
        QVariant previous
            = view->model()->index(0, DisbursementTableModel::Amount).data(DisbursementTableModel::SortRole);
        for (int row = 1; row < view->model()->rowCount(); ++row) {
            const QVariant amount = view->model()
                                        ->index(row, DisbursementTableModel::Amount)
                                        .data(DisbursementTableModel::SortRole);
            if (previous.isValid() && amount.isValid())
                QVERIFY(descending ? amount.toLongLong() <= previous.toLongLong()
                                   : amount.toLongLong() >= previous.toLongLong());
            else if (previous.isValid() != amount.isValid())
                QCOMPARE(amount.isValid(), !descending); // undisclosed first ascending, last descending
            previous = amount;
        }
        const QString lastAmount = view->model()
                                       ->index(view->model()->rowCount() - 1, DisbursementTableModel::Amount)
                                       .data()
                                       .toString();
        QCOMPARE(lastAmount == QLatin1String("undisclosed"), descending);
    }
}

void TestMainWindow::ctrlCCopiesRowsAsTsvWithHeader()
{
    QTableView *view = table(QStringLiteral("disbursementsTable"));
    m_window->pages()->setCurrentWidget(m_window->disbursementsPage());
    QTRY_VERIFY(view->isVisible());
    view->scrollToTop();
    const QRect first = view->visualRect(view->model()->index(0, DisbursementTableModel::Investee));
    const QRect fifth = view->visualRect(view->model()->index(4, DisbursementTableModel::Investee));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, first.center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, fifth.center());
    QCOMPARE(view->selectionModel()->selectedRows().size(), 5);
    QTRY_VERIFY(view->hasFocus());
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);

    const QString text = QGuiApplication::clipboard()->text();
    QVERIFY2(text.endsWith(QLatin1Char('\n')), qPrintable(text));
    const QStringList lines = text.chopped(1).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 6);
    QStringList titles;
    for (int c = 0; c < view->model()->columnCount(); ++c) {
        if (!view->isColumnHidden(c))
            titles.append(view->model()->headerData(c, Qt::Horizontal).toString());
    }
    QCOMPARE(lines.first(), titles.join(QLatin1Char('\t')));
    for (int row = 0; row < 5; ++row) {
        const QStringList cells = lines.at(row + 1).split(QLatin1Char('\t'));
        QCOMPARE(cells.size(), titles.size());
        QCOMPARE(cells.at(DisbursementTableModel::Investee),
            view->model()->index(row, DisbursementTableModel::Investee).data().toString());
        QCOMPARE(cells.at(DisbursementTableModel::Amount),
            view->model()->index(row, DisbursementTableModel::Amount).data().toString());
        QCOMPARE(cells.at(DisbursementTableModel::Date),
            view->model()->index(row, DisbursementTableModel::Date).data().toString());
    }
}

void TestMainWindow::statusBarCountsRowsInView()
{
    const qint64 live
        = scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE status <> 'cancelled'"));
    // The status bar follows the page in view (MainWindow's follow-up, just after its paint).
    QTRY_VERIFY2(statusText().contains(QStringLiteral("%L1 disbursements in view").arg(live)),
        qPrintable(statusText()));
    QVERIFY(statusText().contains(m_db->path()));
    QVERIFY(statusText().contains(QLatin1String("All data")));
    Filter purchases;
    purchases.types = { QStringLiteral("equity purchase") };
    m_window->sharedFilter().setFilter(purchases);
    const qint64 bought = scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE status <> 'cancelled'"
                                                       " AND type = 'equity purchase'"));
    QVERIFY(bought > 0 && bought < live);
    QTRY_VERIFY2(statusText().contains(QStringLiteral("%L1 disbursements in view").arg(bought)), qPrintable(statusText()));
    QVERIFY(statusText().contains(QLatin1String("Type: equity purchase")));
}


void TestMainWindow::navigatorTotalsFollowFilterAndEdits()
{
    auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("navigatorTree"));
    QVERIFY(tree);
    const qint64 phaseII = bigFundPhaseII();
    auto eventsShown = [&] {
        const QAbstractItemModel *model = tree->model();
        for (int f = 0; f < model->rowCount(); ++f) {
            const QModelIndex fund = model->index(f, 0);
            for (int p = 0; p < model->rowCount(fund); ++p) {
                const QModelIndex phase = model->index(p, FundTreeModel::Events, fund);
                if (phase.data(FundTreeModel::PhaseIdRole).toLongLong() == phaseII)
                    return phase.data().toLongLong();
            }
        }
        return qint64(-1);
    };
    auto eventsInSql = [&](const QString &confidence) {
        return scalar(*m_db,
            QStringLiteral("SELECT count(*) FROM disbursements WHERE phase_id = ? AND status <> 'cancelled'"
                           " AND (ifnull(?, '') = '' OR confidence = ?)"),
            { phaseII, confidence, confidence });
    };
    const qint64 all = eventsInSql(QString());
    QVERIFY(all > 1);
    QTRY_COMPARE(eventsShown(), all);

    // The navigator's totals follow every restriction but the fund/phase choice itself.
    Filter filter;
    filter.confidences = { QStringLiteral("high") };
    m_window->sharedFilter().setFilter(filter);
    const qint64 sure = eventsInSql(QStringLiteral("high"));
    QVERIFY(sure > 0 && sure < all);
    QTRY_COMPARE(eventsShown(), sure);
    filter.phases = { phaseII };
    m_window->sharedFilter().setFilter(filter);
    QCOMPARE(eventsShown(), sure);

    // An edit reloads the totals: deleting one of the phase's events counts one fewer, undo restores it.
    m_window->sharedFilter().clear();
    QTRY_COMPARE(eventsShown(), all);
    const qint64 event = scalar(*m_db,
        QStringLiteral("SELECT min(id) FROM disbursements WHERE phase_id = ? AND status <> 'cancelled'"), { phaseII });
    EditSession *session = m_window->editActions()->session();
    QVERIFY(session->deleteRecords(RecordKind::Disbursement, { event }, false));
    QTRY_COMPARE(eventsShown(), all - 1);
    session->undoStack()->undo();
    QTRY_COMPARE(eventsShown(), all);
}

void TestMainWindow::upgradeNoticeOnlyForOlderFiles()
{
    // The open database is at this build's version: nothing to say.
    QVERIFY(!UpgradeNotice::showIfNeeded(m_db->path()));
    // A file stamped one version older is upgraded on opening: the notice shows until dropped,
    // and the file opens at the current version afterwards.
    const QString older = m_dir->filePath(QStringLiteral("older.db"));
    {
        Database db;
        QCOMPARE(db.open(older, Database::OpenMode::CreateNew), Database::Status::Ok);
        QVERIFY(QSqlQuery(db.connection()).exec(
            QStringLiteral("PRAGMA user_version = %1").arg(Database::schemaVersion() - 1)));
    }
    QCOMPARE(Database::storedVersion(older), Database::schemaVersion() - 1);
    {
        const std::unique_ptr<QProgressDialog> notice = UpgradeNotice::showIfNeeded(older);
        QVERIFY(notice);
        QVERIFY(notice->isVisible());
        QVERIFY(notice->labelText().contains(QStringLiteral("older.db")));
        Database db;
        QCOMPARE(db.open(older, Database::OpenMode::OpenExisting), Database::Status::Ok);
    }
    QCOMPARE(Database::storedVersion(older), Database::schemaVersion());
    QVERIFY(!UpgradeNotice::showIfNeeded(older));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
