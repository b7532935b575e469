#pragma once

#include <QString>
#include <QTableView>

class QAbstractItemView;
class QTreeView;
class QHeaderView;
class QMenu;
class QTabWidget;

/// Setup every table page shares (STYLE 15: free functions, not a base class): header context
/// menu to show/hide columns, copy of the selection as TSV, clickable source links, and
/// header state kept in QSettings under `settingsKey` (restoreHeader / saveHeader).
namespace TableSupport {

/// Row height and the hidden row header. Call it before setModel() on a view of many rows: a new
/// default size afterwards resizes (and signals) every row, 30 ms at a million.
void setUpRows(QTableView *view);
/// Everything a page's table shares (setUpRows included) and its saved header state.
void setUpTable(QTableView *view, const QString &settingsKey);
void setUpTree(QTreeView *view, const QString &settingsKey);
/// Copies the selected rows (visible columns, in view order) to the clipboard as TSV with a
/// header line. Models that can stream (DisbursementTableModel) are read in one query. The main
/// window's Edit → Copy rows (Ctrl+C) calls it for the focused view; views get no Ctrl+C of
/// their own, which would make the shortcut ambiguous.
void copySelection(QAbstractItemView *view);
/// Call after setting default widths and hidden columns, so that the user's own layout wins. A
/// page whose columns change order must change its key: a state saved for the old order would
/// put the new columns in the old places. A frozen first column stays first and shown.
void restoreHeader(QHeaderView *header, const QString &settingsKey);
void saveHeader(QHeaderView *header, const QString &settingsKey);
/// Edit → Copy rows (Ctrl+C: the focused list, else the current page's table; text fields keep
/// their own) and Select all rows, for the window whose pages are `pages`.
void addCopyActions(QMenu *edit, QTabWidget *pages);

/// A table whose first column (the name) stays in view when the others scroll sideways: Qt's
/// "frozen column" example, one class for every page. A second, display-only view over the same
/// model and selection model lies over the left edge and shows that column alone. The mouse on
/// it is handed to this view, whose indexAt() answers with the first column there, so selection,
/// context menus, double-clicks and editing all stay with this one view (and its delegate); an
/// editor of the first column opens with the overlay put away. The first column can be neither
/// moved nor hidden. The overlay is shown only while the table scrolls sideways and the column
/// takes at most two thirds of the width (a wider one scrolls with the rest). A subclass, not a
/// free function like the rest here: only overrides of indexAt(), scrollTo() and edit() keep the
/// overlay and the view beneath it agreeing on what is where.
class FrozenColumnView : public QTableView
{
    Q_OBJECT
public:
    explicit FrozenColumnView(QWidget *parent = nullptr);
    using QTableView::edit; // the public edit(index) slot, beside the override below

    void setModel(QAbstractItemModel *model) override;
    void setSelectionModel(QItemSelectionModel *selectionModel) override;
    QModelIndex indexAt(const QPoint &point) const override;
    /// Never scrolls sideways to the first column, and never leaves a cell under the overlay.
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    /// The overlay (for tests).
    QTableView *frozenView() const { return m_frozen; }

protected:
    void updateGeometries() override;
    bool edit(const QModelIndex &index, EditTrigger trigger, QEvent *event) override;
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateFrozen();
    void hideOtherColumns();
    bool frozenShown() const;

    QTableView *m_frozen = nullptr;
    QList<QMetaObject::Connection> m_modelConnections;
    bool m_editingFrozen = false;
    int m_scrollBeforeEdit = 0;
};

} // namespace TableSupport
