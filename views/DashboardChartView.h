#pragma once

#include <QChartView>

/// A chart view that shows the chart's "emptyText" (set by ChartBuilder when nothing matches)
/// instead of bare axes, and hands its chart over when replaced.
class DashboardChartView : public QChartView
{
    Q_OBJECT
public:
    explicit DashboardChartView(QWidget *parent = nullptr);

    /// Takes ownership of `chart`, deleting the previous one.
    void replaceChart(QChart *chart);

protected:
    void paintEvent(QPaintEvent *event) override;
};
