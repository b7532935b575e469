#include "Commands.h"

#include "CommandSupport.h"
#include "sqlite/Maintenance.h"

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
    parser.setApplicationDescription(QCoreApplication::translate("Commands",
        "Copies a database through SQLite's online backup: one consistent state of the file, also while the "
        "window or another program has it open and writes to it. The copy is checked before it is put in "
        "place; a damaged database is not copied."));
    parser.addPositionalArgument(QStringLiteral("backup"),
        QCoreApplication::translate("Commands", "The command."), QStringLiteral("backup"));
    parser.addOption({ QStringLiteral("db"),
        QCoreApplication::translate("Commands", "The database file to copy (default: %1).")
            .arg(defaultDatabasePath()),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("out"),
        QCoreApplication::translate("Commands",
            "The copy to write (replaced only once the new one is complete and checked; "
            "never the database itself)."),
        QStringLiteral("COPY") });
    if (!parseCommand(parser, arguments))
        return UsageError;
    const QString path
        = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : defaultDatabasePath();
    const QString out = requiredOut(parser, QCoreApplication::translate("Commands", "backup needs --out COPY"));
    if (out.isEmpty())
        return UsageError;

    QString error;
    qint64 bytes = 0;
    if (!Maintenance::backup(path, out, &error, &bytes))
        return failure(error);
    printOut(
        QCoreApplication::translate("Commands", "Wrote %1: a checked copy of %2 (%3 bytes)")
            .arg(QDir::toNativeSeparators(out), QDir::toNativeSeparators(path), QLocale::c().toString(bytes))
        + QLatin1Char('\n'));
    return Success;
}
