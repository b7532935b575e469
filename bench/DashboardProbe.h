#pragma once

#include "Measurement.h"
#include "ProbeOptions.h"

#include <QList>

/// The aggregation behind the dashboard: loading the in-memory cache, each grouping through SQL
/// (cold: no cache) and through the cache (warm), and a filter change with every chart rebuilt
/// (DashboardData::compute + ChartBuilder::build for all five charts). Needs a QApplication
/// (charts are graphics widgets).
class DashboardProbe
{
public:
    /// The full set, on the 1M dataset.
    static bool run(const ProbeOptions &options, QList<Measurement> *out, QString *error);
    /// The scaling row: cache load and the filter change only, ids "scaling.<label>.*".
    static bool runScaling(const ProbeOptions &options, QList<Measurement> *out, QString *error);
};
