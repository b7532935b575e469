#include "Database.h"
#include "EditTestData.h"
#include "HistoryRepository.h"
#include "RecordStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace EditTestData;

namespace {

const QString BigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");

RowValues newFund(const QString &name)
{
    RowValues r;
    r.kind = RecordKind::Fund;
    r.set(QStringLiteral("name"), name);
    r.set(QStringLiteral("name_zh"), QStringLiteral("测试基金"));
    r.set(QStringLiteral("kind"), QStringLiteral("fund"));
    r.set(QStringLiteral("level"), QStringLiteral("provincial"));
    r.set(QStringLiteral("source_url"), QStringLiteral("https://example.org/fund"));
    return r;
}

} // namespace

class TestRecordStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void insertWritesRowAndHistory();
    void insertKeepsGivenId();
    void invalidInsertWritesNothing();
    void databaseChecks_data();
    void databaseChecks();
    void updateRecordsEachChangedField();
    void updateWithoutChangeWritesNothing();
    void failureMidUpdateRollsBackEverything();
    void failureMidInsertLeavesNoRow();
    void dependentsOfFund();
    void deleteWithDependentsIsRefusedWithoutConsent();
    void cascadeDeleteAndRestoreKeepIds();
    void failureMidCascadeRollsBackEverything();
    void deleteSeveral();

private:
    qint64 fundId(const QString &name)
    {
        return count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { name });
    }
    qint64 historyRows() { return count(m_db, QStringLiteral("SELECT count(*) FROM history")); }

    QTemporaryDir *m_dir = nullptr;
    Database m_db;
};

void TestRecordStore::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
}

void TestRecordStore::cleanup()
{
    m_db.close();
    delete m_dir;
    m_dir = nullptr;
}

void TestRecordStore::insertWritesRowAndHistory()
{
    RecordStore store(m_db);
    RowValues fund = newFund(QStringLiteral("Test Fund"));
    QString error;
    const qint64 before = historyRows();
    QVERIFY2(store.insert(fund, &error), qPrintable(error));
    QVERIFY(fund.id > 0);
    QCOMPARE(value(m_db, QStringLiteral("SELECT name_zh FROM funds WHERE id = ?"), { fund.id }).toString(),
        QStringLiteral("测试基金"));
    QCOMPARE(historyRows(), before + 1);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT user, action, table_name, row_id, field, old_value, new_value, at FROM history "
        "ORDER BY id DESC LIMIT 1"));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), HistoryRepository::currentUser());
    QCOMPARE(q.value(1).toString(), QStringLiteral("insert"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("funds"));
    QCOMPARE(q.value(3).toLongLong(), fund.id);
    QVERIFY(q.value(4).isNull());
    QVERIFY(q.value(5).isNull());
    const QJsonObject row = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("Test Fund"));
    QCOMPARE(row.value(QStringLiteral("level")).toString(), QStringLiteral("provincial"));
    QVERIFY(!row.contains(QStringLiteral("manager"))); // nulls are left out
    QVERIFY(q.value(7).toString().endsWith(QLatin1Char('Z')));

    const auto stored = store.read(RecordKind::Fund, fund.id);
    QVERIFY(stored);
    QCOMPARE(stored->values, fund.values);
}

void TestRecordStore::insertKeepsGivenId()
{
    RecordStore store(m_db);
    RowValues fund = newFund(QStringLiteral("Fund 9000"));
    fund.id = 9000;
    QString error;
    QVERIFY2(store.insert(fund, &error), qPrintable(error));
    QCOMPARE(fund.id, qint64(9000));
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM funds WHERE id = 9000 AND name = 'Fund 9000'")),
        qint64(1));
}

void TestRecordStore::invalidInsertWritesNothing()
{
    RecordStore store(m_db);
    const QString before = dump(m_db, true);
    RowValues d;
    d.kind = RecordKind::Disbursement;
    d.set(QStringLiteral("phase_id"), 1);
    d.set(QStringLiteral("investee_id"), 1);
    d.set(QStringLiteral("value_date"), QStringLiteral("2021-02-30"));
    d.set(QStringLiteral("type"), QStringLiteral("gift"));
    d.set(QStringLiteral("amount_minor"), 100);
    d.set(QStringLiteral("stake_pct"), 120.0);
    d.set(QStringLiteral("status"), QStringLiteral("completed"));
    d.set(QStringLiteral("confidence"), QStringLiteral("high"));
    d.set(QStringLiteral("source_url"), QStringLiteral("www.example.org"));
    QString error;
    QVERIFY(!store.insert(d, &error));
    QCOMPARE(d.id, qint64(0));
    // Every problem is named by its field.
    QVERIFY2(error.contains(QStringLiteral("date: '2021-02-30' is not a date: February 2021 has 28 days")),
        qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("type: 'gift' is not a type")), qPrintable(error));
    QVERIFY2(
        error.contains(QStringLiteral("currency: Choose the currency of the amount")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("stake: ")), qPrintable(error));
    QVERIFY2(
        error.contains(QStringLiteral("source: 'www.example.org' is not a web address")), qPrintable(error));
    QCOMPARE(dump(m_db, true), before);
}

void TestRecordStore::databaseChecks_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("message");
    QTest::addRow("name taken") << QStringLiteral("name") << QVariant(BigFund)
                                << QStringLiteral("Another fund is already called");
    QTest::addRow("no such parent") << QStringLiteral("parent_fund_id") << QVariant(99999)
                                    << QStringLiteral("Choose the parent fund from the list.");
    QTest::addRow("province is no country")
        << QStringLiteral("country_id") << QVariant(-1) << QStringLiteral("Choose a country from the list.");
}

void TestRecordStore::databaseChecks()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(QString, message);
    RowValues fund = newFund(QStringLiteral("Checked Fund"));
    fund.set(column, value);
    const QList<FieldIssue> issues = RecordStore(m_db).validate(fund);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.constFirst().column, column);
    QVERIFY2(issues.constFirst().message.startsWith(message), qPrintable(issues.constFirst().message));
}

void TestRecordStore::updateRecordsEachChangedField()
{
    RecordStore store(m_db);
    const qint64 id = fundId(BigFund);
    const QString oldZh
        = value(m_db, QStringLiteral("SELECT name_zh FROM funds WHERE id = ?"), { id }).toString();
    const qint64 before = historyRows();
    QVariantMap previous;
    QString error;
    QVERIFY2(store.update(RecordKind::Fund, id,
                 { { QStringLiteral("name_zh"), QStringLiteral("大基金") },
                     { QStringLiteral("manager"), QStringLiteral("Sino IC Capital") },
                     { QStringLiteral("level"), QStringLiteral("national") } }, // unchanged
                 &error, &previous),
        qPrintable(error));
    QCOMPARE(historyRows(), before + 2);
    QCOMPARE(previous.value(QStringLiteral("name_zh")).toString(), oldZh);
    QVERIFY(!previous.contains(QStringLiteral("level")));
    QCOMPARE(
        count(m_db,
            QStringLiteral("SELECT count(*) FROM history WHERE action = 'update' AND table_name = 'funds' "
                           "AND row_id = ? AND field = 'name_zh' AND old_value = ? AND new_value = '大基金'"),
            { id, oldZh }),
        qint64(1));
    QCOMPARE(count(m_db,
                 QStringLiteral("SELECT count(*) FROM history WHERE field = 'manager' AND new_value = "
                                "'Sino IC Capital' AND row_id = ?"),
                 { id }),
        qint64(1));
}

void TestRecordStore::updateWithoutChangeWritesNothing()
{
    const qint64 id = fundId(BigFund);
    const QString before = dump(m_db, true);
    QString error;
    QVERIFY(RecordStore(m_db).update(
        RecordKind::Fund, id, { { QStringLiteral("level"), QStringLiteral("national") } }, &error));
    QCOMPARE(dump(m_db, true), before);
    // Refused: not a column.
    QVERIFY(!RecordStore(m_db).update(RecordKind::Fund, id, { { QStringLiteral("id"), 5 } }, &error));
    QVERIFY(error.contains(QStringLiteral("not a column")));
    QCOMPARE(dump(m_db, true), before);
}

// The UPDATE succeeds and the first history row is written; the second history row fails. The
// transaction must take back the row change and the first history row.
void TestRecordStore::failureMidUpdateRollsBackEverything()
{
    const qint64 id = fundId(BigFund);
    const qint64 rows = historyRows();
    QVERIFY(exec(m_db,
        QStringLiteral("CREATE TRIGGER fail_second BEFORE INSERT ON history "
                       "WHEN (SELECT count(*) FROM history) >= %1 "
                       "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
            .arg(rows + 1)));
    const QString before = dump(m_db, true);
    QString error;
    QVERIFY(!RecordStore(m_db).update(RecordKind::Fund, id,
        { { QStringLiteral("name_zh"), QStringLiteral("大基金") },
            { QStringLiteral("manager"), QStringLiteral("Sino IC Capital") } },
        &error));
    QVERIFY2(error.contains(QStringLiteral("simulated failure")), qPrintable(error));
    QCOMPARE(dump(m_db, true), before);
    QCOMPARE(historyRows(), rows);
}

void TestRecordStore::failureMidInsertLeavesNoRow()
{
    QVERIFY(exec(m_db,
        QStringLiteral("CREATE TRIGGER fail_history BEFORE INSERT ON history "
                       "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")));
    const QString before = dump(m_db, true);
    RowValues fund = newFund(QStringLiteral("Never Stored"));
    QString error;
    QVERIFY(!RecordStore(m_db).insert(fund, &error));
    QCOMPARE(fund.id, qint64(0));
    QCOMPARE(dump(m_db, true), before);
}

void TestRecordStore::dependentsOfFund()
{
    const qint64 id = fundId(BigFund);
    const Dependents d = RecordStore(m_db).dependents(RecordKind::Fund, id);
    QCOMPARE(d.phases, count(m_db, QStringLiteral("SELECT count(*) FROM phases WHERE fund_id = ?"), { id }));
    QCOMPARE(d.disbursements,
        count(m_db,
            QStringLiteral("SELECT count(*) FROM disbursements d JOIN phases p ON "
                           "p.id = d.phase_id WHERE p.fund_id = ?"),
            { id }));
    QCOMPARE(d.childFunds,
        count(m_db, QStringLiteral("SELECT count(*) FROM funds WHERE parent_fund_id = ?"), { id }));
    QCOMPARE(d.lookThrough,
        count(m_db, QStringLiteral("SELECT count(*) FROM investees WHERE fund_id = ?"), { id }));
    QVERIFY(d.phases > 0 && d.disbursements > 0 && d.childFunds > 0);
    QVERIFY(!d.items.isEmpty());
    QCOMPARE(d.items.constFirst().kind, RecordKind::Phase);
    QVERIFY(d.deletedText().contains(QStringLiteral(" disbursements and ")));
    QVERIFY(d.unlinkedText().contains(QStringLiteral("name it as parent")));

    const Dependents none = RecordStore(m_db).dependents(RecordKind::Disbursement, 1);
    QVERIFY(none.isEmpty());
}

void TestRecordStore::deleteWithDependentsIsRefusedWithoutConsent()
{
    const qint64 id = fundId(BigFund);
    const QString before = dump(m_db, true);
    Removal removed;
    QString error;
    QVERIFY(!RecordStore(m_db).remove(RecordKind::Fund, { id }, false, &removed, &error));
    QVERIFY2(error.contains(QStringLiteral("depend on it")), qPrintable(error));
    QVERIFY(removed.isEmpty());
    QCOMPARE(dump(m_db, true), before);
}

void TestRecordStore::cascadeDeleteAndRestoreKeepIds()
{
    RecordStore store(m_db);
    const qint64 id = fundId(BigFund);
    const Dependents d = store.dependents(RecordKind::Fund, id);
    const QString before = dump(m_db);
    const qint64 historyBefore = historyRows();
    Removal removed;
    QString error;
    QVERIFY2(store.remove(RecordKind::Fund, { id }, true, &removed, &error), qPrintable(error));
    QCOMPARE(qint64(removed.ids(RecordKind::Disbursement).size()), d.disbursements);
    QCOMPARE(qint64(removed.ids(RecordKind::Phase).size()), d.phases);
    QCOMPARE(removed.ids(RecordKind::Fund), QList<qint64> { id });
    QCOMPARE(qint64(removed.unlinked.size()), d.childFunds + d.lookThrough);
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM funds WHERE id = ?"), { id }), qint64(0));
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM funds WHERE parent_fund_id = ?"), { id }),
        qint64(0));
    QCOMPARE(count(m_db, QStringLiteral("PRAGMA foreign_key_check")), qint64(0));
    // One history entry per deleted row and per unlinked reference.
    QCOMPARE(historyRows() - historyBefore, qint64(removed.rows.size() + removed.unlinked.size()));

    QVERIFY2(store.restore(removed, &error), qPrintable(error));
    QCOMPARE(dump(m_db), before); // same rows, same ids, same references
}

void TestRecordStore::failureMidCascadeRollsBackEverything()
{
    const qint64 id = fundId(BigFund);
    // Disbursements go first; the phases' delete then fails.
    QVERIFY(exec(m_db,
        QStringLiteral("CREATE TRIGGER fail_phase BEFORE DELETE ON phases "
                       "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")));
    const QString before = dump(m_db, true);
    Removal removed;
    QString error;
    QVERIFY(!RecordStore(m_db).remove(RecordKind::Fund, { id }, true, &removed, &error));
    QVERIFY2(error.contains(QStringLiteral("simulated failure")), qPrintable(error));
    QVERIFY(removed.isEmpty());
    QCOMPARE(dump(m_db, true), before);
}

void TestRecordStore::deleteSeveral()
{
    RecordStore store(m_db);
    const QList<qint64> ids = { 3, 5, 8 };
    const QString before = dump(m_db);
    Removal removed;
    QString error;
    QVERIFY2(store.remove(RecordKind::Disbursement, ids, false, &removed, &error), qPrintable(error));
    QCOMPARE(removed.ids(RecordKind::Disbursement), ids);
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE id IN (3, 5, 8)")), qint64(0));
    QVERIFY2(store.restore(removed, &error), qPrintable(error));
    QCOMPARE(dump(m_db), before);
}

QTEST_GUILESS_MAIN(TestRecordStore)
#include "tst_recordstore.moc"
