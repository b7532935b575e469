#include "StatusLine.h"

#include "Retranslator.h"

#include <QLabel>
#include <QStatusBar>

StatusLine::StatusLine(QStatusBar *bar) : QObject(bar)
{
    m_database = new QLabel(bar);
    m_database->setObjectName(QStringLiteral("statusDatabase"));
    m_rows = new QLabel(bar);
    m_rows->setObjectName(QStringLiteral("statusRows"));
    m_filter = new QLabel(bar);
    m_filter->setObjectName(QStringLiteral("statusFilter"));
    m_filter->setMaximumWidth(700);
    m_filter->setMinimumWidth(100);
    m_database->setMinimumWidth(100);
    bar->addWidget(m_database);
    bar->addWidget(m_rows);
    bar->addPermanentWidget(m_filter);
    Retranslator::follow(bar, [this] { showLast(); });
}

void StatusLine::show(const QString &database, const QString &rows, const QString &filter)
{
    m_lastDatabase = database;
    m_lastRows = rows;
    m_lastFilter = filter;
    showLast();
}

void StatusLine::showLast()
{
    m_database->setText(m_lastDatabase);
    m_rows->setText(m_lastRows);
    m_filter->setText(m_filter->fontMetrics().elidedText(m_lastFilter, Qt::ElideRight, 680));
    m_filter->setToolTip(m_lastFilter);
}
