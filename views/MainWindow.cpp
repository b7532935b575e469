#include "MainWindow.h"

#include "AnalyticsService.h"
#include "AppTheme.h"
#include "BackgroundOpen.h"
#include "DashboardChartView.h"
#include "DashboardPage.h"
#include "Database.h"
#include "DetailPane.h"
#include "DisbursementTableModel.h"
#include "DisbursementsPage.h"
#include "EditActions.h"
#include "EditSession.h"
#include "ExportActions.h"
#include "FilterBar.h"
#include "FundsPage.h"
#include "HistoryPage.h"
#include "ImportActions.h"
#include "InvesteesPage.h"
#include "MainMenus.h"
#include "RecentDatabases.h"
#include "RestoreOffer.h"
#include "RollingBackups.h"
#include "NavigatorPanel.h"
#include "PaintNotifier.h"
#include "SharedFilter.h"
#include "StatusLine.h"
#include "UpgradeNotice.h"
#include "Workspace.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(Database &db, QWidget *parent) : QMainWindow(parent), m_db(db)
{
    setObjectName(QStringLiteral("mainWindow"));
    // First: a large database's totals start loading while the window builds itself.
    m_workspace = new Workspace(m_db, this);

    m_navigator = new NavigatorPanel(m_workspace->fundTree(), this);
    m_filterBar = new FilterBar(m_workspace->filter(), m_workspace->names(), this);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_dashboard = new DashboardPage(this);
    m_holdingsPage = new InvesteesPage(InvesteesPage::Mode::Holdings, m_workspace->investees(), this);
    m_disbursementsPage = new DisbursementsPage(m_workspace->disbursements(), this);
    m_investeesPage = new InvesteesPage(InvesteesPage::Mode::Investees, m_workspace->investees(), this);
    m_fundsPage = new FundsPage(m_workspace->fundTable(), this);
    for (QWidget *page : std::initializer_list<QWidget *> { m_dashboard, m_holdingsPage, m_disbursementsPage, m_investeesPage, m_fundsPage })
        m_pages->addTab(page, QString()); // titled in retranslateUi()
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

    m_status = new StatusLine(statusBar());

    connectWorkspace();
    setupEditing();
    retranslateUi();
    createMenus();
    AppTheme::apply(AppTheme::saved());
    m_workspace->reloadAll();
    restoreSettings();
    m_backups = new RollingBackups({}, this); // daily, off the UI thread (docs/reliability.md)
    connect(m_backups, &RollingBackups::backupMade, this, [this](const QString &, const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(tr("The daily backup failed: %1").arg(error), 15000);
    });
    m_backups->watch(m_db.path());
}

SharedFilter &MainWindow::sharedFilter() const
{
    return m_workspace->filter();
}

AnalyticsService &MainWindow::analytics() const
{
    return m_workspace->analytics();
}

bool MainWindow::followUpPending() const
{
    return m_workspace->followUpPending();
}

void MainWindow::connectWorkspace()
{
    Workspace *w = m_workspace;
    SharedFilter *filter = &w->filter();
    connect(w, &Workspace::reloaded, this, [this] {
        m_filterBar->setVocabularies(m_workspace->sectors(), m_workspace->filterRegions());
        retranslateUi();
    });
    connect(w, &Workspace::dashboardChanged, m_dashboard, &DashboardPage::setData);
    auto *painted = new PaintNotifier(this);
    for (DashboardChartView *view : m_dashboard->chartViews())
        painted->watch(view->viewport());
    painted->watch(m_disbursementsPage->view()->viewport());
    connect(painted, &PaintNotifier::painted, w, &Workspace::pagePainted);
    connect(w, &Workspace::dashboardUnavailable, m_dashboard, &DashboardPage::setUnavailable);
    connect(w, &Workspace::headingsChanged, this, [this](const QString &holdings, const QString &investees) {
        m_holdingsPage->setHeading(holdings);
        m_investeesPage->setHeading(investees);
    });
    connect(w, &Workspace::statusChanged, this, [this](const QString &rows, const QString &filter) {
        m_status->show(m_db.path(), rows, filter);
    });
    for (auto signal : { &Workspace::problem, &Workspace::notice }) {
        connect(w, signal, this, [this](const QString &message, int timeoutMs) {
            statusBar()->showMessage(message, timeoutMs);
        });
    }
    connect(filter, &SharedFilter::changed, this, [this](const Filter &f) {
        m_navigator->showSelection(f.funds.value(0), f.phases.value(0));
        m_detail->showNothing(); // its record may have left the view; a row picked shows again
    });
    connect(m_navigator, &NavigatorPanel::picked, w, &Workspace::narrowToFundOrPhase);
    connect(m_dashboard, &DashboardPage::drillRequested, filter, &SharedFilter::setFilter);
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::showPage);

    // A row picked on a page shows in the detail pane; a row opened, on the page listing its rows.
    connect(m_disbursementsPage, &DisbursementsPage::currentDisbursementChanged, this, &MainWindow::showDisbursement);
    connect(m_disbursementsPage, &DisbursementsPage::openRequested, this, [this](qint64 id) {
        showDisbursement(id);
        m_detail->show();
        m_detail->setFocus(Qt::OtherFocusReason);
    });
    for (InvesteesPage *page : { m_holdingsPage, m_investeesPage }) {
        connect(page, &InvesteesPage::currentInvesteeChanged, this, &MainWindow::showInvestee);
        connect(page, &InvesteesPage::openRequested, this, [this](qint64 investeeId) {
            m_workspace->narrowToInvestee(investeeId);
            m_pages->setCurrentWidget(m_disbursementsPage);
        });
    }
    connect(m_fundsPage, &FundsPage::currentFundChanged, this, &MainWindow::showFund);
    connect(m_fundsPage, &FundsPage::openRequested, this, [this](qint64 fundId) {
        m_workspace->narrowToFundOrPhase(fundId, 0);
        m_pages->setCurrentWidget(m_holdingsPage);
    });
}

void MainWindow::showPage()
{
    QWidget *page = m_pages->currentWidget();
    // The dashboard has no rows to detail (it takes the pane's width); a page starts with none.
    m_detail->setVisible(page != m_dashboard);
    m_detail->showNothing();
    const Workspace::Page shown = page == m_dashboard ? Workspace::Page::Dashboard
            : page == m_holdingsPage                 ? Workspace::Page::Holdings
            : page == m_disbursementsPage            ? Workspace::Page::Disbursements
            : page == m_investeesPage                ? Workspace::Page::Investees
            : page == m_fundsPage                    ? Workspace::Page::Funds
                                                     : Workspace::Page::Other;
    m_workspace->setShownPage(shown);
}

void MainWindow::createMenus()
{
    MainMenus::Parts parts;
    parts.window = this;
    parts.pages = m_pages;
    parts.filterBar = m_filterBar;
    parts.workspace = m_workspace;
    parts.edits = m_editActions;
    parts.imports = new ImportActions(m_db, { .window = this, .session = m_editActions->session() });
    parts.exports = new ExportActions(m_db, { .dialogParent = this, .pages = m_pages,
        .disbursementsPage = m_disbursementsPage, .investeesPage = m_investeesPage, .fundsPage = m_fundsPage,
        .dashboard = m_dashboard, .filter = &m_workspace->filter(), .analytics = &m_workspace->analytics(),
        .showMessage = [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); } });
    parts.unitsCombo = m_dashboard->findChild<QComboBox *>(QStringLiteral("unitsCombo"));
    parts.databasePath = [this] { return m_db.path(); };
    parts.openDatabase = [this](const QString &path, bool create) { return openDatabase(path, create); };
    m_menus = new MainMenus(parts, this);
    m_recent = m_menus->recent();
}

void MainWindow::retranslateUi()
{
    const QStringList titles { tr("Dash&board"), tr("&Holdings"), tr("&Disbursements"),
                               tr("&Investees"), tr("F&unds"), tr("Hi&story") };
    for (int i = 0; i < titles.size() && i < m_pages->count(); ++i)
        m_pages->setTabText(i, titles.at(i));
    if (m_db.isOpen())
        setWindowTitle(tr("%1 — Fundscope").arg(QFileInfo(m_db.path()).fileName()));
    if (m_menus)
        m_menus->retranslate();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_workspace->retranslate();
    }
}

void MainWindow::showDisbursement(qint64 id)
{
    if (const auto record = m_workspace->disbursement(id))
        m_detail->showDisbursement(*record);
    else
        m_detail->showNothing();
}

void MainWindow::showInvestee(qint64 investeeId, qint64 subFundId)
{
    if (const auto details = m_workspace->investeeDetails(investeeId, subFundId))
        m_detail->showInvestee(*details);
    else
        m_detail->showNothing();
}

void MainWindow::showFund(qint64 fundId)
{
    if (const auto fund = m_workspace->fund(fundId))
        m_detail->showFund(*fund);
    else
        m_detail->showNothing();
}

bool MainWindow::openDatabase(const QString &path, bool create)
{
    // Try the new file on a separate gateway first, on a worker (it may be checked or upgraded),
    // so a failure leaves the current one open and the window paints meanwhile.
    {
        const auto notice = UpgradeNotice::showIfNeeded(path, this);
        const auto probe = BackgroundOpen::run(
                path, create ? Database::OpenMode::CreateNew : Database::OpenMode::OpenExisting, this, !notice);
        if (probe.status == Database::Status::Corrupt)
            return RestoreOffer::offer(path, probe.error, this) && openDatabase(path, false);
        if (probe.status != Database::Status::Ok) {
            QMessageBox::warning(this, tr("Cannot open database"), probe.error);
            return false;
        }
    }
    m_db.skipNextOpenCheck();
    if (m_db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
        QMessageBox::warning(this, tr("Cannot open database"), m_db.errorString());
        return false;
    }
    m_editActions->databaseChanged();
    m_workspace->databaseOpened();
    m_recent->remember(path);
    m_backups->watch(path);
    return true;
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
    m_recent->remember(m_db.path());
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
    showPage();
    m_workspace->setActive(true);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::setupEditing()
{
    m_editActions = new EditActions(m_db, { .frame = this, .pages = m_pages,
        .disbursementsPage = m_disbursementsPage, .holdingsPage = m_holdingsPage,
        .investeesPage = m_investeesPage, .fundsPage = m_fundsPage, .navigator = m_navigator,
        .dashboard = m_dashboard, .detail = m_detail,
        .disbursements = &m_workspace->disbursements(), .investees = &m_workspace->investees(),
        .funds = &m_workspace->fundTable(), .fundTree = &m_workspace->fundTree(),
        .analytics = &m_workspace->analytics() });
    m_pages->addTab(m_editActions->historyPage(), QString());

    connect(m_editActions, &EditActions::detailStale, this, [this](RecordKind kind, qint64 id) {
        switch (kind) {
        case RecordKind::Disbursement:
            showDisbursement(id);
            break;
        case RecordKind::Investee:
            showInvestee(id, m_workspace->subFundOf(id));
            break;
        case RecordKind::Fund:
            showFund(id);
            break;
        case RecordKind::Phase:
            break;
        }
    });
    m_workspace->watch(m_editActions->session());
}
