#pragma once

#include "BenchFilters.h"

#include <QString>

/// What a probe (one group of measurements, run in a child process of its own so that its peak
/// RSS is its own) works on.
struct ProbeOptions
{
    QString database; ///< the generated database to read (never written)
    QString csvDir; ///< interchange CSV of the same data (import probe)
    QString workDir; ///< scratch space: databases the probe creates, settings
    QString label; ///< the dataset's size as the report names it: "100k", "1M", "5M"
    int repetitions = 5;
    int heavyRepetitions = 3; ///< for the operations that take seconds (1M imports and exports)
    BenchFilters filters;
    QString only; ///< when set, only measurements whose id starts with it (investigations)

    bool wants(const QString &id) const { return only.isEmpty() || id.startsWith(only); }
};
