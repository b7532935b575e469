#include <pwd.h>
#include <unistd.h>

#include "Database.h"
#include "EditTestData.h"
#include "ExchangeRateRepository.h"
#include "HistoryRepository.h"
#include "RecordStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace EditTestData;

class TestHistoryRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void userFromEnvironment();
    void storedText();
    void appendNeedsNoTransactionOfItsOwn();
    void pagesNewestFirst();
    void filterByRecordAndText();
    void newerThan();
    void labels();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
};

void TestHistoryRepository::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
}

void TestHistoryRepository::cleanup()
{
    m_db.close();
    delete m_dir;
}

void TestHistoryRepository::userFromEnvironment()
{
    const QByteArray user = qgetenv("USER");
    const QByteArray userName = qgetenv("USERNAME");
    qputenv("USER", "researcher");
    QCOMPARE(HistoryRepository::currentUser(), QStringLiteral("researcher"));
    qunsetenv("USER");
    qputenv("USERNAME", "winuser");
    QCOMPARE(HistoryRepository::currentUser(), QStringLiteral("winuser"));
    qunsetenv("USERNAME");
    // Without either variable the account database names the user running the process.
    const passwd *account = getpwuid(geteuid());
    QVERIFY(account);
    QCOMPARE(HistoryRepository::currentUser(), QString::fromLocal8Bit(account->pw_name));
    if (!user.isNull())
        qputenv("USER", user);
    if (!userName.isNull())
        qputenv("USERNAME", userName);
}

void TestHistoryRepository::storedText()
{
    QCOMPARE(HistoryRepository::storedText(15.9).toString(), QStringLiteral("15.9"));
    QCOMPARE(HistoryRepository::storedText(qint64(123450)).toString(), QStringLiteral("123450"));
    QCOMPARE(HistoryRepository::storedText(QStringLiteral("中")).toString(), QStringLiteral("中"));
    QVERIFY(HistoryRepository::storedText(QVariant()).isNull());
}

void TestHistoryRepository::appendNeedsNoTransactionOfItsOwn()
{
    QVERIFY(m_db.begin());
    QString error;
    QVERIFY2(HistoryRepository(m_db).append(QStringLiteral("update"), QStringLiteral("funds"), 1,
                 QStringLiteral("notes"), QVariant(), QStringLiteral("x"), &error),
        qPrintable(error));
    m_db.rollback(); // the caller's transaction decides
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM history")), qint64(0));
}

void TestHistoryRepository::pagesNewestFirst()
{
    RecordStore store(m_db);
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY(store.update(RecordKind::Disbursement, 1,
            { { QStringLiteral("notes"), QStringLiteral("n%1").arg(i) } }, &error));
    HistoryRepository history(m_db);
    QCOMPARE(history.count({}), qint64(5));
    const QList<HistoryEntry> first = history.page({}, 0, 2);
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).newValue.toString(), QStringLiteral("n4"));
    QCOMPARE(first.at(1).newValue.toString(), QStringLiteral("n3"));
    QCOMPARE(first.at(1).oldValue.toString(), QStringLiteral("n2"));
    QCOMPARE(first.at(0).action, QStringLiteral("update"));
    QCOMPARE(first.at(0).table, QStringLiteral("disbursements"));
    QCOMPARE(first.at(0).field, QStringLiteral("notes"));
    const QList<HistoryEntry> last = history.page({}, 4, 2);
    QCOMPARE(last.size(), 1);
    QCOMPARE(last.at(0).newValue.toString(), QStringLiteral("n0"));
    QCOMPARE(history.lastId(), first.at(0).id);
}

void TestHistoryRepository::filterByRecordAndText()
{
    RecordStore store(m_db);
    QString error;
    QVERIFY(store.update(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("alpha") } }, &error));
    QVERIFY(store.update(
        RecordKind::Disbursement, 2, { { QStringLiteral("notes"), QStringLiteral("beta_%") } }, &error));
    QVERIFY(store.update(
        RecordKind::Investee, 1, { { QStringLiteral("ticker"), QStringLiteral("ALPHA") } }, &error));
    HistoryRepository history(m_db);
    HistoryQuery one;
    one.table = QStringLiteral("disbursements");
    one.rowId = 2;
    QCOMPARE(history.count(one), qint64(1));
    QCOMPARE(history.page(one, 0, 10).value(0).newValue.toString(), QStringLiteral("beta_%"));
    HistoryQuery table;
    table.table = QStringLiteral("disbursements");
    QCOMPARE(history.count(table), qint64(2));
    HistoryQuery text;
    text.text = QStringLiteral("alpha"); // case-insensitive, any table
    QCOMPARE(history.count(text), qint64(2));
    text.text = QStringLiteral("_%"); // LIKE wildcards are taken literally
    QCOMPARE(history.count(text), qint64(1));
}

void TestHistoryRepository::newerThan()
{
    RecordStore store(m_db);
    QString error;
    QVERIFY(store.update(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("a") } }, &error));
    HistoryRepository history(m_db);
    const qint64 mark = history.lastId();
    QVERIFY(store.update(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("b") } }, &error));
    QVERIFY(store.update(
        RecordKind::Disbursement, 3, { { QStringLiteral("notes"), QStringLiteral("c") } }, &error));
    QCOMPARE(history.newerThan({}, mark).size(), 2);
    HistoryQuery one;
    one.table = QStringLiteral("disbursements");
    one.rowId = 1;
    QCOMPARE(history.newerThan(one, mark).size(), 1);
}

void TestHistoryRepository::labels()
{
    HistoryRepository history(m_db);
    const qint64 smic = count(m_db, QStringLiteral("SELECT id FROM investees WHERE name = ?"),
        { QStringLiteral("Semiconductor Manufacturing International Corp. (SMIC)") });
    QCOMPARE(history.recordLabel(QStringLiteral("investees"), smic),
        QStringLiteral("Semiconductor Manufacturing International Corp. (SMIC)"));
    QVERIFY(history.recordLabel(QStringLiteral("phases"), 1).contains(QStringLiteral(" — ")));
    QCOMPARE(history.recordLabel(QStringLiteral("exchange_rates"),
                 ExchangeRateRepository::rowKey(QStringLiteral("USD"), 2020)),
        QStringLiteral("USD 2020"));
    QCOMPARE(history.recordLabel(QStringLiteral("funds"), 999999), QStringLiteral("#999999"));
    // Deleted: the label comes from the deletion entry.
    RowValues fund;
    fund.kind = RecordKind::Fund;
    fund.set(QStringLiteral("name"), QStringLiteral("Short-lived Fund"));
    fund.set(QStringLiteral("kind"), QStringLiteral("fund"));
    fund.set(QStringLiteral("level"), QStringLiteral("district"));
    QString error;
    RecordStore store(m_db);
    QVERIFY(store.insert(fund, &error));
    QVERIFY(store.remove(RecordKind::Fund, { fund.id }, false, nullptr, &error));
    QCOMPARE(
        history.recordLabel(QStringLiteral("funds"), fund.id), QStringLiteral("Short-lived Fund (deleted)"));
    // References by name.
    QVERIFY(HistoryRepository::isReference(QStringLiteral("sector_id")));
    QVERIFY(!HistoryRepository::isReference(QStringLiteral("notes")));
    QCOMPARE(history.referenceLabel(QStringLiteral("sector_id"), 1),
        value(m_db, QStringLiteral("SELECT name FROM sectors WHERE id = 1")).toString());
    QCOMPARE(history.referenceLabel(QStringLiteral("investee_id"), smic),
        QStringLiteral("Semiconductor Manufacturing International Corp. (SMIC)"));
}

QTEST_GUILESS_MAIN(TestHistoryRepository)
#include "tst_historyrepository.moc"
