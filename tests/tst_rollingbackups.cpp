#include "Database.h"
#include "sqlite/Maintenance.h"
#include "RollingBackups.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <memory>

// The window's rolling backups (issue 15, docs/reliability.md): prune keeps the newest N, the
// daily backup is made once a day, the upgrade backup holds the file as it was before migration,
// and a restore after damage gives a file that passes the check, the damaged one kept aside.

namespace {

bool rawExec(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK
              && sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// Overwrites every page after the first with garbage: an SQLite file still, but its tables are
// malformed (the check at open finds it: Status::Corrupt).
bool damage(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || file.size() <= 4096 || !file.seek(4096))
        return false;
    const qint64 rest = file.size() - 4096;
    return file.write(QByteArray(rest, 'x')) == rest;
}

} // namespace

class TestRollingBackups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void keepComesFromTheSettings();
    void pruneKeepsN();
    void dailyBackupOncePerDay();
    void scheduledBackupRunsOffTheUiThread();
    void upgradeBackupHoldsTheOldVersion();
    void restoreAfterDamage();

private:
    QString makeDatabase(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RollingBackups> m_backups;
};

void TestRollingBackups::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_rollingbackups"));
}

void TestRollingBackups::init()
{
    QSettings().remove(QStringLiteral("backup/keep"));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_backups = std::make_unique<RollingBackups>(m_dir->filePath(QStringLiteral("backups")));
}

void TestRollingBackups::cleanup()
{
    m_backups.reset();
    m_dir.reset();
    QSettings().remove(QStringLiteral("backup/keep"));
}

QString TestRollingBackups::makeDatabase(const QString &name)
{
    const QString path = m_dir->filePath(name);
    Database db;
    if (db.open(path, Database::OpenMode::CreateNew) != Database::Status::Ok)
        return {};
    return path;
}

void TestRollingBackups::keepComesFromTheSettings()
{
    QCOMPARE(RollingBackups::keepSetting(), 7);
    QSettings().setValue(QStringLiteral("backup/keep"), 3);
    QCOMPARE(RollingBackups::keepSetting(), 3);
    QCOMPARE(RollingBackups(m_dir->filePath(QStringLiteral("b"))).keep(), 3);
    QSettings().setValue(QStringLiteral("backup/keep"), 0);
    RollingBackups off(m_dir->filePath(QStringLiteral("b")));
    const QString db = makeDatabase(QStringLiteral("off.db"));
    QVERIFY(!off.dailyDue(db)); // 0 turns them off
    QVERIFY(RollingBackups::defaultRoot().endsWith(QStringLiteral("/backups")));
}

void TestRollingBackups::pruneKeepsN()
{
    const QString db = makeDatabase(QStringLiteral("funds.db"));
    QVERIFY(!db.isEmpty());
    m_backups->setKeep(100);
    const QDateTime start(QDate(2026, 1, 1), QTime(9, 0));
    QString error;
    for (int day = 0; day < 6; ++day)
        QVERIFY2(!m_backups->make(db, QStringLiteral("daily"), &error, start.addDays(day)).isEmpty(), qPrintable(error));
    QCOMPARE(m_backups->list(db).size(), 6);
    QVERIFY(m_backups->folderFor(db).endsWith(QStringLiteral("/backups/funds.db")));
    m_backups->prune(db, 3);
    const QStringList kept = m_backups->list(db);
    QCOMPARE(kept.size(), 3);
    // The newest three, newest first.
    QVERIFY2(QFileInfo(kept.at(0)).fileName().startsWith(QStringLiteral("20260106-")), qPrintable(kept.at(0)));
    QVERIFY(QFileInfo(kept.at(2)).fileName().startsWith(QStringLiteral("20260104-")));
    // make() prunes to keep() by itself.
    m_backups->setKeep(2);
    QVERIFY(!m_backups->make(db, QStringLiteral("daily"), &error, start.addDays(10)).isEmpty());
    QCOMPARE(m_backups->list(db).size(), 2);
    // Other files in the folder are left alone.
    QFile other(m_backups->folderFor(db) + QStringLiteral("/notes.txt"));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    m_backups->prune(db, 1);
    QCOMPARE(m_backups->list(db).size(), 1);
    QVERIFY(other.exists());
}

void TestRollingBackups::dailyBackupOncePerDay()
{
    const QString db = makeDatabase(QStringLiteral("daily.db"));
    QVERIFY(!db.isEmpty());
    const QDateTime morning(QDate(2026, 3, 2), QTime(8, 0));
    QVERIFY(m_backups->dailyDue(db, morning));
    QString error;
    QVERIFY2(!m_backups->make(db, QStringLiteral("daily"), &error, morning).isEmpty(), qPrintable(error));
    QVERIFY(!m_backups->dailyDue(db, morning.addSecs(3600)));
    QVERIFY(!m_backups->dailyDue(db, QDateTime(QDate(2026, 3, 2), QTime(23, 59))));
    QVERIFY(m_backups->dailyDue(db, QDateTime(QDate(2026, 3, 3), QTime(0, 1))));
    QVERIFY(m_backups->dailyDue(db, morning.addSecs(24 * 3600)));
}

void TestRollingBackups::scheduledBackupRunsOffTheUiThread()
{
    const QString db = makeDatabase(QStringLiteral("watched.db"));
    QVERIFY(!db.isEmpty());
    Database open; // the window keeps it open meanwhile
    QCOMPARE(open.open(db, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QSignalSpy made(m_backups.get(), &RollingBackups::backupMade);
    m_backups->setFirstDelay(0);
    m_backups->watch(db);
    QVERIFY(made.wait(10000));
    QCOMPARE(made.constFirst().at(1).toString(), QString());
    QCOMPARE(m_backups->list(db).size(), 1);
    QVERIFY(Maintenance::check(m_backups->list(db).constFirst()).ok());
    // Watching again the same day makes no second one.
    m_backups->watch(db);
    QVERIFY(!made.wait(300));
    QCOMPARE(m_backups->list(db).size(), 1);
    m_backups->watch(QString());
}

void TestRollingBackups::upgradeBackupHoldsTheOldVersion()
{
    const QString db = makeDatabase(QStringLiteral("old.db"));
    QVERIFY(!db.isEmpty());
    QString error;
    // A file at the current version needs no upgrade: no backup.
    QVERIFY(m_backups->beforeUpgrade(db, &error).isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(m_backups->list(db).isEmpty());

    // An older file (built by the first migration step, as an older Fundscope left it).
    const QString old = m_dir->filePath(QStringLiteral("older.db"));
    QFile step1(QDir(QStringLiteral(":/fundscope/db/sql"))
                    .filePath(QDir(QStringLiteral(":/fundscope/db/sql"))
                                  .entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name)
                                  .value(0)));
    QVERIFY2(step1.open(QIODevice::ReadOnly), qPrintable(step1.fileName()));
    QVERIFY(rawExec(old, QString::fromUtf8(step1.readAll())
                             + QStringLiteral("; PRAGMA application_id = %1; PRAGMA user_version = 1;")
                                   .arg(Database::ApplicationId)));
    QCOMPARE(Database::storedVersion(old), 1);
    QVERIFY(Database::schemaVersion() > 1);

    const QString backup = m_backups->beforeUpgrade(old, &error);
    QVERIFY2(!backup.isEmpty(), qPrintable(error));
    QVERIFY(QFileInfo(backup).fileName().contains(QStringLiteral("before-upgrade")));
    Database upgraded;
    QCOMPARE(upgraded.open(old, Database::OpenMode::OpenExisting), Database::Status::Ok);
    upgraded.close();
    QCOMPARE(Database::storedVersion(old), Database::schemaVersion());
    // The backup is the file as it was before the migration.
    QCOMPARE(Database::storedVersion(backup), 1);
    QCOMPARE(Maintenance::check(backup).schemaVersion, 1);
}

void TestRollingBackups::restoreAfterDamage()
{
    const QString db = makeDatabase(QStringLiteral("precious.db"));
    QVERIFY(!db.isEmpty());
    QVERIFY(rawExec(db, QStringLiteral("INSERT INTO funds(name, kind, level) VALUES ('Kept Fund', 'fund', 'national')")));
    QString error;
    const QString good = m_backups->make(db, QStringLiteral("daily"), &error, QDateTime(QDate(2026, 5, 1), QTime(9, 0)));
    QVERIFY2(!good.isEmpty(), qPrintable(error));
    // A newer backup that is itself damaged is passed over.
    const QString bad = m_backups->make(db, QStringLiteral("daily"), &error, QDateTime(QDate(2026, 5, 2), QTime(9, 0)));
    QVERIFY2(!bad.isEmpty(), qPrintable(error));
    QVERIFY(damage(bad));

    QVERIFY(damage(db));
    const QByteArray damagedBytes = [&] { QFile f(db); return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(); }();
    {
        Database probe;
        QCOMPARE(probe.open(db, Database::OpenMode::OpenExisting), Database::Status::Corrupt);
    }
    QCOMPARE(m_backups->newestGood(db), good);

    QString aside;
    QVERIFY2(RollingBackups::restore(db, good, &aside, &error), qPrintable(error));
    QVERIFY(Maintenance::check(db).ok());
    // The damaged file is kept aside, as it was.
    QVERIFY(QFileInfo(aside).fileName().startsWith(QStringLiteral("precious.db.damaged-")));
    QFile kept(aside);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), damagedBytes);
    // It reopens with its rows; the backup itself is untouched.
    Database reopened;
    QCOMPARE(reopened.open(db, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QSqlQuery q(reopened.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM funds WHERE name = 'Kept Fund'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(QFileInfo::exists(good));
}

QTEST_GUILESS_MAIN(TestRollingBackups)
#include "tst_rollingbackups.moc"
