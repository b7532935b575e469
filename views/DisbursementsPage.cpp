#include "DisbursementsPage.h"

#include "DisbursementTableModel.h"
#include "TableSupport.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

DisbursementsPage::DisbursementsPage(DisbursementTableModel &model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("disbursementsTable"));
    TableSupport::setUpRows(m_view);
    m_view->setModel(&m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(DisbursementTableModel::Date, Qt::DescendingOrder);
    TableSupport::setUpTable(m_view, QStringLiteral("disbursements"));
    const int widths[] = { 90, 260, 90, 280, 200, 110, 120, 190, 80, 90, 90, 240, 300 };
    for (int c = 0; c < DisbursementTableModel::ColumnCount; ++c)
        m_view->setColumnWidth(c, widths[c]);

    TableSupport::restoreHeader(m_view->horizontalHeader(), QStringLiteral("disbursements"));
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
        const QUrl url(i.data(DisbursementTableModel::SourceUrlRole).toString());
        if (url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")))
            QDesktopServices::openUrl(url);
    });
}

void DisbursementsPage::saveState() const
{
    TableSupport::saveHeader(m_view->horizontalHeader(), QStringLiteral("disbursements"));
}
