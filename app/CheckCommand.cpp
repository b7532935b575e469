#include "Commands.h"

#include "CommandSupport.h"
#include "StorageBackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>

// fundscope check [--db FILE]: SQLite's integrity and foreign-key checks on the whole file, read
// only, with a plain report on stdout. Exit 0 when both find nothing, 1 on damage or broken
// references (or a file that cannot be checked), 2 on a usage error.

int Commands::check(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    describeCommand(parser, QStringLiteral("check"),
        QCoreApplication::translate("Commands",
            "Checks a database file whole: SQLite's integrity_check (every page, record and index) and "
            "foreign_key_check (every reference points at a row). Prints what each found; exit 0 when both "
            "find nothing, 1 otherwise. Reads only: the file is not changed, and the window may have it "
            "open."));
    addDatabaseOption(
        parser, QCoreApplication::translate("Commands", "The database file to check (default: %1)."));
    if (!parse(parser, arguments))
        return UsageError;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(
            QCoreApplication::translate("Commands", "check: unexpected argument '%1' (use --db FILE)")
                .arg(positional.at(1)));
    const QString path = databasePath(parser);
    if (path.isEmpty())
        return usageError(QCoreApplication::translate("Commands", "check needs --db FILE"));

    const CheckReport report = StorageBackend::of(path).check(path, 100);
    if (!report.error.isEmpty())
        return failure(report.error);
    printOut(report.text());
    return report.ok() ? Success : Failure;
}
