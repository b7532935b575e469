#include "Commands.h"

#include "CommandSupport.h"
#include "Database.h"
#include "InterchangeLoader.h"

#include <QCommandLineParser>

#include <cstdio>

// fundscope import --db FILE [--dry-run] FILE.csv...: loads interchange files all or nothing.
// Exit 0 with the counts; exit 1 with every error ("file:line: column: reason", one a line, on
// stderr) and the database unchanged; exit 2 on a usage error.

int Commands::import(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Loads interchange CSV files (funds, phases, investees, disbursements, exchange_rates; "
                           "the kind is read from each header) in one transaction: all rows or none."));
    parser.addOption({ QStringLiteral("db"), QStringLiteral("The database to load into (must exist)."),
                       QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("dry-run"), QStringLiteral("Check everything, then change nothing.") });
    parser.addPositionalArgument(QStringLiteral("import"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Interchange CSV files, in any order."),
                                 QStringLiteral("FILE.csv..."));
    if (!CommandSupport::parse(parser, arguments))
        return CommandSupport::UsageError;
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty())
        return CommandSupport::usageError(QStringLiteral("import needs --db FILE, the database to load into"));
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.isEmpty())
        return CommandSupport::usageError(QStringLiteral("import needs at least one CSV file"));

    Database db;
    if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
        return CommandSupport::failure(db.errorString());

    InterchangeLoader loader(db);
    loader.setDryRun(parser.isSet(QStringLiteral("dry-run")));
    const LoadReport report = loader.load(files);
    if (!report.ok()) {
        for (const QString &line : report.errorLines())
            std::fprintf(stderr, "%s\n", qUtf8Printable(line));
        const qint64 total = report.errors.size() + report.unlistedErrors;
        return CommandSupport::failure(QStringLiteral("import failed with %1 error%2; %3 was not changed")
                                               .arg(total)
                                               .arg(total == 1 ? QString() : QStringLiteral("s"))
                                               .arg(path));
    }

    QString out;
    for (const LoadReport::FileResult &file : report.files)
        out += QStringLiteral("%1: %2 %3\n").arg(file.file).arg(file.rows).arg(file.kind);
    QStringList created;
    for (auto it = report.created.cbegin(); it != report.created.cend(); ++it)
        created.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    if (!created.isEmpty())
        out += QStringLiteral("created on first use: %1\n").arg(created.join(QStringLiteral(", ")));
    out += report.dryRun ? QStringLiteral("Dry run: %1 rows would be imported into %2; nothing was changed.\n")
                                   .arg(report.totalInserted())
                                   .arg(path)
                         : QStringLiteral("Imported %1 rows into %2.\n").arg(report.totalInserted()).arg(path);
    CommandSupport::printOut(out);
    return CommandSupport::Success;
}
