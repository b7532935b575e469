#include "EditSession.h"
#include "EditTestData.h"
#include "HistoryTableModel.h"
#include "RecordStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;

class TestHistoryTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyAtFirst();
    void newEntriesAppearAtTheTop();
    void pagesFetchedOnDemand();
    void filterByRecord();
    void namesNotIds();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
    HistoryTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestHistoryTableModel::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
    m_model = new HistoryTableModel(m_db);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setEditSession(m_session);
    m_model->setQuery({});
}

void TestHistoryTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_session;
    m_db.close();
    delete m_dir;
}

void TestHistoryTableModel::emptyAtFirst()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->totalCount(), qint64(0));
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->headerData(HistoryTableModel::OldValue, Qt::Horizontal).toString(),
        QStringLiteral("Old value"));
}

void TestHistoryTableModel::newEntriesAppearAtTheTop()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("first") } }));
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 2, { { QStringLiteral("notes"), QStringLiteral("second") } }));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.constLast().at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0, HistoryTableModel::NewValue).data().toString(), QStringLiteral("second"));
    QCOMPARE(m_model->index(0, HistoryTableModel::Action).data().toString(), QStringLiteral("changed"));
    QCOMPARE(m_model->index(0, HistoryTableModel::Field).data().toString(), QStringLiteral("notes"));
    QVERIFY(!m_model->index(0, HistoryTableModel::When).data().toString().isEmpty());
    QCOMPARE(m_model->index(0, HistoryTableModel::Who).data().toString(), HistoryRepository::currentUser());
    m_session->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(0, HistoryTableModel::OldValue).data().toString(), QStringLiteral("second"));
}

void TestHistoryTableModel::pagesFetchedOnDemand()
{
    RecordStore store(m_db);
    QString error;
    for (int i = 0; i < HistoryTableModel::PageSize + 10; ++i)
        QVERIFY(store.update(
            RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QString::number(i) } }, &error));
    m_model->setQuery({});
    QCOMPARE(m_model->rowCount(), HistoryTableModel::PageSize);
    QCOMPARE(m_model->totalCount(), qint64(HistoryTableModel::PageSize + 10));
    // One page at a time, on the next turn of the event loop (the model tester asks for more too).
    m_model->fetchMore({});
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->rowCount(), HistoryTableModel::PageSize);
    QCoreApplication::processEvents();
    QCOMPARE(m_model->rowCount(), HistoryTableModel::PageSize + 10);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->index(m_model->rowCount() - 1, HistoryTableModel::NewValue).data().toString(),
        QStringLiteral("0"));
}

void TestHistoryTableModel::filterByRecord()
{
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("a") } }));
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 2, { { QStringLiteral("notes"), QStringLiteral("b") } }));
    HistoryQuery one;
    one.table = QStringLiteral("disbursements");
    one.rowId = 2;
    m_model->setQuery(one);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data(HistoryTableModel::RowIdRole).toLongLong(), qint64(2));
    // Entries of other records do not appear; this record's do.
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("status"), QStringLiteral("cancelled") } }));
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(m_session->setField(
        RecordKind::Disbursement, 2, { { QStringLiteral("status"), QStringLiteral("cancelled") } }));
    QCOMPARE(m_model->rowCount(), 2);
}

void TestHistoryTableModel::namesNotIds()
{
    const QString smic = QStringLiteral("Semiconductor Manufacturing International Corp. (SMIC)");
    const qint64 investee = count(m_db, QStringLiteral("SELECT id FROM investees WHERE name = ?"), { smic });
    const qint64 event = count(
        m_db, QStringLiteral("SELECT min(id) FROM disbursements WHERE investee_id <> ?"), { investee });
    QVERIFY(m_session->editRecord(
        RecordKind::Disbursement, event, { { QStringLiteral("investee_id"), investee } }));
    QCOMPARE(m_model->index(0, HistoryTableModel::Field).data().toString(), QStringLiteral("investee"));
    QCOMPARE(m_model->index(0, HistoryTableModel::NewValue).data().toString(), smic);
    QVERIFY(m_model->index(0, HistoryTableModel::Record)
                .data()
                .toString()
                .startsWith(QStringLiteral("Disbursement: ") + smic));
    // A whole row added: its fields by name.
    RowValues fund;
    fund.kind = RecordKind::Fund;
    fund.set(QStringLiteral("name"), QStringLiteral("History Fund"));
    fund.set(QStringLiteral("kind"), QStringLiteral("fund"));
    fund.set(QStringLiteral("level"), QStringLiteral("national"));
    QVERIFY(m_session->addRecord(fund));
    QCOMPARE(m_model->index(0, HistoryTableModel::Action).data().toString(), QStringLiteral("added"));
    QVERIFY(m_model->index(0, HistoryTableModel::NewValue)
                .data()
                .toString()
                .contains(QStringLiteral("name: History Fund")));
    QCOMPARE(
        m_model->index(0, HistoryTableModel::Record).data().toString(), QStringLiteral("Fund: History Fund"));
    m_session->undoStack()->undo();
    QCOMPARE(m_model->index(0, HistoryTableModel::Action).data().toString(), QStringLiteral("deleted"));
    QCOMPARE(m_model->index(0, HistoryTableModel::Record).data().toString(),
        QStringLiteral("Fund: History Fund (deleted)"));
}

QTEST_MAIN(TestHistoryTableModel)
#include "tst_historytablemodel.moc"
