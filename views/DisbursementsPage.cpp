#include "DisbursementsPage.h"

#include "DisbursementTableModel.h"
#include "TableSupport.h"
#include "WebLink.h"

#include <QHeaderView>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace {

// "-v2": the columns changed order (the money beside the investee); a header state saved for the
// old order is left unread rather than scrambling the new one.
const QString settingsKey = QStringLiteral("disbursements-v2");

} // namespace

DisbursementsPage::DisbursementsPage(DisbursementTableModel &model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    m_view = new TableSupport::FrozenColumnView(this);
    m_view->setObjectName(QStringLiteral("disbursementsTable"));
    TableSupport::setUpRows(m_view);
    m_view->setModel(&m_model);
    // The model's own order first: enabling sorting then sorts by it, which the model skips as
    // unchanged, instead of sorting by the first column and back (two layout changes over a
    // million rows, both views and their headers).
    m_view->horizontalHeader()->setSortIndicator(DisbursementTableModel::Date, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    TableSupport::setUpTable(m_view, settingsKey);
    using C = DisbursementTableModel::Column;
    for (const auto &[column, width] : { std::pair { C::Investee, 260 }, std::pair { C::Amount, 140 },
                                         std::pair { C::Currency, 64 }, std::pair { C::Converted, 140 },
                                         std::pair { C::Date, 90 }, std::pair { C::Type, 120 },
                                         std::pair { C::Fund, 260 }, std::pair { C::Phase, 90 },
                                         std::pair { C::Sector, 200 }, std::pair { C::Region, 110 },
                                         std::pair { C::Stake, 80 }, std::pair { C::Status, 90 },
                                         std::pair { C::Confidence, 90 }, std::pair { C::Source, 240 },
                                         std::pair { C::Notes, 300 } })
        m_view->setColumnWidth(column, width);

    TableSupport::restoreHeader(m_view->horizontalHeader(), settingsKey);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        Q_EMIT currentDisbursementChanged(i.isValid() ? i.data(DisbursementTableModel::IdRole).toLongLong() : 0);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        Q_EMIT openRequested(i.data(DisbursementTableModel::IdRole).toLongLong());
    });
    connect(m_view, &QTableView::clicked, this, [](const QModelIndex &i) {
        if (i.column() != DisbursementTableModel::Source)
            return;
        WebLink::open(QUrl(i.data(DisbursementTableModel::SourceUrlRole).toString()));
    });
}

void DisbursementsPage::saveState() const
{
    TableSupport::saveHeader(m_view->horizontalHeader(), settingsKey);
}
