#pragma once

#include "ChartBuilder.h"
#include "DashboardData.h"

#include <QList>
#include <QWidget>

class DashboardChartView;
class QComboBox;
class QLabel;

/// The Dashboard page: key figures, the five charts and a footnote saying which rates were used
/// and what was counted apart. Clicking a slice or bar asks to narrow the shared filter
/// (drillRequested); the breadcrumb above steps back along the drill path.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);

    /// Shows new figures (a filter change or a reload).
    void setData(const DashboardData &data);
    /// Shows a "loading" or error text instead of figures.
    void setUnavailable(const QString &message);
    const DashboardData &data() const { return m_data; }
    const ChartTheme &theme() const { return m_theme; }
    DashboardChartView *chartView(ChartBuilder::Kind kind) const;
    const QList<DashboardChartView *> &chartViews() const { return m_views; }

Q_SIGNALS:
    /// A click on a chart: narrow the shared filter to `filter` (the crumb is recorded already).
    void drillRequested(const Filter &filter);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// The fixed texts, and everything built from the kept data (key figures, footnote, charts).
    void retranslateUi();
    /// The key figures and the footnote from m_data.
    void showFigures();
    void rebuildCharts();
    void updateBreadcrumb();
    void drill(ChartBuilder::Kind kind, qint64 keyId, const QString &label);
    void connectChart(ChartBuilder::Kind kind, QChart *chart);
    QWidget *tile(const char *objectName, QLabel **value);

    struct Crumb
    {
        QString label;
        Filter before;
        Filter after;
    };

    DashboardData m_data;
    bool m_hasData = false;
    ChartTheme m_theme;
    QList<Crumb> m_crumbs;
    QLabel *m_breadcrumb = nullptr;
    QComboBox *m_units = nullptr;
    QLabel *m_unitsLabel = nullptr;
    /// The tiles' captions, in the order retranslateUi() names them.
    QList<QLabel *> m_captions;
    QLabel *m_status = nullptr;
    QLabel *m_invested = nullptr;
    QLabel *m_committed = nullptr;
    QLabel *m_funds = nullptr;
    QLabel *m_phases = nullptr;
    QLabel *m_investees = nullptr;
    QLabel *m_events = nullptr;
    QLabel *m_undisclosed = nullptr;
    QLabel *m_withoutRate = nullptr;
    QLabel *m_footnote = nullptr;
    QList<DashboardChartView *> m_views;
};
