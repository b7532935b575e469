#include "EditActions.h"

#include "DashboardPage.h"
#include "DeleteDialog.h"
#include "DetailHistory.h"
#include "DisbursementForm.h"
#include "DisbursementTableModel.h"
#include "DisbursementsPage.h"
#include "EditDelegate.h"
#include "EditSession.h"
#include "ExchangeRatesDialog.h"
#include "FundForm.h"
#include "FundTableModel.h"
#include "FundTreeModel.h"
#include "FundsPage.h"
#include "HistoryPage.h"
#include "HistoryTableModel.h"
#include "InvesteeForm.h"
#include "InvesteeTableModel.h"
#include "InvesteesPage.h"
#include "NavigatorPanel.h"
#include "PhaseForm.h"
#include "RecordLookup.h"
#include "Retranslator.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

#include <memory>
#include <QUndoStack>
#include <QUndoView>

namespace {

// Whole sentences per kind rather than a kind's name put into one sentence: the words around a
// noun change with it in other languages (and Chinese has no plural "s" to add).
QString newPageText(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Fund:
        return EditActions::tr("&New fund…");
    case RecordKind::Phase:
        return EditActions::tr("&New phase…");
    case RecordKind::Investee:
        return EditActions::tr("&New investee…");
    case RecordKind::Disbursement:
        return EditActions::tr("&New disbursement…");
    }
    return {};
}

QString addedText(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Fund:
        return EditActions::tr("Added the fund. Undo with Ctrl+Z.");
    case RecordKind::Phase:
        return EditActions::tr("Added the phase. Undo with Ctrl+Z.");
    case RecordKind::Investee:
        return EditActions::tr("Added the investee. Undo with Ctrl+Z.");
    case RecordKind::Disbursement:
        return EditActions::tr("Added the disbursement. Undo with Ctrl+Z.");
    }
    return {};
}

/// What a delete names in its question: "the fund “Big Fund”" or "3 funds".
QString deleteSubject(RecordKind kind, qsizetype count, const QString &label)
{
    const int n = int(count);
    switch (kind) {
    case RecordKind::Fund:
        return n == 1 ? EditActions::tr("the fund “%1”").arg(label)
                      : EditActions::tr("%n fund(s)", nullptr, n);
    case RecordKind::Phase:
        return n == 1 ? EditActions::tr("the phase “%1”").arg(label)
                      : EditActions::tr("%n phase(s)", nullptr, n);
    case RecordKind::Investee:
        return n == 1 ? EditActions::tr("the investee “%1”").arg(label)
                      : EditActions::tr("%n investee(s)", nullptr, n);
    case RecordKind::Disbursement:
        return n == 1 ? EditActions::tr("the disbursement “%1”").arg(label)
                      : EditActions::tr("%n disbursement(s)", nullptr, n);
    }
    return {};
}

QIcon themed(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name), QApplication::style()->standardIcon(fallback));
}

} // namespace

EditActions::EditActions(Database &db, const Parts &parts)
    : QObject(parts.frame)
    , m_db(db)
    , m_parts(parts)
{
    m_session = new EditSession(db, this);
    m_session->setAnalytics(parts.analytics);
    if (parts.disbursements) {
        parts.disbursements->setEditSession(m_session);
        connect(parts.disbursements, &DisbursementTableModel::editFailed, this,
            [this](const QString &m) { message(m); });
    }
    if (parts.investees) {
        parts.investees->setEditSession(m_session);
        connect(parts.investees, &InvesteeTableModel::editFailed, this,
            [this](const QString &m) { message(m); });
    }
    if (parts.funds) {
        parts.funds->setEditSession(m_session);
        connect(parts.funds, &FundTableModel::editFailed, this, [this](const QString &m) { message(m); });
    }
    if (parts.fundTree)
        parts.fundTree->setEditSession(m_session);

    m_historyModel = new HistoryTableModel(db, this);
    m_historyModel->setEditSession(m_session);
    // History shows amounts in the kind of units the Units choice is in (亿 and 万, or bn and m),
    // as the Dashboard's charts do. The Dashboard's combo follows the choice however it is made
    // (View → Units or the combo itself), so its changes catch every one.
    const auto followUnits
        = [this] { m_historyModel->setChineseUnits(m_parts.dashboard->theme().chineseUnits); };
    followUnits();
    if (auto *units = parts.dashboard->findChild<QComboBox *>(QStringLiteral("unitsCombo")))
        connect(units, &QComboBox::currentIndexChanged, this, followUnits);
    m_detailHistory = new DetailHistory(db, parts.detail, *m_historyModel, this);
    connect(m_detailHistory, &DetailHistory::stale, this, &EditActions::detailStale);
    m_historyPage = new HistoryPage(*m_historyModel, parts.frame);
    setUpView(m_historyPage->view());

    createActions();

    for (QAbstractItemView *view : { static_cast<QAbstractItemView *>(parts.disbursementsPage->view()),
             static_cast<QAbstractItemView *>(parts.holdingsPage->view()),
             static_cast<QAbstractItemView *>(parts.investeesPage->view()),
             static_cast<QAbstractItemView *>(parts.fundsPage->view()) }) {
        auto *delegate = new EditDelegate(*m_session, view);
        connect(delegate, &EditDelegate::refused, this,
            [this](const QString &m) { message(tr("Not stored: %1").arg(m)); });
        view->setItemDelegate(delegate);
        // F2 (or "Edit cell" in the context menu) only: a stray key or click never starts an edit
        // that leaving the cell would store.
        view->setEditTriggers(QAbstractItemView::EditKeyPressed);
        setUpView(view);
    }
    setUpNavigator(parts.navigator->tree());

    connect(m_session, &EditSession::failed, this, [this](const QString &m) { message(m, 15000); });
    connect(m_session, &EditSession::recordsChanged, m_detailHistory, &DetailHistory::recordsChanged);
    connect(parts.pages, &QTabWidget::currentChanged, this, &EditActions::updateNewAction);

    // The detail pane: the window fills it first (its connections were made before these), then
    // the record's own history is appended.
    connect(parts.disbursementsPage, &DisbursementsPage::currentDisbursementChanged, this,
        [this](qint64 id) { m_detailHistory->show(RecordKind::Disbursement, id); });
    connect(parts.disbursementsPage, &DisbursementsPage::openRequested, this,
        [this](qint64 id) { m_detailHistory->show(RecordKind::Disbursement, id); });
    for (InvesteesPage *page : { parts.holdingsPage, parts.investeesPage })
        connect(page, &InvesteesPage::currentInvesteeChanged, this,
            [this](qint64 id) { m_detailHistory->show(RecordKind::Investee, id); });
    connect(parts.fundsPage, &FundsPage::currentFundChanged, this,
        [this](qint64 id) { m_detailHistory->show(RecordKind::Fund, id); });
    updateNewAction();
}

EditActions::~EditActions() = default;

void EditActions::createActions()
{
    QUndoStack *stack = m_session->undoStack();
    // Not QUndoStack::createUndoAction(): it fixes the prefix when the action is made and puts
    // the step's name after it; these are named in the language in effect (retranslate()), with
    // the step's name where the language puts it ("&Undo %1").
    m_undo = new QAction(themed("edit-undo", QStyle::SP_ArrowBack), QString(), this);
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_undo->setEnabled(stack->canUndo());
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this, &EditActions::updateUndoTexts);
    connect(m_undo, &QAction::triggered, stack, &QUndoStack::undo);
    m_redo = new QAction(themed("edit-redo", QStyle::SP_ArrowForward), QString(), this);
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_redo->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    m_redo->setEnabled(stack->canRedo());
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::redoTextChanged, this, &EditActions::updateUndoTexts);
    connect(m_redo, &QAction::triggered, stack, &QUndoStack::redo);

    m_new = new QAction(themed("document-new", QStyle::SP_FileIcon), QString(), this);
    m_new->setObjectName(QStringLiteral("newRecordAction"));
    m_new->setShortcut(QKeySequence::New);
    connect(m_new, &QAction::triggered, this, [this] { openNewForm(pageKind()); });
    auto newKind = [this](RecordKind kind, const char *name) {
        auto *a = new QAction(this);
        a->setObjectName(QString::fromLatin1(name));
        connect(a, &QAction::triggered, this, [this, kind] {
            // A new phase belongs to the selected fund, a new disbursement to the selected
            // investee or phase, when there is one.
            RecordKind selectedKind = kind;
            const QList<qint64> ids = selectedIds(&selectedKind);
            qint64 context = 0;
            if (!ids.isEmpty()
                && ((kind == RecordKind::Phase && selectedKind == RecordKind::Fund)
                    || (kind == RecordKind::Disbursement
                        && (selectedKind == RecordKind::Phase || selectedKind == RecordKind::Investee))))
                context = ids.constFirst();
            if (kind == RecordKind::Disbursement && selectedKind == RecordKind::Investee && context != 0)
                context = -context; // negative: an investee, not a phase
            openNewForm(kind, context);
        });
        return a;
    };
    m_newFund = newKind(RecordKind::Fund, "newFundAction");
    m_newPhase = newKind(RecordKind::Phase, "newPhaseAction");
    m_newInvestee = newKind(RecordKind::Investee, "newInvesteeAction");
    m_newDisbursement = newKind(RecordKind::Disbursement, "newDisbursementAction");

    m_edit = new QAction(themed("document-edit", QStyle::SP_FileDialogDetailedView), QString(), this);
    m_edit->setObjectName(QStringLiteral("editRecordAction"));
    m_edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_edit, &QAction::triggered, this, &EditActions::editSelected);
    m_delete = new QAction(themed("edit-delete", QStyle::SP_TrashIcon), QString(), this);
    m_delete->setObjectName(QStringLiteral("deleteRecordAction"));
    m_delete->setShortcut(QKeySequence::Delete);
    connect(m_delete, &QAction::triggered, this, &EditActions::deleteSelected);
    m_rates = new QAction(this);
    m_rates->setObjectName(QStringLiteral("exchangeRatesAction"));
    connect(m_rates, &QAction::triggered, this, [this] { openExchangeRates(); });
    m_historyOf = new QAction(this);
    m_historyOf->setObjectName(QStringLiteral("historyOfAction"));
    m_historyOf->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(m_historyOf, &QAction::triggered, this, [this] {
        RecordKind kind = RecordKind::Disbursement;
        const QList<qint64> ids = selectedIds(&kind);
        if (ids.isEmpty())
            m_historyPage->showAll();
        else
            showHistoryOf(kind, ids.constFirst());
        m_parts.pages->setCurrentWidget(m_historyPage);
    });

    m_undoDock = new QDockWidget(m_parts.frame);
    m_undoDock->setObjectName(QStringLiteral("undoDock"));
    m_undoView = new QUndoView(stack, m_undoDock);
    m_undoView->setObjectName(QStringLiteral("undoView"));
    m_undoDock->setWidget(m_undoView);
    m_parts.frame->addDockWidget(Qt::RightDockWidgetArea, m_undoDock);
    m_undoDock->hide();

    m_toolBar = new QToolBar(m_parts.frame);
    m_toolBar->setObjectName(QStringLiteral("editToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_new);
    m_toolBar->addAction(m_edit);
    m_toolBar->addAction(m_delete);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undo);
    m_toolBar->addAction(m_redo);
    m_parts.frame->addToolBar(Qt::TopToolBarArea, m_toolBar);

    // The actions go into the window's menus, the toolbar and context menus, none of them ours:
    // the toolbar, which lives as long as the window, tells us when the language changed.
    Retranslator::follow(m_toolBar, [self = QPointer<EditActions>(this)] {
        if (self)
            self->retranslate();
    });
}

void EditActions::retranslate()
{
    updateUndoTexts();
    updateNewAction();
    m_newFund->setText(tr("New &fund…"));
    m_newPhase->setText(tr("New &phase…"));
    m_newInvestee->setText(tr("New &investee…"));
    m_newDisbursement->setText(tr("New &disbursement…"));
    m_edit->setText(tr("&Edit record…"));
    m_delete->setText(tr("&Delete records…"));
    m_rates->setText(tr("E&xchange rates…"));
    m_historyOf->setText(tr("&History of selected record"));
    m_undoDock->setWindowTitle(tr("Undo history"));
    // After the title: a dock names its toggle action after its title whenever that changes.
    m_undoDock->toggleViewAction()->setText(tr("Undo &history"));
    m_undoView->setEmptyLabel(tr("<opened>"));
    m_toolBar->setWindowTitle(tr("Editing"));
    if (m_dataMenu)
        m_dataMenu->setTitle(tr("D&ata"));
    // The detail pane cannot show again in the new language what it holds once the history is
    // appended: the record is shown afresh, with its history in the new language.
    m_detailHistory->refresh();
}

void EditActions::updateUndoTexts()
{
    const QUndoStack *stack = m_session->undoStack();
    const QString undo = stack->undoText();
    const QString redo = stack->redoText();
    m_undo->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
    m_redo->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
}

void EditActions::databaseChanged()
{
    m_session->reset();
    m_detailHistory->forget();
    m_historyPage->showAll();
}

QAction *EditActions::newKindAction(RecordKind kind) const
{
    switch (kind) {
    case RecordKind::Fund:
        return m_newFund;
    case RecordKind::Phase:
        return m_newPhase;
    case RecordKind::Investee:
        return m_newInvestee;
    case RecordKind::Disbursement:
        return m_newDisbursement;
    }
    return nullptr;
}

QAction *EditActions::undoHistoryAction() const
{
    return m_undoDock->toggleViewAction();
}

void EditActions::install(QMenu *editMenu, QMenu *beforeMenu)
{
    if (editMenu) {
        QAction *first = editMenu->actions().value(0);
        editMenu->insertAction(first, m_undo);
        editMenu->insertAction(first, m_redo);
        editMenu->insertAction(first, undoHistoryAction());
        editMenu->insertSeparator(first);
    }
    // Alt+D already switches to the Disbursements page.
    m_dataMenu = new QMenu(m_parts.frame); // titled in retranslate()
    m_dataMenu->setObjectName(QStringLiteral("dataMenu"));
    m_dataMenu->addAction(m_new);
    m_dataMenu->addSeparator();
    m_dataMenu->addAction(m_newFund);
    m_dataMenu->addAction(m_newPhase);
    m_dataMenu->addAction(m_newInvestee);
    m_dataMenu->addAction(m_newDisbursement);
    m_dataMenu->addSeparator();
    m_dataMenu->addAction(m_edit);
    m_dataMenu->addAction(m_delete);
    m_dataMenu->addSeparator();
    m_dataMenu->addAction(m_historyOf);
    m_dataMenu->addAction(m_rates);
    if (beforeMenu)
        m_parts.frame->menuBar()->insertMenu(beforeMenu->menuAction(), m_dataMenu);
    else
        m_parts.frame->menuBar()->addMenu(m_dataMenu);
    retranslate();
}

void EditActions::updateNewAction()
{
    m_new->setText(newPageText(pageKind()));
}

RecordKind EditActions::pageKind() const
{
    // The page in view decides, not the widget with focus: Ctrl+N on the Funds page adds a fund
    // even while the navigator has focus.
    QWidget *page = m_parts.pages->currentWidget();
    if (page == m_parts.fundsPage)
        return RecordKind::Fund;
    if (page == m_parts.holdingsPage || page == m_parts.investeesPage)
        return RecordKind::Investee;
    return RecordKind::Disbursement;
}

void EditActions::selectAdded(RecordKind kind, qint64 id)
{
    QWidget *page = m_parts.pages->currentWidget();
    QAbstractItemView *view = page == m_parts.disbursementsPage ? m_parts.disbursementsPage->view()
            : page == m_parts.fundsPage                         ? m_parts.fundsPage->view()
            : page == m_parts.holdingsPage                      ? m_parts.holdingsPage->view()
            : page == m_parts.investeesPage                     ? m_parts.investeesPage->view()
                                                                   : nullptr;
    if (!view || !view->model() || kind != pageKind())
        return;
    // Every page model keeps the row id in Qt::UserRole + 1 (their IdRole). A million-row page is
    // searched only as far as a user scrolls: a new record outside that is left to the filter.
    constexpr int IdRole = Qt::UserRole + 1;
    constexpr int MaxSearched = 5000;
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < std::min(model->rowCount(), MaxSearched); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(IdRole).toLongLong() == id) {
            view->setCurrentIndex(index);
            view->scrollTo(index, QAbstractItemView::PositionAtCenter);
            return;
        }
    }
}

QAbstractItemView *EditActions::focusedList() const
{
    QTreeView *tree = m_parts.navigator->tree();
    if (tree->hasFocus())
        return tree;
    QWidget *page = m_parts.pages->currentWidget();
    if (page == m_parts.disbursementsPage)
        return m_parts.disbursementsPage->view();
    if (page == m_parts.holdingsPage)
        return m_parts.holdingsPage->view();
    if (page == m_parts.investeesPage)
        return m_parts.investeesPage->view();
    if (page == m_parts.fundsPage)
        return m_parts.fundsPage->view();
    if (page == m_historyPage)
        return m_historyPage->view();
    return nullptr;
}

std::optional<RecordKind> EditActions::currentKind() const
{
    QAbstractItemView *list = focusedList();
    if (!list)
        return std::nullopt;
    if (list == m_parts.navigator->tree()) {
        const QModelIndex current = list->currentIndex();
        return current.isValid() && current.data(FundTreeModel::PhaseIdRole).toLongLong() != 0
            ? RecordKind::Phase
            : RecordKind::Fund;
    }
    if (list == m_parts.disbursementsPage->view())
        return RecordKind::Disbursement;
    if (list == m_parts.fundsPage->view())
        return RecordKind::Fund;
    if (list == m_historyPage->view()) {
        const QModelIndex current = list->currentIndex();
        if (current.isValid())
            return RecordLookup::kindOfTable(current.data(HistoryTableModel::TableRole).toString());
        return std::nullopt;
    }
    return RecordKind::Investee;
}

QList<qint64> EditActions::selectedIds(RecordKind *kind) const
{
    QList<qint64> ids;
    QAbstractItemView *list = focusedList();
    const std::optional<RecordKind> current = currentKind();
    if (!list || !current || !list->selectionModel())
        return ids;
    *kind = *current;
    if (list == m_parts.navigator->tree()) {
        const QModelIndex index = list->currentIndex();
        if (index.isValid())
            ids.append(
                index
                    .data(*kind == RecordKind::Phase ? FundTreeModel::PhaseIdRole : FundTreeModel::FundIdRole)
                    .toLongLong());
        return ids;
    }
    if (list == m_historyPage->view()) {
        const QModelIndex index = list->currentIndex();
        if (index.isValid())
            ids.append(index.data(HistoryTableModel::RowIdRole).toLongLong());
        return ids;
    }
    // Every page model keeps its row id in Qt::UserRole + 1 (IdRole).
    const int idRole = Qt::UserRole + 1;
    const QItemSelection selection = list->selectionModel()->selection();
    qint64 selectedRows = 0;
    for (const QItemSelectionRange &range : selection)
        selectedRows += range.height();
    if (list == m_parts.disbursementsPage->view() && selectedRows == list->model()->rowCount()
        && selectedRows > 1000)
        return m_parts.disbursements->allIds(); // "select all" over a large result: ask SQL
    for (const QModelIndex &row : list->selectionModel()->selectedRows()) {
        const qint64 id = row.data(idRole).toLongLong();
        if (id != 0 && !ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty() && list->currentIndex().isValid())
        ids.append(list->currentIndex().data(idRole).toLongLong());
    return ids;
}

RecordForm *EditActions::openNewForm(RecordKind kind, qint64 context)
{
    RecordForm *form = nullptr;
    switch (kind) {
    case RecordKind::Fund:
        form = new FundForm(*m_session, 0, m_parts.frame);
        break;
    case RecordKind::Phase:
        form = new PhaseForm(*m_session, 0, context, m_parts.frame);
        break;
    case RecordKind::Investee:
        form = new InvesteeForm(*m_session, 0, m_parts.frame);
        break;
    case RecordKind::Disbursement:
        form = new DisbursementForm(
            *m_session, 0, context > 0 ? context : 0, context < 0 ? -context : 0, m_parts.frame);
        break;
    }
    form->setAttribute(Qt::WA_DeleteOnClose);
    // The record the form adds, to select once it is in the page's rows.
    auto added = std::make_shared<qint64>(0);
    connect(m_session, &EditSession::recordsChanged, form,
        [added, kind](const RecordChange &change) {
            if (change.kind == kind && change.type == RecordChange::Type::Added && change.ids.size() == 1)
                *added = change.ids.constFirst();
        });
    connect(form, &QDialog::accepted, this, [this, form, added, kind] {
        message(addedText(form->kind()));
        if (*added)
            selectAdded(kind, *added);
    });
    form->open();
    return form;
}

RecordForm *EditActions::openEditForm(RecordKind kind, qint64 id)
{
    RecordForm *form = nullptr;
    switch (kind) {
    case RecordKind::Fund:
        form = new FundForm(*m_session, id, m_parts.frame);
        break;
    case RecordKind::Phase:
        form = new PhaseForm(*m_session, id, 0, m_parts.frame);
        break;
    case RecordKind::Investee:
        form = new InvesteeForm(*m_session, id, m_parts.frame);
        break;
    case RecordKind::Disbursement:
        form = new DisbursementForm(*m_session, id, 0, 0, m_parts.frame);
        break;
    }
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->open();
    return form;
}

void EditActions::editSelected()
{
    RecordKind kind = RecordKind::Disbursement;
    const QList<qint64> ids = selectedIds(&kind);
    if (ids.isEmpty()) {
        message(tr("Select a row to edit first."));
        return;
    }
    openEditForm(kind, ids.constFirst());
}

void EditActions::deleteSelected()
{
    RecordKind kind = RecordKind::Disbursement;
    const QList<qint64> ids = selectedIds(&kind);
    if (ids.isEmpty()) {
        message(tr("Select the rows to delete first."));
        return;
    }
    deleteRecords(kind, ids);
}

DeleteDialog *EditActions::deleteRecords(RecordKind kind, const QList<qint64> &ids)
{
    const RecordLookup records(m_db);
    Dependents all;
    for (qint64 id : ids) {
        const Dependents d = records.dependents(kind, id);
        all.phases += d.phases;
        all.disbursements += d.disbursements;
        all.childFunds += d.childFunds;
        all.lookThrough += d.lookThrough;
        for (const Dependents::Item &item : d.items) {
            if (all.items.size() < Dependents::MaxItems)
                all.items.append(item);
        }
    }
    auto done = [this, kind, ids] {
        if (m_session->deleteRecords(kind, ids, true))
            message(tr("Deleted %n record(s). Undo with Ctrl+Z.", nullptr, int(ids.size())));
        else
            message(tr("Not deleted: %1").arg(m_session->lastError()), 15000);
    };
    if (all.isEmpty()) {
        done();
        return nullptr;
    }
    const QString subject = deleteSubject(kind, ids.size(),
        ids.size() == 1 ? records.label(kind, ids.constFirst()) : QString());
    auto *dialog = new DeleteDialog(subject, all, m_parts.frame);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, done);
    dialog->open();
    return dialog;
}

ExchangeRatesDialog *EditActions::openExchangeRates()
{
    auto *dialog = new ExchangeRatesDialog(*m_session, m_parts.frame);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void EditActions::showHistoryOf(RecordKind kind, qint64 id)
{
    m_historyPage->showRecord(RecordLookup::tableOf(kind), id, RecordLookup(m_db).label(kind, id));
    m_parts.pages->setCurrentWidget(m_historyPage);
}

void EditActions::setUpView(QAbstractItemView *view)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this,
        [this, view](const QPoint &pos) { showContextMenu(view, pos); });
}

void EditActions::setUpNavigator(QTreeView *tree)
{
    setUpView(tree);
}

void EditActions::showContextMenu(QAbstractItemView *view, const QPoint &pos)
{
    view->setFocus(Qt::PopupFocusReason);
    // The menu acts on the row under the mouse, as in every other program.
    const QModelIndex clicked = view->indexAt(pos);
    if (clicked.isValid() && !view->selectionModel()->isSelected(clicked))
        view->setCurrentIndex(clicked);
    QMenu menu;
    const std::optional<RecordKind> kind = currentKind();
    const bool onRow = view->indexAt(pos).isValid();
    if (kind && view != m_historyPage->view()) {
        menu.addAction(newKindAction(*kind));
        if (*kind == RecordKind::Fund && onRow)
            menu.addAction(tr("New phase of this fund…"), m_newPhase, &QAction::trigger);
        if ((*kind == RecordKind::Investee || *kind == RecordKind::Phase) && onRow)
            menu.addAction(*kind == RecordKind::Investee ? tr("New disbursement for this investee…")
                                                         : tr("New disbursement for this phase…"),
                m_newDisbursement, &QAction::trigger);
    }
    if (kind && onRow) {
        const QModelIndex cell = view->indexAt(pos);
        if (cell.flags() & Qt::ItemIsEditable) {
            QAction *inPlace
                = menu.addAction(tr("Edit this &cell"), view, [view, cell] { view->edit(cell); });
            inPlace->setShortcut(QKeySequence(Qt::Key_F2));
        }
        if (view != m_historyPage->view()) {
            menu.addAction(m_edit);
            menu.addAction(m_delete);
            menu.addSeparator();
        }
        menu.addAction(tr("Show &history"), this, [this] { m_historyOf->trigger(); });
    }
    const QList<QAction *> viewActions = view->actions(); // Copy, from TableSupport
    if (!viewActions.isEmpty()) {
        menu.addSeparator();
        menu.addActions(viewActions);
    }
    if (!menu.isEmpty())
        menu.exec(view->viewport()->mapToGlobal(pos));
}

void EditActions::message(const QString &text, int timeoutMs)
{
    m_parts.frame->statusBar()->showMessage(text, timeoutMs);
}
