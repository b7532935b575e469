#include "BrowseTestData.h"
#include "Database.h"
#include "FundRepository.h"
#include "FundTableModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <memory>

// The Funds page model on the sample under QAbstractItemModelTester from before it is filled:
// every column against SQL (names, level, region, parent, phases, registered capital summed per
// currency), the deployed totals set by setDeployed, alignment, Chinese names and sources in the
// tooltips, and the signals a filter change sends; the money in each of the Units, beside the name.

using BrowseTestData::scalar;

namespace {

using Column = FundTableModel::Column;

bool isNumber(int column)
{
    return column == Column::Phases || column == Column::Capital || column == Column::Invested
        || column == Column::Committed || column == Column::Events;
}

QString grouped(double value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value, 'f', 2);
}

} // namespace

class TestFundTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void passesModelTesterWhileFilledAndUpdated();
    void columnsMatchSql();
    void capitalIsSummedPerCurrency();
    void deployedTotalsAreShown();
    void alignmentAndHeaders();
    void tooltipsCarryChineseNamesAndSources();
    void proxySortsByRawValues();
    void amountsInEachUnit_data();
    void amountsInEachUnit();
    void unitsChangeSignalsOnce();

private:
    QList<FundRecord> funds() { return FundRepository(*m_db).all(); }
    int rowOfFund(const FundTableModel &model, qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestFundTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(BrowseTestData::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error),
        qPrintable(error));
}

void TestFundTableModel::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

int TestFundTableModel::rowOfFund(const FundTableModel &model, qint64 id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(FundTableModel::IdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

void TestFundTableModel::passesModelTesterWhileFilledAndUpdated()
{
    FundTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setDeployed({ { 1, { 1e9, 2e9, 3 } } }, QStringLiteral("USD")); // before any fund: harmless
    model.setFunds(funds());
    QCOMPARE(model.rowCount(), int(scalar(*m_db, QStringLiteral("SELECT count(*) FROM funds"))));
    QCOMPARE(model.columnCount(), int(FundTableModel::ColumnCount));
    QHash<qint64, FundTableModel::Deployed> deployed;
    for (const FundRecord &f : funds())
        deployed.insert(f.id, { f.id * 1e8, f.id * 1e7, f.id });
    model.setDeployed(deployed, QStringLiteral("CNY"));
    model.setDeployed({}, QStringLiteral("CNY"));
    model.setFunds({});
    QCOMPARE(model.rowCount(), 0);
}

void TestFundTableModel::columnsMatchSql()
{
    FundTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFunds(funds());
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT f.id, f.name, ifnull(f.name_zh, ''), f.kind, f.level,"
                                  " ifnull((SELECT name FROM regions WHERE id = f.province_id),"
                                  "        ifnull((SELECT name FROM regions WHERE id = f.country_id), '')),"
                                  " ifnull((SELECT name FROM regions WHERE id = f.city_id), ''),"
                                  " ifnull((SELECT name FROM funds WHERE id = f.parent_fund_id), ''),"
                                  " (SELECT count(*) FROM phases WHERE fund_id = f.id)"
                                  " FROM funds f ORDER BY f.name")));
    int row = 0;
    int withParent = 0;
    for (; q.next(); ++row) {
        auto cell = [&](int column) { return model.index(row, column).data(); };
        QCOMPARE(model.index(row, 0).data(FundTableModel::IdRole).toLongLong(), q.value(0).toLongLong());
        QCOMPARE(cell(Column::Name).toString(), q.value(1).toString());
        QCOMPARE(cell(Column::NameZh).toString(), q.value(2).toString());
        QCOMPARE(cell(Column::Kind).toString(), q.value(3).toString());
        QCOMPARE(cell(Column::Level).toString(), q.value(4).toString());
        const QString region = q.value(5).toString();
        const QString city = q.value(6).toString();
        QCOMPARE(cell(Column::Region).toString(),
            city.isEmpty() || city == region ? region : region + QStringLiteral(" / ") + city);
        QCOMPARE(cell(Column::Parent).toString(), q.value(7).toString());
        withParent += !q.value(7).toString().isEmpty();
        QCOMPARE(cell(Column::Phases).toLongLong(), q.value(8).toLongLong());
        QCOMPARE(model.index(row, Column::Phases).data(FundTableModel::SortRole).toLongLong(),
            q.value(8).toLongLong());
        // Nothing deployed yet: blank money, zero events.
        QCOMPARE(cell(Column::Invested).toString(), QString());
        QCOMPARE(cell(Column::Events).toLongLong(), qint64(0));
    }
    QCOMPARE(row, model.rowCount());
    QVERIFY(withParent > 0);
}

void TestFundTableModel::capitalIsSummedPerCurrency()
{
    FundTableModel model;
    model.setUnits(Units::Full);
    model.setFunds(funds());
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT f.id, p.currency, sum(p.capital_minor), c.minor_digits FROM funds f"
        " JOIN phases p ON p.fund_id = f.id JOIN currencies c ON c.code = p.currency"
        " WHERE p.capital_minor IS NOT NULL GROUP BY f.id, p.currency ORDER BY f.id, p.currency")));
    QHash<qint64, QStringList> expected;
    QHash<qint64, qint64> sums;
    while (q.next()) {
        const int digits = q.value(3).toInt();
        expected[q.value(0).toLongLong()].append(q.value(1).toString() + QLatin1Char(' ')
            + grouped(q.value(2).toDouble() / std::pow(10.0, digits)));
        sums[q.value(0).toLongLong()] += q.value(2).toLongLong();
    }
    QVERIFY(!expected.isEmpty());
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 id = model.index(row, 0).data(FundTableModel::IdRole).toLongLong();
        const QModelIndex capital = model.index(row, Column::Capital);
        QCOMPARE(capital.data().toString(), expected.value(id).join(QStringLiteral(" + ")));
        QCOMPARE(capital.data(FundTableModel::SortRole).toLongLong(), sums.value(id));
    }
    // The Big Fund's three phases with known capital: 98.72 + 204.15 + 344 bn.
    const int bigFund = rowOfFund(
        model, scalar(*m_db, QStringLiteral("SELECT id FROM funds WHERE name LIKE '%(Big Fund)'")));
    QCOMPARE(
        model.index(bigFund, Column::Capital).data().toString(), QStringLiteral("CNY 646,870,000,000.00"));
}

void TestFundTableModel::deployedTotalsAreShown()
{
    FundTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUnits(Units::Full);
    model.setFunds(funds());
    const qint64 first = model.index(0, 0).data(FundTableModel::IdRole).toLongLong();
    const qint64 second = model.index(1, 0).data(FundTableModel::IdRole).toLongLong();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    model.setDeployed(
        { { first, { 1234567.891, 0, 12 } }, { second, { 0, 5e9, 1 } } }, QStringLiteral("CNY"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, Column::Invested));
    QCOMPARE(changed.first().at(1).toModelIndex(), model.index(model.rowCount() - 1, Column::Events));
    QVERIFY(headers.isEmpty());
    auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(0, Column::Invested).toString(), grouped(1234567.89));
    QCOMPARE(cell(0, Column::Committed).toString(), QString());
    QCOMPARE(cell(0, Column::Events).toLongLong(), qint64(12));
    QCOMPARE(cell(1, Column::Committed).toString(), grouped(5e9));
    QCOMPARE(cell(1, Column::Invested).toString(), QString());
    QCOMPARE(cell(2, Column::Events).toLongLong(), qint64(0));
    QCOMPARE(cell(0, Column::Invested, FundTableModel::SortRole).toDouble(), 1234567.891);
    QCOMPARE(cell(1, Column::Committed, FundTableModel::SortRole).toDouble(), 5e9);
    QCOMPARE(cell(1, Column::Events, FundTableModel::SortRole).toLongLong(), qint64(1));

    model.setDeployed({ { second, { 7, 0, 1 } } }, QStringLiteral("USD"));
    QCOMPARE(headers.size(), 1);
    QCOMPARE(model.headerData(Column::Invested, Qt::Horizontal).toString(), QStringLiteral("Invested (USD)"));
    QCOMPARE(
        model.headerData(Column::Committed, Qt::Horizontal).toString(), QStringLiteral("Committed (USD)"));
    QCOMPARE(cell(0, Column::Invested).toString(), QString()); // replaced, not merged
    QCOMPARE(cell(1, Column::Invested).toString(), QStringLiteral("7.00"));
}

void TestFundTableModel::alignmentAndHeaders()
{
    FundTableModel model;
    model.setFunds(funds());
    // The money beside the name (a page freezes the first column), in billions unless told otherwise.
    const QStringList titles = { QStringLiteral("Fund"), QStringLiteral("Invested (CNY bn)"),
        QStringLiteral("Committed (CNY bn)"), QStringLiteral("Registered capital"), QStringLiteral("Events"),
        QStringLiteral("中文名"), QStringLiteral("Kind"), QStringLiteral("Level"), QStringLiteral("Region"),
        QStringLiteral("Parent fund"), QStringLiteral("Phases") };
    QCOMPARE(titles.size(), model.columnCount());
    for (int c = 0; c < model.columnCount(); ++c) {
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), titles.at(c));
        const auto alignment = model.index(0, c).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
        QCOMPARE(bool(alignment & Qt::AlignRight), isNumber(c));
        QVERIFY(alignment & Qt::AlignVCenter);
    }
}

void TestFundTableModel::tooltipsCarryChineseNamesAndSources()
{
    FundTableModel model;
    model.setFunds(funds());
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(
        QStringLiteral("SELECT id, name, ifnull(name_zh, ''), ifnull(source_url, ''), ifnull(manager, '')"
                       " FROM funds")));
    int chinese = 0;
    int sources = 0;
    while (q.next()) {
        const QString tip = model.index(rowOfFund(model, q.value(0).toLongLong()), Column::Name)
                                .data(Qt::ToolTipRole)
                                .toString();
        QVERIFY(tip.contains(q.value(1).toString()));
        if (!q.value(2).toString().isEmpty()) {
            ++chinese;
            QVERIFY2(tip.contains(q.value(2).toString()), qPrintable(tip));
        }
        if (!q.value(3).toString().isEmpty()) {
            ++sources;
            QVERIFY2(tip.contains(q.value(3).toString()), qPrintable(tip));
        }
        if (!q.value(4).toString().isEmpty())
            QVERIFY2(tip.contains(q.value(4).toString()), qPrintable(tip));
    }
    QVERIFY(chinese > 20);
    QVERIFY(sources > 20);
}

void TestFundTableModel::proxySortsByRawValues()
{
    FundTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(FundTableModel::SortRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFunds(funds());
    QHash<qint64, FundTableModel::Deployed> deployed;
    const QList<FundRecord> all = funds();
    for (qsizetype i = 0; i < all.size(); ++i)
        deployed.insert(all.at(i).id, { double((i * 7919) % 101) * 1e3, 0, qint64(i) });
    model.setDeployed(deployed, QStringLiteral("CNY"));
    proxy.sort(Column::Invested, Qt::DescendingOrder);
    for (int row = 1; row < proxy.rowCount(); ++row)
        QVERIFY(proxy.index(row - 1, Column::Invested).data(FundTableModel::SortRole).toDouble()
            >= proxy.index(row, Column::Invested).data(FundTableModel::SortRole).toDouble());
    proxy.sort(Column::Capital, Qt::AscendingOrder);
    for (int row = 1; row < proxy.rowCount(); ++row)
        QVERIFY(proxy.index(row - 1, Column::Capital).data(FundTableModel::SortRole).toLongLong()
            <= proxy.index(row, Column::Capital).data(FundTableModel::SortRole).toLongLong());
}

void TestFundTableModel::amountsInEachUnit_data()
{
    QTest::addColumn<Units>("units");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("invested"); // 1,234,567.891
    QTest::addColumn<QString>("capital");  // the Big Fund's CNY 646.87 bn
    QTest::addRow("full") << Units(Units::Full) << QStringLiteral("Invested (CNY)") << QStringLiteral("1,234,567.89")
                          << QStringLiteral("CNY 646,870,000,000.00");
    QTest::addRow("millions") << Units(Units::Millions) << QStringLiteral("Invested (CNY m)")
                              << QStringLiteral("1.23") << QStringLiteral("CNY 646,870.00 m");
    QTest::addRow("billions") << Units(Units::Billions) << QStringLiteral("Invested (CNY bn)")
                              << QStringLiteral("0.00") << QStringLiteral("CNY 646.87 bn");
    QTest::addRow("yi") << Units(Units::Yi) << QStringLiteral("Invested (CNY 亿)") << QStringLiteral("0.01")
                        << QStringLiteral("CNY 6,468.70 亿");
    QTest::addRow("wan") << Units(Units::Wan) << QStringLiteral("Invested (CNY 万)") << QStringLiteral("123.46")
                         << QStringLiteral("CNY 64,687,000.00 万");
}

void TestFundTableModel::amountsInEachUnit()
{
    QFETCH(Units, units);
    QFETCH(QString, title);
    QFETCH(QString, invested);
    QFETCH(QString, capital);
    FundTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFunds(funds());
    model.setUnits(units);
    const int bigFund = rowOfFund(
        model, scalar(*m_db, QStringLiteral("SELECT id FROM funds WHERE name LIKE '%(Big Fund)'")));
    const qint64 id = model.index(bigFund, 0).data(FundTableModel::IdRole).toLongLong();
    model.setDeployed({ { id, { 1234567.891, 0, 3 } } }, QStringLiteral("CNY"));
    QCOMPARE(model.headerData(Column::Invested, Qt::Horizontal).toString(), title);
    QCOMPARE(model.index(bigFund, Column::Invested).data().toString(), invested);
    QCOMPARE(model.index(bigFund, Column::Capital).data().toString(), capital);
    // Raw numbers to sort by, and the exact figure in the tooltip, whatever the unit.
    QCOMPARE(model.index(bigFund, Column::Invested).data(FundTableModel::SortRole).toDouble(), 1234567.891);
    QCOMPARE(model.index(bigFund, Column::Capital).data(FundTableModel::SortRole).toLongLong(),
        qint64(64687000000000));
    QVERIFY(model.index(bigFund, Column::Invested)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Invested: CNY 1,234,567.89\n")));
    QVERIFY(model.index(bigFund, Column::Capital)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Registered capital: CNY 646,870,000,000.00\n")));
}

void TestFundTableModel::unitsChangeSignalsOnce()
{
    FundTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFunds(funds());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    model.setUnits(Units::Wan);
    model.setUnits(Units::Wan);
    QCOMPARE(model.units(), Units(Units::Wan));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, Column::Invested));
    QCOMPARE(changed.first().at(1).toModelIndex(), model.index(model.rowCount() - 1, Column::Capital));
    QCOMPARE(headers.size(), 1);
}

QTEST_GUILESS_MAIN(TestFundTableModel)
#include "tst_fundtablemodel.moc"
