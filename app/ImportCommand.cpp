#include "Commands.h"

#include "CommandSupport.h"
#include "Database.h"
#include "DeferredIndexes.h"
#include "InterchangeLoader.h"
#include "TextEncoding.h"

#include <QCommandLineParser>
#include <QCoreApplication>

// fundscope import --db FILE [--dry-run] [--encoding NAME] [--skip-invalid]
//                  [--on-duplicate skip|keep|fail] [--progress] FILE.csv...
// Loads interchange files in one transaction. Exit 0 with the counts (and, with --skip-invalid,
// the rejected rows on stderr); exit 1 with every error ("file:line: column: reason", one a line,
// on stderr) and the database unchanged; exit 2 on a usage error.

int Commands::import(const QStringList &arguments)
{
    QCommandLineParser parser;
    CommandSupport::describeCommand(parser, QStringLiteral("import"),
        QCoreApplication::translate("Commands",
            "Loads interchange CSV files (funds, phases, investees, disbursements, exchange_rates; "
            "the kind is read from each header) in one transaction: all rows or none."));
    parser.addOption({ QStringLiteral("db"),
        QCoreApplication::translate("Commands", "The database to load into (must exist)."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("dry-run"),
        QCoreApplication::translate("Commands", "Check everything, then change nothing.") });
    parser.addOption({ QStringLiteral("encoding"),
        QCoreApplication::translate(
            "Commands", "The files' text encoding (e.g. UTF-8, GB18030); detected when not given."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("skip-invalid"),
        QCoreApplication::translate("Commands",
            "Import the valid rows and list the rejected ones (line, column, reason) "
            "instead of importing nothing.") });
    parser.addOption({ QStringLiteral("on-duplicate"),
        QCoreApplication::translate("Commands",
            "A row the database or the files already have: fail (an error, the "
            "default), skip (leave it out and list it) or keep (store it anyway)."),
        QStringLiteral("skip|keep|fail"), QStringLiteral("fail") });
    parser.addOption({ QStringLiteral("progress"),
        QCoreApplication::translate("Commands", "Print the rows read so far on stderr while loading.") });
    parser.addPositionalArgument(QStringLiteral("files"),
        QCoreApplication::translate("Commands", "Interchange CSV files, in any order."),
        QStringLiteral("FILE.csv..."));
    if (!CommandSupport::parse(parser, arguments))
        return CommandSupport::UsageError;
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty())
        return CommandSupport::usageError(
            QCoreApplication::translate("Commands", "import needs --db FILE, the database to load into"));
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.isEmpty())
        return CommandSupport::usageError(
            QCoreApplication::translate("Commands", "import needs at least one CSV file"));
    ImportOptions options;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.skipInvalid = parser.isSet(QStringLiteral("skip-invalid"));
    const QString onDuplicate = parser.value(QStringLiteral("on-duplicate"));
    if (onDuplicate == QLatin1String("skip"))
        options.duplicates = DuplicatePolicy::Skip;
    else if (onDuplicate == QLatin1String("keep"))
        options.duplicates = DuplicatePolicy::Keep;
    else if (onDuplicate != QLatin1String("fail"))
        return CommandSupport::usageError(
            QCoreApplication::translate("Commands", "--on-duplicate takes skip, keep or fail, not '%1'")
                .arg(onDuplicate));
    QString encoding;
    if (parser.isSet(QStringLiteral("encoding"))) {
        encoding = TextEncoding::normalized(parser.value(QStringLiteral("encoding")));
        if (encoding.isEmpty())
            return CommandSupport::usageError(
                QCoreApplication::translate("Commands", "unknown encoding '%1' (try UTF-8, GB18030, GBK, BIG5)")
                    .arg(parser.value(QStringLiteral("encoding"))));
    }
    if (parser.isSet(QStringLiteral("progress"))) {
        options.progress = [](const ImportProgress &p) {
            QString text;
            switch (p.stage) {
            case ImportProgress::Stage::Reading:
                text = QCoreApplication::translate("Commands", "progress: reading %1 rows, %2 of %3 bytes, %4 s");
                break;
            case ImportProgress::Stage::Indexing:
                text = QCoreApplication::translate("Commands", "progress: indexing %1 rows, %2 of %3 bytes, %4 s");
                break;
            case ImportProgress::Stage::Saving:
                text = QCoreApplication::translate("Commands", "progress: saving %1 rows, %2 of %3 bytes, %4 s");
                break;
            }
            CommandSupport::printError(text.arg(QString::number(p.rows), QString::number(p.bytes),
                QString::number(p.totalBytes), QString::number(double(p.elapsedMs) / 1000.0, 'f', 1)));
        };
    }
    QList<ImportSource> sources;
    for (const QString &file : files) {
        ImportSource source;
        source.path = file;
        source.encoding = encoding;
        sources.append(source);
    }

    Database db;
    if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
        return CommandSupport::failure(db.errorString());

    // Two stages, as in the window: the rows commit with the indexes the totals need, then the
    // sort indexes are built (below), so another program sees the data sooner.
    options.deferSortIndexes = true;
    InterchangeLoader loader(db);
    loader.setOptions(options);
    const LoadReport report = loader.load(sources);
    if (!report.ok()) {
        for (const QString &line : report.errorLines())
            CommandSupport::printError(line);
        const qint64 total = report.errors.size() + report.unlistedErrors;
        return CommandSupport::failure(total == 1
                ? QCoreApplication::translate("Commands", "import failed with 1 error; %1 was not changed")
                      .arg(path)
                : QCoreApplication::translate("Commands", "import failed with %1 errors; %2 was not changed")
                      .arg(total)
                      .arg(path));
    }

    for (const QString &line : report.rejectedLines())
        CommandSupport::printError(QCoreApplication::translate("Commands", "rejected: %1").arg(line));
    for (const LoadIssue &issue : report.duplicates)
        CommandSupport::printError(
            QCoreApplication::translate("Commands", "skipped duplicate: %1").arg(issue.toString()));

    QString out;
    for (const LoadReport::FileResult &file : report.files) {
        //: %3 is the kind of file as the interchange format names it: funds, phases, investees,
        //: disbursements or exchange_rates.
        out += QCoreApplication::translate("Commands", "%1: %2 %3")
                   .arg(file.file)
                   .arg(file.rows)
                   .arg(file.kind);
        if (!TextEncoding::isUtf8(file.encoding))
            out += QCoreApplication::translate("Commands", " (read as %1)").arg(file.encoding);
        if (file.rejected > 0)
            out += QCoreApplication::translate("Commands", ", %1 rejected").arg(file.rejected);
        if (file.duplicates > 0)
            out += QCoreApplication::translate("Commands", ", %1 duplicates skipped").arg(file.duplicates);
        out += QLatin1Char('\n');
    }
    QStringList created;
    for (auto it = report.created.cbegin(); it != report.created.cend(); ++it)
        //: %2 is what was created, as the interchange format names it: funds, phases, investees,
        //: cities or segments.
        created.append(QCoreApplication::translate("Commands", "%1 %2").arg(it.value()).arg(it.key()));
    if (!created.isEmpty())
        out += QCoreApplication::translate("Commands", "created on first use: %1")
                   .arg(created.join(QStringLiteral(", ")))
            + QLatin1Char('\n');
    const QString done = report.dryRun
        ? QCoreApplication::translate(
            "Commands", "Dry run: %1 rows would be imported into %2; nothing was changed.")
        : QCoreApplication::translate("Commands", "Imported %1 rows into %2.");
    out += done.arg(report.totalInserted()).arg(path) + QLatin1Char('\n');
    CommandSupport::printOut(out);

    // The import is committed whatever happens here: an index left unbuilt is built by the next
    // session that opens the file, and is only a slower sort until then.
    const bool showProgress = parser.isSet(QStringLiteral("progress"));
    QString indexError;
    if (!DeferredIndexes::build(db, nullptr,
            [showProgress](int done, int total) {
                if (showProgress && done < total)
                    CommandSupport::printError(
                        QCoreApplication::translate("Commands", "progress: building sort index %1 of %2")
                            .arg(done + 1)
                            .arg(total));
            },
            &indexError))
        CommandSupport::printError(QCoreApplication::translate("Commands",
            "warning: %1 (the data is imported; the next session builds the remaining sort indexes)")
                                       .arg(indexError));
    return CommandSupport::Success;
}
