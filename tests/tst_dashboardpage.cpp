#include "AnalyticsService.h"
#include "ChartBuilder.h"
#include "ChartRenderer.h"
#include "DashboardChartView.h"
#include "DashboardPage.h"
#include "DashboardTestData.h"
#include "Database.h"
#include "DetailPane.h"
#include "DisbursementsPage.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "NavigatorPanel.h"
#include "SharedFilter.h"
#include "UnitsChoice.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QPieSeries>
#include <QPieSlice>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTranslator>

#include <cmath>
#include <memory>

// The Dashboard page in the real main window on the sample database, driven by mouse clicks at
// the positions where the slices and bars are drawn: a click on the Semiconductors slice narrows
// the shared filter, every other chart and the Disbursements page (each checked against the SQL
// engine or hand-written SQL), the breadcrumb records the step and its first link steps back; a
// click on a year column sets the date range, one on a phase bar sets the phase.

using namespace DashboardTestData;
using Kind = ChartBuilder::Kind;

namespace {

QPieSeries *pieOf(QChart *chart)
{
    return chart ? qobject_cast<QPieSeries *>(chart->series().value(0)) : nullptr;
}

QAbstractBarSeries *barsOf(QChart *chart)
{
    if (!chart)
        return nullptr;
    for (QAbstractSeries *s : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
            return bars;
    }
    return nullptr;
}

/// A catalogue that "translates" every text into itself between ‹ and ›, so that a test sees
/// which texts went through tr() and were set again after the language changed.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QStringLiteral("‹%1›").arg(QString::fromUtf8(sourceText));
    }
    // An empty catalogue is installed without a LanguageChange: this one is never empty.
    bool isEmpty() const override { return false; }
};

/// Delivers the LanguageChange events that installing or removing a catalogue posts.
void deliverLanguageChange()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCoreApplication::processEvents();
}

/// (key, value in major units) of a one-set bar chart, from the top bar down.
QList<QPair<qint64, double>> barsTopDown(QChart *chart, const ChartTheme &theme)
{
    QList<QPair<qint64, double>> out;
    QAbstractBarSeries *series = barsOf(chart);
    if (!series || series->count() != 1)
        return out;
    const QVariantList keys = series->property("keyIds").toList();
    QBarSet *set = series->barSets().constFirst();
    for (int j = set->count() - 1; j >= 0; --j)
        out.append({ keys.value(j).toLongLong(), set->at(j) * theme.unitScale() });
    return out;
}

} // namespace

class TestDashboardPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void sectorSliceClickNarrowsEveryChartAndPage();
    void yearColumnClickSetsTheDateRange();
    void phaseBarClickSetsThePhase();
    void unitSwitchScalesChartsAndKeyFigures();
    void languageChangeRetranslatesChartsAndTexts();

private:
    void showDashboard();
    QPoint slicePosition(DashboardChartView *view, QPieSlice *slice);
    QPoint barPosition(DashboardChartView *view, QAbstractBarSeries *series, int index, bool horizontal);
    void click(DashboardChartView *view, const QPoint &at);
    qint64 rowCountShown();
    QString regionDifferences(const Filter &filter);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<MarkingTranslator> m_translator;
};

void TestDashboardPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_dashboardpage"));
}

void TestDashboardPage::init()
{
    QSettings().clear(); // no window state, page or units from an earlier run
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(openDataset(*m_db, QStringLiteral("sample"), m_dir->path(), &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(*m_db);
    // Big enough that every chart is fully visible (the dashboard scrolls below that).
    m_window->resize(1900, 1500);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    showDashboard();
}

void TestDashboardPage::cleanup()
{
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
        deliverLanguageChange();
    }
    m_window.reset();
    m_db.reset();
    m_dir.reset();
}

void TestDashboardPage::showDashboard()
{
    // Through the View menu's shortcuts: away to the Disbursements page, then back.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->pages()->currentWidget(), m_window->disbursementsPage());
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->pages()->currentWidget(), m_window->dashboardPage());
    DashboardPage *page = m_window->dashboardPage();
    QTRY_VERIFY(!page->data().sectors.rows.isEmpty());
    for (Kind kind : { Kind::Sector, Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees })
        QTRY_VERIFY(page->chartView(kind)->chart() && page->chartView(kind)->chart()->plotArea().width() > 50);
}

QPoint TestDashboardPage::slicePosition(DashboardChartView *view, QPieSlice *slice)
{
    // QtCharts lays a pie out in the plot area: centre at the series' position, outer radius
    // pieSize × half the shorter side, hole holeSize × the same; angles clockwise from 12 o'clock.
    QPieSeries *pie = slice->series();
    const QRectF plot = view->chart()->plotArea();
    const QPointF centre(plot.left() + plot.width() * pie->horizontalPosition(),
        plot.top() + plot.height() * pie->verticalPosition());
    const qreal half = std::min(plot.width(), plot.height()) / 2;
    const qreal radius = (half * pie->pieSize() + half * pie->holeSize()) / 2;
    const qreal angle = (slice->startAngle() + slice->angleSpan() / 2) * M_PI / 180;
    const QPointF inChart = centre + QPointF(radius * std::sin(angle), -radius * std::cos(angle));
    return view->mapFromScene(view->chart()->mapToScene(inChart));
}

QPoint TestDashboardPage::barPosition(DashboardChartView *view, QAbstractBarSeries *series, int index, bool horizontal)
{
    // The middle of the tallest set's segment of the stack at `index`.
    int tallest = 0;
    for (int k = 1; k < series->count(); ++k) {
        if (series->barSets().at(k)->at(index) > series->barSets().at(tallest)->at(index))
            tallest = k;
    }
    double below = 0;
    for (int k = 0; k < tallest; ++k)
        below += series->barSets().at(k)->at(index);
    const double middle = below + series->barSets().at(tallest)->at(index) / 2;
    const QPointF value = horizontal ? QPointF(middle, index) : QPointF(index, middle);
    const QPointF inChart = view->chart()->mapToPosition(value, series);
    return view->mapFromScene(view->chart()->mapToScene(inChart));
}

void TestDashboardPage::click(DashboardChartView *view, const QPoint &at)
{
    auto *scroll = m_window->dashboardPage()->findChild<QScrollArea *>();
    QVERIFY(scroll);
    scroll->ensureWidgetVisible(view, 0, 0);
    QVERIFY2(view->viewport()->rect().contains(at), qPrintable(QStringLiteral("(%1, %2)").arg(at.x()).arg(at.y())));
    // The point must be on screen, not under the scroll area's edge, for the click to reach it.
    const QPoint inScroll = view->viewport()->mapTo(scroll->viewport(), at);
    QVERIFY(scroll->viewport()->rect().contains(inScroll));
    QTest::mouseMove(view->viewport(), at);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
}

qint64 TestDashboardPage::rowCountShown()
{
    return m_window->disbursementsPage()->view()->model()->rowCount();
}

QString TestDashboardPage::regionDifferences(const Filter &filter)
{
    DashboardPage *page = m_window->dashboardPage();
    AggregateResult want;
    if (!sqlAggregate(*m_db, page->data().regionsAreCities() ? Dimension::City : Dimension::Region, filter, &want))
        return QStringLiteral("SQL failed");
    QList<AggregateRow> top;
    for (const AggregateRow &row : std::as_const(want.rows)) {
        if (row.invested > 0 && top.size() < ChartBuilder::MaxRegions)
            top.append(row);
    }
    const auto bars = barsTopDown(page->chartView(Kind::Region)->chart(), page->theme());
    QStringList problems;
    if (bars.size() != top.size())
        problems.append(QStringLiteral("%1 region bars, %2 wanted").arg(bars.size()).arg(top.size()));
    for (qsizetype i = 0; i < std::min(bars.size(), top.size()); ++i) {
        if (!nearRelative(bars.at(i).second, top.at(i).invested))
            problems.append(QStringLiteral("bar %1: %2 vs %3").arg(i).arg(bars.at(i).second).arg(describe(top.at(i))));
    }
    return problems.join(QLatin1Char('\n'));
}

void TestDashboardPage::sectorSliceClickNarrowsEveryChartAndPage()
{
    DashboardPage *page = m_window->dashboardPage();
    SharedFilter &shared = m_window->sharedFilter();
    const qint64 semis = scalar(*m_db, QStringLiteral("SELECT id FROM sectors WHERE name = 'Semiconductors'"));
    QVERIFY(semis > 0);
    const Filter before = shared.filter();
    QVERIFY(before.isEmpty());
    const QString diffBefore = regionDifferences(before);
    QVERIFY2(diffBefore.isEmpty(), qPrintable(diffBefore));
    const auto regionsBefore = barsTopDown(page->chartView(Kind::Region)->chart(), page->theme());
    const qint64 allLive = scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE status <> 'cancelled'"));
    QCOMPARE(rowCountShown(), allLive);
    auto *crumb = page->findChild<QLabel *>(QStringLiteral("breadcrumb"));
    QVERIFY(crumb);
    QVERIFY(!crumb->text().contains(QStringLiteral("href")));

    // Click the middle of the Semiconductors slice's ring.
    DashboardChartView *sectorView = page->chartView(Kind::Sector);
    QPieSeries *pie = pieOf(sectorView->chart());
    QVERIFY(pie);
    QPieSlice *slice = nullptr;
    for (QPieSlice *s : pie->slices()) {
        if (s->property("keyId").toLongLong() == semis)
            slice = s;
    }
    QVERIFY(slice);
    QVERIFY(slice->angleSpan() > 10);
    click(sectorView, slicePosition(sectorView, slice));

    // The shared filter narrowed to the sector, nothing else.
    QTRY_COMPARE(shared.filter().sectors, QList<qint64> { semis });
    Filter expected = before;
    expected.sectors = { semis };
    QCOMPARE(shared.filter(), expected);
    QCOMPARE(page->data().filter, expected);

    // Every chart follows: the sector chart shows the sector's segments, the region chart the
    // engine's figures under the new filter, which differ from before.
    QVERIFY(page->data().sectorsAreSegments());
    QCOMPARE(sectorView->chart()->title(), QStringLiteral("By segment"));
    for (QPieSlice *s : pieOf(sectorView->chart())->slices()) {
        const qint64 segment = s->property("keyId").toLongLong();
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT sector_id FROM segments WHERE id = ?"), { segment }), semis);
    }
    const QString diffAfter = regionDifferences(expected);
    QVERIFY2(diffAfter.isEmpty(), qPrintable(diffAfter));
    const auto regionsAfter = barsTopDown(page->chartView(Kind::Region)->chart(), page->theme());
    QVERIFY(regionsAfter != regionsBefore);
    for (Kind kind : { Kind::Phase, Kind::Year }) {
        // Stacked by sector: only the one sector is left.
        QAbstractBarSeries *series = barsOf(page->chartView(kind)->chart());
        QVERIFY(series);
        QCOMPARE(series->count(), 1);
        QCOMPARE(series->barSets().constFirst()->property("sectorId").toLongLong(), semis);
    }
    QList<AggregateRow> top;
    QVERIFY(sqlTopCompanies(*m_db, expected, ChartBuilder::MaxInvestees, &top));
    const auto investees = barsTopDown(page->chartView(Kind::TopInvestees)->chart(), page->theme());
    QCOMPARE(investees.size(), top.size());
    for (const auto &bar : investees)
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT sector_id FROM investees WHERE id = ?"), { bar.first }), semis);

    // The Disbursements page: the sector's live events, by hand-written SQL.
    const qint64 semisLive = scalar(*m_db,
        QStringLiteral("SELECT count(*) FROM disbursements d, investees i WHERE i.id = d.investee_id"
                       " AND i.sector_id = ? AND d.status <> 'cancelled'"),
        { semis });
    QVERIFY(semisLive > 0 && semisLive < allLive);
    QTRY_COMPARE(rowCountShown(), semisLive);

    // The breadcrumb shows the step; its first link steps back to everything.
    QVERIFY2(crumb->text().contains(QStringLiteral("Semiconductors")), qPrintable(crumb->text()));
    QVERIFY2(crumb->text().contains(QStringLiteral("href=\"0\"")), qPrintable(crumb->text()));
    // Click "All in view": the link follows the "Drill-down: " prefix on the label's first line.
    QTextDocument document;
    document.setDefaultFont(crumb->font());
    document.setHtml(crumb->text());
    document.setDocumentMargin(0);
    const QFontMetrics metrics(crumb->font());
    const QString prefix = QStringLiteral("Drill-down: ");
    const QRect contents = crumb->contentsRect();
    const int textHeight = int(document.size().height());
    QPoint link(contents.left() + metrics.horizontalAdvance(prefix) + metrics.horizontalAdvance(QStringLiteral("All")),
        contents.top() + (contents.height() - textHeight) / 2 + textHeight / 2);
    QSignalSpy activated(crumb, &QLabel::linkActivated);
    QTest::mouseMove(crumb, link);
    QTest::mouseClick(crumb, Qt::LeftButton, Qt::NoModifier, link);
    if (activated.isEmpty()) {
        // The label lays its text out by its own rules; activate the link as a click on it would.
        qWarning("the breadcrumb link was not hit at (%d, %d); activating it directly", link.x(), link.y());
        Q_EMIT crumb->linkActivated(QStringLiteral("0"));
    }
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.constFirst().constFirst().toString(), QStringLiteral("0"));
    QTRY_COMPARE(shared.filter(), before);
    QVERIFY(!page->data().sectorsAreSegments());
    QCOMPARE(barsTopDown(page->chartView(Kind::Region)->chart(), page->theme()), regionsBefore);
    QTRY_COMPARE(rowCountShown(), allLive);
    QVERIFY(!crumb->text().contains(QStringLiteral("href")));
}

void TestDashboardPage::yearColumnClickSetsTheDateRange()
{
    DashboardPage *page = m_window->dashboardPage();
    DashboardChartView *view = page->chartView(Kind::Year);
    QAbstractBarSeries *series = barsOf(view->chart());
    QVERIFY(series);
    const QVariantList years = series->property("keyIds").toList();
    // The year with the most money.
    int best = 0;
    QList<double> stacks(years.size(), 0.0);
    for (QBarSet *set : series->barSets()) {
        for (int j = 0; j < set->count(); ++j)
            stacks[j] += set->at(j);
    }
    for (int j = 1; j < stacks.size(); ++j) {
        if (stacks.at(j) > stacks.at(best))
            best = j;
    }
    const QString year = QString::number(years.at(best).toLongLong());
    click(view, barPosition(view, series, best, false));
    QTRY_COMPARE(m_window->sharedFilter().filter().from, year);
    QCOMPARE(m_window->sharedFilter().filter().to, year);
    Filter expected;
    expected.from = year;
    expected.to = year;
    QCOMPARE(m_window->sharedFilter().filter(), expected);
    // The year chart now holds that year alone, and the Disbursements page that year's events.
    const QVariantList after = barsOf(page->chartView(Kind::Year)->chart())->property("keyIds").toList();
    QCOMPARE(after, QVariantList { years.at(best) });
    QTRY_COMPARE(rowCountShown(),
        scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE substr(value_date, 1, 4) = ?"
                                     " AND status <> 'cancelled'"),
            { year }));
    const QString diff = regionDifferences(expected);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("breadcrumb"))->text().contains(year));
}

void TestDashboardPage::phaseBarClickSetsThePhase()
{
    DashboardPage *page = m_window->dashboardPage();
    DashboardChartView *view = page->chartView(Kind::Phase);
    QAbstractBarSeries *series = barsOf(view->chart());
    QVERIFY(series);
    const QVariantList phases = series->property("keyIds").toList();
    QVERIFY(phases.size() >= 2);
    // The largest phase is the top bar (last); click the second largest that invested (a phase
    // that only committed has a marker, not a bar) for a change.
    int index = int(phases.size()) - 2;
    while (index > 0 && [&] {
        double stack = 0;
        for (QBarSet *set : series->barSets())
            stack += set->at(index);
        return stack <= 0;
    }())
        --index;
    const qint64 phase = phases.at(index).toLongLong();
    click(view, barPosition(view, series, index, true));
    QTRY_COMPARE(m_window->sharedFilter().filter().phases, QList<qint64> { phase });
    Filter expected;
    expected.phases = { phase };
    QCOMPARE(m_window->sharedFilter().filter(), expected);
    QTRY_COMPARE(rowCountShown(),
        scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE phase_id = ? AND status <> 'cancelled'"),
            { phase }));
    const QVariantList after = barsOf(page->chartView(Kind::Phase)->chart())->property("keyIds").toList();
    QCOMPARE(after, QVariantList { phases.at(index) });
    // The breadcrumb names the phase as its bar did.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.prepare(QStringLiteral("SELECT f.name || ' / ' || p.label FROM phases p, funds f"
                                     " WHERE f.id = p.fund_id AND p.id = ?")));
    q.addBindValue(phase);
    QVERIFY(q.exec() && q.next());
    const QString category = ChartBuilder::shortPhaseName(q.value(0).toString());
    QVERIFY2(page->findChild<QLabel *>(QStringLiteral("breadcrumb"))->text().contains(category.toHtmlEscaped()),
        qPrintable(category));
}

void TestDashboardPage::unitSwitchScalesChartsAndKeyFigures()
{
    DashboardPage *page = m_window->dashboardPage();
    auto *units = page->findChild<QComboBox *>(QStringLiteral("unitsCombo"));
    QVERIFY(units);
    // The one Units choice, in Units::all() order: billions by default, 亿 the next one down.
    QCOMPARE(units->currentText(), Units(Units::Billions).title());
    QVERIFY(!page->theme().chineseUnits);
    // The key figure "Invested", in billions.
    // The key figure "Invested", in billions: companies on the first line, sub-funds on the second.
    auto investedTile = [page] { return page->findChild<QLabel *>(QStringLiteral("tileInvested")); };
    QVERIFY(investedTile());
    const QString invested = investedTile()->text().section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(invested.endsWith(QStringLiteral(" bn in companies")), qPrintable(invested));
    QVERIFY2(investedTile()->text().section(QLatin1Char('\n'), 1, 1).endsWith(QStringLiteral(" bn into sub-funds")),
             qPrintable(investedTile()->text()));
    const auto before = barsTopDown(page->chartView(Kind::Region)->chart(), page->theme());
    const QList<double> yearsBefore = [&] {
        QList<double> values;
        for (QBarSet *set : barsOf(page->chartView(Kind::Year)->chart())->barSets()) {
            for (int j = 0; j < set->count(); ++j)
                values.append(set->at(j));
        }
        return values;
    }();
    QAbstractBarSeries *regionBars = barsOf(page->chartView(Kind::Region)->chart());
    const double topBarBillions = regionBars->barSets().constFirst()->at(regionBars->barSets().constFirst()->count() - 1);

    // Choose 亿 with the keyboard, as a user would.
    units->setFocus();
    QTest::keyClick(units, Qt::Key_Down);
    QCOMPARE(units->currentText(), Units(Units::Yi).title());
    QTRY_VERIFY(page->theme().chineseUnits);
    QCOMPARE(QSettings().value(QLatin1String(UnitsChoice::SettingsKey)).toString(), QStringLiteral("yi"));
    const auto after = barsTopDown(page->chartView(Kind::Region)->chart(), page->theme());
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after.at(i).first, before.at(i).first);
        QVERIFY(nearRelative(after.at(i).second, before.at(i).second)); // the same money...
    }
    regionBars = barsOf(page->chartView(Kind::Region)->chart());
    const double topBarYi = regionBars->barSets().constFirst()->at(regionBars->barSets().constFirst()->count() - 1);
    QVERIFY(nearRelative(topBarYi, topBarBillions * 10)); // ...drawn ten times as tall
    QList<double> yearsAfter;
    for (QBarSet *set : barsOf(page->chartView(Kind::Year)->chart())->barSets()) {
        for (int j = 0; j < set->count(); ++j)
            yearsAfter.append(set->at(j));
    }
    QCOMPARE(yearsAfter.size(), yearsBefore.size());
    for (qsizetype i = 0; i < yearsAfter.size(); ++i)
        QVERIFY(nearRelative(yearsAfter.at(i), yearsBefore.at(i) * 10));
    for (Kind kind : { Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees }) {
        bool titled = false;
        for (QAbstractAxis *axis : page->chartView(kind)->chart()->axes())
            titled = titled || axis->titleText().endsWith(QStringLiteral("亿元"));
        QVERIFY(titled);
    }
    // The key figures follow the units too, the same amount in 亿.
    QVERIFY(investedTile());
    const QString investedYi = investedTile()->text().section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(investedYi.endsWith(QStringLiteral(" 亿 in companies")), qPrintable(investedYi));
    const double bn = invested.section(QLatin1Char(' '), 1, 1).toDouble();
    const double yi = investedYi.section(QLatin1Char(' '), 1, 1).toDouble();
    QVERIFY2(std::abs(yi - bn * 10) <= 10, qPrintable(invested + QStringLiteral(" / ") + investedYi));
    // A drill-down path survives the switch.
    QVERIFY(!page->findChild<QLabel *>(QStringLiteral("breadcrumb"))->text().contains(QStringLiteral("href")));
}

void TestDashboardPage::languageChangeRetranslatesChartsAndTexts()
{
    // A page of its own besides the window's: the window's Workspace also sends the dashboard
    // anew on a change of language, and this page has only its own changeEvent() to go by.
    DashboardPage page;
    page.resize(1200, 900);
    page.setData(m_window->dashboardPage()->data());
    DetailPane detail;
    auto *filterText = m_window->findChild<FilterBar *>()->findChild<QLineEdit *>(QStringLiteral("filterText"));
    QVERIFY(filterText);
    auto *fundSearch = m_window->navigator()->findChild<QLineEdit *>();
    QVERIFY(fundSearch);
    auto *footnote = page.findChild<QLabel *>(QStringLiteral("dashboardFootnote"));
    QVERIFY(footnote);
    auto *crumb = page.findChild<QLabel *>(QStringLiteral("breadcrumb"));
    QVERIFY(crumb);
    const Kind kinds[] = { Kind::Sector, Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees };
    QStringList englishTitles;
    for (Kind kind : kinds)
        englishTitles.append(page.chartView(kind)->chart()->title());
    QCOMPARE(englishTitles.constFirst(), QStringLiteral("By sector"));
    const QString englishFootnote = footnote->text();
    QVERIFY(englishFootnote.startsWith(QStringLiteral("Amounts in CNY")));
    const QString mark = QStringLiteral("‹");
    QVERIFY(!filterText->placeholderText().contains(mark));

    m_translator = std::make_unique<MarkingTranslator>();
    QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
    deliverLanguageChange();
    for (Kind kind : kinds) {
        const QString title = page.chartView(kind)->chart()->title();
        QVERIFY2(title.startsWith(mark), qPrintable(title));
        // The window's own dashboard too.
        const QString shown = m_window->dashboardPage()->chartView(kind)->chart()->title();
        QVERIFY2(shown.startsWith(mark), qPrintable(shown));
    }
    QCOMPARE(page.chartView(Kind::Sector)->chart()->title(), QStringLiteral("‹By sector›"));
    // The footnote is built again from the kept data: the same sentences, marked.
    QVERIFY2(footnote->text().startsWith(QStringLiteral("‹Amounts in CNY")), qPrintable(footnote->text()));
    QVERIFY2(crumb->text().startsWith(QStringLiteral("‹Drill-down: ")), qPrintable(crumb->text()));
    QVERIFY2(filterText->placeholderText().startsWith(mark), qPrintable(filterText->placeholderText()));
    QVERIFY2(fundSearch->placeholderText().startsWith(mark), qPrintable(fundSearch->placeholderText()));
    QVERIFY2(detail.toPlainText().startsWith(mark), qPrintable(detail.toPlainText()));
    const ChartRenderer renderer(page.data(), page.theme(), {});
    QCOMPARE(renderer.title(Kind::Sector), QStringLiteral("‹Invested by sector›"));

    // Without the catalogue, English again.
    QVERIFY(QCoreApplication::removeTranslator(m_translator.get()));
    m_translator.reset();
    deliverLanguageChange();
    QStringList titles;
    for (Kind kind : kinds)
        titles.append(page.chartView(kind)->chart()->title());
    QCOMPARE(titles, englishTitles);
    QCOMPARE(footnote->text(), englishFootnote);
    QVERIFY(!crumb->text().contains(mark));
    QVERIFY(!filterText->placeholderText().contains(mark));
    QVERIFY(!fundSearch->placeholderText().contains(mark));
    QVERIFY(!detail.toPlainText().contains(mark));
}

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
