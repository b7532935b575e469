#include "FundsPage.h"

#include "FundTableModel.h"
#include "TableSupport.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

FundsPage::FundsPage(FundTableModel &model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(&m_model);
    m_proxy->setSortRole(FundTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("fundsTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    TableSupport::setUpTable(m_view, QStringLiteral("funds"));
    const int widths[FundTableModel::ColumnCount] = { 320, 220, 70, 80, 150, 240, 60, 210, 170, 170, 60 };
    for (int c = 0; c < FundTableModel::ColumnCount; ++c)
        m_view->setColumnWidth(c, widths[c]);
    m_view->sortByColumn(FundTableModel::Invested, Qt::DescendingOrder);
    TableSupport::restoreHeader(m_view->horizontalHeader(), QStringLiteral("funds"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        Q_EMIT currentFundChanged(i.isValid() ? i.data(FundTableModel::IdRole).toLongLong() : 0);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        Q_EMIT openRequested(i.data(FundTableModel::IdRole).toLongLong());
    });
}

void FundsPage::saveState() const
{
    TableSupport::saveHeader(m_view->horizontalHeader(), QStringLiteral("funds"));
}
