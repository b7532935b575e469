#include "HistoryPage.h"

#include "HistoryTableModel.h"
#include "TableSupport.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

HistoryPage::HistoryPage(HistoryTableModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("historyPage"));
    m_table = new QComboBox(this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    // The data are the history's table names; the items are named in retranslateUi().
    for (const QString &table : { QString(), QStringLiteral("funds"), QStringLiteral("phases"),
                                  QStringLiteral("investees"), QStringLiteral("disbursements"),
                                  QStringLiteral("exchange_rates") })
        m_table->addItem(QString(), table);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setClearButtonEnabled(true);
    m_clearRecord = new QPushButton(this);
    m_clearRecord->setObjectName(QStringLiteral("historyAllRecords"));
    m_clearRecord->hide();
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("historyHeading"));
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(&m_model);
    TableSupport::setUpTable(m_view, QStringLiteral("history"));
    const int widths[] = { 140, 80, 70, 280, 100, 200, 200 };
    for (int c = 0; c < HistoryTableModel::ColumnCount; ++c)
        m_view->setColumnWidth(c, widths[c]);
    TableSupport::restoreHeader(m_view->horizontalHeader(), QStringLiteral("history"));

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(6, 4, 6, 0);
    m_showLabel = new QLabel(this);
    filters->addWidget(m_showLabel);
    filters->addWidget(m_table);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_clearRecord);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(filters);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    m_heading->setContentsMargins(6, 2, 6, 2);

    connect(m_table, &QComboBox::currentIndexChanged, this, [this] {
        m_rowId = 0;
        applyFilter();
    });
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &HistoryPage::applyFilter);
    connect(m_clearRecord, &QPushButton::clicked, this, &HistoryPage::showAll);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &HistoryPage::updateHeading);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &HistoryPage::updateHeading);
    applyFilter();
    retranslateUi();
}

void HistoryPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void HistoryPage::retranslateUi()
{
    const QStringList items = { tr("All records"), tr("Funds"), tr("Phases", "fund phases"), tr("Investees"),
                                tr("Disbursements"), tr("Exchange rates") };
    for (int i = 0; i < m_table->count(); ++i)
        m_table->setItemText(i, items.value(i));
    m_showLabel->setText(tr("Show", "which records' changes to list"));
    m_search->setPlaceholderText(tr("Find in fields, values and users"));
    m_clearRecord->setText(tr("Show every record"));
    updateHeading();
}

void HistoryPage::showRecord(const QString &table, qint64 rowId, const QString &label)
{
    {
        const QSignalBlocker blocker(m_table);
        m_table->setCurrentIndex(std::max(0, m_table->findData(table)));
    }
    m_rowId = rowId;
    m_recordLabel = label;
    applyFilter();
}

void HistoryPage::showAll()
{
    m_rowId = 0;
    {
        const QSignalBlocker blocker(m_table);
        m_table->setCurrentIndex(0);
    }
    applyFilter();
}

void HistoryPage::applyFilter()
{
    HistoryQuery query;
    query.table = m_table->currentData().toString();
    query.rowId = query.table.isEmpty() ? 0 : m_rowId;
    query.text = m_search->text();
    m_clearRecord->setVisible(query.rowId != 0);
    m_model.setQuery(query);
}

void HistoryPage::updateHeading()
{
    const HistoryQuery &q = m_model.query();
    const QString scope
        = q.rowId != 0 ? tr("Changes to %1").arg(m_recordLabel.toHtmlEscaped()) : tr("Changes");
    m_heading->setText(tr("<b>%1</b> — %L2 recorded, newest first").arg(scope).arg(m_model.totalCount()));
}

void HistoryPage::saveState() const
{
    TableSupport::saveHeader(m_view->horizontalHeader(), QStringLiteral("history"));
}
