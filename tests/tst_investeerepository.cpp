#include "Database.h"
#include "EditTestData.h"
#include "InvesteeRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace EditTestData;

namespace {
const QString Smic = QStringLiteral("Semiconductor Manufacturing International Corp. (SMIC)");
}

/// The investee repository's picker search (also over 50,000 investees) and its write paths.
class TestInvesteeRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void search_data();
    void search();
    void searchAmongFiftyThousand();
    void writes();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
};

void TestInvesteeRepository::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
}

void TestInvesteeRepository::cleanup()
{
    m_db.close();
    delete m_dir;
}

void TestInvesteeRepository::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("first");
    // An exact name (either language, any case) comes first, then names starting with the text.
    QTest::addRow("english prefix") << QStringLiteral("smic")
                                    << QStringLiteral("SMIC Beijing 28nm joint venture (SMIC Holdings / "
                                                      "Big Fund II / Yizhuang Guotou, 2020)");
    QTest::addRow("chinese exact") << QStringLiteral("中芯国际集成电路制造有限公司") << Smic;
    QTest::addRow("english exact") << Smic.toUpper() << Smic;
}

void TestInvesteeRepository::search()
{
    QFETCH(QString, text);
    QFETCH(QString, first);
    const QList<NameMatch> matches = InvesteeRepository(m_db).search(text, 20);
    QVERIFY(!matches.isEmpty());
    QCOMPARE(matches.constFirst().name, first);
    for (const NameMatch &m : matches)
        QVERIFY(m.name.contains(text, Qt::CaseInsensitive) || m.nameZh.contains(text));
    QVERIFY(!matches.constFirst().detail.isEmpty()); // sector and region, to tell names apart
    QVERIFY(InvesteeRepository(m_db).search(QStringLiteral("no such company at all"), 20).isEmpty());
}

void TestInvesteeRepository::searchAmongFiftyThousand()
{
    QVERIFY(m_db.begin());
    QSqlQuery q(m_db.connection());
    QVERIFY(q.prepare(QStringLiteral("INSERT INTO investees(name, name_zh, kind) VALUES (?, ?, 'company')")));
    for (int i = 0; i < 50000; ++i) {
        q.addBindValue(QStringLiteral("Generated Company %1").arg(i, 5, 10, QLatin1Char('0')));
        q.addBindValue(QStringLiteral("生成公司%1").arg(i));
        QVERIFY(q.exec());
    }
    QVERIFY(m_db.commit());
    const QList<NameMatch> matches = InvesteeRepository(m_db).search(QStringLiteral("company 4999"), 50);
    QCOMPARE(matches.size(), 10); // 49990..49999
    QCOMPARE(matches.constFirst().name, QStringLiteral("Generated Company 49990"));
    QCOMPARE(InvesteeRepository(m_db).search(QStringLiteral("生成公司12345"), 50).constFirst().name,
        QStringLiteral("Generated Company 12345"));
    QCOMPARE(InvesteeRepository(m_db).search(QStringLiteral("Generated"), 50).size(), 50); // bounded
}

void TestInvesteeRepository::writes()
{
    InvesteeRepository investees(m_db);
    RowValues row;
    row.set(QStringLiteral("name"), QStringLiteral("New Chips Co"));
    row.set(QStringLiteral("name_zh"), QStringLiteral("新芯片公司"));
    row.set(QStringLiteral("kind"), QStringLiteral("company"));
    QString error;
    QVERIFY2(investees.insert(row, &error), qPrintable(error));
    QCOMPARE(investees.byId(row.id)->nameZh, QStringLiteral("新芯片公司"));
    QVERIFY(investees.update(row.id, { { QStringLiteral("ticker"), QStringLiteral("NEW.SH") } }, &error));
    QCOMPARE(investees.values(row.id)->text(QStringLiteral("ticker")), QStringLiteral("NEW.SH"));
    // The same name twice is refused, by field.
    RowValues twin = row;
    twin.id = 0;
    QVERIFY(!investees.insert(twin, &error));
    QVERIFY2(error.startsWith(QStringLiteral("name: Another investee is already called")), qPrintable(error));

    const qint64 smic = count(m_db, QStringLiteral("SELECT id FROM investees WHERE name = ?"), { Smic });
    const Dependents d = investees.dependents(smic);
    QCOMPARE(d.disbursements,
        count(m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE investee_id = ?"), { smic }));
    const QString before = dump(m_db);
    Removal removed;
    QVERIFY(!investees.remove(smic, false, &removed, &error));
    QVERIFY(investees.remove(smic, true, &removed, &error));
    QCOMPARE(qint64(removed.rows.size()), d.disbursements + 1);
    QVERIFY(investees.restore(removed, &error));
    QCOMPARE(dump(m_db), before);
}

QTEST_GUILESS_MAIN(TestInvesteeRepository)
#include "tst_investeerepository.moc"
