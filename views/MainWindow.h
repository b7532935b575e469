#pragma once

#include <QMainWindow>

class AnalyticsService;
class DashboardPage;
class Database;
class DetailPane;
class EditActions;
class FundsPage;
class InvesteesPage;
class MainMenus;
class DisbursementsPage;
class FilterBar;
class NavigatorPanel;
class QSplitter;
class QTabWidget;
class RecentDatabases;
class RollingBackups;
class SharedFilter;
class StatusLine;
class Workspace;

/// The application shell: navigator on the left, a filter bar over the pages in the centre, the
/// detail pane on the right, menus and a status bar. It lays out the widgets, hands them the
/// Workspace's models, forwards the Workspace's signals to them and keeps window state in
/// QSettings; what is computed, and when, is the Workspace's.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Database &db, QWidget *parent = nullptr);
    ~MainWindow() override = default;

    Workspace &workspace() const { return *m_workspace; }
    SharedFilter &sharedFilter() const;
    AnalyticsService &analytics() const;
    QTabWidget *pages() const { return m_pages; }
    NavigatorPanel *navigator() const { return m_navigator; }
    DisbursementsPage *disbursementsPage() const { return m_disbursementsPage; }
    InvesteesPage *holdingsPage() const { return m_holdingsPage; }
    InvesteesPage *investeesPage() const { return m_investeesPage; }
    FundsPage *fundsPage() const { return m_fundsPage; }
    DashboardPage *dashboardPage() const { return m_dashboard; }
    /// True while the work a change leaves for after the repaint (navigator totals, the hidden
    /// table's count, the status bar) has not run yet.
    bool followUpPending() const;
    /// Undo stack, forms, Data menu, History page (see EditActions).
    EditActions *editActions() const { return m_editActions; }

    /// Switches to another database file (File → Open / New / Recent). False with a message box
    /// on failure; the current database stays open then.
    bool openDatabase(const QString &path, bool create);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void connectWorkspace();
    void createMenus();
    void retranslateUi();
    void setupEditing();
    void showPage();
    void showInvestee(qint64 investeeId, qint64 subFundId);
    void showFund(qint64 fundId);
    void showDisbursement(qint64 id);
    void restoreSettings();
    void saveSettings();

    Database &m_db;
    Workspace *m_workspace = nullptr;
    InvesteesPage *m_holdingsPage = nullptr;
    InvesteesPage *m_investeesPage = nullptr;
    FundsPage *m_fundsPage = nullptr;
    DashboardPage *m_dashboard = nullptr;
    NavigatorPanel *m_navigator = nullptr;
    FilterBar *m_filterBar = nullptr;
    QTabWidget *m_pages = nullptr;
    DisbursementsPage *m_disbursementsPage = nullptr;
    DetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    RecentDatabases *m_recent = nullptr;
    MainMenus *m_menus = nullptr;
    EditActions *m_editActions = nullptr;
    StatusLine *m_status = nullptr;
    RollingBackups *m_backups = nullptr;
};
