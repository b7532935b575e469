#pragma once

#include <QString>

class QAbstractItemView;
class QTableView;
class QTreeView;
class QHeaderView;

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
/// Call after setting default widths and hidden columns, so that the user's own layout wins.
void restoreHeader(QHeaderView *header, const QString &settingsKey);
void saveHeader(QHeaderView *header, const QString &settingsKey);

} // namespace TableSupport
