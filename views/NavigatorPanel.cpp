#include "NavigatorPanel.h"

#include "FundTreeModel.h"
#include "TableSupport.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

NavigatorPanel::NavigatorPanel(FundTreeModel &model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(&m_model);
    m_proxy->setFilterRole(FundTreeModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setSortRole(FundTreeModel::SortRole);
    // Totals change for most rows at once; re-sorting on every dataChanged made a filter change
    // cost the navigator a sort per fund. It sorts once when the model says the totals landed.
    m_proxy->setDynamicSortFilter(false);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("navigatorTree"));
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(FundTreeModel::Invested, Qt::DescendingOrder);
    TableSupport::setUpTree(m_tree, QStringLiteral("navigator"));
    setMinimumWidth(300);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    TableSupport::restoreHeader(header, QStringLiteral("navigator"));
    // Fixed widths from the widest figure the columns can hold, set after the saved state (which
    // would bring back older resize modes): ResizeToContents re-measured every visible row for
    // each changed total.
    header->setSectionResizeMode(FundTreeModel::Name, QHeaderView::Stretch);
    header->setSectionResizeMode(FundTreeModel::Invested, QHeaderView::Interactive);
    header->setSectionResizeMode(FundTreeModel::Events, QHeaderView::Interactive);
    const QFontMetrics metrics = m_tree->fontMetrics();
    const int padding = 3 * m_tree->style()->pixelMetric(QStyle::PM_HeaderMargin) + metrics.averageCharWidth();
    const int sortArrow = m_tree->style()->pixelMetric(QStyle::PM_HeaderMarkSize);
    auto fit = [&](int column, const QString &widestValue) {
        const QString title = m_model.headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column, std::max(metrics.horizontalAdvance(widestValue),
                                               header->fontMetrics().horizontalAdvance(title) + sortArrow) + padding);
    };
    fit(FundTreeModel::Invested, QStringLiteral("99999.9 bn"));
    fit(FundTreeModel::Events, QStringLiteral("9,999,999"));
    m_all = new QPushButton(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title = new QLabel(this);
    layout->addWidget(m_title);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_all);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(&m_model, &FundTreeModel::totalsChanged, this, [this] {
        m_proxy->sort(m_tree->header()->sortIndicatorSection(), m_tree->header()->sortIndicatorOrder());
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_updating || !current.isValid())
                    return;
                Q_EMIT picked(current.data(FundTreeModel::FundIdRole).toLongLong(),
                              current.data(FundTreeModel::PhaseIdRole).toLongLong());
            });
    connect(m_all, &QPushButton::clicked, this, [this] {
        m_updating = true;
        m_tree->clearSelection();
        m_tree->setCurrentIndex({});
        m_updating = false;
        Q_EMIT picked(0, 0);
    });
    retranslateUi();
}

void NavigatorPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void NavigatorPanel::retranslateUi()
{
    m_title->setText(QStringLiteral("<b>%1</b>").arg(tr("Funds and phases").toHtmlEscaped()));
    m_search->setPlaceholderText(tr("Find a fund (English or Chinese name)"));
    m_all->setText(tr("All funds"));
    m_all->setToolTip(tr("Show every fund's data"));
}

void NavigatorPanel::showSelection(qint64 fundId, qint64 phaseId)
{
    const QModelIndex source = phaseId ? m_model.indexOfPhase(phaseId) : m_model.indexOfFund(fundId);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (index == m_tree->currentIndex())
        return;
    m_updating = true;
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    } else {
        m_tree->clearSelection();
        m_tree->setCurrentIndex({});
    }
    m_updating = false;
}
