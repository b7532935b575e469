#include "TableSupport.h"

#include "DisbursementTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeView>
#include <QUrl>

namespace TableSupport {

namespace {

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

} // namespace TableSupport
