#include "Commands.h"

#include "AnalyticsService.h"
#include "CommandSupport.h"
#include "Database.h"
#include "NameCatalog.h"
#include "ReportWriter.h"

#include <QCommandLineParser>
#include <QDir>

// fundscope report --out FILE.pdf [filter options] [--db FILE]: the dashboard report as a
// multi-page PDF, painted by the same ReportWriter as File → Export report… and Print….

int Commands::report(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Writes the dashboard report as a PDF: a cover with the filter, date and key figures, each dashboard "
            "chart on its own page, the top investees and the holdings under the filter, and an appendix listing "
            "every source address behind the numbers."));
    parser.addPositionalArgument(QStringLiteral("report"), QStringLiteral("The command."), QStringLiteral("report"));
    parser.addOption({ QStringLiteral("out"),
                       QStringLiteral("The PDF file to write (replaced only once the new one is complete)."),
                       QStringLiteral("FILE") });
    addDatabaseOption(parser);
    addFilterOptions(parser);
    if (!parse(parser, arguments))
        return UsageError;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(QStringLiteral("report: unexpected argument '%1'").arg(positional.at(1)));
    if (!parser.isSet(QStringLiteral("out")) || parser.value(QStringLiteral("out")).isEmpty())
        return usageError(QStringLiteral("report needs --out FILE.pdf"));
    const QString out = parser.value(QStringLiteral("out"));

    Database db;
    if (!openDatabase(parser, db))
        return Failure;
    Filter filter;
    QString error;
    if (!readFilter(parser, db, filter, &error))
        return usageError(error);

    AnalyticsService analytics(db);
    analytics.reload();
    analytics.waitForLoad();
    NameCatalog names;
    names.load(db);
    ReportWriter::Content content;
    if (!ReportWriter::gather(db, analytics, names, filter, &content, &error))
        return failure(error);
    int pages = 0;
    if (!ReportWriter(content, ChartTheme()).save(out, &error, &pages))
        return failure(error);
    printOut(QStringLiteral("Wrote %1: report of %2 pages (%3 sources)\n")
                     .arg(QDir::toNativeSeparators(out))
                     .arg(pages)
                     .arg(content.sources.size()));
    return Success;
}
