#include "AggregationEngine.h"
#include "BrowseTestData.h"
#include "Database.h"
#include "InvesteeRepository.h"
#include "InvesteeTableModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The Holdings / Investees model under QAbstractItemModelTester from before it is filled: rows
// built the way the main window builds them (the investee grouping plus the investee records) on
// the sample, and hand-made rows for exact formats; numbers right-aligned with a raw sort value,
// Chinese names in tooltips, the base currency and the Units choice in the headers, the money
// beside the name.

using BrowseTestData::scalar;

namespace {

using Column = InvesteeTableModel::Column;

bool isNumber(int column)
{
    return column == Column::Invested || column == Column::Committed || column == Column::Divested
        || column == Column::Stake || column == Column::Events || column == Column::Funds
        || column == Column::Undisclosed;
}

/// "1,234,567.89" by QLocale's English grouping (not Format's).
QString grouped(double value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value, 'f', 2);
}

InvesteeRow handMade()
{
    InvesteeRow row;
    row.investee.id = 42;
    row.investee.name = QStringLiteral("Example Memory Co");
    row.investee.nameZh = QStringLiteral("示例存储公司");
    row.investee.kind = QStringLiteral("company");
    row.investee.sector = QStringLiteral("Semiconductors");
    row.investee.sectorZh = QStringLiteral("半导体");
    row.investee.segment = QStringLiteral("memory");
    row.investee.region = QStringLiteral("Anhui");
    row.investee.regionZh = QStringLiteral("安徽");
    row.investee.city = QStringLiteral("Hefei");
    row.investee.ticker = QStringLiteral("688001.SH");
    row.investee.sourceUrl = QStringLiteral("https://example.org/memory");
    row.invested = 1234567.891;
    row.committed = 5e9;
    row.divested = 0;
    row.events = 7;
    row.funds = 3;
    row.undisclosed = 2;
    row.withoutRate = 1;
    row.firstDate = QStringLiteral("2016");
    row.lastDate = QStringLiteral("2021-04-09");
    row.latestStake = 15.9;
    return row;
}

} // namespace

class TestInvesteeTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void passesModelTesterWhileFilled();
    void rowsFromTheSampleMatchSql();
    void handMadeRowDisplaysAndSorts();
    void subFundsLookThrough();
    void alignmentOfCellsAndHeaders();
    void headersFollowTheBaseCurrency();
    void proxySortsByRawValues();
    void amountsInEachUnit_data();
    void amountsInEachUnit();
    void unitsChangeRepaintsOnlyTheMoney();
    void moneySitsBesideTheName();

private:
    QList<InvesteeRow> sampleRows(const Filter &filter);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestInvesteeTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(BrowseTestData::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error),
        qPrintable(error));
}

void TestInvesteeTableModel::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QList<InvesteeRow> TestInvesteeTableModel::sampleRows(const Filter &filter)
{
    AggregateResult result;
    QString error;
    if (!AggregationEngine(*m_db).aggregate(Dimension::Investee, filter, &result, &error))
        qFatal("%s", qPrintable(error));
    const QHash<qint64, InvesteeRecord> records = InvesteeRepository(*m_db).all();
    QList<InvesteeRow> rows;
    for (const AggregateRow &a : std::as_const(result.rows)) {
        InvesteeRow row;
        row.investee = records.value(a.keyId);
        row.invested = a.invested;
        row.committed = a.committed;
        row.divested = a.divested;
        row.events = a.events;
        row.undisclosed = a.undisclosed;
        row.withoutRate = a.withoutRate;
        rows.append(row);
    }
    return rows;
}

void TestInvesteeTableModel::passesModelTesterWhileFilled()
{
    InvesteeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(InvesteeTableModel::ColumnCount));
    model.setRows(sampleRows(Filter()), QStringLiteral("CNY"));
    QVERIFY(model.rowCount() > 30);
    Filter usd;
    usd.currency = QStringLiteral("USD");
    model.setRows(sampleRows(usd), QStringLiteral("USD"));
    model.setRows({ handMade() }, QStringLiteral("CNY"));
    QCOMPARE(model.rowCount(), 1);
    model.setRows({}, QStringLiteral("CNY"));
    QCOMPARE(model.rowCount(), 0);
}

void TestInvesteeTableModel::rowsFromTheSampleMatchSql()
{
    InvesteeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(sampleRows(Filter()), QStringLiteral("CNY"));
    QCOMPARE(model.rowCount(),
        int(scalar(*m_db,
            QStringLiteral("SELECT count(DISTINCT investee_id) FROM disbursements"
                           " WHERE status <> 'cancelled'"))));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.prepare(
        QStringLiteral("SELECT i.name, ifnull(i.name_zh, ''), ifnull(s.name, ''), ifnull(s.name_zh, ''),"
                       " ifnull(i.ticker, ''), i.kind,"
                       " (SELECT count(*) FROM disbursements d WHERE d.investee_id = i.id"
                       "  AND d.status <> 'cancelled')"
                       " FROM investees i LEFT JOIN sectors s ON s.id = i.sector_id WHERE i.id = ?")));
    int chinese = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 id = model.index(row, 0).data(InvesteeTableModel::IdRole).toLongLong();
        q.bindValue(0, id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(model.index(row, Column::Name).data().toString(), q.value(0).toString());
        QCOMPARE(model.index(row, Column::NameZh).data().toString(), q.value(1).toString());
        QCOMPARE(model.index(row, Column::Ticker).data().toString(), q.value(4).toString());
        QCOMPARE(model.index(row, Column::Kind).data().toString(), q.value(5).toString());
        QCOMPARE(model.index(row, Column::Events).data().toLongLong(), q.value(6).toLongLong());
        if (q.value(5).toString() == QLatin1String("company"))
            QCOMPARE(model.index(row, Column::Sector).data().toString(), q.value(2).toString());
        const QString tip = model.index(row, Column::Name).data(Qt::ToolTipRole).toString();
        if (!q.value(1).toString().isEmpty()) {
            ++chinese;
            QVERIFY2(tip.contains(q.value(1).toString()), qPrintable(tip));
        }
        if (!q.value(3).toString().isEmpty())
            QVERIFY2(tip.contains(q.value(3).toString()), qPrintable(tip));
    }
    QVERIFY(chinese > 20);
}

void TestInvesteeTableModel::handMadeRowDisplaysAndSorts()
{
    InvesteeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    InvesteeRow nothing = handMade();
    nothing.investee.id = 43;
    nothing.invested = 0;
    nothing.committed = 0;
    nothing.undisclosed = 0;
    nothing.withoutRate = 0;
    nothing.latestStake.reset();
    nothing.investee.city = nothing.investee.region;
    model.setRows({ handMade(), nothing }, QStringLiteral("CNY"));
    model.setUnits(Units::Full);
    auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };

    QCOMPARE(cell(0, Column::Name).toString(), QStringLiteral("Example Memory Co"));
    QCOMPARE(cell(0, Column::NameZh).toString(), QStringLiteral("示例存储公司"));
    QCOMPARE(cell(0, Column::Sector).toString(), QStringLiteral("Semiconductors"));
    QCOMPARE(cell(0, Column::Segment).toString(), QStringLiteral("memory"));
    QCOMPARE(cell(0, Column::Region).toString(), QStringLiteral("Anhui / Hefei"));
    QCOMPARE(
        cell(1, Column::Region).toString(), QStringLiteral("Anhui")); // a city named like its region once
    QCOMPARE(cell(0, Column::Invested).toString(), grouped(1234567.89));
    QCOMPARE(cell(0, Column::Committed).toString(), grouped(5e9));
    QCOMPARE(cell(0, Column::Divested).toString(), QString()); // nothing, not "0.00"
    QCOMPARE(cell(1, Column::Invested).toString(), QString());
    QCOMPARE(cell(0, Column::Stake).toString(), QStringLiteral("15.90 %"));
    QCOMPARE(cell(1, Column::Stake).toString(), QString());
    QCOMPARE(cell(0, Column::FirstDate).toString(), QStringLiteral("2016"));
    QCOMPARE(cell(0, Column::LastDate).toString(), QStringLiteral("2021-04-09"));
    QCOMPARE(cell(0, Column::Events).toLongLong(), qint64(7));
    QCOMPARE(cell(0, Column::Funds).toLongLong(), qint64(3));
    QCOMPARE(cell(0, Column::Undisclosed).toLongLong(), qint64(2));
    QCOMPARE(cell(1, Column::Undisclosed).toString(), QString());
    QCOMPARE(cell(0, Column::Ticker).toString(), QStringLiteral("688001.SH"));
    QCOMPARE(cell(0, Column::Kind).toString(), QStringLiteral("company"));
    QCOMPARE(cell(0, 0, InvesteeTableModel::IdRole).toLongLong(), qint64(42));
    QCOMPARE(cell(0, 0, InvesteeTableModel::SubFundIdRole).toLongLong(), qint64(0));

    // Raw values to sort by: numbers, never the formatted text.
    QCOMPARE(cell(0, Column::Invested, InvesteeTableModel::SortRole).toDouble(), 1234567.891);
    QCOMPARE(cell(0, Column::Committed, InvesteeTableModel::SortRole).toDouble(), 5e9);
    QCOMPARE(cell(0, Column::Stake, InvesteeTableModel::SortRole).toDouble(), 15.9);
    QVERIFY(cell(1, Column::Stake, InvesteeTableModel::SortRole).toDouble() < 0); // unknown sorts below 0 %
    QCOMPARE(cell(0, Column::Events, InvesteeTableModel::SortRole).toLongLong(), qint64(7));
    QCOMPARE(cell(1, Column::Undisclosed, InvesteeTableModel::SortRole).toLongLong(), qint64(0));
    QCOMPARE(
        cell(0, Column::Name, InvesteeTableModel::SortRole).toString(), QStringLiteral("Example Memory Co"));

    // The tooltip: both names, the sector and region in Chinese, what was left out, the source.
    const QString tip = cell(0, Column::Invested, Qt::ToolTipRole).toString();
    for (const char *part : { "Invested: CNY 1,234,567.89", "Example Memory Co", "示例存储公司", "半导体", "安徽",
             "2 undisclosed", "1 without a CNY rate", "https://example.org/memory" })
        QVERIFY2(tip.contains(QString::fromUtf8(part)), qPrintable(tip));
    QVERIFY(!cell(1, Column::Invested, Qt::ToolTipRole).toString().contains(QLatin1String("undisclosed")));
}

void TestInvesteeTableModel::subFundsLookThrough()
{
    InvesteeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(sampleRows(Filter()), QStringLiteral("CNY"));
    int subFunds = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 id = model.index(row, 0).data(InvesteeTableModel::IdRole).toLongLong();
        const qint64 fundId = scalar(
            *m_db, QStringLiteral("SELECT fund_id FROM investees WHERE id = ? AND kind = 'fund'"), { id });
        const QModelIndex sector = model.index(row, Column::Sector);
        if (fundId > 0) {
            ++subFunds;
            QCOMPARE(model.index(row, 0).data(InvesteeTableModel::SubFundIdRole).toLongLong(), fundId);
            QCOMPARE(sector.data().toString(), QStringLiteral("(sub-fund)"));
            QVERIFY(sector.data(Qt::ForegroundRole).isValid());
            QVERIFY(sector.data(Qt::ToolTipRole).toString().contains(QLatin1String("look through")));
        } else {
            QCOMPARE(model.index(row, 0).data(InvesteeTableModel::SubFundIdRole).toLongLong(), qint64(0));
        }
    }
    QVERIFY(subFunds >= 1);
}

void TestInvesteeTableModel::alignmentOfCellsAndHeaders()
{
    InvesteeTableModel model;
    model.setRows({ handMade() }, QStringLiteral("CNY"));
    for (int c = 0; c < model.columnCount(); ++c) {
        const auto cell = model.index(0, c).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
        const auto header = model.headerData(c, Qt::Horizontal, Qt::TextAlignmentRole).value<Qt::Alignment>();
        QCOMPARE(bool(cell & Qt::AlignRight), isNumber(c));
        QCOMPARE(bool(header & Qt::AlignRight), isNumber(c));
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    }
}

void TestInvesteeTableModel::headersFollowTheBaseCurrency()
{
    InvesteeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    model.setRows({ handMade() }, QStringLiteral("USD"));
    QCOMPARE(model.currency(), QStringLiteral("USD"));
    QVERIFY(!headers.isEmpty());
    // Billions unless told otherwise.
    QCOMPARE(model.headerData(Column::Invested, Qt::Horizontal).toString(), QStringLiteral("Invested (USD bn)"));
    QCOMPARE(
        model.headerData(Column::Committed, Qt::Horizontal).toString(), QStringLiteral("Committed (USD bn)"));
    QCOMPARE(model.headerData(Column::Divested, Qt::Horizontal).toString(), QStringLiteral("Divested (USD bn)"));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QLatin1String("without a USD rate")));
    model.setRows({ handMade() }, QStringLiteral("CNY"));
    QCOMPARE(model.headerData(Column::Invested, Qt::Horizontal).toString(), QStringLiteral("Invested (CNY bn)"));
    QCOMPARE(model.headerData(Column::NameZh, Qt::Horizontal).toString(), QStringLiteral("中文名"));
    QCOMPARE(model.rows().size(), 1);
}

void TestInvesteeTableModel::proxySortsByRawValues()
{
    // The pages sort through a proxy on SortRole: 9 before 10, 1,000 before 200,000.
    InvesteeTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(InvesteeTableModel::SortRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<InvesteeRow> rows;
    for (double invested : { 200000.0, 9.0, 1000.0, 10.0 }) {
        InvesteeRow row = handMade();
        row.investee.id = qint64(invested);
        row.invested = invested;
        row.events = qint64(invested);
        rows.append(row);
    }
    model.setRows(rows, QStringLiteral("CNY"));
    proxy.sort(Column::Invested, Qt::AscendingOrder);
    QList<qint64> order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order.append(proxy.index(row, 0).data(InvesteeTableModel::IdRole).toLongLong());
    QCOMPARE(order, (QList<qint64> { 9, 10, 1000, 200000 }));
    proxy.sort(Column::Events, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(InvesteeTableModel::IdRole).toLongLong(), qint64(200000));
}

void TestInvesteeTableModel::amountsInEachUnit_data()
{
    QTest::addColumn<Units>("units");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("invested");  // 1,234,567.891
    QTest::addColumn<QString>("committed"); // 5,000,000,000
    QTest::addRow("full") << Units(Units::Full) << QStringLiteral("Invested (CNY)") << QStringLiteral("1,234,567.89")
                          << QStringLiteral("5,000,000,000.00");
    QTest::addRow("millions") << Units(Units::Millions) << QStringLiteral("Invested (CNY m)")
                              << QStringLiteral("1.23") << QStringLiteral("5,000.00");
    QTest::addRow("billions") << Units(Units::Billions) << QStringLiteral("Invested (CNY bn)")
                              << QStringLiteral("0.00") << QStringLiteral("5.00");
    QTest::addRow("yi") << Units(Units::Yi) << QStringLiteral("Invested (CNY 亿)") << QStringLiteral("0.01")
                        << QStringLiteral("50.00");
    QTest::addRow("wan") << Units(Units::Wan) << QStringLiteral("Invested (CNY 万)") << QStringLiteral("123.46")
                         << QStringLiteral("500,000.00");
}

void TestInvesteeTableModel::amountsInEachUnit()
{
    QFETCH(Units, units);
    QFETCH(QString, title);
    QFETCH(QString, invested);
    QFETCH(QString, committed);
    InvesteeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUnits(units);
    model.setRows({ handMade() }, QStringLiteral("CNY"));
    QCOMPARE(model.headerData(Column::Invested, Qt::Horizontal).toString(), title);
    QCOMPARE(model.index(0, Column::Invested).data().toString(), invested);
    QCOMPARE(model.index(0, Column::Committed).data().toString(), committed);
    QCOMPARE(model.index(0, Column::Divested).data().toString(), QString()); // nothing in any unit
    // The sort role and the tooltip keep the exact figure whatever the unit.
    QCOMPARE(model.index(0, Column::Invested).data(InvesteeTableModel::SortRole).toDouble(), 1234567.891);
    QVERIFY(model.index(0, Column::Committed)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Committed: CNY 5,000,000,000.00\n")));
}

void TestInvesteeTableModel::unitsChangeRepaintsOnlyTheMoney()
{
    InvesteeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({ handMade(), handMade() }, QStringLiteral("CNY"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setUnits(Units::Yi);
    QCOMPARE(model.units(), Units(Units::Yi));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), model.index(0, Column::Invested));
    QCOMPARE(changed.first().at(1).value<QModelIndex>(), model.index(1, Column::Divested));
    QCOMPARE(headers.size(), 1);
    QCOMPARE(resets.size(), 0);
    model.setUnits(Units::Yi); // the same again: nothing
    QCOMPARE(changed.size(), 1);
    QCOMPARE(headers.size(), 1);
}

void TestInvesteeTableModel::moneySitsBesideTheName()
{
    // The name, then the money (a page freezes the first column; the amounts must not be eight
    // columns to the right), then the Chinese name.
    InvesteeTableModel model;
    QStringList titles;
    for (int c = 0; c < model.columnCount(); ++c)
        titles.append(model.headerData(c, Qt::Horizontal).toString());
    QCOMPARE(titles.mid(0, 6),
        (QStringList { QStringLiteral("Investee"), QStringLiteral("Invested (CNY bn)"),
            QStringLiteral("Committed (CNY bn)"), QStringLiteral("Divested (CNY bn)"), QStringLiteral("Latest stake"),
            QStringLiteral("中文名") }));
}

QTEST_GUILESS_MAIN(TestInvesteeTableModel)
#include "tst_investeetablemodel.moc"
