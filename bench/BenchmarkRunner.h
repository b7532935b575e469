#pragma once

#include "BenchmarkResults.h"

#include <QString>

/// Runs the whole benchmark: generates (or reuses) the datasets in a work folder, runs each
/// group of Fundscope measurements in a child process of its own (`fundscope-bench probe`, so
/// that each group's peak RSS is its own), runs the sqlite3 baselines on the same files, and
/// collects everything for BenchmarkReport. Progress goes to stderr.
class BenchmarkRunner
{
public:
    struct Options
    {
        bool quick = false; ///< fewer runs, no 5M dataset
        QString workDir;
        quint64 seed = 1;
        int repetitions = 5;
        int heavyRepetitions = 2; ///< the 1M imports and table exports (Fundscope and sqlite3)
        QString sqlite3 = QStringLiteral("sqlite3");
        QString command;
        QString commit;
    };

    explicit BenchmarkRunner(const Options &options);

    /// False only when nothing useful could be measured (no dataset); failures of single
    /// groups are listed in results->problems and their rows marked.
    bool run(BenchmarkResults *results, QString *error);

private:
    bool dataset(
        const QString &label, qint64 disbursements, bool csv, BenchmarkResults::Dataset *out, QString *error);
    void probe(const QString &group, const BenchmarkResults::Dataset &dataset, int repetitions,
        BenchmarkResults *results);
    void machine(BenchmarkResults *results) const;
    void progress(const QString &message) const;

    Options m_options;
    QString m_filtersDir;
};
