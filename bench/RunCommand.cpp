#include "BenchCommands.h"

#include "BenchmarkReport.h"
#include "BenchmarkRunner.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

int BenchCommands::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    describeSubcommand(parser, QStringLiteral("run"), QStringLiteral(
        "Runs every Fundscope benchmark on generated datasets (1M disbursements; 100k and 5M for the "
        "scaling row), beside the sqlite3 tool on the same files, and prints a Markdown report."));
    parser.addOption({ QStringLiteral("quick"),
        QStringLiteral("Fewer runs (3; imports and exports 1) and no 5M dataset.") });
    parser.addOption(
        { QStringLiteral("out"), QStringLiteral("Also write the report to FILE."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("work"),
        QStringLiteral("Folder for the datasets (reused when present with the same seed) and scratch "
                       "files (default: <temp>/fundscope-bench)."),
        QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("seed"), QStringLiteral("Generator seed (default 1)."),
        QStringLiteral("S"), QStringLiteral("1") });
    parser.addOption({ QStringLiteral("reps"), QStringLiteral("Runs per figure (default 5; quick: 3)."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("import-reps"),
        QStringLiteral(
            "Runs of each 1M import and table export, Fundscope's and sqlite3's (default 2; quick: 1)."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("sqlite3"),
        QStringLiteral("The sqlite3 tool for the baselines (default: sqlite3 "
                       "on PATH)."),
        QStringLiteral("PROGRAM"), QStringLiteral("sqlite3") });
    parser.addOption({ QStringLiteral("commit"), QStringLiteral("The source version to name in the report."),
        QStringLiteral("TEXT") });
    if (!parseSubcommand(parser, arguments))
        return UsageError;

    BenchmarkRunner::Options options;
    options.quick = parser.isSet(QStringLiteral("quick"));
    options.workDir = parser.isSet(QStringLiteral("work"))
        ? parser.value(QStringLiteral("work"))
        : QDir::temp().filePath(QStringLiteral("fundscope-bench"));
    options.workDir = QFileInfo(options.workDir).absoluteFilePath();
    bool ok = false;
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usageError(QStringLiteral("run: --seed wants a non-negative integer"));
    options.repetitions = options.quick ? 3 : 5;
    options.heavyRepetitions = options.quick ? 1 : 2;
    for (const auto &[name, target] : { std::pair { QStringLiteral("reps"), &options.repetitions },
             std::pair { QStringLiteral("import-reps"), &options.heavyRepetitions } }) {
        if (!parser.isSet(name))
            continue;
        *target = parser.value(name).toInt(&ok);
        if (!ok || *target < 1)
            return usageError(QStringLiteral("run: --%1 wants a positive number").arg(name));
    }
    options.sqlite3 = parser.value(QStringLiteral("sqlite3"));
    options.commit = parser.value(QStringLiteral("commit"));
    QStringList shown = arguments.mid(1);
    options.command = QStringLiteral("fundscope-bench ") + shown.join(QLatin1Char(' '));

    BenchmarkRunner runner(options);
    BenchmarkResults results;
    QString error;
    if (!runner.run(&results, &error))
        return failure(error);
    const QString markdown = BenchmarkReport::markdown(results);
    printOut(markdown);
    if (parser.isSet(QStringLiteral("out"))) {
        const QString path = parser.value(QStringLiteral("out"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(markdown.toUtf8()) < 0 || !file.commit())
            return failure(QStringLiteral("%1: %2").arg(path, file.errorString()));
    }
    return results.problems.isEmpty() ? Success : Failure;
}
