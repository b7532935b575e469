#include "EditSession.h"
#include "EditTestData.h"
#include "ExchangeRateTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;

class TestExchangeRateTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rowsAndFlags();
    void setDataRateAndSource();
    void refused();
    void addAndDeleteNarrowly();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
    ExchangeRateTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestExchangeRateTableModel::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY(m_db.open(m_dir->filePath(QStringLiteral("t.db"))) == Database::Status::Ok);
    m_session = new EditSession(m_db);
    m_model = new ExchangeRateTableModel(*m_session);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Filled after the tester watches: every insert is checked.
    QVERIFY(m_session->setExchangeRate(
        QStringLiteral("USD"), 2020, ExchangeRate { {}, 0, 6.8976, QStringLiteral("NBS") }));
    QVERIFY(m_session->setExchangeRate(
        QStringLiteral("USD"), 2022, ExchangeRate { {}, 0, 6.7261, QStringLiteral("NBS") }));
    QVERIFY(m_session->setExchangeRate(
        QStringLiteral("HKD"), 2021, ExchangeRate { {}, 0, 0.8298, QStringLiteral("HKMA") }));
    m_session->undoStack()->clear();
}

void TestExchangeRateTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_session;
    m_db.close();
    delete m_dir;
}

void TestExchangeRateTableModel::rowsAndFlags()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(0, ExchangeRateTableModel::Currency).data().toString(), QStringLiteral("HKD"));
    QCOMPARE(m_model->index(2, ExchangeRateTableModel::Year).data().toInt(), 2022);
    QVERIFY(m_model->flags(m_model->index(0, ExchangeRateTableModel::Rate)) & Qt::ItemIsEditable);
    QVERIFY(!(m_model->flags(m_model->index(0, ExchangeRateTableModel::Year)) & Qt::ItemIsEditable));
}

void TestExchangeRateTableModel::setDataRateAndSource()
{
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(1, ExchangeRateTableModel::Rate), QStringLiteral("6.9")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 1);
    QCOMPARE(
        value(m_db,
            QStringLiteral("SELECT cny_per_unit FROM exchange_rates WHERE currency = 'USD' AND year = 2020"))
            .toDouble(),
        6.9);
    QVERIFY(m_model->setData(m_model->index(1, ExchangeRateTableModel::Source), QStringLiteral("PBoC")));
    QCOMPARE(m_model->index(1, ExchangeRateTableModel::Source).data().toString(), QStringLiteral("PBoC"));
    QCOMPARE(m_session->undoStack()->count(), 2);
    m_session->undoStack()->undo();
    m_session->undoStack()->undo();
    QCOMPARE(m_model->index(1, ExchangeRateTableModel::Rate).data().toString(), QStringLiteral("6.8976"));
    QCOMPARE(m_model->index(1, ExchangeRateTableModel::Source).data().toString(), QStringLiteral("NBS"));
}

void TestExchangeRateTableModel::refused()
{
    QSignalSpy failed(m_model, &ExchangeRateTableModel::editFailed);
    QVERIFY(!m_model->setData(m_model->index(0, ExchangeRateTableModel::Rate), QStringLiteral("seven")));
    QVERIFY(!m_model->setData(m_model->index(0, ExchangeRateTableModel::Rate), QStringLiteral("0")));
    QVERIFY(!m_model->setData(m_model->index(0, ExchangeRateTableModel::Year), QStringLiteral("2000")));
    QCOMPARE(failed.count(), 2);
    QCOMPARE(m_session->undoStack()->count(), 0);
}

void TestExchangeRateTableModel::addAndDeleteNarrowly()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QVERIFY(m_session->setExchangeRate(QStringLiteral("USD"), 2021, ExchangeRate { {}, 0, 6.4515, {} }));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.constFirst().at(1).toInt(), 2); // between USD 2020 and USD 2022
    QCOMPARE(m_model->rowOf(QStringLiteral("USD"), 2021), 2);
    QVERIFY(m_session->setExchangeRate(QStringLiteral("HKD"), 2021, std::nullopt));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowOf(QStringLiteral("HKD"), 2021), -1);
    m_session->undoStack()->undo();
    QCOMPARE(m_model->rowOf(QStringLiteral("HKD"), 2021), 0);
    QCOMPARE(reset.count(), 0);
}

QTEST_MAIN(TestExchangeRateTableModel)
#include "tst_exchangeratetablemodel.moc"
