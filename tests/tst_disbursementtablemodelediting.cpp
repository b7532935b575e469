#include "DisbursementTableModel.h"
#include "EditSession.h"
#include "EditTestData.h"
#include "FieldText.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;

/// In-place editing of the Disbursements table: setData() parses like the forms, pushes an undo
/// command, and the model re-reads only the page that holds the row (the browse behaviour is
/// tested in tst_disbursementtablemodel).
class TestDisbursementTableModelEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void readOnlyWithoutSession();
    void flagsAndRoles();
    void setData_data();
    void setData();
    void refusedTextChangesNothing();
    void undoRedoUpdateTheRow();
    void onlyTheAffectedPageIsRead();
    void addAndRemoveRecount();
    void namesOfOtherRecordsRefresh();
    void rowLeavingTheFilterIsRecounted();

private:
    int rowOf(qint64 id) const;

    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
    DisbursementTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestDisbursementTableModelEditing::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
    m_model = new DisbursementTableModel(m_db);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Filter all;
    all.statuses = { QStringLiteral("announced"), QStringLiteral("committed"), QStringLiteral("completed"),
        QStringLiteral("cancelled") };
    m_model->setFilter(all);
    m_model->sort(DisbursementTableModel::Date, Qt::AscendingOrder);
}

void TestDisbursementTableModelEditing::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_session;
    m_db.close();
    delete m_dir;
}

int TestDisbursementTableModelEditing::rowOf(qint64 id) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(DisbursementTableModel::IdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

void TestDisbursementTableModelEditing::readOnlyWithoutSession()
{
    const QModelIndex notes = m_model->index(0, DisbursementTableModel::Notes);
    QVERIFY(!(m_model->flags(notes) & Qt::ItemIsEditable));
    QVERIFY(!m_model->setData(notes, QStringLiteral("x")));
}

void TestDisbursementTableModelEditing::flagsAndRoles()
{
    m_model->setEditSession(m_session);
    for (int c = 0; c < DisbursementTableModel::ColumnCount; ++c) {
        const bool editable = m_model->flags(m_model->index(0, c)) & Qt::ItemIsEditable;
        QCOMPARE(editable, !DisbursementTableModel::editColumn(c).isEmpty());
    }
    QVERIFY(!(m_model->flags(m_model->index(0, DisbursementTableModel::Fund)) & Qt::ItemIsEditable));
    const QModelIndex status = m_model->index(0, DisbursementTableModel::Status);
    QCOMPARE(status.data(FieldText::ChoicesRole).toStringList().size(), 4);
    QCOMPARE(status.data(FieldText::FieldRole).toMap().value(QStringLiteral("column")).toString(),
        QStringLiteral("status"));
    // The amount edits as text the parser reads back.
    const qint64 id = count(m_db, QStringLiteral("SELECT min(id) FROM disbursements WHERE currency = 'USD'"));
    const QModelIndex amount = m_model->index(rowOf(id), DisbursementTableModel::Amount);
    QVERIFY(amount.data(Qt::EditRole).toString().startsWith(QStringLiteral("USD ")));
}

void TestDisbursementTableModelEditing::setData_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("sql"); // checked against the edited row
    QTest::addColumn<QVariant>("expected");
    QTest::addRow("date") << int(DisbursementTableModel::Date) << QStringLiteral("2021年5月")
                          << QStringLiteral("value_date") << QVariant(QStringLiteral("2021-05"));
    QTest::addRow("amount in yi") << int(DisbursementTableModel::Amount) << QStringLiteral("CNY 12.3亿")
                                  << QStringLiteral("amount_minor") << QVariant(qint64(123000000000));
    QTest::addRow("amount currency") << int(DisbursementTableModel::Amount) << QStringLiteral("USD 350m")
                                     << QStringLiteral("currency") << QVariant(QStringLiteral("USD"));
    QTest::addRow("undisclosed") << int(DisbursementTableModel::Amount) << QStringLiteral("undisclosed")
                                 << QStringLiteral("amount_minor") << QVariant();
    QTest::addRow("stake") << int(DisbursementTableModel::Stake) << QStringLiteral("12.5")
                           << QStringLiteral("stake_pct") << QVariant(12.5);
    QTest::addRow("status") << int(DisbursementTableModel::Status) << QStringLiteral("cancelled")
                            << QStringLiteral("status") << QVariant(QStringLiteral("cancelled"));
    QTest::addRow("type") << int(DisbursementTableModel::Type) << QStringLiteral("loan")
                          << QStringLiteral("type") << QVariant(QStringLiteral("loan"));
    QTest::addRow("confidence") << int(DisbursementTableModel::Confidence) << QStringLiteral("low")
                                << QStringLiteral("confidence") << QVariant(QStringLiteral("low"));
    QTest::addRow("source") << int(DisbursementTableModel::Source) << QStringLiteral("https://example.org/s")
                            << QStringLiteral("source_url")
                            << QVariant(QStringLiteral("https://example.org/s"));
    QTest::addRow("notes") << int(DisbursementTableModel::Notes)
                           << QStringLiteral("checked against the filing") << QStringLiteral("notes")
                           << QVariant(QStringLiteral("checked against the filing"));
}

void TestDisbursementTableModelEditing::setData()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, sql);
    QFETCH(QVariant, expected);
    m_model->setEditSession(m_session);
    // A row whose values all differ from the ones typed below.
    const qint64 id = count(m_db,
        QStringLiteral("SELECT min(id) FROM disbursements WHERE amount_minor IS NOT NULL AND "
                       "currency <> 'USD' AND confidence <> 'low' AND status <> 'cancelled' "
                       "AND type <> 'loan' AND ifnull(value_date, '') <> '2021-05'"));
    const int row = rowOf(id);
    QVERIFY(row >= 0);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(row, column), text));
    const QVariant stored
        = value(m_db, QStringLiteral("SELECT %1 FROM disbursements WHERE id = ?").arg(sql), { id });
    if (expected.isValid())
        QCOMPARE(stored.toString(), expected.toString());
    else
        QVERIFY(stored.isNull());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(m_session->undoStack()->count(), 1);
    // The edited row shows the new value once read again.
    const int now = rowOf(id);
    QVERIFY(now >= 0);
    if (column == DisbursementTableModel::Notes)
        QCOMPARE(m_model->index(now, column).data().toString(), text);
}

void TestDisbursementTableModelEditing::refusedTextChangesNothing()
{
    m_model->setEditSession(m_session);
    QSignalSpy failed(m_model, &DisbursementTableModel::editFailed);
    const QString before = dump(m_db, true);
    QVERIFY(!m_model->setData(m_model->index(0, DisbursementTableModel::Date), QStringLiteral("2021-02-30")));
    QVERIFY(!m_model->setData(m_model->index(0, DisbursementTableModel::Amount), QStringLiteral("-5")));
    QVERIFY(!m_model->setData(m_model->index(0, DisbursementTableModel::Stake), QStringLiteral("120")));
    QVERIFY(!m_model->setData(m_model->index(0, DisbursementTableModel::Fund), QStringLiteral("x")));
    QCOMPARE(failed.count(), 3);
    QVERIFY(
        failed.constFirst().constFirst().toString().contains(QStringLiteral("February 2021 has 28 days")));
    QCOMPARE(dump(m_db, true), before);
    QCOMPARE(m_session->undoStack()->count(), 0);
}

void TestDisbursementTableModelEditing::undoRedoUpdateTheRow()
{
    m_model->setEditSession(m_session);
    const qint64 id = m_model->index(3, 0).data(DisbursementTableModel::IdRole).toLongLong();
    const QString old = m_model->index(3, DisbursementTableModel::Notes).data().toString();
    QVERIFY(m_model->setData(m_model->index(3, DisbursementTableModel::Notes), QStringLiteral("new note")));
    QCOMPARE(m_model->index(rowOf(id), DisbursementTableModel::Notes).data().toString(),
        QStringLiteral("new note"));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_session->undoStack()->undo();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->index(rowOf(id), DisbursementTableModel::Notes).data().toString(), old);
    m_session->undoStack()->redo();
    QCOMPARE(m_model->index(rowOf(id), DisbursementTableModel::Notes).data().toString(),
        QStringLiteral("new note"));
}

void TestDisbursementTableModelEditing::onlyTheAffectedPageIsRead()
{
    // Enough rows for several pages.
    QVERIFY(m_db.begin());
    for (int i = 0; i < 3 * DisbursementTableModel::PageSize; ++i)
        QVERIFY(exec(m_db,
            QStringLiteral("INSERT INTO disbursements(phase_id, investee_id, value_date, type, status) "
                           "VALUES (1, 1, '2030-01', 'grant', 'announced')")));
    QVERIFY(m_db.commit());
    m_model->reload();
    m_model->setEditSession(m_session);
    QVERIFY(m_model->rowCount() > 3 * DisbursementTableModel::PageSize);
    // Touch the first and the last page so both are cached.
    const int lastRow = m_model->rowCount() - 1;
    QVERIFY(m_model->index(0, 0).data().isValid());
    QVERIFY(m_model->index(lastRow, 0).data().isValid());
    const qint64 id = m_model->index(lastRow, 0).data(DisbursementTableModel::IdRole).toLongLong();
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QVERIFY(m_model->setData(m_model->index(lastRow, DisbursementTableModel::Notes), QStringLiteral("last")));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex top = changed.constFirst().at(0).toModelIndex();
    const QModelIndex bottom = changed.constFirst().at(1).toModelIndex();
    QCOMPARE(bottom.row(), lastRow);
    QCOMPARE(top.row(), (lastRow / DisbursementTableModel::PageSize) * DisbursementTableModel::PageSize);
    QCOMPARE(m_model->index(lastRow, 0).data(DisbursementTableModel::IdRole).toLongLong(), id);
    QCOMPARE(
        m_model->index(lastRow, DisbursementTableModel::Notes).data().toString(), QStringLiteral("last"));
}

void TestDisbursementTableModelEditing::addAndRemoveRecount()
{
    m_model->setEditSession(m_session);
    const int rows = m_model->rowCount();
    QVERIFY(m_session->deleteRecords(RecordKind::Disbursement,
        { m_model->index(0, 0).data(DisbursementTableModel::IdRole).toLongLong() }, false));
    QCOMPARE(m_model->rowCount(), rows - 1);
    m_session->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), rows);
}

void TestDisbursementTableModelEditing::namesOfOtherRecordsRefresh()
{
    m_model->setEditSession(m_session);
    const qint64 investee = m_model->index(0, 0).data(DisbursementTableModel::InvesteeIdRole).toLongLong();
    QVERIFY(m_session->setField(
        RecordKind::Investee, investee, { { QStringLiteral("name"), QStringLiteral("Renamed Co") } }));
    QCOMPARE(
        m_model->index(0, DisbursementTableModel::Investee).data().toString(), QStringLiteral("Renamed Co"));
}

void TestDisbursementTableModelEditing::rowLeavingTheFilterIsRecounted()
{
    m_model->setEditSession(m_session);
    m_model->setFilter(Filter()); // cancelled events left out
    // A counter that would answer from a stale cache is not asked after an edit.
    const qint64 stale = m_model->rowCount();
    m_model->setCounter([stale](const Filter &) { return std::optional<qint64>(stale); });
    const int rows = m_model->rowCount();
    QVERIFY(m_model->setData(m_model->index(0, DisbursementTableModel::Status), QStringLiteral("cancelled")));
    QCOMPARE(m_model->rowCount(), rows - 1);
    m_session->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), rows);
}

QTEST_MAIN(TestDisbursementTableModelEditing)
#include "tst_disbursementtablemodelediting.moc"
