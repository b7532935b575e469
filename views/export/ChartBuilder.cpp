#include "ChartBuilder.h"

#include "DashboardData.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ChartBuilder {

namespace {

/// Both names, the interface language's first ("Shanghai 上海", "上海 Shanghai").
QString bilingual(const AggregateRow &row)
{
    return ChartTheme::bilingual(row.key, row.keyZh);
}

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("[\\x{3400}-\\x{9fff}]"));
    return text.contains(han);
}

/// A Chinese company or fund name without the legal form that ends most of them ("有限公司",
/// "(有限合伙)"): it takes half an axis label and tells no two names apart.
QString withoutLegalForm(const QString &name)
{
    static const QRegularExpression form(QStringLiteral(
            "\\s*[(（]有限合伙[)）]\\s*$|(股份有限公司|有限责任公司|有限公司|合伙企业)$"));
    QString shorter = name;
    shorter.remove(form);
    return shorter.isEmpty() ? name : shorter;
}

/// At most `max` characters, cut at a word boundary where there is one in the second half (a
/// name cut mid-word reads as another name); the full name is in the bar's tooltip.
QString elide(const QString &text, int max)
{
    if (text.size() <= max)
        return text;
    const qsizetype space = text.left(max).lastIndexOf(QLatin1Char(' '));
    const qsizetype cut = space >= max / 2 ? space : max - 1;
    return text.left(cut).trimmed() + QChar(0x2026);
}

/// The longest English name a legend line holds before it is cut at a word.
constexpr int MaxLegendName = 24;
/// The longest Chinese name an axis label holds: a character is about twice as wide as a Latin one.
constexpr int MaxChineseLabel = 13;

/// A value rounded to what its label shows, three significant digits: "@xPoint" prints every
/// digit the division left. The point moves by less than a pixel; exact values are in "values".
double labelled(double scaled)
{
    if (scaled <= 0)
        return scaled;
    const double magnitude = std::pow(10.0, std::floor(std::log10(scaled)) - 2);
    return scaled >= 100 ? std::round(scaled) : std::round(scaled / magnitude) * magnitude;
}

/// Labels each point of an XY series with its value, right of the point.
void labelPoints(QXYSeries *series, bool horizontal)
{
    series->setPointLabelsVisible(true);
    series->setPointLabelsClipping(false);
    series->setPointLabelsFont(ChartTheme::font(8));
    series->setPointLabelsFormat(horizontal ? QStringLiteral("          @xPoint") : QStringLiteral("@yPoint"));
}

/// Bars keep their thickness when there are few of them: a single category would otherwise
/// fill the whole plot with one slab.
qreal barWidthFor(qsizetype categories, qreal usual)
{
    constexpr qsizetype Few = 4;
    return categories >= Few ? usual : usual * qreal(categories) / Few + 0.05;
}

/// An investee's name for an axis, at most 28 characters: a longer name keeps the short name it
/// ends with in brackets and elides the rest ("Semiconductor Manufa… (SMIC)"), so that two
/// companies whose names start alike do not get the same label.
QString shortInvesteeName(const QString &name)
{
    if (hasChinese(name))
        return elide(withoutLegalForm(name), MaxChineseLabel);
    constexpr int Max = 28;
    static const QRegularExpression bracket(QStringLiteral("\\s*\\(([^()]{2,14})\\)\\s*$"));
    const auto m = bracket.match(name);
    if (name.size() <= Max || !m.hasMatch())
        return elide(name, Max);
    const QString tail = QStringLiteral(" (") + m.captured(1) + QLatin1Char(')');
    return name.left(m.capturedStart()).left(Max - int(tail.size()) - 1).trimmed() + QChar(0x2026) + tail;
}

QString sectorName(qint64 id, const QList<VocabularyItem> &sectors)
{
    for (const VocabularyItem &s : sectors) {
        if (s.id == id)
            return ChartTheme::bilingual(s.name, s.nameZh);
    }
    return id == AggregateRow::SubFundsPart ? QCoreApplication::translate("ChartBuilder", "Into sub-funds")
                                            : QCoreApplication::translate("ChartBuilder", "No sector");
}

QChart *emptyChart(const QString &text, const ChartTheme &theme)
{
    auto *chart = new QChart;
    theme.prepare(chart);
    chart->legend()->hide();
    chart->setProperty("emptyText", text);
    return chart;
}

QString noData()
{
    return QCoreApplication::translate("ChartBuilder", "No disbursements match the filter");
}

QValueAxis *addValueAxis(QChart *chart, QAbstractSeries *series, Qt::Alignment alignment, const QString &title,
                         double maxValue)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(maxValue >= 100 ? QStringLiteral("%.0f") : QStringLiteral("%.3g"));
    chart->addAxis(axis, alignment);
    series->attachAxis(axis);
    // Headroom so that the value label at the end of the longest bar stays inside the plot.
    axis->setRange(0, maxValue > 0 ? maxValue * 1.18 : 1);
    axis->applyNiceNumbers();
    return axis;
}

QChart *sectorChart(const DashboardData &data, const ChartTheme &theme)
{
    QList<AggregateRow> rows;
    for (const AggregateRow &row : data.sectors.rows) {
        if (row.invested > 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return emptyChart(noData(), theme);
    double total = 0;
    for (const AggregateRow &row : rows)
        total += row.invested;
    auto *chart = new QChart;
    theme.prepare(chart);
    auto *series = new QPieSeries;
    series->setHoleSize(0.42);
    series->setPieSize(0.78);
    QVariantList keys;
    const QFontMetrics legendMetrics(chart->legend()->font());
    int widestLine = 0;
    const bool segments = data.sectorsAreSegments();
    // Segments take distinct colours (shades of one hue could not be told apart at ten
    // segments), sectors kept together when several are shown (export-chart --by segment).
    if (segments) {
        const auto order = [&data](qint64 sectorId) {
            for (qsizetype i = 0; i < data.sectorNames.size(); ++i) {
                if (data.sectorNames.at(i).id == sectorId)
                    return i;
            }
            return data.sectorNames.size();
        };
        std::stable_sort(rows.begin(), rows.end(), [&order](const AggregateRow &a, const AggregateRow &b) {
            return order(a.parentId) < order(b.parentId);
        });
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const AggregateRow &row = rows.at(i);
        const double share = row.invested / total;
        const QColor colour = segments ? theme.categoryColor(int(i)) : theme.sectorColor(row.keyId, data.sectorNames);
        const QString nameEn = segments ? row.key.section(QStringLiteral(" / "), -1) : row.key;
        const QString nameZh = segments ? row.keyZh.section(QStringLiteral(" / "), -1) : row.keyZh;
        // The interface language's name first: English over Chinese, or Chinese over English.
        const QString name = ChartTheme::preferred(nameEn, nameZh);
        const QString otherName = ChartTheme::other(nameEn, nameZh);
        auto *slice = series->append(QString::number(share * 100, 'f', 1) + QLatin1Char('%'),
                                     row.invested / theme.unitScale());
        slice->setProperty("legend", QString(ChartTheme::bilingual(nameEn, nameZh) + QStringLiteral(" · ")
                                             + theme.valueText(row.invested)));
        // The legend gives the name two lines, one name over the other, so that long bilingual
        // names fit the legend's share of the chart (Qt gives it 40 % at most). The value goes
        // with the Chinese name, the shorter: "English<br>中文 · value", "中文 · value<br>English".
        // A long English name is cut at a word, never a Chinese name or the value.
        const QString value = theme.valueText(row.invested);
        const bool valueFirst = name != nameEn && !otherName.isEmpty();
        const QString firstLine = elide(name, MaxLegendName) + (valueFirst ? QStringLiteral(" · ") + value : QString());
        const QString second = valueFirst ? elide(otherName, MaxLegendName)
                                          : (otherName.isEmpty() ? QString() : otherName + QStringLiteral(" · ")) + value;
        slice->setProperty("legendHtml", QString(firstLine.toHtmlEscaped() + QStringLiteral("<br>") + second.toHtmlEscaped()));
        widestLine = std::max({ widestLine, legendMetrics.horizontalAdvance(firstLine),
                                legendMetrics.horizontalAdvance(second) });
        slice->setProperty("name", name);
        slice->setColor(colour);
        slice->setBorderColor(theme.background());
        slice->setLabelFont(ChartTheme::font(8.5));
        slice->setLabelColor(theme.text());
        slice->setProperty("keyId", row.keyId);
        slice->setProperty("events", row.events);
        slice->setProperty("share", share);
        // Not "value": that is QPieSlice's own property, which a dynamic one would overwrite.
        slice->setProperty("invested", row.invested);
        // Only slices wide enough to hold it carry their share on the ring, so labels never
        // overlap; every slice is named, with its value, in the legend.
        slice->setLabelVisible(share >= 0.06);
        slice->setLabelPosition(QPieSlice::LabelInsideHorizontal);
        slice->setLabelColor(Qt::white);
        keys.append(row.keyId);
    }
    series->setProperty("keyIds", keys);
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setShowToolTips(true);
    // Room for the widest line, so that no name is cut short: the ring shrinks instead.
    chart->legend()->setMinimumWidth(std::clamp(widestLine + 36, 200, 360));
    // The view moves the legend below the ring when it is too narrow to hold both side by side.
    chart->setProperty("legendWidth", chart->legend()->minimumWidth());
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    for (qsizetype i = 0; i < markers.size() && i < series->slices().size(); ++i)
        markers.at(i)->setLabel(series->slices().at(i)->property("legendHtml").toString());
    return chart;
}

/// Enough significant digits that large values print in full rather than as 3.64e+04.
int maxLabelDigits(const QList<AggregateRow> &rows, const ChartTheme &theme)
{
    double max = 0;
    for (const AggregateRow &row : rows)
        max = std::max(max, row.invested / theme.unitScale());
    return max >= 1000 ? int(std::log10(max)) + 1 : 3;
}

/// A horizontal bar chart of the largest rows, biggest at the top.
QChart *barChart(const QList<AggregateRow> &sorted, int max, const QString &unit, const ChartTheme &theme,
                 double total, bool withShare, const std::function<QString(const AggregateRow &)> &label)
{
    QList<AggregateRow> rows;
    for (const AggregateRow &row : sorted) {
        if (row.invested > 0 && rows.size() < max)
            rows.append(row);
    }
    if (rows.isEmpty())
        return emptyChart(noData(), theme);
    auto *chart = new QChart;
    theme.prepare(chart);
    auto *set = new QBarSet(unit);
    set->setColor(theme.accent());
    set->setBorderColor(theme.accent());
    set->setLabelColor(theme.text());
    set->setLabelFont(ChartTheme::font(8));
    QStringList categories;
    QVariantList keys;
    QVariantList events;
    QVariantList values;
    QVariantList names; // the full names, for tooltips: the axis labels may be elided
    for (qsizetype i = rows.size() - 1; i >= 0; --i) {
        const AggregateRow &row = rows.at(i);
        QString text = label(row);
        if (withShare && total > 0)
            text += QStringLiteral(" (%1%)").arg(row.invested / total * 100, 0, 'f', 1);
        categories.append(text);
        set->append(row.invested / theme.unitScale());
        keys.append(row.keyId);
        events.append(row.events);
        values.append(row.invested);
        names.append(bilingual(row));
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(barWidthFor(rows.size(), 0.7));
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(maxLabelDigits(rows, theme));
    series->setProperty("keyIds", keys);
    series->setProperty("events", events);
    series->setProperty("values", values);
    series->setProperty("names", names);
    series->setProperty("total", total);
    chart->addSeries(series);
    auto *axis = new QBarCategoryAxis;
    axis->append(categories);
    chart->addAxis(axis, Qt::AlignLeft);
    series->attachAxis(axis);
    double maxValue = 0;
    for (int i = 0; i < set->count(); ++i)
        maxValue = std::max(maxValue, set->at(i));
    addValueAxis(chart, series, Qt::AlignBottom, unit, maxValue);
    chart->legend()->hide();
    return chart;
}

/// Stacked bars: one set per sector over the given keys (phases or years), the flows into
/// sub-funds as a set of their own. With `committed` (phases), a marker per key shows what was
/// committed beside what was invested: the two are never stacked onto each other.
QChart *stackedChart(const DashboardData &data, const AggregateResult &bySector, const QList<qint64> &keyOrder,
                     const QStringList &categories, bool horizontal, const ChartTheme &theme, const QString &unit,
                     bool cumulative, const QHash<qint64, double> &committed = {})
{
    if (keyOrder.isEmpty())
        return emptyChart(noData(), theme);
    auto *chart = new QChart;
    theme.prepare(chart);
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalStackedBarSeries)
                                            : static_cast<QAbstractBarSeries *>(new QStackedBarSeries);
    QList<qint64> sectorIds;
    for (const VocabularyItem &s : data.sectorNames)
        sectorIds.append(s.id);
    sectorIds.append(-1);
    sectorIds.append(AggregateRow::SubFundsPart);
    QHash<QPair<qint64, qint64>, double> value;
    for (const AggregateRow &row : bySector.rows)
        value[qMakePair(row.keyId, row.sectorId)] += row.invested;
    QVariantList keys;
    for (qint64 key : keyOrder)
        keys.append(key);
    for (qint64 sector : sectorIds) {
        auto *set = new QBarSet(sectorName(sector, data.sectorNames));
        bool any = false;
        for (qint64 key : keyOrder) {
            const double v = value.value(qMakePair(key, sector));
            any = any || v > 0;
            set->append(v / theme.unitScale());
        }
        if (!any) {
            delete set;
            continue;
        }
        const QColor colour = sector == AggregateRow::SubFundsPart ? theme.subFundColor()
                                                                   : theme.sectorColor(sector, data.sectorNames);
        set->setColor(colour);
        set->setBorderColor(colour);
        set->setProperty("sectorId", sector);
        series->append(set);
    }
    bool anyCommitted = false;
    for (qint64 key : keyOrder)
        anyCommitted = anyCommitted || committed.value(key) > 0;
    if (series->count() == 0 && !anyCommitted) {
        // Events without money in any stack or marker: the empty state, not bare axes.
        delete series;
        delete chart;
        return emptyChart(noData(), theme);
    }
    series->setBarWidth(barWidthFor(keyOrder.size(), horizontal ? 0.7 : 0.8));
    series->setProperty("keyIds", keys);
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);

    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    series->attachAxis(categoryAxis);
    double maxValue = 0;
    for (qsizetype k = 0; k < keyOrder.size(); ++k) {
        double stack = 0;
        for (QBarSet *set : series->barSets())
            stack += set->at(int(k));
        maxValue = std::max({ maxValue, stack, committed.value(keyOrder.at(k)) / theme.unitScale() });
    }
    QValueAxis *valueAxis = addValueAxis(chart, series, horizontal ? Qt::AlignBottom : Qt::AlignLeft, unit, maxValue);
    if (anyCommitted) {
        auto *markers = new QScatterSeries;
        markers->setName(QCoreApplication::translate("ChartBuilder", "Committed"));
        markers->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        markers->setMarkerSize(9);
        markers->setColor(theme.text());
        markers->setBorderColor(theme.background());
        QVariantList markerKeys;
        QVariantList markerValues;
        for (qsizetype k = 0; k < keyOrder.size(); ++k) {
            const double v = committed.value(keyOrder.at(k));
            if (v <= 0)
                continue;
            const double scaled = labelled(v / theme.unitScale());
            markers->append(horizontal ? QPointF(scaled, double(k)) : QPointF(double(k), scaled));
            markerKeys.append(keyOrder.at(k));
            markerValues.append(v);
        }
        labelPoints(markers, horizontal);
        markers->setPointLabelsColor(theme.text());
        markers->setProperty("keyIds", markerKeys);
        markers->setProperty("values", markerValues);
        markers->setProperty("measure", QStringLiteral("committed"));
        chart->addSeries(markers);
        markers->attachAxis(valueAxis);
        markers->attachAxis(categoryAxis);
    }
    if (horizontal && series->count() > 0) {
        // Each bar's total at its end: stacked sets can only label their own parts.
        auto *totals = new QScatterSeries;
        totals->setName(QCoreApplication::translate("ChartBuilder", "Invested"));
        totals->setMarkerSize(1);
        totals->setColor(Qt::transparent);
        totals->setBorderColor(Qt::transparent);
        for (qsizetype k = 0; k < keyOrder.size(); ++k) {
            double stack = 0;
            for (QBarSet *set : series->barSets())
                stack += set->at(int(k));
            if (stack > 0)
                totals->append(labelled(stack), double(k));
        }
        labelPoints(totals, true);
        totals->setPointLabelsColor(theme.text());
        totals->setProperty("measure", QStringLiteral("invested"));
        chart->addSeries(totals);
        totals->attachAxis(valueAxis);
        totals->attachAxis(categoryAxis);
        for (QLegendMarker *marker : chart->legend()->markers(totals))
            marker->setVisible(false);
    }
    if (cumulative) {
        auto *line = new QLineSeries;
        line->setName(QCoreApplication::translate("ChartBuilder", "Cumulative"));
        double running = 0;
        QHash<qint64, double> perKey;
        for (const AggregateRow &row : bySector.rows)
            perKey[row.keyId] += row.invested;
        for (qsizetype i = 0; i < keyOrder.size(); ++i) {
            running += perKey.value(keyOrder.at(i));
            line->append(double(i), running / theme.unitScale());
        }
        QPen pen(theme.text());
        pen.setWidthF(2);
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(categoryAxis);
        auto *right = new QValueAxis;
        right->setTitleText(QCoreApplication::translate("ChartBuilder", "Cumulative, %1",
                                                        "the axis of the running total; %1 is the unit")
                                    .arg(unit));
        right->setLabelFormat(QStringLiteral("%.3g"));
        chart->addAxis(right, Qt::AlignRight);
        line->attachAxis(right);
        right->setRange(0, running > 0 ? running / theme.unitScale() * 1.05 : 1);
        right->applyNiceNumbers();
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace

QString shortPhaseName(const QString &fundAndLabel)
{
    const QString fund = fundAndLabel.section(QStringLiteral(" / "), 0, -2);
    const QString label = fundAndLabel.section(QStringLiteral(" / "), -1);
    // A Chinese name's brackets hold its legal form or a place ("(有限合伙)", "(北京)"), not a
    // short name: it is shortened by its legal form and its length instead.
    if (hasChinese(fund))
        return elide(withoutLegalForm(fund), MaxChineseLabel) + QLatin1Char(' ') + label;
    static const QRegularExpression bracket(QStringLiteral("\\(([^()]{2,24})\\)\\s*$"));
    const auto m = bracket.match(fund);
    const QString shortFund = m.hasMatch() ? m.captured(1) : elide(fund, 22);
    return shortFund + QLatin1Char(' ') + label;
}

QString title(Kind kind, const DashboardData &data)
{
    switch (kind) {
    case Kind::Sector:
        return data.sectorsAreSegments() ? QCoreApplication::translate("ChartBuilder", "By segment")
                                         : QCoreApplication::translate("ChartBuilder", "By sector");
    case Kind::Region:
        return data.regionsAreCities() ? QCoreApplication::translate("ChartBuilder", "By city")
                                       : QCoreApplication::translate("ChartBuilder", "By region (province)");
    case Kind::Phase:
        return QCoreApplication::translate("ChartBuilder", "By funding phase, stacked by sector");
    case Kind::Year:
        return QCoreApplication::translate("ChartBuilder", "Over time, stacked by sector");
    case Kind::TopInvestees:
        return QCoreApplication::translate("ChartBuilder", "Top investees");
    }
    return {};
}

QChart *build(Kind kind, const DashboardData &data, const ChartTheme &theme)
{
    const QString unit = theme.unitLabel(data.sectors.currency.isEmpty() ? data.filter.currency : data.sectors.currency);
    QChart *chart = nullptr;
    switch (kind) {
    case Kind::Sector:
        chart = sectorChart(data, theme);
        break;
    case Kind::Region:
        chart = barChart(data.regions.rows, MaxRegions, unit, theme, 0, false, bilingual);
        break;
    case Kind::Phase: {
        // A phase whose money is so far only committed (a new phase's commitments into sub-funds)
        // is as much a part of the picture as one that paid out: ranked by the larger of the two.
        QList<AggregateRow> phases = DashboardData::collapse(data.phasesBySector);
        const auto size = [](const AggregateRow &row) { return std::max(row.invested, row.committed); };
        std::stable_sort(phases.begin(), phases.end(),
                         [&size](const AggregateRow &a, const AggregateRow &b) { return size(a) > size(b); });
        QList<qint64> order;
        QStringList categories;
        QHash<qint64, double> committed;
        for (const AggregateRow &row : std::as_const(phases)) {
            if (size(row) <= 0 || order.size() >= MaxPhases)
                continue;
            order.prepend(row.keyId);
            categories.prepend(shortPhaseName(ChartTheme::preferred(row.key, row.keyZh)));
            committed.insert(row.keyId, row.committed);
        }
        chart = stackedChart(data, data.phasesBySector, order, categories, true, theme, unit, false, committed);
        QVariantList names; // the full "Fund / Phase" of each bar, for its tooltip
        for (qint64 key : std::as_const(order)) {
            for (const AggregateRow &row : std::as_const(phases)) {
                if (row.keyId == key)
                    names.append(ChartTheme::bracketed(row.key, row.keyZh));
            }
        }
        for (QAbstractSeries *s : chart->series())
            s->setProperty("names", names);
        break;
    }
    case Kind::Year: {
        QList<AggregateRow> years = DashboardData::collapse(data.yearsBySector);
        std::sort(years.begin(), years.end(), [](const AggregateRow &a, const AggregateRow &b) { return a.keyId < b.keyId; });
        QList<qint64> order;
        QStringList categories;
        for (const AggregateRow &row : std::as_const(years)) {
            if (row.keyId == -1)
                continue;
            // Every year between the first and the last, so that the time axis has no jumps.
            for (qint64 year = order.isEmpty() ? row.keyId : order.constLast() + 1; year <= row.keyId; ++year) {
                order.append(year);
                categories.append(QString::number(year));
            }
        }
        chart = stackedChart(data, data.yearsBySector, order, categories, false, theme, unit, true);
        break;
    }
    case Kind::TopInvestees:
        chart = barChart(data.investees.rows, MaxInvestees, unit, theme, data.investees.totals.invested, true,
                         [](const AggregateRow &row) { return shortInvesteeName(ChartTheme::preferred(row.key, row.keyZh)); });
        break;
    }
    theme.styleAxes(chart);
    chart->setProperty("kind", int(kind));
    return chart;
}

} // namespace ChartBuilder
