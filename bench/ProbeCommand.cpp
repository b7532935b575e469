#include "BenchCommands.h"

#include "BrowseProbe.h"
#include "DashboardProbe.h"
#include "ExportProbe.h"
#include "ImportProbe.h"
#include "Measurement.h"
#include "ProbeOptions.h"
#include "WindowProbe.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

#include <functional>
#include <map>

int BenchCommands::probe(const QStringList &arguments)
{
    QCommandLineParser parser;
    describeSubcommand(parser, QStringLiteral("probe"), QStringLiteral(
        "Runs one group of measurements and writes them as JSON (started by 'run', in a process of "
        "its own so that its peak memory is its own)."));
    parser.addPositionalArgument(
        QStringLiteral("group"), QStringLiteral("window, browse, dashboard, scaling, import or export."));
    parser.addOption(
        { QStringLiteral("db"), QStringLiteral("The dataset's database."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("csv"), QStringLiteral("The dataset's interchange CSV folder."),
        QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("work"), QStringLiteral("Scratch folder."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("label"), QStringLiteral("The dataset's size, e.g. 1M."),
        QStringLiteral("TEXT"), QStringLiteral("1M") });
    parser.addOption(
        { QStringLiteral("reps"), QStringLiteral("Repetitions."), QStringLiteral("N"), QStringLiteral("5") });
    parser.addOption({ QStringLiteral("heavy-reps"), QStringLiteral("Repetitions of the long operations."),
        QStringLiteral("N"), QStringLiteral("3") });
    parser.addOption({ QStringLiteral("filters"),
        QStringLiteral("The filters chosen for the dataset (JSON)."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Where to write the measurements."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("only"),
        QStringLiteral("Only the measurements whose id starts with PREFIX."), QStringLiteral("PREFIX") });
    if (!parse(parser, arguments))
        return UsageError;

    using Probe = std::function<bool(const ProbeOptions &, QList<Measurement> *, QString *)>;
    static const std::map<QString, Probe> probes = {
        { QStringLiteral("window"), WindowProbe::run },
        { QStringLiteral("browse"), BrowseProbe::run },
        { QStringLiteral("dashboard"), DashboardProbe::run },
        { QStringLiteral("scaling"), DashboardProbe::runScaling },
        { QStringLiteral("import"), ImportProbe::run },
        { QStringLiteral("export"), ExportProbe::run },
    };
    const QString group = parser.positionalArguments().value(1);
    const auto probe = probes.find(group);
    if (probe == probes.end())
        return usageError(QStringLiteral("probe: unknown group '%1'").arg(group));
    for (const QString &name :
        { QStringLiteral("db"), QStringLiteral("work"), QStringLiteral("json"), QStringLiteral("filters") }) {
        if (!parser.isSet(name))
            return usageError(QStringLiteral("probe: --%1 is required").arg(name));
    }
    ProbeOptions options;
    options.database = parser.value(QStringLiteral("db"));
    options.csvDir = parser.value(QStringLiteral("csv"));
    options.workDir = parser.value(QStringLiteral("work"));
    options.label = parser.value(QStringLiteral("label"));
    options.only = parser.value(QStringLiteral("only"));
    bool ok = false;
    options.repetitions = parser.value(QStringLiteral("reps")).toInt(&ok);
    if (!ok || options.repetitions < 1)
        return usageError(QStringLiteral("probe: --reps wants a positive number"));
    options.heavyRepetitions = parser.value(QStringLiteral("heavy-reps")).toInt(&ok);
    if (!ok || options.heavyRepetitions < 1)
        return usageError(QStringLiteral("probe: --heavy-reps wants a positive number"));
    QString error;
    if (!BenchFilters::load(parser.value(QStringLiteral("filters")), &options.filters, &error))
        return failure(error);

    // The window keeps its state in QSettings: keep the benchmark's apart from the user's.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
        QDir(options.workDir).filePath(QStringLiteral("settings")));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
        QDir(options.workDir).filePath(QStringLiteral("settings")));

    QList<Measurement> measurements;
    if (!probe->second(options, &measurements, &error))
        return failure(QStringLiteral("probe %1: %2").arg(group, error));
    if (!Measurement::writeFile(parser.value(QStringLiteral("json")), measurements, &error))
        return failure(error);
    return Success;
}
