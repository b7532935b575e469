#pragma once

#include <QChartView>

/// A chart view that shows the chart's "emptyText" (set by ChartBuilder when nothing matches)
/// instead of bare axes, and hands its chart over when replaced.
class DashboardChartView : public QChartView
{
    Q_OBJECT
public:
    explicit DashboardChartView(QWidget *parent = nullptr);

    /// Takes ownership of `chart`; the previous one is deleted when control returns to the event
    /// loop (it may be handling the click that replaced it).
    void replaceChart(QChart *chart);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /// A pie's legend beside the ring, its font shrunk when the view is too narrow for it.
    void placeLegend();
};
