#include "Database.h"
#include "ExportTestSupport.h"
#include "InterchangeExport.h"
#include "InterchangeLoader.h"
#include "Lookup.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The interchange rows as the database holds them: the loader's own columns, exact amounts in
// every currency precision, which rows each table holds under a filter (all of them when the
// filter is empty; parents of the chosen funds), counts that match the stream, and a visitor
// that stops the stream.

using Table = InterchangeExport::Table;

namespace {

QList<QStringList> collect(Database &db, Table table, const Filter &filter)
{
    QList<QStringList> rows;
    QString error;
    const bool ok = InterchangeExport(db).stream(
            table, filter,
            [&rows](const ExportCell *cells, qsizetype count) {
                QStringList row;
                for (qsizetype i = 0; i < count; ++i)
                    row.append(QString::fromUtf8(cells[i].text));
                rows.append(row);
                return true;
            },
            &error);
    if (!ok)
        qFatal("stream: %s", qPrintable(error));
    return rows;
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

} // namespace

class TestInterchangeExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void columnsAreTheLoaders();
    void amountsAreExact_data();
    void amountsAreExact();
    void emptyFilterHoldsEverything();
    void filterChoosesRowsAndParents();
    void visitorStops();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestInterchangeExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(ExportTestSupport::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error), qPrintable(error));
}

void TestInterchangeExport::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestInterchangeExport::columnsAreTheLoaders()
{
    for (Table table : { Table::Funds, Table::Phases, Table::Investees, Table::Disbursements }) {
        QStringList names;
        for (const ExportColumn &c : InterchangeExport::columns(table))
            names.append(c.name);
        QCOMPARE(names, InterchangeLoader::columns(InterchangeExport::tableName(table)));
        QCOMPARE(InterchangeExport::parseTable(InterchangeExport::tableName(table).toUpper()), table);
    }
    QVERIFY(!InterchangeExport::parseTable(QStringLiteral("holdings")));
}

void TestInterchangeExport::amountsAreExact_data()
{
    QTest::addColumn<QVariant>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QVariant>("stake");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<double>("number");
    QTest::addColumn<QString>("stakeText");
    QTest::addRow("cents") << QVariant(qint64(123450)) << QStringLiteral("CNY") << QVariant(15.9) << QStringLiteral("1234.5")
                           << 1234.5 << QStringLiteral("15.9");
    QTest::addRow("whole") << QVariant(qint64(258000000000)) << QStringLiteral("HKD") << QVariant(8.93)
                           << QStringLiteral("2580000000") << 2580000000.0 << QStringLiteral("8.93");
    QTest::addRow("small") << QVariant(qint64(5)) << QStringLiteral("USD") << QVariant(0.0) << QStringLiteral("0.05") << 0.05
                           << QStringLiteral("0");
    QTest::addRow("no minor units") << QVariant(qint64(1500)) << QStringLiteral("JPY") << QVariant(100.0)
                                    << QStringLiteral("1500") << 1500.0 << QStringLiteral("100");
    QTest::addRow("large") << QVariant(qint64(999999999999999999)) << QStringLiteral("CNY") << QVariant()
                           << QStringLiteral("9999999999999999.99") << 9999999999999999.99 << QString();
    QTest::addRow("undisclosed") << QVariant() << QString() << QVariant() << QString() << 0.0 << QString();
}

void TestInterchangeExport::amountsAreExact()
{
    QFETCH(QVariant, minor);
    QFETCH(QString, currency);
    QFETCH(QVariant, stake);
    QFETCH(QString, amount);
    QFETCH(double, number);
    QFETCH(QString, stakeText);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM disbursements")));
    q.prepare(QStringLiteral("INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor, currency, "
                             "stake_pct, status) VALUES ((SELECT min(id) FROM phases), (SELECT min(id) FROM investees), "
                             "'2020-02', 'loan', ?, ?, ?, 'completed')"));
    q.addBindValue(minor);
    q.addBindValue(currency.isEmpty() ? QVariant() : QVariant(currency));
    q.addBindValue(stake);
    QVERIFY(q.exec());
    QList<ExportCell> seen;
    QByteArray amountText;
    QByteArray stakeSeen;
    bool terminated = false;
    QString error;
    QVERIFY(InterchangeExport(*m_db).stream(
            Table::Disbursements, {},
            [&](const ExportCell *cells, qsizetype count) {
                if (count != 12)
                    return false;
                amountText = cells[5].text.toByteArray();
                stakeSeen = cells[7].text.toByteArray();
                seen.append(cells[5]);
                terminated = cells[5].text.data()[cells[5].text.size()] == '\0';
                return true;
            },
            &error));
    QCOMPARE(seen.size(), 1);
    QVERIFY(terminated);
    QCOMPARE(QString::fromUtf8(amountText), amount);
    QCOMPARE(seen.constFirst().number, number);
    QCOMPARE(QString::fromUtf8(stakeSeen), stakeText);
}

void TestInterchangeExport::emptyFilterHoldsEverything()
{
    const Filter none;
    QCOMPARE(qint64(collect(*m_db, Table::Funds, none).size()), scalar(*m_db, QStringLiteral("SELECT count(*) FROM funds")));
    QCOMPARE(qint64(collect(*m_db, Table::Phases, none).size()), scalar(*m_db, QStringLiteral("SELECT count(*) FROM phases")));
    QCOMPARE(qint64(collect(*m_db, Table::Investees, none).size()),
             scalar(*m_db, QStringLiteral("SELECT count(*) FROM investees")));
    QCOMPARE(qint64(collect(*m_db, Table::Disbursements, none).size()),
             scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE status <> 'cancelled'")));
    for (Table table : { Table::Funds, Table::Phases, Table::Investees, Table::Disbursements })
        QCOMPARE(InterchangeExport(*m_db).count(table, none), qint64(collect(*m_db, table, none).size()));
}

void TestInterchangeExport::filterChoosesRowsAndParents()
{
    // A sub-fund of the Big Fund that itself invests (the sample's sub-funds only receive).
    const Lookup lookup(*m_db);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor, currency, status) VALUES "
            "((SELECT p.id FROM phases p JOIN funds f ON f.id = p.fund_id WHERE f.name LIKE 'Huaxin Dingxin%'),"
            " (SELECT id FROM investees WHERE name = 'Semiconductor Manufacturing International Corp. (SMIC)'),"
            " '2025-02-03', 'equity purchase', 150000000000, 'CNY', 'completed')")));
    Filter filter;
    filter.funds = { *lookup.fundId(QStringLiteral("Huaxin Dingxin (Beijing) Equity Investment Fund (Big Fund III sub-fund)")) };
    const QList<QStringList> funds = collect(*m_db, Table::Funds, filter);
    QStringList names;
    for (const QStringList &row : funds)
        names.append(row.value(0));
    // The sub-fund, and its parent (parent_fund must resolve on import).
    QCOMPARE(names, (QStringList { QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)"),
                                   QStringLiteral("Huaxin Dingxin (Beijing) Equity Investment Fund (Big Fund III sub-fund)") }));
    QCOMPARE(funds.value(1).value(7), QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)"));

    // Phases and investees: those of matching events only.
    const QList<QStringList> events = collect(*m_db, Table::Disbursements, filter);
    QVERIFY(!events.isEmpty());
    QSet<QString> investees;
    QSet<QString> phases;
    for (const QStringList &row : events) {
        QCOMPARE(row.value(0), QStringLiteral("Huaxin Dingxin (Beijing) Equity Investment Fund (Big Fund III sub-fund)"));
        investees.insert(row.value(2));
        phases.insert(row.value(0) + QLatin1Char('/') + row.value(1));
    }
    QSet<QString> exportedInvestees;
    for (const QStringList &row : collect(*m_db, Table::Investees, filter))
        exportedInvestees.insert(row.value(0));
    QCOMPARE(exportedInvestees, investees);
    QSet<QString> exportedPhases;
    for (const QStringList &row : collect(*m_db, Table::Phases, filter))
        exportedPhases.insert(row.value(0) + QLatin1Char('/') + row.value(1));
    QCOMPARE(exportedPhases, phases);
}

void TestInterchangeExport::visitorStops()
{
    int calls = 0;
    QString error;
    QVERIFY(InterchangeExport(*m_db).stream(
            Table::Disbursements, {}, [&calls](const ExportCell *, qsizetype) { return ++calls < 3; }, &error));
    QCOMPARE(calls, 3);
}

QTEST_GUILESS_MAIN(TestInterchangeExport)
#include "tst_interchangeexport.moc"
