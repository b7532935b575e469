#include "EditSession.h"
#include "EditTestData.h"
#include "FieldText.h"
#include "InvesteeRepository.h"
#include "InvesteeTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;

/// In-place editing of the investee pages and their narrow updates after edits (the browse
/// behaviour is tested in tst_investeetablemodel).
class TestInvesteeTableModelEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void editableColumns();
    void setDataRenames();
    void refusedName();
    void addedAndRemovedRows();
    void sameRowsRefreshWithoutReset();

private:
    QList<InvesteeRow> rows() const;

    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
    InvesteeTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

QList<InvesteeRow> TestInvesteeTableModelEditing::rows() const
{
    QList<InvesteeRow> list;
    const auto all = InvesteeRepository(const_cast<Database &>(m_db)).all();
    for (const InvesteeRecord &r : all) {
        InvesteeRow row;
        row.investee = r;
        row.events = 1;
        list.append(row);
    }
    std::sort(list.begin(), list.end(),
        [](const InvesteeRow &a, const InvesteeRow &b) { return a.investee.id < b.investee.id; });
    return list;
}

void TestInvesteeTableModelEditing::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
    m_model = new InvesteeTableModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setRows(rows(), QStringLiteral("CNY"));
    m_model->setEditSession(m_session);
}

void TestInvesteeTableModelEditing::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_session;
    m_db.close();
    delete m_dir;
}

void TestInvesteeTableModelEditing::editableColumns()
{
    for (int c = 0; c < InvesteeTableModel::ColumnCount; ++c) {
        const bool editable = m_model->flags(m_model->index(0, c)) & Qt::ItemIsEditable;
        QCOMPARE(editable,
            c == InvesteeTableModel::Name || c == InvesteeTableModel::NameZh
                || c == InvesteeTableModel::Ticker);
    }
    QCOMPARE(m_model->index(0, InvesteeTableModel::NameZh)
                 .data(FieldText::FieldRole)
                 .toMap()
                 .value(QStringLiteral("column")),
        QVariant(QStringLiteral("name_zh")));
}

void TestInvesteeTableModelEditing::setDataRenames()
{
    const int row = 2;
    const qint64 id = m_model->index(row, 0).data(InvesteeTableModel::IdRole).toLongLong();
    const QString old = m_model->index(row, InvesteeTableModel::NameZh).data().toString();
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QVERIFY(m_model->setData(m_model->index(row, InvesteeTableModel::NameZh), QStringLiteral("新名字")));
    QCOMPARE(value(m_db, QStringLiteral("SELECT name_zh FROM investees WHERE id = ?"), { id }).toString(),
        QStringLiteral("新名字"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), row);
    QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), row);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->index(row, InvesteeTableModel::NameZh).data().toString(), QStringLiteral("新名字"));
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Set investee Chinese name"));
    m_session->undoStack()->undo();
    QCOMPARE(m_model->index(row, InvesteeTableModel::NameZh).data().toString(), old);
}

void TestInvesteeTableModelEditing::refusedName()
{
    QSignalSpy failed(m_model, &InvesteeTableModel::editFailed);
    const QString taken = m_model->index(1, InvesteeTableModel::Name).data().toString();
    QVERIFY(!m_model->setData(m_model->index(0, InvesteeTableModel::Name), QStringLiteral("   ")));
    QVERIFY(!m_model->setData(m_model->index(0, InvesteeTableModel::Name), taken));
    QCOMPARE(failed.count(), 2);
    QVERIFY(failed.constLast().constFirst().toString().contains(QStringLiteral("already called")));
    QCOMPARE(m_session->undoStack()->count(), 0);
}

void TestInvesteeTableModelEditing::addedAndRemovedRows()
{
    const int rowsBefore = m_model->rowCount();
    RowValues investee;
    investee.kind = RecordKind::Investee;
    investee.set(QStringLiteral("name"), QStringLiteral("Fresh Co"));
    investee.set(QStringLiteral("kind"), QStringLiteral("company"));
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QVERIFY(m_session->addRecord(investee));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), rowsBefore + 1);
    QCOMPARE(m_model->rowOf(investee.id), rowsBefore);
    QCOMPARE(
        m_model->index(rowsBefore, InvesteeTableModel::Name).data().toString(), QStringLiteral("Fresh Co"));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_session->undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowCount(), rowsBefore);
    QCOMPARE(m_model->rowOf(investee.id), -1);
}

void TestInvesteeTableModelEditing::sameRowsRefreshWithoutReset()
{
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QList<InvesteeRow> again = rows();
    again[0].invested = 42;
    m_model->setRows(again, QStringLiteral("CNY"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(
        m_model->index(0, InvesteeTableModel::Invested).data(InvesteeTableModel::SortRole).toDouble(), 42.0);
    // Other rows: a reset.
    again.removeLast();
    m_model->setRows(again, QStringLiteral("CNY"));
    QCOMPARE(reset.count(), 1);
}

QTEST_MAIN(TestInvesteeTableModelEditing)
#include "tst_investeetablemodelediting.moc"
