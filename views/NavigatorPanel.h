#pragma once

#include <QWidget>

class FundTreeModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

/// The left-hand navigator: funds and their phases with totals, searchable by English or Chinese
/// name. Picking a row asks for the shared filter to narrow to that fund or phase.
class NavigatorPanel : public QWidget
{
    Q_OBJECT
public:
    NavigatorPanel(FundTreeModel &model, QWidget *parent = nullptr);

    QTreeView *tree() const { return m_tree; }
    /// Selects the row of this fund or phase without emitting (the filter already says so).
    void showSelection(qint64 fundId, qint64 phaseId);

Q_SIGNALS:
    /// phaseId is 0 when a whole fund was picked; both 0 for "all funds".
    void picked(qint64 fundId, qint64 phaseId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    FundTreeModel &m_model;
    QLabel *m_title = nullptr;
    QPushButton *m_all = nullptr;
    QLineEdit *m_search = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_tree = nullptr;
    bool m_updating = false;
};
