#include "BenchCommands.h"
#include "ProcessMemory.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

namespace {

using Command = std::function<int(const QStringList &)>;

struct Entry
{
    Command run;
    const char *summary;
};

// Every subcommand, by the word that selects it.
const std::map<QString, Entry> &commands()
{
    static const std::map<QString, Entry> table = {
        { QStringLiteral("generate"),
            { BenchCommands::generate, "write a deterministic synthetic database (and interchange CSV)" } },
        { QStringLiteral("run"),
            { BenchCommands::run,
                "run every benchmark beside the sqlite3 baselines; print a Markdown table" } },
        { QStringLiteral("probe"),
            { BenchCommands::probe, "(internal, started by run) one group of measurements as JSON" } },
    };
    return table;
}

int usage(int exitCode)
{
    QString text = QStringLiteral("Usage: fundscope-bench <command> [options]\n\nCommands:\n");
    for (const auto &[name, entry] : commands())
        text += QStringLiteral("  %1  %2\n").arg(name, -10).arg(QString::fromUtf8(entry.summary));
    text += QStringLiteral("\nRun 'fundscope-bench <command> --help' for a command's options.\n");
    if (exitCode == 0)
        BenchCommands::printOut(text);
    else
        std::fputs(text.toUtf8().constData(), stderr);
    return exitCode;
}

} // namespace

int main(int argc, char **argv)
{
    ProcessMemory::keepFreedBlocks(); // as the app does: the probes measure its memory behaviour
    // Probes drive real widgets and charts: they need a QApplication, always offscreen so that
    // figures do not depend on a display.
    std::unique_ptr<QCoreApplication> app;
    if (argc > 1 && std::strcmp(argv[1], "probe") == 0) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("fundscope-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FUNDSCOPE_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    const QString word = arguments.value(1);
    if (word == QLatin1String("--help") || word == QLatin1String("-h") || word == QLatin1String("help"))
        return usage(BenchCommands::Success);
    const auto it = commands().find(word);
    if (it == commands().end()) {
        if (!word.isEmpty())
            BenchCommands::usageError(QStringLiteral("unknown command '%1'").arg(word));
        return usage(BenchCommands::UsageError);
    }
    return it->second.run(arguments);
}
