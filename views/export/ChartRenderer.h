#pragma once

#include "ChartBuilder.h"
#include "ChartTheme.h"
#include "DashboardData.h"

#include <QCoreApplication>
#include <QDate>
#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>

#include <optional>

class AnalyticsService;
class Database;
class NameCatalog;
class QPainter;

/// The one chart renderer of Fundscope, used by File → Export chart…, Edit → Copy chart, the
/// PDF report, printing and `fundscope export-chart` alike. A figure is self-contained: a title,
/// a subtitle stating the filter, base currency and units, the chart (built fresh by
/// ChartBuilder, in the palette of the theme it is given: the light one for print unless the
/// user exports the dark palette as shown) and a footnote with the number of sources behind
/// the numbers, the exchange rates used, what was counted apart and the export date.
///
/// Sizes: a figure is `size` pixels at `dpi`, so size / dpi inches. PNG gets exactly that many
/// pixels (and the DPI in its header); SVG and PDF are vector at that physical size. Everything
/// is laid out in layout units of 1/layoutDpi() inch (a point-sized font measures the same in
/// every output), so a figure looks the same in every format.
class ChartRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ChartRenderer)
public:
    enum class Format { Png, Svg, Pdf };
    enum class Background { White, Transparent };

    struct Options
    {
        QSize size { 1800, 1200 }; ///< pixels at `dpi`
        int dpi = 200;
        Background background = Background::White; ///< transparent: PNG and SVG only
        QString title;                              ///< empty: the chart kind's own title
    };

    /// What the figure says beyond the chart's own data.
    struct Context
    {
        QString filterText;     ///< NameCatalog::describe(filter): the filter and base currency
        qint64 sourceCount = 0; ///< distinct source addresses of the filtered disbursements
        QDate exportDate = QDate::currentDate();
    };

    ChartRenderer(const DashboardData &data, const ChartTheme &theme, const Context &context);

    /// Fills *context for the filter (names, source count, today); false with *error on a
    /// database error.
    static bool makeContext(Database &db, const NameCatalog &names, const Filter &filter, Context *context,
                            QString *error);
    /// The dashboard's groupings for the filter, as the Dashboard page computes them (drill
    /// levels included); the analytics must be loaded (AnalyticsService::waitForLoad()).
    static bool dashboardData(Database &db, const AnalyticsService &analytics, const Filter &filter,
                              DashboardData *data, QString *error);
    /// Replaces data->sectors with the grouping by segment across every sector (the sector chart
    /// at segment level, `export-chart --by segment`).
    static bool useSegments(const AnalyticsService &analytics, DashboardData *data, QString *error);

    /// Lays out and paints the whole figure into `rect`, given in layout units (see the class).
    /// The painter's device must have logical DPI layoutDpi(), or the painter must scale to it.
    void paint(QPainter *painter, const QRectF &rect, ChartBuilder::Kind kind, const QString &title = {},
               bool transparent = false) const;

    /// The figure as an image of options.size pixels, its DPI set in the image.
    QImage image(ChartBuilder::Kind kind, const Options &options) const;
    /// Writes the figure to `path` through a temporary file in the same folder, renamed only when
    /// complete: a failed export leaves no file behind. False with *error naming the file.
    bool save(ChartBuilder::Kind kind, Format format, const QString &path, const Options &options,
              QString *error) const;

    /// "Invested by sector", "Top investees by amount invested", ….
    QString title(ChartBuilder::Kind kind) const;
    /// The filter, base currency and chart units.
    QString subtitle() const;
    /// Sources, rates, what was counted apart, export date.
    QString footnote(ChartBuilder::Kind kind) const;
    /// The grouping a chart kind plots.
    const AggregateResult &result(ChartBuilder::Kind kind) const;

    static QString formatName(Format format);
    /// "png", "svg", "pdf" (case-insensitive).
    static std::optional<Format> parseFormat(const QString &name);
    /// The resolution charts are laid out at: the default logical DPI of images (the screen's).
    static int layoutDpi();

private:
    DashboardData m_data;
    ChartTheme m_theme;
    Context m_context;
};
