#include "WindowProbe.h"

#include "AnalyticsService.h"
#include "BenchSorts.h"
#include "DashboardPage.h"
#include "ColumnSnapshot.h"
#include "DashboardSnapshot.h"
#include "Database.h"
#include "DisbursementTableModel.h"
#include "DisbursementsPage.h"
#include "MainWindow.h"
#include "SharedFilter.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <functional>
#include <memory>

namespace {

constexpr int PaintTimeoutMs = 60000;

// Counts paint events reaching the widgets it watches.
class PaintCounter : public QObject
{
public:
    void watch(QWidget *widget) { widget->installEventFilter(this); }
    int count = 0;
    /// When set, only the paints during which it holds are counted.
    std::function<bool()> counts;
    /// When set: its reading once the first counted paint was drawn (ms; -1 until then).
    const QElapsedTimer *clock = nullptr;
    double firstPaintedMs = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || (counts && !counts()))
            return false;
        ++count;
        if (!clock || firstPaintedMs >= 0)
            return false;
        // Drawn here, so that the clock is read when the paint is done, not when the event loop
        // returns to the wait (a timer that fell due meanwhile runs first).
        watched->event(event);
        firstPaintedMs = double(clock->nsecsElapsed()) / 1e6;
        return true;
    }
};

// Runs the event loop until `done` holds; false after the timeout. A short timer keeps the loop
// waking up, so the wait blocks in the event dispatcher instead of spinning.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = PaintTimeoutMs)
{
    QTimer tick;
    tick.start(2);
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        // What the application's event loop does between events: objects deleted with
        // deleteLater() (replaced charts, old models) go now, not at the end of the probe.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}

QTableView *disbursementsTable(MainWindow &window)
{
    return window.disbursementsPage()->findChild<QTableView *>(QStringLiteral("disbursementsTable"));
}

QList<QChartView *> chartViews(MainWindow &window)
{
    return window.dashboardPage()->findChildren<QChartView *>();
}

} // namespace

bool WindowProbe::run(const ProbeOptions &options, QList<Measurement> *out, QString *error)
{
    const int reps = options.repetitions;
    const QSize windowSize(1600, 1000);

    // Opening to first paint, each time in a new window on a newly opened connection. The
    // aggregation cache then loads on a worker; the run waits for it before closing the window,
    // so the next run starts quiet.
    auto openToPaint = [&](bool dashboard, double *ms, QString *why) -> bool {
        QElapsedTimer timer;
        timer.start();
        Database db;
        if (db.open(options.database, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
            *why = db.errorString();
            return false;
        }
        auto window = std::make_unique<MainWindow>(db);
        window->resize(windowSize);
        window->pages()->setCurrentWidget(dashboard ? static_cast<QWidget *>(window->dashboardPage())
                                                    : static_cast<QWidget *>(window->disbursementsPage()));
        PaintCounter painted;
        painted.clock = &timer;
        if (dashboard) {
            for (QChartView *view : chartViews(*window))
                painted.watch(view->viewport());
            // Only paints with figures count: from the aggregation cache, or the unfiltered
            // dashboard kept from an earlier session for the same data (DashboardSnapshot).
            DashboardPage *page = window->dashboardPage();
            painted.counts = [page] { return !page->data().sectors.rows.isEmpty(); };
        } else {
            painted.watch(disbursementsTable(*window)->viewport());
        }
        window->show();
        const bool seen = waitUntil([&] { return painted.count > 0; });
        *ms = painted.firstPaintedMs;
        window->analytics().waitForLoad();
        QCoreApplication::processEvents();
        window.reset();
        if (!seen)
            *why = QStringLiteral("no paint within %1 s").arg(PaintTimeoutMs / 1000);
        return seen;
    };
    if (options.wants(QStringLiteral("window.first_paint"))) {
        out->append(Measurement::collect(QStringLiteral("window.first_paint"),
            QStringLiteral(
                "Open the database, show the main window on the Disbursements page, to first paint"),
            std::min(reps, 3), [&](double *ms, QString *why) { return openToPaint(false, ms, why); }));
        out->last().note = QStringLiteral("run 1 is the process's first window (fonts, style)");
    }
    // The Dashboard: on a database opened before (an untimed first open keeps its unfiltered
    // dashboard, as any session does), then as if never opened (nothing kept).
    const QString kept = DashboardSnapshot::filePath(options.database);
    if (options.wants(QStringLiteral("window.dashboard_first_paint")) && !QFile::exists(kept)) {
        double untimed = 0;
        QString why;
        openToPaint(true, &untimed, &why);
    }
    if (options.wants(QStringLiteral("window.dashboard_first_paint")))
        out->append(Measurement::collect(QStringLiteral("window.dashboard_first_paint"),
            QStringLiteral("Open the database, show the main window on the Dashboard, to the first paint with "
                           "figures (opened before: its unfiltered dashboard kept)"),
            std::min(reps, 3), [&](double *ms, QString *why) { return openToPaint(true, ms, why); }));
    if (options.wants(QStringLiteral("window.dashboard_first_paint_cold")))
        out->append(Measurement::collect(QStringLiteral("window.dashboard_first_paint_cold"),
            QStringLiteral("The same on a database never opened before (nothing kept: the aggregation cache "
                           "loads first)"),
            std::min(reps, 3), [&](double *ms, QString *why) {
                QFile::remove(kept);
                QFile::remove(ColumnSnapshot::filePath(options.database));
                return openToPaint(true, ms, why);
            }));

    // One window for the interactions, with the aggregation cache loaded.
    Database db;
    if (db.open(options.database, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
        *error = db.errorString();
        return false;
    }
    MainWindow window(db);
    window.resize(windowSize);
    window.pages()->setCurrentWidget(window.disbursementsPage());
    window.show();
    window.analytics().waitForLoad();
    QTableView *table = disbursementsTable(window);
    PaintCounter tablePainted;
    tablePainted.watch(table->viewport());
    PaintCounter chartsPainted;
    for (QChartView *view : chartViews(window))
        chartsPainted.watch(view->viewport());
    if (!waitUntil([&] { return tablePainted.count > 0; })) {
        *error = QStringLiteral("the main window never painted");
        return false;
    }

    // Until the window has done what a change leaves for later (MainWindow's follow-up:
    // navigator totals, the hidden table's count, the status bar) and painted it: timers fire in
    // order of expiry, so 1 ms timers started once it has run fire after the paints it posted.
    auto drain = [&window] {
        waitUntil([&window] { return !window.followUpPending(); }, 5000);
        for (int round = 0; round < 3; ++round) {
            bool fired = false;
            QTimer::singleShot(1, [&fired] { fired = true; });
            waitUntil([&fired] { return fired; }, 5000);
        }
    };
    // An untimed reset (waiting briefly for the paint it causes; a reset that changes nothing
    // causes none) and its follow-up work, then the timed change to the paint it causes on
    // `counter`.
    auto settle = [drain](PaintCounter &counter, const std::function<void()> &action) {
        counter.count = 0;
        action();
        waitUntil([&] { return counter.count > 0; }, 2000);
        drain();
    };
    // `untilIdle`: to the end of the follow-up work too, not just the first paint.
    auto timedChange = [settle, drain](PaintCounter &counter, PaintCounter &resetCounter,
                           const std::function<void()> &reset, const std::function<void()> &change,
                           bool untilIdle = false) {
        return [&counter, &resetCounter, reset, change, settle, drain, untilIdle](double *ms, QString *why) -> bool {
            settle(resetCounter, reset);
            QElapsedTimer timer;
            timer.start();
            counter.count = 0;
            change();
            const bool ok = waitUntil([&] { return counter.count > 0; });
            if (ok && untilIdle)
                drain();
            *ms = double(timer.nsecsElapsed()) / 1e6;
            if (!ok)
                *why = QStringLiteral("no repaint within %1 s").arg(PaintTimeoutMs / 1000);
            return ok;
        };
    };
    SharedFilter &filter = window.sharedFilter();
    auto setFilter = [&filter](const Filter &f) { return [&filter, f] { filter.setFilter(f); }; };
    auto clearFilter = [&filter] {
        if (filter.filter() == Filter()) {
            Filter other;
            other.text = QStringLiteral("(reset)"); // already clear: change it, so that clearing repaints
            filter.setFilter(other);
        }
        filter.setFilter(Filter());
    };

    const BenchFilters &f = options.filters;
    const struct
    {
        const char *key;
        QString label;
        std::function<void()> reset;
        std::function<void()> change;
    } filters[] = {
        { "none", QStringLiteral("clear: large fund + dates to none"), setFilter(f.largeFundAndDates()),
            setFilter(Filter()) },
        { "large_fund", QStringLiteral("large fund + dates"), clearFilter, setFilter(f.largeFundAndDates()) },
        { "sector", QStringLiteral("one sector"), clearFilter, setFilter(f.oneSector()) },
        { "text", QStringLiteral("text search"), clearFilter, setFilter(f.textSearch()) },
    };
    // Each measurement only when --only lets it through. A filter change costs seconds while the
    // navigator re-measures its column on every change (see docs/benchmark-findings.md): at most
    // three runs of those, and the small fund only at the model level (BrowseProbe), so that the
    // whole benchmark stays within its time.
    auto measure
        = [&](const QString &id, const QString &label, const std::function<bool(double *, QString *)> &body) {
              if (!options.wants(id))
                  return false;
              const bool filterChange = id.startsWith(QLatin1String("window.filter."))
                  || id.startsWith(QLatin1String("window.settled."))
                  || id.startsWith(QLatin1String("window.dashboard_filter."))
                  || id.startsWith(QLatin1String("window.dashboard_settled."));
              out->append(Measurement::collect(id, label, filterChange ? std::min(reps, 3) : reps, body));
              return true;
          };
    for (const auto &entry : filters) {
        if (measure(QStringLiteral("window.filter.%1").arg(QLatin1String(entry.key)),
                QStringLiteral("Disbursements page: filter change (%1) to repaint").arg(entry.label),
                timedChange(tablePainted, tablePainted, entry.reset, entry.change)))
            out->last().note = QStringLiteral("%L1 rows in view").arg(table->model()->rowCount());
    }
    // The same change until the rest of the window (navigator totals, status bar) has followed.
    for (const auto &entry : filters) {
        if (qstrcmp(entry.key, "none") == 0 || qstrcmp(entry.key, "sector") == 0)
            measure(QStringLiteral("window.settled.%1").arg(QLatin1String(entry.key)),
                QStringLiteral("Disbursements page: filter change (%1) until the navigator and status bar follow")
                    .arg(entry.label),
                timedChange(tablePainted, tablePainted, entry.reset, entry.change, true));
    }
    filter.setFilter(Filter());
    for (const BenchSort &sort : benchSorts) {
        measure(QStringLiteral("window.sort.%1").arg(QLatin1String(sort.key)),
            QStringLiteral("Disbursements page: sort by %1%2 (header click) to repaint")
                .arg(table->model()->headerData(sort.column, Qt::Horizontal).toString(),
                    sort.order == Qt::DescendingOrder ? QStringLiteral(", descending") : QString()),
            timedChange(
                tablePainted, tablePainted,
                [table] { table->sortByColumn(DisbursementTableModel::Date, Qt::DescendingOrder); },
                [table, sort] { table->sortByColumn(sort.column, sort.order); }));
    }
    table->sortByColumn(DisbursementTableModel::Date, Qt::DescendingOrder);
    measure(QStringLiteral("window.last_row"),
        QStringLiteral("Disbursements page: jump to the last row to repaint"),
        timedChange(
            tablePainted, tablePainted,
            [table] {
                table->scrollToTop();
                table->viewport()->update();
            },
            [table] { table->scrollToBottom(); }));

    // The dashboard: switching to it, then filter changes while it is shown.
    measure(QStringLiteral("window.dashboard_switch"),
        QStringLiteral("Switch to the Dashboard (cache loaded) to the charts' repaint"),
        timedChange(
            chartsPainted, tablePainted,
            [&window] { window.pages()->setCurrentWidget(window.disbursementsPage()); },
            [&window] { window.pages()->setCurrentWidget(window.dashboardPage()); }));
    window.pages()->setCurrentWidget(window.dashboardPage());
    for (const auto &entry : filters) {
        measure(QStringLiteral("window.dashboard_filter.%1").arg(QLatin1String(entry.key)),
            QStringLiteral("Dashboard: filter change (%1) to the charts' repaint").arg(entry.label),
            timedChange(chartsPainted, chartsPainted, entry.reset, entry.change));
    }
    measure(QStringLiteral("window.dashboard_settled.none"),
        QStringLiteral("Dashboard: filter change (%1) until the navigator and status bar follow").arg(filters[0].label),
        timedChange(chartsPainted, chartsPainted, filters[0].reset, filters[0].change, true));
    filter.setFilter(Filter());
    return true;
}
