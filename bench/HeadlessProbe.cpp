#include "HeadlessProbe.h"

#include "ChildProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace {

const QStringList &groupings()
{
    static const QStringList keys = { QStringLiteral("sector"), QStringLiteral("region"), QStringLiteral("phase"),
                                      QStringLiteral("year") };
    return keys;
}

} // namespace

QString HeadlessProbe::programBesideBench()
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../app/fundscope"));
}

bool HeadlessProbe::run(const QString &fundscope, const QString &database, const QString &workDir, int repetitions,
                        QList<Measurement> *out, QString *error)
{
    if (!QFileInfo(fundscope).isExecutable()) {
        *error = QStringLiteral("%1: not built").arg(fundscope);
        return false;
    }
    QDir cache(QDir(workDir).filePath(QStringLiteral("headless-cache")));
    const QStringList environment = { QStringLiteral("XDG_CACHE_HOME=") + cache.absolutePath() };
    const QString output = QDir(workDir).filePath(QStringLiteral("headless-summary.csv"));
    const QString errors = QDir(workDir).filePath(QStringLiteral("headless-summary.err"));
    qint64 peakRssKb = 0; // of the summary processes since the last measurement
    auto summary = [&](const QString &key, QString *why) -> double {
        const ChildProcess::Outcome outcome = ChildProcess::run(fundscope,
            { QStringLiteral("summary"), QStringLiteral("--by"), key, QStringLiteral("--format"), QStringLiteral("csv"),
              QStringLiteral("--db"), database },
            QString(), output, errors, environment);
        if (!outcome.ok()) {
            *why = QStringLiteral("fundscope summary --by %1: %2")
                       .arg(key, outcome.started ? QStringLiteral("exit %1").arg(outcome.exitCode) : outcome.error);
            return -1;
        }
        peakRssKb = std::max(peakRssKb, outcome.peakRssKb);
        return outcome.wallMs;
    };
    auto collect = [&](const QString &id, const QString &label, const QString &key, int runs) {
        peakRssKb = 0;
        out->append(Measurement::collect(id, label, runs, [&](double *ms, QString *why) {
            *ms = summary(key, why);
            return *ms >= 0;
        }));
        out->last().peakRssKb = peakRssKb; // the child's, not this process's
    };

    cache.removeRecursively();
    collect(QStringLiteral("headless.summary_unkept.sector"),
        QStringLiteral("`fundscope summary --by sector`, process start to exit, nothing kept (the cache loads "
                       "from the database and is kept for the next process)"),
        QStringLiteral("sector"), 1);
    for (const QString &key : groupings()) {
        QString why;
        if (summary(key, &why) < 0) { // keeps the snapshot, untimed
            *error = why;
            return false;
        }
        collect(QStringLiteral("headless.summary.") + key,
            QStringLiteral("`fundscope summary --by %1`, process start to exit (column snapshot kept)").arg(key), key,
            repetitions);
    }
    cache.removeRecursively();
    QFile::remove(output);
    QFile::remove(errors);
    return true;
}
