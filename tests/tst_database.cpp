// Tests for Database, the gateway to a Fundscope SQLite file: creation, vocabularies, the
// migration path, the schema's constraints, and every bad file issue 2 lists for opening.

#include "Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <memory>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Status = Database::Status;
using OpenMode = Database::OpenMode;

// A plain SQLite connection beside the gateway: builds old, foreign and damaged files, and reads
// files back without migrating or otherwise touching them through Database.
class RawDb
{
public:
    explicit RawDb(const QString &path)
    {
        m_rc = sqlite3_open_v2(
            QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        if (m_rc == SQLITE_OK)
            sqlite3_busy_timeout(m_db, 5000);
        else
            m_error = QString::fromUtf8(sqlite3_errstr(m_rc));
    }
    ~RawDb() { sqlite3_close_v2(m_db); }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    bool isOpen() const { return m_rc == SQLITE_OK; }
    QString error() const { return m_error; }

    bool exec(const QString &sql)
    {
        char *message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
        m_error = rc == SQLITE_OK ? QString() : QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        return rc == SQLITE_OK;
    }

    /// Every row of `sql`, columns joined by '|', NULL shown as <null>.
    QStringList rows(const QString &sql)
    {
        QStringList out;
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            return { QStringLiteral("<error: %1>").arg(m_error) };
        }
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            QStringList columns;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
                columns << (text ? QString::fromUtf8(text) : QStringLiteral("<null>"));
            }
            out << columns.join(QLatin1Char('|'));
        }
        if (rc != SQLITE_DONE)
            out << QStringLiteral("<error: %1>").arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_finalize(stmt);
        return out;
    }

    QString value(const QString &sql) { return rows(sql).value(0); }

    /// The whole logical content: header fields, schema, and every table's rows (sorted).
    QString dump()
    {
        QStringList out;
        out << QStringLiteral("user_version=") + value(QStringLiteral("PRAGMA user_version"))
            << QStringLiteral("application_id=") + value(QStringLiteral("PRAGMA application_id"));
        out += rows(
            QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
        const QStringList tables = rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        for (const QString &table : tables) {
            // Each database draws its own random token (schema step 4): compare its shape only.
            const QString select = table == QLatin1String("data_revision")
                    ? QStringLiteral("SELECT id, revision, length(token), token GLOB '*[^0-9a-f]*' FROM data_revision")
                    : QStringLiteral("SELECT * FROM \"%1\"").arg(table);
            QStringList content = rows(select);
            content.sort();
            out << QStringLiteral("== ") + table;
            out += content;
        }
        return out.join(QLatin1Char('\n'));
    }

private:
    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_ERROR;
    QString m_error;
};

QByteArray checksum(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<missing>");
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

bool hasSidecars(const QString &path)
{
    for (const char *suffix : { "-wal", "-shm", "-journal" }) {
        if (QFileInfo::exists(path + QLatin1String(suffix)))
            return true;
    }
    return false;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// The migration scripts the build embeds, in step order.
QStringList migrationResources()
{
    const QDir dir(QStringLiteral(":/fundscope/db/sql"));
    QStringList paths;
    for (const QString &name : dir.entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

// Builds the file an older Fundscope would have left: migration steps 1..version and its stamp.
bool buildAtVersion(const QString &path, int version, QString *error)
{
    RawDb raw(path);
    if (!raw.isOpen()) {
        *error = raw.error();
        return false;
    }
    const QStringList scripts = migrationResources();
    for (int step = 1; step <= version; ++step) {
        QFile file(scripts.value(step - 1));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read migration step %1").arg(step);
            return false;
        }
        if (!raw.exec(QString::fromUtf8(file.readAll()))) {
            *error = raw.error();
            return false;
        }
    }
    if (!raw.exec(QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2;")
                      .arg(Database::ApplicationId)
                      .arg(version))) {
        *error = raw.error();
        return false;
    }
    return true;
}

struct OpenOutcome
{
    bool switchedUser = false; ///< false: running as root and no unprivileged identity was available
    Status status = Status::Failed;
    QString message;
};

// Opens `path` through the gateway as a user whom file permissions bind. Root writes through
// chmod, and CI runs as root, so then the open runs in a forked child that has become "nobody";
// as any other user it runs here.
OpenOutcome openAsUnprivileged(const QString &path, OpenMode mode)
{
    OpenOutcome outcome;
    if (geteuid() != 0) {
        Database db;
        outcome.switchedUser = true;
        outcome.status = db.open(path, mode, 200);
        outcome.message = db.errorString();
        return outcome;
    }
    int fds[2];
    if (pipe(fds) != 0) {
        outcome.message = QString::fromUtf8(std::strerror(errno));
        return outcome;
    }
    const pid_t pid = fork();
    if (pid == 0) {
        ::close(fds[0]);
        QByteArray report;
        constexpr uid_t nobody = 65534;
        constexpr gid_t nogroup = 65534;
        if (setgroups(0, nullptr) != 0 || setgid(nogroup) != 0 || setuid(nobody) != 0 || geteuid() == 0) {
            report = QByteArrayLiteral("drop:") + std::strerror(errno);
        } else {
            Database db;
            const Status status = db.open(path, mode, 200);
            report = QByteArray::number(int(status)) + ':' + db.errorString().toUtf8();
        }
        qint64 written = 0;
        while (written < report.size()) {
            const ssize_t n = ::write(fds[1], report.constData() + written, size_t(report.size() - written));
            if (n <= 0)
                break;
            written += n;
        }
        _exit(0);
    }
    ::close(fds[1]);
    if (pid < 0) {
        ::close(fds[0]);
        outcome.message = QString::fromUtf8(std::strerror(errno));
        return outcome;
    }
    QByteArray report;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
        report.append(buffer, n);
    ::close(fds[0]);
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    const qsizetype colon = report.indexOf(':');
    const QByteArray head = report.left(colon);
    outcome.message = QString::fromUtf8(report.mid(colon + 1));
    if (head == "drop" || colon < 0)
        return outcome;
    outcome.switchedUser = true;
    outcome.status = Status(head.toInt());
    return outcome;
}

const char *statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return "Ok";
    case Status::NotFound:
        return "NotFound";
    case Status::AlreadyExists:
        return "AlreadyExists";
    case Status::NotDatabase:
        return "NotDatabase";
    case Status::Corrupt:
        return "Corrupt";
    case Status::TooNew:
        return "TooNew";
    case Status::ReadOnly:
        return "ReadOnly";
    case Status::Locked:
        return "Locked";
    case Status::Failed:
        return "Failed";
    }
    return "?";
}

} // namespace

// Found by QCOMPARE through argument-dependent lookup, so failures print the status by name.
char *toString(Database::Status status)
{
    return qstrdup(statusName(status));
}

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsNewDatabase();
    void createsEveryTable();
    void shipsChineseProvinces();
    void shipsCountries();
    void shipsSectorsAndSegments();
    void shipsCurrencies();
    void reopensWithoutRerunningMigrations();
    void migrationScriptsMatchSchemaVersion();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void migrationKeepsExistingRows();
    void migrationToVersion3PutsStatusInIndexes();
    void failedMigrationStepChangesNothing_data();
    void failedMigrationStepChangesNothing();
    void constraints_data();
    void constraints();
    void yearFollowsValueDate();
    void transactionRollsBackUnlessCommitted();
    void bulkWriteCheckLeavesTempStoreChangeable();
    void scriptErrorsNameTheFile();

    void refusesFileThatIsNotSqlite_data();
    void refusesFileThatIsNotSqlite();
    void refusesTruncatedDatabase_data();
    void refusesTruncatedDatabase();
    void opensHeaderAheadOfFileWhileWalPending();
    void reportsCorruptedDatabase_data();
    void reportsCorruptedDatabase();
    void largeDamagedFileIsCheckedBeforeTheFirstWrite();
    void damageFoundByOneConnectionStopsEveryWrite();
    void skippedOpenCheckIsForTheNextOpenOnly();
    void overwritesDatabase_data();
    void overwritesDatabase();
    void refusesReadOnlyFile();
    void refusesReadOnlyFolder_data();
    void refusesReadOnlyFolder();
    void refusesNewerSchemaUnchanged_data();
    void refusesNewerSchemaUnchanged();
    void refusesForeignSqliteDatabase_data();
    void refusesForeignSqliteDatabase();
    void storedVersionOfWhatIsNoDatabase();
    void reportsDatabaseLockedForWrites();
    void reportsDatabaseLockedForReads();
    void createNewRefusesExistingFile_data();
    void createNewRefusesExistingFile();
    void openExistingRefusesMissingFile();
    void refusesFolderAsFile();
    void refusesMissingFolder();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    // A Fundscope database with `funds` rows whose notes make it span many pages, compacted.
    void makePopulatedDatabase(const QString &file, int funds);
    void verifyOpenRefused(const QString &file, OpenMode mode, Status expected, const QString &wording);
    void damageMiddlePages(const QString &file);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatabase::init()
{
    // The gateway reports through its status and message; any Qt warning (a dangling query, a
    // connection still in use) is a defect here.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
}

void TestDatabase::cleanup()
{
    if (m_dir) {
        QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_dir.reset();
    }
}

void TestDatabase::makePopulatedDatabase(const QString &file, int funds)
{
    {
        Database db;
        QCOMPARE(db.open(file, OpenMode::CreateNew), Status::Ok);
        Transaction transaction(db);
        QVERIFY(transaction.isActive());
        QSqlQuery q(db.connection());
        QVERIFY(q.prepare(QStringLiteral(
            "INSERT INTO funds(name, kind, level, notes) VALUES (?, 'fund', 'provincial', ?)")));
        for (int i = 0; i < funds; ++i) {
            q.addBindValue(QStringLiteral("Fund %1").arg(i, 5, 10, QLatin1Char('0')));
            q.addBindValue(QString(600, QLatin1Char(char('a' + i % 26))));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        q.finish();
        QVERIFY(transaction.commit());
    }
    RawDb raw(file);
    QVERIFY(raw.exec(QStringLiteral("VACUUM")));
}

void TestDatabase::verifyOpenRefused(
    const QString &file, OpenMode mode, Status expected, const QString &wording)
{
    const QByteArray before = checksum(file);
    Database db;
    QCOMPARE(db.open(file, mode, 200), expected);
    QVERIFY(!db.isOpen());
    QVERIFY2(db.errorString().contains(file), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(wording, Qt::CaseInsensitive), qPrintable(db.errorString()));
    QCOMPARE(checksum(file), before);
    QVERIFY(!hasSidecars(file));
}

// --- a new database ---------------------------------------------------------------------------

void TestDatabase::createsNewDatabase()
{
    const QString file = path(QStringLiteral("new.db"));
    Database db;
    QCOMPARE(db.open(file, OpenMode::CreateNew, 1234), Status::Ok);
    QVERIFY(db.isOpen());
    QVERIFY(db.errorString().isEmpty());
    QCOMPARE(db.path(), file);
    QVERIFY(db.handle() != nullptr);
    QVERIFY(QFileInfo::exists(file));

    {
        QSqlQuery q(db.connection());
        auto pragma = [&q](const char *name) {
            const bool ok = q.exec(QStringLiteral("PRAGMA ") + QLatin1String(name)) && q.next();
            return ok ? q.value(0) : QVariant();
        };
        QCOMPARE(pragma("user_version").toInt(), Database::schemaVersion());
        QCOMPARE(pragma("application_id").toInt(), Database::ApplicationId);
        QCOMPARE(pragma("journal_mode").toString(), QStringLiteral("wal"));
        QCOMPARE(pragma("foreign_keys").toInt(), 1);
        QCOMPARE(pragma("busy_timeout").toInt(), 1234);
        QCOMPARE(pragma("synchronous").toInt(), 1); // NORMAL
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!q.next());
    }

    db.close();
    QVERIFY(!db.isOpen());
    QVERIFY(db.handle() == nullptr);
    QCOMPARE(RawDb(file).value(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
}

void TestDatabase::createsEveryTable()
{
    const QString file = path(QStringLiteral("tables.db"));
    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenOrCreate), Status::Ok);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
    QSet<QString> tables;
    while (q.next())
        tables.insert(q.value(0).toString());
    for (const char *table : { "currencies", "regions", "sectors", "segments", "funds", "phases", "investees",
             "disbursements", "exchange_rates", "history" })
        QVERIFY2(tables.contains(QLatin1String(table)), table);
}

void TestDatabase::shipsChineseProvinces()
{
    // China's 34 province-level divisions: 23 provinces, 5 autonomous regions, 4 municipalities
    // and 2 special administrative regions, listed here independently of 002_vocabulary.sql.
    const QMap<QString, QString> expected = {
        { QStringLiteral("Beijing"), QStringLiteral("北京") },
        { QStringLiteral("Tianjin"), QStringLiteral("天津") },
        { QStringLiteral("Shanghai"), QStringLiteral("上海") },
        { QStringLiteral("Chongqing"), QStringLiteral("重庆") },
        { QStringLiteral("Hebei"), QStringLiteral("河北") },
        { QStringLiteral("Shanxi"), QStringLiteral("山西") },
        { QStringLiteral("Liaoning"), QStringLiteral("辽宁") },
        { QStringLiteral("Jilin"), QStringLiteral("吉林") },
        { QStringLiteral("Heilongjiang"), QStringLiteral("黑龙江") },
        { QStringLiteral("Jiangsu"), QStringLiteral("江苏") },
        { QStringLiteral("Zhejiang"), QStringLiteral("浙江") },
        { QStringLiteral("Anhui"), QStringLiteral("安徽") },
        { QStringLiteral("Fujian"), QStringLiteral("福建") },
        { QStringLiteral("Jiangxi"), QStringLiteral("江西") },
        { QStringLiteral("Shandong"), QStringLiteral("山东") },
        { QStringLiteral("Henan"), QStringLiteral("河南") },
        { QStringLiteral("Hubei"), QStringLiteral("湖北") },
        { QStringLiteral("Hunan"), QStringLiteral("湖南") },
        { QStringLiteral("Guangdong"), QStringLiteral("广东") },
        { QStringLiteral("Hainan"), QStringLiteral("海南") },
        { QStringLiteral("Sichuan"), QStringLiteral("四川") },
        { QStringLiteral("Guizhou"), QStringLiteral("贵州") },
        { QStringLiteral("Yunnan"), QStringLiteral("云南") },
        { QStringLiteral("Shaanxi"), QStringLiteral("陕西") },
        { QStringLiteral("Gansu"), QStringLiteral("甘肃") },
        { QStringLiteral("Qinghai"), QStringLiteral("青海") },
        { QStringLiteral("Taiwan"), QStringLiteral("台湾") },
        { QStringLiteral("Inner Mongolia"), QStringLiteral("内蒙古") },
        { QStringLiteral("Guangxi"), QStringLiteral("广西") },
        { QStringLiteral("Tibet"), QStringLiteral("西藏") },
        { QStringLiteral("Ningxia"), QStringLiteral("宁夏") },
        { QStringLiteral("Xinjiang"), QStringLiteral("新疆") },
        { QStringLiteral("Hong Kong"), QStringLiteral("香港") },
        { QStringLiteral("Macau"), QStringLiteral("澳门") },
    };
    QCOMPARE(expected.size(), 34);

    Database db;
    QCOMPARE(db.open(path(QStringLiteral("provinces.db"))), Status::Ok);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(
        QStringLiteral("SELECT p.name, p.name_zh, c.code FROM regions p JOIN regions c ON c.id = p.parent_id "
                       "WHERE p.kind = 'province'")));
    QMap<QString, QString> actual;
    while (q.next()) {
        QCOMPARE(q.value(2).toString(), QStringLiteral("CN"));
        actual.insert(q.value(0).toString(), q.value(1).toString());
    }
    QCOMPARE(actual, expected);

    // Cities hang under the right province.
    QVERIFY(q.exec(QStringLiteral("SELECT p.name FROM regions c JOIN regions p ON p.id = c.parent_id "
                                  "WHERE c.kind = 'city' AND c.name = 'Shenzhen'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Guangdong"));
}

void TestDatabase::shipsCountries()
{
    Database db;
    QCOMPARE(db.open(path(QStringLiteral("countries.db"))), Status::Ok);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT code, name, name_zh FROM regions WHERE kind = 'country'")));
    QMap<QString, QString> zhByCode;
    static const QRegularExpression isoCode(QStringLiteral("^[A-Z]{2}$"));
    while (q.next()) {
        const QString code = q.value(0).toString();
        QVERIFY2(isoCode.match(code).hasMatch(), qPrintable(code));
        QVERIFY2(!zhByCode.contains(code), qPrintable(code));
        QVERIFY2(!q.value(2).toString().isEmpty(), qPrintable(q.value(1).toString()));
        zhByCode.insert(code, q.value(2).toString());
    }
    QVERIFY2(zhByCode.size() >= 50, qPrintable(QString::number(zhByCode.size())));
    QCOMPARE(zhByCode.value(QStringLiteral("CN")), QStringLiteral("中国"));
    QCOMPARE(zhByCode.value(QStringLiteral("US")), QStringLiteral("美国"));
    QCOMPARE(zhByCode.value(QStringLiteral("JP")), QStringLiteral("日本"));
    QCOMPARE(zhByCode.value(QStringLiteral("KR")), QStringLiteral("韩国"));
    QCOMPARE(zhByCode.value(QStringLiteral("DE")), QStringLiteral("德国"));
    QCOMPARE(zhByCode.value(QStringLiteral("NL")), QStringLiteral("荷兰"));
}

void TestDatabase::shipsSectorsAndSegments()
{
    // The sectors and segments the interchange format names (resources/sample/README.md).
    const QMap<QString, QStringList> expected = {
        { QStringLiteral("Semiconductors"),
            { QStringLiteral("design"), QStringLiteral("foundry"), QStringLiteral("memory"),
                QStringLiteral("equipment"), QStringLiteral("materials"), QStringLiteral("packaging & test"),
                QStringLiteral("EDA"), QStringLiteral("power semiconductors"),
                QStringLiteral("compound semiconductors"), QStringLiteral("AI chips") } },
        { QStringLiteral("Artificial intelligence"),
            { QStringLiteral("computer vision"), QStringLiteral("large language models"),
                QStringLiteral("speech & language") } },
        { QStringLiteral("Quantum"),
            { QStringLiteral("quantum computing"), QStringLiteral("quantum communication") } },
        { QStringLiteral("Biotechnology"),
            { QStringLiteral("biopharmaceuticals"), QStringLiteral("pharmaceuticals"),
                QStringLiteral("medical devices") } },
        { QStringLiteral("New energy vehicles & batteries"),
            { QStringLiteral("electric vehicles"), QStringLiteral("batteries") } },
    };
    Database db;
    QCOMPARE(db.open(path(QStringLiteral("sectors.db"))), Status::Ok);
    QSqlQuery q(db.connection());
    QVERIFY(q.prepare(
        QStringLiteral("SELECT s.name_zh, g.name_zh FROM segments g JOIN sectors s ON s.id = g.sector_id "
                       "WHERE s.name = ? AND g.name = ?")));
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        for (const QString &segment : it.value()) {
            q.addBindValue(it.key());
            q.addBindValue(segment);
            QVERIFY(q.exec());
            QVERIFY2(q.next(), qPrintable(it.key() + QStringLiteral(" / ") + segment));
            QVERIFY(!q.value(0).toString().isEmpty());
            QVERIFY(!q.value(1).toString().isEmpty());
        }
    }
    q.finish();
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sectors WHERE name_zh IS NULL OR name_zh = ''")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestDatabase::shipsCurrencies()
{
    Database db;
    QCOMPARE(db.open(path(QStringLiteral("currencies.db"))), Status::Ok);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT code, minor_digits FROM currencies")));
    QMap<QString, int> digits;
    while (q.next())
        digits.insert(q.value(0).toString(), q.value(1).toInt());
    for (const char *code : { "CNY", "USD", "HKD", "EUR" })
        QCOMPARE(digits.value(QLatin1String(code), -1), 2);
    QCOMPARE(digits.value(QStringLiteral("JPY"), -1), 0);
    QCOMPARE(digits.value(QStringLiteral("KRW"), -1), 0);
}

void TestDatabase::reopensWithoutRerunningMigrations()
{
    const QString file = path(QStringLiteral("reopen.db"));
    QString before;
    {
        Database db;
        QCOMPARE(db.open(file, OpenMode::CreateNew), Status::Ok);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO funds(name, name_zh, kind, level) VALUES ('Big Fund', "
                                      "'大基金', 'fund', 'national')")));
    }
    before = RawDb(file).dump();
    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenExisting), Status::Ok);
    db.close();
    QCOMPARE(RawDb(file).dump(), before);
    QVERIFY(before.contains(QStringLiteral("Big Fund|大基金")));
}

// --- migrations -------------------------------------------------------------------------------

void TestDatabase::migrationScriptsMatchSchemaVersion()
{
    // Every embedded script is a step, and every step has its script.
    const QStringList scripts = migrationResources();
    QCOMPARE(scripts.size(), Database::schemaVersion());
    for (int i = 0; i < scripts.size(); ++i)
        QVERIFY2(QFileInfo(scripts.at(i))
                     .fileName()
                     .startsWith(QStringLiteral("%1_").arg(i + 1, 3, 10, QLatin1Char('0'))),
            qPrintable(scripts.at(i)));
}

void TestDatabase::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < Database::schemaVersion(); ++version)
        QTest::addRow("from version %d", version) << version;
}

void TestDatabase::migratesFromEveryEarlierVersion()
{
    QFETCH(int, version);
    const QString file = path(QStringLiteral("old.db"));
    QString error;
    QVERIFY2(buildAtVersion(file, version, &error), qPrintable(error));
    QCOMPARE(RawDb(file).value(QStringLiteral("PRAGMA user_version")).toInt(), version);
    // Read from the header without opening (the window's upgrade notice asks it first).
    QCOMPARE(Database::storedVersion(file), version);

    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenExisting), Status::Ok);
    db.close();
    QCOMPARE(Database::storedVersion(file), Database::schemaVersion());

    RawDb raw(file);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), Database::schemaVersion());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA application_id")).toInt(), Database::ApplicationId);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QVERIFY(raw.rows(QStringLiteral("PRAGMA foreign_key_check")).isEmpty());
    // The upgraded file has what a new one has.
    const QString fresh = path(QStringLiteral("fresh.db"));
    {
        Database other;
        QCOMPARE(other.open(fresh, OpenMode::CreateNew), Status::Ok);
    }
    QCOMPARE(raw.dump(), RawDb(fresh).dump());
}

void TestDatabase::migrationKeepsExistingRows()
{
    // A version-1 file (schema, no vocabularies) holding a user's rows, as an early build left it.
    const QString file = path(QStringLiteral("v1.db"));
    QString error;
    QVERIFY2(buildAtVersion(file, 1, &error), qPrintable(error));
    {
        RawDb raw(file);
        QVERIFY2(raw.exec(QStringLiteral(
                     "PRAGMA foreign_keys = ON;"
                     "INSERT INTO sectors(id, name, name_zh) VALUES (1, 'Robotics', '机器人');"
                     "INSERT INTO segments(id, sector_id, name) VALUES (1, 1, 'industrial arms');"
                     "INSERT INTO funds(id, name, name_zh, kind, level) VALUES (1, 'Legacy Fund', '老基金', "
                     "'fund', 'national');"
                     "INSERT INTO phases(id, fund_id, label, start_date) VALUES (1, 1, 'Phase I', '2014-09');"
                     "INSERT INTO investees(id, name, kind, sector_id, segment_id, founded) "
                     "  VALUES (1, 'Legacy Co', 'company', 1, 1, '2001');"
                     "INSERT INTO disbursements(id, phase_id, investee_id, value_date, type, status) "
                     "  VALUES (1, 1, 1, '2015-03-02', 'equity purchase', 'completed');"
                     "INSERT INTO history(user, action, table_name, row_id) VALUES ('tester', 'insert', "
                     "'funds', 1);")),
            qPrintable(raw.error()));
    }
    const QString legacyRows
        = QStringLiteral("SELECT 'F', id, name, name_zh FROM funds UNION ALL "
                         "SELECT 'P', id, label, start_date FROM phases UNION ALL "
                         "SELECT 'I', id, name, sector_id || '/' || segment_id FROM investees UNION ALL "
                         "SELECT 'D', id, value_date, type || '/' || ifnull(amount_minor, 'undisclosed') "
                         "  FROM disbursements UNION ALL "
                         "SELECT 'S', id, name, name_zh FROM sectors WHERE name = 'Robotics' UNION ALL "
                         "SELECT 'H', id, user, table_name FROM history ORDER BY 1, 2");
    const QStringList before = RawDb(file).rows(legacyRows);
    QCOMPARE(before.size(), 6);

    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenExisting), Status::Ok);
    db.close();

    RawDb raw(file);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), Database::schemaVersion());
    QCOMPARE(raw.rows(legacyRows), before);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM regions WHERE kind = 'province'")).toInt(), 34);
    QCOMPARE(
        raw.value(QStringLiteral("SELECT count(*) FROM sectors WHERE name = 'Semiconductors'")).toInt(), 1);
    QVERIFY(raw.rows(QStringLiteral("PRAGMA foreign_key_check")).isEmpty());
}

void TestDatabase::migrationToVersion3PutsStatusInIndexes()
{
    // A version-2 file with events: step 3 rebuilds the phase and investee indexes with the id
    // and the status after the date (a sector's count then reads no table row), keeps every row,
    // and the indexes answer the same as a scan of the table.
    const QString file = path(QStringLiteral("v2.db"));
    QString error;
    QVERIFY2(buildAtVersion(file, 2, &error), qPrintable(error));
    {
        RawDb raw(file);
        QVERIFY2(raw.exec(QStringLiteral(
                     "PRAGMA foreign_keys = ON;"
                     "INSERT INTO funds(id, name, kind, level) VALUES (1, 'Old Fund', 'fund', 'national');"
                     "INSERT INTO phases(id, fund_id, label) VALUES (1, 1, 'I'), (2, 1, 'II');"
                     "INSERT INTO investees(id, name, kind, sector_id) VALUES (1, 'A Co', 'company', 1),"
                     "  (2, 'B Co', 'company', 2);"
                     "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 300)"
                     " INSERT INTO disbursements(id, phase_id, investee_id, value_date, type, status)"
                     " SELECT k, 1 + k % 2, 1 + k % 3 / 2, printf('%d-%02d', 2010 + k % 7, 1 + k % 12),"
                     "  'equity purchase',"
                     "  CASE k % 4 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'announced' WHEN 2 THEN 'committed'"
                     "  ELSE 'completed' END FROM n;")),
            qPrintable(raw.error()));
        QCOMPARE(raw.rows(QStringLiteral("SELECT name FROM pragma_index_info('disbursements_by_phase')")),
            QStringList({ QStringLiteral("phase_id"), QStringLiteral("value_date") }));
    }
    const QString rowsSql = QStringLiteral("SELECT * FROM disbursements NOT INDEXED ORDER BY id");
    const QStringList before = RawDb(file).rows(rowsSql);
    QCOMPARE(before.size(), 300);

    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenExisting), Status::Ok);
    db.close();

    RawDb raw(file);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), Database::schemaVersion());
    QCOMPARE(raw.rows(rowsSql), before);
    const QStringList phaseColumns = { QStringLiteral("phase_id"), QStringLiteral("value_date"),
        QStringLiteral("id"), QStringLiteral("status") };
    const QStringList investeeColumns = { QStringLiteral("investee_id"), QStringLiteral("value_date"),
        QStringLiteral("id"), QStringLiteral("status") };
    const QString columnsSql = QStringLiteral("SELECT name FROM pragma_index_info('%1') ORDER BY seqno");
    QCOMPARE(raw.rows(columnsSql.arg(QStringLiteral("disbursements_by_phase"))), phaseColumns);
    QCOMPARE(raw.rows(columnsSql.arg(QStringLiteral("disbursements_by_investee"))), investeeColumns);
    // The other seven disbursement indexes are still there, the status index among them.
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                      "AND tbl_name = 'disbursements' AND sql IS NOT NULL")),
        QStringLiteral("9"));
    QCOMPARE(raw.rows(columnsSql.arg(QStringLiteral("disbursements_by_status"))),
        QStringList { QStringLiteral("status") });
    QCOMPARE(raw.value(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    // The rebuilt indexes hold every row: counts through them equal counts over the table.
    for (const QString &column : { QStringLiteral("phase_id"), QStringLiteral("investee_id") }) {
        const QString index = column == QLatin1String("phase_id")
            ? QStringLiteral("disbursements_by_phase")
            : QStringLiteral("disbursements_by_investee");
        const QString count = QStringLiteral("SELECT %1, count(*) FROM disbursements %2 WHERE %1 IN (1, 2)"
                                             " AND status IN ('announced', 'committed', 'completed')"
                                             " GROUP BY %1 ORDER BY %1");
        const QStringList byIndex = raw.rows(count.arg(column, QStringLiteral("INDEXED BY ") + index));
        QCOMPARE(byIndex, raw.rows(count.arg(column, QStringLiteral("NOT INDEXED"))));
        QCOMPARE(byIndex.size(), 2);
    }
}

void TestDatabase::failedMigrationStepChangesNothing_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("userSql");
    QTest::addColumn<int>("failingStep");
    // Step 1 creates the tables: a table already there makes it fail after some CREATEs ran.
    QTest::addRow("step 1, table exists")
        << 0 << QStringLiteral("CREATE TABLE history(note TEXT); INSERT INTO history VALUES ('mine');") << 1;
    // Step 2 loads the vocabularies: a row already there makes it fail at its first insert...
    QTest::addRow("step 2, currency CNY exists")
        << 1 << QStringLiteral("INSERT INTO currencies(code, name) VALUES ('CNY', 'Renminbi');") << 2;
    // ...or near its end, after hundreds of its inserts succeeded.
    QTest::addRow("step 2, last sector exists")
        << 1 << QStringLiteral("INSERT INTO sectors(name) VALUES ('New energy vehicles & batteries');") << 2;
    // Step 3 rebuilds two indexes: a table squatting on the second name fails it after the first
    // was already rebuilt.
    QTest::addRow("step 3, table named like an index")
        << 2
        << QStringLiteral("DROP INDEX disbursements_by_investee;"
                          "CREATE TABLE disbursements_by_investee(note TEXT);")
        << 3;
}

void TestDatabase::failedMigrationStepChangesNothing()
{
    QFETCH(int, version);
    QFETCH(QString, userSql);
    QFETCH(int, failingStep);
    const QString file = path(QStringLiteral("conflict.db"));
    QString error;
    QVERIFY2(buildAtVersion(file, version, &error), qPrintable(error));
    {
        RawDb raw(file);
        QVERIFY2(raw.exec(userSql), qPrintable(raw.error()));
    }
    const QString before = RawDb(file).dump();
    QVERIFY(before.startsWith(QStringLiteral("user_version=%1\n").arg(version)));

    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenExisting), Status::Failed);
    QVERIFY(!db.isOpen());
    QVERIFY2(db.errorString().contains(file), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(QStringLiteral("schema version %1").arg(failingStep)),
        qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(QStringLiteral("already exists"))
            || db.errorString().contains(QStringLiteral("there is already a table"))
            || db.errorString().contains(QStringLiteral("UNIQUE constraint failed")),
        qPrintable(db.errorString()));
    QCOMPARE(RawDb(file).dump(), before);

    // Refused the same way the next time: nothing half-done was left to trip over.
    QCOMPARE(db.open(file, OpenMode::OpenExisting), Status::Failed);
    QCOMPARE(RawDb(file).dump(), before);
}

// --- constraints ------------------------------------------------------------------------------

void TestDatabase::constraints_data()
{
    // Each statement runs on a new database holding the vocabularies and these fixtures:
    // funds 1 and 2 (2 is 1's sub-fund), phase 1 of fund 1 (capital CNY), investee 1 (a
    // semiconductor design company), disbursement 1 (phase 1 to investee 1, CNY), a USD rate.
    // `violation` names the constraint that must refuse it; empty means it must succeed.
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("violation");
    const QString ok;
    const QString check = QStringLiteral("CHECK");
    const QString fk = QStringLiteral("FOREIGN KEY");
    const QString unique = QStringLiteral("UNIQUE");
    const QString notNull = QStringLiteral("NOT NULL");
    auto row = [](const char *name, const QString &sql, const QString &violation) {
        QTest::newRow(name) << sql << violation;
    };

    const QString currency = QStringLiteral("INSERT INTO currencies(code, name, minor_digits) VALUES (%1)");
    row("currency: good", currency.arg(QStringLiteral("'XAU', 'Gold', 2")), ok);
    row("currency: lowercase code", currency.arg(QStringLiteral("'xau', 'Gold', 2")), check);
    row("currency: 4-letter code", currency.arg(QStringLiteral("'GOLD', 'Gold', 2")), check);
    row("currency: 5 minor digits", currency.arg(QStringLiteral("'XAU', 'Gold', 5")), check);
    row("currency: negative minor digits", currency.arg(QStringLiteral("'XAU', 'Gold', -1")), check);
    row("currency: no name", currency.arg(QStringLiteral("'XAU', NULL, 2")), notNull);
    row("currency: duplicate CNY", currency.arg(QStringLiteral("'CNY', 'Yuan', 2")), unique);

    const QString province
        = QStringLiteral("(SELECT id FROM regions WHERE kind = 'province' AND name = 'Guangdong')");
    const QString china = QStringLiteral("(SELECT id FROM regions WHERE kind = 'country' AND code = 'CN')");
    const QString region = QStringLiteral("INSERT INTO regions(kind, parent_id, name, name_zh) VALUES (%1)");
    row("region: good city", region.arg(QStringLiteral("'city', %1, 'Huizhou', '惠州'").arg(province)), ok);
    row("region: bad kind", region.arg(QStringLiteral("'county', %1, 'Boluo', NULL").arg(province)), check);
    row("region: country with parent",
        region.arg(QStringLiteral("'country', %1, 'Atlantis', NULL").arg(china)), check);
    row("region: province without parent", region.arg(QStringLiteral("'province', NULL, 'Atlantis', NULL")),
        check);
    row("region: blank name", region.arg(QStringLiteral("'city', %1, '  ', NULL").arg(province)), check);
    row("region: orphan parent", region.arg(QStringLiteral("'city', 999999, 'Nowhere', NULL")), fk);
    row("region: duplicate province",
        region.arg(QStringLiteral("'province', %1, 'Guangdong', NULL").arg(china)), unique);

    row("sector: good", QStringLiteral("INSERT INTO sectors(name, name_zh) VALUES ('Robotics', '机器人')"),
        ok);
    row("sector: duplicate", QStringLiteral("INSERT INTO sectors(name) VALUES ('Semiconductors')"), unique);
    row("sector: blank name", QStringLiteral("INSERT INTO sectors(name) VALUES ('')"), check);

    const QString semis = QStringLiteral("(SELECT id FROM sectors WHERE name = 'Semiconductors')");
    const QString segment = QStringLiteral("INSERT INTO segments(sector_id, name) VALUES (%1)");
    row("segment: good", segment.arg(QStringLiteral("%1, 'photonics'").arg(semis)), ok);
    row("segment: without sector", segment.arg(QStringLiteral("NULL, 'photonics'")), notNull);
    row("segment: orphan sector", segment.arg(QStringLiteral("999999, 'photonics'")), fk);
    row("segment: duplicate in sector", segment.arg(QStringLiteral("%1, 'foundry'").arg(semis)), unique);
    row("segment: blank name", segment.arg(QStringLiteral("%1, ' '").arg(semis)), check);

    const QString fund
        = QStringLiteral("INSERT INTO funds(id, name, kind, level, parent_fund_id, province_id) VALUES (%1)");
    row("fund: good sub-fund",
        fund.arg(QStringLiteral("10, 'Guangdong IC Fund', 'fund', 'provincial', 1, %1").arg(province)), ok);
    row("fund: duplicate name",
        fund.arg(QStringLiteral("10, 'Fixture Fund', 'fund', 'national', NULL, NULL")), unique);
    row("fund: blank name", fund.arg(QStringLiteral("10, '', 'fund', 'national', NULL, NULL")), check);
    row("fund: no name", fund.arg(QStringLiteral("10, NULL, 'fund', 'national', NULL, NULL")), notNull);
    row("fund: bad kind", fund.arg(QStringLiteral("10, 'X', 'trust', 'national', NULL, NULL")), check);
    row("fund: bad level", fund.arg(QStringLiteral("10, 'X', 'fund', 'global', NULL, NULL")), check);
    row("fund: own parent", fund.arg(QStringLiteral("10, 'X', 'fund', 'national', 10, NULL")), check);
    row("fund: orphan parent", fund.arg(QStringLiteral("10, 'X', 'fund', 'national', 999, NULL")), fk);
    row("fund: orphan province", fund.arg(QStringLiteral("10, 'X', 'fund', 'provincial', NULL, 999999")), fk);
    row("fund: orphan country",
        QStringLiteral(
            "INSERT INTO funds(name, kind, level, country_id) VALUES ('X', 'fund', 'national', 999999)"),
        fk);
    row("fund: orphan city",
        QStringLiteral(
            "INSERT INTO funds(name, kind, level, city_id) VALUES ('X', 'fund', 'municipal', 999999)"),
        fk);

    const QString phase = QStringLiteral(
        "INSERT INTO phases(fund_id, label, start_date, capital_minor, currency) VALUES (%1)");
    row("phase: good", phase.arg(QStringLiteral("1, 'Phase II', '2019-10-22', 20415000000000, 'CNY'")), ok);
    row("phase: good, undisclosed capital", phase.arg(QStringLiteral("1, 'Phase II', '2019', NULL, NULL")),
        ok);
    row("phase: good, leap day", phase.arg(QStringLiteral("1, 'Phase II', '2024-02-29', NULL, NULL")), ok);
    row("phase: capital without currency", phase.arg(QStringLiteral("1, 'Phase II', NULL, 100, NULL")),
        check);
    row("phase: currency without capital", phase.arg(QStringLiteral("1, 'Phase II', NULL, NULL, 'CNY'")),
        check);
    row("phase: capital 0", phase.arg(QStringLiteral("1, 'Phase II', NULL, 0, 'CNY'")), check);
    row("phase: negative capital", phase.arg(QStringLiteral("1, 'Phase II', NULL, -5, 'CNY'")), check);
    row("phase: unknown currency", phase.arg(QStringLiteral("1, 'Phase II', NULL, 100, 'XXX'")), fk);
    row("phase: orphan fund", phase.arg(QStringLiteral("999, 'Phase II', NULL, NULL, NULL")), fk);
    row("phase: no fund", phase.arg(QStringLiteral("NULL, 'Phase II', NULL, NULL, NULL")), notNull);
    row("phase: blank label", phase.arg(QStringLiteral("1, ' ', NULL, NULL, NULL")), check);
    row("phase: duplicate label in fund", phase.arg(QStringLiteral("1, 'Phase I', NULL, NULL, NULL")),
        unique);
    row("phase: same label, other fund", phase.arg(QStringLiteral("2, 'Phase I', NULL, NULL, NULL")), ok);
    row("phase: date 2021-02-30", phase.arg(QStringLiteral("1, 'Phase II', '2021-02-30', NULL, NULL")),
        check);
    row("phase: date 2023-02-29", phase.arg(QStringLiteral("1, 'Phase II', '2023-02-29', NULL, NULL")),
        check);
    row("phase: date 2021-13", phase.arg(QStringLiteral("1, 'Phase II', '2021-13', NULL, NULL")), check);

    const QString investee = QStringLiteral(
        "INSERT INTO investees(name, kind, fund_id, sector_id, segment_id, province_id, founded) "
        "VALUES (%1)");
    const QString design = QStringLiteral("(SELECT id FROM segments WHERE name = 'design')");
    row("investee: good company",
        investee.arg(QStringLiteral("'SMIC', 'company', NULL, %1, NULL, NULL, '2000-04-03'").arg(semis)), ok);
    row("investee: good sub-fund",
        investee.arg(QStringLiteral("'Fixture Sub-fund', 'fund', 2, NULL, NULL, NULL, NULL")), ok);
    row("investee: duplicate name",
        investee.arg(QStringLiteral("'Fixture Co', 'company', NULL, NULL, NULL, NULL, NULL")), unique);
    row("investee: blank name", investee.arg(QStringLiteral("'  ', 'company', NULL, NULL, NULL, NULL, NULL")),
        check);
    row("investee: bad kind", investee.arg(QStringLiteral("'X', 'person', NULL, NULL, NULL, NULL, NULL")),
        check);
    row("investee: company with fund",
        investee.arg(QStringLiteral("'X', 'company', 1, NULL, NULL, NULL, NULL")), check);
    row("investee: segment without sector",
        investee.arg(QStringLiteral("'X', 'company', NULL, NULL, %1, NULL, NULL").arg(design)), check);
    row("investee: orphan sector",
        investee.arg(QStringLiteral("'X', 'company', NULL, 999, NULL, NULL, NULL")), fk);
    row("investee: orphan segment",
        investee.arg(QStringLiteral("'X', 'company', NULL, %1, 999, NULL, NULL").arg(semis)), fk);
    row("investee: orphan fund", investee.arg(QStringLiteral("'X', 'fund', 999, NULL, NULL, NULL, NULL")),
        fk);
    row("investee: orphan province",
        investee.arg(QStringLiteral("'X', 'company', NULL, NULL, NULL, 999999, NULL")), fk);
    row("investee: founded 2021-02-30",
        investee.arg(QStringLiteral("'X', 'company', NULL, NULL, NULL, NULL, '2021-02-30'")), check);
    row("investee: founded 21", investee.arg(QStringLiteral("'X', 'company', NULL, NULL, NULL, NULL, '21'")),
        check);

    const QString event = QStringLiteral(
        "INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor, currency, "
        "stake_pct, status, confidence) VALUES (%1)");
    auto disbursement = [&event](const char *date, const char *type, const char *amount, const char *currency,
                            const char *stake, const char *status, const char *confidence) {
        return event.arg(
            QStringLiteral("1, 1, %1, %2, %3, %4, %5, %6, %7")
                .arg(QLatin1String(date), QLatin1String(type), QLatin1String(amount), QLatin1String(currency),
                    QLatin1String(stake), QLatin1String(status), QLatin1String(confidence)));
    };
    row("disbursement: good",
        disbursement(
            "'2021-03-05'", "'equity purchase'", "1456000000000", "'CNY'", "33.15", "'completed'", "'high'"),
        ok);
    row("disbursement: good, undisclosed",
        disbursement("'2021-03'", "'commitment'", "NULL", "NULL", "NULL", "'announced'", "'low'"), ok);
    row("disbursement: good, year only",
        disbursement("'2021'", "'loan'", "1", "'USD'", "0", "'committed'", "'medium'"), ok);
    row("disbursement: good, stake 100",
        disbursement("NULL", "'grant'", "5", "'HKD'", "100", "'cancelled'", "'medium'"), ok);
    row("disbursement: good, equity sale",
        disbursement("'2020-02-29'", "'equity sale'", "5", "'CNY'", "NULL", "'completed'", "'medium'"), ok);
    row("disbursement: undisclosed amount with currency",
        disbursement("NULL", "'disbursement'", "NULL", "'CNY'", "NULL", "'completed'", "'high'"), check);
    row("disbursement: amount without currency",
        disbursement("NULL", "'disbursement'", "100", "NULL", "NULL", "'completed'", "'high'"), check);
    row("disbursement: amount 0",
        disbursement("NULL", "'disbursement'", "0", "'CNY'", "NULL", "'completed'", "'high'"), check);
    row("disbursement: negative amount",
        disbursement("NULL", "'disbursement'", "-100", "'CNY'", "NULL", "'completed'", "'high'"), check);
    row("disbursement: unknown currency",
        disbursement("NULL", "'disbursement'", "100", "'XXX'", "NULL", "'completed'", "'high'"), fk);
    row("disbursement: lowercase currency",
        disbursement("NULL", "'disbursement'", "100", "'cny'", "NULL", "'completed'", "'high'"), fk);
    row("disbursement: stake 101",
        disbursement("NULL", "'disbursement'", "100", "'CNY'", "101", "'completed'", "'high'"), check);
    row("disbursement: stake 100.01",
        disbursement("NULL", "'disbursement'", "100", "'CNY'", "100.01", "'completed'", "'high'"), check);
    row("disbursement: negative stake",
        disbursement("NULL", "'disbursement'", "100", "'CNY'", "-0.5", "'completed'", "'high'"), check);
    row("disbursement: date 2021-02-30",
        disbursement("'2021-02-30'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"),
        check);
    row("disbursement: date 2021-04-31",
        disbursement("'2021-04-31'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"),
        check);
    row("disbursement: date 2021-02-32",
        disbursement("'2021-02-32'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"),
        check);
    row("disbursement: date 2021-13",
        disbursement("'2021-13'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"), check);
    row("disbursement: date 2021-00",
        disbursement("'2021-00'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"), check);
    row("disbursement: date 21",
        disbursement("'21'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"), check);
    row("disbursement: date 2021-3-5",
        disbursement("'2021-3-5'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"), check);
    row("disbursement: date 2021/03/05",
        disbursement("'2021/03/05'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"),
        check);
    row("disbursement: date with time",
        disbursement("'2021-03-05T10:00'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"),
        check);
    row("disbursement: date 3021",
        disbursement("'3021'", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'high'"), check);
    row("disbursement: bad type",
        disbursement("NULL", "'gift'", "NULL", "NULL", "NULL", "'completed'", "'high'"), check);
    row("disbursement: no type",
        disbursement("NULL", "NULL", "NULL", "NULL", "NULL", "'completed'", "'high'"), notNull);
    row("disbursement: bad status",
        disbursement("NULL", "'disbursement'", "NULL", "NULL", "NULL", "'pending'", "'high'"), check);
    row("disbursement: bad confidence",
        disbursement("NULL", "'disbursement'", "NULL", "NULL", "NULL", "'completed'", "'certain'"), check);
    row("disbursement: orphan phase",
        QStringLiteral("INSERT INTO disbursements(phase_id, investee_id, type, status) VALUES (999, 1, "
                       "'grant', 'completed')"),
        fk);
    row("disbursement: orphan investee",
        QStringLiteral("INSERT INTO disbursements(phase_id, investee_id, type, status) VALUES (1, 999, "
                       "'grant', 'completed')"),
        fk);
    row("disbursement: no phase",
        QStringLiteral("INSERT INTO disbursements(phase_id, investee_id, type, status) VALUES (NULL, 1, "
                       "'grant', 'completed')"),
        notNull);
    row("disbursement: update amount to 0",
        QStringLiteral("UPDATE disbursements SET amount_minor = 0 WHERE id = 1"), check);
    row("disbursement: update to undisclosed, currency kept",
        QStringLiteral("UPDATE disbursements SET amount_minor = NULL WHERE id = 1"), check);
    row("disbursement: update to undisclosed",
        QStringLiteral("UPDATE disbursements SET amount_minor = NULL, currency = NULL WHERE id = 1"), ok);
    row("disbursement: update to orphan phase",
        QStringLiteral("UPDATE disbursements SET phase_id = 999 WHERE id = 1"), fk);

    const QString rate
        = QStringLiteral("INSERT INTO exchange_rates(currency, year, cny_per_unit) VALUES (%1)");
    row("rate: good", rate.arg(QStringLiteral("'USD', 2021, 6.45")), ok);
    row("rate: duplicate year", rate.arg(QStringLiteral("'USD', 2020, 6.5")), unique);
    row("rate: unknown currency", rate.arg(QStringLiteral("'XXX', 2021, 1.0")), fk);
    row("rate: year 1800", rate.arg(QStringLiteral("'USD', 1800, 1.0")), check);
    row("rate: zero", rate.arg(QStringLiteral("'USD', 2021, 0")), check);
    row("rate: negative", rate.arg(QStringLiteral("'USD', 2021, -6.45")), check);
    row("rate: no rate", rate.arg(QStringLiteral("'USD', 2021, NULL")), notNull);

    const QString history
        = QStringLiteral("INSERT INTO history(user, action, table_name, row_id, field) VALUES (%1)");
    row("history: good", history.arg(QStringLiteral("'tester', 'update', 'funds', 1, 'name'")), ok);
    row("history: bad action", history.arg(QStringLiteral("'tester', 'upsert', 'funds', 1, 'name'")), check);
    row("history: no user", history.arg(QStringLiteral("NULL, 'update', 'funds', 1, 'name'")), notNull);

    // ON DELETE RESTRICT: nothing referenced can disappear from under its references.
    row("delete: fund with phases", QStringLiteral("DELETE FROM funds WHERE id = 1"), fk);
    row("delete: phase with disbursements", QStringLiteral("DELETE FROM phases WHERE id = 1"), fk);
    row("delete: investee with disbursements", QStringLiteral("DELETE FROM investees WHERE id = 1"), fk);
    row("delete: currency in use", QStringLiteral("DELETE FROM currencies WHERE code = 'CNY'"), fk);
    row("delete: sector with segments", QStringLiteral("DELETE FROM sectors WHERE name = 'Semiconductors'"),
        fk);
    row("delete: country with provinces", QStringLiteral("DELETE FROM regions WHERE code = 'CN'"), fk);
    row("delete: unreferenced disbursement", QStringLiteral("DELETE FROM disbursements WHERE id = 1"), ok);
}

void TestDatabase::constraints()
{
    QFETCH(QString, sql);
    QFETCH(QString, violation);
    Database db;
    QCOMPARE(db.open(path(QStringLiteral("constraints.db")), OpenMode::CreateNew), Status::Ok);
    QVERIFY2(db.execScript(QStringLiteral(
                 "INSERT INTO funds(id, name, kind, level) VALUES (1, 'Fixture Fund', 'fund', 'national');"
                 "INSERT INTO funds(id, name, kind, level, parent_fund_id) VALUES (2, 'Fixture Sub-fund', "
                 "'fund', 'provincial', 1);"
                 "INSERT INTO phases(id, fund_id, label, capital_minor, currency) VALUES (1, 1, 'Phase I', "
                 "9872000000000, 'CNY');"
                 "INSERT INTO investees(id, name, kind, sector_id, segment_id) SELECT 1, 'Fixture Co', "
                 "'company', s.id, g.id "
                 "  FROM sectors s JOIN segments g ON g.sector_id = s.id WHERE s.name = 'Semiconductors' AND "
                 "g.name = 'design';"
                 "INSERT INTO disbursements(id, phase_id, investee_id, value_date, type, amount_minor, "
                 "currency, status) "
                 "  VALUES (1, 1, 1, '2015-02', 'equity purchase', 50000000000, 'CNY', 'completed');"
                 "INSERT INTO exchange_rates(currency, year, cny_per_unit) VALUES ('USD', 2020, 6.9);")),
        qPrintable(db.errorString()));
    QSqlQuery q(db.connection());
    const bool ok = q.exec(sql);
    if (violation.isEmpty()) {
        QVERIFY2(ok, qPrintable(q.lastError().text()));
        QVERIFY(q.numRowsAffected() > 0);
    } else {
        QVERIFY2(!ok, "the statement was accepted");
        QVERIFY2(q.lastError().databaseText().contains(violation + QStringLiteral(" constraint failed")),
            qPrintable(q.lastError().databaseText()));
    }
}

void TestDatabase::yearFollowsValueDate()
{
    Database db;
    QCOMPARE(db.open(path(QStringLiteral("year.db")), OpenMode::CreateNew), Status::Ok);
    QVERIFY2(db.execScript(QStringLiteral(
                 "INSERT INTO funds(id, name, kind, level) VALUES (1, 'F', 'fund', 'national');"
                 "INSERT INTO phases(id, fund_id, label) VALUES (1, 1, 'Phase I');"
                 "INSERT INTO investees(id, name, kind) VALUES (1, 'C', 'company');"
                 "INSERT INTO disbursements(id, phase_id, investee_id, value_date, type, status) VALUES "
                 "  (1, 1, 1, '2021-03-05', 'grant', 'completed'), (2, 1, 1, '2019', 'grant', 'completed'),"
                 "  (3, 1, 1, '2014-09', 'grant', 'completed'), (4, 1, 1, NULL, 'grant', 'completed');")),
        qPrintable(db.errorString()));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT ifnull(year, 'null') FROM disbursements ORDER BY id")));
    QStringList years;
    while (q.next())
        years << q.value(0).toString();
    QCOMPARE(years,
        QStringList({ QStringLiteral("2021"), QStringLiteral("2019"), QStringLiteral("2014"),
            QStringLiteral("null") }));
}

void TestDatabase::transactionRollsBackUnlessCommitted()
{
    Database db;
    QCOMPARE(db.open(path(QStringLiteral("tx.db")), OpenMode::CreateNew), Status::Ok);
    auto count = [&db]() {
        QSqlQuery q(db.connection());
        return q.exec(QStringLiteral("SELECT count(*) FROM sectors WHERE name LIKE 'Tx%'")) && q.next()
            ? q.value(0).toInt()
            : -1;
    };
    {
        Transaction transaction(db);
        QVERIFY(transaction.isActive());
        QVERIFY(db.execScript(QStringLiteral("INSERT INTO sectors(name) VALUES ('Tx dropped')")));
        QCOMPARE(count(), 1);
    }
    QCOMPARE(count(), 0);
    {
        Transaction transaction(db);
        QVERIFY(db.execScript(QStringLiteral("INSERT INTO sectors(name) VALUES ('Tx kept')")));
        QVERIFY(transaction.commit());
        QVERIFY(!transaction.isActive());
        QVERIFY(!transaction.commit());
    }
    QCOMPARE(count(), 1);
}

// An import sets temp_store before BEGIN and sets it back, inside the transaction, before its
// index builds (BulkLoadScope); SQLite refuses that once the TEMP database is open, which an
// unqualified quick_check does. The check before a bulk write must leave it changeable.
void TestDatabase::bulkWriteCheckLeavesTempStoreChangeable()
{
    Database db;
    QCOMPARE(db.open(path(QStringLiteral("temp-store.db")), OpenMode::CreateNew), Status::Ok);
    QVERIFY2(db.execScript(QStringLiteral("PRAGMA temp_store = 2")), qPrintable(db.errorString()));
    Transaction transaction(db, Database::WriteKind::Bulk);
    QVERIFY2(transaction.isActive(), qPrintable(db.errorString()));
    QVERIFY2(db.execScript(QStringLiteral("PRAGMA temp_store = 1")), qPrintable(db.errorString()));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA temp_store")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestDatabase::scriptErrorsNameTheFile()
{
    const QString file = path(QStringLiteral("script.db"));
    Database db;
    QVERIFY(!db.execScript(QStringLiteral("SELECT 1")));
    QCOMPARE(db.open(file, OpenMode::CreateNew), Status::Ok);
    QVERIFY(!db.execScript(QStringLiteral("INSERT INTO nowhere VALUES (1)")));
    QVERIFY2(db.errorString().contains(file), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(QStringLiteral("nowhere")), qPrintable(db.errorString()));
    QCOMPARE(Database::statusFor(SQLITE_BUSY), Status::Locked);
    QCOMPARE(Database::statusFor(SQLITE_CORRUPT), Status::Corrupt);
    QCOMPARE(Database::statusFor(SQLITE_NOTADB), Status::NotDatabase);
    QCOMPARE(Database::statusFor(SQLITE_READONLY_DBMOVED), Status::ReadOnly);
}

// --- bad files --------------------------------------------------------------------------------

void TestDatabase::refusesFileThatIsNotSqlite_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addRow("CSV text") << QByteArray("fund,phase,investee,date,type,amount\n"
                                            "Big Fund,Phase I,SMIC,2015-02,equity purchase,3000000000\n"
                                            "Big Fund,Phase II,YMTC,2023-01,equity purchase,12900000000\n");
    QTest::addRow("short text") << QByteArray("hello\n");
    QTest::addRow("zeros") << QByteArray(8192, '\0');
    QTest::addRow("PNG header") << QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(200, 'x');
    QTest::addRow("almost SQLite magic") << QByteArray("SQLite format 2") + QByteArray(4096, '\0');
}

void TestDatabase::refusesFileThatIsNotSqlite()
{
    QFETCH(QByteArray, content);
    const QString file = path(QStringLiteral("notes.db"));
    QVERIFY(writeFile(file, content));
    verifyOpenRefused(
        file, OpenMode::OpenExisting, Status::NotDatabase, QStringLiteral("not an SQLite database"));
    verifyOpenRefused(
        file, OpenMode::OpenOrCreate, Status::NotDatabase, QStringLiteral("not an SQLite database"));
    QCOMPARE(QFileInfo(file).size(), qint64(content.size()));
}

void TestDatabase::refusesTruncatedDatabase_data()
{
    QTest::addColumn<int>("percent");
    QTest::addColumn<int>("bytes");
    QTest::addRow("half") << 50 << 0;
    QTest::addRow("one page left") << 0 << 4096;
    QTest::addRow("inside the header") << 0 << 60;
}

void TestDatabase::refusesTruncatedDatabase()
{
    QFETCH(int, percent);
    QFETCH(int, bytes);
    const QString file = path(QStringLiteral("truncated.db"));
    makePopulatedDatabase(file, 1500);
    if (QTest::currentTestFailed())
        return;
    const qint64 size = QFileInfo(file).size();
    QVERIFY2(size > 20 * 4096, qPrintable(QString::number(size)));
    QVERIFY(QFile::resize(file, percent > 0 ? size * percent / 100 : bytes));
    verifyOpenRefused(file, OpenMode::OpenExisting, Status::Corrupt, QStringLiteral("truncated"));
    verifyOpenRefused(file, OpenMode::OpenOrCreate, Status::Corrupt, QStringLiteral("truncated"));
}

void TestDatabase::opensHeaderAheadOfFileWhileWalPending()
{
    // What a crash in the middle of a checkpoint leaves: the main file's header already counts
    // pages that only the -wal beside it holds yet. SQLite recovers this; it is not truncated.
    const QString live = path(QStringLiteral("live.db"));
    {
        Database db;
        QCOMPARE(db.open(live, OpenMode::CreateNew), Status::Ok);
    }
    const QString crashed = path(QStringLiteral("crashed.db"));
    quint32 pages = 0;
    {
        RawDb writer(live);
        QVERIFY2(writer.exec(QStringLiteral(
                     "PRAGMA wal_autocheckpoint = 0;"
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                     "INSERT INTO funds(name, kind, level, notes) "
                     "  SELECT 'Fund ' || i, 'fund', 'national', hex(randomblob(300)) FROM n;")),
            qPrintable(writer.error()));
        pages = writer.value(QStringLiteral("PRAGMA page_count")).toUInt();
        QVERIFY(QFile::copy(live, crashed));
        QVERIFY(QFile::copy(live + QStringLiteral("-wal"), crashed + QStringLiteral("-wal")));
    }
    {
        QFile f(crashed);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray header = f.read(100);
        QVERIFY(qint64(pages) * 4096 > f.size());
        qToBigEndian<quint32>(pages, header.data() + 28);
        header.replace(92, 4, header.mid(24, 4)); // the count is "valid for" this change counter
        QVERIFY(f.seek(0));
        QCOMPARE(f.write(header), qint64(100));
    }
    Database db;
    QCOMPARE(db.open(crashed, OpenMode::OpenExisting, 200), Status::Ok);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM funds")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 2000);
}

void TestDatabase::reportsCorruptedDatabase_data()
{
    // Where the damage goes, and what the gateway must then say: opening refuses the file (its
    // Status). A file this small is checked whole when it is opened (issue 15); before, damage in
    // the middle pages was found only by a read of the damaged table.
    QTest::addColumn<qint64>("offset"); // negative: a share of the file, in percent
    QTest::addColumn<qint64>("length"); // negative: a share of the file, in percent
    QTest::addColumn<Status>("onOpen");
    QTest::addColumn<QString>("wording");
    QTest::addRow("middle pages") << qint64(-40) << qint64(-20) << Status::Corrupt
                                  << QStringLiteral("the database file is damaged");
    QTest::addRow("schema page") << qint64(100) << qint64(3996) << Status::Corrupt
                                 << QStringLiteral("the database file is damaged");
    QTest::addRow("page size field") << qint64(16) << qint64(2) << Status::Corrupt
                                     << QStringLiteral("page size");
    QTest::addRow("header magic") << qint64(0) << qint64(16) << Status::NotDatabase
                                  << QStringLiteral("not an SQLite database");
}

void TestDatabase::reportsCorruptedDatabase()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, length);
    QFETCH(Status, onOpen);
    QFETCH(QString, wording);
    const QString file = path(QStringLiteral("corrupted.db"));
    makePopulatedDatabase(file, 1500);
    if (QTest::currentTestFailed())
        return;
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        const qint64 at = offset < 0 ? size * -offset / 100 : offset;
        const qint64 count = length < 0 ? size * -length / 100 : length;
        QVERIFY(f.seek(at));
        QByteArray garbage(count, '\0');
        for (qint64 i = 0; i < count; ++i)
            garbage[i] = char(0xA5 ^ (i * 7));
        QCOMPARE(f.write(garbage), count);
    }
    const QByteArray before = checksum(file);

    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenExisting, 200), onOpen);
    if (onOpen == Status::Ok) {
        // Opening reads only the schema; the damage shows on the first read of the table, and
        // the gateway's message for it names the file.
        QVERIFY(!db.execScript(QStringLiteral("SELECT sum(length(notes)) FROM funds NOT INDEXED")));
        QVERIFY2(db.errorString().contains(file), qPrintable(db.errorString()));
        QVERIFY2(db.errorString().contains(wording), qPrintable(db.errorString()));
        {
            QSqlQuery q(db.connection());
            QVERIFY(!q.exec(QStringLiteral("SELECT count(*), sum(length(notes)) FROM funds NOT INDEXED")));
            const int code = q.lastError().nativeErrorCode().toInt();
            QCOMPARE(Database::statusFor(code), Status::Corrupt);
            QVERIFY(db.describeError(code, q.lastError().databaseText()).contains(file));
        }
        db.close();
    } else {
        QVERIFY(!db.isOpen());
        QVERIFY2(db.errorString().contains(file), qPrintable(db.errorString()));
        QVERIFY2(db.errorString().contains(wording, Qt::CaseInsensitive), qPrintable(db.errorString()));
    }
    QCOMPARE(checksum(file), before);
    QVERIFY(!hasSidecars(file));
}

void TestDatabase::damageMiddlePages(const QString &file)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(f.seek(size * 40 / 100));
    QByteArray garbage(size / 5, '\0');
    for (qint64 i = 0; i < garbage.size(); ++i)
        garbage[i] = char(0xA5 ^ (i * 7));
    QCOMPARE(f.write(garbage), qint64(garbage.size()));
}

// Issue 15: a file too large to check when it is opened (the limits are lowered here so that a
// small one stands for it) is checked inside the first write transaction; nothing is written.
void TestDatabase::largeDamagedFileIsCheckedBeforeTheFirstWrite()
{
    const QString file = path(QStringLiteral("large.db"));
    makePopulatedDatabase(file, 1500);
    damageMiddlePages(file);
    if (QTest::currentTestFailed())
        return;
    const QByteArray before = checksum(file);
    struct Limits
    {
        Limits() { Database::setOpenCheckLimits(0, 0); }
        ~Limits() { Database::setOpenCheckLimits(-1, -1); }
    } limits;
    {
        Database db;
        QCOMPARE(db.open(file, OpenMode::OpenExisting, 200), Status::Ok);
        QVERIFY(!db.isDamaged());
        QVERIFY(!db.begin());
        QVERIFY2(db.errorString().startsWith(file + QStringLiteral(": the database file is damaged")),
                 qPrintable(db.errorString()));
        QVERIFY(db.isDamaged());
        QVERIFY(!db.begin(Database::WriteKind::Bulk));
        QVERIFY2(db.errorString().contains(QStringLiteral("nothing was written")), qPrintable(db.errorString()));
        QVERIFY(!db.execScript(QStringLiteral("SELECT sum(length(notes)) FROM funds NOT INDEXED")));
        QVERIFY2(db.errorString().startsWith(file + QStringLiteral(": the database file is damaged")),
                 qPrintable(db.errorString()));
    }
    QCOMPARE(checksum(file), before);
    QVERIFY(!hasSidecars(file));
    // With the limits as they are, a file this small is refused when it is opened.
    Database::setOpenCheckLimits(-1, -1);
    verifyOpenRefused(file, OpenMode::OpenExisting, Status::Corrupt, QStringLiteral("the database file is damaged"));
}

// The window opens a file on a worker (which checks it) and then on its own connection with
// skipNextOpenCheck(): that open does not check again, counts the file as checked for the first
// write, and the open after it checks as always. A file this process knows is damaged is checked
// in spite of the flag.
void TestDatabase::skippedOpenCheckIsForTheNextOpenOnly()
{
    const QString file = path(QStringLiteral("skipped.db"));
    makePopulatedDatabase(file, 1500);
    damageMiddlePages(file);
    if (QTest::currentTestFailed())
        return;
    Database db;
    db.skipNextOpenCheck();
    QCOMPARE(db.open(file, OpenMode::OpenExisting, 200), Status::Ok);
    QVERIFY(!db.needsWriteCheck());
    db.close();
    QCOMPARE(db.open(file, OpenMode::OpenExisting, 200), Status::Corrupt);
    QVERIFY(Database::damagedFiles().contains(QFileInfo(file).canonicalFilePath()));
    db.skipNextOpenCheck();
    QCOMPARE(db.open(file, OpenMode::OpenExisting, 200), Status::Corrupt);
    QVERIFY2(db.errorString().contains(QStringLiteral("the database file is damaged")), qPrintable(db.errorString()));
}

// Issue 15: damage one connection meets (here a read of the damaged table) stops the writes of
// every connection of the process to that file, without a check of their own.
void TestDatabase::damageFoundByOneConnectionStopsEveryWrite()
{
    const QString file = path(QStringLiteral("shared.db"));
    makePopulatedDatabase(file, 1500);
    damageMiddlePages(file);
    if (QTest::currentTestFailed())
        return;
    struct Limits
    {
        Limits() { Database::setOpenCheckLimits(0, 0); }
        ~Limits() { Database::setOpenCheckLimits(-1, -1); }
    } limits;
    Database writer;
    QCOMPARE(writer.open(file, OpenMode::OpenExisting, 200), Status::Ok);
    Database reader;
    QCOMPARE(reader.open(file, OpenMode::OpenExisting, 200), Status::Ok);
    QVERIFY(!writer.isDamaged());
    QSqlQuery q(reader.connection());
    QVERIFY(!q.exec(QStringLiteral("SELECT count(*), sum(length(notes)) FROM funds NOT INDEXED")) || !q.next()
            || q.lastError().isValid());
    QVERIFY2(reader.describeError(q.lastError()).contains(QStringLiteral("the database file is damaged")),
             qPrintable(reader.describeError(q.lastError())));
    QVERIFY(writer.isDamaged());
    QVERIFY(!writer.begin());
    QVERIFY2(writer.errorString().contains(QStringLiteral("the database file is damaged")),
             qPrintable(writer.errorString()));
    QVERIFY(Database::damagedFiles().contains(QFileInfo(file).canonicalFilePath()));
}

// Issue 15: the rule every export path asks before it writes (ExportFile::refuse).
void TestDatabase::overwritesDatabase_data()
{
    QTest::addColumn<QString>("target"); // relative to the test folder
    QTest::addColumn<bool>("refused");
    QTest::addRow("the database") << QStringLiteral("data/funds.db") << true;
    QTest::addRow("its write-ahead log") << QStringLiteral("data/funds.db-wal") << true;
    QTest::addRow("its shared memory") << QStringLiteral("data/funds.db-shm") << true;
    QTest::addRow("a journal not there yet") << QStringLiteral("data/funds.db-journal") << true;
    QTest::addRow("through ..") << QStringLiteral("data/../data/funds.db") << true;
    QTest::addRow("through .") << QStringLiteral("./data/./funds.db") << true;
    QTest::addRow("a link to it") << QStringLiteral("link.db") << true;
    QTest::addRow("a hard link to it") << QStringLiteral("hard.db") << true;
    QTest::addRow("through a linked folder") << QStringLiteral("linked/funds.db") << true;
    QTest::addRow("a journal through a linked folder") << QStringLiteral("linked/funds.db-journal") << true;
    QTest::addRow("a dangling link to its journal") << QStringLiteral("journal-link") << true;
    QTest::addRow("another file beside it") << QStringLiteral("data/funds.csv") << false;
    QTest::addRow("a name that starts like it") << QStringLiteral("data/funds.db-wal.csv") << false;
    QTest::addRow("the same name elsewhere") << QStringLiteral("funds.db") << false;
    QTest::addRow("in a missing folder") << QStringLiteral("missing/funds.db") << false;
}

void TestDatabase::overwritesDatabase()
{
    QFETCH(QString, target);
    QFETCH(bool, refused);
    const QDir dir(m_dir->path());
    QVERIFY(dir.mkpath(QStringLiteral("data")));
    const QString database = dir.filePath(QStringLiteral("data/funds.db"));
    {
        Database db;
        QCOMPARE(db.open(database, OpenMode::CreateNew), Status::Ok);
        QVERIFY(QFile::exists(database + QStringLiteral("-wal")));
        QVERIFY(QFile::link(database, dir.filePath(QStringLiteral("link.db"))));
        const QByteArray hard = QFile::encodeName(dir.filePath(QStringLiteral("hard.db")));
        QCOMPARE(::link(QFile::encodeName(database).constData(), hard.constData()), 0);
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("linked"))));
        QVERIFY(QFile::link(database + QStringLiteral("-journal"), dir.filePath(QStringLiteral("journal-link"))));
        const QString why = Database::overwritesDatabase(dir.filePath(target), database);
        QCOMPARE(!why.isEmpty(), refused);
        if (refused)
            QVERIFY2(why.contains(QStringLiteral("database")), qPrintable(why));
        // The same against the files open in the process.
        QCOMPARE(Database::overwritesOpenDatabase(dir.filePath(target)), why);
        // Relative to the working folder as a command line gives it.
        const QString cwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        QCOMPARE(Database::overwritesDatabase(target, database).isEmpty(), !refused);
        QVERIFY(QDir::setCurrent(cwd));
    }
    // Closed, it is no longer anyone's open database.
    QCOMPARE(Database::overwritesOpenDatabase(dir.filePath(target)), QString());
}

void TestDatabase::refusesReadOnlyFile()
{
    const QString file = path(QStringLiteral("readonly.db"));
    {
        Database db;
        QCOMPARE(db.open(file, OpenMode::CreateNew), Status::Ok);
    }
    QVERIFY(QFile::setPermissions(m_dir->path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::ExeOther));
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther)); // 0444
    const QByteArray before = checksum(file);

    for (const OpenMode mode : { OpenMode::OpenExisting, OpenMode::OpenOrCreate }) {
        const OpenOutcome outcome = openAsUnprivileged(file, mode);
        if (outcome.switchedUser) {
            QCOMPARE(outcome.status, Status::ReadOnly);
            QVERIFY2(outcome.message.contains(file), qPrintable(outcome.message));
            QVERIFY2(outcome.message.contains(QStringLiteral("read-only")), qPrintable(outcome.message));
        } else {
            // Root that cannot become another user: chmod binds nobody here, and root really can
            // write the file, so the gateway must open it rather than refuse.
            qInfo("cannot switch to an unprivileged user (%s); checked that root may open the file",
                qPrintable(outcome.message));
            Database db;
            QCOMPARE(db.open(file, mode, 200), Status::Ok);
            db.close();
            return;
        }
        QCOMPARE(checksum(file), before);
        QVERIFY(!hasSidecars(file));
    }
}

void TestDatabase::refusesReadOnlyFolder_data()
{
    QTest::addColumn<bool>("existing");
    QTest::addColumn<OpenMode>("mode");
    QTest::addRow("new database") << false << OpenMode::OpenOrCreate;
    QTest::addRow("create new") << false << OpenMode::CreateNew;
    QTest::addRow("existing database") << true << OpenMode::OpenExisting;
}

void TestDatabase::refusesReadOnlyFolder()
{
    QFETCH(bool, existing);
    QFETCH(OpenMode, mode);
    const QString folder = path(QStringLiteral("locked-folder"));
    QVERIFY(QDir().mkdir(folder));
    const QString file = folder + QStringLiteral("/fundscope.db");
    if (existing) {
        {
            Database db;
            QCOMPARE(db.open(file, OpenMode::CreateNew), Status::Ok);
        }
        // The file itself stays writable by whoever opens it, so only the folder is in the way
        // (SQLite must create its -wal and -shm files beside the database).
        if (geteuid() == 0)
            QVERIFY(::chown(QFile::encodeName(file).constData(), 65534, 65534) == 0);
    }
    const QFileDevice::Permissions readAndEnter = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup
        | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(m_dir->path(), readAndEnter | QFile::WriteOwner));
    QVERIFY(QFile::setPermissions(folder, readAndEnter)); // 0555
    const QByteArray before = checksum(file);

    const OpenOutcome outcome = openAsUnprivileged(file, mode);
    QFile::setPermissions(folder, readAndEnter | QFile::WriteOwner);
    if (!outcome.switchedUser) {
        qInfo("cannot switch to an unprivileged user (%s); checked that root may open the file",
            qPrintable(outcome.message));
        Database db;
        QCOMPARE(db.open(file, mode, 200), Status::Ok);
        return;
    }
    QCOMPARE(outcome.status, Status::ReadOnly);
    QVERIFY2(outcome.message.contains(file), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QStringLiteral("folder")), qPrintable(outcome.message));
    QCOMPARE(checksum(file), before);
    QCOMPARE(QFileInfo::exists(file), existing);
    QVERIFY(!hasSidecars(file));
}

void TestDatabase::refusesNewerSchemaUnchanged_data()
{
    QTest::addColumn<bool>("wal");
    QTest::addRow("WAL file made by Fundscope") << true;
    QTest::addRow("rollback-journal file") << false;
}

void TestDatabase::refusesNewerSchemaUnchanged()
{
    QFETCH(bool, wal);
    const QString file = path(QStringLiteral("future.db"));
    if (wal) {
        {
            Database db;
            QCOMPARE(db.open(file, OpenMode::CreateNew), Status::Ok);
        }
        RawDb raw(file);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE future_things(x); PRAGMA user_version = 99;")));
    } else {
        QString error;
        QVERIFY2(buildAtVersion(file, 1, &error), qPrintable(error));
        RawDb raw(file);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 99;")));
    }
    const QString dump = RawDb(file).dump();
    QVERIFY(dump.startsWith(QStringLiteral("user_version=99\n")));
    for (const OpenMode mode : { OpenMode::OpenExisting, OpenMode::OpenOrCreate }) {
        verifyOpenRefused(file, mode, Status::TooNew, QStringLiteral("newer Fundscope"));
        Database db;
        db.open(file, mode);
        QVERIFY2(db.errorString().contains(QStringLiteral("99")), qPrintable(db.errorString()));
        QVERIFY2(
            db.errorString().contains(QStringLiteral("nothing was changed")), qPrintable(db.errorString()));
    }
    QCOMPARE(RawDb(file).dump(), dump);
}

void TestDatabase::refusesForeignSqliteDatabase_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addRow("application_id 0")
        << QStringLiteral("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('mine');");
    QTest::addRow("another application_id") << QStringLiteral(
        "PRAGMA application_id = 1234; CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('x');");
    // Another program's own user_version must not read as a newer Fundscope.
    QTest::addRow("foreign user_version 99")
        << QStringLiteral("PRAGMA user_version = 99; CREATE TABLE notes(body TEXT);");
    QTest::addRow("foreign user_version 1")
        << QStringLiteral("PRAGMA user_version = 1; CREATE TABLE funds(name TEXT);");
}

void TestDatabase::refusesForeignSqliteDatabase()
{
    QFETCH(QString, sql);
    const QString file = path(QStringLiteral("foreign.sqlite"));
    {
        RawDb raw(file);
        QVERIFY2(raw.exec(sql), qPrintable(raw.error()));
    }
    const QString dump = RawDb(file).dump();
    verifyOpenRefused(
        file, OpenMode::OpenExisting, Status::NotDatabase, QStringLiteral("not a Fundscope database"));
    verifyOpenRefused(
        file, OpenMode::OpenOrCreate, Status::NotDatabase, QStringLiteral("not a Fundscope database"));
    QCOMPARE(RawDb(file).dump(), dump);
}

void TestDatabase::storedVersionOfWhatIsNoDatabase()
{
    QCOMPARE(Database::storedVersion(path(QStringLiteral("missing.db"))), -1);
    const QString text = path(QStringLiteral("text.db"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(200, 'x'));
    file.close();
    QCOMPARE(Database::storedVersion(text), -1);
    const QString shortFile = path(QStringLiteral("short.db"));
    QFile cut(shortFile);
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write("SQLite format 3");
    cut.close();
    QCOMPARE(Database::storedVersion(shortFile), -1);
    // A SQLite file of another program: its own user_version, 0 here (open() refuses it).
    {
        RawDb raw(path(QStringLiteral("foreign.sqlite")));
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE t(x)")));
    }
    QCOMPARE(Database::storedVersion(path(QStringLiteral("foreign.sqlite"))), 0);
}

namespace {

// Another process (the sqlite3 command-line tool) holding an exclusive transaction on `file`.
class LockHolder
{
public:
    bool start(const QString &file, QString *error)
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (tool.isEmpty()) {
            *error = QStringLiteral("the sqlite3 command-line tool is not installed (Debian package sqlite3; "
                                    "scripts/test installs it)");
            return false;
        }
        m_process.start(tool, { file });
        if (!m_process.waitForStarted(10000)) {
            *error = m_process.errorString();
            return false;
        }
        m_process.write("PRAGMA busy_timeout = 10000;\nBEGIN EXCLUSIVE;\nSELECT 'holding';\n");
        while (!m_process.readAllStandardOutput().contains("holding")) {
            if (!m_process.waitForReadyRead(10000)) {
                *error = QStringLiteral("sqlite3 did not take the lock: %1")
                             .arg(QString::fromUtf8(m_process.readAllStandardError()));
                return false;
            }
        }
        return true;
    }
    bool release()
    {
        m_process.write("ROLLBACK;\n");
        m_process.closeWriteChannel();
        return m_process.waitForFinished(10000) && m_process.exitCode() == 0;
    }

private:
    QProcess m_process;
};

} // namespace

void TestDatabase::reportsDatabaseLockedForWrites()
{
    // A Fundscope file is in WAL mode: readers are never blocked, writers are.
    const QString file = path(QStringLiteral("busy.db"));
    {
        Database db;
        QCOMPARE(db.open(file, OpenMode::CreateNew), Status::Ok);
    }
    LockHolder holder;
    QString error;
    QVERIFY2(holder.start(file, &error), qPrintable(error));

    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenExisting, 200), Status::Ok);
    QVERIFY(db.execScript(QStringLiteral("SELECT count(*) FROM currencies")));
    {
        Transaction transaction(db);
        QVERIFY(!transaction.isActive());
    }
    QVERIFY2(db.errorString().contains(file), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(QStringLiteral("locked")), qPrintable(db.errorString()));
    QVERIFY(!db.execScript(QStringLiteral("INSERT INTO sectors(name) VALUES ('Robotics')")));
    QVERIFY2(db.errorString().contains(QStringLiteral("locked")), qPrintable(db.errorString()));

    QVERIFY(holder.release());
    Transaction transaction(db);
    QVERIFY2(transaction.isActive(), qPrintable(db.errorString()));
    QVERIFY(db.execScript(QStringLiteral("INSERT INTO sectors(name) VALUES ('Robotics')")));
    QVERIFY(transaction.commit());
}

void TestDatabase::reportsDatabaseLockedForReads()
{
    // A rollback-journal file (an early build's, still to be upgraded) under an exclusive lock
    // cannot even be read: the open itself reports the lock, and changes nothing.
    const QString file = path(QStringLiteral("busy-v1.db"));
    QString error;
    QVERIFY2(buildAtVersion(file, 1, &error), qPrintable(error));
    const QString dump = RawDb(file).dump();
    LockHolder holder;
    QVERIFY2(holder.start(file, &error), qPrintable(error));

    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenExisting, 200), Status::Locked);
    QVERIFY(!db.isOpen());
    QVERIFY2(db.errorString().contains(file), qPrintable(db.errorString()));
    QVERIFY2(
        db.errorString().contains(QStringLiteral("locked by another program")), qPrintable(db.errorString()));

    QVERIFY(holder.release());
    QCOMPARE(RawDb(file).dump(), dump);
    QCOMPARE(db.open(file, OpenMode::OpenExisting, 200), Status::Ok);
}

void TestDatabase::createNewRefusesExistingFile_data()
{
    QTest::addColumn<bool>("fundscope");
    QTest::addRow("Fundscope database") << true;
    QTest::addRow("text file") << false;
}

void TestDatabase::createNewRefusesExistingFile()
{
    QFETCH(bool, fundscope);
    const QString file = path(QStringLiteral("existing.db"));
    if (fundscope) {
        Database db;
        QCOMPARE(db.open(file, OpenMode::CreateNew), Status::Ok);
        QVERIFY(db.execScript(QStringLiteral("INSERT INTO sectors(name) VALUES ('Robotics')")));
    } else {
        QVERIFY(writeFile(file, "my notes\n"));
    }
    verifyOpenRefused(file, OpenMode::CreateNew, Status::AlreadyExists, QStringLiteral("already exists"));
}

void TestDatabase::openExistingRefusesMissingFile()
{
    const QString file = path(QStringLiteral("missing.db"));
    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenExisting), Status::NotFound);
    QVERIFY(!db.isOpen());
    QVERIFY2(db.errorString().contains(file), qPrintable(db.errorString()));
    QVERIFY(!QFileInfo::exists(file));
    QVERIFY(!hasSidecars(file));
}

void TestDatabase::refusesFolderAsFile()
{
    const QString folder = path(QStringLiteral("a-folder.db"));
    QVERIFY(QDir().mkdir(folder));
    for (const OpenMode mode : { OpenMode::OpenExisting, OpenMode::OpenOrCreate, OpenMode::CreateNew }) {
        Database db;
        QVERIFY(db.open(folder, mode) != Status::Ok);
        QVERIFY2(db.errorString().contains(folder), qPrintable(db.errorString()));
    }
    QVERIFY(QDir(folder).isEmpty());
}

void TestDatabase::refusesMissingFolder()
{
    const QString file = path(QStringLiteral("no/such/folder/fundscope.db"));
    Database db;
    QCOMPARE(db.open(file, OpenMode::OpenOrCreate), Status::NotFound);
    QVERIFY2(db.errorString().contains(file), qPrintable(db.errorString()));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("no"))));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
