#include "Workspace.h"

#include "AnalyticsService.h"
#include "BackgroundWork.h"
#include "Database.h"
#include "DeferredIndexBuilder.h"
#include "DeferredIndexes.h"
#include "DashboardSnapshot.h"
#include "DisbursementRepository.h"
#include "DisbursementTableModel.h"
#include "Vocabulary.h"
#include "EditSession.h"
#include "Figures.h"
#include "Format.h"
#include "FundRepository.h"
#include "FundTableModel.h"
#include "FundTreeModel.h"
#include "InvesteeRepository.h"
#include "InvesteeTableModel.h"
#include "RecordChange.h"
#include "SharedFilter.h"
#include "UnitsChoice.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {

// How many intervals of the follow-up timer it waits, at most, for the page in view to paint.
constexpr int MaxFollowUpWaits = 10;
// How long the window is left alone before the background upkeep starts.
constexpr int UpkeepIdleMs = 5000;

} // namespace

Workspace::Workspace(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    // A large database's totals load on a worker from now on, while the window is being built;
    // reloadAll() does not start it again. A small one loads there, in place, once the window
    // listens to this object's signals.
    m_analytics = new AnalyticsService(m_db, this);
    m_analyticsStarted = m_analytics->startInBackground();
    m_filter = new SharedFilter(this);
    m_fundTree = new FundTreeModel(this);
    m_disbursements = new DisbursementTableModel(m_db, this);
    m_investees = new InvesteeTableModel(this);
    m_fundTable = new FundTableModel(this);
    m_disbursements->setCounter([this](const Filter &filter) { return m_analytics->count(filter); });
    m_indexBuilder = new DeferredIndexBuilder(this);
    connect(m_indexBuilder, &DeferredIndexBuilder::progress, this, [this](int done, int total) {
        Q_EMIT notice(tr("Building the sort indexes of the last import (%1 of %2): sorting and filtering by "
                         "date, amount, type, status, confidence or stake are slower until then")
                          .arg(done + 1)
                          .arg(total),
            0);
    });
    connect(m_indexBuilder, &DeferredIndexBuilder::finished, this, [this](const QString &error) {
        if (error.isEmpty())
            Q_EMIT notice(tr("The sort indexes are built."), 5000);
        else
            Q_EMIT problem(tr("The sort indexes could not be built (the next session tries again): %1").arg(error), 0);
    });
    m_units = new UnitsChoice(this);
    const auto applyUnits = [this](Units units) {
        m_disbursements->setUnits(units);
        m_investees->setUnits(units);
        m_fundTable->setUnits(units);
        m_fundTree->setUnits(units);
    };
    applyUnits(m_units->units());
    connect(m_units, &UnitsChoice::changed, this, applyUnits);

    // A short delay, not a queued call, and on the Dashboard and the Disbursements page not
    // before the page has painted (pagePainted): the page in view repaints first (charts need
    // two rounds of posted events and their own paint, which a large change can take longer than
    // one interval to reach; docs/benchmark-findings.md has the measurements).
    m_followUp = new QTimer(this);
    m_followUp->setSingleShot(true);
    m_followUp->setInterval(50);
    connect(m_followUp, &QTimer::timeout, this, [this] {
        // At most a few waits: a minimised window paints nothing.
        if (m_paintDue && ++m_followUpWaits < MaxFollowUpWaits)
            m_followUp->start();
        else
            followUp();
    });
    // The background upkeep (the damage check, the sort indexes an import left) starts once the
    // window has been left alone for a moment, not while the user works: it takes the other core
    // and the memory bus for seconds, and a check cannot be paused inside a table
    // (docs/benchmark-findings.md has what it cost the changes it overlapped).
    m_upkeepDelay = new QTimer(this);
    m_upkeepDelay->setSingleShot(true);
    m_upkeepDelay->setInterval(UpkeepIdleMs);
    connect(m_upkeepDelay, &QTimer::timeout, this, [this] {
        checkInBackground();
        buildDeferredIndexes();
    });
    connect(m_filter, &SharedFilter::changed, this, &Workspace::onFilterChanged);
    connect(m_analytics, &AnalyticsService::ready, this, [this] {
        invalidateTotals();
        refreshShown();
        scheduleFollowUp();
        m_upkeepDelay->start();
    });
    connect(m_analytics, &AnalyticsService::loadFailed, this, [this](const QString &message) {
        Q_EMIT problem(tr("Totals could not be computed: %1").arg(message), 0);
    });
    connect(m_disbursements, &DisbursementTableModel::queryFailed, this, [this](const QString &message) {
        Q_EMIT problem(tr("Query failed: %1").arg(message), 10000);
    });
}

Workspace::~Workspace()
{
    saveDueSnapshot(); // closed before the follow-up ran
    // A check still running is interrupted and waited for: the application unloads the SQL
    // driver it runs in before its children go.
    m_stopCheck->store(true);
    m_check.waitForFinished();
    m_indexBuilder->stop();
}

void Workspace::setActive(bool active)
{
    m_active = active;
    refreshShown();
}

void Workspace::setShownPage(Page page)
{
    m_page = page;
    if (m_page == Page::Disbursements)
        m_disbursements->setFilter(m_filter->filter());
    refreshShown();
}

void Workspace::reloadAll()
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
    m_filterRegions = vocabulary.provinces();
    for (const VocabularyItem &province : std::as_const(m_filterRegions))
        m_provinceIds.append(province.id);
    for (const VocabularyItem &country : vocabulary.countries()) {
        if (country.name != QLatin1String("China"))
            m_filterRegions.append(country);
    }
    m_unfilteredRevision.reset();
    invalidateTotals();
    m_snapshotTried = false;
    Q_EMIT reloaded();
    if (!std::exchange(m_analyticsStarted, false))
        m_analytics->reload(); // a small database is ready (and its pages filled) on return
    onFilterChanged(m_filter->filter());
}

void Workspace::checkInBackground()
{
    // A file too large to check whole when it was opened is checked before its first write; done
    // here, on a worker once the totals have loaded and the window is idle, that first edit does
    // not wait for it on the UI thread.
    if (std::exchange(m_checkStarted, true) || !m_db.needsWriteCheck())
        return;
    const QString path = m_db.path();
    // (passed, what is wrong): a file that could not be opened for the check (busy, say) is left
    // to the first write's own check.
    using Outcome = QPair<bool, QString>;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const Outcome outcome = watcher->result();
        if (m_db.path() != path)
            return; // another database was opened meanwhile
        if (outcome.first)
            m_db.markChecked();
        else if (!outcome.second.isEmpty())
            Q_EMIT problem(outcome.second, 0);
        buildDeferredIndexes();
    });
    // At the lowest priority: a quick_check of a large file takes seconds of a core, which the
    // totals load (nice 19) of a database opened next must not lose to it.
    m_check = QtConcurrent::run(BackgroundWork::pool(), [path, stop = m_stopCheck] {
        // Stopped before it started: ~Workspace's wait runs a task still queued on its own
        // thread, which must not then open the file and check it on the UI thread.
        if (stop->load())
            return Outcome(false, QString());
        BackgroundWork::lowerThisThread();
        Database probe;
        if (probe.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
            return Outcome(false, probe.isDamaged() ? probe.errorString() : QString());
        if (probe.check(Database::Check::Quick, nullptr, 100, stop.get()))
            return Outcome(true, QString());
        return Outcome(false, probe.isDamaged() ? probe.errorString() : QString());
    });
    watcher->setFuture(m_check);
}

void Workspace::buildDeferredIndexes()
{
    // After the totals (not to slow their load), once the window is idle, and after the check
    // (whose verdict spares the builder's first write a check of its own); each calls here.
    if (m_indexBuilder->isRunning() || m_upkeepDelay->isActive() || m_check.isRunning()
        || DeferredIndexes::pending(m_db).isEmpty())
        return;
    m_indexBuilder->start(m_db.path(), !m_db.needsWriteCheck());
}

void Workspace::databaseOpened()
{
    m_indexBuilder->stop();
    m_checkStarted = false;
    m_filter->clear();
    m_disbursements->reload();
    reloadAll();
}

void Workspace::retranslate()
{
    m_units->followLanguage();
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *> { m_fundTree, m_disbursements, m_investees, m_fundTable }) {
        // Header titles and words in cells (types, "undisclosed") are tr() texts read at paint time.
        if (const int columns = model->columnCount())
            Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, columns - 1);
        if (const int rows = model->rowCount())
            Q_EMIT model->dataChanged(model->index(0, 0), model->index(rows - 1, model->columnCount() - 1));
    }
    m_investeesFor.reset();
    refreshShown();
    updateStatus();
}

void Workspace::watch(EditSession *session)
{
    // A sort index being built holds the write lock for seconds at a million rows: it is
    // interrupted (rolled back, still listed) and starts again once the write (or the writes of
    // one action, made in one turn of the event loop) is done.
    connect(session, &EditSession::aboutToWrite, this, [this] {
        if (!m_indexBuilder->isRunning())
            return;
        m_indexBuilder->stop();
        QTimer::singleShot(0, this, &Workspace::buildDeferredIndexes);
    });
    connect(session, &EditSession::recordsChanged, this, [this](const RecordChange &change) {
        // Fund and phase names appear in the filter bar and the status line.
        if (change.kind == RecordKind::Fund || change.kind == RecordKind::Phase) {
            m_names.load(m_db);
            updateStatus();
        }
        if (change.kind == RecordKind::Disbursement && change.type != RecordChange::Type::Changed)
            updateStatus();
        if (change.kind == RecordKind::Investee)
            m_investeeRecords.reset(); // the Investees model follows the edit itself
    });
}

void Workspace::narrowToFundOrPhase(qint64 fundId, qint64 phaseId)
{
    Filter f = m_filter->filter();
    f.funds = (fundId && !phaseId) ? QList<qint64> { fundId } : QList<qint64> {};
    f.phases = phaseId ? QList<qint64> { phaseId } : QList<qint64> {};
    m_filter->setFilter(f);
}

void Workspace::narrowToInvestee(qint64 investeeId)
{
    Filter f = m_filter->filter();
    f.investees = { investeeId };
    m_filter->setFilter(f);
}

void Workspace::onFilterChanged(const Filter &filter)
{
    // The page in view first; the navigator, the hidden Disbursements model and the status line
    // once it has painted (m_followUp), so what the user looks at is not held up by the rest.
    if (m_page == Page::Disbursements)
        m_disbursements->setFilter(filter);
    refreshShown();
    scheduleFollowUp();
}

bool Workspace::followUpPending() const
{
    return m_followUp->isActive();
}

void Workspace::scheduleFollowUp()
{
    m_paintDue = m_active && (m_page == Page::Dashboard || m_page == Page::Disbursements);
    m_followUpWaits = 0;
    m_followUp->start();
    postponeUpkeep();
}

void Workspace::postponeUpkeep()
{
    if (m_upkeepDelay->isActive())
        m_upkeepDelay->start(); // the user is at work: later
}

void Workspace::pagePainted()
{
    m_paintDue = false;
    // A paint with no change behind it is a sort, a scroll or a hover: work all the same.
    postponeUpkeep();
}

void Workspace::followUp()
{
    saveDueSnapshot();
    m_disbursements->setFilter(m_filter->filter()); // nothing to do if the page in view did it
    if (m_analytics->isReady())
        refreshNavigator();
    updateStatus();
}

void Workspace::invalidateTotals()
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

Filter Workspace::everyFund(Filter filter)
{
    // The navigator and the Funds page list every fund, so their totals follow every
    // restriction except the fund/phase choice itself.
    filter.funds.clear();
    filter.phases.clear();
    return filter;
}

void Workspace::refreshShown()
{
    if (!m_active)
        return;
    if (!m_analytics->isReady()) {
        Q_EMIT headingsChanged(tr("Computing totals…"), tr("Computing totals…"));
        showKeptDashboard();
        return;
    }
    switch (m_page) {
    case Page::Dashboard:
        refreshDashboard();
        break;
    case Page::Holdings:
    case Page::Investees:
        refreshInvestees();
        break;
    case Page::Funds:
        refreshFundsPage();
        break;
    case Page::Disbursements:
    case Page::Other:
        break;
    }
}

void Workspace::showKeptDashboard()
{
    const Filter filter = m_filter->filter();
    if (m_page == Page::Dashboard && !m_snapshotTried) {
        // Last session's unfiltered dashboard, if the data has not changed since: shown while the
        // aggregation cache loads (read only when the dashboard is in view).
        m_snapshotTried = true;
        if (const std::optional<DataRevision> revision = DataRevision::read(m_db)) {
            if (std::optional<DashboardData> kept = DashboardSnapshot::load(m_db.path(), *revision)) {
                m_unfilteredDashboard = std::move(kept);
                m_unfilteredRevision = revision;
            }
        }
    }
    // Only while the data is still the state it was computed from: after an edit, the totals
    // reload and the kept figures are out of date until they are recomputed.
    if (m_unfilteredDashboard && m_unfilteredDashboard->filter == filter && m_unfilteredRevision
        && DataRevision::read(m_db) == m_unfilteredRevision) {
        if (m_dashboardFor != filter && m_page == Page::Dashboard) {
            m_dashboardFor = filter;
            Q_EMIT dashboardChanged(*m_unfilteredDashboard);
        }
    } else {
        m_dashboardFor.reset();
        Q_EMIT dashboardUnavailable(tr("Computing totals…"));
    }
}

void Workspace::refreshNavigator()
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
        Q_EMIT problem(tr("Totals could not be computed: %1").arg(error), 10000);
    }
    m_fundTree->setTotals(totals, filter.currency);
}

void Workspace::refreshFundsPage()
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
        Q_EMIT problem(tr("Totals could not be computed: %1").arg(error), 10000);
    }
    m_fundTable->setDeployed(deployed, filter.currency);
}

void Workspace::refreshInvestees()
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
        Q_EMIT problem(tr("Totals could not be computed: %1").arg(error), 10000);
    }
    m_investees->setRows(rows, filter.currency);
    const QString scope = filter.phases.size() == 1 ? m_names.phaseName(filter.phases.constFirst())
            : filter.funds.size() == 1             ? m_names.fundName(filter.funds.constFirst())
                                                   : tr("all funds in view");
    const Figures figures = Figures::of(byInvestee);
    const QString apart = figures.all.undisclosed || figures.all.withoutRate
            ? tr(" · %1 undisclosed, %2 without a %3 rate (counted apart)")
                      .arg(figures.all.undisclosed)
                      .arg(figures.all.withoutRate)
                      .arg(filter.currency)
            : QString();
    const auto money = [](double major) { return Format::money(major); };
    Q_EMIT headingsChanged(tr("<b>Holdings of %1</b> — %L2 investees · %3: %4 · %5: %6%7")
                                   .arg(scope.toHtmlEscaped())
                                   .arg(rows.size())
                                   .arg(Figures::measureName(Figures::Measure::Invested),
                                        figures.split(Figures::Measure::Invested, money),
                                        Figures::measureName(Figures::Measure::Committed),
                                        figures.split(Figures::Measure::Committed, money), apart),
                           tr("<b>%L1 investees</b> received money under the filter%2").arg(rows.size()).arg(apart));
}

void Workspace::refreshDashboard()
{
    const Filter filter = m_filter->filter();
    if (m_dashboardFor == filter)
        return;
    m_dashboardFor = filter;
    // The unfiltered dashboard is the start state, where Clear and the breadcrumb's first step
    // return: kept until the data changes, as the one pass over every row is its dearest case.
    if (m_unfilteredDashboard && m_unfilteredDashboard->filter == filter) {
        Q_EMIT dashboardChanged(*m_unfilteredDashboard);
        return;
    }
    DashboardData data;
    QString error;
    if (!DashboardData::compute(*m_analytics, m_sectors, m_provinceIds, filter, &data, &error)) {
        m_dashboardFor.reset();
        Q_EMIT dashboardUnavailable(error);
        return;
    }
    if (filter.isEmpty()) {
        m_unfilteredDashboard = data;
        m_unfilteredRevision = m_analytics->revision();
        // Kept for the next session once the charts have painted (the follow-up).
        m_snapshotDue = filter == Filter();
        scheduleFollowUp();
    }
    Q_EMIT dashboardChanged(data);
}

void Workspace::saveDueSnapshot()
{
    if (!std::exchange(m_snapshotDue, false) || !m_unfilteredDashboard || !m_unfilteredRevision)
        return;
    // The start state of the next session (DashboardSnapshot); a failure only costs that. Under
    // the stamp the database has now: if the data changed, or another database was opened since,
    // the totals no longer describe it.
    if (DataRevision::read(m_db) == m_unfilteredRevision)
        DashboardSnapshot::save(m_db.path(), *m_unfilteredRevision, *m_unfilteredDashboard);
}

void Workspace::updateStatus()
{
    Q_EMIT statusChanged(tr("%L1 disbursements in view").arg(m_disbursements->rowCount()),
                         m_names.describe(m_filter->filter()));
}

std::optional<DisbursementRecord> Workspace::disbursement(qint64 id) const
{
    return DisbursementRepository(m_db).byId(id);
}

std::optional<InvesteeDetails> Workspace::investeeDetails(qint64 investeeId, qint64 subFundId) const
{
    const auto investee = InvesteeRepository(m_db).byId(investeeId);
    if (!investee)
        return std::nullopt;
    InvesteeDetails details;
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
    own.statuses = Vocabulary::statuses();
    DisbursementRepository(m_db).stream(own, DisbursementRepository::Sort::Date, false, 0, 200,
                                        [&](const DisbursementRecord &r) {
                                            details.timeline.append(r);
                                            return true;
                                        });
    return details;
}

std::optional<FundRecord> Workspace::fund(qint64 fundId) const
{
    for (const FundRecord &f : m_fundTree->funds()) {
        if (f.id == fundId)
            return f;
    }
    return std::nullopt;
}

qint64 Workspace::subFundOf(qint64 investeeId) const
{
    const auto investee = InvesteeRepository(m_db).byId(investeeId);
    return investee && investee->kind == QLatin1String("fund") ? investee->fundId : 0;
}
