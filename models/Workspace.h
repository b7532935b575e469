#pragma once

#include "DashboardData.h"
#include "DataRevision.h"
#include "InvesteeDetails.h"
#include "InvesteeRecord.h"
#include "NameCatalog.h"
#include "VocabularyRepository.h"

#include <QFuture>
#include <QHash>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class AnalyticsService;
class Database;
class DeferredIndexBuilder;
class DisbursementTableModel;
class EditSession;
class FundTableModel;
class FundTreeModel;
class InvesteeTableModel;
class QTimer;
class SharedFilter;
class UnitsChoice;
struct DisbursementRecord;
struct FundRecord;
struct RecordChange;

/// The application's state below the window: the open database's shared filter, its analytics,
/// the models every page shows and what each was last computed for, the kept dashboard and the
/// detail pane's records. A filter change, a page shown or a finished load reaches it; it brings
/// up to date only the page in view (the rest once they are shown) and says what changed through
/// signals the window forwards to its widgets. It holds no widget, so it runs headless in tests.
class Workspace : public QObject
{
    Q_OBJECT
public:
    /// The pages whose content the workspace computes; Other for pages that need nothing.
    enum class Page { Dashboard, Holdings, Disbursements, Investees, Funds, Other };

    /// Starts loading a large database's totals at once, before the window builds itself.
    explicit Workspace(Database &db, QObject *parent = nullptr);
    ~Workspace() override;

    Database &database() const { return m_db; }
    SharedFilter &filter() const { return *m_filter; }
    AnalyticsService &analytics() const { return *m_analytics; }
    const NameCatalog &names() const { return m_names; }
    FundTreeModel &fundTree() const { return *m_fundTree; }
    DisbursementTableModel &disbursements() const { return *m_disbursements; }
    InvesteeTableModel &investees() const { return *m_investees; }
    FundTableModel &fundTable() const { return *m_fundTable; }
    /// The one Units choice the tables' amounts (and the Dashboard) follow.
    UnitsChoice &units() const { return *m_units; }
    /// The vocabularies the filter bar offers: every sector; provinces, then foreign countries.
    QList<VocabularyItem> sectors() const { return m_sectors; }
    QList<VocabularyItem> filterRegions() const { return m_filterRegions; }

    /// Nothing is computed before the window is on screen; then the page in view is.
    void setActive(bool active);
    /// The page in view: a change brings only it up to date (a filter change at a million events
    /// must not rebuild 50,000 hidden investee rows); another is brought up when shown.
    void setShownPage(Page page);
    /// Re-reads names, vocabularies and funds and reloads the totals: after opening a database,
    /// an import, or View → Refresh. reloaded() follows.
    void reloadAll();
    /// Another database was opened on the same gateway: a fresh filter, models and totals.
    void databaseOpened();
    /// The interface language changed (the window's LanguageChange): the units follow it unless
    /// the user chose them, the models' headers and words are read again, and the headings and
    /// the status line are rebuilt.
    void retranslate();
    /// Follows the edits of `session`: names, investee records and the status line.
    void watch(EditSession *session);

    /// Narrows the filter to one fund (phaseId 0) or one phase, as the navigator and the Funds
    /// page pick them; (0, 0) lifts both.
    void narrowToFundOrPhase(qint64 fundId, qint64 phaseId);
    /// Narrows the filter to one investee's own events.
    void narrowToInvestee(qint64 investeeId);

    /// True while the work a change leaves for after the repaint (navigator totals, the hidden
    /// table's count, the status line) has not run yet.
    bool followUpPending() const;
    /// The page in view has painted (the shell tells: this layer sees no widgets). The follow-up
    /// of a change on the Dashboard or the Disbursements page waits for it, so that it does not
    /// hold up the paint the user waits for. A paint also postpones the background upkeep.
    void pagePainted();
    /// Keeps the unfiltered dashboard for the next session, if it is due (also on destruction).
    void saveDueSnapshot();

    /// The detail pane's records, read when a row is selected.
    std::optional<DisbursementRecord> disbursement(qint64 id) const;
    std::optional<InvesteeDetails> investeeDetails(qint64 investeeId, qint64 subFundId) const;
    std::optional<FundRecord> fund(qint64 fundId) const;
    /// For a sub-fund investee, the fund record it looks through to; 0 for a company.
    qint64 subFundOf(qint64 investeeId) const;

Q_SIGNALS:
    void reloaded();
    void dashboardChanged(const DashboardData &data);
    void dashboardUnavailable(const QString &message);
    /// The Holdings and Investees pages' headings (rich text).
    void headingsChanged(const QString &holdings, const QString &investees);
    /// The status line: the events in view and the filter in words.
    void statusChanged(const QString &rows, const QString &filter);
    /// Something went wrong that the user should read; 0 ms keeps it until the next message.
    void problem(const QString &message, int timeoutMs);
    /// Work in the background worth a word in the status bar (indexes still being built).
    void notice(const QString &message, int timeoutMs);

private:
    void onFilterChanged(const Filter &filter);
    void followUp();
    void scheduleFollowUp();
    void postponeUpkeep();
    void invalidateTotals();
    void refreshShown();
    void refreshNavigator();
    void refreshFundsPage();
    void refreshInvestees();
    void refreshDashboard();
    void showKeptDashboard();
    void updateStatus();
    void checkInBackground();
    void buildDeferredIndexes();
    static Filter everyFund(Filter filter);

    Database &m_db;
    AnalyticsService *m_analytics = nullptr;
    SharedFilter *m_filter = nullptr;
    NameCatalog m_names;
    FundTreeModel *m_fundTree = nullptr;
    DisbursementTableModel *m_disbursements = nullptr;
    InvesteeTableModel *m_investees = nullptr;
    FundTableModel *m_fundTable = nullptr;
    UnitsChoice *m_units = nullptr;
    QList<VocabularyItem> m_sectors;
    QList<VocabularyItem> m_filterRegions;
    QList<qint64> m_provinceIds;
    QTimer *m_followUp = nullptr;
    QTimer *m_upkeepDelay = nullptr; ///< runs the background check and index build when idle
    bool m_paintDue = false; ///< the page in view has not painted since the last change
    int m_followUpWaits = 0; ///< times the follow-up waited for that paint
    Page m_page = Page::Dashboard;
    bool m_active = false;
    // The filter each part's totals were last computed for (none: out of date).
    std::optional<Filter> m_navigatorFor;
    std::optional<Filter> m_fundsFor;
    std::optional<Filter> m_investeesFor;
    std::optional<Filter> m_dashboardFor;
    std::optional<DashboardData> m_unfilteredDashboard;
    std::optional<DataRevision> m_unfilteredRevision; ///< the data it was computed from, if known
    bool m_snapshotTried = false; ///< DashboardSnapshot read (or found missing) for this database
    bool m_analyticsStarted = false; ///< the constructor started the load reloadAll() would start
    bool m_snapshotDue = false; ///< the unfiltered dashboard is to be kept (saveDueSnapshot())
    bool m_checkStarted = false; ///< the background check of this database has been started
    QFuture<QPair<bool, QString>> m_check; ///< the background check (passed, what is wrong)
    std::shared_ptr<std::atomic_bool> m_stopCheck = std::make_shared<std::atomic_bool>(false);
    DeferredIndexBuilder *m_indexBuilder = nullptr; ///< a big import's second stage
    /// Every investee's names and classification, read when the Holdings or Investees page first
    /// needs them after a change of the data.
    std::optional<QHash<qint64, InvesteeRecord>> m_investeeRecords;
};
