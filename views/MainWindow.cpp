#include "MainWindow.h"

#include "AggregationEngine.h"
#include "Database.h"
#include "DetailPane.h"
#include "DisbursementRepository.h"
#include "DisbursementTableModel.h"
#include "DisbursementsPage.h"
#include "FilterBar.h"
#include "FundRepository.h"
#include "FundTreeModel.h"
#include "NavigatorPanel.h"
#include "SharedFilter.h"
#include "TableSupport.h"
#include "VocabularyRepository.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

MainWindow::MainWindow(Database &db, QWidget *parent) : QMainWindow(parent), m_db(db)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_filter = new SharedFilter(this);
    m_fundTree = new FundTreeModel(this);
    m_disbursements = new DisbursementTableModel(m_db, this);

    m_navigator = new NavigatorPanel(*m_fundTree, this);
    m_filterBar = new FilterBar(*m_filter, m_names, this);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_disbursementsPage = new DisbursementsPage(*m_disbursements, this);
    m_pages->addTab(m_disbursementsPage, tr("Disbursements"));
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
    statusBar()->addWidget(m_statusDatabase);
    statusBar()->addWidget(m_statusRows);
    statusBar()->addPermanentWidget(m_statusFilter);

    createMenus();

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
    connect(m_disbursements, &DisbursementTableModel::queryFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Query failed: %1").arg(message), 10000);
    });

    reloadAll();
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New database…"), QKeySequence::New, this, [this] {
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
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy rows"), QKeySequence::Copy, this, [this] {
        if (auto *view = m_pages->currentWidget()->findChild<QAbstractItemView *>())
            TableSupport::copySelection(view);
    });
    edit->addAction(tr("Select &all rows"), QKeySequence::SelectAll, this, [this] {
        if (auto *view = m_pages->currentWidget()->findChild<QAbstractItemView *>())
            view->selectAll();
    });
    edit->addSeparator();
    edit->addAction(tr("&Find…"), QKeySequence::Find, m_filterBar, &FilterBar::focusSearch);
    edit->addAction(tr("C&lear filter"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), m_filter,
                    &SharedFilter::clear);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_pages->count(); ++i) {
        view->addAction(m_pages->tabText(i), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)), this,
                        [this, i] { m_pages->setCurrentIndex(i); });
    }
    view->addSeparator();
    view->addAction(tr("&Refresh"), QKeySequence::Refresh, this, &MainWindow::reloadAll);

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
    m_names.load(m_db);
    m_fundTree->setFunds(FundRepository(m_db).all());
    const VocabularyRepository vocabulary(m_db);
    QList<VocabularyItem> regions = vocabulary.provinces();
    for (const VocabularyItem &country : vocabulary.countries()) {
        if (country.name != QLatin1String("China"))
            regions.append(country);
    }
    m_filterBar->setVocabularies(vocabulary.sectors(), regions);
    onFilterChanged(m_filter->filter());
    setWindowTitle(tr("%1 — Fundscope").arg(QFileInfo(m_db.path()).fileName()));
}

void MainWindow::onFilterChanged(const Filter &filter)
{
    m_disbursements->setFilter(filter);
    // The navigator's totals follow every restriction except its own fund/phase choice.
    Filter forTree = filter;
    forTree.funds.clear();
    forTree.phases.clear();
    AggregateResult byPhase;
    QString error;
    QHash<qint64, double> invested;
    if (AggregationEngine(m_db).aggregate(Dimension::Phase, forTree, &byPhase, &error)) {
        for (const AggregateRow &row : byPhase.rows)
            invested.insert(row.keyId, row.invested);
    }
    m_fundTree->setTotals(invested, filter.currency);
    m_navigator->showSelection(filter.funds.value(0), filter.phases.value(0));
    updateStatus();
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
    m_filter->clear();
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
        resize(1500, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_pages->setCurrentIndex(settings.value(QStringLiteral("window/page"), 0).toInt());
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
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}
