#include "DashboardChartView.h"

#include "ChartTheme.h"

#include <QChart>
#include <QPainter>

DashboardChartView::DashboardChartView(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(380, 280);
    setFrameShape(QFrame::StyledPanel);
}

void DashboardChartView::replaceChart(QChart *chart)
{
    QChart *old = this->chart();
    setChart(chart);
    // Later, not now: a click on one of its bars or slices may be what replaced it, and Qt Charts
    // still uses the clicked item after the signal returns.
    if (old)
        old->deleteLater();
    viewport()->update();
}

void DashboardChartView::paintEvent(QPaintEvent *event)
{
    QChartView::paintEvent(event);
    const QString empty = chart() ? chart()->property("emptyText").toString() : QString();
    if (empty.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setFont(ChartTheme::font(10));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect(), Qt::AlignCenter, empty);
}
