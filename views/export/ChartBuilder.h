#pragma once

#include "ChartTheme.h"

#include <QString>

class QChart;
struct DashboardData;

/// Builds the dashboard's charts from DashboardData — the one chart code path used by the
/// Dashboard page, the Export dialog and `fundscope export-chart` alike. Every series carries
/// the group ids it plots (property "keyIds", a QVariantList parallel to its points, slices or
/// categories) so that a click can narrow the filter to what was clicked.
namespace ChartBuilder {

enum class Kind { Sector, Region, Phase, Year, TopInvestees };

/// How many categories the bar charts show at most.
constexpr int MaxRegions = 12;
constexpr int MaxPhases = 10;
constexpr int MaxInvestees = 10;

/// A new chart (owned by the caller). An empty result gives a chart with the property
/// "emptyText" set, which views and renderers draw in place of axes.
QChart *build(Kind kind, const DashboardData &data, const ChartTheme &theme);
/// "By sector", "By region (province)", …, following the drill level in the data.
QString title(Kind kind, const DashboardData &data);
/// A phase's short name for axis labels: the fund's bracketed short name or an elided name.
QString shortPhaseName(const QString &fundAndLabel);

} // namespace ChartBuilder
