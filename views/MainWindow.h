#pragma once

#include "DashboardData.h"
#include "DataRevision.h"
#include "InvesteeRecord.h"
#include "NameCatalog.h"
#include "VocabularyRepository.h"

#include <QHash>
#include <QMainWindow>

#include <optional>

class AnalyticsService;
class DashboardPage;
class Database;
class DetailPane;
class EditActions;
class FundTableModel;
class FundsPage;
class InvesteeTableModel;
class InvesteesPage;
class DisbursementTableModel;
class DisbursementsPage;
class FilterBar;
class FundTreeModel;
class NavigatorPanel;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QTimer;
class SharedFilter;
struct Filter;

/// The application shell: navigator on the left, a filter bar over the pages in the centre, the
/// detail pane on the right, menus and a status bar. It wires models to pages and keeps window
/// state in QSettings; the pages themselves are widgets of their own.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Database &db, QWidget *parent = nullptr);
    ~MainWindow() override;

    SharedFilter &sharedFilter() const { return *m_filter; }
    QTabWidget *pages() const { return m_pages; }
    NavigatorPanel *navigator() const { return m_navigator; }
    DisbursementsPage *disbursementsPage() const { return m_disbursementsPage; }
    InvesteesPage *holdingsPage() const { return m_holdingsPage; }
    InvesteesPage *investeesPage() const { return m_investeesPage; }
    FundsPage *fundsPage() const { return m_fundsPage; }
    DashboardPage *dashboardPage() const { return m_dashboard; }
    AnalyticsService &analytics() const { return *m_analytics; }
    /// True while the work a change leaves for after the repaint (navigator totals, the hidden
    /// table's count, the status bar) has not run yet.
    bool followUpPending() const;
    /// Undo stack, forms, Data menu, History page (see EditActions).
    EditActions *editActions() const { return m_editActions; }

    /// Switches to another database file (File → Open / New / Recent). False with a message box
    /// on failure; the current database stays open then.
    bool openDatabase(const QString &path, bool create);
    /// "system", "light" or "dark": the application palette (charts follow it).
    static void applyTheme(const QString &mode);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void setupEditing();
    void reloadAll();
    void onFilterChanged(const Filter &filter);
    void followUp();
    void invalidateTotals();
    static Filter everyFund(Filter filter);
    void refreshShown();
    void refreshNavigator();
    void refreshFundsPage();
    void refreshInvestees();
    void refreshDashboard();
    void saveDueSnapshot();
    void showInvestee(qint64 investeeId, qint64 subFundId);
    void showFund(qint64 fundId);
    void addPage(QWidget *page, const QString &title);
    void updateStatus();
    void updateRecentMenu();
    void rememberDatabase(const QString &path);
    void restoreSettings();
    void saveSettings();

    Database &m_db;
    SharedFilter *m_filter = nullptr;
    NameCatalog m_names;
    FundTreeModel *m_fundTree = nullptr;
    DisbursementTableModel *m_disbursements = nullptr;
    AnalyticsService *m_analytics = nullptr;
    InvesteeTableModel *m_investees = nullptr;
    FundTableModel *m_fundTable = nullptr;
    InvesteesPage *m_holdingsPage = nullptr;
    InvesteesPage *m_investeesPage = nullptr;
    FundsPage *m_fundsPage = nullptr;
    DashboardPage *m_dashboard = nullptr;
    QList<VocabularyItem> m_sectors;
    QList<qint64> m_provinceIds;
    NavigatorPanel *m_navigator = nullptr;
    FilterBar *m_filterBar = nullptr;
    QTabWidget *m_pages = nullptr;
    DisbursementsPage *m_disbursementsPage = nullptr;
    DetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    EditActions *m_editActions = nullptr;
    QLabel *m_statusDatabase = nullptr;
    QLabel *m_statusRows = nullptr;
    QLabel *m_statusFilter = nullptr;
    QTimer *m_followUp = nullptr;
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
    /// Every investee's names and classification, read when the Holdings or Investees page first
    /// needs them after a change of the data.
    std::optional<QHash<qint64, InvesteeRecord>> m_investeeRecords;
};
