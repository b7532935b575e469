#pragma once

#include "Measurement.h"

#include <QList>
#include <QString>

/// `fundscope summary` as a script runs it: one process per grouping, timed from start to exit
/// (ChildProcess), beside the sqlite3 tool's own process for the same grouping
/// (SqliteBaseline::processGroupings). The process gets a cache folder of its own in the work
/// folder, so the user's cache is never touched.
class HeadlessProbe
{
public:
    /// "headless.summary.<sector|region|phase|year>": `repetitions` runs each, after one untimed
    /// run that keeps the column snapshot, as any earlier run or window would have;
    /// "headless.summary_unkept.sector": one run with nothing kept (the cache loads from the
    /// database and is written for the next process).
    static bool run(const QString &fundscope, const QString &database, const QString &workDir, int repetitions,
                    QList<Measurement> *out, QString *error);
    /// The fundscope program beside this benchmark tool in the build tree (app/fundscope).
    static QString programBesideBench();
};
