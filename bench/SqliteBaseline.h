#pragma once

#include "Measurement.h"

#include <QList>
#include <QString>

/// The raw engine beside Fundscope: the `sqlite3` command-line tool run on the same files in
/// the same run, with the SQL in bench/baseline/ (embedded as :/bench/baseline/*.sql). Times
/// come from the tool's own `.timer` (statement time, without process start-up) except for the
/// import, which is the whole process (wall clock, peak RSS from wait4).
class SqliteBaseline
{
public:
    SqliteBaseline(const QString &program, const QString &workDir);

    /// "3.40.1 2022-12-28 ..." or an empty string when the tool cannot run.
    QString version() const;
    /// Copies `database` into the work folder and builds the covering indexes there (the
    /// original is never changed). `indexBuild` receives the time that took.
    bool prepareGroupingCopy(const QString &database, Measurement *indexBuild, QString *error);
    /// "baseline.group.<sector|region|phase|year>" (the same sums as Fundscope) and
    /// "baseline.bare.<...>" (one raw sum, for scale), each `repetitions` times, on the copy.
    bool groupings(int repetitions, QList<Measurement> *out, QString *error);
    /// "baseline.process.<sector|region|phase|year>": the same sums as groupings(), one sqlite3
    /// process per run, timed from its start to its exit (what a script calling the tool waits).
    bool processGroupings(int repetitions, QList<Measurement> *out, QString *error);
    /// "baseline.import": .import of the five CSV files plus the nine indexes, and
    /// "baseline.import_usable": the same plus one covering index per grouping (issue 18), each
    /// run into a new database file.
    bool importCsv(const QString &csvDir, int repetitions, QList<Measurement> *out, QString *error);
    /// "baseline.export_csv": every disbursement written as interchange CSV, from the original
    /// opened read-only.
    bool exportCsv(const QString &database, int repetitions, QList<Measurement> *out, QString *error);
    /// EXPLAIN QUERY PLAN of each statement (run read-only on `database`), in order.
    bool queryPlans(
        const QString &database, const QStringList &statements, QStringList *plans, QString *error);
    /// Removes the copy and every file this made.
    void cleanUp();

    /// The text of one embedded baseline file ("group_sector.sql").
    static QString sql(const QString &name);

private:
    struct Run
    {
        QList<double> statementMs; ///< one per "Run Time:" line, in order
        qint64 peakRssKb = 0;
        double wallMs = 0;
        QString output;
    };
    bool runScript(const QStringList &arguments, const QString &script, Run *run, QString *error) const;

    QString m_program;
    QString m_workDir;
    QString m_copy;
};
