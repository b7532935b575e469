#pragma once

#include "BenchFilters.h"
#include "ChildProcess.h"
#include "Measurement.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

/// Everything one `fundscope-bench run` found, as BenchmarkReport renders it.
struct BenchmarkResults
{
    struct Dataset
    {
        QString label; ///< "100k", "1M", "5M"
        qint64 disbursements = 0;
        int investees = 0;
        int phases = 0;
        QString path;
        QString csvDir; ///< empty when no CSV was written
        double generatedSeconds = -1; ///< -1: reused from an earlier run (same spec and seed)
        qint64 fileBytes = 0;
        BenchFilters filters;
    };
    struct Process
    {
        QString name; ///< "window (1M)"
        ChildProcess::Outcome outcome;
    };
    struct Plan
    {
        QString key; ///< the sort, as in browse.sort.<key>
        QString sql;
        QString plan; ///< EXPLAIN QUERY PLAN output
    };

    QDateTime started;
    double seconds = 0; ///< the whole run
    bool quick = false;
    int repetitions = 0;
    int heavyRepetitions = 0; ///< import runs
    quint64 seed = 1;
    QString command; ///< what reproduces the run
    QString commit;
    QString cpuModel;
    int cores = 0;
    qint64 memoryKb = 0;
    QString kernel;
    QString loadAverage; ///< /proc/loadavg at the start
    QString loadAverageEnd;
    QString qtVersion;
    QString sqliteLibrary; ///< the SQLite library Fundscope links
    QString sqliteTool; ///< `sqlite3 -version`

    QList<Dataset> datasets;
    QHash<QString, Measurement> measurements; ///< Fundscope's and the baselines', by id
    QList<Process> processes;
    QList<Plan> plans;
    QStringList problems; ///< whatever failed during the run, in plain words

    const Measurement *find(const QString &id) const
    {
        const auto it = measurements.constFind(id);
        return it == measurements.constEnd() ? nullptr : &it.value();
    }
};
