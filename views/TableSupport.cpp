#include "TableSupport.h"

#include "DisbursementTableModel.h"
#include "Retranslator.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUrl>

namespace TableSupport {

namespace {

// On a FrozenColumnView's header: the logical section the overlay shows (absent elsewhere: -1).
constexpr const char *frozenSectionProperty = "frozenSection";

void setUpHeader(QHeaderView *header, const QString &settingsKey)
{
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QWidget::customContextMenuRequested, header, [header](const QPoint &pos) {
        QMenu menu;
        QAbstractItemModel *model = header->model();
        for (int section = 0; section < header->count(); ++section) {
            QAction *action = menu.addAction(model->headerData(section, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(section));
            const QVariant frozen = header->property(frozenSectionProperty);
            action->setEnabled(!frozen.isValid() || section != frozen.toInt());
            QObject::connect(action, &QAction::toggled, header,
                             [header, section](bool on) { header->setSectionHidden(section, !on); });
        }
        menu.exec(header->mapToGlobal(pos));
    });
    Q_UNUSED(settingsKey);
}

QString clean(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

void restoreHeader(QHeaderView *header, const QString &settingsKey)
{
    const QByteArray state = QSettings().value(QStringLiteral("headers/") + settingsKey).toByteArray();
    if (!state.isEmpty())
        header->restoreState(state);
    const QVariant frozen = header->property(frozenSectionProperty);
    if (frozen.isValid()) {
        header->showSection(frozen.toInt());
        header->moveSection(header->visualIndex(frozen.toInt()), 0);
    }
}

void saveHeader(QHeaderView *header, const QString &settingsKey)
{
    QSettings().setValue(QStringLiteral("headers/") + settingsKey, header->saveState());
}

void setUpRows(QTableView *view)
{
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->verticalHeader()->hide();
}

void setUpTable(QTableView *view, const QString &settingsKey)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    setUpRows(view);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultSectionSize(140);
    setUpHeader(view->horizontalHeader(), settingsKey);
}

void setUpTree(QTreeView *view, const QString &settingsKey)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    setUpHeader(view->header(), settingsKey);
}

void copySelection(QAbstractItemView *view)
{
    QAbstractItemModel *model = view->model();
    QItemSelectionModel *selection = view->selectionModel();
    if (!model || !selection || !selection->hasSelection())
        return;
    QHeaderView *header = nullptr;
    if (auto *table = qobject_cast<QTableView *>(view))
        header = table->horizontalHeader();
    else if (auto *tree = qobject_cast<QTreeView *>(view))
        header = tree->header();
    QList<int> columns;
    for (int visual = 0; visual < model->columnCount(); ++visual) {
        const int logical = header ? header->logicalIndex(visual) : visual;
        if (!header || !header->isSectionHidden(logical))
            columns.append(logical);
    }
    QStringList titles;
    for (int c : columns)
        titles.append(clean(model->headerData(c, Qt::Horizontal).toString()));
    QString text = titles.join(QLatin1Char('\t')) + QLatin1Char('\n');

    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto *windowed = qobject_cast<DisbursementTableModel *>(model);
    QList<QItemSelectionRange> ranges = selection->selection();
    std::sort(ranges.begin(), ranges.end(),
              [](const QItemSelectionRange &a, const QItemSelectionRange &b) { return a.top() < b.top(); });
    int lastRow = -1;
    for (const QItemSelectionRange &range : ranges) {
        const int top = std::max(range.top(), lastRow + 1);
        if (top > range.bottom())
            continue;
        if (windowed) {
            text += windowed->toTsv(top, range.bottom(), columns);
        } else {
            for (int row = top; row <= range.bottom(); ++row) {
                QStringList cells;
                for (int c : columns)
                    cells.append(clean(model->index(row, c, range.parent()).data().toString()));
                text += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
            }
        }
        lastRow = range.bottom();
    }
    QGuiApplication::restoreOverrideCursor();
    QGuiApplication::clipboard()->setText(text);
}

void addCopyActions(QMenu *edit, QTabWidget *pages)
{
    // The one Ctrl+C of the window: a second one on each view made the shortcut ambiguous, so
    // neither fired.
    QAction *copy = edit->addAction(QString(), QKeySequence::Copy, pages, [pages] {
        auto *view = qobject_cast<QAbstractItemView *>(QApplication::focusWidget());
        if (!view)
            view = pages->currentWidget()->findChild<QAbstractItemView *>();
        if (view)
            copySelection(view);
    });
    QAction *selectAll = edit->addAction(QString(), QKeySequence::SelectAll, pages, [pages] {
        if (auto *view = pages->currentWidget()->findChild<QAbstractItemView *>())
            view->selectAll();
    });
    Retranslator::follow(edit, [copy, selectAll] {
        copy->setText(QApplication::translate("TableSupport", "&Copy rows"));
        selectAll->setText(QApplication::translate("TableSupport", "Select &all rows"));
    });
}

FrozenColumnView::FrozenColumnView(QWidget *parent) : QTableView(parent)
{
    // Sideways by pixels, so a cell can be scrolled just clear of the overlay (scrollTo()).
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    horizontalHeader()->setFirstSectionMovable(false);
    horizontalHeader()->setProperty(frozenSectionProperty, 0);

    m_frozen = new QTableView(this);
    m_frozen->setObjectName(QStringLiteral("frozenColumn"));
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frozen->setAutoScroll(false);
    m_frozen->setWordWrap(false);
    m_frozen->verticalHeader()->hide();
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_frozen->horizontalHeader()->setSectionsClickable(true);
    m_frozen->horizontalHeader()->setSortIndicatorShown(true);
    m_frozen->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_frozen->viewport()->installEventFilter(this);
    m_frozen->hide();
    viewport()->stackUnder(m_frozen);

    QHeaderView *header = horizontalHeader();
    QHeaderView *frozenHeader = m_frozen->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (logical == 0) {
            m_frozen->setColumnWidth(0, size);
            updateFrozen();
        }
    });
    connect(frozenHeader, &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (logical == 0)
            setColumnWidth(0, size);
    });
    // The overlay's header sorts as a click on this view's own would: a new column ascending,
    // the sorted one the other way.
    connect(frozenHeader, &QHeaderView::sectionClicked, this, [this](int logical) {
        if (!isSortingEnabled())
            return;
        QHeaderView *h = horizontalHeader();
        const bool ascending = h->sortIndicatorSection() != logical || h->sortIndicatorOrder() == Qt::DescendingOrder;
        h->setSortIndicator(logical, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    });
    connect(header, &QHeaderView::sortIndicatorChanged, frozenHeader, &QHeaderView::setSortIndicator);
    connect(frozenHeader, &QWidget::customContextMenuRequested, this, [this, frozenHeader](const QPoint &pos) {
        Q_EMIT horizontalHeader()->customContextMenuRequested(
                horizontalHeader()->mapFrom(this, frozenHeader->mapTo(this, pos)));
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, m_frozen->verticalScrollBar(), &QScrollBar::setValue);
    connect(m_frozen->verticalScrollBar(), &QScrollBar::valueChanged, verticalScrollBar(), &QScrollBar::setValue);
}

void FrozenColumnView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    m_frozen->setModel(model);
    m_frozen->setSelectionModel(selectionModel());
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    if (model) {
        // A header keeps its sections' hidden state over a reset, but new columns come shown.
        m_modelConnections = { connect(model, &QAbstractItemModel::columnsInserted, this,
                                       &FrozenColumnView::hideOtherColumns),
                               connect(model, &QAbstractItemModel::modelReset, this,
                                       &FrozenColumnView::hideOtherColumns) };
    }
    hideOtherColumns();
    updateFrozen();
}

void FrozenColumnView::setSelectionModel(QItemSelectionModel *selectionModel)
{
    QTableView::setSelectionModel(selectionModel);
    // setModel() sets one first, before the overlay has the model (it follows in setModel()).
    if (m_frozen && selectionModel && m_frozen->model() == selectionModel->model())
        m_frozen->setSelectionModel(selectionModel);
}

void FrozenColumnView::hideOtherColumns()
{
    if (!model())
        return;
    for (int column = 1; column < model()->columnCount(rootIndex()); ++column)
        m_frozen->setColumnHidden(column, true);
    m_frozen->setColumnWidth(0, columnWidth(0));
}

bool FrozenColumnView::frozenShown() const
{
    return m_frozen && !m_frozen->isHidden();
}

void FrozenColumnView::updateGeometries()
{
    QTableView::updateGeometries();
    if (m_frozen) // not while QTableView's constructor lays out
        updateFrozen();
}

void FrozenColumnView::updateFrozen()
{
    if (m_editingFrozen && state() != QAbstractItemView::EditingState)
        m_editingFrozen = false; // the editor went without closeEditor() (a reset)
    const int width = columnWidth(0);
    const bool show = model() && !isColumnHidden(0) && !m_editingFrozen && width > 0
            && 3 * width <= 2 * viewport()->width() && horizontalScrollBar()->maximum() > 0;
    if (!show) {
        m_frozen->hide();
        return;
    }
    if (m_frozen->verticalHeader()->defaultSectionSize() != verticalHeader()->defaultSectionSize())
        m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    m_frozen->setShowGrid(showGrid());
    m_frozen->setGridStyle(gridStyle());
    m_frozen->setAlternatingRowColors(alternatingRowColors());
    m_frozen->setTextElideMode(textElideMode());
    m_frozen->setVerticalScrollMode(verticalScrollMode());
    m_frozen->horizontalHeader()->setVisible(!horizontalHeader()->isHidden());
    m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
    m_frozen->horizontalHeader()->setDefaultAlignment(horizontalHeader()->defaultAlignment());
    const int top = horizontalHeader()->isHidden() ? viewport()->y() : horizontalHeader()->y();
    m_frozen->setGeometry(viewport()->x(), top, width, viewport()->y() + viewport()->height() - top);
    m_frozen->verticalScrollBar()->setValue(verticalScrollBar()->value());
    m_frozen->show();
}

QModelIndex FrozenColumnView::indexAt(const QPoint &point) const
{
    // What the user sees under the overlay is the first column, whatever scrolled beneath it.
    if (frozenShown() && model() && point.x() >= 0 && point.x() < m_frozen->width()) {
        const int row = rowAt(point.y());
        return row < 0 ? QModelIndex() : model()->index(row, 0, rootIndex());
    }
    return QTableView::indexAt(point);
}

void FrozenColumnView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!frozenShown() || !index.isValid()) {
        QTableView::scrollTo(index, hint);
        return;
    }
    QScrollBar *sideways = horizontalScrollBar();
    const int before = sideways->value();
    QTableView::scrollTo(index, hint);
    if (index.column() == 0) {
        sideways->setValue(before); // only the row needed bringing into view
        return;
    }
    const int covered = m_frozen->width() - visualRect(index).left();
    if (covered > 0)
        sideways->setValue(sideways->value() - covered);
}

bool FrozenColumnView::edit(const QModelIndex &index, EditTrigger trigger, QEvent *event)
{
    // The editor opens in this view's viewport, under the overlay: the first column is scrolled
    // into its own place and the overlay put away until the editor closes.
    const bool frozenCell = frozenShown() && index.isValid() && index.column() == 0
            && (trigger == AllEditTriggers || (editTriggers() & trigger)) && (index.flags() & Qt::ItemIsEditable);
    if (!frozenCell)
        return QTableView::edit(index, trigger, event);
    const int before = horizontalScrollBar()->value();
    horizontalScrollBar()->setValue(0);
    if (!QTableView::edit(index, trigger, event)) {
        horizontalScrollBar()->setValue(before);
        return false;
    }
    m_editingFrozen = true;
    m_scrollBeforeEdit = before;
    m_frozen->hide();
    return true;
}

void FrozenColumnView::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    QTableView::closeEditor(editor, hint);
    if (m_editingFrozen && state() != QAbstractItemView::EditingState) {
        m_editingFrozen = false;
        horizontalScrollBar()->setValue(m_scrollBeforeEdit);
        updateFrozen();
    }
}

bool FrozenColumnView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_frozen->viewport())
        return QTableView::eventFilter(watched, event);
    const auto toViewport = [this](const QPointF &pos) {
        return viewport()->mapFrom(this, m_frozen->viewport()->mapTo(this, pos));
    };
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (event->type() == QEvent::MouseButtonPress)
            setFocus(Qt::MouseFocusReason); // the overlay takes no focus: keys go to this view
        QMouseEvent forwarded(mouse->type(), toViewport(mouse->position()), mouse->scenePosition(),
                              mouse->globalPosition(), mouse->button(), mouse->buttons(), mouse->modifiers(),
                              mouse->pointingDevice());
        QCoreApplication::sendEvent(viewport(), &forwarded);
        return true;
    }
    case QEvent::Wheel: {
        auto *wheel = static_cast<QWheelEvent *>(event);
        QWheelEvent forwarded(toViewport(wheel->position()), wheel->globalPosition(), wheel->pixelDelta(),
                              wheel->angleDelta(), wheel->buttons(), wheel->modifiers(), wheel->phase(),
                              wheel->inverted(), Qt::MouseEventNotSynthesized, wheel->pointingDevice());
        QCoreApplication::sendEvent(viewport(), &forwarded);
        return true;
    }
    case QEvent::ContextMenu: {
        auto *menu = static_cast<QContextMenuEvent *>(event);
        QContextMenuEvent forwarded(menu->reason(), toViewport(QPointF(menu->pos())).toPoint(), menu->globalPos(),
                                    menu->modifiers());
        QCoreApplication::sendEvent(viewport(), &forwarded);
        return true;
    }
    default:
        return QTableView::eventFilter(watched, event);
    }
}

} // namespace TableSupport
