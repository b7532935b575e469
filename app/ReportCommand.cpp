#include "Commands.h"

#include "AnalyticsService.h"
#include "CommandSupport.h"
#include "Database.h"
#include "NameCatalog.h"
#include "ReportWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

// fundscope report --out FILE.pdf [filter options] [--db FILE]: the dashboard report as a
// multi-page PDF, painted by the same ReportWriter as File → Export report… and Print….

int Commands::report(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    describeCommand(parser, QStringLiteral("report"),
        QCoreApplication::translate("Commands",
            "Writes the dashboard report as a PDF: a cover with the filter, date and key figures, each "
            "dashboard "
            "chart on its own page, the top investees and the holdings under the filter, and an appendix "
            "listing "
            "every source address behind the numbers."));
    parser.addOption({ QStringLiteral("out"),
        QCoreApplication::translate(
            "Commands", "The PDF file to write (replaced only once the new one is complete)."),
        QStringLiteral("FILE") });
    addDatabaseOption(parser);
    addFilterOptions(parser);
    if (!parseCommand(parser, arguments))
        return UsageError;

    const QString out = requiredOut(parser, QCoreApplication::translate("Commands", "report needs --out FILE.pdf"));
    if (out.isEmpty())
        return UsageError;

    Database db;
    Filter filter;
    if (const int code = openWithFilter(parser, db, filter); code != Success)
        return code;
    QString error;

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
    printOut(
        QCoreApplication::translate("Commands", "Wrote %1: report of %n pages (%2 sources)", nullptr, pages)
            .arg(QDir::toNativeSeparators(out))
            .arg(content.sources.size())
        + QLatin1Char('\n'));
    return Success;
}
