#pragma once

#include "RowValues.h"

#include <QObject>
#include <optional>

class AnalyticsService;
class DashboardPage;
class Database;
class DeleteDialog;
class DetailHistory;
class DetailPane;
class DisbursementTableModel;
class DisbursementsPage;
class EditSession;
class ExchangeRatesDialog;
class FundTableModel;
class FundTreeModel;
class FundsPage;
class HistoryPage;
class HistoryTableModel;
class InvesteeTableModel;
class InvesteesPage;
class NavigatorPanel;
class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QPoint;
class QToolBar;
class QTabWidget;
class QTreeView;
class QUndoView;
class RecordForm;
class QAbstractItemView;
struct RecordChange;

/// Everything about changing data in the main window, kept out of MainWindow: the EditSession
/// (undo stack) and the models it drives; Undo/Redo (Ctrl+Z; Ctrl+Shift+Z or Ctrl+Y) and an Undo
/// History dock; a Data menu and a toolbar (New — Ctrl+N adds what the current page lists —,
/// Edit — Ctrl+E —, Delete — Del —, New fund/phase/investee/disbursement, Exchange rates, History
/// of the selected record — Ctrl+H); context menus on the tables and the navigator; in-place
/// editing delegates; the History page; and the selected record's own history at the end of the
/// detail pane.
class EditActions : public QObject
{
    Q_OBJECT
public:
    /// What it works on, lent by the window (which builds this; EditActions never sees it).
    struct Parts
    {
        /// Hosts the Undo history dock, the toolbar and the Data menu, shows the status
        /// messages and parents the forms and dialogs: only its QMainWindow frame is used.
        QMainWindow *frame = nullptr;
        QTabWidget *pages = nullptr; ///< where the History page goes and "the page in view" is read
        DisbursementsPage *disbursementsPage = nullptr;
        InvesteesPage *holdingsPage = nullptr;
        InvesteesPage *investeesPage = nullptr;
        FundsPage *fundsPage = nullptr;
        NavigatorPanel *navigator = nullptr;
        DashboardPage *dashboard = nullptr; ///< its units, which History's amounts follow
        DetailPane *detail = nullptr;
        DisbursementTableModel *disbursements = nullptr;
        InvesteeTableModel *investees = nullptr;
        FundTableModel *funds = nullptr;
        FundTreeModel *fundTree = nullptr;
        AnalyticsService *analytics = nullptr;
    };

    EditActions(Database &db, const Parts &parts);
    ~EditActions() override;

    EditSession *session() const { return m_session; }
    HistoryPage *historyPage() const { return m_historyPage; }
    HistoryTableModel *historyModel() const { return m_historyModel; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    /// "New disbursement…" on the Disbursements page, "New investee…" on the Investees page, …
    QAction *newAction() const { return m_new; }
    QAction *newKindAction(RecordKind kind) const;
    QAction *editAction() const { return m_edit; }
    QAction *deleteAction() const { return m_delete; }
    QAction *exchangeRatesAction() const { return m_rates; }
    QAction *historyOfSelectionAction() const { return m_historyOf; }
    QAction *undoHistoryAction() const;
    QDockWidget *undoDock() const { return m_undoDock; }
    QToolBar *toolBar() const { return m_toolBar; }

    /// Another database was opened: forgets the undo history and shows its history.
    void databaseChanged();
    /// Puts Undo/Redo/Undo History at the top of `editMenu`, and a Data menu in the menu bar
    /// before `beforeMenu`.
    void install(QMenu *editMenu, QMenu *beforeMenu);

    /// The kind of record the focused list shows (navigator: fund or phase; pages: theirs).
    std::optional<RecordKind> currentKind() const;
    /// What Ctrl+N adds: the kind of the page in view (a disbursement where a page has none).
    RecordKind pageKind() const;
    /// Selects and scrolls to a record just added, when the page in view lists its kind.
    void selectAdded(RecordKind kind, qint64 id);
    /// The selected records of the focused list, and their kind.
    QList<qint64> selectedIds(RecordKind *kind) const;

    /// Opens the form for a new record (window-modal, returned for tests; deletes itself when
    /// closed). `context`: a fund for a new phase, a phase or investee for a new disbursement.
    RecordForm *openNewForm(RecordKind kind, qint64 context = 0);
    RecordForm *openEditForm(RecordKind kind, qint64 id);
    /// Deletes the records: at once (undoable) when nothing depends on them, otherwise after a
    /// DeleteDialog listing the dependents, which is returned (window-modal) for tests.
    DeleteDialog *deleteRecords(RecordKind kind, const QList<qint64> &ids);
    ExchangeRatesDialog *openExchangeRates();
    /// Switches to the History page, narrowed to this record.
    void showHistoryOf(RecordKind kind, qint64 id);

Q_SIGNALS:
    /// The record the detail pane shows was changed: it should be shown again.
    void detailStale(RecordKind kind, qint64 id);

private:
    void createActions();
    /// Sets every text of the actions, the dock, the toolbar and the Data menu in the language
    /// in effect: at once and after every change of it.
    void retranslate();
    /// "Undo Set disbursement notes", "Redo …": the step's name in the language's sentence.
    void updateUndoTexts();
    void setUpView(QAbstractItemView *view);
    void setUpNavigator(QTreeView *tree);
    void showContextMenu(QAbstractItemView *view, const QPoint &pos);
    void updateNewAction();
    void editSelected();
    void deleteSelected();
    void message(const QString &text, int timeoutMs = 8000);
    QAbstractItemView *focusedList() const;

    Database &m_db;
    Parts m_parts;
    EditSession *m_session = nullptr;
    HistoryTableModel *m_historyModel = nullptr;
    HistoryPage *m_historyPage = nullptr;
    QDockWidget *m_undoDock = nullptr;
    QUndoView *m_undoView = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_new = nullptr;
    QAction *m_newFund = nullptr;
    QAction *m_newPhase = nullptr;
    QAction *m_newInvestee = nullptr;
    QAction *m_newDisbursement = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_rates = nullptr;
    QAction *m_historyOf = nullptr;
    QMenu *m_dataMenu = nullptr;
    DetailHistory *m_detailHistory = nullptr;
};
