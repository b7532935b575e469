#include "ChartRenderer.h"

#include "AnalyticsService.h"
#include "ExportFile.h"
#include "Figures.h"
#include "Format.h"
#include "NameCatalog.h"
#include "SourceRepository.h"
#include "VocabularyRepository.h"

#include <QChart>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImageWriter>
#include <QLegend>
#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>
#include <QRegularExpression>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextDocumentFragment>

#include <algorithm>

using Kind = ChartBuilder::Kind;

namespace {

/// Rates listed in a chart's footnote before "and N more" (the report's cover lists them all).
constexpr int MaxFootnoteRates = 12;

QString listed(const QStringList &items, int most)
{
    if (items.size() <= most)
        return items.join(QStringLiteral(", "));
    return QCoreApplication::translate("ChartRenderer", "%1 and %2 more", "a cut list of exchange rates")
            .arg(items.mid(0, most).join(QStringLiteral(", ")))
            .arg(items.size() - most);
}

/// `n` in one of two whole sentences, singular or plural: English needs both and there is no
/// English catalogue to pick a %n plural form.
QString counted(qint64 n, const char *one, const char *many)
{
    return QCoreApplication::translate("ChartRenderer", n == 1 ? one : many).arg(QLocale::c().toString(n));
}

/// Height `text` takes when wrapped to `width`.
qreal wrappedHeight(const QFont &font, QPaintDevice *device, qreal width, const QString &text)
{
    if (text.isEmpty())
        return 0;
    const QFontMetricsF metrics(font, device);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

/// Gives the legend the room its labels need, within reason, instead of eliding or overflowing
/// them: a side legend (the sector ring) grows up to half the figure's width and its font
/// shrinks until every entry fits the height (two-line entries become one line first when they
/// cannot); a bottom legend's font shrinks until one row fits. Measured as the chart's scene
/// measures text (the default DPI).
void fitLegend(QChart *chart, const QSizeF &size)
{
    QLegend *legend = chart->legend();
    if (!legend->isVisible())
        return;
    const QList<QLegendMarker *> markers = legend->markers();
    QFont font = legend->font();
    qreal widest = 0;
    qreal height = 0;
    // Labels may be rich text on several lines ("English<br>中文 · value").
    const auto measure = [&markers, &widest, &height](const QFont &f) {
        const QFontMetricsF metrics(f);
        qreal total = 0;
        widest = 0;
        height = 0;
        for (QLegendMarker *marker : markers) {
            // (Markers report themselves hidden until the chart is laid out: not checked.)
            const QStringList lines = marker->label().split(QStringLiteral("<br>"));
            qreal line = 0;
            for (const QString &part : lines)
                line = std::max(line, metrics.horizontalAdvance(QTextDocumentFragment::fromHtml(part).toPlainText()));
            const qreal w = line + metrics.height() * 3;
            widest = std::max(widest, w);
            total += w;
            height += lines.size() * metrics.lineSpacing() + metrics.height() * 0.9;
        }
        return total;
    };
    const bool side = legend->alignment() & (Qt::AlignLeft | Qt::AlignRight);
    const auto tooBig = [&] {
        const qreal total = measure(font);
        return side ? widest > size.width() * 0.5 || height > size.height() * 0.88 : total > size.width() * 0.92;
    };
    const qreal original = font.pointSizeF();
    while (tooBig() && font.pointSizeF() > 6.5)
        font.setPointSizeF(font.pointSizeF() - 0.5);
    if (side && tooBig()) {
        // Still too tall: one line per entry (the pie slices carry it as "legend").
        QList<QPieSlice *> slices;
        for (QAbstractSeries *series : chart->series()) {
            if (auto *pie = qobject_cast<QPieSeries *>(series))
                slices += pie->slices();
        }
        if (slices.size() == markers.size()) {
            for (qsizetype i = 0; i < markers.size(); ++i)
                markers.at(i)->setLabel(slices.at(i)->property("legend").toString());
            font.setPointSizeF(original);
            while (tooBig() && font.pointSizeF() > 6.5)
                font.setPointSizeF(font.pointSizeF() - 0.5);
        }
    }
    if (!side && measure(font) > size.width() * 0.8) {
        // A bottom row gives each entry about an equal share: bilingual names take two lines
        // (one name over the other), which halves the longest. The break goes where the script
        // changes: before the Chinese name in English, after it in Chinese.
        static const QRegularExpression chinese(
                QStringLiteral("\\s(?=[\\x{3000}-\\x{9fff}])|(?<=[\\x{3000}-\\x{9fff}])\\s(?=[^\\x{3000}-\\x{9fff}])"));
        for (QLegendMarker *marker : markers) {
            QString label = marker->label();
            if (!label.contains(QStringLiteral("<br>")))
                label.replace(chinese, QStringLiteral("<br>"));
            marker->setLabel(label);
        }
        font.setPointSizeF(original);
        while (tooBig() && font.pointSizeF() > 6.5)
            font.setPointSizeF(font.pointSizeF() - 0.5);
    }
    legend->setFont(font);
    if (side)
        legend->setMinimumWidth(std::min(widest, size.width() * 0.5));
}

} // namespace

ChartRenderer::ChartRenderer(const DashboardData &data, const ChartTheme &theme, const Context &context)
    : m_data(data)
    , m_theme(theme)
    , m_context(context)
{
}

bool ChartRenderer::makeContext(Database &db, const NameCatalog &names, const Filter &filter, Context *context,
                                QString *error)
{
    Context out;
    out.filterText = names.describe(filter);
    out.sourceCount = SourceRepository(db).sourceCount(filter, error);
    if (out.sourceCount < 0)
        return false;
    *context = out;
    return true;
}

bool ChartRenderer::dashboardData(Database &db, const AnalyticsService &analytics, const Filter &filter,
                                  DashboardData *data, QString *error)
{
    const VocabularyRepository vocabulary(db);
    QList<qint64> provinceIds;
    for (const VocabularyItem &province : vocabulary.provinces())
        provinceIds.append(province.id);
    return DashboardData::compute(analytics, vocabulary.sectors(), provinceIds, filter, data, error);
}

bool ChartRenderer::useSegments(const AnalyticsService &analytics, DashboardData *data, QString *error)
{
    AggregateResult segments;
    if (!analytics.aggregate(Dimension::Segment, data->filter, &segments, error))
        return false;
    data->sectors = segments;
    return true;
}

const AggregateResult &ChartRenderer::result(Kind kind) const
{
    switch (kind) {
    case Kind::Sector:
        return m_data.sectors;
    case Kind::Region:
        return m_data.regions;
    case Kind::Phase:
        return m_data.phasesBySector;
    case Kind::Year:
        return m_data.yearsBySector;
    case Kind::TopInvestees:
        return m_data.investees;
    }
    return m_data.sectors;
}

QString ChartRenderer::title(Kind kind) const
{
    switch (kind) {
    case Kind::Sector:
        return m_data.sectorsAreSegments() ? tr("Invested by segment") : tr("Invested by sector");
    case Kind::Region:
        return m_data.regionsAreCities() ? tr("Invested by city") : tr("Invested by region (province)");
    case Kind::Phase:
        return tr("Invested by funding phase, stacked by sector, with commitments");
    case Kind::Year:
        return tr("Invested per year, stacked by sector");
    case Kind::TopInvestees:
        return tr("Top %1 investees by amount invested").arg(ChartBuilder::MaxInvestees);
    }
    return {};
}

QString ChartRenderer::subtitle() const
{
    const QString currency = m_data.sectors.currency.isEmpty() ? m_data.filter.currency : m_data.sectors.currency;
    return (m_theme.chineseUnits ? tr("%1, shown in %2 (1 亿 = 100 million)") : tr("%1, shown in %2 (billions)"))
            .arg(m_context.filterText, m_theme.unitLabel(currency));
}

QString ChartRenderer::footnote(Kind kind) const
{
    const AggregateResult &r = result(kind);
    const QString currency = r.currency.isEmpty() ? m_data.filter.currency : r.currency;
    QStringList parts;
    parts.append(counted(m_context.sourceCount,
                         QT_TRANSLATE_NOOP("ChartRenderer", "Sources: %1 distinct source address behind these figures."),
                         QT_TRANSLATE_NOOP("ChartRenderer",
                                           "Sources: %1 distinct source addresses behind these figures.")));
    parts.append(tr("Invested = disbursements, equity purchases, loans and grants, converted to %1 at each value "
                    "date's yearly rate.")
                         .arg(currency));
    if (!r.ratesUsed.isEmpty())
        parts.append(tr("Rates (CNY per unit): %1.").arg(listed(r.ratesUsed, MaxFootnoteRates)));
    QStringList apart;
    if (r.totals.undisclosed > 0)
        apart.append(counted(r.totals.undisclosed, QT_TRANSLATE_NOOP("ChartRenderer", "%1 undisclosed amount"),
                             QT_TRANSLATE_NOOP("ChartRenderer", "%1 undisclosed amounts")));
    if (r.totals.withoutRate > 0) {
        const QString withoutRate = counted(r.totals.withoutRate,
                                            QT_TRANSLATE_NOOP("ChartRenderer", "%1 amount without a rate"),
                                            QT_TRANSLATE_NOOP("ChartRenderer", "%1 amounts without a rate"));
        apart.append(r.ratesMissing.isEmpty()
                             ? withoutRate
                             : tr("%1 (%2)", "amounts without a rate, then the missing rates")
                                       .arg(withoutRate, listed(r.ratesMissing, 6)));
    }
    if (!apart.isEmpty())
        parts.append(tr("Counted apart, not as zero: %1.").arg(apart.join(tr("; ", "between the items of a list"))));
    const Figures figures = Figures::of(r);
    const auto value = [this](double major) { return m_theme.valueText(major); };
    if (!r.subFundFlowsInRows)
        parts.append(figures.leftOutNote(value));
    else if (figures.subFunds.events > 0)
        parts.append(tr("Flows into sub-funds are their own series: %1.")
                             .arg(figures.split(Figures::Measure::Invested, value)));
    if (kind == Kind::TopInvestees && r.totals.investees > ChartBuilder::MaxInvestees)
        parts.append(tr("%1 more investees received less.")
                             .arg(QLocale::c().toString(r.totals.investees - ChartBuilder::MaxInvestees)));
    if (m_theme.dark)
        parts.append(tr("Dark palette, as shown on screen."));
    parts.append(tr("Exported %1 from Fundscope %2.")
                         .arg(m_context.exportDate.toString(Qt::ISODate), QCoreApplication::applicationVersion()));
    return parts.join(QLatin1Char(' '));
}

void ChartRenderer::paint(QPainter *painter, const QRectF &rect, Kind kind, const QString &titleOverride,
                          bool transparent) const
{
    painter->save();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    if (!transparent)
        painter->fillRect(rect, m_theme.background());

    QPaintDevice *device = painter->device();
    const qreal inch = layoutDpi();
    const qreal margin = std::min({ inch * 0.25, rect.width() * 0.04, rect.height() * 0.04 });
    const QRectF inner = rect.adjusted(margin, margin, -margin, -margin);
    const qreal gap = inch * 0.08;

    const QFont titleFont = ChartTheme::font(15, true);
    const QFont subtitleFont = ChartTheme::font(9.5);
    const QFont footFont = ChartTheme::font(7.5);
    const QString titleText = titleOverride.isEmpty() ? title(kind) : titleOverride;
    const QString subtitleText = subtitle();
    const QString footText = footnote(kind);

    const qreal titleHeight = wrappedHeight(titleFont, device, inner.width(), titleText);
    const qreal subtitleHeight = wrappedHeight(subtitleFont, device, inner.width(), subtitleText);
    const qreal footHeight = wrappedHeight(footFont, device, inner.width(), footText);

    qreal y = inner.top();
    painter->setPen(m_theme.text());
    painter->setFont(titleFont);
    painter->drawText(QRectF(inner.left(), y, inner.width(), titleHeight), Qt::TextWordWrap | Qt::AlignLeft, titleText);
    y += titleHeight + gap * 0.5;
    painter->setPen(m_theme.mutedText());
    painter->setFont(subtitleFont);
    painter->drawText(QRectF(inner.left(), y, inner.width(), subtitleHeight), Qt::TextWordWrap | Qt::AlignLeft,
                      subtitleText);
    y += subtitleHeight + gap;

    const QRectF footRect(inner.left(), inner.bottom() - footHeight, inner.width(), footHeight);
    const QRectF chartRect(inner.left(), y, inner.width(), std::max<qreal>(footRect.top() - gap - y, inch * 0.5));

    // The chart is a QGraphicsWidget: it lays itself out inside a scene of its own size, which
    // then paints into the figure.
    QGraphicsScene scene;
    QChart *chart = ChartBuilder::build(kind, m_data, m_theme);
    scene.addItem(chart);
    chart->setTitle(QString());
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    if (transparent)
        chart->setBackgroundVisible(false);
    else
        chart->setBackgroundBrush(m_theme.background());
    chart->setBackgroundPen(Qt::NoPen);
    fitLegend(chart, chartRect.size());
    const QRectF sceneRect(QPointF(0, 0), chartRect.size());
    chart->setGeometry(sceneRect);
    chart->layout()->activate();
    scene.setSceneRect(sceneRect);
    scene.render(painter, chartRect, sceneRect, Qt::IgnoreAspectRatio);

    const QString empty = chart->property("emptyText").toString();
    if (!empty.isEmpty()) {
        painter->setPen(m_theme.mutedText());
        painter->setFont(ChartTheme::font(12));
        painter->drawText(chartRect, Qt::AlignCenter | Qt::TextWordWrap, empty);
    }

    painter->setPen(m_theme.mutedText());
    painter->setFont(footFont);
    painter->drawText(footRect, Qt::TextWordWrap | Qt::AlignLeft, footText);
    painter->restore();
}

QImage ChartRenderer::image(Kind kind, const Options &options) const
{
    const int base = layoutDpi();
    const int dpi = options.dpi > 0 ? options.dpi : base;
    const bool transparent = options.background == Background::Transparent;
    // Opaque figures need no alpha channel: smaller files, and PNG encoding skips un-premultiplying.
    QImage image(options.size, transparent ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    if (image.isNull())
        return image;
    image.fill(transparent ? Qt::transparent : Qt::white);
    // Paint at the layout resolution scaled up to the target: text measured by the chart's
    // scene is drawn at the same size relative to everything else.
    image.setDotsPerMeterX(qRound(base / 0.0254));
    image.setDotsPerMeterY(qRound(base / 0.0254));
    {
        QPainter painter(&image);
        const qreal scale = qreal(dpi) / base;
        painter.scale(scale, scale);
        paint(&painter, QRectF(0, 0, options.size.width() / scale, options.size.height() / scale), kind,
              options.title, transparent);
    }
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    return image;
}

bool ChartRenderer::save(Kind kind, Format format, const QString &path, const Options &options, QString *error) const
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = ExportFile::failure(path, why);
        return false;
    };
    if (options.size.width() < 16 || options.size.height() < 16 || options.size.width() > 30000
        || options.size.height() > 30000)
        return fail(tr("the size %1×%2 is out of range (16 to 30000 pixels a side)")
                            .arg(options.size.width())
                            .arg(options.size.height()));
    if (options.dpi < 10 || options.dpi > 2400)
        return fail(tr("%1 dpi is out of range (10 to 2400)").arg(options.dpi));
    if (ExportFile::refuse(path, error))
        return false;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const int base = layoutDpi();
    const QSizeF canvas = QSizeF(options.size) * (qreal(base) / options.dpi);
    const QString titleText = options.title.isEmpty() ? title(kind) : options.title;
    bool painted = true;
    switch (format) {
    case Format::Png: {
        const QImage picture = image(kind, options);
        QImageWriter writer(&file, "png");
        // zlib level 3 rather than 6: a third faster at a few percent more bytes (a 3000 × 2000
        // figure spends most of its time being compressed).
        writer.setQuality(60);
        painted = !picture.isNull() && writer.write(picture);
        break;
    }
    case Format::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setResolution(base);
        generator.setSize(canvas.toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), canvas));
        generator.setTitle(titleText);
        generator.setDescription(subtitle());
        QPainter painter;
        painted = painter.begin(&generator);
        if (painted) {
            paint(&painter, QRectF(QPointF(0, 0), canvas), kind, options.title,
                  options.background == Background::Transparent);
            painted = painter.end();
        }
        break;
    }
    case Format::Pdf: {
        QPdfWriter writer(&file);
        writer.setResolution(base);
        writer.setPageSize(QPageSize(QSizeF(options.size) * (72.0 / options.dpi), QPageSize::Point, QString(),
                                     QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(titleText);
        writer.setCreator(QStringLiteral("Fundscope %1").arg(QCoreApplication::applicationVersion()));
        QPainter painter;
        painted = painter.begin(&writer);
        if (painted) {
            paint(&painter, QRectF(0, 0, writer.width(), writer.height()), kind, options.title, false);
            painted = painter.end();
        }
        break;
    }
    }
    if (!painted) {
        // The reason first: cancelling replaces it with "canceled by application".
        const QString why = file.error() != QFileDevice::NoError
                ? file.errorString()
                : tr("the %1 could not be drawn", "%1 is the file format: png, svg or pdf").arg(formatName(format));
        file.cancelWriting();
        return fail(why);
    }
    return ExportFile::commit(file, path, error);
}

QString ChartRenderer::formatName(Format format)
{
    switch (format) {
    case Format::Png:
        return QStringLiteral("png");
    case Format::Svg:
        return QStringLiteral("svg");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

std::optional<ChartRenderer::Format> ChartRenderer::parseFormat(const QString &name)
{
    for (Format f : { Format::Png, Format::Svg, Format::Pdf }) {
        if (name.compare(formatName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

int ChartRenderer::layoutDpi()
{
    // A new image takes the default logical DPI, the one QGraphicsScene text is measured at.
    static const int dpi = QImage(1, 1, QImage::Format_ARGB32).logicalDpiX();
    return dpi;
}
