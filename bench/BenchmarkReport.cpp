#include "BenchmarkReport.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace {

QString ms(double value)
{
    if (value < 10)
        return QString::number(value, 'f', 1);
    return QLocale(QLocale::English).toString(value, 'f', 0);
}

QString mb(qint64 kb)
{
    return kb > 0 ? QString::number(double(kb) / 1024.0, 'f', 0) : QStringLiteral("–");
}

QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

struct Target
{
    QString issue;
    QString what;
    QStringList ids; ///< measurements; the worst median decides
    double limit = 0; ///< ms, or MB when `memory`
    double aim = 0;
    bool memory = false;
    QString process; ///< for memory targets: the probe process whose peak counts
    QString comment; ///< how the figure was taken
    bool worstRun = false; ///< judge the slowest run, not the median ("never more than")
    QString baseline; ///< the sqlite3 figure the issue quotes its limit beside
    double issueBaseline = 0; ///< what that sqlite3 figure was on the issue's machine, ms
    /// When set, the limit is this multiple of `baseline` in the same run (the issue gives no
    /// milliseconds): the verdict is the ratio's.
    double ratioLimit = 0;
};

QList<Target> targets()
{
    auto ids = [](const QString &prefix, const QStringList &keys) {
        QStringList out;
        for (const QString &k : keys)
            out.append(prefix + k);
        return out;
    };
    auto target = [](const QString &issue, const QString &what, const QStringList &ids, double limit,
                      const QString &comment = QString()) {
        Target t;
        t.issue = issue;
        t.what = what;
        t.ids = ids;
        t.limit = limit;
        t.comment = comment;
        return t;
    };
    auto memory = [](const QString &issue, const QString &what, const QString &process, double limitMb,
                      const QString &comment) {
        Target t;
        t.issue = issue;
        t.what = what;
        t.limit = limitMb;
        t.memory = true;
        t.process = process;
        t.comment = comment;
        return t;
    };
    const QStringList sorts = { QStringLiteral("date"), QStringLiteral("fund"), QStringLiteral("phase"),
        QStringLiteral("investee"), QStringLiteral("sector"), QStringLiteral("region"),
        QStringLiteral("type"), QStringLiteral("amount"), QStringLiteral("amount_desc"),
        QStringLiteral("stake"), QStringLiteral("status"), QStringLiteral("confidence") };
    const QStringList filters = { QStringLiteral("none"), QStringLiteral("large_fund"),
        QStringLiteral("small_fund"), QStringLiteral("sector"), QStringLiteral("text") };
    const QString browse = QStringLiteral("#3 browse");
    const QString dash = QStringLiteral("#4 dashboard");
    const QString exp = QStringLiteral("#5 export");
    const QString entry = QStringLiteral("#6 entry");

    QList<Target> list;
    list << target(browse, QStringLiteral("Disbursements page, open to first paint"),
        { QStringLiteral("window.first_paint") }, 150,
        QStringLiteral("database opened, window shown, first paint of the table"))
         << target(browse, QStringLiteral("Filter change to repaint (worst filter)"),
                ids(QStringLiteral("window.filter."), filters), 100)
         << target(browse, QStringLiteral("Sort change to repaint (worst column)"),
                ids(QStringLiteral("window.sort."), sorts), 100)
         << target(browse, QStringLiteral("Filter change, model only (worst filter)"),
                ids(QStringLiteral("browse.filter."), filters), 100)
         << target(browse, QStringLiteral("Sort change, model only (worst column)"),
                ids(QStringLiteral("browse.sort."), sorts), 100)
         << target(browse, QStringLiteral("Jump to the last row"),
                { QStringLiteral("window.last_row"), QStringLiteral("browse.last_rows"),
                    QStringLiteral("browse.last_rows_filtered") },
                200)
         << memory(browse, QStringLiteral("Peak memory of the whole app"), QStringLiteral("window (1M)"), 300,
                QStringLiteral("peak RSS of the window probe: open, browse, sort, filter, dashboard"));
    Target dashboardFilter
        = target(dash, QStringLiteral("Filter change to all charts updated (worst filter)"),
            ids(QStringLiteral("window.dashboard_filter."), filters), 100);
    dashboardFilter.aim = 30;
    Target dashboardUpdate
        = target(dash, QStringLiteral("Filter change, groupings + 5 charts built (worst filter)"),
            ids(QStringLiteral("dashboard.update."), filters), 100);
    dashboardUpdate.aim = 30;
    list << dashboardFilter << dashboardUpdate
         << target(dash, QStringLiteral("First dashboard paint after opening the database"),
                { QStringLiteral("window.dashboard_first_paint") }, 400,
                QStringLiteral("open, window on the Dashboard, to the first paint with figures; the database was "
                               "opened before (its unfiltered dashboard kept)"))
         << target(dash, QStringLiteral("First dashboard paint, database never opened before"),
                { QStringLiteral("window.dashboard_first_paint_cold") }, 400,
                QStringLiteral("the same with nothing kept: the aggregation cache loads first"))
         << target(exp, QStringLiteral("PNG 3000×2000 of the sector chart"), { QStringLiteral("export.png") },
                300)
         << target(exp, QStringLiteral("SVG of the sector chart"), { QStringLiteral("export.svg") }, 30)
         << target(exp, QStringLiteral("PDF of the sector chart"), { QStringLiteral("export.pdf") }, 50)
         << target(exp, QStringLiteral("Full PDF report (sample database)"),
                { QStringLiteral("export.report") }, 2000);
    Target csv = target(
        exp, QStringLiteral("CSV of 1,000,000 disbursements"), { QStringLiteral("export.csv") }, 3000);
    csv.baseline = QStringLiteral("baseline.export_csv");
    csv.issueBaseline = 1500;
    Target import = target(entry,
        QStringLiteral("Import 1,000,000 disbursements, validated, until the data is usable"),
        { QStringLiteral("import.csv") }, 6000,
        QStringLiteral("the wizard's worker into an empty database; the sort indexes follow"));
    import.baseline = QStringLiteral("baseline.import");
    import.issueBaseline = 3500;
    Target responsive
        = target(entry, QStringLiteral("UI responsive during that import (event loop never blocked longer)"),
            { QStringLiteral("import.event_loop_block") }, 50, QStringLiteral("slowest run"));
    responsive.worstRun = true;
    list << csv
         << target(exp, QStringLiteral("XLSX of 1,000,000 disbursements"), { QStringLiteral("export.xlsx") },
                20000)
         << import << responsive
         << memory(entry, QStringLiteral("Import memory"), QStringLiteral("import (1M)"), 300,
                QStringLiteral("peak RSS of the import probe"));
    for (const QString &key : { QStringLiteral("sector"), QStringLiteral("region"), QStringLiteral("phase"),
             QStringLiteral("year") }) {
        Target summary = target(QStringLiteral("#18 headless"),
            QStringLiteral("`summary --by %1`, process start to exit").arg(key),
            { QStringLiteral("headless.summary.") + key }, 0,
            QStringLiteral("column snapshot kept; sqlite3: its own process over covering indexes"));
        summary.baseline = QStringLiteral("baseline.process.") + key;
        summary.ratioLimit = 1.2;
        list << summary;
    }
    Target usable = target(QStringLiteral("#18 headless"),
        QStringLiteral("Import 1,000,000 disbursements until the data is usable"), { QStringLiteral("import.csv") }, 0,
        QStringLiteral("sqlite3: plain tables and one covering index per grouping"));
    usable.baseline = QStringLiteral("baseline.import_usable");
    usable.ratioLimit = 1.5;
    list << usable;
    return list;
}

// The baseline a Fundscope figure is compared with.
QString baselineFor(const QString &id)
{
    for (const QString &key : { QStringLiteral("sector"), QStringLiteral("region"), QStringLiteral("phase"),
             QStringLiteral("year") }) {
        if (id == QStringLiteral("dashboard.cold.") + key || id == QStringLiteral("dashboard.warm.") + key)
            return QStringLiteral("baseline.group.") + key;
    }
    if (id.startsWith(QLatin1String("headless.summary.")))
        return QStringLiteral("baseline.process.") + id.section(QLatin1Char('.'), 2);
    if (id == QLatin1String("headless.summary_unkept.sector"))
        return QStringLiteral("baseline.process.sector");
    if (id == QLatin1String("import.csv"))
        return QStringLiteral("baseline.import");
    if (id == QLatin1String("export.csv"))
        return QStringLiteral("baseline.export_csv");
    return QString();
}

class Writer
{
public:
    explicit Writer(const BenchmarkResults &r)
        : m_r(r)
    {
    }

    QString text;

    void line(const QString &s = QString()) { text += s + QLatin1Char('\n'); }

    void tableHeader(bool withBaseline)
    {
        if (withBaseline) {
            line(QStringLiteral("| Measurement | runs | median ms | min | max | peak RSS MB | sqlite3 median "
                                "ms | Fundscope ÷ sqlite3 | notes |"));
            line(QStringLiteral("|---|--:|--:|--:|--:|--:|--:|--:|---|"));
        } else {
            line(QStringLiteral("| Measurement | runs | median ms | min | max | peak RSS MB | notes |"));
            line(QStringLiteral("|---|--:|--:|--:|--:|--:|---|"));
        }
    }

    void row(const QString &id, bool withBaseline, const QString &fallbackLabel = QString())
    {
        const Measurement *m = m_r.find(id);
        const QString label = m && !m->label.isEmpty() ? m->label : fallbackLabel;
        QStringList cells { cell(label) };
        if (!m || !m->measured()) {
            const QString why = m && !m->unavailable.isEmpty() ? m->unavailable
                : id.startsWith(QLatin1String("export."))      ? QStringLiteral("not built yet")
                                                               : QStringLiteral("not measured");
            cells << QStringLiteral("–") << QStringLiteral("**%1**").arg(cell(why)) << QStringLiteral("")
                  << QStringLiteral("") << QStringLiteral("");
        } else {
            cells << QString::number(m->samplesMs.size()) << ms(m->median()) << ms(m->min()) << ms(m->max())
                  << mb(m->peakRssKb);
        }
        if (withBaseline) {
            const Measurement *b = m_r.find(baselineFor(id));
            if (b && b->measured()) {
                cells << ms(b->median());
                cells << (m && m->measured()
                        ? QString::number(m->median() / b->median(), 'f', b->median() > 0 ? 2 : 0)
                        : QStringLiteral("–"));
            } else {
                cells << QStringLiteral("–") << QStringLiteral("–");
            }
        }
        cells << (m ? cell(m->note) : QString());
        line(QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |"));
    }

private:
    const BenchmarkResults &m_r;
};

const BenchmarkResults::Process *process(const BenchmarkResults &r, const QString &name)
{
    for (const BenchmarkResults::Process &p : r.processes) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

} // namespace

QString BenchmarkReport::markdown(const BenchmarkResults &r)
{
    Writer w(r);
    w.line(QStringLiteral("# Fundscope benchmarks"));
    w.line();
    w.line(QStringLiteral(
        "Generated by `fundscope-bench run` on %1 (UTC)%2; the whole run took %3 min. Nothing here is "
        "timed by the tests: benchmarks stay out of ctest. Why each figure is what it is, and what "
        "stands in the way of the missed targets: [benchmark-findings.md](benchmark-findings.md).")
               .arg(r.started.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                   r.quick ? QStringLiteral(", **quick mode** (fewer runs, no 5M dataset)") : QString())
               .arg(r.seconds / 60.0, 0, 'f', 1));
    w.line();
    w.line(QStringLiteral(
        "Reproduce: `scripts/bench` (installs, builds Release, generates or reuses the datasets, runs "
        "everything, writes this file; `scripts/bench --quick` for a shorter run). This run: `%1`.")
               .arg(r.command));
    w.line();
    w.line(QStringLiteral("## Machine"));
    w.line();
    w.line(QStringLiteral("- CPU: %1, %2 cores (as the process sees them); memory: %3 GiB; %4")
               .arg(r.cpuModel.isEmpty() ? QStringLiteral("unknown") : r.cpuModel)
               .arg(r.cores)
               .arg(double(r.memoryKb) / 1024.0 / 1024.0, 0, 'f', 1)
               .arg(r.kernel));
    w.line(QStringLiteral("- Qt %1, SQLite library %2, sqlite3 tool %3%4")
               .arg(r.qtVersion, r.sqliteLibrary,
                   r.sqliteTool.isEmpty() ? QStringLiteral("(not found)")
                                          : r.sqliteTool.section(QLatin1Char(' '), 0, 0),
                   r.commit.isEmpty() ? QString() : QStringLiteral("; source %1").arg(r.commit)));
    w.line(QStringLiteral(
        "- Load average (1, 5, 15 min) at the start: %1; at the end: %2. This machine's speed drifts "
        "(other work shares its cores), so compare figures through the sqlite3 ratios measured in "
        "the same run.")
               .arg(r.loadAverage, r.loadAverageEnd));
    w.line(QStringLiteral(
        "- Up to %1 runs per figure (median, min, max; the *runs* column says how many): the 1M "
        "imports and table exports %2 each, XLSX and the SQL groupings once, the window's opening "
        "and filter changes at most 3. Peak RSS is the process's high-water mark while the figure "
        "was taken (`VmHWM`, reset before each), so it includes what the process already held.")
               .arg(r.repetitions)
               .arg(r.heavyRepetitions));
    w.line();
    w.line(QStringLiteral("| Dataset | disbursements | investees | phases | file | generated | seed |"));
    w.line(QStringLiteral("|---|--:|--:|--:|--:|---|--:|"));
    for (const BenchmarkResults::Dataset &d : r.datasets) {
        w.line(QStringLiteral("| %1 | %L2 | %L3 | %L4 | %5 MB | %6 | %7 |")
                   .arg(d.label)
                   .arg(d.disbursements)
                   .arg(d.investees)
                   .arg(d.phases)
                   .arg(double(d.fileBytes) / 1e6, 0, 'f', 0)
                   .arg(d.generatedSeconds < 0 ? QStringLiteral("reused (same spec and seed)")
                                               : QStringLiteral("in %1 s").arg(d.generatedSeconds, 0, 'f', 1))
                   .arg(r.seed));
    }
    if (!r.datasets.isEmpty()) {
        w.line();
        w.line(QStringLiteral("Filters (1M): ") + r.datasets.constFirst().filters.describe());
    }
    w.line();

    w.line(QStringLiteral("## Targets"));
    w.line();
    w.line(QStringLiteral(
        "The verdict compares the median (the slowest run where the issue says *never*) with the "
        "issue's limit on this machine. Where the issue quotes the sqlite3 tool beside its limit, the "
        "last column compares the same-run ratio with the ratio the issue allows, which does not "
        "depend on how fast or busy the machine is."));
    w.line();
    w.line(QStringLiteral(
        "| Issue | Target | Limit | Reached (median; worst case named) | Verdict | By same-run ratio |"));
    w.line(QStringLiteral("|---|---|--:|---|---|---|"));
    int met = 0;
    int missed = 0;
    int open = 0;
    for (const Target &t : targets()) {
        QString reached;
        QString verdict;
        const QString limit = t.memory  ? QStringLiteral("%1 MB").arg(t.limit)
            : t.ratioLimit > 0          ? QStringLiteral("%1× sqlite3").arg(t.ratioLimit)
                                        : QStringLiteral("%1 ms%2").arg(t.limit).arg(
                                            t.aim > 0 ? QStringLiteral(" (aim %1)").arg(t.aim) : QString());
        double value = -1;
        if (t.memory) {
            const BenchmarkResults::Process *p = process(r, t.process);
            if (p && p->outcome.ok()) {
                value = double(p->outcome.peakRssKb) / 1024.0;
                reached = QStringLiteral("%1 MB (%2)").arg(value, 0, 'f', 0).arg(t.comment);
            }
        } else {
            const Measurement *worst = nullptr;
            int measured = 0;
            value = -1;
            for (const QString &id : t.ids) {
                const Measurement *m = r.find(id);
                if (!m || !m->measured())
                    continue;
                ++measured;
                const double v = t.worstRun ? m->max() : m->median();
                if (!worst || v > value) {
                    worst = m;
                    value = v;
                }
            }
            if (worst) {
                reached = QStringLiteral("%1 ms").arg(ms(value));
                if (t.ids.size() > 1)
                    reached += QStringLiteral(" — worst of %1: %2").arg(measured).arg(worst->label);
                else if (!t.comment.isEmpty())
                    reached += QStringLiteral(" (%1)").arg(t.comment);
            }
        }
        const Measurement *b = t.baseline.isEmpty() ? nullptr : r.find(t.baseline);
        const bool baselineMeasured = b && b->measured() && b->median() > 0;
        if (t.ratioLimit > 0 && !baselineMeasured)
            value = -1; // a ratio without its baseline says nothing
        if (value < 0) {
            const bool notBuilt = !t.ids.isEmpty() && t.ids.constFirst().startsWith(QLatin1String("export."));
            reached = notBuilt ? QStringLiteral("not built yet") : QStringLiteral("not measured");
            verdict = QStringLiteral("open");
            ++open;
        } else if (t.ratioLimit > 0) {
            const double ratio = value / b->median();
            verdict = ratio <= t.ratioLimit ? QStringLiteral("**met**")
                                            : QStringLiteral("**MISSED** (%1×)").arg(ratio / t.ratioLimit, 0, 'f', 1);
            ++(ratio <= t.ratioLimit ? met : missed);
        } else if (value <= t.limit) {
            verdict = t.aim > 0 && value > t.aim ? QStringLiteral("**met** (aim missed)")
                                                 : QStringLiteral("**met**");
            ++met;
        } else {
            verdict = QStringLiteral("**MISSED** (%1×)").arg(value / t.limit, 0, 'f', 1);
            ++missed;
        }
        QString byRatio = QStringLiteral("–");
        if (baselineMeasured && value >= 0) {
            const double allowed = t.ratioLimit > 0 ? t.ratioLimit : t.limit / t.issueBaseline;
            const double ratio = value / b->median();
            const QString why = t.ratioLimit > 0 ? QStringLiteral("the issue's")
                                                 : QStringLiteral("%1 ÷ %2").arg(ms(t.limit), ms(t.issueBaseline));
            byRatio = QStringLiteral("%1 ÷ sqlite3 %2 = %3; allowed %4 (%5): %6")
                          .arg(ms(value), ms(b->median()))
                          .arg(ratio, 0, 'f', 2)
                          .arg(allowed, 0, 'f', 2)
                          .arg(why, ratio <= allowed ? QStringLiteral("**met**") : QStringLiteral("**missed**"));
        }
        w.line(QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |")
                   .arg(t.issue, cell(t.what), limit, cell(reached), verdict, byRatio));
    }
    w.line();
    w.line(QStringLiteral("%1 met, %2 missed, %3 open (not built or not measured).")
               .arg(met)
               .arg(missed)
               .arg(open));
    w.line();

    w.line(QStringLiteral("## Browse: the Disbursements page (1M disbursements)"));
    w.line();
    w.tableHeader(false);
    for (const QString &id : { QStringLiteral("window.first_paint"), QStringLiteral("browse.first_rows"),
             QStringLiteral("window.filter.none"), QStringLiteral("window.filter.large_fund"),
             QStringLiteral("window.filter.sector"), QStringLiteral("window.filter.text"),
             QStringLiteral("window.settled.none"), QStringLiteral("window.settled.sector"),
             QStringLiteral("browse.filter.large_fund"), QStringLiteral("browse.filter.small_fund"),
             QStringLiteral("browse.filter.sector"), QStringLiteral("browse.filter.text"),
             QStringLiteral("window.last_row"), QStringLiteral("browse.last_rows"),
             QStringLiteral("browse.last_rows_filtered"), QStringLiteral("browse.middle_rows"),
             QStringLiteral("browse.middle_rows_filtered"), QStringLiteral("browse.middle_rows_by_investee") })
        w.row(id, false);
    w.line();
    w.line(QStringLiteral("### Sort by each column"));
    w.line();
    w.line(QStringLiteral(
        "From newest first to the column's order. *Model*: `sort()` + the first 50 rows' text; *window*: "
        "`sortByColumn` on the real table to its repaint; *plan*: what `EXPLAIN QUERY PLAN` says of "
        "the window query (no filter), in full under Query plans below."));
    w.line();
    w.line(QStringLiteral("| Sort | model median (max) ms | window median (max) ms | plan |"));
    w.line(QStringLiteral("|---|--:|--:|---|"));
    for (const BenchmarkResults::Plan &plan : r.plans) {
        const Measurement *model = r.find(QStringLiteral("browse.sort.") + plan.key);
        const Measurement *window = r.find(QStringLiteral("window.sort.") + plan.key);
        auto fmt = [](const Measurement *m) {
            return m && m->measured() ? QStringLiteral("%1 (%2)").arg(ms(m->median()), ms(m->max()))
                                      : QStringLiteral("–");
        };
        const QStringList planLines = plan.plan.split(QLatin1Char('\n'));
        QString summary = planLines.value(1).trimmed();
        summary.remove(QRegularExpression(QStringLiteral("^[|`]--")));
        if (plan.plan.contains(QLatin1String("TEMP B-TREE")))
            summary += QStringLiteral(" — **sorts in a temporary b-tree**");
        w.line(QStringLiteral("| %1 | %2 | %3 | %4 |").arg(plan.key, fmt(model), fmt(window), cell(summary)));
    }
    w.line();

    w.line(QStringLiteral("## Dashboard (1M disbursements)"));
    w.line();
    w.line(QStringLiteral(
        "*Cold* groups through SQL with no cache; *warm* through the in-memory aggregation cache; the "
        "sqlite3 column is the best plain SQL for the same sums over covering indexes built in a copy "
        "of the database (`bench/baseline/group_*.sql`). A ratio below 1 means Fundscope is faster."));
    w.line();
    w.tableHeader(true);
    w.row(QStringLiteral("dashboard.cache_load"), true);
    w.row(QStringLiteral("dashboard.cache_load_kept"), true);
    for (const QString &key : { QStringLiteral("sector"), QStringLiteral("region"), QStringLiteral("phase"),
             QStringLiteral("year") }) {
        w.row(QStringLiteral("dashboard.cold.") + key, true);
        w.row(QStringLiteral("dashboard.warm.") + key, true);
    }
    for (const QString &key : { QStringLiteral("none"), QStringLiteral("large_fund"),
             QStringLiteral("small_fund"), QStringLiteral("sector"), QStringLiteral("text") }) {
        w.row(QStringLiteral("dashboard.update.") + key, true);
        w.row(QStringLiteral("dashboard.compute.") + key, true);
    }
    for (const QString &id : { QStringLiteral("window.dashboard_first_paint"),
             QStringLiteral("window.dashboard_first_paint_cold"),
             QStringLiteral("window.dashboard_switch"), QStringLiteral("window.dashboard_filter.none"),
             QStringLiteral("window.dashboard_filter.large_fund"),
             QStringLiteral("window.dashboard_filter.sector"),
             QStringLiteral("window.dashboard_filter.text"), QStringLiteral("window.dashboard_settled.none") })
        w.row(id, true);
    w.line();

    w.line(QStringLiteral("## Headless: `fundscope summary` beside the sqlite3 tool (1M disbursements)"));
    w.line();
    w.line(QStringLiteral(
        "One process per run, start to exit, output to a file, as a script calling either would wait. "
        "The sqlite3 tool runs `bench/baseline/group_*.sql` on the copy with covering indexes; Fundscope "
        "reads the database, and the column snapshot an earlier run kept (ColumnSnapshot) unless the row "
        "says nothing was kept."));
    w.line();
    w.tableHeader(true);
    w.row(QStringLiteral("headless.summary_unkept.sector"), true);
    for (const QString &key : { QStringLiteral("sector"), QStringLiteral("region"), QStringLiteral("phase"),
             QStringLiteral("year") })
        w.row(QStringLiteral("headless.summary.") + key, true);
    w.line();

    w.line(QStringLiteral("## Import (1M disbursements of interchange CSV)"));
    w.line();
    w.tableHeader(true);
    w.row(QStringLiteral("import.csv"), true);
    w.row(QStringLiteral("import.second_stage"), true);
    w.row(QStringLiteral("import.event_loop_block"), true);
    w.line();
    if (const Measurement *b = r.find(QStringLiteral("baseline.import")); b && b->measured())
        w.line(QStringLiteral(
            "The sqlite3 baseline alone: median %1 ms, peak RSS %2 MB (`bench/baseline/import.sql`: plain "
            "TEXT tables, no validation, the same nine indexes).")
                   .arg(ms(b->median()), mb(b->peakRssKb)));
    w.line();

    w.line(QStringLiteral("## Export"));
    w.line();
    w.tableHeader(true);
    w.row(QStringLiteral("export.png"), true, QStringLiteral("PNG 3000×2000 of the sector chart"));
    w.row(QStringLiteral("export.svg"), true, QStringLiteral("SVG of the sector chart"));
    w.row(QStringLiteral("export.pdf"), true, QStringLiteral("PDF of the sector chart"));
    w.row(QStringLiteral("export.report"), true, QStringLiteral("Full PDF report, sample database"));
    if (r.find(QStringLiteral("export.report_dataset")))
        w.row(QStringLiteral("export.report_dataset"), true);
    w.row(QStringLiteral("export.csv"), true, QStringLiteral("CSV of every disbursement (1M)"));
    w.row(QStringLiteral("export.xlsx"), true, QStringLiteral("XLSX of every disbursement (1M)"));
    if (const Measurement *b = r.find(QStringLiteral("baseline.export_csv")); b && b->measured())
        w.line(QStringLiteral(
            "\nThe sqlite3 tool writes the same 1M rows as interchange CSV in %1 ms (median of %2; min %3, "
            "max %4; %5).")
                   .arg(ms(b->median()))
                   .arg(b->samplesMs.size())
                   .arg(ms(b->min()), ms(b->max()), b->note));
    w.line();

    w.line(QStringLiteral("## Scaling: the dashboard filter change at 100k, 1M and 5M disbursements"));
    w.line();
    w.line(QStringLiteral(
        "The same catalogue (50,000 investees, 2,000 phases) with more events; filter: the large fund "
        "(chosen per dataset) + dates; every grouping and all five charts."));
    w.line();
    w.line(QStringLiteral("| Disbursements | cache load median ms | filter change median (min–max) ms | no "
                          "filter median ms | peak RSS MB |"));
    w.line(QStringLiteral("|--:|--:|--:|--:|--:|"));
    for (const QString &label : { QStringLiteral("100k"), QStringLiteral("1M"), QStringLiteral("5M") }) {
        const bool million = label == QLatin1String("1M");
        const Measurement *load = r.find(million ? QStringLiteral("dashboard.cache_load")
                                                 : QStringLiteral("scaling.%1.cache_load").arg(label));
        const Measurement *filter
            = r.find(million ? QStringLiteral("dashboard.update.large_fund")
                             : QStringLiteral("scaling.%1.update.large_fund").arg(label));
        const Measurement *none = r.find(million ? QStringLiteral("dashboard.update.none")
                                                 : QStringLiteral("scaling.%1.update.none").arg(label));
        const BenchmarkResults::Process *p = process(r,
            QStringLiteral("%1 (%2)").arg(
                million ? QStringLiteral("dashboard") : QStringLiteral("scaling"), label));
        if (!filter || !filter->measured()) {
            w.line(QStringLiteral("| %1 | – | %2 | – | – |")
                       .arg(label,
                           r.quick && label == QLatin1String("5M") ? QStringLiteral("skipped (quick)")
                                                                   : QStringLiteral("not measured")));
            continue;
        }
        w.line(QStringLiteral("| %1 | %2 | %3 (%4–%5) | %6 | %7 |")
                   .arg(label, load && load->measured() ? ms(load->median()) : QStringLiteral("–"),
                       ms(filter->median()), ms(filter->min()), ms(filter->max()),
                       none && none->measured() ? ms(none->median()) : QStringLiteral("–"),
                       p ? mb(p->outcome.peakRssKb) : QStringLiteral("–")));
    }
    w.line();

    w.line(QStringLiteral("## Probe processes"));
    w.line();
    w.line(QStringLiteral(
        "Each group of measurements ran in a process of its own; the kernel's accounting of each (wait4)."));
    w.line();
    w.line(QStringLiteral("| Process | wall s | user s | system s | peak RSS MB | exit |"));
    w.line(QStringLiteral("|---|--:|--:|--:|--:|--:|"));
    for (const BenchmarkResults::Process &p : r.processes)
        w.line(QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |")
                   .arg(p.name)
                   .arg(p.outcome.wallMs / 1000, 0, 'f', 1)
                   .arg(p.outcome.userMs / 1000, 0, 'f', 1)
                   .arg(p.outcome.systemMs / 1000, 0, 'f', 1)
                   .arg(mb(p.outcome.peakRssKb))
                   .arg(p.outcome.exitCode));
    w.line();

    w.line(QStringLiteral("## Baselines"));
    w.line();
    w.line(QStringLiteral(
        "The sqlite3 tool ran the SQL in `bench/baseline/` on the same files in this run; statement "
        "times are its own `.timer` (no process start-up); the import and the *process* groupings are "
        "the whole process."));
    w.line();
    w.tableHeader(false);
    for (const QString &id : { QStringLiteral("baseline.covering_indexes"),
             QStringLiteral("baseline.group.sector"), QStringLiteral("baseline.group.region"),
             QStringLiteral("baseline.group.phase"), QStringLiteral("baseline.group.year"),
             QStringLiteral("baseline.bare.sector"), QStringLiteral("baseline.bare.region"),
             QStringLiteral("baseline.bare.phase"), QStringLiteral("baseline.bare.year"),
             QStringLiteral("baseline.process.sector"), QStringLiteral("baseline.process.region"),
             QStringLiteral("baseline.process.phase"), QStringLiteral("baseline.process.year"),
             QStringLiteral("baseline.import"), QStringLiteral("baseline.import_usable"),
             QStringLiteral("baseline.export_csv") })
        w.row(id, false);
    w.line();

    w.line(QStringLiteral("## Query plans of the Disbursements page"));
    w.line();
    w.line(QStringLiteral(
        "`EXPLAIN QUERY PLAN` of `DisbursementRepository::windowSql()` for each sort, no filter, on the "
        "1M database."));
    w.line();
    for (const BenchmarkResults::Plan &plan : r.plans) {
        w.line(QStringLiteral("- **%1**").arg(plan.key));
        w.line();
        w.line(QStringLiteral("  ```"));
        for (const QString &l : plan.plan.split(QLatin1Char('\n')))
            w.line(QStringLiteral("  ") + l);
        w.line(QStringLiteral("  ```"));
    }
    w.line();

    if (!r.problems.isEmpty()) {
        w.line(QStringLiteral("## Problems in this run"));
        w.line();
        for (const QString &p : r.problems)
            w.line(QStringLiteral("- ") + p);
        w.line();
    }
    return w.text;
}
