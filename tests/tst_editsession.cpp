#include "AnalyticsService.h"
#include "Database.h"
#include "DeleteRecords.h"
#include "EditSession.h"
#include "EditTestData.h"
#include "ExchangeRateRepository.h"
#include "RecordStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;

Q_DECLARE_METATYPE(RecordChange)

namespace {

const QString BigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");
const QString Smic = QStringLiteral("Semiconductor Manufacturing International Corp. (SMIC)");

} // namespace

/// Every command type, done, undone and redone, leaves the database exactly as it was at each
/// point (compared as a dump of every table); typing merges; deletes come back with their ids.
class TestEditSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addEveryKindUndoRedo_data();
    void addEveryKindUndoRedo();
    void editRecordUndoRedo();
    void everyWriteIsAnnounced();
    void setDisbursementAmountUndoRedo();
    void repeatedTypingMerges();
    void typingBackTheOriginalLeavesNothing();
    void differentRecordsDoNotMerge();
    void formEditsDoNotMerge();
    void deleteWithDependentsUndoRestoresIds();
    void deleteSeveralIsOneStep();
    void exchangeRateSetChangeDelete();
    void macroIsOneStep();
    void refusedCommandLeavesStackAlone();
    void noChangeIsNoStep();
    void failedUndoLeavesTheStack();
    void changesAreReported();
    void totalsReloadAfterMoneyChanges();

private:
    qint64 id(const QString &sql, const QVariantList &binds = {}) { return count(m_db, sql, binds); }
    /// Undo then redo the last step; the database must match `before` after undo and `after` after redo.
    void checkUndoRedo(const QString &before, const QString &after);

    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
};

void TestEditSession::initTestCase()
{
    qRegisterMetaType<RecordChange>();
}

void TestEditSession::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
}

void TestEditSession::cleanup()
{
    delete m_session;
    m_session = nullptr;
    m_db.close();
    delete m_dir;
    m_dir = nullptr;
}

void TestEditSession::checkUndoRedo(const QString &before, const QString &after)
{
    QUndoStack *stack = m_session->undoStack();
    QVERIFY(stack->canUndo());
    stack->undo();
    QCOMPARE(dump(m_db), before);
    QVERIFY(stack->canRedo());
    stack->redo();
    QCOMPARE(dump(m_db), after);
    stack->undo();
    QCOMPARE(dump(m_db), before);
    stack->redo();
    QCOMPARE(dump(m_db), after);
}

void TestEditSession::addEveryKindUndoRedo_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addRow("fund") << int(RecordKind::Fund) << QStringLiteral("Add fund");
    QTest::addRow("phase") << int(RecordKind::Phase) << QStringLiteral("Add phase");
    QTest::addRow("investee") << int(RecordKind::Investee) << QStringLiteral("Add investee");
    QTest::addRow("disbursement") << int(RecordKind::Disbursement) << QStringLiteral("Add disbursement");
}

void TestEditSession::addEveryKindUndoRedo()
{
    QFETCH(int, kind);
    QFETCH(QString, text);
    RowValues row;
    row.kind = RecordKind(kind);
    switch (row.kind) {
    case RecordKind::Fund:
        row.set(QStringLiteral("name"), QStringLiteral("Anhui Test Fund"));
        row.set(QStringLiteral("name_zh"), QStringLiteral("安徽测试基金"));
        row.set(QStringLiteral("kind"), QStringLiteral("fund"));
        row.set(QStringLiteral("level"), QStringLiteral("provincial"));
        break;
    case RecordKind::Phase:
        row.set(QStringLiteral("fund_id"),
            id(QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund }));
        row.set(QStringLiteral("label"), QStringLiteral("Phase IV"));
        row.set(QStringLiteral("start_date"), QStringLiteral("2029"));
        row.set(QStringLiteral("capital_minor"), qint64(10000000000000));
        row.set(QStringLiteral("currency"), QStringLiteral("CNY"));
        break;
    case RecordKind::Investee:
        row.set(QStringLiteral("name"), QStringLiteral("Test Chips Ltd"));
        row.set(QStringLiteral("kind"), QStringLiteral("company"));
        row.set(QStringLiteral("sector_id"), 1);
        break;
    case RecordKind::Disbursement:
        row.set(QStringLiteral("phase_id"), id(QStringLiteral("SELECT min(id) FROM phases")));
        row.set(QStringLiteral("investee_id"),
            id(QStringLiteral("SELECT id FROM investees WHERE name = ?"), { Smic }));
        row.set(QStringLiteral("value_date"), QStringLiteral("2024-03"));
        row.set(QStringLiteral("type"), QStringLiteral("equity purchase"));
        row.set(QStringLiteral("amount_minor"), qint64(123000000000));
        row.set(QStringLiteral("currency"), QStringLiteral("CNY"));
        row.set(QStringLiteral("stake_pct"), 2.5);
        row.set(QStringLiteral("status"), QStringLiteral("completed"));
        row.set(QStringLiteral("confidence"), QStringLiteral("high"));
        row.set(QStringLiteral("source_url"), QStringLiteral("https://example.org/a"));
        break;
    }
    const QString before = dump(m_db);
    QVERIFY2(m_session->addRecord(row), qPrintable(m_session->lastError()));
    QVERIFY(row.id > 0);
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(m_session->undoStack()->undoText(), text);
    const QString after = dump(m_db);
    QVERIFY(after != before);
    const qint64 addedId = row.id;
    checkUndoRedo(before, after);
    // Redo puts the row back with the same id.
    QCOMPARE(count(m_db,
                 QStringLiteral("SELECT count(*) FROM %1 WHERE id = ?").arg(RecordStore::tableName(row.kind)),
                 { addedId }),
        qint64(1));
    // The history has the insert, the undo's delete and the redo's insert.
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM history WHERE table_name = ? AND row_id = ?"),
                 { RecordStore::tableName(row.kind), addedId }),
        qint64(5));
}

void TestEditSession::editRecordUndoRedo()
{
    const qint64 fund = id(QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    const QString before = dump(m_db);
    QVERIFY(m_session->editRecord(RecordKind::Fund, fund,
        { { QStringLiteral("name_zh"), QStringLiteral("大基金") },
            { QStringLiteral("manager"), QStringLiteral("Sino IC Capital") } }));
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Edit fund"));
    checkUndoRedo(before, dump(m_db));
}

void TestEditSession::everyWriteIsAnnounced()
{
    // Before each write, undo and redo: the Workspace interrupts a sort index being built on
    // that signal, so the write does not wait for its lock. Before, not after: each write must
    // find the signal already sent, and a refused command announces its attempt too.
    const qint64 fund = id(QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    QSignalSpy announced(m_session, &EditSession::aboutToWrite);
    QList<int> announcedWhenWritten;
    connect(m_session, &EditSession::historyChanged, this, [&] { announcedWhenWritten.append(int(announced.size())); });
    QVERIFY(m_session->editRecord(RecordKind::Fund, fund, { { QStringLiteral("manager"), QStringLiteral("A") } }));
    m_session->undoStack()->undo();
    m_session->undoStack()->redo();
    QCOMPARE(announced.size(), 3);
    QCOMPARE(announcedWhenWritten, QList<int>({ 1, 2, 3 }));
    QVERIFY(!m_session->editRecord(RecordKind::Fund, fund, { { QStringLiteral("name"), QString() } }));
    QCOMPARE(announced.size(), 4);
}

void TestEditSession::setDisbursementAmountUndoRedo()
{
    const qint64 event = id(QStringLiteral("SELECT min(id) FROM disbursements WHERE amount_minor IS NULL"));
    const QString before = dump(m_db);
    QVERIFY(m_session->setDisbursementAmount(event, qint64(35000000000), QStringLiteral("USD")));
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Set disbursement amount"));
    QCOMPARE(
        value(m_db, QStringLiteral("SELECT currency FROM disbursements WHERE id = ?"), { event }).toString(),
        QStringLiteral("USD"));
    const QString after = dump(m_db);
    checkUndoRedo(before, after);
    // Back to undisclosed from a form (no merging): both columns NULL again, and undoable.
    QVERIFY(m_session->editRecord(RecordKind::Disbursement, event,
        { { QStringLiteral("amount_minor"), QVariant() }, { QStringLiteral("currency"), QVariant() } }));
    QVERIFY(value(m_db, QStringLiteral("SELECT amount_minor FROM disbursements WHERE id = ?"), { event })
                .isNull());
    QVERIFY(
        value(m_db, QStringLiteral("SELECT currency FROM disbursements WHERE id = ?"), { event }).isNull());
    QCOMPARE(dump(m_db), before);
    checkUndoRedo(after, before);
    // Typed in the cell and typed back, the two merge into nothing left to undo.
    m_session->undoStack()->clear();
    QVERIFY(m_session->setDisbursementAmount(event, qint64(5), QStringLiteral("USD")));
    QCOMPARE(m_session->undoStack()->count(), 1);
    QVERIFY(m_session->setDisbursementAmount(event, std::nullopt, QString()));
    QCOMPARE(m_session->undoStack()->count(), 0);
    QCOMPARE(dump(m_db), before);
}

void TestEditSession::repeatedTypingMerges()
{
    const qint64 event = id(QStringLiteral("SELECT min(id) FROM disbursements"));
    const QString before = dump(m_db);
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, event, { { QStringLiteral("notes"), QStringLiteral("first") } }));
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, event, { { QStringLiteral("notes"), QStringLiteral("second") } }));
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, event, { { QStringLiteral("notes"), QStringLiteral("third") } }));
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Set disbursement notes"));
    QCOMPARE(
        value(m_db, QStringLiteral("SELECT notes FROM disbursements WHERE id = ?"), { event }).toString(),
        QStringLiteral("third"));
    const QString after = dump(m_db);
    checkUndoRedo(before, after); // one undo goes all the way back
    // Every write is still in the history.
    QVERIFY(count(m_db, QStringLiteral("SELECT count(*) FROM history WHERE field = 'notes' AND row_id = ?"),
                { event })
        >= 3);
}

void TestEditSession::typingBackTheOriginalLeavesNothing()
{
    const qint64 event = id(QStringLiteral("SELECT min(id) FROM disbursements"));
    const QString original
        = value(m_db, QStringLiteral("SELECT confidence FROM disbursements WHERE id = ?"), { event })
              .toString();
    const QString other = original == QLatin1String("low") ? QStringLiteral("high") : QStringLiteral("low");
    QVERIFY(
        m_session->setField(RecordKind::Disbursement, event, { { QStringLiteral("confidence"), other } }));
    QCOMPARE(m_session->undoStack()->count(), 1);
    QVERIFY(
        m_session->setField(RecordKind::Disbursement, event, { { QStringLiteral("confidence"), original } }));
    QCOMPARE(m_session->undoStack()->count(), 0);
}

void TestEditSession::differentRecordsDoNotMerge()
{
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("a") } }));
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 2, { { QStringLiteral("notes"), QStringLiteral("b") } }));
    QVERIFY(m_session->setField(RecordKind::Disbursement, 2,
        { { QStringLiteral("source_url"), QStringLiteral("https://example.org") } }));
    QCOMPARE(m_session->undoStack()->count(), 3);
}

void TestEditSession::formEditsDoNotMerge()
{
    QVERIFY(m_session->editRecord(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("a") } }));
    QVERIFY(m_session->editRecord(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("b") } }));
    QCOMPARE(m_session->undoStack()->count(), 2);
}

void TestEditSession::deleteWithDependentsUndoRestoresIds()
{
    const qint64 fund = id(QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    const QList<qint64> phaseIds = [&] {
        QList<qint64> ids;
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral("SELECT id FROM phases WHERE fund_id = %1 ORDER BY id").arg(fund));
        while (q.next())
            ids.append(q.value(0).toLongLong());
        return ids;
    }();
    const QString before = dump(m_db);
    // Without consent: refused, nothing on the stack.
    QVERIFY(!m_session->deleteRecords(RecordKind::Fund, { fund }, false));
    QVERIFY(m_session->lastError().contains(QStringLiteral("depend on it")));
    QCOMPARE(m_session->undoStack()->count(), 0);
    QCOMPARE(dump(m_db), before);

    QVERIFY2(m_session->deleteRecords(RecordKind::Fund, { fund }, true), qPrintable(m_session->lastError()));
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Delete fund"));
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT count(*) FROM phases WHERE fund_id = ?"), { fund }), qint64(0));
    const QString after = dump(m_db);
    m_session->undoStack()->undo();
    QCOMPARE(dump(m_db), before);
    for (qint64 phase : phaseIds)
        QCOMPARE(count(m_db, QStringLiteral("SELECT fund_id FROM phases WHERE id = ?"), { phase }), fund);
    m_session->undoStack()->redo();
    QCOMPARE(dump(m_db), after);
    checkUndoRedo(before, after);
}

void TestEditSession::deleteSeveralIsOneStep()
{
    const QString before = dump(m_db);
    QVERIFY(m_session->deleteRecords(RecordKind::Disbursement, { 2, 4, 6 }, false));
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Delete 3 disbursements"));
    checkUndoRedo(before, dump(m_db));
}

void TestEditSession::exchangeRateSetChangeDelete()
{
    const QString start = dump(m_db);
    // A new rate.
    QVERIFY(m_session->setExchangeRate(
        QStringLiteral("EUR"), 2021, ExchangeRate { QString(), 0, 7.6282, QStringLiteral("ECB") }));
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Set exchange rate EUR 2021"));
    const QString added = dump(m_db);
    checkUndoRedo(start, added);
    // A changed rate.
    QVERIFY(m_session->setExchangeRate(
        QStringLiteral("EUR"), 2021, ExchangeRate { QString(), 0, 7.7, QStringLiteral("ECB") }));
    const QString changed = dump(m_db);
    checkUndoRedo(added, changed);
    // A deleted rate.
    QVERIFY(m_session->setExchangeRate(QStringLiteral("EUR"), 2021, std::nullopt));
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Delete exchange rate EUR 2021"));
    checkUndoRedo(changed, dump(m_db));
    QCOMPARE(dump(m_db), start);
    // History keys the rate by currency and year.
    QCOMPARE(
        count(m_db,
            QStringLiteral("SELECT count(*) FROM history WHERE table_name = 'exchange_rates' AND row_id = ?"),
            { ExchangeRateRepository::rowKey(QStringLiteral("EUR"), 2021) }),
        qint64(15));
    QCOMPARE(ExchangeRateRepository::describeKey(ExchangeRateRepository::rowKey(QStringLiteral("EUR"), 2021)),
        QStringLiteral("EUR 2021"));
}

void TestEditSession::macroIsOneStep()
{
    const QString before = dump(m_db);
    m_session->beginMacro(QStringLiteral("Add disbursement and investee"));
    RowValues investee;
    investee.kind = RecordKind::Investee;
    investee.set(QStringLiteral("name"), QStringLiteral("Macro Chips"));
    investee.set(QStringLiteral("kind"), QStringLiteral("company"));
    QVERIFY(m_session->addRecord(investee));
    RowValues event;
    event.kind = RecordKind::Disbursement;
    event.set(QStringLiteral("phase_id"), id(QStringLiteral("SELECT min(id) FROM phases")));
    event.set(QStringLiteral("investee_id"), investee.id);
    event.set(QStringLiteral("type"), QStringLiteral("grant"));
    event.set(QStringLiteral("status"), QStringLiteral("announced"));
    event.set(QStringLiteral("confidence"), QStringLiteral("low"));
    QVERIFY(m_session->addRecord(event));
    m_session->endMacro();
    QCOMPARE(m_session->undoStack()->count(), 1);
    checkUndoRedo(before, dump(m_db));
}

void TestEditSession::refusedCommandLeavesStackAlone()
{
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("kept") } }));
    m_session->undoStack()->undo();
    QVERIFY(m_session->undoStack()->canRedo());
    const QString before = dump(m_db, true);
    // Invalid: a stake over 100. Refused before anything is written, and the redo step survives.
    QVERIFY(!m_session->setField(RecordKind::Disbursement, 1, { { QStringLiteral("stake_pct"), 150.0 } }));
    QVERIFY(m_session->lastError().contains(QStringLiteral("stake")));
    QCOMPARE(dump(m_db, true), before);
    QVERIFY(m_session->undoStack()->canRedo());
    QCOMPARE(m_session->undoStack()->count(), 1);
}

void TestEditSession::noChangeIsNoStep()
{
    const QString status
        = value(m_db, QStringLiteral("SELECT status FROM disbursements WHERE id = 1")).toString();
    const QString before = dump(m_db, true);
    QVERIFY(m_session->editRecord(RecordKind::Disbursement, 1, { { QStringLiteral("status"), status } }));
    QCOMPARE(m_session->undoStack()->count(), 0);
    QCOMPARE(dump(m_db, true), before);
}

void TestEditSession::failedUndoLeavesTheStack()
{
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("x") } }));
    QVERIFY(exec(m_db,
        QStringLiteral("CREATE TRIGGER no_updates BEFORE UPDATE ON disbursements "
                       "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")));
    QSignalSpy failed(m_session, &EditSession::failed);
    const QString before = dump(m_db, true);
    m_session->undoStack()->undo();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.constFirst().constFirst().toString().contains(QStringLiteral("could not be undone")));
    QCOMPARE(dump(m_db, true), before);
    QCOMPARE(m_session->undoStack()->count(), 0); // the step can no longer be trusted
}

void TestEditSession::changesAreReported()
{
    QSignalSpy changes(m_session, &EditSession::recordsChanged);
    QSignalSpy history(m_session, &EditSession::historyChanged);
    const qint64 fund = id(QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    QVERIFY(m_session->deleteRecords(RecordKind::Fund, { fund }, true));
    QCOMPARE(history.count(), 1);
    QSet<int> removedKinds;
    bool fundRemoved = false;
    bool childUnlinked = false;
    for (const QList<QVariant> &args : std::as_const(changes)) {
        const auto c = args.constFirst().value<RecordChange>();
        if (c.type == RecordChange::Type::Removed)
            removedKinds.insert(int(c.kind));
        if (c.type == RecordChange::Type::Removed && c.kind == RecordKind::Fund
            && c.ids == QList<qint64> { fund })
            fundRemoved = true;
        if (c.type == RecordChange::Type::Changed && c.kind == RecordKind::Fund
            && c.columns == QStringList { QStringLiteral("parent_fund_id") })
            childUnlinked = true;
    }
    QVERIFY(fundRemoved);
    QVERIFY(childUnlinked);
    QVERIFY(removedKinds.contains(int(RecordKind::Phase)));
    QVERIFY(removedKinds.contains(int(RecordKind::Disbursement)));
    changes.clear();
    m_session->undoStack()->undo();
    QVERIFY(!changes.isEmpty());
    QCOMPARE(changes.constLast().constFirst().value<RecordChange>().type, RecordChange::Type::Changed);
}

void TestEditSession::totalsReloadAfterMoneyChanges()
{
    AnalyticsService analytics(m_db);
    analytics.reload();
    m_session->setAnalytics(&analytics);
    QSignalSpy ready(&analytics, &AnalyticsService::ready);
    // Notes move no total: no reload.
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("n") } }));
    QCoreApplication::processEvents();
    QCOMPARE(ready.count(), 0);
    // Two money changes in a row: one reload, once the event loop turns.
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("status"), QStringLiteral("cancelled") } }));
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 2, { { QStringLiteral("status"), QStringLiteral("cancelled") } }));
    QCOMPARE(ready.count(), 0);
    QTRY_COMPARE(ready.count(), 1);
}

QTEST_GUILESS_MAIN(TestEditSession)
#include "tst_editsession.moc"
