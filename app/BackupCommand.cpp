#include "Commands.h"

#include "CommandSupport.h"
#include "StorageBackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLocale>

// fundscope backup [--db FILE] --out COPY: a consistent copy through SQLite's online backup,
// checked before it replaces COPY. Exit 0 with what was written, 1 on failure (no file left),
// 2 on a usage error.

int Commands::backup(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    describeCommand(parser, QStringLiteral("backup"),
        QCoreApplication::translate("Commands",
            "Copies a database through SQLite's online backup: one consistent state of the file, also while "
            "the "
            "window or another program has it open and writes to it. The copy is checked before it is put in "
            "place; a damaged database is not copied."));
    addDatabaseOption(
        parser, QCoreApplication::translate("Commands", "The database file to copy (default: %1)."));
    parser.addOption({ QStringLiteral("out"),
        QCoreApplication::translate("Commands",
            "The copy to write (replaced only once the new one is complete and checked; "
            "never the database itself)."),
        QStringLiteral("COPY") });
    if (!parseCommand(parser, arguments))
        return UsageError;
    const QString path = databasePath(parser);
    const QString out = requiredOut(parser, QCoreApplication::translate("Commands", "backup needs --out COPY"));
    if (out.isEmpty())
        return UsageError;

    QString error;
    qint64 bytes = 0;
    if (!StorageBackend::of(path).backup(path, out, &error, &bytes))
        return failure(error);
    printOut(
        QCoreApplication::translate("Commands", "Wrote %1: a checked copy of %2 (%3 bytes)")
            .arg(QDir::toNativeSeparators(out), QDir::toNativeSeparators(path), QLocale::c().toString(bytes))
        + QLatin1Char('\n'));
    return Success;
}
