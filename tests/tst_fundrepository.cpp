#include "Database.h"
#include "EditTestData.h"
#include "FundRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace EditTestData;

namespace {
const QString BigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");
}

/// The fund repository's reads for forms and pickers and its write paths (the rest of the
/// RecordStore behaviour is covered in tst_recordstore).
class TestFundRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void allAndById();
    void search_data();
    void search();
    void writes();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
};

void TestFundRepository::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
}

void TestFundRepository::cleanup()
{
    m_db.close();
    delete m_dir;
}

void TestFundRepository::allAndById()
{
    FundRepository funds(m_db);
    const qint64 id = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    const auto fund = funds.byId(id);
    QVERIFY(fund);
    QCOMPARE(fund->name, BigFund);
    QCOMPARE(qint64(fund->phases.size()),
        count(m_db, QStringLiteral("SELECT count(*) FROM phases WHERE fund_id = ?"), { id }));
    QVERIFY(!funds.byId(987654));
    const auto values = funds.values(id);
    QVERIFY(values);
    QCOMPARE(values->text(QStringLiteral("name")), BigFund);
    QCOMPARE(values->text(QStringLiteral("level")), QStringLiteral("national"));
}

void TestFundRepository::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("first");
    QTest::addColumn<int>("atLeast");
    QTest::addRow("english part") << QStringLiteral("integrated circuit") << QString() << 3;
    QTest::addRow("exact name first") << BigFund << BigFund << 1;
    QTest::addRow("chinese") << QStringLiteral("国家集成电路") << BigFund << 1;
    QTest::addRow("case") << QStringLiteral("BIG FUND") << BigFund << 1;
    QTest::addRow("wildcards literal") << QStringLiteral("%") << QString() << 0;
    QTest::addRow("nothing") << QStringLiteral("zzzz no such fund") << QString() << 0;
}

void TestFundRepository::search()
{
    QFETCH(QString, text);
    QFETCH(QString, first);
    QFETCH(int, atLeast);
    const QList<NameMatch> matches = FundRepository(m_db).search(text, 50);
    QVERIFY(matches.size() >= atLeast);
    if (atLeast == 0)
        QVERIFY(matches.isEmpty());
    if (!first.isEmpty())
        QCOMPARE(matches.constFirst().name, first);
    for (const NameMatch &m : matches)
        QVERIFY(m.name.contains(text, Qt::CaseInsensitive) || m.nameZh.contains(text));
    QVERIFY(FundRepository(m_db).search(QStringLiteral("a"), 3).size() <= 3);
}

void TestFundRepository::writes()
{
    FundRepository funds(m_db);
    RowValues fund;
    fund.set(QStringLiteral("name"), QStringLiteral("Test Guidance Fund"));
    fund.set(QStringLiteral("kind"), QStringLiteral("fund"));
    fund.set(QStringLiteral("level"), QStringLiteral("municipal"));
    QString error;
    QVERIFY2(funds.insert(fund, &error), qPrintable(error));
    QCOMPARE(fund.kind, RecordKind::Fund);
    QVERIFY(funds.update(fund.id, { { QStringLiteral("manager"), QStringLiteral("Someone") } }, &error));
    QCOMPARE(funds.byId(fund.id)->manager, QStringLiteral("Someone"));
    QVERIFY(funds.dependents(fund.id).isEmpty());
    const QString before = dump(m_db);
    Removal removed;
    QVERIFY(funds.remove(fund.id, false, &removed, &error));
    QVERIFY(!funds.byId(fund.id));
    QVERIFY(funds.restore(removed, &error));
    QCOMPARE(dump(m_db), before);
    const qint64 big = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    QVERIFY(!funds.remove(big, false, &removed, &error));
    QVERIFY(!funds.dependents(big).isEmpty());
}

QTEST_GUILESS_MAIN(TestFundRepository)
#include "tst_fundrepository.moc"
