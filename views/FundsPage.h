#pragma once

#include <QWidget>

class FundTableModel;
class QSortFilterProxyModel;
class QTableView;

/// The Funds page: each fund with level, region, parent, phases, capital and what it deployed.
class FundsPage : public QWidget
{
    Q_OBJECT
public:
    FundsPage(FundTableModel &model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    void saveState() const;

Q_SIGNALS:
    void currentFundChanged(qint64 fundId);
    /// Double-click: show this fund's holdings.
    void openRequested(qint64 fundId);

private:
    FundTableModel &m_model;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
};
