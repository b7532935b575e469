#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

/// One benchmark figure: repeated timings of one operation, the peak resident memory seen while
/// it ran, and what the reader needs to interpret it. Probes (child processes) write lists of
/// them as JSON; the runner reads them back and renders the report.
struct Measurement
{
    QString id; ///< stable key, e.g. "browse.sort.amount"; targets and baselines refer to it
    QString label; ///< what was timed, for the table
    QList<double> samplesMs; ///< one per repetition, in run order
    qint64 peakRssKb = 0; ///< highest VmHWM over the repetitions (whole process), 0 when unknown
    QString note; ///< extra facts (rows read, CPU split, plan) for the notes column
    QString unavailable; ///< set instead of samples when the operation could not be measured

    double median() const;
    double min() const;
    double max() const;
    bool measured() const { return !samplesMs.isEmpty(); }

    QJsonObject toJson() const;
    static Measurement fromJson(const QJsonObject &object);
    static bool writeFile(const QString &path, const QList<Measurement> &measurements, QString *error);
    static QList<Measurement> readFile(const QString &path, QString *error);

    /// Runs `body` `repetitions` times, each after `setup` (untimed), and records the wall time
    /// of every run and the peak RSS during the runs. `body` returns false with *error set to
    /// stop; the measurement then carries what failed in `unavailable`.
    static Measurement repeat(const QString &id, const QString &label, int repetitions,
        const std::function<void()> &setup, const std::function<bool(QString *)> &body);
    /// The same for operations that time themselves (when set-up and tear-down cannot be
    /// separated from the call): `body` stores the milliseconds of one run in *ms.
    static Measurement collect(const QString &id, const QString &label, int repetitions,
        const std::function<bool(double *ms, QString *error)> &body);
};
