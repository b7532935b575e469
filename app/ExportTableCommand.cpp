#include "Commands.h"

#include "AnalyticsService.h"
#include "CommandSupport.h"
#include "Database.h"
#include "TableExporter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

// fundscope export-table --table disbursements|investees|funds|phases|holdings --format csv|xlsx
// --out FILE [--bom] [filter options] [--db FILE]: every row of a page under the filter,
// streamed; the interchange tables in exactly the format `fundscope import` reads.

int Commands::exportTable(const QStringList &arguments)
{
    using namespace CommandSupport;
    const QString tables = QStringLiteral("disbursements|investees|funds|phases|holdings");
    QCommandLineParser parser;
    describeCommand(parser, QStringLiteral("export-table"),
        QCoreApplication::translate("Commands",
            "Writes every row of a table that matches the filter, as CSV (UTF-8) or XLSX. disbursements, "
            "investees, funds and phases use the CSV interchange format, so an export re-imports with "
            "'fundscope import'; holdings lists the investees with their totals under the filter. Text cells "
            "starting with = + - @ are written with an apostrophe in front in CSV (formula injection); XLSX "
            "stores them as text."));
    parser.addOption({ QStringLiteral("table"),
        QCoreApplication::translate("Commands", "The table: %1.").arg(tables), QStringLiteral("TABLE") });
    parser.addOption({ QStringLiteral("format"),
        QCoreApplication::translate("Commands", "csv or xlsx (default: from the --out file's suffix)."),
        QStringLiteral("FORMAT") });
    parser.addOption({ QStringLiteral("out"),
        QCoreApplication::translate(
            "Commands", "The file to write (replaced only once the new one is complete)."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("bom"),
        QCoreApplication::translate("Commands", "CSV: start with a UTF-8 byte order mark (for Excel).") });
    addDatabaseOption(parser);
    addFilterOptions(parser);
    if (!parseCommand(parser, arguments))
        return UsageError;

    if (!parser.isSet(QStringLiteral("table")))
        return usageError(
            QCoreApplication::translate("Commands", "export-table needs --table %1").arg(tables));
    const std::optional<TableExporter::Table> table = TableExporter::parseTable(parser.value(QStringLiteral("table")));
    if (!table)
        return usageError(QCoreApplication::translate("Commands", "unknown --table '%1' (expected %2)")
                              .arg(parser.value(QStringLiteral("table")), tables));
    const QString out = requiredOut(parser, QCoreApplication::translate("Commands", "export-table needs --out FILE"));
    if (out.isEmpty())
        return UsageError;
    const std::optional<TableExporter::Format> format = readFormat(parser, out, &TableExporter::parseFormat,
        QCoreApplication::translate("Commands", "export-table needs --format csv|xlsx"),
        QCoreApplication::translate("Commands", "unknown --format '%1' (expected csv|xlsx)"));
    if (!format)
        return UsageError;
    TableExporter::Options options;
    options.format = *format;
    options.byteOrderMark = parser.isSet(QStringLiteral("bom"));

    Database db;
    Filter filter;
    if (const int code = openWithFilter(parser, db, filter); code != Success)
        return code;
    QString error;

    AggregateResult holdings;
    if (*table == TableExporter::Table::Holdings) {
        AnalyticsService analytics(db);
        analytics.reload();
        analytics.waitForLoad();
        if (!analytics.aggregate(Dimension::Investee, filter, &holdings, &error))
            return failure(error);
    }
    qint64 rows = 0;
    if (!TableExporter(db).exportTable(*table, filter, out, options, {}, &error, &rows, &holdings))
        return failure(error);
    printOut(QCoreApplication::translate("Commands", "Wrote %1: %2 %3 rows as %4")
                 .arg(QDir::toNativeSeparators(out), QLocale::c().toString(rows),
                     TableExporter::tableName(*table), TableExporter::formatName(*format).toUpper())
        + QLatin1Char('\n'));
    return Success;
}
