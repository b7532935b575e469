#pragma once

#include "BenchmarkResults.h"

#include <QString>

/// Renders BenchmarkResults as the Markdown of docs/benchmarks.md: the machine and the command
/// that reproduces the run, every target of the browse, dashboard, export and entry issues with
/// its verdict, then the tables (median, min and max over the runs, peak RSS, the sqlite3
/// baseline beside each figure that has one and the ratio between them), the scaling row, the
/// probe processes, the query plans of the Disbursements page and whatever failed.
class BenchmarkReport
{
public:
    static QString markdown(const BenchmarkResults &results);
};
