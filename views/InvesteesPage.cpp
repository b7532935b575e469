#include "InvesteesPage.h"

#include "InvesteeTableModel.h"
#include "TableSupport.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

InvesteesPage::InvesteesPage(Mode mode, InvesteeTableModel &model, QWidget *parent)
    : QWidget(parent), m_mode(mode), m_model(model)
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(&m_model);
    m_proxy->setSortRole(InvesteeTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view = new TableSupport::FrozenColumnView(this);
    m_view->setObjectName(mode == Mode::Holdings ? QStringLiteral("holdingsTable") : QStringLiteral("investeesTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);

    TableSupport::setUpTable(m_view, settingsKey());
    using C = InvesteeTableModel::Column;
    const QList<int> hidden = mode == Mode::Holdings
            ? QList<int> { C::Divested, C::Funds, C::Ticker, C::Kind, C::Undisclosed }
            : QList<int> { C::Stake, C::FirstDate, C::LastDate, C::Divested, C::Kind };
    for (int c : hidden)
        m_view->setColumnHidden(c, true);
    for (const auto &[column, width] : { std::pair { C::Name, 260 }, std::pair { C::Invested, 140 },
                                         std::pair { C::Committed, 140 }, std::pair { C::Divested, 140 },
                                         std::pair { C::Stake, 90 }, std::pair { C::NameZh, 200 },
                                         std::pair { C::Sector, 150 }, std::pair { C::Segment, 150 },
                                         std::pair { C::Region, 140 }, std::pair { C::FirstDate, 90 },
                                         std::pair { C::LastDate, 90 }, std::pair { C::Events, 70 },
                                         std::pair { C::Funds, 60 }, std::pair { C::Undisclosed, 90 },
                                         std::pair { C::Ticker, 140 }, std::pair { C::Kind, 80 } })
        m_view->setColumnWidth(column, width);
    m_view->sortByColumn(C::Invested, Qt::DescendingOrder);
    TableSupport::restoreHeader(m_view->horizontalHeader(), settingsKey());

    m_heading = new QLabel(this);
    m_heading->setContentsMargins(6, 4, 6, 4);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_heading->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        Q_EMIT currentInvesteeChanged(i.isValid() ? i.data(InvesteeTableModel::IdRole).toLongLong() : 0,
                                      i.isValid() ? i.data(InvesteeTableModel::SubFundIdRole).toLongLong() : 0);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        Q_EMIT openRequested(i.data(InvesteeTableModel::IdRole).toLongLong());
    });
}

QString InvesteesPage::settingsKey() const
{
    // "-v2": the columns changed order (the money beside the names); a header state saved for the
    // old order is left unread rather than scrambling the new one.
    return m_mode == Mode::Holdings ? QStringLiteral("holdings-v2") : QStringLiteral("investees-v2");
}

void InvesteesPage::setHeading(const QString &text)
{
    m_heading->setText(text);
}

void InvesteesPage::saveState() const
{
    TableSupport::saveHeader(m_view->horizontalHeader(), settingsKey());
}
