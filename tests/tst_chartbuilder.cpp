#include "AnalyticsService.h"
#include "ChartBuilder.h"
#include "ChartTheme.h"
#include "DashboardData.h"
#include "DashboardTestData.h"
#include "Database.h"
#include "InterfaceLanguage.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QScatterSeries>
#include <QPieSlice>
#include <QSet>
#include <QStackedBarSeries>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>
#include <QValueAxis>

#include <memory>

// Every dashboard chart's series against the aggregation engine's SQL path (no cache), on the
// sample and on generated data, under several filters and both base currencies: the donut's
// slices, the bars of the region and top-investee charts in their order, each sector's stack in
// the phase and year charts (from the SQL grouping narrowed to that sector), the cumulative line,
// names in English and Chinese, one colour per sector in every chart, the empty state, and the
// switch to 亿 units.

using namespace DashboardTestData;
using Kind = ChartBuilder::Kind;

namespace {

QString noData()
{
    return QStringLiteral("No disbursements match the filter");
}

/// The text of a column of a row id in `table`, by SQL.
QString text(Database &db, const QString &sql, qint64 id)
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return QString();
    return q.value(0).toString();
}

QBarCategoryAxis *categoryAxis(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
            return categories;
    }
    return nullptr;
}

QValueAxis *valueAxis(QChart *chart, Qt::Alignment alignment)
{
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *values = qobject_cast<QValueAxis *>(axis); values && axis->alignment() == alignment)
            return values;
    }
    return nullptr;
}

QList<qint64> ids(const QVariant &list)
{
    QList<qint64> out;
    for (const QVariant &v : list.toList())
        out.append(v.toLongLong());
    return out;
}

/// Empty when the bars (key, value in major units), from the top down, are `want` in order:
/// value by value, and each bar's key one whose SQL value is the bar's (ties may come in either
/// order). `all` holds every SQL group for the lookup.
QString compareBars(const QList<QPair<qint64, double>> &got, const QList<AggregateRow> &want,
    const QList<AggregateRow> &all)
{
    QStringList problems;
    if (got.size() != want.size())
        problems.append(QStringLiteral("%1 bars, %2 wanted").arg(got.size()).arg(want.size()));
    QHash<qint64, double> byKey;
    for (const AggregateRow &row : all)
        byKey.insert(row.keyId, row.invested);
    QSet<qint64> seen;
    for (qsizetype i = 0; i < std::min(got.size(), want.size()); ++i) {
        const auto [key, value] = got.at(i);
        if (seen.contains(key))
            problems.append(QStringLiteral("key %1 twice").arg(key));
        seen.insert(key);
        if (!nearRelative(value, want.at(i).invested))
            problems.append(QStringLiteral("bar %1: %2, wanted %3 (%4)")
                                .arg(i)
                                .arg(value, 0, 'f', 4)
                                .arg(want.at(i).invested, 0, 'f', 4)
                                .arg(describe(want.at(i))));
        if (!byKey.contains(key) || !nearRelative(byKey.value(key), value))
            problems.append(QStringLiteral("bar %1: key %2 does not hold %3").arg(i).arg(key).arg(value, 0, 'f', 4));
    }
    return problems.join(QLatin1Char('\n'));
}

} // namespace

class TestChartBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sectorChart_data();
    void sectorChart();
    void regionChart_data();
    void regionChart();
    void topInvesteesChart_data();
    void topInvesteesChart();
    void phaseChart_data();
    void phaseChart();
    void yearChart_data();
    void yearChart();
    void emptyResultsGiveEmptyState_data();
    void emptyResultsGiveEmptyState();
    void chineseUnitsScaleByTen_data();
    void chineseUnitsScaleByTen();
    void oneColourPerSectorInEveryChart();
    void chineseNamesOnTheSample();
    void chineseInterfacePutsChineseNamesFirst();
    void investeeNamesThatStartAlikeStayApart();
    void shortPhaseNames();

private:
    bool prepare(const QString &dataset, const QString &caseName, Case *c, DashboardData *data);
    void checkStacks(Kind kind, const Case &c, const DashboardData &data, const ChartTheme &theme);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AnalyticsService> m_analytics;
};

void TestChartBuilder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
}

void TestChartBuilder::cleanup()
{
    m_analytics.reset();
    m_db.reset();
    m_dir.reset();
}

bool TestChartBuilder::prepare(const QString &dataset, const QString &caseName, Case *c, DashboardData *data)
{
    QString error;
    if (!openDataset(*m_db, dataset, m_dir->path(), &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    if (!resolveCase(*m_db, caseName, c)) {
        qWarning("the dataset lacks what case '%s' needs", qPrintable(caseName));
        return false;
    }
    m_analytics = std::make_unique<AnalyticsService>(*m_db);
    m_analytics->reload();
    m_analytics->waitForLoad();
    if (!DashboardData::compute(*m_analytics, VocabularyRepository(*m_db).sectors(), provinceIds(*m_db), c->filter,
            data, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

namespace {

const QStringList &chartCases()
{
    static const QStringList cases = { QStringLiteral("none"), QStringLiteral("one fund"),
        QStringLiteral("one sector"), QStringLiteral("one province"), QStringLiteral("date range"),
        QStringLiteral("USD"), QStringLiteral("USD, one province and dates"), QStringLiteral("nothing matches") };
    return cases;
}

void addChartRows()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("caseName");
    for (const char *dataset : { "sample", "generated" }) {
        for (const QString &name : chartCases())
            QTest::addRow("%s: %s", dataset, qPrintable(name)) << QString::fromLatin1(dataset) << name;
    }
}

} // namespace

void TestChartBuilder::sectorChart_data()
{
    addChartRows();
}

void TestChartBuilder::sectorChart()
{
    QFETCH(QString, dataset);
    QFETCH(QString, caseName);
    Case c;
    DashboardData data;
    QVERIFY(prepare(dataset, caseName, &c, &data));
    const ChartTheme theme;
    std::unique_ptr<QChart> chart(ChartBuilder::build(Kind::Sector, data, theme));
    QCOMPARE(chart->property("kind").toInt(), int(Kind::Sector));
    QCOMPARE(ChartBuilder::title(Kind::Sector, data),
        c.segments ? QStringLiteral("By segment") : QStringLiteral("By sector"));

    AggregateResult want;
    QVERIFY(sqlAggregate(*m_db, c.segments ? Dimension::Segment : Dimension::Sector, c.filter, &want));
    QHash<qint64, AggregateRow> expected;
    double total = 0;
    for (const AggregateRow &row : std::as_const(want.rows)) {
        if (row.invested > 0) {
            expected.insert(row.keyId, row);
            total += row.invested;
        }
    }
    if (expected.isEmpty()) {
        QCOMPARE(chart->property("emptyText").toString(), noData());
        QVERIFY(chart->series().isEmpty());
        return;
    }
    QVERIFY(chart->property("emptyText").toString().isEmpty());
    QCOMPARE(chart->series().size(), 1);
    auto *pie = qobject_cast<QPieSeries *>(chart->series().constFirst());
    QVERIFY(pie);
    QCOMPARE(pie->count(), expected.size());
    QList<qint64> keys;
    QSet<qint64> seen;
    const QList<QLegendMarker *> markers = chart->legend()->markers(pie);
    QCOMPARE(markers.size(), pie->count());
    for (int i = 0; i < pie->count(); ++i) {
        QPieSlice *slice = pie->slices().at(i);
        const qint64 key = slice->property("keyId").toLongLong();
        keys.append(key);
        QVERIFY2(!seen.contains(key), "a group sliced twice");
        seen.insert(key);
        QVERIFY2(expected.contains(key), qPrintable(QStringLiteral("unexpected slice %1").arg(key)));
        const AggregateRow &row = expected.value(key);
        QVERIFY2(nearRelative(slice->value() * theme.unitScale(), row.invested),
            qPrintable(QStringLiteral("%1 × %2 vs %3").arg(slice->value()).arg(theme.unitScale()).arg(describe(row))));
        QVERIFY(nearRelative(slice->property("invested").toDouble(), row.invested));
        QCOMPARE(slice->property("events").toLongLong(), row.events);
        QVERIFY(nearRelative(slice->property("share").toDouble(), row.invested / total));
        QVERIFY(nearRelative(slice->percentage(), row.invested / total));
        QCOMPARE(slice->label(), QString::number(row.invested / total * 100, 'f', 1) + QLatin1Char('%'));
        // The legend names the group in English and Chinese, with its value.
        const QString legend = slice->property("legend").toString();
        QVERIFY2(legend.endsWith(QStringLiteral(" · ") + theme.valueText(row.invested)), qPrintable(legend));
        // In the legend itself on two lines: the English name over the Chinese one with the value.
        const QString marker = markers.at(i)->label();
        QCOMPARE(marker, slice->property("legendHtml").toString());
        // A long English name is cut at a word (with …); the Chinese name and value stay whole.
        const QString name = slice->property("name").toString();
        const QString firstLine = marker.section(QStringLiteral("<br>"), 0, 0);
        QVERIFY2(firstLine == name.toHtmlEscaped()
                         || (firstLine.endsWith(QChar(0x2026))
                             && name.toHtmlEscaped().startsWith(firstLine.chopped(1))),
                 qPrintable(marker));
        QVERIFY2(marker.endsWith(theme.valueText(row.invested)), qPrintable(marker));
        if (key != -1) {
            const QString table = c.segments ? QStringLiteral("segments") : QStringLiteral("sectors");
            const QString en = text(*m_db, QStringLiteral("SELECT name FROM %1 WHERE id = ?").arg(table), key);
            const QString zh = text(*m_db, QStringLiteral("SELECT name_zh FROM %1 WHERE id = ?").arg(table), key);
            QVERIFY2(legend.startsWith(en), qPrintable(legend + QStringLiteral(" / ") + en));
            QVERIFY2(zh.isEmpty() || legend.contains(zh), qPrintable(legend + QStringLiteral(" / ") + zh));
        }
        // Only slices wide enough carry their share on the ring.
        QCOMPARE(slice->isLabelVisible(), row.invested / total >= 0.06);
    }
    QCOMPARE(ids(pie->property("keyIds")), keys);
    if (!c.segments) {
        for (int i = 1; i < pie->count(); ++i)
            QVERIFY(pie->slices().at(i - 1)->value() >= pie->slices().at(i)->value());
    }
}

void TestChartBuilder::regionChart_data()
{
    addChartRows();
}

void TestChartBuilder::regionChart()
{
    QFETCH(QString, dataset);
    QFETCH(QString, caseName);
    Case c;
    DashboardData data;
    QVERIFY(prepare(dataset, caseName, &c, &data));
    const ChartTheme theme;
    std::unique_ptr<QChart> chart(ChartBuilder::build(Kind::Region, data, theme));
    QCOMPARE(ChartBuilder::title(Kind::Region, data),
        c.cities ? QStringLiteral("By city") : QStringLiteral("By region (province)"));

    AggregateResult want;
    QVERIFY(sqlAggregate(*m_db, c.cities ? Dimension::City : Dimension::Region, c.filter, &want));
    QList<AggregateRow> top;
    for (const AggregateRow &row : std::as_const(want.rows)) {
        if (row.invested > 0 && top.size() < ChartBuilder::MaxRegions)
            top.append(row);
    }
    if (top.isEmpty()) {
        QCOMPARE(chart->property("emptyText").toString(), noData());
        QVERIFY(chart->series().isEmpty());
        return;
    }
    QVERIFY(chart->property("emptyText").toString().isEmpty());
    QCOMPARE(chart->series().size(), 1);
    auto *series = qobject_cast<QHorizontalBarSeries *>(chart->series().constFirst());
    QVERIFY(series);
    QCOMPARE(series->count(), 1);
    QBarSet *set = series->barSets().constFirst();
    const QList<qint64> keys = ids(series->property("keyIds"));
    QBarCategoryAxis *axis = categoryAxis(chart.get());
    QVERIFY(axis);
    QCOMPARE(axis->alignment(), Qt::AlignLeft);
    QCOMPARE(set->count(), int(top.size()));
    QCOMPARE(keys.size(), top.size());
    QCOMPARE(axis->count(), int(top.size()));
    // Bottom-up: the largest is the last bar, drawn at the top.
    QList<QPair<qint64, double>> bars;
    for (int j = set->count() - 1; j >= 0; --j)
        bars.append({ keys.at(j), set->at(j) * theme.unitScale() });
    const QString diff = compareBars(bars, top, want.rows);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QHash<qint64, AggregateRow> byKey;
    for (const AggregateRow &row : std::as_const(want.rows))
        byKey.insert(row.keyId, row);
    const QVariantList values = series->property("values").toList();
    const QVariantList events = series->property("events").toList();
    for (int j = 0; j < set->count(); ++j) {
        const AggregateRow row = byKey.value(keys.at(j));
        QVERIFY(nearRelative(values.at(j).toDouble(), row.invested));
        QCOMPARE(events.at(j).toLongLong(), row.events);
        // Categories name the region in English and Chinese.
        const QString category = axis->at(j);
        QCOMPARE(category, row.keyZh == row.key ? row.key : row.key + QLatin1Char(' ') + row.keyZh);
        if (row.keyId != -1) {
            const QString en = text(*m_db, QStringLiteral("SELECT name FROM regions WHERE id = ?"), row.keyId);
            const QString zh = text(*m_db, QStringLiteral("SELECT name_zh FROM regions WHERE id = ?"), row.keyId);
            QVERIFY2(category.startsWith(en), qPrintable(category));
            QVERIFY2(zh.isEmpty() || category.contains(zh), qPrintable(category + QStringLiteral(" / ") + zh));
            if (c.cities)
                QCOMPARE(row.parentId, c.filter.regions.constFirst());
        }
    }
    // The value axis leaves room for the longest bar's label.
    QValueAxis *valueAx = valueAxis(chart.get(), Qt::AlignBottom);
    QVERIFY(valueAx);
    QVERIFY(valueAx->max() >= top.constFirst().invested / theme.unitScale());
    QCOMPARE(valueAx->titleText(), theme.unitLabel(c.filter.currency));
}

void TestChartBuilder::topInvesteesChart_data()
{
    addChartRows();
}

void TestChartBuilder::topInvesteesChart()
{
    QFETCH(QString, dataset);
    QFETCH(QString, caseName);
    Case c;
    DashboardData data;
    QVERIFY(prepare(dataset, caseName, &c, &data));
    const ChartTheme theme;
    std::unique_ptr<QChart> chart(ChartBuilder::build(Kind::TopInvestees, data, theme));

    QList<AggregateRow> top;
    QVERIFY(sqlTopCompanies(*m_db, c.filter, ChartBuilder::MaxInvestees, &top));
    if (top.isEmpty()) {
        QCOMPARE(chart->property("emptyText").toString(), noData());
        QVERIFY(chart->series().isEmpty());
        return;
    }
    AggregateResult all;
    QVERIFY(sqlAggregate(*m_db, Dimension::Investee, c.filter, &all));
    // Shares are of everything the companies received (flows into sub-funds left out).
    AggregateResult companies;
    QVERIFY(sqlAggregate(*m_db, Dimension::Sector, c.filter, &companies));
    const double total = companies.totals.invested;

    QVERIFY(chart->property("emptyText").toString().isEmpty());
    auto *series = qobject_cast<QHorizontalBarSeries *>(chart->series().value(0));
    QVERIFY(series);
    QBarSet *set = series->barSets().value(0);
    QVERIFY(set);
    const QList<qint64> keys = ids(series->property("keyIds"));
    QCOMPARE(keys.size(), top.size());
    QList<QPair<qint64, double>> bars;
    for (int j = set->count() - 1; j >= 0; --j)
        bars.append({ keys.at(j), set->at(j) * theme.unitScale() });
    const QString diff = compareBars(bars, top, all.rows);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(nearRelative(series->property("total").toDouble(), total));
    const QSet<qint64> subFunds = subFundInvestees(*m_db);
    QBarCategoryAxis *axis = categoryAxis(chart.get());
    QVERIFY(axis);
    QSet<QString> shownNames;
    for (int j = 0; j < set->count(); ++j) {
        QVERIFY(!subFunds.contains(keys.at(j)));
        const QString name = text(*m_db, QStringLiteral("SELECT name FROM investees WHERE id = ?"), keys.at(j));
        const double invested = set->at(j) * theme.unitScale();
        const QString share = QStringLiteral(" (%1%)").arg(invested / total * 100, 0, 'f', 1);
        const QString category = axis->at(j);
        QVERIFY2(category.endsWith(share), qPrintable(category + share));
        const QString shown = category.chopped(share.size());
        // Names up to 28 characters in full; longer ones shortened to 28 by leaving out a part
        // marked "…" (what is kept starts and ends the name), and no two bars named alike.
        QVERIFY2(!shownNames.contains(shown), qPrintable(shown));
        shownNames.insert(shown);
        if (name.size() <= 28) {
            QCOMPARE(shown, name);
            continue;
        }
        QVERIFY2(shown.size() <= 28, qPrintable(shown));
        const qsizetype cut = shown.indexOf(QChar(0x2026));
        QVERIFY2(cut > 0, qPrintable(shown));
        QVERIFY2(name.startsWith(shown.left(cut)), qPrintable(shown + QStringLiteral(" / ") + name));
        QVERIFY2(name.endsWith(shown.mid(cut + 1)), qPrintable(shown + QStringLiteral(" / ") + name));
    }
}

void TestChartBuilder::checkStacks(Kind kind, const Case &c, const DashboardData &data, const ChartTheme &theme)
{
    const Dimension dimension = kind == Kind::Phase ? Dimension::Phase : Dimension::Year;
    std::unique_ptr<QChart> chart(ChartBuilder::build(kind, data, theme));
    AggregateResult whole;
    QVERIFY(sqlAggregate(*m_db, dimension, c.filter, &whole));
    QList<AggregateRow> parts;
    QVERIFY(sqlBySector(*m_db, dimension, c.filter, &parts));
    const auto part = byKeyAndSector(parts);

    // The categories: phases by the larger of invested and committed, the largest at the top
    // (last); years in order.
    QList<qint64> order;
    const auto size = [kind](const AggregateRow &row) {
        return kind == Kind::Phase ? std::max(row.invested, row.committed) : row.invested;
    };
    QList<AggregateRow> sized = whole.rows; // invested replaced by the size the phases are ranked by
    for (AggregateRow &row : sized)
        row.invested = size(row);
    if (kind == Kind::Phase) {
        std::stable_sort(sized.begin(), sized.end(),
                         [](const AggregateRow &a, const AggregateRow &b) { return a.invested > b.invested; });
        for (const AggregateRow &row : std::as_const(sized)) {
            if (row.invested > 0 && order.size() < ChartBuilder::MaxPhases)
                order.prepend(row.keyId);
        }
    } else {
        // Every year from the first to the last, those without events included.
        for (const AggregateRow &row : std::as_const(whole.rows)) {
            if (row.keyId == -1)
                continue;
            if (!order.isEmpty())
                QVERIFY(row.keyId > order.constLast());
            for (qint64 year = order.isEmpty() ? row.keyId : order.constLast() + 1; year <= row.keyId; ++year)
                order.append(year);
        }
    }
    double invested = 0;
    for (const AggregateRow &row : std::as_const(whole.rows))
        invested += row.keyId != -1 ? size(row) : 0;
    if (order.isEmpty() || invested <= 0) {
        QCOMPARE(chart->property("emptyText").toString(), noData());
        QVERIFY(chart->series().isEmpty());
        return;
    }
    QVERIFY(chart->property("emptyText").toString().isEmpty());
    QAbstractBarSeries *series = nullptr;
    QLineSeries *line = nullptr;
    QScatterSeries *markers = nullptr;
    for (QAbstractSeries *s : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
            series = bars;
        else if (auto *m = qobject_cast<QScatterSeries *>(s); m && m->property("measure") == QStringLiteral("committed"))
            markers = m;
        else if (qobject_cast<QScatterSeries *>(s))
            continue; // the invested totals at the bars' ends
        else if (auto *l = qobject_cast<QLineSeries *>(s))
            line = l;
    }
    QVERIFY(series);
    if (kind == Kind::Phase) {
        QVERIFY(qobject_cast<QHorizontalStackedBarSeries *>(series));
        QVERIFY(!line);
    } else {
        QVERIFY(qobject_cast<QStackedBarSeries *>(series));
        QVERIFY(line);
    }
    const QList<qint64> keys = ids(series->property("keyIds"));
    QHash<qint64, AggregateRow> byKey;
    for (const AggregateRow &row : std::as_const(whole.rows))
        byKey.insert(row.keyId, row);
    if (kind == Kind::Phase) {
        // Ties in invested may come in either order: compare values in order, keys by value.
        QList<AggregateRow> want;
        for (qint64 key : std::as_const(order))
            want.prepend(byKey.value(key));
        for (AggregateRow &row : want)
            row.invested = size(row);
        QList<QPair<qint64, double>> got;
        for (qsizetype j = keys.size() - 1; j >= 0; --j)
            got.append({ keys.at(j), size(byKey.value(keys.at(j))) });
        const QString diff = compareBars(got, want, sized);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // What each phase committed is its marker, never stacked onto what it invested.
        QList<qint64> committedKeys;
        for (qint64 key : keys) {
            if (byKey.value(key).committed > 0)
                committedKeys.append(key);
        }
        QCOMPARE(markers != nullptr, !committedKeys.isEmpty());
        if (markers) {
            QCOMPARE(ids(markers->property("keyIds")), committedKeys);
            const QVariantList values = markers->property("values").toList();
            for (qsizetype j = 0; j < committedKeys.size(); ++j)
                QVERIFY(nearRelative(values.at(j).toDouble(), byKey.value(committedKeys.at(j)).committed));
        }
    } else {
        QCOMPARE(keys, order);
    }
    QBarCategoryAxis *axis = categoryAxis(chart.get());
    QVERIFY(axis);
    QCOMPARE(axis->count(), int(keys.size()));
    for (qsizetype j = 0; j < keys.size(); ++j) {
        const QString category = axis->at(int(j));
        if (kind == Kind::Year) {
            QCOMPARE(category, QString::number(keys.at(j)));
        } else {
            const QString label = text(*m_db, QStringLiteral("SELECT label FROM phases WHERE id = ?"), keys.at(j));
            QVERIFY2(category.endsWith(QLatin1Char(' ') + label), qPrintable(category));
            QCOMPARE(category, ChartBuilder::shortPhaseName(byKey.value(keys.at(j)).key));
        }
    }

    // One set per sector with money in the shown categories, each value that sector's part.
    QList<qint64> sectors = sectorIds(*m_db);
    sectors.append(-1);
    sectors.append(AggregateRow::SubFundsPart);
    QHash<qint64, QBarSet *> sets;
    for (QBarSet *set : series->barSets()) {
        const qint64 sector = set->property("sectorId").toLongLong();
        QVERIFY2(!sets.contains(sector), "a sector stacked twice");
        sets.insert(sector, set);
    }
    QList<double> stacks(keys.size(), 0.0);
    for (qint64 sector : std::as_const(sectors)) {
        bool any = false;
        for (qint64 key : keys)
            any = any || part.value({ key, sector }).invested > 0;
        QBarSet *set = sets.value(sector);
        QVERIFY2(any == (set != nullptr), qPrintable(QStringLiteral("sector %1").arg(sector)));
        if (!set)
            continue;
        QCOMPARE(set->count(), int(keys.size()));
        for (qsizetype j = 0; j < keys.size(); ++j) {
            const double wantValue = part.value({ keys.at(j), sector }).invested;
            QVERIFY2(nearRelative(set->at(int(j)) * theme.unitScale(), wantValue)
                    || std::abs(set->at(int(j)) * theme.unitScale() - wantValue)
                        <= 1e-9 * byKey.value(keys.at(j)).invested + 1e-6,
                qPrintable(QStringLiteral("sector %1, key %2: %3 vs %4")
                               .arg(sector)
                               .arg(keys.at(j))
                               .arg(set->at(int(j)) * theme.unitScale(), 0, 'f', 4)
                               .arg(wantValue, 0, 'f', 4)));
            stacks[j] += set->at(int(j)) * theme.unitScale();
        }
        QCOMPARE(set->color(), sector == AggregateRow::SubFundsPart ? theme.subFundColor()
                                                                   : theme.sectorColor(sector, data.sectorNames));
        if (sector == -1) {
            QCOMPARE(set->label(), QStringLiteral("No sector"));
        } else if (sector == AggregateRow::SubFundsPart) {
            QCOMPARE(set->label(), QStringLiteral("Into sub-funds"));
        } else {
            const QString en = text(*m_db, QStringLiteral("SELECT name FROM sectors WHERE id = ?"), sector);
            const QString zh = text(*m_db, QStringLiteral("SELECT name_zh FROM sectors WHERE id = ?"), sector);
            QCOMPARE(set->label(), zh.isEmpty() ? en : en + QLatin1Char(' ') + zh);
        }
    }
    // Each stack is the whole group.
    for (qsizetype j = 0; j < keys.size(); ++j)
        QVERIFY(nearRelative(stacks.at(j), byKey.value(keys.at(j)).invested));

    if (line) {
        QCOMPARE(line->name(), QStringLiteral("Cumulative"));
        QCOMPARE(line->count(), int(keys.size()));
        double running = 0;
        for (qsizetype j = 0; j < keys.size(); ++j) {
            running += byKey.value(keys.at(j)).invested;
            QCOMPARE(line->at(int(j)).x(), double(j));
            QVERIFY2(nearRelative(line->at(int(j)).y() * theme.unitScale(), running),
                qPrintable(QStringLiteral("year %1: %2 vs %3").arg(keys.at(j)).arg(line->at(int(j)).y()).arg(running)));
        }
        QValueAxis *right = valueAxis(chart.get(), Qt::AlignRight);
        QVERIFY(right);
        QVERIFY(right->max() >= running / theme.unitScale());
    }
}

void TestChartBuilder::phaseChart_data()
{
    addChartRows();
}

void TestChartBuilder::phaseChart()
{
    QFETCH(QString, dataset);
    QFETCH(QString, caseName);
    Case c;
    DashboardData data;
    QVERIFY(prepare(dataset, caseName, &c, &data));
    checkStacks(Kind::Phase, c, data, ChartTheme());
}

void TestChartBuilder::yearChart_data()
{
    addChartRows();
}

void TestChartBuilder::yearChart()
{
    QFETCH(QString, dataset);
    QFETCH(QString, caseName);
    Case c;
    DashboardData data;
    QVERIFY(prepare(dataset, caseName, &c, &data));
    checkStacks(Kind::Year, c, data, ChartTheme());
}

void TestChartBuilder::emptyResultsGiveEmptyState_data()
{
    QTest::addColumn<QString>("spec");
    // Nothing at all, and events that exist but put no money in any chart (commitments only).
    QTest::addRow("no events") << QStringLiteral("nothing");
    QTest::addRow("commitments only") << QStringLiteral("commitments");
}

void TestChartBuilder::emptyResultsGiveEmptyState()
{
    QFETCH(QString, spec);
    Case c;
    DashboardData data;
    QVERIFY(prepare(QStringLiteral("sample"), QStringLiteral("none"), &c, &data));
    Filter f;
    if (spec == QLatin1String("nothing")) {
        f.from = QStringLiteral("1990");
        f.to = QStringLiteral("1990");
    } else {
        f.types = { QStringLiteral("commitment") };
    }
    QString error;
    QVERIFY2(DashboardData::compute(*m_analytics, VocabularyRepository(*m_db).sectors(), provinceIds(*m_db), f, &data,
                 &error),
        qPrintable(error));
    QCOMPARE(data.phasesBySector.totals.invested, 0.0);
    QCOMPARE(data.phasesBySector.totals.events == 0, spec == QLatin1String("nothing"));
    for (Kind kind : { Kind::Sector, Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees }) {
        std::unique_ptr<QChart> chart(ChartBuilder::build(kind, data, ChartTheme()));
        if (kind == Kind::Phase && spec == QLatin1String("commitments")) {
            // Commitments are the phase chart's markers: a phase that only committed is shown.
            QVERIFY(chart->property("emptyText").toString().isEmpty());
            QVERIFY(!chart->findChildren<QScatterSeries *>().isEmpty() || !chart->series().isEmpty());
            continue;
        }
        QVERIFY2(chart->property("emptyText").toString() == noData(), qPrintable(ChartBuilder::title(kind, data)));
        QVERIFY(chart->series().isEmpty());
        QVERIFY(chart->axes().isEmpty());
        QVERIFY(!chart->legend()->isVisible());
    }
}

void TestChartBuilder::chineseUnitsScaleByTen_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addRow("CNY") << QStringLiteral("none");
    QTest::addRow("USD") << QStringLiteral("USD");
    QTest::addRow("one sector") << QStringLiteral("one sector");
}

void TestChartBuilder::chineseUnitsScaleByTen()
{
    QFETCH(QString, caseName);
    Case c;
    DashboardData data;
    QVERIFY(prepare(QStringLiteral("sample"), caseName, &c, &data));
    ChartTheme billions;
    ChartTheme yi;
    yi.chineseUnits = true;
    QCOMPARE(yi.unitScale() * 10, billions.unitScale());
    const QString unit = c.filter.currency == QLatin1String("USD") ? QStringLiteral("亿美元") : QStringLiteral("亿元");
    QCOMPARE(yi.unitLabel(c.filter.currency), unit);
    QCOMPARE(billions.unitLabel(c.filter.currency), c.filter.currency + QStringLiteral(" bn"));
    for (Kind kind : { Kind::Sector, Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees }) {
        std::unique_ptr<QChart> a(ChartBuilder::build(kind, data, billions));
        std::unique_ptr<QChart> b(ChartBuilder::build(kind, data, yi));
        QCOMPARE(a->series().size(), b->series().size());
        QVERIFY(!a->series().isEmpty());
        int compared = 0;
        for (qsizetype s = 0; s < a->series().size(); ++s) {
            if (auto *pa = qobject_cast<QPieSeries *>(a->series().at(s))) {
                auto *pb = qobject_cast<QPieSeries *>(b->series().at(s));
                QCOMPARE(pa->count(), pb->count());
                for (int i = 0; i < pa->count(); ++i) {
                    QVERIFY(nearRelative(pb->slices().at(i)->value(), pa->slices().at(i)->value() * 10));
                    QVERIFY(pb->slices().at(i)->property("legend").toString().endsWith(QStringLiteral(" 亿")));
                    QVERIFY(pa->slices().at(i)->property("legend").toString().endsWith(QStringLiteral(" bn")));
                    ++compared;
                }
            } else if (auto *ba = qobject_cast<QAbstractBarSeries *>(a->series().at(s))) {
                auto *bb = qobject_cast<QAbstractBarSeries *>(b->series().at(s));
                QCOMPARE(ba->count(), bb->count());
                for (int k = 0; k < ba->count(); ++k) {
                    for (int j = 0; j < ba->barSets().at(k)->count(); ++j) {
                        QVERIFY(nearRelative(bb->barSets().at(k)->at(j), ba->barSets().at(k)->at(j) * 10));
                        ++compared;
                    }
                }
            } else if (auto *la = qobject_cast<QLineSeries *>(a->series().at(s))) {
                auto *lb = qobject_cast<QLineSeries *>(b->series().at(s));
                for (int j = 0; j < la->count(); ++j)
                    QVERIFY(nearRelative(lb->at(j).y(), la->at(j).y() * 10));
            }
        }
        QVERIFY(compared > 0);
        if (kind != Kind::Sector) {
            // The value axes carry the unit.
            bool titled = false;
            for (QAbstractAxis *axis : b->axes()) {
                if (qobject_cast<QValueAxis *>(axis)) {
                    QVERIFY2(axis->titleText().endsWith(unit), qPrintable(axis->titleText()));
                    titled = true;
                }
            }
            QVERIFY(titled);
        }
    }
}

void TestChartBuilder::oneColourPerSectorInEveryChart()
{
    Case c;
    DashboardData data;
    QVERIFY(prepare(QStringLiteral("sample"), QStringLiteral("none"), &c, &data));
    for (const bool dark : { false, true }) {
        ChartTheme theme;
        theme.dark = dark;
        std::unique_ptr<QChart> pie(ChartBuilder::build(Kind::Sector, data, theme));
        std::unique_ptr<QChart> phases(ChartBuilder::build(Kind::Phase, data, theme));
        std::unique_ptr<QChart> years(ChartBuilder::build(Kind::Year, data, theme));
        QHash<qint64, QColor> colours;
        for (QPieSlice *slice : qobject_cast<QPieSeries *>(pie->series().constFirst())->slices())
            colours.insert(slice->property("keyId").toLongLong(), slice->color());
        QVERIFY(colours.size() >= 2);
        QSet<QRgb> distinct;
        for (const QColor &colour : std::as_const(colours))
            distinct.insert(colour.rgb());
        QCOMPARE(distinct.size(), colours.size());
        int matched = 0;
        for (QChart *chart : { phases.get(), years.get() }) {
            for (QAbstractSeries *s : chart->series()) {
                auto *bars = qobject_cast<QAbstractBarSeries *>(s);
                if (!bars)
                    continue;
                for (QBarSet *set : bars->barSets()) {
                    const qint64 sector = set->property("sectorId").toLongLong();
                    if (colours.contains(sector)) {
                        QCOMPARE(set->color(), colours.value(sector));
                        ++matched;
                    }
                }
            }
        }
        QVERIFY(matched >= 2);
    }
    // A sector's segments take distinct colours.
    Filter oneSector;
    const qint64 semis = scalar(*m_db, QStringLiteral("SELECT id FROM sectors WHERE name = 'Semiconductors'"));
    oneSector.sectors = { semis };
    QString error;
    QVERIFY(DashboardData::compute(*m_analytics, VocabularyRepository(*m_db).sectors(), provinceIds(*m_db), oneSector,
        &data, &error));
    const ChartTheme theme;
    std::unique_ptr<QChart> segments(ChartBuilder::build(Kind::Sector, data, theme));
    auto *pie = qobject_cast<QPieSeries *>(segments->series().constFirst());
    QVERIFY(pie->count() >= 2);
    QSet<QRgb> seen;
    QVERIFY(pie->count() <= 12);
    for (QPieSlice *slice : pie->slices()) {
        QVERIFY2(!seen.contains(slice->color().rgb()), qPrintable(slice->color().name() + QStringLiteral(" twice")));
        seen.insert(slice->color().rgb());
    }
}

void TestChartBuilder::chineseNamesOnTheSample()
{
    Case c;
    DashboardData data;
    QVERIFY(prepare(QStringLiteral("sample"), QStringLiteral("none"), &c, &data));
    const ChartTheme theme;
    std::unique_ptr<QChart> pie(ChartBuilder::build(Kind::Sector, data, theme));
    QStringList legends;
    for (QLegendMarker *marker : pie->legend()->markers())
        legends.append(marker->label());
    QVERIFY2(legends.join(QLatin1Char('|')).contains(QStringLiteral("Semiconductors<br>半导体 · ")),
        qPrintable(legends.join(QLatin1Char('|'))));
    std::unique_ptr<QChart> regions(ChartBuilder::build(Kind::Region, data, theme));
    const QStringList categories = categoryAxis(regions.get())->categories();
    QVERIFY2(categories.contains(QStringLiteral("Shanghai 上海")) && categories.contains(QStringLiteral("Beijing 北京")),
        qPrintable(categories.join(QLatin1Char('|'))));
    std::unique_ptr<QChart> phases(ChartBuilder::build(Kind::Phase, data, theme));
    QStringList sets;
    for (QBarSet *set : qobject_cast<QAbstractBarSeries *>(phases->series().constFirst())->barSets())
        sets.append(set->label());
    QVERIFY2(sets.contains(QStringLiteral("Semiconductors 半导体")), qPrintable(sets.join(QLatin1Char('|'))));
    const QStringList phaseCategories = categoryAxis(phases.get())->categories();
    QVERIFY2(phaseCategories.contains(QStringLiteral("Big Fund Phase II")), qPrintable(phaseCategories.join(QLatin1Char('|'))));
}

void TestChartBuilder::chineseInterfacePutsChineseNamesFirst()
{
    Case c;
    DashboardData data;
    QVERIFY(prepare(QStringLiteral("sample"), QStringLiteral("none"), &c, &data));
    QVERIFY(InterfaceLanguage::apply(InterfaceLanguage::Choice::Chinese));
    QVERIFY(InterfaceLanguage::isChinese());
    // English again whatever happens below, for the tests that follow.
    const auto english = qScopeGuard([] { InterfaceLanguage::apply(InterfaceLanguage::Choice::English); });
    const ChartTheme theme;
    std::unique_ptr<QChart> pie(ChartBuilder::build(Kind::Sector, data, theme));
    QStringList legends;
    for (QLegendMarker *marker : pie->legend()->markers())
        legends.append(marker->label());
    // The Chinese name over the English one; the value beside the Chinese name, the shorter.
    double semisInvested = 0;
    for (const AggregateRow &row : std::as_const(data.sectors.rows)) {
        if (row.key == QLatin1String("Semiconductors"))
            semisInvested = row.invested;
    }
    QVERIFY(semisInvested > 0);
    QVERIFY2(legends.contains(QStringLiteral("半导体 · %1<br>Semiconductors").arg(theme.valueText(semisInvested))),
        qPrintable(legends.join(QLatin1Char('|'))));
    // The name a drill-down step is recorded by.
    const qint64 semis = scalar(*m_db, QStringLiteral("SELECT id FROM sectors WHERE name = 'Semiconductors'"));
    for (QPieSlice *slice : qobject_cast<QPieSeries *>(pie->series().constFirst())->slices()) {
        if (slice->property("keyId").toLongLong() == semis)
            QCOMPARE(slice->property("name").toString(), QStringLiteral("半导体"));
    }
    std::unique_ptr<QChart> regions(ChartBuilder::build(Kind::Region, data, theme));
    const QStringList categories = categoryAxis(regions.get())->categories();
    QVERIFY2(categories.contains(QStringLiteral("上海 Shanghai")) && categories.contains(QStringLiteral("北京 Beijing")),
        qPrintable(categories.join(QLatin1Char('|'))));
    std::unique_ptr<QChart> phases(ChartBuilder::build(Kind::Phase, data, theme));
    QStringList sets;
    for (QBarSet *set : qobject_cast<QAbstractBarSeries *>(phases->series().constFirst())->barSets())
        sets.append(set->label());
    QVERIFY2(sets.contains(QStringLiteral("半导体 Semiconductors")), qPrintable(sets.join(QLatin1Char('|'))));
    // Where one name fits, the Chinese one, shortened by its legal form rather than cut.
    const QStringList phaseCategories = categoryAxis(phases.get())->categories();
    QVERIFY2(phaseCategories.contains(QStringLiteral("国家集成电路产业投资基金 Phase II")),
        qPrintable(phaseCategories.join(QLatin1Char('|'))));
    std::unique_ptr<QChart> investees(ChartBuilder::build(Kind::TopInvestees, data, theme));
    const QStringList companies = categoryAxis(investees.get())->categories();
    for (const QString &company : companies)
        QVERIFY2(!company.contains(QStringLiteral("有限公司")), qPrintable(company));
    QVERIFY2(companies.join(QLatin1Char('|')).contains(QStringLiteral("紫光集团 (")),
        qPrintable(companies.join(QLatin1Char('|'))));
}

void TestChartBuilder::investeeNamesThatStartAlikeStayApart()
{
    // SMIC South and SMIC Shenzhen both start "Semiconductor Manufacturing …" (and once had the
    // same label): the short names they end with keep them apart.
    Case c;
    DashboardData data;
    QVERIFY(prepare(QStringLiteral("sample"), QStringLiteral("none"), &c, &data));
    std::unique_ptr<QChart> chart(ChartBuilder::build(Kind::TopInvestees, data, ChartTheme()));
    const QStringList categories = categoryAxis(chart.get())->categories();
    const QString all = categories.join(QLatin1Char('|'));
    QVERIFY2(all.contains(QStringLiteral("Semiconduct") + QChar(0x2026) + QStringLiteral(" (SMIC Shenzhen) (")),
        qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Semiconductor") + QChar(0x2026) + QStringLiteral(" (SMIC South) (")),
        qPrintable(all));
}

void TestChartBuilder::shortPhaseNames()
{
    QCOMPARE(ChartBuilder::shortPhaseName(
                 QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund) / Phase II")),
        QStringLiteral("Big Fund Phase II"));
    QCOMPARE(ChartBuilder::shortPhaseName(QStringLiteral("Shanghai IC Fund / Phase I")),
        QStringLiteral("Shanghai IC Fund Phase I"));
    const QString longName = ChartBuilder::shortPhaseName(
        QStringLiteral("Guotou Jixin (Beijing) Equity Investment Fund Partnership / Phase I"));
    QCOMPARE(longName, QStringLiteral("Guotou Jixin") + QChar(0x2026) + QStringLiteral(" Phase I"));
}

QTEST_MAIN(TestChartBuilder)
#include "tst_chartbuilder.moc"
