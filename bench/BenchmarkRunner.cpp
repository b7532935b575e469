#include "BenchmarkRunner.h"

#include "Database.h"
#include "DatasetGenerator.h"
#include "DisbursementRepository.h"
#include "HeadlessProbe.h"
#include "SqliteBaseline.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QThread>

#include <sqlite3.h>
#include <sys/utsname.h>

#include <cstdio>

namespace {

constexpr int Investees = 50000;
constexpr int Phases = 2000;

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// What a dataset was made from; a dataset whose stamp differs is generated again. The schema
// version is part of it, so a new migration does not leave an old-format dataset in use.
QString specText(qint64 disbursements, quint64 seed)
{
    return QStringLiteral("disbursements=%1 investees=%2 phases=%3 seed=%4 schema=%5\n")
        .arg(disbursements)
        .arg(Investees)
        .arg(Phases)
        .arg(seed)
        .arg(Database::schemaVersion());
}

void removeTree(const QString &path)
{
    if (QFileInfo(path).isDir())
        QDir(path).removeRecursively();
    else
        QFile::remove(path);
}

} // namespace

BenchmarkRunner::BenchmarkRunner(const Options &options)
    : m_options(options)
{
}

void BenchmarkRunner::progress(const QString &message) const
{
    std::fprintf(stderr, "fundscope-bench: %s\n", qUtf8Printable(message));
    std::fflush(stderr);
}

void BenchmarkRunner::machine(BenchmarkResults *results) const
{
    for (const QString &line : readFile(QStringLiteral("/proc/cpuinfo")).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("model name"))) {
            results->cpuModel = line.section(QLatin1Char(':'), 1).trimmed();
            break;
        }
    }
    results->cores = QThread::idealThreadCount();
    for (const QString &line : readFile(QStringLiteral("/proc/meminfo")).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("MemTotal:")))
            results->memoryKb
                = line.section(QLatin1Char(':'), 1).trimmed().section(QLatin1Char(' '), 0, 0).toLongLong();
    }
    utsname name {};
    if (uname(&name) == 0)
        results->kernel = QStringLiteral("%1 %2").arg(
            QString::fromLocal8Bit(name.sysname), QString::fromLocal8Bit(name.release));
    results->loadAverage = readFile(QStringLiteral("/proc/loadavg")).section(QLatin1Char(' '), 0, 2);
    results->qtVersion = QString::fromLatin1(qVersion());
    results->sqliteLibrary = QString::fromLatin1(sqlite3_libversion());
}

bool BenchmarkRunner::dataset(
    const QString &label, qint64 disbursements, bool csv, BenchmarkResults::Dataset *out, QString *error)
{
    const QString base = QStringLiteral("fundscope-%1-s%2").arg(label.toLower()).arg(m_options.seed);
    out->label = label;
    out->disbursements = disbursements;
    out->investees = Investees;
    out->phases = Phases;
    out->path = QDir(m_options.workDir).filePath(base + QStringLiteral(".db"));
    out->csvDir = csv ? QDir(m_options.workDir).filePath(base + QStringLiteral("-csv")) : QString();
    const QString stamp = out->path + QStringLiteral(".spec");
    const QString spec
        = specText(disbursements, m_options.seed) + (csv ? QStringLiteral("csv\n") : QString());
    const bool reusable = QFileInfo::exists(out->path) && readFile(stamp) == spec
        && (!csv || QFileInfo::exists(QDir(out->csvDir).filePath(QStringLiteral("disbursements.csv"))));
    if (reusable) {
        progress(QStringLiteral("reusing the %1 dataset %2").arg(label, out->path));
    } else {
        progress(QStringLiteral("generating the %1 dataset (seed %2)%3…")
                     .arg(label)
                     .arg(m_options.seed)
                     .arg(csv ? QStringLiteral(" with interchange CSV") : QString()));
        QFile::remove(stamp);
        for (const QString &suffix :
            { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
            QFile::remove(out->path + suffix);
        if (csv)
            removeTree(out->csvDir);
        DatasetGenerator::Spec s;
        s.disbursements = disbursements;
        s.investees = Investees;
        s.phases = Phases;
        s.seed = m_options.seed;
        QElapsedTimer timer;
        timer.start();
        DatasetGenerator generator(s);
        if (!generator.generate(out->path, out->csvDir)) {
            *error = generator.errorString();
            return false;
        }
        out->generatedSeconds = double(timer.elapsed()) / 1000.0;
        QSaveFile file(stamp);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(spec.toUtf8());
            file.commit();
        }
    }
    out->fileBytes = QFileInfo(out->path).size();

    const QString filters = QDir(m_options.workDir).filePath(base + QStringLiteral(".filters.json"));
    if (!BenchFilters::load(filters, &out->filters, error) || !reusable) {
        Database db;
        if (db.open(out->path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
            *error = db.errorString();
            return false;
        }
        if (!BenchFilters::choose(db, &out->filters, error) || !out->filters.save(filters, error))
            return false;
    }
    error->clear();
    return true;
}

void BenchmarkRunner::probe(const QString &group, const BenchmarkResults::Dataset &dataset, int repetitions,
    BenchmarkResults *results)
{
    const QString name = QStringLiteral("%1 (%2)").arg(group, dataset.label);
    progress(QStringLiteral("measuring %1, %2 run(s) each…").arg(name).arg(repetitions));
    const QString base
        = QDir(m_options.workDir).filePath(QStringLiteral("probe-%1-%2").arg(group, dataset.label.toLower()));
    const QString json = base + QStringLiteral(".json");
    const QString log = base + QStringLiteral(".log");
    QFile::remove(json);
    const QString filters = QDir(m_options.workDir)
                                .filePath(QStringLiteral("fundscope-%1-s%2.filters.json")
                                              .arg(dataset.label.toLower())
                                              .arg(m_options.seed));
    QStringList arguments = { QStringLiteral("probe"), group, QStringLiteral("--db"), dataset.path,
        QStringLiteral("--work"), m_options.workDir, QStringLiteral("--label"), dataset.label,
        QStringLiteral("--reps"), QString::number(repetitions), QStringLiteral("--heavy-reps"),
        QString::number(m_options.heavyRepetitions), QStringLiteral("--filters"), filters,
        QStringLiteral("--json"), json };
    if (!dataset.csvDir.isEmpty())
        arguments << QStringLiteral("--csv") << dataset.csvDir;
    const ChildProcess::Outcome outcome
        = ChildProcess::run(QCoreApplication::applicationFilePath(), arguments, QString(), log, log);
    results->processes.append({ name, outcome });
    QString error;
    const QList<Measurement> measured = Measurement::readFile(json, &error);
    if (!outcome.ok() || !error.isEmpty()) {
        QStringList tail = readFile(log).trimmed().split(QLatin1Char('\n'));
        const QString why = outcome.error.isEmpty()
            ? tail.mid(std::max<qsizetype>(0, tail.size() - 3)).join(QStringLiteral(" / "))
            : outcome.error;
        results->problems.append(QStringLiteral("The %1 probe failed: %2 (log: %3)").arg(name, why, log));
        progress(results->problems.constLast());
        return;
    }
    for (const Measurement &m : measured) {
        results->measurements.insert(m.id, m);
        if (!m.unavailable.isEmpty())
            results->problems.append(QStringLiteral("%1: %2").arg(m.id, m.unavailable));
    }
    QFile::remove(json);
    QFile::remove(log);
}

bool BenchmarkRunner::run(BenchmarkResults *results, QString *error)
{
    QElapsedTimer total;
    total.start();
    results->started = QDateTime::currentDateTimeUtc();
    results->quick = m_options.quick;
    results->repetitions = m_options.repetitions;
    results->heavyRepetitions = m_options.heavyRepetitions;
    results->seed = m_options.seed;
    results->command = m_options.command;
    results->commit = m_options.commit;
    machine(results);
    if (!QDir().mkpath(m_options.workDir)) {
        *error = QStringLiteral("cannot create the work folder %1").arg(m_options.workDir);
        return false;
    }

    BenchmarkResults::Dataset million;
    if (!dataset(QStringLiteral("1M"), 1000000, true, &million, error))
        return false;
    results->datasets.append(million);

    probe(QStringLiteral("window"), million, m_options.repetitions, results);
    probe(QStringLiteral("browse"), million, m_options.repetitions, results);
    probe(QStringLiteral("dashboard"), million, m_options.repetitions, results);
    probe(QStringLiteral("import"), million, m_options.repetitions, results);
    probe(QStringLiteral("export"), million, m_options.repetitions, results);

    // The same grouping through the sqlite3 tool, on a copy with covering indexes.
    SqliteBaseline baseline(m_options.sqlite3, m_options.workDir);
    results->sqliteTool = baseline.version();
    if (results->sqliteTool.isEmpty()) {
        results->problems.append(
            QStringLiteral("The sqlite3 tool (%1) could not run: no baselines").arg(m_options.sqlite3));
    } else {
        progress(
            QStringLiteral("sqlite3 baselines: covering indexes in a copy, groupings, import, CSV export…"));
        QList<Measurement> measured;
        Measurement indexes;
        QString why;
        if (!baseline.prepareGroupingCopy(million.path, &indexes, &why)
            || !baseline.groupings(std::min(m_options.repetitions, 3), &measured, &why)
            || !baseline.processGroupings(m_options.repetitions, &measured, &why))
            results->problems.append(QStringLiteral("sqlite3 groupings: %1").arg(why));
        else
            measured.append(indexes);
        progress(QStringLiteral("fundscope summary, one process per grouping…"));
        if (!HeadlessProbe::run(HeadlessProbe::programBesideBench(), million.path, m_options.workDir,
                m_options.repetitions, &measured, &why))
            results->problems.append(QStringLiteral("fundscope summary: %1").arg(why));
        baseline.cleanUp();
        if (!baseline.importCsv(million.csvDir, m_options.heavyRepetitions, &measured, &why))
            results->problems.append(QStringLiteral("sqlite3 import: %1").arg(why));
        if (!baseline.exportCsv(million.path, m_options.heavyRepetitions, &measured, &why))
            results->problems.append(QStringLiteral("sqlite3 CSV export: %1").arg(why));
        for (const Measurement &m : std::as_const(measured))
            results->measurements.insert(m.id, m);

        // Which index each sort of the Disbursements page reads (broad result, no filter).
        Database db;
        if (db.open(million.path, Database::OpenMode::OpenExisting) == Database::Status::Ok) {
            const DisbursementRepository repository(db);
            const struct
            {
                const char *key;
                DisbursementRepository::Sort sort;
                bool descending;
            } sorts[] = {
                { "date", DisbursementRepository::Sort::Date, false },
                { "fund", DisbursementRepository::Sort::Fund, false },
                { "phase", DisbursementRepository::Sort::Phase, false },
                { "investee", DisbursementRepository::Sort::Investee, false },
                { "sector", DisbursementRepository::Sort::Sector, false },
                { "region", DisbursementRepository::Sort::Region, false },
                { "type", DisbursementRepository::Sort::Type, false },
                { "amount", DisbursementRepository::Sort::Amount, false },
                { "amount_desc", DisbursementRepository::Sort::Amount, true },
                { "stake", DisbursementRepository::Sort::Stake, false },
                { "status", DisbursementRepository::Sort::Status, false },
                { "confidence", DisbursementRepository::Sort::Confidence, false },
            };
            QStringList statements;
            for (const auto &s : sorts) {
                results->plans.append({ QLatin1String(s.key),
                    repository.windowSql(Filter(), s.sort, s.descending), QString() });
                statements.append(results->plans.constLast().sql);
            }
            db.close();
            QStringList plans;
            if (baseline.queryPlans(million.path, statements, &plans, &why)) {
                for (qsizetype i = 0; i < plans.size(); ++i)
                    results->plans[i].plan = plans.at(i);
            } else {
                results->problems.append(QStringLiteral("query plans: %1").arg(why));
            }
        }
    }

    // Scaling: the same dashboard filter change at 100k and 5M (1M comes from the dashboard probe).
    BenchmarkResults::Dataset small;
    if (dataset(QStringLiteral("100k"), 100000, false, &small, error)) {
        results->datasets.append(small);
        probe(QStringLiteral("scaling"), small, m_options.repetitions, results);
    } else {
        results->problems.append(QStringLiteral("the 100k dataset: %1").arg(*error));
    }
    if (!m_options.quick) {
        BenchmarkResults::Dataset large;
        if (dataset(QStringLiteral("5M"), 5000000, false, &large, error)) {
            results->datasets.append(large);
            probe(QStringLiteral("scaling"), large, std::min(m_options.repetitions, 3), results);
        } else {
            results->problems.append(QStringLiteral("the 5M dataset: %1").arg(*error));
        }
    }
    error->clear();
    results->loadAverageEnd = readFile(QStringLiteral("/proc/loadavg")).section(QLatin1Char(' '), 0, 2);
    results->seconds = double(total.elapsed()) / 1000.0;
    return true;
}
