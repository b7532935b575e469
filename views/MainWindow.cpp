#include "MainWindow.h"

#include "AggregationEngine.h"
#include "AnalyticsService.h"
#include "Format.h"
#include "FundTableModel.h"
#include "FundsPage.h"
#include "InvesteeRepository.h"
#include "InvesteeTableModel.h"
#include "InvesteesPage.h"
#include "Database.h"
#include "DashboardData.h"
#include "DashboardPage.h"
#include "DashboardSnapshot.h"
#include "DataRevision.h"
#include "DetailHtml.h"
#include "DetailPane.h"
#include "DisbursementRepository.h"
#include "DisbursementTableModel.h"
#include "DisbursementsPage.h"
#include "EditActions.h"
#include "EditSession.h"
#include "ExportActions.h"
#include "FilterBar.h"
#include "FundRepository.h"
#include "FundTreeModel.h"
#include "ImportActions.h"
#include "HistoryPage.h"
#include "NavigatorPanel.h"
#include "SharedFilter.h"
#include "TableSupport.h"
#include "UpgradeNotice.h"
#include "VocabularyRepository.h"

#include <QAction>
#include <QActionGroup>
#include <QStyle>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QScreen>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

MainWindow::MainWindow(Database &db, QWidget *parent) : QMainWindow(parent), m_db(db)
{
    setObjectName(QStringLiteral("mainWindow"));
    // A large database's totals load on a worker from now on, while the window is being built
    // (about 40 ms of this thread at a million rows, the Disbursements model's count included);
    // reloadAll() below does not start it again. A small one loads there, in place, once the
    // window is connected to the service's signals.
    m_analytics = new AnalyticsService(m_db, this);
    m_analyticsStarted = m_analytics->startInBackground();
    m_filter = new SharedFilter(this);
    m_fundTree = new FundTreeModel(this);
    m_disbursements = new DisbursementTableModel(m_db, this);
    m_investees = new InvesteeTableModel(this);
    m_fundTable = new FundTableModel(this);
    m_disbursements->setCounter([this](const Filter &filter) { return m_analytics->count(filter); });

    m_navigator = new NavigatorPanel(*m_fundTree, this);
    m_filterBar = new FilterBar(*m_filter, m_names, this);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_dashboard = new DashboardPage(this);
    m_holdingsPage = new InvesteesPage(InvesteesPage::Mode::Holdings, *m_investees, this);
    m_disbursementsPage = new DisbursementsPage(*m_disbursements, this);
    m_investeesPage = new InvesteesPage(InvesteesPage::Mode::Investees, *m_investees, this);
    m_fundsPage = new FundsPage(*m_fundTable, this);
    addPage(m_dashboard, tr("Dash&board"));
    addPage(m_holdingsPage, tr("&Holdings"));
    addPage(m_disbursementsPage, tr("&Disbursements"));
    addPage(m_investeesPage, tr("&Investees"));
    addPage(m_fundsPage, tr("F&unds"));
    m_detail = new DetailPane(this);

    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_filterBar);
    centreLayout->addWidget(m_pages, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({ 340, 900, 320 });
    setCentralWidget(m_splitter);

    m_statusDatabase = new QLabel(this);
    m_statusRows = new QLabel(this);
    m_statusFilter = new QLabel(this);
    m_statusFilter->setMaximumWidth(700);
    m_statusFilter->setMinimumWidth(100);
    m_statusDatabase->setMinimumWidth(100);
    statusBar()->addWidget(m_statusDatabase);
    statusBar()->addWidget(m_statusRows);
    statusBar()->addPermanentWidget(m_statusFilter);

    createMenus();
    applyTheme(QSettings().value(QStringLiteral("window/theme"), QStringLiteral("system")).toString());

    // A short delay, not a queued call: the page in view repaints first. Charts need two rounds
    // of posted events (scene, then view) and their own paint before they are on screen, which a
    // zero or 20 ms timer overtook at a million rows (the dashboard's one-sector change: 112 ms
    // to its paint with 20 ms, 76 with 50); 50 ms later the navigator is still prompt.
    m_followUp = new QTimer(this);
    m_followUp->setSingleShot(true);
    m_followUp->setInterval(50);
    connect(m_followUp, &QTimer::timeout, this, &MainWindow::followUp);
    connect(m_filter, &SharedFilter::changed, this, &MainWindow::onFilterChanged);
    connect(m_navigator, &NavigatorPanel::picked, this, [this](qint64 fundId, qint64 phaseId) {
        Filter f = m_filter->filter();
        f.funds = (fundId && !phaseId) ? QList<qint64> { fundId } : QList<qint64> {};
        f.phases = phaseId ? QList<qint64> { phaseId } : QList<qint64> {};
        m_filter->setFilter(f);
    });
    connect(m_disbursementsPage, &DisbursementsPage::currentDisbursementChanged, this, [this](qint64 id) {
        if (const auto record = DisbursementRepository(m_db).byId(id))
            m_detail->showDisbursement(*record);
        else
            m_detail->showNothing();
    });
    for (InvesteesPage *page : { m_holdingsPage, m_investeesPage })
        connect(page, &InvesteesPage::currentInvesteeChanged, this, &MainWindow::showInvestee);
    connect(m_investeesPage, &InvesteesPage::openRequested, this, [this](qint64 investeeId) {
        Filter f = m_filter->filter();
        f.investees = { investeeId };
        m_filter->setFilter(f);
        m_pages->setCurrentWidget(m_disbursementsPage);
    });
    connect(m_holdingsPage, &InvesteesPage::openRequested, this, [this](qint64 investeeId) {
        Filter f = m_filter->filter();
        f.investees = { investeeId };
        m_filter->setFilter(f);
        m_pages->setCurrentWidget(m_disbursementsPage);
    });
    connect(m_fundsPage, &FundsPage::currentFundChanged, this, &MainWindow::showFund);
    connect(m_fundsPage, &FundsPage::openRequested, this, [this](qint64 fundId) {
        Filter f = m_filter->filter();
        f.funds = { fundId };
        f.phases.clear();
        m_filter->setFilter(f);
        m_pages->setCurrentWidget(m_holdingsPage);
    });
    connect(m_analytics, &AnalyticsService::ready, this, [this] {
        invalidateTotals();
        refreshShown();
        m_followUp->start();
    });
    connect(m_dashboard, &DashboardPage::drillRequested, m_filter, &SharedFilter::setFilter);
    connect(m_pages, &QTabWidget::currentChanged, this, [this] {
        // The dashboard has no rows to detail: it gets the detail pane's width instead.
        m_detail->setVisible(m_pages->currentWidget() != m_dashboard);
        if (m_pages->currentWidget() == m_disbursementsPage)
            m_disbursements->setFilter(m_filter->filter());
        refreshShown();
    });
    connect(m_analytics, &AnalyticsService::loadFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Totals could not be computed: %1").arg(message));
    });
    connect(m_disbursementsPage, &DisbursementsPage::openRequested, this, [this](qint64 id) {
        if (const auto record = DisbursementRepository(m_db).byId(id))
            m_detail->showDisbursement(*record);
        m_detail->show();
        m_detail->setFocus(Qt::OtherFocusReason);
    });
    connect(m_disbursements, &DisbursementTableModel::queryFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Query failed: %1").arg(message), 10000);
    });

    setupEditing();
    reloadAll();
    restoreSettings();
}

MainWindow::~MainWindow()
{
    saveDueSnapshot(); // closed before the follow-up ran
}

void MainWindow::applyTheme(const QString &mode)
{
    static const QPalette systemPalette = QApplication::palette();
    static const QString systemStyle = QApplication::style()->name();
    if (mode == QLatin1String("dark")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
        dark.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3a));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb4));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3a));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xf0));
        for (QPalette::ColorRole role : { QPalette::Text, QPalette::ButtonText, QPalette::WindowText })
            dark.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
        QApplication::setPalette(dark);
    } else if (mode == QLatin1String("light")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setStyle(systemStyle);
        QApplication::setPalette(systemPalette);
    }
}

void MainWindow::addPage(QWidget *page, const QString &title)
{
    m_pages->addTab(page, title);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    // No shortcut: Ctrl+N adds a record of the current page's kind (EditActions).
    file->addAction(tr("&New database…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New database"), QString(),
                                                          tr("Fundscope databases (*.db *.sqlite)"));
        if (!path.isEmpty())
            openDatabase(path, true);
    });
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open database"), QFileInfo(m_db.path()).absolutePath(),
                                                          tr("Fundscope databases (*.db *.sqlite);;All files (*)"));
        if (!path.isEmpty())
            openDatabase(path, false);
    });
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    auto *imports = new ImportActions(m_db, *this);
    imports->addFileActions(file);
    auto *exports = new ExportActions(m_db, *this);
    exports->addFileActions(file);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_editMenu = edit;
    // The one Ctrl+C of the window (a second one on each view made the shortcut ambiguous, so
    // neither fired): the focused list (navigator or table) first, else the current page's table.
    // Text fields keep their own Ctrl+C.
    edit->addAction(tr("&Copy rows"), QKeySequence::Copy, this, [this] {
        auto *view = qobject_cast<QAbstractItemView *>(QApplication::focusWidget());
        if (!view)
            view = m_pages->currentWidget()->findChild<QAbstractItemView *>();
        if (view)
            TableSupport::copySelection(view);
    });
    edit->addAction(tr("Select &all rows"), QKeySequence::SelectAll, this, [this] {
        if (auto *view = m_pages->currentWidget()->findChild<QAbstractItemView *>())
            view->selectAll();
    });
    exports->addEditActions(edit);
    edit->addSeparator();
    edit->addAction(tr("&Find…"), QKeySequence::Find, m_filterBar, &FilterBar::focusSearch);
    edit->addAction(tr("C&lear filter"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), m_filter,
                    &SharedFilter::clear);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    for (int i = 0; i < m_pages->count(); ++i) {
        view->addAction(m_pages->tabText(i), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)), this,
                        [this, i] { m_pages->setCurrentIndex(i); });
    }
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("window/theme"), QStringLiteral("system")).toString();
    for (const auto &[key, title] : { std::pair { QStringLiteral("system"), tr("Follow the &system") },
                                      std::pair { QStringLiteral("light"), tr("&Light") },
                                      std::pair { QStringLiteral("dark"), tr("&Dark") } }) {
        QAction *action = theme->addAction(title);
        action->setCheckable(true);
        action->setChecked(key == current);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [key] {
            QSettings().setValue(QStringLiteral("window/theme"), key);
            applyTheme(key);
        });
    }
    view->addSeparator();
    view->addAction(tr("&Refresh"), QKeySequence::Refresh, this, [this] {
        m_disbursements->reload();
        reloadAll();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Fundscope"), this, [this] {
        QMessageBox::about(this, tr("About Fundscope"),
                           tr("<b>Fundscope %1</b><p>State-led technology investment: funds, phases, the "
                              "companies they fund and every commitment and disbursement, with sources.</p>")
                                   .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::reloadAll()
{
    // The Disbursements model is not re-read here: its constructor has just counted, and the
    // callers that change the data under it reload it first.
    const QList<FundRecord> funds = FundRepository(m_db).all();
    m_names.load(m_db, funds);
    m_fundTree->setFunds(funds);
    m_fundTable->setFunds(funds);
    const VocabularyRepository vocabulary(m_db);
    m_sectors = vocabulary.sectors();
    m_provinceIds.clear();
    for (const VocabularyItem &province : vocabulary.provinces())
        m_provinceIds.append(province.id);
    QList<VocabularyItem> regions = vocabulary.provinces();
    for (const VocabularyItem &country : vocabulary.countries()) {
        if (country.name != QLatin1String("China"))
            regions.append(country);
    }
    m_filterBar->setVocabularies(vocabulary.sectors(), regions);
    m_unfilteredRevision.reset();
    invalidateTotals();
    m_snapshotTried = false;
    if (!std::exchange(m_analyticsStarted, false))
        m_analytics->reload(); // a small database is ready (and its pages filled) on return
    onFilterChanged(m_filter->filter());
    setWindowTitle(tr("%1 — Fundscope").arg(QFileInfo(m_db.path()).fileName()));
}

void MainWindow::onFilterChanged(const Filter &filter)
{
    // The page in view first; the navigator, the hidden Disbursements model and the status bar
    // once it has painted (m_followUp), so what the user looks at is not held up by the rest.
    if (m_pages->currentWidget() == m_disbursementsPage)
        m_disbursements->setFilter(filter);
    refreshShown();
    m_navigator->showSelection(filter.funds.value(0), filter.phases.value(0));
    m_followUp->start();
}

bool MainWindow::followUpPending() const
{
    return m_followUp->isActive();
}

void MainWindow::followUp()
{
    saveDueSnapshot();
    m_disbursements->setFilter(m_filter->filter()); // nothing to do if the page in view did it
    if (m_analytics->isReady())
        refreshNavigator();
    updateStatus();
}

void MainWindow::invalidateTotals()
{
    m_navigatorFor.reset();
    m_fundsFor.reset();
    m_investeesFor.reset();
    m_investeeRecords.reset();
    // The unfiltered dashboard stays when the loaded totals are of the data it was computed from
    // (a kept snapshot, shown before the cache was ready): showing it again would only repaint.
    const bool sameData = m_unfilteredRevision && m_analytics->revision() == m_unfilteredRevision;
    if (!sameData) {
        m_unfilteredDashboard.reset();
        m_unfilteredRevision.reset();
    }
    if (!sameData || m_dashboardFor != Filter())
        m_dashboardFor.reset();
}

Filter MainWindow::everyFund(Filter filter)
{
    // The navigator and the Funds page list every fund, so their totals follow every
    // restriction except the fund/phase choice itself.
    filter.funds.clear();
    filter.phases.clear();
    return filter;
}

void MainWindow::refreshShown()
{
    // Nothing is computed for a window not yet on screen: the page restored from the settings
    // (or set by the caller) before show() is the one showEvent() brings up to date.
    if (!isVisible())
        return;
    if (!m_analytics->isReady()) {
        m_holdingsPage->setHeading(tr("Computing totals…"));
        m_investeesPage->setHeading(tr("Computing totals…"));
        const Filter filter = m_filter->filter();
        if (m_pages->currentWidget() == m_dashboard && !m_snapshotTried) {
            // Last session's unfiltered dashboard, if the data has not changed since: shown
            // while the aggregation cache loads (read only when the dashboard is in view).
            m_snapshotTried = true;
            if (const std::optional<DataRevision> revision = DataRevision::read(m_db)) {
                if (std::optional<DashboardData> kept = DashboardSnapshot::load(m_db.path(), *revision)) {
                    m_unfilteredDashboard = std::move(kept);
                    m_unfilteredRevision = revision;
                }
            }
        }
        // Only while the data is still the state it was computed from: after an edit, the
        // totals reload and the kept figures are out of date until they are recomputed.
        if (m_unfilteredDashboard && m_unfilteredDashboard->filter == filter && m_unfilteredRevision
            && DataRevision::read(m_db) == m_unfilteredRevision) {
            // Kept (from this session or the last) for this very state of the data.
            if (m_dashboardFor != filter && m_pages->currentWidget() == m_dashboard) {
                m_dashboardFor = filter;
                m_dashboard->setData(*m_unfilteredDashboard);
            }
        } else {
            m_dashboardFor.reset();
            m_dashboard->setUnavailable(tr("Computing totals…"));
        }
        return;
    }
    // Only the page in view is brought up to date (the others when they are shown): a filter
    // change at a million events must not rebuild 50,000 hidden investee rows.
    QWidget *page = m_pages->currentWidget();
    if (page == m_dashboard)
        refreshDashboard();
    else if (page == m_holdingsPage || page == m_investeesPage)
        refreshInvestees();
    else if (page == m_fundsPage)
        refreshFundsPage();
}

void MainWindow::refreshNavigator()
{
    const Filter filter = everyFund(m_filter->filter());
    if (m_navigatorFor == filter)
        return;
    m_navigatorFor = filter;
    AggregateResult byPhase;
    QString error;
    QHash<qint64, FundTreeModel::PhaseTotal> totals;
    if (m_analytics->aggregate(Dimension::Phase, filter, &byPhase, &error)) {
        totals.reserve(byPhase.rows.size());
        for (const AggregateRow &row : std::as_const(byPhase.rows))
            totals.insert(row.keyId, { row.invested, row.events });
    } else {
        m_navigatorFor.reset(); // tried again at the next refresh
        statusBar()->showMessage(tr("Totals could not be computed: %1").arg(error), 10000);
    }
    m_fundTree->setTotals(totals, filter.currency);
}

void MainWindow::refreshFundsPage()
{
    const Filter filter = everyFund(m_filter->filter());
    if (m_fundsFor == filter)
        return;
    m_fundsFor = filter;
    AggregateResult byFund;
    QString error;
    QHash<qint64, FundTableModel::Deployed> deployed;
    if (m_analytics->aggregate(Dimension::Fund, filter, &byFund, &error)) {
        for (const AggregateRow &row : std::as_const(byFund.rows))
            deployed.insert(row.keyId, { row.invested, row.committed, row.events });
    } else {
        m_fundsFor.reset();
        statusBar()->showMessage(tr("Totals could not be computed: %1").arg(error), 10000);
    }
    m_fundTable->setDeployed(deployed, filter.currency);
}

void MainWindow::refreshInvestees()
{
    const Filter filter = m_filter->filter();
    if (m_investeesFor == filter)
        return;
    m_investeesFor = filter;
    AggregateResult byInvestee;
    QString error;
    QList<InvesteeRow> rows;
    if (m_analytics->aggregate(Dimension::Investee, filter, &byInvestee, &error)) {
        // The records are read once per change of the data, not once per filter.
        if (!m_investeeRecords)
            m_investeeRecords = InvesteeRepository(m_db).all();
        rows.reserve(byInvestee.rows.size());
        for (const AggregateRow &a : std::as_const(byInvestee.rows)) {
            InvesteeRow row;
            row.investee = m_investeeRecords->value(a.keyId);
            row.invested = a.invested;
            row.committed = a.committed;
            row.divested = a.divested;
            row.events = a.events;
            row.funds = a.funds;
            row.undisclosed = a.undisclosed;
            row.withoutRate = a.withoutRate;
            row.firstDate = a.firstDate;
            row.lastDate = a.lastDate;
            row.latestStake = a.latestStake;
            rows.append(row);
        }
    } else {
        m_investeesFor.reset();
        statusBar()->showMessage(tr("Totals could not be computed: %1").arg(error), 10000);
    }
    m_investees->setRows(rows, filter.currency);
    const QString scope = filter.phases.size() == 1 ? m_names.phaseName(filter.phases.constFirst())
            : filter.funds.size() == 1             ? m_names.fundName(filter.funds.constFirst())
                                                   : tr("all funds in view");
    const QString apart = byInvestee.totals.undisclosed || byInvestee.totals.withoutRate
            ? tr(" · %1 undisclosed, %2 without a %3 rate (counted apart)")
                      .arg(byInvestee.totals.undisclosed)
                      .arg(byInvestee.totals.withoutRate)
                      .arg(filter.currency)
            : QString();
    m_holdingsPage->setHeading(tr("<b>Holdings of %1</b> — %L2 investees, %3 %4 invested, %3 %5 committed%6")
                                       .arg(scope.toHtmlEscaped())
                                       .arg(rows.size())
                                       .arg(filter.currency, Format::money(byInvestee.totals.invested),
                                            Format::money(byInvestee.totals.committed), apart));
    m_investeesPage->setHeading(tr("<b>%L1 investees</b> received money under the filter%2").arg(rows.size()).arg(apart));
}

void MainWindow::refreshDashboard()
{
    const Filter filter = m_filter->filter();
    if (m_dashboardFor == filter)
        return;
    m_dashboardFor = filter;
    // The unfiltered dashboard is the start state, where Clear and the breadcrumb's first step
    // return: kept until the data changes, as the one pass over every row is its dearest case.
    if (m_unfilteredDashboard && m_unfilteredDashboard->filter == filter) {
        m_dashboard->setData(*m_unfilteredDashboard);
        return;
    }
    DashboardData data;
    QString error;
    if (!DashboardData::compute(*m_analytics, m_sectors, m_provinceIds, filter, &data, &error)) {
        m_dashboardFor.reset();
        m_dashboard->setUnavailable(error);
        return;
    }
    if (filter.isEmpty()) {
        m_unfilteredDashboard = data;
        m_unfilteredRevision = m_analytics->revision();
        // Kept for the next session once the charts have painted (writing it took 15 ms).
        m_snapshotDue = filter == Filter();
        m_followUp->start();
    }
    m_dashboard->setData(data);
}

void MainWindow::saveDueSnapshot()
{
    if (!std::exchange(m_snapshotDue, false) || !m_unfilteredDashboard || !m_unfilteredRevision)
        return;
    // The start state of the next session (DashboardSnapshot); a failure only costs that. Under
    // the stamp the database has now: if the data changed, or another database was opened since,
    // the totals no longer describe it.
    if (DataRevision::read(m_db) == m_unfilteredRevision)
        DashboardSnapshot::save(m_db.path(), *m_unfilteredRevision, *m_unfilteredDashboard);
}

void MainWindow::showInvestee(qint64 investeeId, qint64 subFundId)
{
    const auto investee = InvesteeRepository(m_db).byId(investeeId);
    if (!investee) {
        m_detail->showNothing();
        return;
    }
    DetailHtml::Investee details;
    details.investee = *investee;
    details.payers = InvesteeRepository(m_db).payers(investeeId);
    if (subFundId) {
        // Look-through: the sub-fund's own holdings, under the same filter otherwise.
        Filter inner = m_filter->filter();
        inner.funds = { subFundId };
        inner.phases.clear();
        inner.investees.clear();
        AggregateResult holdings;
        QString error;
        if (!m_analytics->aggregate(Dimension::Investee, inner, &holdings, &error))
            holdings.rows.clear();
        details.lookThrough = holdings;
    }
    Filter own;
    own.investees = { investeeId };
    own.statuses = { QStringLiteral("announced"), QStringLiteral("committed"), QStringLiteral("completed"),
                     QStringLiteral("cancelled") };
    DisbursementRepository(m_db).stream(own, DisbursementRepository::Sort::Date, false, 0, 200,
                                        [&](const DisbursementRecord &r) {
                                            details.timeline.append(r);
                                            return true;
                                        });
    m_detail->setHtml(DetailHtml::investee(details));
}

void MainWindow::showFund(qint64 fundId)
{
    for (const FundRecord &f : m_fundTree->funds()) {
        if (f.id == fundId) {
            m_detail->setHtml(DetailHtml::fund(f));
            return;
        }
    }
    m_detail->showNothing();
}

void MainWindow::updateStatus()
{
    m_statusDatabase->setText(m_db.path());
    m_statusRows->setText(tr("%L1 disbursements in view").arg(m_disbursements->rowCount()));
    const QString summary = m_names.describe(m_filter->filter());
    m_statusFilter->setText(m_statusFilter->fontMetrics().elidedText(summary, Qt::ElideRight, 680));
    m_statusFilter->setToolTip(summary);
}

bool MainWindow::openDatabase(const QString &path, bool create)
{
    // Try the new file on a separate gateway first, so a failure leaves the current one open.
    {
        const auto notice = UpgradeNotice::showIfNeeded(path, this);
        Database probe;
        const auto status = probe.open(path, create ? Database::OpenMode::CreateNew : Database::OpenMode::OpenExisting);
        if (status != Database::Status::Ok) {
            QMessageBox::warning(this, tr("Cannot open database"), probe.errorString());
            return false;
        }
    }
    if (m_db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
        QMessageBox::warning(this, tr("Cannot open database"), m_db.errorString());
        return false;
    }
    m_editActions->databaseChanged();
    m_filter->clear();
    m_disbursements->reload();
    reloadAll();
    rememberDatabase(path);
    return true;
}

void MainWindow::rememberDatabase(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentDatabases")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentDatabases"), recent);
    settings.setValue(QStringLiteral("lastDatabase"), absolute);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentDatabases")).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openDatabase(path, false); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(QGuiApplication::primaryScreen()->availableSize() * 0.92);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray()))
        m_splitter->setSizes({ 360, width() - 360 - 320, 320 });
    m_pages->setCurrentIndex(settings.value(QStringLiteral("window/page"), 0).toInt());
    m_detail->setVisible(m_pages->currentWidget() != m_dashboard);
    rememberDatabase(m_db.path());
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/page"), m_pages->currentIndex());
    m_disbursementsPage->saveState();
    m_holdingsPage->saveState();
    m_investeesPage->saveState();
    m_fundsPage->saveState();
    m_editActions->historyPage()->saveState();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    refreshShown();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::setupEditing()
{
    EditActions::Models models;
    models.disbursements = m_disbursements;
    models.investees = m_investees;
    models.funds = m_fundTable;
    models.fundTree = m_fundTree;
    models.analytics = m_analytics;
    models.detail = m_detail;
    m_editActions = new EditActions(*this, m_db, models);
    m_editActions->install(m_editMenu, m_viewMenu);
    addPage(m_editActions->historyPage(), tr("Hi&story"));
    QAction *firstSeparator = nullptr;
    for (QAction *a : m_viewMenu->actions()) {
        if (a->isSeparator()) {
            firstSeparator = a;
            break;
        }
    }
    auto *showHistory = new QAction(tr("Hi&story"), this);
    showHistory->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + m_pages->indexOf(m_editActions->historyPage()))));
    connect(showHistory, &QAction::triggered, this, [this] { m_pages->setCurrentWidget(m_editActions->historyPage()); });
    m_viewMenu->insertAction(firstSeparator, showHistory);

    connect(m_editActions, &EditActions::detailStale, this, [this](RecordKind kind, qint64 id) {
        switch (kind) {
        case RecordKind::Disbursement:
            if (const auto record = DisbursementRepository(m_db).byId(id))
                m_detail->showDisbursement(*record);
            else
                m_detail->showNothing();
            break;
        case RecordKind::Investee: {
            const auto investee = InvesteeRepository(m_db).byId(id);
            showInvestee(id, investee && investee->kind == QLatin1String("fund") ? investee->fundId : 0);
            break;
        }
        case RecordKind::Fund:
            showFund(id);
            break;
        case RecordKind::Phase:
            break;
        }
    });
    // Fund and phase names appear in the filter bar and the status line.
    connect(m_editActions->session(), &EditSession::recordsChanged, this, [this](const RecordChange &change) {
        if (change.kind == RecordKind::Fund || change.kind == RecordKind::Phase) {
            m_names.load(m_db);
            updateStatus();
        }
    });
    connect(m_editActions->session(), &EditSession::recordsChanged, this, [this](const RecordChange &change) {
        if (change.kind == RecordKind::Disbursement && change.type != RecordChange::Type::Changed)
            updateStatus();
        if (change.kind == RecordKind::Investee)
            m_investeeRecords.reset(); // the Investees model follows the edit itself
    });
}
