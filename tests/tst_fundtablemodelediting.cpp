#include "EditSession.h"
#include "EditTestData.h"
#include "FieldText.h"
#include "FundRepository.h"
#include "FundTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;

namespace {
const QString BigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");
}

/// In-place editing of the Funds page and its narrow updates after edits elsewhere.
class TestFundTableModelEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void setDataKindAndName();
    void refused();
    void phaseAddedUpdatesTheFundRow();
    void fundAddedAndDeleted();

private:
    int rowOf(qint64 id) const;

    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
    FundTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestFundTableModelEditing::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
    m_model = new FundTableModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setFunds(FundRepository(m_db).all());
    m_model->setEditSession(m_session);
}

void TestFundTableModelEditing::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_session;
    m_db.close();
    delete m_dir;
}

int TestFundTableModelEditing::rowOf(qint64 id) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(FundTableModel::IdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

void TestFundTableModelEditing::setDataKindAndName()
{
    const qint64 id = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    const int row = rowOf(id);
    QCOMPARE(
        m_model->index(row, FundTableModel::Level).data(FieldText::ChoicesRole).toStringList().size(), 4);
    QVERIFY(m_model->flags(m_model->index(row, FundTableModel::Kind)) & Qt::ItemIsEditable);
    QVERIFY(!(m_model->flags(m_model->index(row, FundTableModel::Capital)) & Qt::ItemIsEditable));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(row, FundTableModel::Kind), QStringLiteral("platform")));
    QCOMPARE(value(m_db, QStringLiteral("SELECT kind FROM funds WHERE id = ?"), { id }).toString(),
        QStringLiteral("platform"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), row);
    QCOMPARE(m_model->index(row, FundTableModel::Kind).data().toString(), QStringLiteral("platform"));
    QVERIFY(m_model->setData(m_model->index(row, FundTableModel::Name), QStringLiteral("Big Fund")));
    QCOMPARE(m_model->index(row, FundTableModel::Name).data().toString(), QStringLiteral("Big Fund"));
    m_session->undoStack()->undo();
    m_session->undoStack()->undo();
    QCOMPARE(m_model->index(row, FundTableModel::Name).data().toString(), BigFund);
    QCOMPARE(m_model->index(row, FundTableModel::Kind).data().toString(), QStringLiteral("fund"));
}

void TestFundTableModelEditing::refused()
{
    QSignalSpy failed(m_model, &FundTableModel::editFailed);
    QVERIFY(!m_model->setData(m_model->index(0, FundTableModel::Level), QStringLiteral("galactic")));
    QVERIFY(!m_model->setData(m_model->index(0, FundTableModel::Invested), QStringLiteral("5")));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(m_session->undoStack()->count(), 0);
}

void TestFundTableModelEditing::phaseAddedUpdatesTheFundRow()
{
    const qint64 id = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    const int row = rowOf(id);
    const qint64 phases = m_model->index(row, FundTableModel::Phases).data().toLongLong();
    RowValues phase;
    phase.kind = RecordKind::Phase;
    phase.set(QStringLiteral("fund_id"), id);
    phase.set(QStringLiteral("label"), QStringLiteral("Phase IV"));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QVERIFY(m_session->addRecord(phase));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->index(row, FundTableModel::Phases).data().toLongLong(), phases + 1);
}

void TestFundTableModelEditing::fundAddedAndDeleted()
{
    const int rows = m_model->rowCount();
    RowValues fund;
    fund.kind = RecordKind::Fund;
    fund.set(QStringLiteral("name"), QStringLiteral("Added Fund"));
    fund.set(QStringLiteral("kind"), QStringLiteral("fund"));
    fund.set(QStringLiteral("level"), QStringLiteral("district"));
    QVERIFY(m_session->addRecord(fund));
    QCOMPARE(m_model->rowCount(), rows + 1);
    QCOMPARE(rowOf(fund.id), rows);
    // A fund with dependents goes with them; its row goes.
    const qint64 big = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    QVERIFY(m_session->deleteRecords(RecordKind::Fund, { big }, true));
    QCOMPARE(rowOf(big), -1);
    QCOMPARE(m_model->rowCount(), rows);
    m_session->undoStack()->undo();
    QVERIFY(rowOf(big) >= 0);
    QCOMPARE(m_model->rowCount(), rows + 1);
}

QTEST_MAIN(TestFundTableModelEditing)
#include "tst_fundtablemodelediting.moc"
