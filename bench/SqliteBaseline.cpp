#include "SqliteBaseline.h"

#include "ChildProcess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace {

void removeDatabase(const QString &path)
{
    for (const QString &suffix :
        { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
        QFile::remove(path + suffix);
}

bool writeText(const QString &path, const QString &text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(text.toUtf8());
    return true;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The statements of a file, split at semicolons that end a line (the baseline files keep one
// statement per such line), comments dropped.
QStringList statements(const QString &sql)
{
    QStringList out;
    QString current;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            out.append(current.trimmed());
            current.clear();
        }
    }
    return out;
}

} // namespace

SqliteBaseline::SqliteBaseline(const QString &program, const QString &workDir)
    : m_program(program)
    , m_workDir(workDir)
{
    if (!m_program.contains(QLatin1Char('/'))) {
        const QString found = QStandardPaths::findExecutable(m_program);
        if (!found.isEmpty())
            m_program = found;
    }
}

QString SqliteBaseline::sql(const QString &name)
{
    return readText(QStringLiteral(":/bench/baseline/") + name);
}

QString SqliteBaseline::version() const
{
    Run run;
    QString error;
    if (!runScript({ QStringLiteral("-version") }, QString(), &run, &error))
        return QString();
    return run.output.trimmed();
}

bool SqliteBaseline::runScript(
    const QStringList &arguments, const QString &script, Run *run, QString *error) const
{
    const QString scriptFile = QDir(m_workDir).filePath(QStringLiteral("baseline-script.sql"));
    const QString outFile = QDir(m_workDir).filePath(QStringLiteral("baseline-stdout.txt"));
    const QString errFile = QDir(m_workDir).filePath(QStringLiteral("baseline-stderr.txt"));
    // The pragma prints nothing and is not timed (.timer is switched on by the scripts after it).
    const QString connection
        = script.isEmpty() ? QString() : sql(QStringLiteral("connection.sql")) + QLatin1Char('\n');
    if (!writeText(scriptFile, connection + script, error))
        return false;
    const ChildProcess::Outcome outcome
        = ChildProcess::run(m_program, arguments, scriptFile, outFile, errFile);
    run->output = readText(outFile);
    const QString errors = readText(errFile).trimmed();
    QFile::remove(scriptFile);
    QFile::remove(outFile);
    QFile::remove(errFile);
    if (!outcome.ok() || !errors.isEmpty()) {
        *error = QStringLiteral("%1 failed%2: %3")
                     .arg(m_program,
                         outcome.started ? QStringLiteral(" (exit %1)").arg(outcome.exitCode) : QString(),
                         outcome.error.isEmpty() ? errors.left(600) : outcome.error);
        return false;
    }
    run->wallMs = outcome.wallMs;
    run->peakRssKb = outcome.peakRssKb;
    static const QRegularExpression timing(
        QStringLiteral("^Run Time: real ([0-9.]+)"), QRegularExpression::MultilineOption);
    auto it = timing.globalMatch(run->output);
    while (it.hasNext())
        run->statementMs.append(it.next().captured(1).toDouble() * 1000.0);
    return true;
}

bool SqliteBaseline::prepareGroupingCopy(const QString &database, Measurement *indexBuild, QString *error)
{
    m_copy = QDir(m_workDir).filePath(QStringLiteral("baseline-copy.db"));
    removeDatabase(m_copy);
    if (QFileInfo::exists(database + QStringLiteral("-wal"))
        && QFileInfo(database + QStringLiteral("-wal")).size() > 0) {
        *error = QStringLiteral("%1: has a pending write-ahead log; close every program using it first")
                     .arg(database);
        return false;
    }
    if (!QFile::copy(database, m_copy)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(database, m_copy);
        return false;
    }
    Run run;
    if (!runScript({ m_copy }, QStringLiteral(".timer on\n") + sql(QStringLiteral("covering_indexes.sql")),
            &run, error))
        return false;
    indexBuild->id = QStringLiteral("baseline.covering_indexes");
    indexBuild->label = QStringLiteral("Build the baseline's covering indexes (in the copy) and ANALYZE");
    double total = 0;
    for (double ms : std::as_const(run.statementMs))
        total += ms;
    indexBuild->samplesMs = { total };
    indexBuild->peakRssKb = run.peakRssKb;
    return true;
}

bool SqliteBaseline::groupings(int repetitions, QList<Measurement> *out, QString *error)
{
    const QStringList keys = { QStringLiteral("sector"), QStringLiteral("region"), QStringLiteral("phase"),
        QStringLiteral("year") };
    const QStringList bare = statements(sql(QStringLiteral("bare_groupings.sql")));
    QString script = QStringLiteral(".output /dev/null\n.timer on\n");
    for (const QString &key : keys) {
        const QString statement = statements(sql(QStringLiteral("group_%1.sql").arg(key))).value(0);
        for (int r = 0; r < repetitions; ++r)
            script += statement + QLatin1Char('\n');
    }
    for (const QString &statement : bare) {
        for (int r = 0; r < repetitions; ++r)
            script += statement + QLatin1Char('\n');
    }
    Run run;
    if (!runScript({ m_copy }, script, &run, error))
        return false;
    if (run.statementMs.size() != qsizetype(keys.size() * 2 * repetitions)) {
        *error = QStringLiteral("sqlite3 printed %1 timings, expected %2")
                     .arg(run.statementMs.size())
                     .arg(keys.size() * 2 * repetitions);
        return false;
    }
    qsizetype at = 0;
    for (const QString &kind : { QStringLiteral("group"), QStringLiteral("bare") }) {
        for (const QString &key : keys) {
            Measurement m;
            m.id = QStringLiteral("baseline.%1.%2").arg(kind, key);
            m.label = kind == QLatin1String("group")
                ? QStringLiteral("sqlite3: group by %1, the same sums (bench/baseline/group_%1.sql)").arg(key)
                : QStringLiteral("sqlite3: group by %1, one raw sum (bench/baseline/bare_groupings.sql)")
                      .arg(key);
            m.samplesMs = run.statementMs.mid(at, repetitions);
            m.peakRssKb = run.peakRssKb;
            at += repetitions;
            out->append(m);
        }
    }
    return true;
}

bool SqliteBaseline::processGroupings(int repetitions, QList<Measurement> *out, QString *error)
{
    for (const QString &key : { QStringLiteral("sector"), QStringLiteral("region"), QStringLiteral("phase"),
             QStringLiteral("year") }) {
        const QString script = QStringLiteral(".output /dev/null\n")
            + statements(sql(QStringLiteral("group_%1.sql").arg(key))).value(0) + QLatin1Char('\n');
        Measurement m;
        m.id = QStringLiteral("baseline.process.") + key;
        m.label = QStringLiteral("sqlite3 process: group by %1, start to exit (bench/baseline/group_%1.sql)").arg(key);
        for (int r = 0; r < repetitions; ++r) {
            Run run;
            if (!runScript({ m_copy }, script, &run, error))
                return false;
            m.samplesMs.append(run.wallMs);
            m.peakRssKb = std::max(m.peakRssKb, run.peakRssKb);
        }
        out->append(m);
    }
    return true;
}

bool SqliteBaseline::importCsv(
    const QString &csvDir, int repetitions, QList<Measurement> *out, QString *error)
{
    const QString target = QDir(m_workDir).filePath(QStringLiteral("baseline-import.db"));
    const struct
    {
        const char *id;
        const char *file;
        const char *label;
    } baselines[] = {
        { "baseline.import", "import.sql",
            "sqlite3: .import of the same 5 CSV files + the 9 indexes (bench/baseline/import.sql)" },
        { "baseline.import_usable", "import_usable.sql",
            "sqlite3: .import of the same 5 CSV files + one covering index per grouping "
            "(bench/baseline/import_usable.sql)" },
    };
    for (const auto &baseline : baselines) {
        QString script = sql(QLatin1String(baseline.file));
        script.replace(QStringLiteral("@CSV@"), QDir(csvDir).absolutePath());
        Measurement m;
        m.id = QLatin1String(baseline.id);
        m.label = QLatin1String(baseline.label);
        for (int r = 0; r < repetitions; ++r) {
            removeDatabase(target);
            Run run;
            const bool ok = runScript({ target }, script, &run, error);
            removeDatabase(target);
            if (!ok)
                return false;
            m.samplesMs.append(run.wallMs);
            m.peakRssKb = std::max(m.peakRssKb, run.peakRssKb);
        }
        m.note = QStringLiteral("whole sqlite3 process, wall clock");
        out->append(m);
    }
    return true;
}

bool SqliteBaseline::exportCsv(
    const QString &database, int repetitions, QList<Measurement> *out, QString *error)
{
    const QString target = QDir(m_workDir).filePath(QStringLiteral("baseline-export.csv"));
    QString once = sql(QStringLiteral("export_csv.sql"));
    once.replace(QStringLiteral("@OUT@"), target);
    const QStringList lines = once.split(QLatin1Char('\n'));
    QString body;
    for (const QString &line : lines) {
        if (!line.trimmed().startsWith(QLatin1String("--")))
            body += line + QLatin1Char('\n');
    }
    QString script = QStringLiteral(".timer on\n");
    for (int r = 0; r < repetitions; ++r)
        script += body;
    Run run;
    const bool ok = runScript({ QStringLiteral("-readonly"), database }, script, &run, error);
    const qint64 bytes = QFileInfo(target).size();
    QFile::remove(target);
    if (!ok)
        return false;
    Measurement m;
    m.id = QStringLiteral("baseline.export_csv");
    m.label
        = QStringLiteral("sqlite3: every disbursement to interchange CSV (bench/baseline/export_csv.sql)");
    m.samplesMs = run.statementMs;
    m.peakRssKb = run.peakRssKb;
    m.note = QStringLiteral("%1 MB written").arg(double(bytes) / 1e6, 0, 'f', 0);
    if (m.samplesMs.size() != repetitions) {
        *error = QStringLiteral("sqlite3 printed %1 timings for the CSV export, expected %2")
                     .arg(m.samplesMs.size())
                     .arg(repetitions);
        return false;
    }
    out->append(m);
    return true;
}

bool SqliteBaseline::queryPlans(
    const QString &database, const QStringList &statementList, QStringList *plans, QString *error)
{
    const QString marker = QStringLiteral("@@plan@@");
    QString script;
    for (const QString &statement : statementList)
        script += QStringLiteral(".print %1\nEXPLAIN QUERY PLAN %2;\n").arg(marker, statement);
    Run run;
    if (!runScript({ QStringLiteral("-readonly"), database }, script, &run, error))
        return false;
    QStringList parts = run.output.split(marker + QLatin1Char('\n'));
    parts.removeFirst();
    if (parts.size() != statementList.size()) {
        *error = QStringLiteral("sqlite3 printed %1 query plans, expected %2")
                     .arg(parts.size())
                     .arg(statementList.size());
        return false;
    }
    for (QString &p : parts)
        p = p.trimmed();
    *plans = parts;
    return true;
}

void SqliteBaseline::cleanUp()
{
    if (!m_copy.isEmpty())
        removeDatabase(m_copy);
}
