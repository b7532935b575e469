#include "DashboardChartView.h"

#include "ChartTheme.h"

#include <QChart>
#include <QLegend>
#include <QPainter>
#include <QResizeEvent>

#include <algorithm>

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
    placeLegend();
    viewport()->update();
}

void DashboardChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeLegend();
}

void DashboardChartView::placeLegend()
{
    QChart *c = chart();
    const qreal legendWidth = c ? c->property("legendWidth").toReal() : 0;
    if (legendWidth <= 0)
        return;
    // Qt Charts gives a side legend about two fifths of the chart at most and clips the rest; a
    // bottom one is a single row that elides every name. So the legend stays beside the ring and
    // its font shrinks with the view, down to a size that still reads.
    if (!c->property("legendPointSize").isValid())
        c->setProperty("legendPointSize", c->legend()->font().pointSizeF());
    const qreal full = c->property("legendPointSize").toReal();
    const qreal share = std::min<qreal>(1.0, width() * 0.4 / legendWidth);
    QFont font = c->legend()->font();
    font.setPointSizeF(std::max<qreal>(6.5, full * share));
    c->legend()->setFont(font);
    c->legend()->setMinimumWidth(std::min(legendWidth, width() * 0.4));
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
