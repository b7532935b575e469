#include "CommandRun.h"
#include "Database.h"
#include "DeferredIndexes.h"
#include "InterchangeLoader.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sqlite3.h>

// Issue 15, item 7: the built `fundscope import` (FUNDSCOPE_BINARY), importing a file big enough to
// take a second or two, is killed (SIGKILL) at random points of its run, at least 20 times; after
// each kill the application opens the file again, and it passes PRAGMA integrity_check and
// foreign_key_check and holds either all of the import or none of it (every table compared with
// the state before and after a complete import). The delays are uniform over a measured complete
// run, drawn from a fixed seed printed in the output (FUNDSCOPE_KILL_SEED and FUNDSCOPE_KILL_TRIALS
// in the environment override them); a few more trials aim at the commit, which is a short moment
// of the run. docs/reliability.md, "Fault injection and kill tests", has a run's results.

namespace {

const QByteArray Header
    = "fund,phase,investee,date,type,amount,currency,stake_pct,status,confidence,source_url,notes\r\n";
const QByteArray Prefix = "China Integrated Circuit Industry Investment Fund (Big Fund),Phase I,"
                          "Semiconductor Manufacturing International Corp. (SMIC),";

constexpr quint32 DefaultSeed = 20150015; // issue 15
constexpr int DefaultTrials = 24;
constexpr int CommitTrials = 4; // more, aimed at the commit
constexpr int AfterCommitTrials = 1; // and just after it
constexpr int MinimumTrials = 20;
constexpr qint64 BudgetMs = 45000; // no trial starts after this, past the minimum

// A plain SQLite connection, apart from the code under test. Opened for writing, so that it rolls
// back a hot journal the killed import left, as any next program would.
class Raw
{
public:
    explicit Raw(const QString &path)
    {
        m_rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
        if (m_rc == SQLITE_OK)
            sqlite3_busy_timeout(m_db, 5000);
    }
    ~Raw() { sqlite3_close_v2(m_db); }
    Raw(const Raw &) = delete;
    Raw &operator=(const Raw &) = delete;

    bool isOpen() const { return m_rc == SQLITE_OK; }
    QString error() const { return QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(m_rc)); }

    /// Every row, columns joined by '|', NULL as <null>; an error as the last line.
    QStringList rows(const QString &sql)
    {
        QStringList out;
        sqlite3_stmt *stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr);
        if (rc == SQLITE_OK) {
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
                QStringList columns;
                for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
                    columns << (text ? QString::fromUtf8(text) : QStringLiteral("<null>"));
                }
                out << columns.join(QLatin1Char('|'));
            }
        }
        if (rc != SQLITE_DONE)
            out << QStringLiteral("<error: %1>").arg(error());
        sqlite3_finalize(stmt);
        return out;
    }

private:
    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_ERROR;
};

// Every table's rows and the schema; the random data_revision token and history's time stamps
// left out, so that two complete imports give the same answer.
QByteArray fingerprint(Raw &raw)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList schema = raw.rows(QStringLiteral(
        "SELECT type || name || ifnull(sql, '') FROM sqlite_master ORDER BY type, name"));
    hash.addData(schema.join(QLatin1Char('\n')).toUtf8());
    const QStringList tables = raw.rows(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    for (const QString &table : tables) {
        QString select = QStringLiteral("SELECT * FROM \"%1\" ORDER BY 1").arg(table);
        if (table == QLatin1String("data_revision"))
            select = QStringLiteral("SELECT id, revision, length(token) FROM data_revision");
        else if (table == QLatin1String("history"))
            select = QStringLiteral("SELECT id, user, action, table_name, row_id, field, old_value, new_value "
                                    "FROM history ORDER BY id");
        hash.addData(QByteArray("== " + table.toUtf8() + '\n'));
        hash.addData(raw.rows(select).join(QLatin1Char('\n')).toUtf8());
    }
    return hash.result().toHex();
}

struct State
{
    QString integrity;
    QString foreignKeys;
    qint64 disbursements = -1;
    QByteArray fingerprint;
};

State stateOf(const QString &path)
{
    State s;
    Raw raw(path);
    if (!raw.isOpen()) {
        s.integrity = QStringLiteral("cannot open: ") + raw.error();
        return s;
    }
    s.integrity = raw.rows(QStringLiteral("PRAGMA integrity_check")).join(QStringLiteral("; "));
    s.foreignKeys = raw.rows(QStringLiteral("PRAGMA foreign_key_check")).join(QStringLiteral("; "));
    const QStringList count = raw.rows(QStringLiteral("SELECT count(*) FROM disbursements"));
    bool ok = false;
    s.disbursements = count.size() == 1 ? count.first().toLongLong(&ok) : -1;
    if (!ok)
        s.disbursements = -1;
    s.fingerprint = fingerprint(raw);
    return s;
}

} // namespace

class TestKilledImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedAtRandomPointsLeavesAllOrNothing();

private:
    QProcessEnvironment environment() const;
    bool writeEvents(int rows, QString *error);
    struct Timing
    {
        qint64 total = -1;  ///< ms from start to exit
        qint64 saving = -1; ///< ms from start to "progress: saving" (the commit begins)
    };
    /// One complete import of m_csv into a copy of the base, timed.
    Timing completeRun(const QString &path, QString *error);
    QStringList arguments(const QString &path) const;
    /// When a trial's delay starts: at the start, when the import says it is saving (the commit
    /// begins), or when the rollback journal is deleted (the commit point of the bulk path).
    enum class From { Start, Saving, JournalGone };
    /// One import killed `delay` ms after `from`, then checked; a line for the log, failures
    /// appended.
    QString trial(int number, qint64 delay, From from, QStringList *failures);

    QTemporaryDir m_dir;
    QString m_base;
    QString m_csv;
    int m_rows = 0;
    State m_before;
    State m_after;
    // Tallies over the trials.
    int m_killed = 0;
    int m_finished = 0;
    int m_withJournal = 0;
    int m_none = 0;
    int m_all = 0;
    int m_betweenStages = 0; ///< killed after the commit, before every sort index was built
};

QProcessEnvironment TestKilledImport::environment() const
{
    // As CommandRun::run sets it up: headless, its own data, settings and cache, English.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    CommandRun::setLanguage(env);
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
    return env;
}

bool TestKilledImport::writeEvents(int rows, QString *error)
{
    QFile file(m_csv);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = file.errorString();
        return false;
    }
    file.write(Header);
    QByteArray chunk;
    for (int i = 1; i <= rows; ++i) {
        chunk += Prefix + "2044-01-01,loan," + QByteArray::number(i) + ",CNY,,completed,low,https://example.org/"
            + QByteArray::number(i) + ",row\r\n";
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    m_rows = rows;
    return true;
}

TestKilledImport::Timing TestKilledImport::completeRun(const QString &path, QString *error)
{
    QFile::remove(path);
    QFile::copy(m_base, path);
    QProcess child;
    child.setProcessEnvironment(environment());
    QElapsedTimer clock;
    clock.start();
    child.start(QStringLiteral(FUNDSCOPE_BINARY), arguments(path));
    Timing timing;
    QByteArray err;
    while (child.state() != QProcess::NotRunning && clock.elapsed() < 60000) {
        child.waitForReadyRead(5);
        err += child.readAllStandardError();
        if (timing.saving < 0 && err.contains("progress: saving"))
            timing.saving = clock.elapsed();
    }
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished();
    }
    timing.total = clock.elapsed();
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0 || timing.saving < 0) {
        *error = QStringLiteral("the complete import failed: %1").arg(QString::fromUtf8(err));
        timing.total = -1;
    }
    return timing;
}

QStringList TestKilledImport::arguments(const QString &path) const
{
    return { QStringLiteral("import"), QStringLiteral("--db"), path, QStringLiteral("--progress"), m_csv };
}

void TestKilledImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_base = m_dir.filePath(QStringLiteral("base.db"));
    m_csv = m_dir.filePath(QStringLiteral("events.csv"));
    {
        Database db;
        QCOMPARE(db.open(m_base, Database::OpenMode::CreateNew), Database::Status::Ok);
        QStringList files;
        for (const QString &kind : InterchangeLoader::kinds())
            files.append(QStringLiteral(FUNDSCOPE_SAMPLE_DIR "/%1.csv").arg(kind));
        const LoadReport report = InterchangeLoader(db).load(files);
        QVERIFY2(report.ok(), qPrintable(report.errorLines().join(QLatin1Char('\n'))));
    }
}

QString TestKilledImport::trial(int number, qint64 delay, From mode, QStringList *failures)
{
    const QString path = m_dir.filePath(QStringLiteral("trial-%1.db").arg(number));
    QFile::copy(m_base, path);
    QProcess child;
    child.setProcessEnvironment(environment());
    QElapsedTimer clock;
    clock.start();
    child.start(QStringLiteral(FUNDSCOPE_BINARY), arguments(path));
    if (!child.waitForStarted(10000)) {
        failures->append(QStringLiteral("trial %1: fundscope did not start").arg(number));
        return {};
    }
    qint64 from = 0; // the delay counts from the start, from "progress: saving", or the journal's end
    if (mode != From::Start) {
        QByteArray err;
        from = -1;
        while (from < 0 && child.state() != QProcess::NotRunning && clock.elapsed() < 60000) {
            child.waitForReadyRead(2);
            err += child.readAllStandardError();
            if (err.contains("progress: saving"))
                from = clock.elapsed();
        }
        if (mode == From::JournalGone) {
            const QString journalPath = path + QStringLiteral("-journal");
            while (QFileInfo::exists(journalPath) && child.state() != QProcess::NotRunning && clock.elapsed() < 60000)
                QThread::usleep(200);
            from = clock.elapsed();
        }
        if (from < 0)
            from = clock.elapsed();
    }
    bool killed = false;
    bool journal = false;
    const qint64 left = from + delay - clock.elapsed();
    if (child.state() != QProcess::NotRunning && (left <= 0 || !child.waitForFinished(int(left)))) {
        if (child.state() == QProcess::Running) {
            journal = QFileInfo::exists(path + QStringLiteral("-journal"));
            child.kill(); // SIGKILL: no chance to roll back or clean up
            killed = true;
        }
    }
    const qint64 at = clock.elapsed();
    if (child.state() != QProcess::NotRunning && !child.waitForFinished(20000))
        failures->append(QStringLiteral("trial %1: the killed import did not end").arg(number));
    if (killed && child.exitStatus() != QProcess::CrashExit)
        killed = false; // it ended on its own just before the signal
    if (!killed && (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0))
        failures->append(QStringLiteral("trial %1: the import failed on its own: %2")
                             .arg(number)
                             .arg(QString::fromUtf8(child.readAllStandardError())));
    m_killed += killed ? 1 : 0;
    m_finished += killed ? 0 : 1;
    m_withJournal += journal ? 1 : 0;

    // The application opens it again (SQLite rolls back what the import left) and builds the sort
    // indexes a kill between the import's two stages left listed (DeferredIndexes), as the next
    // session does; then a plain connection looks at every row.
    bool betweenStages = false;
    {
        Database db;
        if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
            failures->append(QStringLiteral("trial %1: cannot be opened: %2").arg(number).arg(db.errorString()));
        } else {
            betweenStages = !DeferredIndexes::pending(db).isEmpty();
            QString why;
            if (!DeferredIndexes::build(db, nullptr, {}, &why))
                failures->append(QStringLiteral("trial %1: the sort indexes left: %2").arg(number).arg(why));
        }
    }
    m_betweenStages += betweenStages ? 1 : 0;
    const State state = stateOf(path);
    if (state.integrity != QLatin1String("ok"))
        failures->append(QStringLiteral("trial %1: integrity_check: %2").arg(number).arg(state.integrity));
    if (!state.foreignKeys.isEmpty())
        failures->append(QStringLiteral("trial %1: foreign_key_check: %2").arg(number).arg(state.foreignKeys));
    QString verdict;
    if (state.fingerprint == m_before.fingerprint && state.disbursements == m_before.disbursements) {
        verdict = QStringLiteral("nothing imported");
        ++m_none;
    } else if (state.fingerprint == m_after.fingerprint && state.disbursements == m_after.disbursements) {
        verdict = betweenStages ? QStringLiteral("all imported (killed between the stages; the sort indexes "
                                                 "built at the next open)")
                                : QStringLiteral("all imported");
        ++m_all;
    } else {
        verdict = QStringLiteral("PARTIAL: %1 disbursements (before %2, after %3)")
                      .arg(state.disbursements)
                      .arg(m_before.disbursements)
                      .arg(m_after.disbursements);
        failures->append(QStringLiteral("trial %1: %2").arg(number).arg(verdict));
    }
    for (const char *suffix : { "", "-wal", "-shm", "-journal" })
        QFile::remove(path + QLatin1String(suffix));
    return QStringLiteral("trial %1: %2 %3 ms, %4 at %5 ms%6: %7")
        .arg(number, 2)
        .arg(mode == From::Start ? QStringLiteral("delay")
                : mode == From::Saving ? QStringLiteral("saving +")
                                       : QStringLiteral("journal gone +"))
        .arg(delay, 4)
        .arg(killed ? QStringLiteral("killed") : QStringLiteral("finished"))
        .arg(at, 4)
        .arg(journal ? QStringLiteral(" (hot journal)") : QString())
        .arg(verdict);
}

void TestKilledImport::killedAtRandomPointsLeavesAllOrNothing()
{
    const quint32 seed = qEnvironmentVariableIsSet("FUNDSCOPE_KILL_SEED")
        ? quint32(qEnvironmentVariableIntValue("FUNDSCOPE_KILL_SEED"))
        : DefaultSeed;
    const int trials = qMax(1, qEnvironmentVariableIsSet("FUNDSCOPE_KILL_TRIALS")
            ? qEnvironmentVariableIntValue("FUNDSCOPE_KILL_TRIALS")
            : DefaultTrials);
    QElapsedTimer total;
    total.start();

    m_before = stateOf(m_base);
    QCOMPARE(m_before.integrity, QStringLiteral("ok"));

    // A file that takes about 1-2 s to import here: 100,000 rows to start with, more on a faster
    // machine, fewer on a slower or busier one, never under 40,000 (7.8 MB: the loader's bulk path,
    // with its rollback journal, dropped indexes and synchronous FULL, needs 7.5 MB of events).
    QString error;
    QVERIFY2(writeEvents(100000, &error), qPrintable(error));
    const QString complete = m_dir.filePath(QStringLiteral("complete.db"));
    Timing timing = completeRun(complete, &error);
    QVERIFY2(timing.total > 0, qPrintable(error));
    if (timing.total < 800 || timing.total > 1800) {
        QVERIFY2(writeEvents(int(qBound(qint64(40000), m_rows * 1300 / timing.total, qint64(1000000))), &error),
            qPrintable(error));
        timing = completeRun(complete, &error);
        QVERIFY2(timing.total > 0, qPrintable(error));
    }
    const qint64 duration = timing.total;
    m_after = stateOf(complete);
    QCOMPARE(m_after.integrity, QStringLiteral("ok"));
    QCOMPARE(m_after.disbursements, m_before.disbursements + m_rows);
    qInfo("a complete import of %d rows (%.1f MB) took %lld ms, saving from %lld ms; seed %u: %d kills with "
          "delays uniform over [0, %lld) ms from the start, %d uniform over the %lld ms from \"saving\" to the end, "
          "%d as the rollback journal goes",
        m_rows, double(QFileInfo(m_csv).size()) / 1e6, duration, timing.saving, seed, trials, duration,
        CommitTrials, duration - timing.saving, AfterCommitTrials);

    // Past the first MinimumTrials, no new trial starts once the budget is spent (a busy machine):
    // the delays are drawn one by one, so the ones run are still uniform.
    QRandomGenerator random(seed);
    QStringList failures;
    int all = 0;
    int skipped = 0;
    const auto withinBudget = [&] { return all < MinimumTrials || total.elapsed() < BudgetMs; };
    for (int number = 1; number <= trials; ++number) {
        const qint64 delay = qint64(random.bounded(quint32(duration)));
        if (!withinBudget()) {
            ++skipped;
            continue;
        }
        qInfo("%s", qPrintable(trial(number, delay, From::Start, &failures)));
        ++all;
    }
    // The commit itself is a short moment of the run: these land in it.
    const qint64 saving = qMax(qint64(1), duration - timing.saving);
    for (int number = trials + 1; number <= trials + CommitTrials; ++number) {
        const qint64 delay = qint64(random.bounded(quint32(saving)));
        if (!withinBudget()) {
            ++skipped;
            continue;
        }
        qInfo("%s", qPrintable(trial(number, delay, From::Saving, &failures)));
        ++all;
    }
    // And right after the commit point, before the switch back to WAL and the exit.
    for (int number = trials + CommitTrials + 1; number <= trials + CommitTrials + AfterCommitTrials; ++number) {
        if (!withinBudget()) {
            ++skipped;
            continue;
        }
        qInfo("%s", qPrintable(trial(number, 0, From::JournalGone, &failures)));
        ++all;
    }
    if (skipped > 0)
        qInfo("%d trials left out: the %lld s budget was spent", skipped, BudgetMs / 1000);
    qInfo("%d trials: %d killed (%d with a hot journal beside the file), %d finished first; "
          "%d left nothing imported, %d everything (%d of them between the two stages), %d something else; "
          "%.1f s in all",
        all, m_killed, m_withJournal, m_finished, m_none, m_all, m_betweenStages, all - m_none - m_all,
        double(total.elapsed()) / 1000.0);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QVERIFY2(m_killed >= all / 2, "most imports must be killed midway, or the delays are wrong");
}

QTEST_GUILESS_MAIN(TestKilledImport)
#include "tst_killedimport.moc"
