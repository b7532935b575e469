#include "FundsPage.h"

#include "FundTableModel.h"
#include "TableSupport.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace {

// "-v2": the columns changed order (the money beside the names); a header state saved for the
// old order is left unread rather than scrambling the new one.
const QString settingsKey = QStringLiteral("funds-v2");

} // namespace

FundsPage::FundsPage(FundTableModel &model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(&m_model);
    m_proxy->setSortRole(FundTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view = new TableSupport::FrozenColumnView(this);
    m_view->setObjectName(QStringLiteral("fundsTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    TableSupport::setUpTable(m_view, settingsKey);
    using C = FundTableModel::Column;
    for (const auto &[column, width] : { std::pair { C::Name, 280 }, std::pair { C::Invested, 140 },
                                         std::pair { C::Committed, 140 }, std::pair { C::Capital, 210 },
                                         std::pair { C::Events, 60 }, std::pair { C::NameZh, 220 },
                                         std::pair { C::Kind, 70 }, std::pair { C::Level, 80 },
                                         std::pair { C::Region, 150 }, std::pair { C::Parent, 240 },
                                         std::pair { C::Phases, 60 } })
        m_view->setColumnWidth(column, width);
    m_view->sortByColumn(C::Invested, Qt::DescendingOrder);
    TableSupport::restoreHeader(m_view->horizontalHeader(), settingsKey);

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
    TableSupport::saveHeader(m_view->horizontalHeader(), settingsKey);
}
