#include "ImportProbe.h"

#include "Database.h"
#include "DatasetGenerator.h"
#include "DeferredIndexes.h"
#include "ImportRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <sys/resource.h>

namespace {

double cpuMs(const timeval &t)
{
    return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3;
}

void removeDatabase(const QString &path)
{
    for (const QString &suffix :
        { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
        QFile::remove(path + suffix);
}

} // namespace

bool ImportProbe::run(const ProbeOptions &options, QList<Measurement> *out, QString *error)
{
    QList<ImportSource> sources;
    for (const QString &name : DatasetGenerator::csvFileNames()) {
        ImportSource source;
        source.path = QDir(options.csvDir).filePath(name);
        if (!QFileInfo::exists(source.path)) {
            *error = QStringLiteral("%1: missing (generate the dataset with --csv)").arg(source.path);
            return false;
        }
        sources.append(source);
    }
    const QString target = QDir(options.workDir).filePath(QStringLiteral("import-probe.db"));
    double userMs = 0;
    double systemMs = 0;
    qint64 rows = 0;
    qint64 fileBytes = 0;
    bool bulk = false;
    QList<double> stalls;
    QList<double> secondStageMs;
    out->append(Measurement::collect(QStringLiteral("import.csv"),
        QStringLiteral(
            "Import %1 disbursements of interchange CSV (5 files) into an empty database, validated, on "
            "the wizard's worker, until the data is usable (the sort indexes follow)")
            .arg(options.label),
        options.heavyRepetitions, [&](double *ms, QString *why) -> bool {
            removeDatabase(target);
            {
                Database create;
                if (create.open(target, Database::OpenMode::CreateNew) != Database::Status::Ok) {
                    *why = create.errorString();
                    return false;
                }
            }
            ImportRunner runner;
            LoadReport report;
            bool done = false;
            QEventLoop loop;
            QObject::connect(&runner, &ImportRunner::finished, &loop, [&](const LoadReport &r) {
                report = r;
                done = true;
                loop.quit();
            });
            // A tick every 5 ms: the longest gap between two ticks is the longest the event loop
            // was held up.
            QElapsedTimer sinceTick;
            double longest = 0;
            QTimer tick;
            tick.setTimerType(Qt::PreciseTimer);
            QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
                longest = std::max(longest, double(sinceTick.nsecsElapsed()) / 1e6);
                sinceTick.restart();
            });
            rusage before {};
            rusage after {};
            getrusage(RUSAGE_SELF, &before);
            QElapsedTimer timer;
            timer.start();
            sinceTick.start();
            tick.start(5);
            if (!runner.start(target, sources, ImportOptions())) {
                *why = QStringLiteral("the import runner did not start");
                return false;
            }
            if (!done)
                loop.exec();
            *ms = double(timer.nsecsElapsed()) / 1e6;
            tick.stop();
            getrusage(RUSAGE_SELF, &after);
            stalls.append(longest);
            userMs += cpuMs(after.ru_utime) - cpuMs(before.ru_utime);
            systemMs += cpuMs(after.ru_stime) - cpuMs(before.ru_stime);
            rows = report.inserted.value(QStringLiteral("disbursements"));
            bulk = report.bulk;
            const bool ok = report.ok();
            if (!ok)
                *why = QStringLiteral("the import failed: %1")
                           .arg(report.errorLines().mid(0, 3).join(QStringLiteral("; ")));
            if (ok) {
                // The second stage, as the window's Workspace runs it after the import.
                Database second;
                QString error;
                QElapsedTimer stage;
                stage.start();
                if (second.open(target, Database::OpenMode::OpenExisting) != Database::Status::Ok
                    || !DeferredIndexes::build(second, nullptr, {}, &error))
                    *why = QStringLiteral("the sort indexes: %1").arg(error.isEmpty() ? second.errorString() : error);
                else
                    secondStageMs.append(double(stage.nsecsElapsed()) / 1e6);
            }
            fileBytes = QFileInfo(target).size();
            removeDatabase(target);
            return ok && why->isEmpty();
        }));
    Measurement &m = out->last();
    if (m.measured()) {
        const double n = double(m.samplesMs.size());
        m.note = QStringLiteral(
            "%L1 disbursements stored%2; CPU per run: %3 s user, %4 s system; database %5 MB")
                     .arg(rows)
                     .arg(bulk ? QStringLiteral(" (bulk path: indexes rebuilt once)") : QString())
                     .arg(userMs / n / 1000, 0, 'f', 1)
                     .arg(systemMs / n / 1000, 0, 'f', 1)
                     .arg(double(fileBytes) / 1e6, 0, 'f', 0);
        Measurement stall;
        stall.id = QStringLiteral("import.event_loop_block");
        stall.label = QStringLiteral(
            "Longest the event loop was held up during that import (a 5 ms timer's largest gap)");
        stall.samplesMs = stalls;
        stall.peakRssKb = m.peakRssKb;
        out->append(stall);
        Measurement second;
        second.id = QStringLiteral("import.second_stage");
        second.label = QStringLiteral(
            "The import's second stage: the sort indexes built after the commit (DeferredIndexes)");
        second.samplesMs = secondStageMs;
        second.peakRssKb = stall.peakRssKb;
        out->append(second);
    }
    return true;
}
