#include "CommandRun.h"
#include "Database.h"
#include "SampleDatabase.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// `fundscope check` and `fundscope backup` (issue 15) end to end: the built binary
// (FUNDSCOPE_BINARY) through QProcess, on a sample database made here. check reads only and
// reports integrity and foreign keys with exit 0 or 1; backup copies through SQLite's online
// backup, consistently while another connection writes, never over the database itself, and
// only a copy that passes the check.

namespace {

using Run = CommandRun::Result;

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestMaintenanceCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helpListsTheCommands();
    void checkReportsASoundFile();
    void checkReportsDamage();
    void checkReportsBrokenReferences();
    void checkRefusesWhatIsNoDatabase();
    void backupMakesACheckedCopy();
    void backupIsConsistentWhileAnotherConnectionWrites();
    void backupRefusesTheDatabaseAsOut_data();
    void backupRefusesTheDatabaseAsOut();
    void backupOfADamagedDatabaseWritesNothing();

private:
    Run run(const QStringList &arguments);
    void damage(const QString &path);
    QStringList filesBeside() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestMaintenanceCommands::init()
{
    QVERIFY(QFile::exists(QStringLiteral(FUNDSCOPE_BINARY)));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("sample.db"));
    Database db;
    QCOMPARE(db.open(m_db, Database::OpenMode::CreateNew), Database::Status::Ok);
    QString error;
    QVERIFY2(SampleDatabase::load(db, &error), qPrintable(error));
}

void TestMaintenanceCommands::cleanup()
{
    m_dir.reset();
}

Run TestMaintenanceCommands::run(const QStringList &arguments)
{
    return CommandRun::run(QStringLiteral(FUNDSCOPE_BINARY), arguments, m_dir->path());
}

// A fifth of the file overwritten in the middle: integrity_check finds it.
void TestMaintenanceCommands::damage(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY(file.seek(size * 2 / 5));
    QByteArray garbage(size / 5, '\0');
    for (qsizetype i = 0; i < garbage.size(); ++i)
        garbage[i] = char(0xA5 ^ (i * 7));
    QCOMPARE(file.write(garbage), qint64(garbage.size()));
}

QStringList TestMaintenanceCommands::filesBeside() const
{
    QStringList files
        = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    files.removeAll(QStringLiteral("sample.db"));
    return files;
}

void TestMaintenanceCommands::helpListsTheCommands()
{
    const Run help = run({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("  check ")), qPrintable(help.out));
    QVERIFY2(help.out.contains(QStringLiteral("  backup ")), qPrintable(help.out));
    const Run check = run({ QStringLiteral("check"), QStringLiteral("--help") });
    QCOMPARE(check.exitCode, 0);
    QVERIFY(check.out.contains(QStringLiteral("--db")));
    const Run backup = run({ QStringLiteral("backup"), QStringLiteral("--help") });
    QCOMPARE(backup.exitCode, 0);
    QVERIFY(backup.out.contains(QStringLiteral("--db")) && backup.out.contains(QStringLiteral("--out")));
    const Run noOut = run({ QStringLiteral("backup"), QStringLiteral("--db"), m_db });
    QCOMPARE(noOut.exitCode, 2);
    QCOMPARE(noOut.err, QStringLiteral("fundscope: backup needs --out COPY\n"));
}

void TestMaintenanceCommands::checkReportsASoundFile()
{
    const QByteArray before = fileBytes(m_db);
    const Run r = run({ QStringLiteral("check"), QStringLiteral("--db"), m_db });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("  integrity: ok\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("  foreign keys: ok\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("schema version %1").arg(Database::schemaVersion())),
        qPrintable(r.out));
    QCOMPARE(fileBytes(m_db), before);
    QVERIFY(filesBeside().isEmpty());
}

void TestMaintenanceCommands::checkReportsDamage()
{
    damage(m_db);
    const QByteArray before = fileBytes(m_db);
    const Run r = run({ QStringLiteral("check"), QStringLiteral("--db"), m_db });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.out.contains(QStringLiteral("  integrity: ")) && !r.out.contains(QStringLiteral("integrity: ok")),
        qPrintable(r.out));
    QVERIFY2(
        r.out.trimmed().endsWith(m_db + QStringLiteral(": the database file is damaged")), qPrintable(r.out));
    QCOMPARE(fileBytes(m_db), before);
}

void TestMaintenanceCommands::checkReportsBrokenReferences()
{
    {
        // Another program, without foreign keys on, leaves an event pointing at a phase that is gone.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(m_db);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY2(
            q.exec(QStringLiteral(
                "UPDATE disbursements SET phase_id = 99999 WHERE id = (SELECT min(id) FROM disbursements)")),
            qPrintable(q.lastError().text()));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    const Run r = run({ QStringLiteral("check"), QStringLiteral("--db"), m_db });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("  integrity: ok\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("foreign keys: 1 row points at rows that do not exist")),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral(": phase_id points at no row of phases")), qPrintable(r.out));
}

void TestMaintenanceCommands::checkRefusesWhatIsNoDatabase()
{
    const Run missing = run(
        { QStringLiteral("check"), QStringLiteral("--db"), m_dir->filePath(QStringLiteral("none.db")) });
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("does not exist")), qPrintable(missing.err));
    const QString csv = m_dir->filePath(QStringLiteral("funds.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,kind,level\nBig Fund,fund,national\n");
    file.close();
    const Run text = run({ QStringLiteral("check"), QStringLiteral("--db"), csv });
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.err.contains(QStringLiteral("not an SQLite database")), qPrintable(text.err));
}

void TestMaintenanceCommands::backupMakesACheckedCopy()
{
    const QByteArray before = fileBytes(m_db);
    const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
    const Run r
        = run({ QStringLiteral("backup"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), copy });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Wrote ") + copy), qPrintable(r.out));
    QCOMPARE(fileBytes(m_db), before);
    QCOMPARE(filesBeside(), QStringList { QStringLiteral("copy.db") });
    const Run checked = run({ QStringLiteral("check"), QStringLiteral("--db"), copy });
    QCOMPARE(checked.exitCode, 0);
    const QStringList summary { QStringLiteral("summary"), QStringLiteral("--by"), QStringLiteral("phase"),
        QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--db") };
    const Run original = run(summary + QStringList { m_db });
    const Run copied = run(summary + QStringList { copy });
    QCOMPARE(original.exitCode, 0);
    QCOMPARE(copied.out, original.out);

    // Again over the copy: replaced whole.
    const Run again
        = run({ QStringLiteral("backup"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), copy });
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(filesBeside(), QStringList { QStringLiteral("copy.db") });
}

void TestMaintenanceCommands::backupIsConsistentWhileAnotherConnectionWrites()
{
    // What the window does meanwhile: a committed change still in the write-ahead log, and a
    // transaction open with a change not committed yet.
    Database window;
    QCOMPARE(window.open(m_db, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QVERIFY2(window.execScript(QStringLiteral(
                 "INSERT INTO exchange_rates(currency, year, cny_per_unit) VALUES ('USD', 1901, 2.0)")),
        qPrintable(window.errorString()));
    QVERIFY(QFileInfo(m_db + QStringLiteral("-wal")).size() > 0);
    QVERIFY(window.begin());
    QVERIFY2(window.execScript(QStringLiteral(
                 "INSERT INTO exchange_rates(currency, year, cny_per_unit) VALUES ('USD', 1902, 2.0)")),
        qPrintable(window.errorString()));

    const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
    const Run r
        = run({ QStringLiteral("backup"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), copy });
    QCOMPARE(r.exitCode, 0);
    window.rollback();
    window.close();

    const Run checked = run({ QStringLiteral("check"), QStringLiteral("--db"), copy });
    QCOMPARE(checked.exitCode, 0);
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy"));
    raw.setDatabaseName(copy);
    QVERIFY(raw.open());
    {
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("SELECT group_concat(year) FROM exchange_rates WHERE year < 1910")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("1901")); // committed: in; uncommitted: out
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("copy"));
}

void TestMaintenanceCommands::backupRefusesTheDatabaseAsOut_data()
{
    QTest::addColumn<QString>("out");
    QTest::addRow("the database") << QStringLiteral("sample.db");
    QTest::addRow("through ..") << QStringLiteral("sub/../sample.db");
    QTest::addRow("its write-ahead log") << QStringLiteral("sample.db-wal");
    QTest::addRow("a journal not there") << QStringLiteral("sample.db-journal");
    QTest::addRow("a link to it") << QStringLiteral("link.db");
}

void TestMaintenanceCommands::backupRefusesTheDatabaseAsOut()
{
    QFETCH(QString, out);
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("sub")));
    QVERIFY(QFile::link(m_db, m_dir->filePath(QStringLiteral("link.db"))));
    const QByteArray before = fileBytes(m_db);
    const Run r = run({ QStringLiteral("backup"), QStringLiteral("--db"), m_db, QStringLiteral("--out"),
        m_dir->filePath(out) });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("fundscope: cannot write "))
            && r.err.contains(QStringLiteral("database")),
        qPrintable(r.err));
    QCOMPARE(fileBytes(m_db), before);
    QCOMPARE(filesBeside(), QStringList { QStringLiteral("link.db") });
}

void TestMaintenanceCommands::backupOfADamagedDatabaseWritesNothing()
{
    damage(m_db);
    const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
    const Run r
        = run({ QStringLiteral("backup"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), copy });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("the database file is damaged")), qPrintable(r.err));
    QVERIFY(filesBeside().isEmpty());
}

QTEST_GUILESS_MAIN(TestMaintenanceCommands)
#include "tst_maintenancecommands.moc"
