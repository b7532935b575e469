#include "Database.h"
#include "EditTestData.h"
#include "ExchangeRateRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace EditTestData;

class TestExchangeRateRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void keys();
    void allAndFind();
    void insertChangeDeleteWithHistory();
    void refused_data();
    void refused();
    void failureRollsBackRateAndHistory();

private:
    qint64 historyRows() { return count(m_db, QStringLiteral("SELECT count(*) FROM history")); }

    QTemporaryDir *m_dir = nullptr;
    Database m_db;
};

void TestExchangeRateRepository::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
}

void TestExchangeRateRepository::cleanup()
{
    m_db.close();
    delete m_dir;
}

void TestExchangeRateRepository::keys()
{
    for (const QString &code : { QStringLiteral("AAA"), QStringLiteral("USD"), QStringLiteral("ZZZ") }) {
        for (int year : { 1900, 2021, 2200 })
            QCOMPARE(ExchangeRateRepository::describeKey(ExchangeRateRepository::rowKey(code, year)),
                code + QLatin1Char(' ') + QString::number(year));
    }
    QVERIFY(ExchangeRateRepository::rowKey(QStringLiteral("USD"), 2021)
        != ExchangeRateRepository::rowKey(QStringLiteral("HKD"), 2021));
}

void TestExchangeRateRepository::allAndFind()
{
    ExchangeRateRepository rates(m_db);
    const QList<ExchangeRate> all = rates.all();
    QCOMPARE(qint64(all.size()), count(m_db, QStringLiteral("SELECT count(*) FROM exchange_rates")));
    QVERIFY(!all.isEmpty());
    const auto usd = rates.find(QStringLiteral("USD"), 2013);
    QVERIFY(usd);
    QCOMPARE(usd->cnyPerUnit, 6.1932);
    QVERIFY(!rates.find(QStringLiteral("USD"), 1901));
}

void TestExchangeRateRepository::insertChangeDeleteWithHistory()
{
    ExchangeRateRepository rates(m_db);
    QString error;
    const qint64 start = historyRows();
    QVERIFY2(
        rates.set({ QStringLiteral("EUR"), 2022, 7.0788, QStringLiteral("ECB") }, &error), qPrintable(error));
    QCOMPARE(historyRows(), start + 1);
    QCOMPARE(value(m_db, QStringLiteral("SELECT action FROM history ORDER BY id DESC LIMIT 1")).toString(),
        QStringLiteral("insert"));
    QVERIFY(rates.set({ QStringLiteral("EUR"), 2022, 7.1, QStringLiteral("ECB annual average") }, &error));
    QCOMPARE(historyRows(), start + 3); // rate and source
    QCOMPARE(count(m_db,
                 QStringLiteral(
                     "SELECT count(*) FROM history WHERE field = 'cny_per_unit' AND old_value = '7.0788' "
                     "AND new_value = '7.1' AND row_id = ?"),
                 { ExchangeRateRepository::rowKey(QStringLiteral("EUR"), 2022) }),
        qint64(1));
    QCOMPARE(rates.find(QStringLiteral("EUR"), 2022)->source, QStringLiteral("ECB annual average"));
    QVERIFY(rates.remove(QStringLiteral("EUR"), 2022, &error));
    QVERIFY(!rates.find(QStringLiteral("EUR"), 2022));
    QCOMPARE(historyRows(), start + 4);
    QVERIFY(!rates.remove(QStringLiteral("EUR"), 2022, &error));
    QVERIFY(error.contains(QStringLiteral("no EUR rate for 2022")));
}

void TestExchangeRateRepository::refused_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("year");
    QTest::addColumn<double>("rate");
    QTest::addColumn<QString>("message");
    QTest::addRow("unknown currency") << QStringLiteral("XYZ") << 2020 << 1.0 << QStringLiteral("currency:");
    QTest::addRow("cny itself") << QStringLiteral("CNY") << 2020 << 1.0
                                << QStringLiteral("base of every rate");
    QTest::addRow("year") << QStringLiteral("USD") << 1850 << 7.0 << QStringLiteral("year:");
    QTest::addRow("zero") << QStringLiteral("USD") << 2020 << 0.0 << QStringLiteral("rate:");
    QTest::addRow("negative") << QStringLiteral("USD") << 2020 << -7.0 << QStringLiteral("rate:");
}

void TestExchangeRateRepository::refused()
{
    QFETCH(QString, currency);
    QFETCH(int, year);
    QFETCH(double, rate);
    QFETCH(QString, message);
    const QString before = dump(m_db, true);
    QString error;
    QVERIFY(!ExchangeRateRepository(m_db).set({ currency, year, rate, QString() }, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(dump(m_db, true), before);
}

void TestExchangeRateRepository::failureRollsBackRateAndHistory()
{
    QVERIFY(exec(m_db,
        QStringLiteral("CREATE TRIGGER fail_history BEFORE INSERT ON history "
                       "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")));
    const QString before = dump(m_db, true);
    QString error;
    QVERIFY(!ExchangeRateRepository(m_db).set({ QStringLiteral("USD"), 2013, 6.5, QString() }, &error));
    QVERIFY(error.contains(QStringLiteral("simulated failure")));
    QVERIFY(!ExchangeRateRepository(m_db).remove(QStringLiteral("USD"), 2013, &error));
    QCOMPARE(dump(m_db, true), before);
}

QTEST_GUILESS_MAIN(TestExchangeRateRepository)
#include "tst_exchangeraterepository.moc"
