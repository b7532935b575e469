#include "BenchmarkReport.h"
#include "BenchmarkResults.h"

#include <QtTest>

class TestBenchmarkReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void headerNamesMachineCommandAndDatasets();
    void metAndMissedFollowTheMedian();
    void worstCaseOfSeveralDecides();
    void ratioVerdictUsesTheSameRunsBaseline();
    void ratioOnlyTargetNeedsItsBaseline();
    void memoryTargetsUseTheProbeProcess();
    void unbuiltExportsAreOpen();
    void baselineRatioBesideGroupings();
    void problemsAreListed();

private:
    static Measurement measured(
        const QString &id, const QList<double> &samples, const QString &label = QString());
    static QString targetRow(const QString &markdown, const QString &target);
    BenchmarkResults m_results;
};

Measurement TestBenchmarkReport::measured(
    const QString &id, const QList<double> &samples, const QString &label)
{
    Measurement m;
    m.id = id;
    m.label = label.isEmpty() ? id : label;
    m.samplesMs = samples;
    return m;
}

// The line of the Targets table naming `target`.
QString TestBenchmarkReport::targetRow(const QString &markdown, const QString &target)
{
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("| #")) && line.contains(target))
            return line;
    }
    return QString();
}

void TestBenchmarkReport::init()
{
    m_results = BenchmarkResults();
    m_results.started = QDateTime(QDate(2026, 11, 28), QTime(20, 36), Qt::UTC);
    m_results.seconds = 270;
    m_results.repetitions = 5;
    m_results.heavyRepetitions = 2;
    m_results.command = QStringLiteral("fundscope-bench run --work /tmp/w");
    m_results.cpuModel = QStringLiteral("AMD EPYC");
    m_results.cores = 2;
    m_results.memoryKb = 24 * 1024 * 1024;
    BenchmarkResults::Dataset d;
    d.label = QStringLiteral("1M");
    d.disbursements = 1000000;
    d.investees = 50000;
    d.phases = 2000;
    d.generatedSeconds = 14.5;
    d.fileBytes = 292000000;
    m_results.datasets.append(d);
}

void TestBenchmarkReport::headerNamesMachineCommandAndDatasets()
{
    const QString md = BenchmarkReport::markdown(m_results);
    QVERIFY(md.startsWith(QStringLiteral("# Fundscope benchmarks")));
    QVERIFY(md.contains(QStringLiteral("2026-11-28 20:36")));
    QVERIFY(md.contains(QStringLiteral("`fundscope-bench run --work /tmp/w`")));
    QVERIFY(md.contains(QStringLiteral("AMD EPYC, 2 cores")));
    QVERIFY(md.contains(QStringLiteral("| 1M | 1,000,000 | 50,000 | 2,000 | 292 MB | in 14.5 s |")));
    QVERIFY(md.contains(QStringLiteral("4.5 min")));
}

void TestBenchmarkReport::metAndMissedFollowTheMedian()
{
    // Median 120 over a limit of 150: met although one run was slower.
    m_results.measurements.insert(QStringLiteral("window.first_paint"),
        measured(QStringLiteral("window.first_paint"), { 900, 120, 110 }));
    // Median 250 over a limit of 200: missed.
    m_results.measurements.insert(
        QStringLiteral("browse.last_rows"), measured(QStringLiteral("browse.last_rows"), { 250, 240, 260 }));
    const QString md = BenchmarkReport::markdown(m_results);
    const QString paint = targetRow(md, QStringLiteral("open to first paint"));
    QVERIFY2(paint.contains(QStringLiteral("| **met** |")), qPrintable(paint));
    QVERIFY(paint.contains(QStringLiteral("120 ms")));
    const QString last = targetRow(md, QStringLiteral("Jump to the last row"));
    QVERIFY2(last.contains(QStringLiteral("**MISSED** (1.3×)")), qPrintable(last));
}

void TestBenchmarkReport::worstCaseOfSeveralDecides()
{
    m_results.measurements.insert(QStringLiteral("browse.sort.date"),
        measured(QStringLiteral("browse.sort.date"), { 5 }, QStringLiteral("Sort by Date")));
    m_results.measurements.insert(QStringLiteral("browse.sort.fund"),
        measured(QStringLiteral("browse.sort.fund"), { 150 }, QStringLiteral("Sort by Fund")));
    const QString row
        = targetRow(BenchmarkReport::markdown(m_results), QStringLiteral("Sort change, model only"));
    QVERIFY2(row.contains(QStringLiteral("150 ms — worst of 2: Sort by Fund")), qPrintable(row));
    QVERIFY(row.contains(QStringLiteral("**MISSED**")));

    // "Never blocked longer": the slowest run decides, not the median.
    m_results.measurements.insert(QStringLiteral("import.event_loop_block"),
        measured(QStringLiteral("import.event_loop_block"), { 10, 80, 12 }));
    const QString block = targetRow(BenchmarkReport::markdown(m_results), QStringLiteral("UI responsive"));
    QVERIFY2(block.contains(QStringLiteral("80 ms")) && block.contains(QStringLiteral("**MISSED**")),
        qPrintable(block));
}

void TestBenchmarkReport::ratioVerdictUsesTheSameRunsBaseline()
{
    // 9 s is over the 6 s limit, but 9 / 13 = 0.69 of sqlite3 is within the 6 / 3.5 the issue allows.
    m_results.measurements.insert(
        QStringLiteral("import.csv"), measured(QStringLiteral("import.csv"), { 9000, 9100 }));
    m_results.measurements.insert(
        QStringLiteral("baseline.import"), measured(QStringLiteral("baseline.import"), { 13000, 13000 }));
    QString row = targetRow(BenchmarkReport::markdown(m_results), QStringLiteral("Import 1,000,000"));
    QVERIFY2(row.contains(QStringLiteral("**MISSED** (1.5×)")), qPrintable(row));
    QVERIFY2(
        row.contains(QStringLiteral("= 0.70; allowed 1.71")) && row.contains(QStringLiteral(": **met** |")),
        qPrintable(row));

    m_results.measurements.insert(
        QStringLiteral("baseline.import"), measured(QStringLiteral("baseline.import"), { 4000 }));
    row = targetRow(BenchmarkReport::markdown(m_results), QStringLiteral("Import 1,000,000"));
    QVERIFY2(row.contains(QStringLiteral(": **missed** |")), qPrintable(row));
}

void TestBenchmarkReport::ratioOnlyTargetNeedsItsBaseline()
{
    // `summary` is allowed 1.2× the sqlite3 process, whatever its milliseconds.
    m_results.measurements.insert(QStringLiteral("headless.summary.phase"),
        measured(QStringLiteral("headless.summary.phase"), { 500, 520, 480 }));
    QString row = targetRow(BenchmarkReport::markdown(m_results), QStringLiteral("`summary --by phase`"));
    QVERIFY2(row.contains(QStringLiteral("1.2× sqlite3")) && row.contains(QStringLiteral("not measured"))
            && row.contains(QStringLiteral("| open |")),
        qPrintable(row));
    m_results.measurements.insert(QStringLiteral("baseline.process.phase"),
        measured(QStringLiteral("baseline.process.phase"), { 450 }));
    row = targetRow(BenchmarkReport::markdown(m_results), QStringLiteral("`summary --by phase`"));
    QVERIFY2(row.contains(QStringLiteral("= 1.11; allowed 1.20")) && row.contains(QStringLiteral("| **met** |")),
        qPrintable(row));
    m_results.measurements.insert(QStringLiteral("baseline.process.phase"),
        measured(QStringLiteral("baseline.process.phase"), { 300 }));
    row = targetRow(BenchmarkReport::markdown(m_results), QStringLiteral("`summary --by phase`"));
    QVERIFY2(row.contains(QStringLiteral("**MISSED** (1.4×)")) && row.contains(QStringLiteral(": **missed** |")),
        qPrintable(row));
}

void TestBenchmarkReport::memoryTargetsUseTheProbeProcess()
{
    BenchmarkResults::Process window;
    window.name = QStringLiteral("window (1M)");
    window.outcome.started = true;
    window.outcome.exitCode = 0;
    window.outcome.peakRssKb = 400 * 1024;
    m_results.processes.append(window);
    BenchmarkResults::Process import;
    import.name = QStringLiteral("import (1M)");
    import.outcome.started = true;
    import.outcome.exitCode = 0;
    import.outcome.peakRssKb = 200 * 1024;
    m_results.processes.append(import);
    const QString md = BenchmarkReport::markdown(m_results);
    const QString app = targetRow(md, QStringLiteral("Peak memory of the whole app"));
    QVERIFY2(app.contains(QStringLiteral("400 MB")) && app.contains(QStringLiteral("**MISSED**")),
        qPrintable(app));
    const QString imp = targetRow(md, QStringLiteral("Import memory"));
    QVERIFY2(
        imp.contains(QStringLiteral("200 MB")) && imp.contains(QStringLiteral("**met**")), qPrintable(imp));
    QVERIFY(md.contains(QStringLiteral("| window (1M) |")));
}

void TestBenchmarkReport::unbuiltExportsAreOpen()
{
    const QString md = BenchmarkReport::markdown(m_results);
    const QString png = targetRow(md, QStringLiteral("PNG 3000×2000"));
    QVERIFY2(png.contains(QStringLiteral("not built yet")) && png.contains(QStringLiteral("| open |")),
        qPrintable(png));
    QVERIFY(md.contains(QStringLiteral("0 met, 0 missed")));
}

void TestBenchmarkReport::baselineRatioBesideGroupings()
{
    m_results.measurements.insert(QStringLiteral("dashboard.warm.sector"),
        measured(QStringLiteral("dashboard.warm.sector"), { 20, 22, 24 }, QStringLiteral("warm sector")));
    m_results.measurements.insert(QStringLiteral("baseline.group.sector"),
        measured(QStringLiteral("baseline.group.sector"), { 400, 440 }));
    const QString md = BenchmarkReport::markdown(m_results);
    QVERIFY2(
        md.contains(QStringLiteral("| warm sector | 3 | 22 | 20 | 24 | – | 420 | 0.05 |")), qPrintable(md));
}

void TestBenchmarkReport::problemsAreListed()
{
    QVERIFY(!BenchmarkReport::markdown(m_results).contains(QStringLiteral("## Problems")));
    m_results.problems.append(QStringLiteral("The export (1M) probe failed: no paint"));
    const QString md = BenchmarkReport::markdown(m_results);
    QVERIFY(md.contains(QStringLiteral("## Problems in this run")));
    QVERIFY(md.contains(QStringLiteral("- The export (1M) probe failed: no paint")));
}

QTEST_GUILESS_MAIN(TestBenchmarkReport)
#include "tst_benchmarkreport.moc"
