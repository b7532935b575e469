#include "Database.h"
#include "EditSession.h"
#include "FaultInjectionVfs.h"
#include "InterchangeLoader.h"
#include "sqlite/Maintenance.h"
#include "RecordStore.h"
#include "SampleDatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sqlite3.h>

// Issue 15, item 6: every write, sync and read SQLite makes during an import (small, and big enough
// for the loader's bulk path), an edit with its history, a schema upgrade and a backup is made to
// fail in turn (FaultInjectionVfs, registered as SQLite's default VFS), and after each: the
// operation said so, in SQLite's words for the fault (never a success that lost data), the
// database is unchanged or fully committed, PRAGMA integrity_check is ok, and the database can
// still be read and written (by the same Database object where the application keeps one, else
// by a new one). Three more tests follow up what the sweep found: a read error in one
// connection's check and the other connections, a parent-fund loop under read errors, and a
// failed switch to WAL at open. docs/reliability.md, "Fault injection and kill tests", has the
// counts and the findings.
//
// FUNDSCOPE_FAULT_EXHAUSTIVE=1 in the environment covers every N of every operation (slow); by
// default every N up to 300 (60 for the bulk import) and then an even spread up to the last one.
// FUNDSCOPE_FAULT_TRACE=1 logs each N before it runs.

using FaultInjectionVfs::Call;
using FaultInjectionVfs::Fault;

namespace {

enum class Operation { Import, BulkImport, AddDisbursement, ChangeAmount, Upgrade, Backup };

constexpr Operation Operations[] = { Operation::Import, Operation::BulkImport, Operation::AddDisbursement,
    Operation::ChangeAmount, Operation::Upgrade, Operation::Backup };
constexpr Fault Faults[] = { Fault::WriteIoErr, Fault::WriteFull, Fault::SyncIoErr, Fault::ReadIoErr };

QString operationName(Operation op)
{
    switch (op) {
    case Operation::Import:
        return QStringLiteral("import");
    case Operation::BulkImport:
        return QStringLiteral("bulk import");
    case Operation::AddDisbursement:
        return QStringLiteral("edit: add disbursement");
    case Operation::ChangeAmount:
        return QStringLiteral("edit: change amount");
    case Operation::Upgrade:
        return QStringLiteral("schema upgrade");
    case Operation::Backup:
        return QStringLiteral("backup");
    }
    return {};
}

QString fileKey(Operation op, Fault fault, qint64 n)
{
    return QStringLiteral("op%1-f%2-n%3").arg(int(op)).arg(int(fault)).arg(n);
}

// Every N up to `fullUpTo`, then `spread` more spaced evenly up to the last one (K itself).
QList<qint64> injectionPoints(qint64 k, qint64 fullUpTo, qint64 spread)
{
    QList<qint64> points;
    if (qEnvironmentVariableIntValue("FUNDSCOPE_FAULT_EXHAUSTIVE") != 0 || k <= fullUpTo + spread) {
        for (qint64 n = 1; n <= k; ++n)
            points.append(n);
        return points;
    }
    for (qint64 n = 1; n <= fullUpTo; ++n)
        points.append(n);
    for (qint64 i = 1; i <= spread; ++i) {
        const qint64 n = fullUpTo + (i * (k - fullUpTo) + spread / 2) / spread;
        if (n > points.last())
            points.append(n);
    }
    return points;
}

// "1-40, 42, 57-60"
QString ranges(const QList<qint64> &values)
{
    QStringList parts;
    for (qsizetype i = 0; i < values.size();) {
        qsizetype j = i;
        while (j + 1 < values.size() && values.at(j + 1) == values.at(j) + 1)
            ++j;
        parts.append(j == i ? QString::number(values.at(i))
                            : QStringLiteral("%1-%2").arg(values.at(i)).arg(values.at(j)));
        i = j + 1;
    }
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

// A plain SQLite connection, apart from the code under test (through the shim all the same).
class Raw
{
public:
    explicit Raw(const QString &path, int flags = SQLITE_OPEN_READWRITE)
    {
        m_rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
        if (m_rc == SQLITE_OK)
            sqlite3_busy_timeout(m_db, 5000);
        else
            m_error = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(m_rc));
    }
    ~Raw() { sqlite3_close_v2(m_db); }
    Raw(const Raw &) = delete;
    Raw &operator=(const Raw &) = delete;

    bool isOpen() const { return m_rc == SQLITE_OK; }
    sqlite3 *handle() const { return m_db; }
    QString error() const { return m_error; }

    bool exec(const QString &sql)
    {
        char *message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
        m_error = rc == SQLITE_OK ? QString() : QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        return rc == SQLITE_OK;
    }

    /// Every row, each value with its type; false (and error()) when the statement failed.
    bool rows(const QString &sql, QStringList *out)
    {
        sqlite3_stmt *stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr);
        while (rc == SQLITE_OK || rc == SQLITE_ROW) {
            if ((rc = sqlite3_step(stmt)) != SQLITE_ROW)
                break;
            QStringList columns;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                switch (sqlite3_column_type(stmt, i)) {
                case SQLITE_NULL:
                    columns.append(QStringLiteral("n"));
                    break;
                case SQLITE_BLOB:
                    columns.append(QStringLiteral("b") + QString::fromLatin1(QByteArray(
                        static_cast<const char *>(sqlite3_column_blob(stmt, i)), sqlite3_column_bytes(stmt, i)).toHex()));
                    break;
                default:
                    columns.append(QString::number(sqlite3_column_type(stmt, i))
                        + QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i))));
                }
            }
            out->append(columns.join(QChar(0x1f)));
        }
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(stmt);
        return rc == SQLITE_DONE;
    }

private:
    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_ERROR;
    QString m_error;
};

// The logical content of a database: user_version, application_id, the schema and every row of
// every table. The random data_revision token and history's time stamps are left out (a clean
// run and an injected one draw their own), so equal fingerprints mean the same committed state.
struct Fingerprint
{
    QByteArray hash;
    QString summary; ///< "user_version 7, funds 39, …" for messages

    bool operator==(const Fingerprint &other) const { return hash == other.hash; }
    bool operator!=(const Fingerprint &other) const { return hash != other.hash; }
};

Fingerprint fingerprint(const QString &path)
{
    Fingerprint f;
    if (!QFileInfo::exists(path)) {
        f.hash = "<missing>";
        f.summary = QStringLiteral("<missing>");
        return f;
    }
    Raw raw(path);
    QStringList lines;
    QStringList summary;
    const auto read = [&](const QString &sql) {
        QStringList rows;
        if (!raw.rows(sql, &rows))
            lines.append(QStringLiteral("<error %1: %2>").arg(sql, raw.error()));
        return rows;
    };
    if (!raw.isOpen()) {
        f.hash = "<cannot open>";
        f.summary = QStringLiteral("<cannot open: %1>").arg(raw.error());
        return f;
    }
    const QString version = read(QStringLiteral("PRAGMA user_version")).value(0);
    lines << version << read(QStringLiteral("PRAGMA application_id")).value(0);
    summary << QStringLiteral("user_version %1").arg(version.mid(1));
    lines += read(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
    const QStringList tables
        = read(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    for (QString table : tables) {
        table = table.mid(1); // the type digit
        QStringList columns;
        for (QString column : read(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table))) {
            column = QLatin1Char('"') + column.mid(1) + QLatin1Char('"');
            if (table == QLatin1String("history") && column == QLatin1String("\"at\""))
                continue;
            if (table == QLatin1String("data_revision") && column == QLatin1String("\"token\""))
                column = QStringLiteral("length(token)");
            columns.append(column);
        }
        QStringList rows = read(QStringLiteral("SELECT %1 FROM \"%2\"").arg(columns.join(QLatin1Char(',')), table));
        rows.sort();
        lines << QStringLiteral("== ") + table;
        lines += rows;
        if (rows.size() > 0 && !table.startsWith(QLatin1String("sqlite_")))
            summary << QStringLiteral("%1 %2").arg(table).arg(rows.size());
    }
    f.hash = QCryptographicHash::hash(lines.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex();
    f.summary = summary.join(QStringLiteral(", "));
    return f;
}

// "ok", or SQLite's findings (integrity and foreign keys).
QString integrity(const QString &path)
{
    Raw raw(path);
    if (!raw.isOpen())
        return QStringLiteral("cannot open: %1").arg(raw.error());
    QStringList rows;
    if (!raw.rows(QStringLiteral("PRAGMA integrity_check"), &rows))
        return QStringLiteral("integrity_check failed: %1").arg(raw.error());
    if (rows != QStringList { QStringLiteral("3ok") })
        return rows.join(QStringLiteral("; "));
    rows.clear();
    if (!raw.rows(QStringLiteral("PRAGMA foreign_key_check"), &rows))
        return QStringLiteral("foreign_key_check failed: %1").arg(raw.error());
    if (!rows.isEmpty())
        return QStringLiteral("foreign keys: ") + rows.join(QStringLiteral("; "));
    return QStringLiteral("ok");
}

// Builds the file an older Fundscope left: migration steps 1..version and their stamp.
bool migrateRaw(Raw &raw, int from, int to, QString *error)
{
    for (int step = from + 1; step <= to; ++step) {
        QFile file(QStringLiteral(":/fundscope/db/sql/%1").arg(
            QDir(QStringLiteral(":/fundscope/db/sql")).entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name).value(step - 1)));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read migration step %1").arg(step);
            return false;
        }
        if (!raw.exec(QString::fromUtf8(file.readAll())
                + QStringLiteral("\nPRAGMA user_version = %1;\nPRAGMA application_id = %2;")
                      .arg(step)
                      .arg(Database::ApplicationId))) {
            *error = QStringLiteral("step %1: %2").arg(step).arg(raw.error());
            return false;
        }
    }
    return true;
}

bool canWrite(Database &db, const QString &name, QString *why)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM disbursements")) || !q.next()) {
        *why = QStringLiteral("cannot read: ") + db.describeError(q.lastError());
        return false;
    }
    q.finish();
    RowValues fund;
    fund.kind = RecordKind::Fund;
    fund.set(QStringLiteral("name"), name);
    fund.set(QStringLiteral("kind"), QStringLiteral("fund"));
    fund.set(QStringLiteral("level"), QStringLiteral("provincial"));
    QString error;
    if (!RecordStore(db).insert(fund, &error)) {
        *why = QStringLiteral("cannot write: ") + error;
        return false;
    }
    return true;
}

const QByteArray EventHeader
    = "fund,phase,investee,date,type,amount,currency,stake_pct,status,confidence,source_url,notes\r\n";
const QByteArray EventPrefix = "China Integrated Circuit Industry Investment Fund (Big Fund),Phase I,"
                               "Semiconductor Manufacturing International Corp. (SMIC),";

} // namespace

class TestFaultInjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void shimSeesEveryConnection();
    void faults_data();
    void faults();
    void readErrorInAnImportsCheckLeavesTheWindowWriting();
    void readErrorNeverLetsAFundCycleIn();
    void failedSwitchToWalIsReported();

private:
    /// What one run of an operation did.
    struct Run
    {
        bool ok = false;
        QString message;
        qint64 fired = 0;
        FaultInjectionVfs::Role role = FaultInjectionVfs::Role::Count; ///< the file the fault hit
        FaultInjectionVfs::Counts counts;
        bool markedDamaged = false;
        QStringList problems;
        QString note; ///< something worth counting that is no problem
    };
    /// The states a run may leave.
    struct Reference
    {
        Fingerprint before;
        Fingerprint after; ///< empty until the counting run
        QList<Fingerprint> steps; ///< upgrade: after each version from the old one up (before first)
        QByteArray oldCopy; ///< backup: the earlier copy at the target
    };

    Run runOperation(Operation op, Fault fault, qint64 n, Reference &ref);
    QString baseOf(Operation op) const;

    QTemporaryDir m_dir;
    QString m_emptyBase;
    QString m_sampleBase;
    QString m_oldBase;
    QString m_bulkCsv;
    QStringList m_sampleFiles;
    QHash<int, Reference> m_references;
};

void TestFaultInjection::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Database's constructor installs SQLite's error log, which must come before SQLite starts.
    {
        Database first;
    }
    QString error;
    QVERIFY2(FaultInjectionVfs::install(&error), qPrintable(error));

    for (const QString &kind : InterchangeLoader::kinds())
        m_sampleFiles.append(QStringLiteral(FUNDSCOPE_SAMPLE_DIR "/%1.csv").arg(kind));

    m_emptyBase = m_dir.filePath(QStringLiteral("base-empty.db"));
    {
        Database db;
        QCOMPARE(db.open(m_emptyBase, Database::OpenMode::CreateNew), Database::Status::Ok);
    }
    m_sampleBase = m_dir.filePath(QStringLiteral("base-sample.db"));
    {
        Database db;
        QCOMPARE(db.open(m_sampleBase, Database::OpenMode::CreateNew), Database::Status::Ok);
        QVERIFY2(SampleDatabase::load(db, &error), qPrintable(error));
    }
    // A version-1 file (schema, no vocabularies) holding a user's rows, as an early build left it:
    // the upgrade runs all six later steps, each in its own transaction.
    m_oldBase = m_dir.filePath(QStringLiteral("base-old.db"));
    {
        Raw raw(m_oldBase, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        QVERIFY2(migrateRaw(raw, 0, 1, &error), qPrintable(error));
        QVERIFY2(raw.exec(QStringLiteral(
                     "PRAGMA foreign_keys = ON;"
                     "INSERT INTO sectors(id, name, name_zh) VALUES (1, 'Robotics', '机器人');"
                     "INSERT INTO segments(id, sector_id, name) VALUES (1, 1, 'industrial arms');"
                     "INSERT INTO funds(id, name, name_zh, kind, level) VALUES (1, 'Legacy Fund', '老基金', "
                     "'fund', 'national');"
                     "INSERT INTO phases(id, fund_id, label, start_date) VALUES (1, 1, 'Phase I', '2014-09');"
                     "INSERT INTO investees(id, name, kind, sector_id, segment_id, founded) "
                     "  VALUES (1, 'Legacy Co', 'company', 1, 1, '2001');"
                     "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 200)"
                     " INSERT INTO disbursements(id, phase_id, investee_id, value_date, type, status)"
                     " SELECT k, 1, 1, printf('%d-%02d', 2010 + k % 7, 1 + k % 12), 'equity purchase',"
                     "  'completed' FROM n;"
                     "INSERT INTO history(user, action, table_name, row_id) VALUES ('tester', 'insert', "
                     "'funds', 1);")),
            qPrintable(raw.error()));
    }
    // Big enough for the loader's bulk path (estimated rows = event bytes / 150 >= 50000):
    // rollback journal, synchronous FULL, indexes and triggers dropped and rebuilt.
    m_bulkCsv = m_dir.filePath(QStringLiteral("bulk-disbursements.csv"));
    {
        QFile file(m_bulkCsv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(EventHeader);
        const QByteArray notes = QByteArray(900, 'x');
        for (int i = 1; file.size() < 7600000; ++i)
            file.write(EventPrefix + "2044-01-01,loan," + QByteArray::number(i) + ",CNY,,completed,low,,"
                + notes + "\r\n");
    }
}

void TestFaultInjection::cleanupTestCase()
{
    FaultInjectionVfs::disarm();
}

// The shim is in the path of Qt's QSQLITE connections and of the project's own sqlite3_* calls:
// one libsqlite3 in the process (Qt's driver and fundscope_db load the same one), whose default
// VFS is the shim.
void TestFaultInjection::shimSeesEveryConnection()
{
    const QString path = m_dir.filePath(QStringLiteral("probe.db"));
    QVERIFY(QFile::copy(m_sampleBase, path));
    FaultInjectionVfs::resetCounts();
    Database db;
    QCOMPARE(db.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QVERIFY(FaultInjectionVfs::usesShim(db.handle()));
    QVERIFY(FaultInjectionVfs::counts().of(Call::Read) > 0);
    Raw raw(path);
    QVERIFY(raw.isOpen());
    QVERIFY(FaultInjectionVfs::usesShim(raw.handle()));
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (maps.open(QIODevice::ReadOnly)) {
        QSet<QString> libraries;
        for (const QByteArray &line : maps.readAll().split('\n')) {
            if (line.contains("libsqlite3"))
                libraries.insert(QString::fromUtf8(line.mid(line.indexOf('/'))));
        }
        QVERIFY2(libraries.size() == 1,
            qPrintable(QStringList(libraries.cbegin(), libraries.cend()).join(QStringLiteral(", "))));
        qInfo("one libsqlite3 in the process: %s", qPrintable(*libraries.cbegin()));
    }
    // A fault reaches a Qt connection's statement as an error.
    sqlite3_db_release_memory(db.handle());
    FaultInjectionVfs::arm(Fault::ReadIoErr, 1);
    QSqlQuery q(db.connection());
    const bool read = q.exec(QStringLiteral("SELECT count(*) FROM disbursements")) && q.next();
    FaultInjectionVfs::disarm();
    QVERIFY(!read);
    QCOMPARE(FaultInjectionVfs::fired(), 1);
    QVERIFY2(q.lastError().nativeErrorCode().toInt() == SQLITE_IOERR_READ,
        qPrintable(q.lastError().nativeErrorCode() + QLatin1Char(' ') + q.lastError().text()));
}

QString TestFaultInjection::baseOf(Operation op) const
{
    switch (op) {
    case Operation::Import:
        return m_emptyBase;
    case Operation::Upgrade:
        return m_oldBase;
    case Operation::BulkImport:
    case Operation::AddDisbursement:
    case Operation::ChangeAmount:
    case Operation::Backup:
        break;
    }
    return m_sampleBase;
}

TestFaultInjection::Run TestFaultInjection::runOperation(Operation op, Fault fault, qint64 n, Reference &ref)
{
    Run run;
    const bool counting = fault == Fault::None;
    const QString folder = m_dir.filePath(fileKey(op, fault, n));
    QDir().mkpath(folder);
    const QString path = folder + QStringLiteral("/fundscope.db");
    const QString copy = folder + QStringLiteral("/copy.db");
    QFile::copy(baseOf(op), path);
    const auto problem = [&](const QString &what) { run.problems.append(what); };
    const auto arm = [&] {
        if (counting)
            FaultInjectionVfs::resetCounts();
        else
            FaultInjectionVfs::arm(fault, n);
    };
    const auto disarm = [&] {
        FaultInjectionVfs::disarm();
        run.counts = FaultInjectionVfs::counts();
        run.fired = counting ? 0 : FaultInjectionVfs::fired();
        run.role = FaultInjectionVfs::firedRole();
    };
    const auto canonical = [&] { return QFileInfo(path).canonicalFilePath(); };
    // A check of the file as any other program would see it now.
    const auto checkState = [&](bool allowSteps) {
        const Fingerprint now = fingerprint(path);
        if (counting) {
            if (ref.after.hash.isEmpty())
                ref.after = now;
            else if (now != ref.after)
                problem(QStringLiteral("a clean run ended elsewhere than the first one: %1").arg(now.summary));
        } else if (run.ok && now != ref.after) {
            problem(QStringLiteral("reported success, but the database is not the completed one: %1")
                        .arg(now.summary));
        } else if (!run.ok && now != ref.before && !(allowSteps && ref.steps.contains(now))) {
            problem(QStringLiteral("reported failure, but the database changed: %1 (before: %2)")
                        .arg(now.summary, ref.before.summary));
        }
        if (const QString check = integrity(path); check != QLatin1String("ok"))
            problem(QStringLiteral("integrity: %1").arg(check));
    };
    const auto reopenAndWrite = [&](const QString &what) {
        Database again;
        const Database::Status status = again.open(path, Database::OpenMode::OpenExisting);
        if (status != Database::Status::Ok) {
            problem(QStringLiteral("%1: cannot be opened again: %2").arg(what, again.errorString()));
            return;
        }
        QString why;
        if (!canWrite(again, QStringLiteral("Reopened Fund"), &why))
            problem(QStringLiteral("%1: reopened, %2").arg(what, why));
    };

    switch (op) {
    case Operation::Import:
    case Operation::BulkImport: {
        // What `fundscope import --db FILE FILES…` does: open, load, and close when it exits.
        QList<ImportSource> sources;
        for (const QString &file : op == Operation::Import ? m_sampleFiles : QStringList { m_bulkCsv }) {
            ImportSource source;
            source.path = file;
            sources.append(source);
        }
        arm();
        {
            Database db;
            if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
                run.message = db.errorString();
            } else {
                InterchangeLoader loader(db);
                loader.setOptions(ImportOptions());
                const LoadReport report = loader.load(sources);
                run.ok = report.ok();
                run.message = report.errorLines().join(QLatin1Char('\n'));
                if (counting && op == Operation::BulkImport && !report.bulk)
                    problem(QStringLiteral("the bulk path did not run"));
            }
        }
        disarm();
        run.markedDamaged = Database::damagedFiles().contains(canonical());
        checkState(false);
        reopenAndWrite(QStringLiteral("after the import"));
        break;
    }
    case Operation::AddDisbursement:
    case Operation::ChangeAmount: {
        // The window's way: one Database kept open, edits through the EditSession.
        Database db;
        if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
            problem(QStringLiteral("setup: ") + db.errorString());
            break;
        }
        EditSession session(db);
        const auto number = [&](const QString &sql) {
            QSqlQuery q(db.connection());
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : qint64(-1);
        };
        RowValues row;
        row.kind = RecordKind::Disbursement;
        row.set(QStringLiteral("phase_id"), number(QStringLiteral("SELECT min(id) FROM phases")));
        row.set(QStringLiteral("investee_id"), number(QStringLiteral("SELECT min(id) FROM investees")));
        row.set(QStringLiteral("value_date"), QStringLiteral("2024-03"));
        row.set(QStringLiteral("type"), QStringLiteral("equity purchase"));
        row.set(QStringLiteral("amount_minor"), qint64(123000000000));
        row.set(QStringLiteral("currency"), QStringLiteral("CNY"));
        row.set(QStringLiteral("status"), QStringLiteral("completed"));
        row.set(QStringLiteral("confidence"), QStringLiteral("high"));
        row.set(QStringLiteral("source_url"), QStringLiteral("https://example.org/a"));
        const qint64 undisclosed
            = number(QStringLiteral("SELECT min(id) FROM disbursements WHERE amount_minor IS NULL"));
        const qint64 other
            = number(QStringLiteral("SELECT max(id) FROM disbursements WHERE amount_minor IS NULL"));
        if (undisclosed <= 0 || other <= 0 || other == undisclosed) {
            problem(QStringLiteral("setup: no undisclosed amounts in the sample"));
            break;
        }
        // Its pages come from the file, as for a window whose cache holds other pages by now.
        sqlite3_db_release_memory(db.handle());
        arm();
        run.ok = op == Operation::AddDisbursement
            ? session.addRecord(row)
            : session.setDisbursementAmount(undisclosed, qint64(35000000000), QStringLiteral("USD"));
        run.message = session.lastError();
        disarm();
        run.markedDamaged = Database::damagedFiles().contains(canonical());
        if (session.undoStack()->count() != (run.ok ? 1 : 0))
            problem(QStringLiteral("the undo stack has %1 steps").arg(session.undoStack()->count()));
        checkState(false);
        // The same Database and session go on: the next edit (of another row) must work.
        RowValues next = row;
        next.id = 0;
        next.set(QStringLiteral("value_date"), QStringLiteral("2024-04"));
        next.set(QStringLiteral("source_url"), QStringLiteral("https://example.org/b"));
        const bool again = op == Operation::AddDisbursement
            ? session.addRecord(next)
            : session.setDisbursementAmount(other, qint64(5), QStringLiteral("USD"));
        if (!again)
            problem(QStringLiteral("the same Database cannot edit any more: %1").arg(session.lastError()));
        db.close();
        reopenAndWrite(QStringLiteral("after the edit"));
        break;
    }
    case Operation::Upgrade: {
        arm();
        Database db;
        const Database::Status status = db.open(path, Database::OpenMode::OpenExisting);
        run.ok = status == Database::Status::Ok;
        run.message = db.errorString();
        disarm();
        run.markedDamaged = Database::damagedFiles().contains(canonical());
        if (run.ok != db.isOpen())
            problem(QStringLiteral("open() said %1 but the connection is %2")
                        .arg(run.ok ? QStringLiteral("Ok") : QStringLiteral("failed"),
                            db.isOpen() ? QStringLiteral("open") : QStringLiteral("closed")));
        checkState(true);
        if (db.isOpen()) {
            QSqlQuery mode(db.connection());
            if (mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next()
                && mode.value(0).toString() != QLatin1String("wal"))
                run.note = QStringLiteral("journal_mode %1 after open()").arg(mode.value(0).toString());
            mode.finish();
            QString why;
            if (!canWrite(db, QStringLiteral("Upgraded Fund"), &why))
                problem(QStringLiteral("the same Database after the upgrade: %1").arg(why));
            db.close();
        } else {
            // The next start finishes the upgrade.
            Database again;
            if (again.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
                problem(QStringLiteral("the next open fails too: %1").arg(again.errorString()));
            again.close();
            if (const Fingerprint now = fingerprint(path); now != ref.after)
                problem(QStringLiteral("the next open did not finish the upgrade: %1").arg(now.summary));
        }
        reopenAndWrite(QStringLiteral("after the upgrade"));
        break;
    }
    case Operation::Backup: {
        // An earlier copy is at the target: a failed backup must leave it as it was.
        QFile::copy(m_emptyBase, copy);
        QFile old(copy);
        old.open(QIODevice::ReadOnly);
        const QByteArray oldBytes = old.readAll();
        old.close();
        if (ref.oldCopy.isEmpty())
            ref.oldCopy = oldBytes;
        arm();
        QString error;
        run.ok = Maintenance::backup(path, copy, &error);
        run.message = error;
        disarm();
        run.markedDamaged = Database::damagedFiles().contains(canonical());
        // The source is only read.
        if (const Fingerprint now = fingerprint(path); now != ref.before)
            problem(QStringLiteral("the backup changed its source: %1").arg(now.summary));
        if (const QString check = integrity(path); check != QLatin1String("ok"))
            problem(QStringLiteral("source integrity: %1").arg(check));
        if (run.ok) {
            if (const Fingerprint now = fingerprint(copy); now != ref.before)
                problem(QStringLiteral("reported success, but the copy differs: %1").arg(now.summary));
            if (const QString check = integrity(copy); check != QLatin1String("ok"))
                problem(QStringLiteral("copy integrity: %1").arg(check));
        } else {
            QFile target(copy);
            target.open(QIODevice::ReadOnly);
            if (target.readAll() != oldBytes)
                problem(QStringLiteral("reported failure, but the earlier copy was changed"));
        }
        // Nothing of the attempt is left beside the target (SQLite's own -wal/-shm of the
        // source are its business).
        const QStringList left = QDir(folder).entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : left) {
            if (!name.startsWith(QLatin1String("fundscope.db")) && name != QLatin1String("copy.db"))
                problem(QStringLiteral("left behind: %1").arg(name));
        }
        // And it works again once the fault is gone; the source opens and takes writes.
        QString again;
        if (!Maintenance::backup(path, copy, &again))
            problem(QStringLiteral("the next backup fails: %1").arg(again));
        else if (fingerprint(copy) != ref.before)
            problem(QStringLiteral("the next backup is not a copy"));
        reopenAndWrite(QStringLiteral("after the backup"));
        if (counting)
            ref.after = ref.before;
        break;
    }
    }
    run.message.replace(copy, QStringLiteral("COPY")).replace(path, QStringLiteral("FILE"));
    if (!run.ok && run.message.trimmed().isEmpty())
        problem(QStringLiteral("failed without a message"));
    if (!counting && !run.ok && run.fired == 0)
        problem(QStringLiteral("failed though no fault was injected: %1").arg(run.message));
    // Reported as what it was: SQLite's words for the fault, not another reason.
    if (!counting && !run.ok && run.fired > 0) {
        const QString words = fault == Fault::WriteFull ? QStringLiteral("database or disk is full")
                                                        : QStringLiteral("disk I/O error");
        // One fault SQLite swallows: a failed switch to WAL only leaves the old journal mode
        // behind, with no error to pass on; open() says that the switch failed instead.
        const bool journalSwitch = run.message.contains(QLatin1String("could not switch to write-ahead logging"));
        if (run.message.contains(Database::damagedWords())) {
            problem(QStringLiteral("reported as damage, not as \"%1\"").arg(words));
        } else if (!run.message.contains(words) && !journalSwitch) {
            QString said = run.message.section(QLatin1Char('\n'), 0, 0).left(100);
            said.replace(QRegularExpression(QStringLiteral("[0-9]+")), QStringLiteral("#"));
            problem(QStringLiteral("reported as something else than \"%1\": %2").arg(words, said));
        }
    }
    QDir(folder).removeRecursively();
    return run;
}

void TestFaultInjection::faults_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<int>("fault");
    for (const Operation op : Operations) {
        for (const Fault fault : Faults)
            QTest::addRow("%s, %s", qPrintable(operationName(op)), qPrintable(FaultInjectionVfs::name(fault)))
                << int(op) << int(fault);
    }
}

void TestFaultInjection::faults()
{
    QFETCH(int, operation);
    QFETCH(int, fault);
    const auto op = Operation(operation);
    const auto kind = Fault(fault);
    const Call call = FaultInjectionVfs::callOf(kind);
    QElapsedTimer clock;
    clock.start();

    Reference &ref = m_references[operation];
    if (ref.before.hash.isEmpty()) {
        ref.before = fingerprint(baseOf(op));
        if (op == Operation::Upgrade) {
            // Each step commits on its own: a failed upgrade may stop between two of them.
            for (int version = 1; version <= Database::schemaVersion(); ++version) {
                const QString stepFile = m_dir.filePath(QStringLiteral("step-%1.db").arg(version));
                QVERIFY(QFile::copy(m_oldBase, stepFile));
                {
                    Raw raw(stepFile);
                    QString error;
                    QVERIFY2(migrateRaw(raw, 1, version, &error), qPrintable(error));
                }
                ref.steps.append(fingerprint(stepFile));
            }
            QCOMPARE(ref.steps.first(), ref.before);
        }
    }

    // Counting only: how many calls of each kind a clean run makes.
    const Run clean = runOperation(op, Fault::None, 0, ref);
    QVERIFY2(clean.ok, qPrintable(clean.message));
    QVERIFY2(clean.problems.isEmpty(), qPrintable(clean.problems.join(QLatin1Char('\n'))));
    if (op == Operation::Upgrade)
        QVERIFY2(ref.after == ref.steps.last(), "the upgrade is not the one the migration steps make");
    if (op != Operation::Backup)
        QVERIFY(ref.after != ref.before);
    const qint64 k = clean.counts.of(call);
    qInfo("%s: a clean run makes %s", qPrintable(operationName(op)), qPrintable(clean.counts.text()));

    const bool bulk = op == Operation::BulkImport;
    const QList<qint64> points = injectionPoints(k, bulk ? 60 : 300, bulk ? 40 : 60);
    QList<qint64> refused;
    QList<qint64> absorbed;
    QMap<QString, int> refusedIn;
    QMap<QString, int> absorbedIn;
    QList<qint64> unreached;
    QList<qint64> damaged;
    QMap<QString, QList<qint64>> notes;
    QMap<QString, QList<qint64>> problems; // what went wrong -> at which N
    QMap<QString, QString> example;        // -> the operation's message at the first of them
    QSet<qint64> failing;
    QStringList messages;
    const bool trace = qEnvironmentVariableIntValue("FUNDSCOPE_FAULT_TRACE") != 0;
    for (const qint64 n : points) {
        if (trace)
            qInfo("N=%lld", n);
        const Run run = runOperation(op, kind, n, ref);
        if (trace)
            qInfo("  %s: %s", run.ok ? "ok" : "failed", qPrintable(run.message.left(300)));
        if (run.fired == 0)
            unreached.append(n);
        else if (run.ok)
            absorbed.append(n), ++absorbedIn[FaultInjectionVfs::name(run.role)];
        else
            refused.append(n), ++refusedIn[FaultInjectionVfs::name(run.role)];
        if (run.markedDamaged)
            damaged.append(n);
        if (!run.note.isEmpty())
            notes[run.note].append(n);
        if (!run.ok && messages.size() < 3 && !messages.contains(run.message))
            messages.append(run.message);
        if (!run.problems.isEmpty())
            failing.insert(n);
        for (const QString &p : run.problems) {
            if (!example.contains(p))
                example.insert(p, run.ok ? QStringLiteral("it said it succeeded") : run.message);
            problems[p].append(n);
        }
    }
    const auto byFile = [](const QMap<QString, int> &in) {
        QStringList parts;
        for (auto it = in.cbegin(); it != in.cend(); ++it)
            parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        return parts.join(QStringLiteral(", "));
    };
    qInfo("%s | %s | K=%lld | %lld injection points (%s) | refused with an error: %lld (%s) | "
          "absorbed (success, complete): %lld at N=%s (%s) | not reached: %s | file marked damaged at N=%s | %.1f s",
        qPrintable(operationName(op)), qPrintable(FaultInjectionVfs::name(kind)), k, qint64(points.size()),
        points.size() == k ? "every N" : qPrintable(QStringLiteral("every N to %1, then %2 spread to K")
                                                      .arg(bulk ? 60 : 300)
                                                      .arg(points.size() - (bulk ? 60 : 300))),
        qint64(refused.size()), qPrintable(byFile(refusedIn)), qint64(absorbed.size()), qPrintable(ranges(absorbed)),
        qPrintable(byFile(absorbedIn)), qPrintable(ranges(unreached)), qPrintable(ranges(damaged)),
        double(clock.elapsed()) / 1000.0);
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        qInfo("  %s at N=%s", qPrintable(it.key()), qPrintable(ranges(it.value())));
    for (const QString &m : std::as_const(messages))
        qInfo("  e.g. %s", qPrintable(m.left(300)));
    if (!problems.isEmpty()) {
        QStringList shown;
        for (auto it = problems.cbegin(); it != problems.cend() && shown.size() < 12; ++it)
            shown.append(QStringLiteral("at N=%1: %2\n    (the operation said: %3)")
                             .arg(ranges(it.value()), it.key(), example.value(it.key()).left(300)));
        QFAIL(qPrintable(QStringLiteral("problems at %1 of %2 injection points:\n%3")
                             .arg(failing.size())
                             .arg(points.size())
                             .arg(shown.join(QLatin1Char('\n')))));
    }
}

// One read the disk fails while an import checks the file before writing (every import is a bulk
// write: Database::begin(WriteKind::Bulk) runs quick_check inside its transaction). The window runs
// imports on a worker connection of its own (ImportRunner) while its own Database stays open for
// edits. SQLite's quick_check does not fail on a page it cannot read: it lists it among its
// findings ("Page 34: unable to get the page. error code=266", 266 being SQLITE_IOERR_READ), and
// Database::check() takes every finding for damage: the file is marked damaged for the whole
// process, so the window's connection refuses every edit until the file is opened again, and the
// import says "the database file is damaged" about a disk that failed one read. Database::isDamage()
// counts only SQLITE_CORRUPT and SQLITE_NOTADB as damage; an I/O error is not one.
void TestFaultInjection::readErrorInAnImportsCheckLeavesTheWindowWriting()
{
    const QString path = m_dir.filePath(QStringLiteral("window.db"));
    QVERIFY(QFile::copy(m_sampleBase, path));
    const QString csv = m_dir.filePath(QStringLiteral("one-row.csv"));
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(EventHeader + EventPrefix + "2045-01,loan,1,CNY,,completed,,,\r\n");
    }
    Database window;
    QCOMPARE(window.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    EditSession session(window);

    QString importError;
    qint64 at = 0;
    for (qint64 n = 1; n <= 500 && at == 0; ++n) {
        Database worker;
        QCOMPARE(worker.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
        sqlite3_db_release_memory(worker.handle()); // the check reads the file, not the cache
        FaultInjectionVfs::arm(Fault::ReadIoErr, n);
        const LoadReport report = InterchangeLoader(worker).load(QStringList { csv });
        FaultInjectionVfs::disarm();
        if (FaultInjectionVfs::fired() == 0)
            break; // past the import's last read
        const QString errors = report.errorLines().join(QLatin1Char('\n'));
        if (errors.contains(QLatin1String("unable to get the page"))) {
            at = n;
            importError = errors;
        }
    }
    QVERIFY2(at > 0, "no read of the import's check was made to fail");
    qInfo("read %lld failed in the import's quick_check; it reported: %s", at,
        qPrintable(importError.replace(path, QStringLiteral("FILE"))));
    QVERIFY2(FaultInjectionVfs::usesShim(window.handle()), "the window's connection is not under test");

    // The fault is gone: the window's connection, which met no error at all, edits as before.
    QSqlQuery q(window.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT min(id) FROM disbursements WHERE amount_minor IS NULL")) && q.next());
    const qint64 event = q.value(0).toLongLong();
    q.finish();
    QVERIFY2(session.setDisbursementAmount(event, qint64(5), QStringLiteral("USD")),
        qPrintable(QStringLiteral("the window's Database refuses to write after another connection's read "
                                  "error: %1").arg(session.lastError().replace(path, QStringLiteral("FILE")))));
    // And the import said what happened: a read error, not a damaged file.
    QVERIFY2(!importError.contains(Database::damagedWords()), qPrintable(importError));
}

// RecordStore refuses a parent fund that would make a fund its own ancestor by walking up the
// parents; no constraint in the schema stands behind it. With every read of the refused edit
// failed in turn, the edit must still be refused and no cycle written.
void TestFaultInjection::readErrorNeverLetsAFundCycleIn()
{
    const auto cycles = [](Database &db) {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("WITH RECURSIVE up(start, id, depth) AS (SELECT id, parent_fund_id, 1 FROM funds "
                              "WHERE parent_fund_id IS NOT NULL UNION ALL SELECT up.start, f.parent_fund_id, "
                              "depth + 1 FROM up JOIN funds f ON f.id = up.id WHERE f.parent_fund_id IS NOT NULL "
                              "AND depth < 100) SELECT count(*) FROM up WHERE id = start"));
        return q.next() ? q.value(0).toLongLong() : qint64(-1);
    };
    qint64 k = -1;
    QList<qint64> accepted;
    for (qint64 n = 0; k < 0 || n <= k; ++n) {
        const QString path = m_dir.filePath(QStringLiteral("cycle-%1.db").arg(n));
        QVERIFY(QFile::copy(m_sampleBase, path));
        Database db;
        QCOMPARE(db.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
        EditSession session(db);
        QSqlQuery q(db.connection());
        // A fund with a child: making the child its parent would close a loop.
        QVERIFY(q.exec(QStringLiteral("SELECT parent_fund_id, id FROM funds WHERE parent_fund_id IS NOT NULL "
                                      "ORDER BY id LIMIT 1"))
            && q.next());
        const qint64 parent = q.value(0).toLongLong();
        const qint64 child = q.value(1).toLongLong();
        q.finish();
        sqlite3_db_release_memory(db.handle());
        if (n == 0)
            FaultInjectionVfs::resetCounts();
        else
            FaultInjectionVfs::arm(Fault::ReadIoErr, n);
        const bool ok = session.editRecord(
            RecordKind::Fund, parent, { { QStringLiteral("parent_fund_id"), child } });
        FaultInjectionVfs::disarm();
        if (n == 0) {
            QVERIFY2(!ok, "the loop was not refused");
            k = FaultInjectionVfs::counts().of(Call::Read);
        }
        if (ok || cycles(db) != 0)
            accepted.append(n);
        db.close();
        QFile::remove(path);
    }
    qInfo("a refused parent-fund loop: %lld reads, each failed in turn; accepted at N=%s", k,
        qPrintable(ranges(accepted)));
    QVERIFY2(accepted.isEmpty(), qPrintable(QStringLiteral("a fund became its own ancestor at N=%1").arg(ranges(accepted))));
}

// Database::open() turns on WAL with "PRAGMA journal_mode = WAL". On a file in rollback-journal
// mode (an older Fundscope's, another tool's, or one a bulk import left), that is a write
// transaction of its own, committed when the statement finishes; SQLite answers "wal" in the row
// before that commit and reports a failed commit only at the statement's next step, which open()
// never makes. With the commit's sync or write failed, open() says Ok while the connection runs
// with a rollback journal and synchronous = NORMAL (the setting chosen for WAL; SQLite documents
// it as not safe against power loss with a rollback journal), and readers block on the writer.
// Either outcome is right: open() fails with the error, or the connection is in WAL mode.
void TestFaultInjection::failedSwitchToWalIsReported()
{
    const QString base = m_dir.filePath(QStringLiteral("rollback-base.db"));
    QVERIFY(QFile::copy(m_sampleBase, base));
    {
        Raw raw(base);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
    }
    QStringList wrong;
    qint64 covered = 0;
    for (const Fault fault : { Fault::SyncIoErr, Fault::WriteIoErr }) {
        for (qint64 n = 1; n <= 20; ++n) {
            const QString path = m_dir.filePath(QStringLiteral("rollback-%1-%2.db").arg(int(fault)).arg(n));
            QVERIFY(QFile::copy(base, path));
            FaultInjectionVfs::arm(fault, n);
            Database db;
            const Database::Status status = db.open(path, Database::OpenMode::OpenExisting);
            FaultInjectionVfs::disarm();
            if (FaultInjectionVfs::fired() == 0)
                break;
            ++covered;
            if (status == Database::Status::Ok) {
                // What the connection answers once it has read the file again (before, it only
                // echoes the mode it was asked for).
                QSqlQuery q(db.connection());
                q.exec(QStringLiteral("SELECT count(*) FROM funds"));
                q.finish();
                const QString mode = q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next()
                    ? q.value(0).toString()
                    : q.lastError().text();
                if (mode != QLatin1String("wal"))
                    wrong.append(QStringLiteral("%1 #%2: open() Ok, journal_mode %3")
                                     .arg(FaultInjectionVfs::name(fault))
                                     .arg(n)
                                     .arg(mode));
            }
        }
    }
    qInfo("%lld faults while opening a rollback-journal file; open() said Ok without WAL at: %s", covered,
        qPrintable(wrong.isEmpty() ? QStringLiteral("none") : wrong.join(QStringLiteral(", "))));
    QVERIFY(covered > 0);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
