#include "EditSession.h"
#include "EditTestData.h"
#include "FundRepository.h"
#include "FundTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;

namespace {
const QString BigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");
}

/// The navigator follows edits narrowly: renamed funds and phases change in place, added phases
/// and funds are inserted, event counts follow added and removed disbursements.
class TestFundTreeModelEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void renameInPlace();
    void phaseInsertedUnderItsFund();
    void disbursementEditsLeaveTheTreeAlone();
    void deletedFundResets();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
    FundTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    QAbstractItemModelTester *m_proxyTester = nullptr;
    qint64 m_bigFund = 0;
};

void TestFundTreeModelEditing::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
    m_model = new FundTreeModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The navigator's proxy keeps persistent indexes into the tree: it must survive the updates.
    m_proxy = new QSortFilterProxyModel;
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->sort(0);
    m_proxyTester
        = new QAbstractItemModelTester(m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setFunds(FundRepository(m_db).all());
    m_model->setEditSession(m_session);
    m_bigFund = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
}

void TestFundTreeModelEditing::cleanup()
{
    delete m_proxyTester;
    delete m_proxy;
    delete m_tester;
    delete m_model;
    delete m_session;
    m_db.close();
    delete m_dir;
}

void TestFundTreeModelEditing::renameInPlace()
{
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QVERIFY(m_session->setField(
        RecordKind::Fund, m_bigFund, { { QStringLiteral("name_zh"), QStringLiteral("大基金") } }));
    QVERIFY(m_model->indexOfFund(m_bigFund).data().toString().endsWith(QStringLiteral("大基金")));
    const qint64 phase
        = count(m_db, QStringLiteral("SELECT min(id) FROM phases WHERE fund_id = ?"), { m_bigFund });
    QVERIFY(m_session->setField(
        RecordKind::Phase, phase, { { QStringLiteral("label"), QStringLiteral("Phase One") } }));
    QVERIFY(m_model->indexOfPhase(phase).data().toString().startsWith(QStringLiteral("Phase One")));
    QCOMPARE(reset.count(), 0);
}

void TestFundTreeModelEditing::phaseInsertedUnderItsFund()
{
    const QModelIndex fund = m_model->indexOfFund(m_bigFund);
    const int phases = m_model->rowCount(fund);
    RowValues phase;
    phase.kind = RecordKind::Phase;
    phase.set(QStringLiteral("fund_id"), m_bigFund);
    phase.set(QStringLiteral("label"), QStringLiteral("Phase IV"));
    phase.set(QStringLiteral("start_date"), QStringLiteral("2031"));
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QVERIFY(m_session->addRecord(phase));
    QCOMPARE(reset.count(), 0);
    QVERIFY(!inserted.isEmpty());
    QCOMPARE(m_model->rowCount(m_model->indexOfFund(m_bigFund)), phases + 1);
    QVERIFY(m_model->indexOfPhase(phase.id).isValid());
    m_session->undoStack()->undo();
    QCOMPARE(m_model->rowCount(m_model->indexOfFund(m_bigFund)), phases);
    QVERIFY(!m_model->indexOfPhase(phase.id).isValid());
}

void TestFundTreeModelEditing::disbursementEditsLeaveTheTreeAlone()
{
    // Event counts and amounts arrive through setTotals (the window feeds them from the analytics
    // cache); a disbursement's change must not re-read every fund.
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    const qint64 event = count(m_db, QStringLiteral("SELECT min(id) FROM disbursements"));
    QVERIFY(m_session->deleteRecords(RecordKind::Disbursement, { event }, false));
    m_session->undoStack()->undo();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 0);
}

void TestFundTreeModelEditing::deletedFundResets()
{
    const int funds = m_model->rowCount();
    QVERIFY(m_session->deleteRecords(RecordKind::Fund, { m_bigFund }, true));
    QCOMPARE(m_model->rowCount(), funds - 1);
    QVERIFY(!m_model->indexOfFund(m_bigFund).isValid());
    m_session->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), funds);
    QVERIFY(m_model->indexOfFund(m_bigFund).isValid());
}

QTEST_MAIN(TestFundTreeModelEditing)
#include "tst_fundtreemodelediting.moc"
