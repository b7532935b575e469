#include "DataRevision.h"
#include "Database.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The stamp kept results are checked against: every write to the data raises the revision and
// draws a new token, whoever makes it (here plain SQL, as the sqlite3 tool would), writes to the
// history do not, each database has its own token, and two copies changed apart never meet at
// one stamp.

class TestDataRevision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void newDatabaseHasATokenAndARevision();
    void everyWriteToTheDataRaisesIt_data();
    void everyWriteToTheDataRaisesIt();
    void historyAndFailedWritesLeaveIt();
    void eachDatabaseHasItsOwnToken();
    void copiesChangedApartNeverShareAStamp();

private:
    bool exec(const QString &sql);
    qint64 revision();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestDataRevision::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QCOMPARE(m_db->open(m_dir->filePath(QStringLiteral("r.db")), Database::OpenMode::CreateNew), Database::Status::Ok);
}

void TestDataRevision::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

bool TestDataRevision::exec(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    return q.exec(sql);
}

qint64 TestDataRevision::revision()
{
    const std::optional<DataRevision> r = DataRevision::read(*m_db);
    return r ? r->revision : -1;
}

void TestDataRevision::newDatabaseHasATokenAndARevision()
{
    const std::optional<DataRevision> r = DataRevision::read(*m_db);
    QVERIFY(r);
    QCOMPARE(r->token.size(), 32);
    QVERIFY(r->revision >= 0);
    // Reading changes nothing.
    QCOMPARE(DataRevision::read(*m_db), r);
}

void TestDataRevision::everyWriteToTheDataRaisesIt_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("insert fund") << QStringLiteral("INSERT INTO funds (name, kind, level) VALUES ('F', 'fund', 'national')");
    QTest::newRow("update fund") << QStringLiteral("UPDATE funds SET notes = 'n' WHERE name = 'Seed'");
    QTest::newRow("delete fund") << QStringLiteral("DELETE FROM funds WHERE name = 'Seed'");
    QTest::newRow("exchange rate") << QStringLiteral("UPDATE exchange_rates SET cny_per_unit = cny_per_unit + 1");
    QTest::newRow("sector name") << QStringLiteral("UPDATE sectors SET name_zh = '新' WHERE id = (SELECT min(id) FROM sectors)");
    QTest::newRow("region name") << QStringLiteral("UPDATE regions SET name_zh = '新' WHERE id = (SELECT min(id) FROM regions)");
}

void TestDataRevision::everyWriteToTheDataRaisesIt()
{
    QFETCH(QString, sql);
    QVERIFY(exec(QStringLiteral("INSERT INTO funds (name, kind, level) VALUES ('Seed', 'fund', 'national')")));
    if (sql.startsWith(QLatin1String("UPDATE exchange_rates"))) {
        QVERIFY(exec(QStringLiteral("INSERT OR IGNORE INTO exchange_rates (currency, year, cny_per_unit)"
                                    " VALUES ('USD', 2020, 6.9)")));
    }
    const qint64 before = revision();
    QVERIFY(before >= 0);
    QSqlQuery q(m_db->connection());
    const std::optional<DataRevision> stampBefore = DataRevision::read(*m_db);
    QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
    QVERIFY(q.numRowsAffected() > 0);
    QVERIFY2(revision() > before, qPrintable(sql));
    const std::optional<DataRevision> stampAfter = DataRevision::read(*m_db);
    QVERIFY(stampBefore && stampAfter);
    QVERIFY2(stampAfter->token != stampBefore->token, qPrintable(sql));
    QCOMPARE(stampAfter->token.size(), 32);
}

void TestDataRevision::historyAndFailedWritesLeaveIt()
{
    const qint64 before = revision();
    QVERIFY(exec(QStringLiteral("INSERT INTO history (user, action, table_name, row_id) VALUES ('u', 'insert', 'funds', 1)")));
    QCOMPARE(revision(), before);
    // A rejected write (CHECK constraint) and a rolled-back one leave the stamp as it was.
    QVERIFY(!exec(QStringLiteral("INSERT INTO funds (name, kind, level) VALUES ('X', 'nonsense', 'national')")));
    QCOMPARE(revision(), before);
    QVERIFY(exec(QStringLiteral("BEGIN")));
    QVERIFY(exec(QStringLiteral("INSERT INTO funds (name, kind, level) VALUES ('Y', 'fund', 'national')")));
    QVERIFY(revision() > before);
    QVERIFY(exec(QStringLiteral("ROLLBACK")));
    QCOMPARE(revision(), before);
}

void TestDataRevision::eachDatabaseHasItsOwnToken()
{
    Database other;
    QCOMPARE(other.open(m_dir->filePath(QStringLiteral("other.db")), Database::OpenMode::CreateNew), Database::Status::Ok);
    const std::optional<DataRevision> a = DataRevision::read(*m_db);
    const std::optional<DataRevision> b = DataRevision::read(other);
    QVERIFY(a && b);
    QVERIFY(a->token != b->token);
    // A file that is not open answers nothing rather than a made-up stamp.
    other.close();
    QVERIFY(!DataRevision::read(other));
}

void TestDataRevision::copiesChangedApartNeverShareAStamp()
{
    // Two copies of one file start with one stamp; one change each (different data, the same
    // number of changes) must leave them with different stamps.
    m_db->close();
    const QString first = m_dir->filePath(QStringLiteral("r.db"));
    const QString second = m_dir->filePath(QStringLiteral("copy.db"));
    QVERIFY(QFile::copy(first, second));
    Database a;
    Database b;
    QCOMPARE(a.open(first, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QCOMPARE(b.open(second, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QCOMPARE(DataRevision::read(a), DataRevision::read(b));
    QVERIFY(QSqlQuery(a.connection()).exec(QStringLiteral("INSERT INTO funds (name, kind, level) VALUES ('A', 'fund', 'national')")));
    QVERIFY(QSqlQuery(b.connection()).exec(QStringLiteral("INSERT INTO funds (name, kind, level) VALUES ('B', 'fund', 'national')")));
    const std::optional<DataRevision> stampA = DataRevision::read(a);
    const std::optional<DataRevision> stampB = DataRevision::read(b);
    QVERIFY(stampA && stampB);
    QCOMPARE(stampA->revision, stampB->revision);
    QVERIFY(stampA != stampB);
}

QTEST_GUILESS_MAIN(TestDataRevision)
#include "tst_datarevision.moc"
