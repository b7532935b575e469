#include "StatusLine.h"

#include <QLabel>
#include <QStatusBar>

StatusLine::StatusLine(QStatusBar *bar) : QObject(bar)
{
    m_database = new QLabel(bar);
    m_rows = new QLabel(bar);
    m_filter = new QLabel(bar);
    m_filter->setMaximumWidth(700);
    m_filter->setMinimumWidth(100);
    m_database->setMinimumWidth(100);
    bar->addWidget(m_database);
    bar->addWidget(m_rows);
    bar->addPermanentWidget(m_filter);
}

void StatusLine::show(const QString &database, const QString &rows, const QString &filter)
{
    m_database->setText(database);
    m_rows->setText(rows);
    m_filter->setText(m_filter->fontMetrics().elidedText(filter, Qt::ElideRight, 680));
    m_filter->setToolTip(filter);
}
