#include "EditSession.h"
#include "EditTestData.h"
#include "HistoryTableModel.h"
#include "RecordStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <optional>

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
    void amountsInTheUsersUnits_data();
    void amountsInTheUsersUnits();
    void amountAndCurrencyChangedTogether();
    void wholeRowAmountsInUnits();
    void unitsChangeRepaintsTheValues();
    void datesAtTheirPrecision();
    void vocabularyByName();

private:
    /// A disbursement of the sample stored in CNY.
    qint64 cnyEvent();
    QString shown(int row, int column) const { return m_model->index(row, column).data().toString(); }

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

qint64 TestHistoryTableModel::cnyEvent()
{
    return count(m_db, QStringLiteral("SELECT min(id) FROM disbursements WHERE currency = 'CNY'"));
}

void TestHistoryTableModel::amountsInTheUsersUnits_data()
{
    QTest::addColumn<bool>("chineseUnits");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("second"); ///< 0: undisclosed
    QTest::addColumn<QString>("oldText");
    QTest::addColumn<QString>("newText");
    using Minor = qint64;
    // Minor units of CNY (2 decimals): 125000000000 is CNY 1,250,000,000.00, 12.5 亿.
    QTest::addRow("亿 to 万") << true << Minor(125000000000) << Minor(3000000)
                              << QStringLiteral("CNY 12.5 亿") << QStringLiteral("CNY 3 万");
    QTest::addRow("bn to k") << false << Minor(125000000000) << Minor(3000000)
                             << QStringLiteral("CNY 1.25 bn") << QStringLiteral("CNY 30 k");
    QTest::addRow("亿 beyond 10,000") << true << Minor(123456700000000) << Minor(5000000000)
                                      << QStringLiteral("CNY 12,345.67 亿") << QStringLiteral("CNY 5,000 万");
    QTest::addRow("m, then below a unit") << false << Minor(35000000000) << Minor(99950)
                                          << QStringLiteral("CNY 350 m") << QStringLiteral("CNY 999.5");
    // Rounding to a unit would hide the change: an amount that needs more decimals is shown whole.
    QTest::addRow("exact, not rounded")
        << true << Minor(125000000000) << Minor(125000000012) << QStringLiteral("CNY 12.5 亿")
        << QStringLiteral("CNY 1,250,000,000.12");
    QTest::addRow("to undisclosed") << true << Minor(125000000000) << Minor(0)
                                    << QStringLiteral("CNY 12.5 亿") << QStringLiteral("undisclosed");
}

void TestHistoryTableModel::amountsInTheUsersUnits()
{
    QFETCH(bool, chineseUnits);
    QFETCH(qint64, first);
    QFETCH(qint64, second);
    QFETCH(QString, oldText);
    QFETCH(QString, newText);
    m_model->setChineseUnits(chineseUnits);
    const qint64 event = cnyEvent();
    QVERIFY(event > 0);
    QVERIFY2(m_session->setDisbursementAmount(event, first, QStringLiteral("CNY")),
        qPrintable(m_session->lastError()));
    QVERIFY2(m_session->setDisbursementAmount(
                 event, second ? std::optional<qint64>(second) : std::nullopt, QStringLiteral("CNY")),
        qPrintable(m_session->lastError()));
    // Newest first: the second change's amount entry (undisclosed also clears the currency).
    int row = 0;
    while (row < m_model->rowCount()
        && m_model->index(row, HistoryTableModel::Field).data() != QStringLiteral("amount"))
        ++row;
    QVERIFY(row < m_model->rowCount());
    QCOMPARE(shown(row, HistoryTableModel::OldValue), oldText);
    QCOMPARE(shown(row, HistoryTableModel::NewValue), newText);
    QCOMPARE(m_model->index(row, HistoryTableModel::NewValue).data(Qt::ToolTipRole).toString(), newText);
    QVERIFY(!shown(row, HistoryTableModel::OldValue).contains(QString::number(first)));
    // The detail pane reads the same words.
    HistoryQuery one;
    one.table = QStringLiteral("disbursements");
    one.rowId = event;
    const QList<HistoryEntry> entries = HistoryRepository(m_db).page(one, 0, 10);
    QVERIFY(!entries.isEmpty());
    const HistoryEntry &latest = *std::find_if(entries.cbegin(), entries.cend(),
        [](const HistoryEntry &e) { return e.field == QLatin1String("amount_minor"); });
    QCOMPARE(m_model->valueText(latest, HistoryTableModel::Side::Old), oldText);
}

void TestHistoryTableModel::amountAndCurrencyChangedTogether()
{
    const qint64 event = cnyEvent();
    // Two undo steps (a form's edit, then a cell's), so that undo takes back only the second.
    QVERIFY(m_session->editRecord(RecordKind::Disbursement, event,
        { { QStringLiteral("amount_minor"), qint64(125000000000) },
            { QStringLiteral("currency"), QStringLiteral("CNY") } }));
    QVERIFY(m_session->setDisbursementAmount(event, qint64(1500000000), QStringLiteral("USD")));
    // One change, two entries: the amount (in its old and new currency) and the currency.
    QCOMPARE(shown(0, HistoryTableModel::Field), QStringLiteral("currency"));
    QCOMPARE(shown(0, HistoryTableModel::OldValue), QStringLiteral("CNY"));
    QCOMPARE(shown(0, HistoryTableModel::NewValue), QStringLiteral("USD"));
    QCOMPARE(shown(1, HistoryTableModel::Field), QStringLiteral("amount"));
    QCOMPARE(shown(1, HistoryTableModel::OldValue), QStringLiteral("CNY 1.25 bn"));
    QCOMPARE(shown(1, HistoryTableModel::NewValue), QStringLiteral("USD 15 m"));
    // Undone: back from USD to CNY, and the earlier entries keep their currencies.
    m_session->undoStack()->undo();
    QCOMPARE(shown(1, HistoryTableModel::Field), QStringLiteral("amount"));
    QCOMPARE(shown(1, HistoryTableModel::OldValue), QStringLiteral("USD 15 m"));
    QCOMPARE(shown(1, HistoryTableModel::NewValue), QStringLiteral("CNY 1.25 bn"));
    QCOMPARE(shown(3, HistoryTableModel::OldValue), QStringLiteral("CNY 1.25 bn"));
    QCOMPARE(shown(3, HistoryTableModel::NewValue), QStringLiteral("USD 15 m"));
    // A phase's capital is money too.
    const qint64 phase = count(m_db, QStringLiteral("SELECT min(id) FROM phases WHERE currency = 'CNY'"));
    QVERIFY(m_session->editRecord(
        RecordKind::Phase, phase, { { QStringLiteral("capital_minor"), qint64(20000000000000) } }));
    QCOMPARE(shown(0, HistoryTableModel::NewValue), QStringLiteral("CNY 200 bn"));
}

void TestHistoryTableModel::wholeRowAmountsInUnits()
{
    m_model->setChineseUnits(true);
    const qint64 event = cnyEvent();
    QVERIFY(m_session->setDisbursementAmount(event, qint64(125000000000), QStringLiteral("CNY")));
    QVERIFY(m_session->deleteRecords(RecordKind::Disbursement, { event }, false));
    QCOMPARE(shown(0, HistoryTableModel::Action), QStringLiteral("deleted"));
    const QString row = shown(0, HistoryTableModel::OldValue);
    QVERIFY2(row.contains(QStringLiteral("amount: CNY 12.5 亿")), qPrintable(row));
    QVERIFY2(!row.contains(QStringLiteral("125000000000")), qPrintable(row));
}

void TestHistoryTableModel::unitsChangeRepaintsTheValues()
{
    QVERIFY(m_session->setDisbursementAmount(cnyEvent(), qint64(125000000000), QStringLiteral("CNY")));
    QCOMPARE(shown(0, HistoryTableModel::NewValue), QStringLiteral("CNY 1.25 bn"));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setChineseUnits(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().column(), int(HistoryTableModel::OldValue));
    QCOMPARE(changed.constFirst().at(1).toModelIndex().column(), int(HistoryTableModel::NewValue));
    QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), m_model->rowCount() - 1);
    QCOMPARE(shown(0, HistoryTableModel::NewValue), QStringLiteral("CNY 12.5 亿"));
    m_model->setChineseUnits(true);
    QCOMPARE(changed.count(), 1);
}

void TestHistoryTableModel::datesAtTheirPrecision()
{
    const qint64 event = cnyEvent();
    for (const QString &date :
        { QStringLiteral("2024-05"), QStringLiteral("2024"), QStringLiteral("2024-05-17") })
        QVERIFY2(
            m_session->setField(RecordKind::Disbursement, event, { { QStringLiteral("value_date"), date } }),
            qPrintable(m_session->lastError()));
    QCOMPARE(shown(2, HistoryTableModel::NewValue), QStringLiteral("2024-05"));
    QCOMPARE(shown(1, HistoryTableModel::OldValue), QStringLiteral("2024-05"));
    QCOMPARE(shown(1, HistoryTableModel::NewValue), QStringLiteral("2024"));
    QCOMPARE(shown(0, HistoryTableModel::NewValue), QStringLiteral("2024-05-17"));
    // A stake reads as the tables show it.
    QVERIFY(m_session->setField(RecordKind::Disbursement, event, { { QStringLiteral("stake_pct"), 15.9 } }));
    QCOMPARE(shown(0, HistoryTableModel::NewValue), QStringLiteral("15.90 %"));
}

void TestHistoryTableModel::vocabularyByName()
{
    const qint64 investee
        = count(m_db, QStringLiteral("SELECT min(id) FROM investees WHERE kind = 'company'"));
    const qint64 sector = count(m_db,
        QStringLiteral(
            "SELECT min(id) FROM sectors WHERE id IS NOT (SELECT sector_id FROM investees WHERE id = ?)"),
        { investee });
    const qint64 province = count(m_db,
        QStringLiteral("SELECT min(id) FROM regions WHERE kind = 'province' "
                       "AND id IS NOT (SELECT province_id FROM investees WHERE id = ?)"),
        { investee });
    QVERIFY(m_session->editRecord(RecordKind::Investee, investee,
        { { QStringLiteral("sector_id"), sector }, { QStringLiteral("segment_id"), QVariant() },
            { QStringLiteral("province_id"), province }, { QStringLiteral("city_id"), QVariant() } }));
    const QString sectorName
        = value(m_db, QStringLiteral("SELECT name FROM sectors WHERE id = ?"), { sector }).toString();
    const QString provinceName
        = value(m_db, QStringLiteral("SELECT name FROM regions WHERE id = ?"), { province }).toString();
    QStringList newValues;
    for (int row = 0; row < m_model->rowCount(); ++row)
        newValues.append(shown(row, HistoryTableModel::Field) + QLatin1Char('=')
            + shown(row, HistoryTableModel::NewValue));
    QVERIFY2(newValues.contains(QStringLiteral("sector=") + sectorName),
        qPrintable(newValues.join(QLatin1Char('|'))));
    QVERIFY2(newValues.contains(QStringLiteral("province=") + provinceName),
        qPrintable(newValues.join(QLatin1Char('|'))));
}

QTEST_MAIN(TestHistoryTableModel)
#include "tst_historytablemodel.moc"
