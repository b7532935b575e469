#include "Commands.h"

#include "AnalyticsService.h"
#include "ChartRenderer.h"
#include "CommandSupport.h"
#include "Database.h"
#include "NameCatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

// fundscope export-chart --by sector|segment|region|phase|year --format png|svg|pdf --out FILE
// [--width PX] [--height PX] [--dpi N] [--background white|transparent] [--title TEXT]
// [filter options] [--db FILE]: one dashboard chart as a self-contained figure, drawn by the
// same ChartRenderer as File → Export chart….

namespace {

const QStringList &chartNames()
{
    static const QStringList names { QStringLiteral("sector"), QStringLiteral("segment"), QStringLiteral("region"),
                                     QStringLiteral("phase"), QStringLiteral("year") };
    return names;
}

ChartBuilder::Kind kindOf(const QString &name)
{
    if (name == QLatin1String("region"))
        return ChartBuilder::Kind::Region;
    if (name == QLatin1String("phase"))
        return ChartBuilder::Kind::Phase;
    if (name == QLatin1String("year"))
        return ChartBuilder::Kind::Year;
    return ChartBuilder::Kind::Sector; // sector and segment
}

/// A whole number in [low, high] from an option; false with a usage message otherwise.
bool readNumber(const QCommandLineParser &parser, const QString &option, int low, int high, int *value,
                QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int n = parser.value(option).toInt(&ok);
    if (!ok || n < low || n > high) {
        *error = QCoreApplication::translate("Commands", "--%1 '%2' is not a whole number from %3 to %4")
                     .arg(option, parser.value(option))
                     .arg(low)
                     .arg(high);
        return false;
    }
    *value = n;
    return true;
}

} // namespace

int Commands::exportChart(const QStringList &arguments)
{
    using namespace CommandSupport;
    const QString byList = chartNames().join(QLatin1Char('|'));
    QCommandLineParser parser;
    describeCommand(parser, QStringLiteral("export-chart"),
        QCoreApplication::translate("Commands",
            "Writes one dashboard chart as a figure for reports: a title, a subtitle with the filter, base "
            "currency and units, the chart, and a footnote with the number of sources, the exchange rates "
            "used, "
            "what was counted apart and the export date. PNG at the given size and DPI; SVG and PDF are "
            "vector, "
            "with text as text (Chinese included)."));
    parser.addOption({ QStringLiteral("by"),
        QCoreApplication::translate(
            "Commands", "The chart: %1 (segment: the sector chart split into segments).")
            .arg(chartNames().join(QStringLiteral(", "))),
        QStringLiteral("CHART") });
    parser.addOption({ QStringLiteral("format"),
        QCoreApplication::translate("Commands", "png, svg or pdf (default: from the --out file's suffix)."),
        QStringLiteral("FORMAT") });
    parser.addOption({ QStringLiteral("out"),
        QCoreApplication::translate(
            "Commands", "The file to write (replaced only once the new one is complete)."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("width"),
        QCoreApplication::translate("Commands", "Width in pixels at --dpi (default 1800)."),
        QStringLiteral("PX") });
    parser.addOption({ QStringLiteral("height"),
        QCoreApplication::translate("Commands", "Height in pixels at --dpi (default 1200)."),
        QStringLiteral("PX") });
    parser.addOption({ QStringLiteral("dpi"),
        QCoreApplication::translate("Commands",
            "Resolution: the figure is width/dpi inches wide (default: width/9, a 9-inch "
            "figure; use 300 for print)."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("background"),
        QCoreApplication::translate("Commands", "white (default) or transparent (PNG and SVG)."),
        QStringLiteral("BACKGROUND") });
    parser.addOption({ QStringLiteral("title"),
        QCoreApplication::translate("Commands", "A title instead of the chart's own."),
        QStringLiteral("TEXT") });
    addDatabaseOption(parser);
    addFilterOptions(parser);
    if (!parseCommand(parser, arguments))
        return UsageError;

    if (!parser.isSet(QStringLiteral("by")))
        return usageError(QCoreApplication::translate("Commands", "export-chart needs --by %1").arg(byList));
    const QString by = parser.value(QStringLiteral("by")).toLower();
    if (!chartNames().contains(by))
        return usageError(QCoreApplication::translate("Commands", "unknown --by '%1' (expected %2)")
                              .arg(parser.value(QStringLiteral("by")), byList));
    const QString out = requiredOut(parser, QCoreApplication::translate("Commands", "export-chart needs --out FILE"));
    if (out.isEmpty())
        return UsageError;
    const std::optional<ChartRenderer::Format> format = readFormat(parser, out, &ChartRenderer::parseFormat,
        QCoreApplication::translate("Commands", "export-chart needs --format png|svg|pdf"),
        QCoreApplication::translate("Commands", "unknown --format '%1' (expected png|svg|pdf)"));
    if (!format)
        return UsageError;
    ChartRenderer::Options options;
    QString error;
    int width = options.size.width();
    int height = options.size.height();
    if (!readNumber(parser, QStringLiteral("width"), 16, 30000, &width, &error)
        || !readNumber(parser, QStringLiteral("height"), 16, 30000, &height, &error))
        return usageError(error);
    options.size = QSize(width, height);
    options.dpi = std::clamp(qRound(width / 9.0), 72, 1200);
    if (!readNumber(parser, QStringLiteral("dpi"), 10, 2400, &options.dpi, &error))
        return usageError(error);
    const QString background = parser.value(QStringLiteral("background")).toLower();
    if (background == QLatin1String("transparent"))
        options.background = ChartRenderer::Background::Transparent;
    else if (!background.isEmpty() && background != QLatin1String("white"))
        return usageError(
            QCoreApplication::translate("Commands", "unknown --background '%1' (expected white|transparent)")
                .arg(parser.value(QStringLiteral("background"))));
    options.title = parser.value(QStringLiteral("title"));

    Database db;
    Filter filter;
    if (const int code = openWithFilter(parser, db, filter); code != Success)
        return code;

    AnalyticsService analytics(db);
    analytics.reload();
    analytics.waitForLoad();
    DashboardData data;
    if (!ChartRenderer::dashboardData(db, analytics, filter, &data, &error))
        return failure(error);
    if (by == QLatin1String("segment") && !ChartRenderer::useSegments(analytics, &data, &error))
        return failure(error);
    NameCatalog names;
    names.load(db);
    ChartRenderer::Context context;
    if (!ChartRenderer::makeContext(db, names, filter, &context, &error))
        return failure(error);

    const ChartBuilder::Kind kind = kindOf(by);
    const ChartRenderer renderer(data, ChartTheme(), context);
    if (!renderer.save(kind, *format, out, options, &error))
        return failure(error);
    printOut(QCoreApplication::translate("Commands", "Wrote %1: %2, %3 (%4×%5 px at %6 dpi)")
                 .arg(QDir::toNativeSeparators(out), ChartRenderer::formatName(*format).toUpper(),
                     options.title.isEmpty() ? renderer.title(kind) : options.title)
                 .arg(width)
                 .arg(height)
                 .arg(options.dpi)
        + QLatin1Char('\n'));
    return Success;
}
