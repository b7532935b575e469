#include "BrowseTestData.h"
#include "Database.h"
#include "FundRepository.h"
#include "FundTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The navigator's funds → phases tree on the sample, under QAbstractItemModelTester from before
// it is filled: structure and ids against SQL, names in both languages for search and tooltips,
// totals per phase summed into their funds, alignment, and the change signals.

using BrowseTestData::scalar;

class TestFundTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void passesModelTesterWhileFilledAndUpdated();
    void structureMatchesSql();
    void indexOfFundAndPhase();
    void namesInBothLanguages();
    void totalsSumPhasesIntoFunds();
    void onlyChangedRowsSignal();
    void eventsSumPhasesIntoFunds();
    void alignmentAndHeader();
    void searchProxyFindsChineseNames();

private:
    QList<FundRecord> funds() { return FundRepository(*m_db).all(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestFundTreeModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(BrowseTestData::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error),
        qPrintable(error));
}

void TestFundTreeModel::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestFundTreeModel::passesModelTesterWhileFilledAndUpdated()
{
    FundTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setFunds(funds());
    QVERIFY(model.rowCount() > 30);
    QHash<qint64, FundTreeModel::PhaseTotal> invested;
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM phases")));
    while (q.next())
        invested.insert(q.value(0).toLongLong(), { 1e9 + q.value(0).toDouble(), q.value(0).toLongLong() });
    model.setTotals(invested, QStringLiteral("USD"));
    model.setTotals({}, QStringLiteral("CNY"));
    model.setFunds(funds());
    model.setFunds({});
    QCOMPARE(model.rowCount(), 0);
    model.setTotals(invested, QStringLiteral("USD")); // totals on an empty tree are harmless
}

void TestFundTreeModel::structureMatchesSql()
{
    FundTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFunds(funds());
    QCOMPARE(model.rowCount(), int(scalar(*m_db, QStringLiteral("SELECT count(*) FROM funds"))));
    QCOMPARE(model.columnCount(), int(FundTreeModel::ColumnCount));
    int phases = 0;
    for (int f = 0; f < model.rowCount(); ++f) {
        const QModelIndex fund = model.index(f, 0);
        const qint64 fundId = fund.data(FundTreeModel::FundIdRole).toLongLong();
        QCOMPARE(fund.data(FundTreeModel::PhaseIdRole).toLongLong(), qint64(0));
        QVERIFY(!model.parent(fund).isValid());
        QCOMPARE(model.rowCount(fund),
            int(scalar(*m_db, QStringLiteral("SELECT count(*) FROM phases WHERE fund_id = ?"), { fundId })));
        QCOMPARE(model.rowCount(model.index(f, 1)), 0); // only column 0 has children
        // Phases in start order, unknown start last, then by label.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.prepare(QStringLiteral("SELECT id, label FROM phases WHERE fund_id = ?"
                                         " ORDER BY start_date IS NULL, start_date, label")));
        q.addBindValue(fundId);
        QVERIFY(q.exec());
        for (int p = 0; q.next(); ++p, ++phases) {
            const QModelIndex phase = model.index(p, 0, fund);
            QCOMPARE(phase.data(FundTreeModel::PhaseIdRole).toLongLong(), q.value(0).toLongLong());
            QCOMPARE(phase.data(FundTreeModel::FundIdRole).toLongLong(), fundId);
            QVERIFY(phase.data().toString().startsWith(q.value(1).toString()));
            QCOMPARE(model.parent(phase), fund);
            QCOMPARE(model.parent(model.index(p, FundTreeModel::Events, fund)), fund);
            QCOMPARE(model.rowCount(phase), 0);
            QVERIFY(!model.index(0, 0, phase).isValid());
        }
    }
    QCOMPARE(phases, int(scalar(*m_db, QStringLiteral("SELECT count(*) FROM phases"))));
    // Funds come in name order.
    QStringList ordered;
    for (int f = 0; f < model.rowCount(); ++f)
        ordered.append(model.funds().at(f).name);
    QStringList sorted = ordered;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(ordered, sorted);
    QVERIFY(!model.index(model.rowCount(), 0).isValid());
}

void TestFundTreeModel::indexOfFundAndPhase()
{
    FundTreeModel model;
    model.setFunds(funds());
    const qint64 phase = scalar(*m_db,
        QStringLiteral("SELECT p.id FROM phases p JOIN funds f ON f.id = p.fund_id"
                       " WHERE f.name LIKE '%(Big Fund)' AND p.label = 'Phase II'"));
    QVERIFY(phase > 0);
    const QModelIndex index = model.indexOfPhase(phase);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(FundTreeModel::PhaseIdRole).toLongLong(), phase);
    QVERIFY(index.data().toString().startsWith(QLatin1String("Phase II (2019)")));
    const qint64 fund = index.data(FundTreeModel::FundIdRole).toLongLong();
    QCOMPARE(model.indexOfFund(fund), model.parent(index));
    QCOMPARE(model.indexOfFund(fund).data(FundTreeModel::FundIdRole).toLongLong(), fund);
    QVERIFY(!model.indexOfPhase(-5).isValid());
    QVERIFY(!model.indexOfFund(-5).isValid());
}

void TestFundTreeModel::namesInBothLanguages()
{
    FundTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFunds(funds());
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT id, name, ifnull(name_zh, '') FROM funds")));
    int chinese = 0;
    while (q.next()) {
        const QModelIndex fund = model.indexOfFund(q.value(0).toLongLong());
        const QString name = q.value(1).toString();
        const QString nameZh = q.value(2).toString();
        QVERIFY(fund.data().toString().contains(name));
        QVERIFY(fund.data(FundTreeModel::SearchTextRole).toString().contains(name));
        QVERIFY(fund.data(Qt::ToolTipRole).toString().contains(name));
        if (nameZh.isEmpty())
            continue;
        ++chinese;
        QVERIFY(fund.data().toString().contains(nameZh));
        QVERIFY(fund.data(FundTreeModel::SearchTextRole).toString().contains(nameZh));
        QVERIFY(fund.data(Qt::ToolTipRole).toString().contains(nameZh));
        // A phase is found by its fund's names in either language, and says whose it is.
        for (int p = 0; p < model.rowCount(fund); ++p) {
            const QModelIndex phase = model.index(p, 0, fund);
            const QString search = phase.data(FundTreeModel::SearchTextRole).toString();
            QVERIFY(search.contains(name) && search.contains(nameZh));
            QVERIFY(search.contains(model.funds().at(fund.row()).phases.at(p).label));
            QVERIFY2(phase.data(Qt::ToolTipRole).toString().contains(nameZh),
                qPrintable(phase.data(Qt::ToolTipRole).toString()));
        }
    }
    QVERIFY(chinese > 20);
    // A phase with known capital shows it in its tooltip.
    const QModelIndex phaseII = model.indexOfPhase(scalar(*m_db,
        QStringLiteral("SELECT p.id FROM phases p JOIN funds f ON f.id = p.fund_id"
                       " WHERE f.name LIKE '%(Big Fund)' AND p.label = 'Phase II'")));
    QVERIFY(phaseII.data(Qt::ToolTipRole).toString().contains(QLatin1String("CNY 204,150,000,000.00")));
}

void TestFundTreeModel::totalsSumPhasesIntoFunds()
{
    FundTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFunds(funds());
    // A fund with three or more phases; two of them get totals, the rest none.
    int row = -1;
    for (int f = 0; f < model.rowCount() && row < 0; ++f) {
        if (model.rowCount(model.index(f, 0)) >= 3)
            row = f;
    }
    QVERIFY(row >= 0);
    const QModelIndex fund = model.index(row, 0);
    const qint64 first = model.index(0, 0, fund).data(FundTreeModel::PhaseIdRole).toLongLong();
    const qint64 second = model.index(1, 0, fund).data(FundTreeModel::PhaseIdRole).toLongLong();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy landed(&model, &FundTreeModel::totalsChanged);
    model.setTotals({ { first, { 12.9e9, 7 } }, { second, { 2.5e6, 2 } } }, QStringLiteral("CNY"));
    QVERIFY(headers.isEmpty()); // the currency stayed CNY
    QCOMPARE(landed.size(), 1);
    bool fundRowsChanged = false;
    bool phaseRowsChanged = false;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const QModelIndex topLeft = signal.at(0).toModelIndex();
        const QModelIndex bottomRight = signal.at(1).toModelIndex();
        QCOMPARE(topLeft.column(), int(FundTreeModel::Invested));
        QCOMPARE(bottomRight.column(), int(FundTreeModel::Events));
        if (!topLeft.parent().isValid() && topLeft.row() <= row && bottomRight.row() >= row)
            fundRowsChanged = true;
        if (topLeft.parent() == fund && topLeft.row() == 0 && bottomRight.row() >= 1)
            phaseRowsChanged = true;
    }
    QVERIFY(fundRowsChanged);
    QVERIFY(phaseRowsChanged);

    auto invested = [&](const QModelIndex &index) {
        return model.index(index.row(), FundTreeModel::Invested, index.parent());
    };
    QCOMPARE(invested(model.index(0, 0, fund)).data().toString(), QStringLiteral("12.9 bn"));
    QCOMPARE(invested(model.index(1, 0, fund)).data().toString(), QStringLiteral("2.5 m"));
    QCOMPARE(invested(model.index(2, 0, fund)).data().toString(), QString());
    QCOMPARE(invested(fund).data().toString(), QStringLiteral("12.9 bn"));
    QCOMPARE(invested(fund).data(FundTreeModel::SortRole).toDouble(), 12.9e9 + 2.5e6);
    QCOMPARE(invested(model.index(1, 0, fund)).data(FundTreeModel::SortRole).toDouble(), 2.5e6);
    QCOMPARE(invested(model.index(2, 0, fund)).data(FundTreeModel::SortRole).toDouble(), 0.0);
    // Other funds hold nothing.
    const int other = row == 0 ? 1 : 0;
    QCOMPARE(invested(model.index(other, 0)).data(FundTreeModel::SortRole).toDouble(), 0.0);

    // A new base currency renames the column; new totals replace the old ones.
    model.setTotals({ { second, { 4.0e9, 1 } } }, QStringLiteral("USD"));
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers.first().at(0).value<Qt::Orientation>(), Qt::Horizontal);
    QCOMPARE(model.headerData(FundTreeModel::Invested, Qt::Horizontal).toString(),
        QStringLiteral("Invested (USD)"));
    QCOMPARE(invested(fund).data().toString(), QStringLiteral("4.0 bn"));
    QCOMPARE(invested(model.index(0, 0, fund)).data().toString(), QString());
}

void TestFundTreeModel::onlyChangedRowsSignal()
{
    FundTreeModel model;
    model.setFunds(funds());
    QHash<qint64, FundTreeModel::PhaseTotal> totals;
    for (const FundRecord &f : model.funds()) {
        for (const PhaseRecord &p : f.phases)
            totals.insert(p.id, { 1e6 * double(p.id), p.id });
    }
    model.setTotals(totals, QStringLiteral("CNY"));

    // The same totals again: nothing to repaint, but the proxy still hears that they landed.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy landed(&model, &FundTreeModel::totalsChanged);
    model.setTotals(totals, QStringLiteral("CNY"));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(landed.size(), 1);

    // One phase of one fund changes: that fund's phase rows and the one fund row, nothing else.
    QModelIndex fund;
    for (int f = model.rowCount() - 1; f >= 0 && !fund.isValid(); --f) {
        if (model.rowCount(model.index(f, 0)) > 0)
            fund = model.index(f, 0);
    }
    QVERIFY(fund.isValid());
    const qint64 phase = model.index(0, 0, fund).data(FundTreeModel::PhaseIdRole).toLongLong();
    totals[phase].events += 1;
    model.setTotals(totals, QStringLiteral("CNY"));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().parent(), fund);
    QCOMPARE(changed.at(1).at(0).toModelIndex(), model.index(fund.row(), FundTreeModel::Invested));
    QCOMPARE(changed.at(1).at(1).toModelIndex(), model.index(fund.row(), FundTreeModel::Events));

    // A new currency renames the column and changes every figure's meaning: every row signals.
    changed.clear();
    model.setTotals(totals, QStringLiteral("USD"));
    const auto last = changed.constLast();
    QCOMPARE(last.at(0).toModelIndex(), model.index(0, FundTreeModel::Invested));
    QCOMPARE(last.at(1).toModelIndex(), model.index(model.rowCount() - 1, FundTreeModel::Events));
}

void TestFundTreeModel::eventsSumPhasesIntoFunds()
{
    // Totals fed from an independent count per phase: phase rows show them, fund rows their sum,
    // which must equal SQL's count per fund.
    FundTreeModel model;
    model.setFunds(funds());
    QHash<qint64, FundTreeModel::PhaseTotal> totals;
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT phase_id, count(*) FROM disbursements GROUP BY phase_id")));
    while (q.next())
        totals.insert(q.value(0).toLongLong(), { 0.0, q.value(1).toLongLong() });
    model.setTotals(totals, QStringLiteral("CNY"));
    for (int f = 0; f < model.rowCount(); ++f) {
        const QModelIndex fund = model.index(f, 0);
        const qint64 fundId = fund.data(FundTreeModel::FundIdRole).toLongLong();
        QCOMPARE(model.index(f, FundTreeModel::Events).data().toLongLong(),
            scalar(*m_db,
                QStringLiteral("SELECT count(*) FROM disbursements d JOIN phases p ON p.id = d.phase_id"
                               " WHERE p.fund_id = ?"),
                { fundId }));
        for (int p = 0; p < model.rowCount(fund); ++p) {
            const QModelIndex phase = model.index(p, FundTreeModel::Events, fund);
            QCOMPARE(phase.data().toLongLong(),
                scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE phase_id = ?"),
                    { phase.data(FundTreeModel::PhaseIdRole).toLongLong() }));
            QCOMPARE(phase.data(FundTreeModel::SortRole).toLongLong(), phase.data().toLongLong());
        }
    }
}

void TestFundTreeModel::alignmentAndHeader()
{
    FundTreeModel model;
    model.setFunds(funds());
    const QModelIndex fund = model.index(0, 0);
    for (const QModelIndex &parent : { QModelIndex(), fund }) {
        for (int c = 0; c < model.columnCount(); ++c) {
            const auto alignment
                = model.index(0, c, parent).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
            QCOMPARE(bool(alignment & Qt::AlignRight), c != FundTreeModel::Name);
            QVERIFY(alignment & Qt::AlignVCenter);
        }
    }
    QCOMPARE(
        model.headerData(FundTreeModel::Name, Qt::Horizontal).toString(), QStringLiteral("Fund / phase"));
    QCOMPARE(model.headerData(FundTreeModel::Invested, Qt::Horizontal).toString(),
        QStringLiteral("Invested (CNY)"));
    QCOMPARE(model.headerData(FundTreeModel::Events, Qt::Horizontal).toString(), QStringLiteral("Events"));
}

void TestFundTreeModel::searchProxyFindsChineseNames()
{
    // The navigator filters through a proxy on SearchTextRole; a Chinese fragment keeps the
    // matching fund with all its phases.
    FundTreeModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(FundTreeModel::SearchTextRole);
    proxy.setRecursiveFilteringEnabled(true);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFunds(funds());
    proxy.setFilterFixedString(QStringLiteral("国家集成电路产业投资基金"));
    const qint64 expected = scalar(*m_db,
        QStringLiteral("SELECT count(*) FROM funds WHERE instr(name_zh, '国家集成电路产业投资基金')"
                       " OR instr(name, '国家集成电路产业投资基金')"));
    QVERIFY(expected >= 1);
    QCOMPARE(proxy.rowCount(), int(expected));
    const QModelIndex bigFund = proxy.index(0, 0);
    QCOMPARE(proxy.rowCount(bigFund),
        int(scalar(*m_db, QStringLiteral("SELECT count(*) FROM phases WHERE fund_id = ?"),
            { bigFund.data(FundTreeModel::FundIdRole).toLongLong() })));
    proxy.setFilterFixedString(QStringLiteral("no such fund 无此基金"));
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestFundTreeModel)
#include "tst_fundtreemodel.moc"
