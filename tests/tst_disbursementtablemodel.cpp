#include "AggregationEngine.h"
#include "BrowseTestData.h"
#include "Database.h"
#include "DisbursementTableModel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The windowed Disbursements model against independent SQL: exact counts under filters, every
// column's order over the whole result in both directions (read through the model's rows, so the
// page cache and the backwards reads past the middle are exercised), the bounded LRU page cache
// (observed through a row changed behind the model's back), TSV copy and the display formats;
// the amounts in each of the Units, and the converted amount the page query computes, held equal
// to the aggregation engine's figure for the same event (empty, with the missing rate named in
// its tooltip, where no rate exists).

using namespace BrowseTestData;

namespace {

using Column = DisbursementTableModel::Column;

/// What each column promises to sort by, written here (not DisbursementTableModel::sortFor()).
Sort expectedSort(int column)
{
    switch (column) {
    case Column::Date:
        return Sort::Date;
    case Column::Fund:
        return Sort::Fund;
    case Column::Phase:
        return Sort::Phase;
    case Column::Investee:
        return Sort::Investee;
    case Column::Sector:
        return Sort::Sector;
    case Column::Region:
        return Sort::Region;
    case Column::Type:
        return Sort::Type;
    case Column::Amount:
        return Sort::Amount;
    case Column::Stake:
        return Sort::Stake;
    case Column::Status:
        return Sort::Status;
    case Column::Confidence:
        return Sort::Confidence;
    default:
        return Sort::Id; // source and notes: by id, a stable order
    }
}

QList<qint64> idsThroughRows(const DisbursementTableModel &model)
{
    QList<qint64> ids;
    ids.reserve(model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(DisbursementTableModel::IdRole).toLongLong());
    return ids;
}

QString cleanCell(QString text)
{
    for (QChar c : { QLatin1Char('\t'), QLatin1Char('\n'), QLatin1Char('\r') })
        text.replace(c, QLatin1Char(' '));
    return text;
}

/// "CNY 1,234,567.89" from minor units, by QLocale's English grouping (not Format's).
QString expectedAmount(qint64 minor, int digits, const QString &currency)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    QString text = currency + QLatin1Char(' ') + english.toString(minor / scale);
    if (digits > 0)
        text += QLatin1Char('.') + QStringLiteral("%1").arg(minor % scale, digits, 10, QLatin1Char('0'));
    return text;
}

} // namespace

class TestDisbursementTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void passesModelTesterWhileFilledFilteredAndSorted();
    void rowCountIsExactUnderFilters();
    void everyColumnSortsTheWholeResult();
    void rowsPastTheMiddleAndTheLastRow();
    void pageCacheIsBoundedAndLeastRecentlyUsed();
    void pagesReadWithTheirNeighboursInAnyDirection();
    void toTsvEqualsDisplayData();
    void undisclosedAmountsAndDatePrecision();
    void sampleAmountsStakesAndDates();
    void rolesAlignmentAndTooltips();
    void headerData();
    void allIdsFollowSortAndFilter();
    void failedQueryIsReported();
    void moneySitsBesideTheInvestee();
    void amountsInEachUnit_data();
    void amountsInEachUnit();
    void unitsChangeSignalsOnce();
    void convertedAmountEqualsTheEngine_data();
    void convertedAmountEqualsTheEngine();
    void noRateLeavesTheConvertedAmountEmpty();

private:
    bool openSample();
    bool openGenerated(qint64 rows);
    /// Adds `count` completed CNY events spread over the open database's phases and investees,
    /// noted "synthetic <k>".
    bool addSyntheticEvents(int count);
    qint64 rowOf(const DisbursementTableModel &model, qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestDisbursementTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
}

void TestDisbursementTableModel::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

bool TestDisbursementTableModel::openSample()
{
    QString error;
    if (BrowseTestData::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error))
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

bool TestDisbursementTableModel::addSyntheticEvents(int count)
{
    QSqlQuery q(m_db->connection());
    if (q.exec(QStringLiteral(
            "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < %1),"
            " ph(id, r) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM phases),"
            " inv(id, r) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM investees)"
            " INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor, currency,"
            " status, confidence, notes)"
            " SELECT ph.id, inv.id, printf('%d-%02d', 2010 + k % 15, 1 + k % 12), 'disbursement', 100 * k,"
            " 'CNY', 'completed', 'medium', 'synthetic ' || k FROM n"
            " JOIN ph ON ph.r = k % (SELECT count(*) FROM phases)"
            " JOIN inv ON inv.r = k % (SELECT count(*) FROM investees)")
                   .arg(count)))
        return true;
    qWarning("%s", qPrintable(q.lastError().text()));
    return false;
}

bool TestDisbursementTableModel::openGenerated(qint64 rows)
{
    QString error;
    if (BrowseTestData::openGenerated(*m_db, m_dir->filePath(QStringLiteral("generated.db")), rows, &error))
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

qint64 TestDisbursementTableModel::rowOf(const DisbursementTableModel &model, qint64 id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(DisbursementTableModel::IdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

void TestDisbursementTableModel::passesModelTesterWhileFilledFilteredAndSorted()
{
    // The tester watches from an empty database on: the load, filters and every sort.
    QCOMPARE(m_db->open(m_dir->filePath(QStringLiteral("sample.db")), Database::OpenMode::CreateNew),
        Database::Status::Ok);
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(DisbursementTableModel::ColumnCount));

    QString error;
    QVERIFY2(SampleDatabase::load(*m_db, &error), qPrintable(error));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.reload();
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), int(expectedCount(*m_db, QStringLiteral("d.status <> 'cancelled'"))));
    QVERIFY(model.rowCount() > 50);

    for (const Case &c : cases(*m_db)) {
        model.setFilter(c.filter);
        QCOMPARE(model.rowCount(), int(expectedCount(*m_db, c.condition)));
        QCOMPARE(model.filter(), c.filter);
    }
    model.setFilter(Filter());
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    for (int column = 0; column < model.columnCount(); ++column) {
        for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            model.sort(column, order);
            QCOMPARE(idsThroughRows(model),
                expectedIds(*m_db, QStringLiteral("d.status <> 'cancelled'"), expectedSort(column),
                    order == Qt::DescendingOrder));
        }
    }
    QCOMPARE(layouts.size(), 2 * model.columnCount());
    // Sorting the same way again changes nothing; a column out of range is ignored.
    model.sort(0, Qt::DescendingOrder);
    model.sort(0, Qt::DescendingOrder);
    model.sort(-1);
    model.sort(model.columnCount());
    QCOMPARE(layouts.size(), 2 * model.columnCount() + 1);

    // An empty result is a valid model too.
    Filter nothing;
    nothing.text = QStringLiteral("no such name anywhere 无此名称");
    model.setFilter(nothing);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

void TestDisbursementTableModel::rowCountIsExactUnderFilters()
{
    QVERIFY(openGenerated(3000));
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const Case &c : cases(*m_db)) {
        model.setFilter(c.filter);
        QVERIFY2(model.rowCount() == expectedCount(*m_db, c.condition), qPrintable(c.name));
        QVERIFY2(model.rowCount() > 0, qPrintable(c.name));
    }
    // Everything, cancelled included: the table's own size.
    Filter everything;
    everything.statuses = { QStringLiteral("announced"), QStringLiteral("committed"),
        QStringLiteral("completed"), QStringLiteral("cancelled") };
    model.setFilter(everything);
    QCOMPARE(model.rowCount(), int(scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements"))));
}

void TestDisbursementTableModel::everyColumnSortsTheWholeResult()
{
    QVERIFY(openGenerated(2500));
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Case> filters = cases(*m_db);
    // No filter, a broad one and a narrow one: both ways of reading a window are covered.
    filters = { filters.at(0), filters.at(5), filters.at(2) };
    for (const Case &c : std::as_const(filters)) {
        model.setFilter(c.filter);
        for (int column = 0; column < model.columnCount(); ++column) {
            for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                model.sort(column, order);
                const QList<qint64> expected
                    = expectedIds(*m_db, c.condition, expectedSort(column), order == Qt::DescendingOrder);
                QVERIFY2(idsThroughRows(model) == expected,
                    qPrintable(QStringLiteral("%1, column %2, %3")
                                   .arg(c.name)
                                   .arg(column)
                                   .arg(order == Qt::AscendingOrder ? QStringLiteral("ascending")
                                                                    : QStringLiteral("descending"))));
            }
        }
    }
}

void TestDisbursementTableModel::rowsPastTheMiddleAndTheLastRow()
{
    QVERIFY(openGenerated(3000));
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int column :
        { int(Column::Amount), int(Column::Date), int(Column::Investee), int(Column::Region) }) {
        for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            model.sort(column, order);
            const QList<qint64> expected = expectedIds(*m_db, QStringLiteral("d.status <> 'cancelled'"),
                expectedSort(column), order == Qt::DescendingOrder);
            const int n = model.rowCount();
            QCOMPARE(n, expected.size());
            auto idAt = [&](int row) {
                return model.index(row, 0).data(DisbursementTableModel::IdRole).toLongLong();
            };
            // Jump to the end first (as Ctrl+End does), then walk back over the middle.
            QCOMPARE(idAt(n - 1), expected.last());
            for (int row = n - 1; row >= n / 2 - 300; --row)
                QCOMPARE(idAt(row), expected.at(row));
            QCOMPARE(idAt(0), expected.first());
            // Rows far apart, out of order.
            for (int row : { n / 2, 17, n - 2, n / 2 + 1, 256, 255, n - 257, n / 3 })
                QCOMPARE(idAt(row), expected.at(row));
            QVERIFY(model.record(n) == nullptr);
            QVERIFY(model.record(-1) == nullptr);
            QCOMPARE(model.record(n - 1)->id, expected.last());
        }
    }
}

void TestDisbursementTableModel::pagesReadWithTheirNeighboursInAnyDirection()
{
    // Deep pages are read two at a time (the page asked for and an uncached neighbour, below or
    // above): whichever way the rows are visited, each must be the row at its position.
    QVERIFY(openSample());
    constexpr int Pages = 24;
    QVERIFY(addSyntheticEvents(Pages * DisbursementTableModel::PageSize));
    const int size = DisbursementTableModel::PageSize;
    for (const bool upwards : { true, false }) {
        DisbursementTableModel model(*m_db);
        model.sort(Column::Date, Qt::DescendingOrder);
        const QList<qint64> ids = expectedIds(*m_db, QStringLiteral("d.status <> 'cancelled'"), Sort::Date, true);
        QCOMPARE(model.rowCount(), ids.size());
        // Upwards from the last page (each page's neighbour above it), or jumping about.
        const QList<int> pages = upwards ? QList<int> { Pages, Pages - 1, Pages - 2, 12, 11, 10, 9, 5, 4 }
                                         : QList<int> { 7, 20, 6, 8, 19, 21, 4, 13 };
        for (const int page : pages) {
            for (const int row : { page * size, page * size + size / 2, page * size + size - 1, page * size - 1 }) {
                if (row >= model.rowCount())
                    continue;
                QCOMPARE(model.index(row, 0).data(DisbursementTableModel::IdRole).toLongLong(), ids.at(row));
            }
        }
    }
}

void TestDisbursementTableModel::pageCacheIsBoundedAndLeastRecentlyUsed()
{
    // Enough rows for 191 pages: the sample plus synthetic events over its phases and investees.
    QVERIFY(openSample());
    constexpr int Pages = 191;
    QVERIFY(addSyntheticEvents(Pages * DisbursementTableModel::PageSize));

    DisbursementTableModel model(*m_db);
    model.sort(Column::Source, Qt::AscendingOrder); // by id: the row order is the id order
    const QList<qint64> ids = expectedIds(*m_db, QStringLiteral("d.status <> 'cancelled'"), Sort::Id, false);
    QCOMPARE(model.rowCount(), ids.size());
    QVERIFY(model.rowCount() > Pages * DisbursementTableModel::PageSize);
    const int size = DisbursementTableModel::PageSize;
    auto notesOfFirstRow = [&] { return model.index(0, Column::Notes).data().toString(); };
    auto touch = [&](int firstPage, int lastPage) {
        for (int page = firstPage; page <= lastPage; ++page) {
            const int row = page * size + page % size;
            if (model.index(row, 0).data(DisbursementTableModel::IdRole).toLongLong() != ids.at(row))
                return false;
        }
        return true;
    };
    auto changeFirstRow = [&](const QString &notes) {
        QSqlQuery update(m_db->connection());
        update.prepare(QStringLiteral("UPDATE disbursements SET notes = ? WHERE id = ?"));
        update.addBindValue(notes);
        update.addBindValue(ids.first());
        return update.exec() && update.numRowsAffected() == 1;
    };
    const QString original = notesOfFirstRow();

    // Held while it is one of the MaxCachedPages most recently used pages...
    QVERIFY(changeFirstRow(QStringLiteral("first change")));
    QVERIFY(touch(1, DisbursementTableModel::MaxCachedPages - 1));
    QCOMPARE(notesOfFirstRow(), original);
    // ...and, used again, it outlives pages read before it (least recently used goes first)...
    QVERIFY(touch(DisbursementTableModel::MaxCachedPages, 2 * DisbursementTableModel::MaxCachedPages - 2));
    QCOMPARE(notesOfFirstRow(), original);
    // ...but MaxCachedPages newer pages push it out: no more than that many are ever kept.
    QVERIFY(touch(
        2 * DisbursementTableModel::MaxCachedPages - 1, 3 * DisbursementTableModel::MaxCachedPages - 2));
    QCOMPARE(notesOfFirstRow(), QStringLiteral("first change"));
    QVERIFY(3 * DisbursementTableModel::MaxCachedPages - 2 < Pages);

    // A reload drops every page.
    QVERIFY(changeFirstRow(QStringLiteral("second change")));
    QCOMPARE(notesOfFirstRow(), QStringLiteral("first change"));
    model.reload();
    QCOMPARE(notesOfFirstRow(), QStringLiteral("second change"));
    // After all that paging, rows far apart still read right.
    for (int row : { model.rowCount() - 1, 0, model.rowCount() / 2, 12345, 40000, 7 })
        QCOMPARE(model.index(row, 0).data(DisbursementTableModel::IdRole).toLongLong(), ids.at(row));
}

void TestDisbursementTableModel::toTsvEqualsDisplayData()
{
    QVERIFY(openGenerated(1200));
    // Notes with tabs and line breaks must stay one cell.
    QSqlQuery q(m_db->connection());
    QVERIFY(
        q.exec(QStringLiteral("UPDATE disbursements SET notes = 'line one' || char(10) || 'line' || char(9)"
                              " || 'two' || char(13) || char(10) || 'three' WHERE id IN (SELECT id FROM"
                              " disbursements WHERE status <> 'cancelled' ORDER BY id LIMIT 3)")));
    QCOMPARE(q.numRowsAffected(), 3);
    DisbursementTableModel model(*m_db);
    auto displayed = [&](int first, int last, const QList<int> &columns) {
        QString text;
        for (int row = first; row <= last; ++row) {
            QStringList cells;
            for (int c : columns)
                cells.append(cleanCell(model.index(row, c).data().toString()));
            text += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
        }
        return text;
    };
    QList<int> all;
    for (int c = 0; c < model.columnCount(); ++c)
        all.append(c);
    const QList<int> someReordered = { Column::Amount, Column::Investee, Column::Notes, Column::Date };
    for (int column : { int(Column::Date), int(Column::Amount), int(Column::Fund) }) {
        for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            model.sort(column, order);
            const int n = model.rowCount();
            QCOMPARE(model.toTsv(0, 0, all), displayed(0, 0, all));
            QCOMPARE(model.toTsv(250, 270, all), displayed(250, 270, all)); // across a page boundary
            QCOMPARE(model.toTsv(n - 40, n - 1, someReordered), displayed(n - 40, n - 1, someReordered));
            QCOMPARE(model.toTsv(0, n - 1, all), displayed(0, n - 1, all));
        }
    }
    const QString everything = model.toTsv(0, model.rowCount() - 1, all);
    QCOMPARE(everything.count(QLatin1Char('\n')), model.rowCount());
    QCOMPARE(everything.count(QLatin1Char('\t')), model.rowCount() * (model.columnCount() - 1));
}

void TestDisbursementTableModel::undisclosedAmountsAndDatePrecision()
{
    QVERIFY(openGenerated(800));
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUnits(Units::Full);
    Filter everything;
    everything.statuses = { QStringLiteral("announced"), QStringLiteral("committed"),
        QStringLiteral("completed"), QStringLiteral("cancelled") };
    model.setFilter(everything);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT d.id, d.value_date, d.amount_minor, d.currency, c.minor_digits"
                                  " FROM disbursements d LEFT JOIN currencies c ON c.code = d.currency")));
    QHash<qint64, int> rowOfId;
    for (int row = 0; row < model.rowCount(); ++row)
        rowOfId.insert(model.index(row, 0).data(DisbursementTableModel::IdRole).toLongLong(), row);
    QSet<int> precisions;
    int undisclosed = 0;
    QSet<int> digits;
    while (q.next()) {
        const int row = rowOfId.value(q.value(0).toLongLong(), -1);
        QVERIFY(row >= 0);
        const QModelIndex date = model.index(row, Column::Date);
        const QModelIndex amount = model.index(row, Column::Amount);
        if (q.value(1).isNull()) {
            QCOMPARE(date.data().toString(), QStringLiteral("unknown"));
            QVERIFY(date.data(DisbursementTableModel::SortRole).toString().isEmpty());
        } else {
            // Exactly as reported: "2019", "2019-10" or "2019-10-22", never padded to a day.
            QCOMPARE(date.data().toString(), q.value(1).toString());
            precisions.insert(int(q.value(1).toString().size()));
        }
        if (q.value(2).isNull()) {
            ++undisclosed;
            QCOMPARE(amount.data().toString(), QStringLiteral("undisclosed"));
            QVERIFY(amount.data(Qt::FontRole).value<QFont>().italic());
            QVERIFY(!amount.data(DisbursementTableModel::SortRole).isValid());
            QVERIFY(model.index(row, Column::Converted).data().toString().isEmpty());
        } else {
            // In full: every minor digit, the currency beside it; the tooltip says both.
            const QString expected
                = expectedAmount(q.value(2).toLongLong(), q.value(4).toInt(), q.value(3).toString());
            QCOMPARE(model.index(row, Column::Currency).data().toString() + QLatin1Char(' ')
                    + amount.data().toString(),
                expected);
            QCOMPARE(amount.data(Qt::ToolTipRole).toString(), expected);
            QCOMPARE(amount.data(DisbursementTableModel::SortRole).toLongLong(), q.value(2).toLongLong());
            digits.insert(q.value(4).toInt());
        }
    }
    QVERIFY(undisclosed > 0);
    QCOMPARE(precisions, (QSet<int> { 4, 7, 10 }));
    QVERIFY(digits.contains(2));
}

void TestDisbursementTableModel::sampleAmountsStakesAndDates()
{
    QVERIFY(openSample());
    DisbursementTableModel model(*m_db);
    // The SMIC sale: HKD 2,580,000,000.00 on "2021-04", stake 8.93 % after it.
    const qint64 sale = scalar(*m_db,
        QStringLiteral("SELECT d.id FROM disbursements d JOIN investees i ON i.id = d.investee_id"
                       " WHERE i.name = 'Semiconductor Manufacturing International Corp. (SMIC)'"
                       " AND d.type = 'equity sale'"));
    const int row = int(rowOf(model, sale));
    QVERIFY(row >= 0);
    // In billions (the default) beside its currency; the exact amount in the tooltip.
    QCOMPARE(model.index(row, Column::Amount).data().toString(), QStringLiteral("2.58"));
    QCOMPARE(model.index(row, Column::Currency).data().toString(), QStringLiteral("HKD"));
    QCOMPARE(model.index(row, Column::Amount).data(Qt::ToolTipRole).toString(),
        QStringLiteral("HKD 2,580,000,000.00"));
    QCOMPARE(model.index(row, Column::Date).data().toString(), QStringLiteral("2021-04"));
    QCOMPARE(model.index(row, Column::Stake).data().toString(), QStringLiteral("8.93 %"));
    QCOMPARE(model.index(row, Column::Stake).data(DisbursementTableModel::SortRole).toDouble(), 8.93);
    // A year-only date stays a year; an unknown one reads "unknown".
    const qint64 yearOnly = scalar(*m_db,
        QStringLiteral("SELECT id FROM disbursements WHERE length(value_date) = 4"
                       " AND status <> 'cancelled' LIMIT 1"));
    QCOMPARE(model.index(int(rowOf(model, yearOnly)), Column::Date).data().toString().size(), 4);
    const qint64 undated = scalar(*m_db,
        QStringLiteral("SELECT id FROM disbursements WHERE value_date IS NULL"
                       " AND status <> 'cancelled' LIMIT 1"));
    QCOMPARE(
        model.index(int(rowOf(model, undated)), Column::Date).data().toString(), QStringLiteral("unknown"));
}

void TestDisbursementTableModel::rolesAlignmentAndTooltips()
{
    QVERIFY(openSample());
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.rowCount() > 0);
    QSqlQuery q(m_db->connection());
    QVERIFY(
        q.exec(QStringLiteral("SELECT d.id, d.phase_id, d.investee_id, i.name, i.name_zh, f.name, f.name_zh,"
                              " p.label, ifnull(d.source_url, '')"
                              " FROM disbursements d, investees i, phases p, funds f"
                              " WHERE i.id = d.investee_id AND p.id = d.phase_id AND f.id = p.fund_id"
                              " AND d.status <> 'cancelled'")));
    int checked = 0;
    while (q.next()) {
        const int row = int(rowOf(model, q.value(0).toLongLong()));
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, Column::Amount).data(DisbursementTableModel::PhaseIdRole).toLongLong(),
            q.value(1).toLongLong());
        QCOMPARE(model.index(row, Column::Amount).data(DisbursementTableModel::InvesteeIdRole).toLongLong(),
            q.value(2).toLongLong());
        QCOMPARE(model.index(row, Column::Investee).data().toString(), q.value(3).toString());
        QCOMPARE(model.index(row, Column::Fund).data().toString(), q.value(5).toString());
        QCOMPARE(model.index(row, Column::Phase).data().toString(), q.value(7).toString());
        const QString tip = model.index(row, Column::Investee).data(Qt::ToolTipRole).toString();
        // Chinese names of the investee and the fund, and the sources.
        if (!q.value(4).toString().isEmpty())
            QVERIFY2(tip.contains(q.value(4).toString()), qPrintable(tip));
        if (!q.value(6).toString().isEmpty())
            QVERIFY2(tip.contains(q.value(6).toString()), qPrintable(tip));
        const QString sources = q.value(8).toString();
        if (!sources.isEmpty()) {
            QVERIFY2(tip.contains(sources), qPrintable(tip));
            QCOMPARE(model.index(row, Column::Source).data().toString(),
                sources.section(QStringLiteral(" | "), 0, 0));
            QCOMPARE(model.index(row, Column::Source).data(DisbursementTableModel::SourceUrlRole).toString(),
                sources.section(QStringLiteral(" | "), 0, 0));
            QVERIFY(model.index(row, Column::Source).data().toString().startsWith(QLatin1String("http")));
        }
        for (int c = 0; c < model.columnCount(); ++c) {
            const auto alignment = model.index(row, c).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
            const bool number = c == Column::Amount || c == Column::Converted || c == Column::Stake;
            QCOMPARE(bool(alignment & Qt::AlignRight), number);
            QCOMPARE(model.index(row, c).data(DisbursementTableModel::IdRole).toLongLong(),
                q.value(0).toLongLong());
        }
        ++checked;
    }
    QCOMPARE(checked, model.rowCount());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
    QVERIFY(!model.data(QModelIndex(), Qt::DisplayRole).isValid());
}

void TestDisbursementTableModel::headerData()
{
    QVERIFY(openSample());
    DisbursementTableModel model(*m_db);
    const QStringList titles = { QStringLiteral("Investee"), QStringLiteral("Amount (bn)"),
        QStringLiteral("Currency"), QStringLiteral("Amount (CNY bn)"), QStringLiteral("Date"), QStringLiteral("Type"),
        QStringLiteral("Fund"), QStringLiteral("Phase"), QStringLiteral("Sector"), QStringLiteral("Region"),
        QStringLiteral("Stake"), QStringLiteral("Status"), QStringLiteral("Confidence"), QStringLiteral("Source"),
        QStringLiteral("Notes") };
    QCOMPARE(titles.size(), model.columnCount());
    for (int c = 0; c < model.columnCount(); ++c) {
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), titles.at(c));
        const auto alignment
            = model.headerData(c, Qt::Horizontal, Qt::TextAlignmentRole).value<Qt::Alignment>();
        QCOMPARE(bool(alignment & Qt::AlignRight),
            c == Column::Amount || c == Column::Converted || c == Column::Stake);
    }
    // The converted column names the filter's base currency.
    Filter usd;
    usd.currency = QStringLiteral("USD");
    model.setFilter(usd);
    QCOMPARE(model.headerData(Column::Converted, Qt::Horizontal).toString(), QStringLiteral("Amount (USD bn)"));
    QVERIFY(model.headerData(Column::Converted, Qt::Horizontal, Qt::ToolTipRole).toString().contains(
        QLatin1String("no rate")));
    // Row headers are plain numbers (the view hides them).
    QCOMPARE(model.headerData(4, Qt::Vertical).toInt(), 5);
}

void TestDisbursementTableModel::allIdsFollowSortAndFilter()
{
    QVERIFY(openGenerated(1500));
    DisbursementTableModel model(*m_db);
    for (const Case &c : cases(*m_db).mid(0, 6)) {
        model.setFilter(c.filter);
        for (int column : { int(Column::Stake), int(Column::Sector), int(Column::Date) }) {
            model.sort(column, Qt::AscendingOrder);
            QCOMPARE(model.allIds(), expectedIds(*m_db, c.condition, expectedSort(column), false));
            model.sort(column, Qt::DescendingOrder);
            QCOMPARE(model.allIds(), idsThroughRows(model));
        }
    }
}

void TestDisbursementTableModel::failedQueryIsReported()
{
    QVERIFY(openSample());
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.rowCount() > 0);
    QSignalSpy failures(&model, &DisbursementTableModel::queryFailed);
    m_db->close();
    model.reload();
    QCOMPARE(failures.size(), 1);
    QVERIFY(!failures.first().first().toString().isEmpty());
    QCOMPARE(model.rowCount(), 0);
}

void TestDisbursementTableModel::moneySitsBesideTheInvestee()
{
    // The investee first (the page freezes it), then its money: reported, currency, converted.
    QCOMPARE(int(Column::Investee), 0);
    QCOMPARE(int(Column::Amount), 1);
    QCOMPARE(int(Column::Currency), 2);
    QCOMPARE(int(Column::Converted), 3);
    // The columns no index orders (currency, converted) keep a stable order, by id, as source
    // and notes do: never a sort of the whole result for each page.
    QCOMPARE(DisbursementTableModel::sortFor(Column::Currency), Sort::Id);
    QCOMPARE(DisbursementTableModel::sortFor(Column::Converted), Sort::Id);
    QVERIFY(DisbursementTableModel::editColumn(Column::Converted).isEmpty());
    QVERIFY(DisbursementTableModel::editColumn(Column::Currency).isEmpty());
}

void TestDisbursementTableModel::amountsInEachUnit_data()
{
    // The SMIC sale: HKD 2,580,000,000.00 in 2021-04, at HKD 0.82999 CNY that year.
    QTest::addColumn<Units>("units");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("convertedTitle");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<double>("scale");
    QTest::addRow("full") << Units(Units::Full) << QStringLiteral("Amount") << QStringLiteral("Amount (CNY)")
                          << QStringLiteral("2,580,000,000.00") << 1.0;
    QTest::addRow("millions") << Units(Units::Millions) << QStringLiteral("Amount (m)")
                              << QStringLiteral("Amount (CNY m)") << QStringLiteral("2,580.00") << 1e6;
    QTest::addRow("billions") << Units(Units::Billions) << QStringLiteral("Amount (bn)")
                              << QStringLiteral("Amount (CNY bn)") << QStringLiteral("2.58") << 1e9;
    QTest::addRow("yi") << Units(Units::Yi) << QStringLiteral("Amount (亿)") << QStringLiteral("Amount (CNY 亿)")
                        << QStringLiteral("25.80") << 1e8;
    QTest::addRow("wan") << Units(Units::Wan) << QStringLiteral("Amount (万)") << QStringLiteral("Amount (CNY 万)")
                         << QStringLiteral("258,000.00") << 1e4;
}

void TestDisbursementTableModel::amountsInEachUnit()
{
    QFETCH(Units, units);
    QFETCH(QString, title);
    QFETCH(QString, convertedTitle);
    QFETCH(QString, amount);
    QFETCH(double, scale);
    QVERIFY(openSample());
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUnits(units);
    const qint64 sale = scalar(*m_db,
        QStringLiteral("SELECT d.id FROM disbursements d JOIN investees i ON i.id = d.investee_id"
                       " WHERE i.name = 'Semiconductor Manufacturing International Corp. (SMIC)'"
                       " AND d.type = 'equity sale'"));
    const int row = int(rowOf(model, sale));
    QVERIFY(row >= 0);
    QCOMPARE(model.headerData(Column::Amount, Qt::Horizontal).toString(), title);
    QCOMPARE(model.headerData(Column::Converted, Qt::Horizontal).toString(), convertedTitle);
    QCOMPARE(model.index(row, Column::Amount).data().toString(), amount);
    QCOMPARE(model.index(row, Column::Currency).data().toString(), QStringLiteral("HKD"));
    // The converted amount: the same money at the year's rate, in the unit, by QLocale's grouping.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT cny_per_unit FROM exchange_rates WHERE currency = 'HKD' AND year = 2021")));
    QVERIFY(q.next());
    const double converted = 2580000000.0 * q.value(0).toDouble();
    QCOMPARE(model.index(row, Column::Converted).data().toString(),
        QLocale(QLocale::English, QLocale::UnitedStates).toString(converted / scale, 'f', 2));
    // Sort roles stay raw whatever the unit: minor units as stored, the converted double.
    QCOMPARE(model.index(row, Column::Amount).data(DisbursementTableModel::SortRole).toLongLong(),
        qint64(258000000000));
    QVERIFY(qFuzzyCompare(model.index(row, Column::Converted).data(DisbursementTableModel::SortRole).toDouble(),
        converted));
    const QString tip = model.index(row, Column::Converted).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("HKD 2,580,000,000.00")) && tip.contains(QLatin1String("2021"))
            && tip.contains(QLatin1String("1 HKD = 0.82999 CNY")),
        qPrintable(tip));
}

void TestDisbursementTableModel::unitsChangeSignalsOnce()
{
    QVERIFY(openSample());
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setUnits(Units::Wan);
    model.setUnits(Units::Wan);
    QCOMPARE(model.units(), Units(Units::Wan));
    QCOMPARE(changed.size(), 1); // the amounts only, no re-read
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, Column::Amount));
    QCOMPARE(changed.first().at(1).toModelIndex(), model.index(model.rowCount() - 1, Column::Converted));
    QCOMPARE(headers.size(), 1);
    QCOMPARE(resets.size(), 0);
}

void TestDisbursementTableModel::convertedAmountEqualsTheEngine_data()
{
    QTest::addColumn<QString>("base");
    QTest::addRow("CNY") << QStringLiteral("CNY");
    QTest::addRow("USD") << QStringLiteral("USD");
}

void TestDisbursementTableModel::convertedAmountEqualsTheEngine()
{
    // Each investee with a single event: the engine's figure for it is that event's converted
    // amount, which the model must show to the last bit (one rule, ConversionSql).
    QFETCH(QString, base);
    QVERIFY(openSample());
    DisbursementTableModel model(*m_db);
    Filter filter;
    filter.currency = base;
    model.setFilter(filter);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT min(d.id), d.investee_id, min(d.currency) FROM disbursements d"
                                  " WHERE d.status <> 'cancelled' GROUP BY d.investee_id HAVING count(*) = 1")));
    QSet<QString> currencies;
    int compared = 0;
    while (q.next()) {
        const int row = int(rowOf(model, q.value(0).toLongLong()));
        QVERIFY(row >= 0);
        Filter one = filter;
        one.investees = { q.value(1).toLongLong() };
        AggregateResult result;
        QString error;
        QVERIFY2(AggregationEngine(*m_db).aggregate(Dimension::Investee, one, &result, &error), qPrintable(error));
        const AggregateRow &figure = result.totals;
        QCOMPARE(figure.events, qint64(1));
        const QVariant converted = model.index(row, Column::Converted).data(DisbursementTableModel::SortRole);
        if (figure.undisclosed || figure.withoutRate) {
            QVERIFY(!converted.isValid());
            QVERIFY(model.index(row, Column::Converted).data().toString().isEmpty());
            continue;
        }
        const double engine = figure.invested + figure.committed + figure.divested;
        QVERIFY2(converted.toDouble() == engine,
            qPrintable(QStringLiteral("event %1: %2, engine %3")
                           .arg(q.value(0).toLongLong())
                           .arg(converted.toDouble(), 0, 'g', 17)
                           .arg(engine, 0, 'g', 17)));
        currencies.insert(q.value(2).toString());
        ++compared;
    }
    QVERIFY(compared > 10);
    QVERIFY2(currencies.contains(QStringLiteral("USD")) && currencies.contains(QStringLiteral("CNY")),
        qPrintable(QStringList(currencies.cbegin(), currencies.cend()).join(QLatin1Char(','))));
}

void TestDisbursementTableModel::noRateLeavesTheConvertedAmountEmpty()
{
    // The sample has no USD rate for 2025: in USD, a CNY amount of 2025 has no converted amount,
    // and its tooltip says which rate is missing. An undated foreign amount has no year to pick
    // a rate by. The engine counts the same events apart, as without a rate.
    QVERIFY(openSample());
    QCOMPARE(
        scalar(*m_db, QStringLiteral("SELECT count(*) FROM exchange_rates WHERE currency = 'USD' AND year = 2025")),
        qint64(0));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE disbursements SET value_date = NULL WHERE id = (SELECT min(id) FROM"
                                  " disbursements WHERE currency = 'USD' AND amount_minor IS NOT NULL"
                                  " AND status <> 'cancelled')")));
    QCOMPARE(q.numRowsAffected(), 1);
    DisbursementTableModel model(*m_db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Filter usd;
    usd.currency = QStringLiteral("USD");
    model.setFilter(usd);
    QSet<QString> usdYears;
    QVERIFY(q.exec(QStringLiteral("SELECT year FROM exchange_rates WHERE currency = 'USD'")));
    while (q.next())
        usdYears.insert(q.value(0).toString());
    int without = 0;
    int undated = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const DisbursementRecord *r = model.record(row);
        QVERIFY(r);
        const QModelIndex converted = model.index(row, Column::Converted);
        const QString tip = converted.data(Qt::ToolTipRole).toString();
        const QString year = r->valueDate.left(4);
        if (!r->amountMinor) {
            QVERIFY(converted.data().toString().isEmpty());
            QCOMPARE(tip, QStringLiteral("The amount is undisclosed"));
        } else if (r->currency == QLatin1String("USD")) {
            undated += r->valueDate.isEmpty(); // already in USD: no rate needed, a date or not
            QVERIFY(!converted.data().toString().isEmpty());
        } else if (r->valueDate.isEmpty()) {
            QVERIFY(converted.data().toString().isEmpty());
            QVERIFY2(tip.contains(QLatin1String("date is unknown")), qPrintable(tip));
        } else if (r->currency == QLatin1String("CNY") && !usdYears.contains(year)) {
            without += year == QLatin1String("2025");
            QVERIFY(converted.data().toString().isEmpty());
            QVERIFY(!converted.data(DisbursementTableModel::SortRole).isValid());
            QCOMPARE(tip, QStringLiteral("No USD rate for %1").arg(year));
        } else if (r->currency == QLatin1String("CNY")) {
            QVERIFY2(!converted.data().toString().isEmpty(), qPrintable(tip));
        }
    }
    QVERIFY(without > 0);
    QVERIFY(undated > 0);
    // In CNY the undated USD amount is the one without a rate, named with the unknown date.
    model.setFilter(Filter());
    int unknownDate = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const DisbursementRecord *r = model.record(row);
        if (r->amountMinor && r->valueDate.isEmpty() && r->currency == QLatin1String("USD")) {
            ++unknownDate;
            QVERIFY(model.index(row, Column::Converted).data().toString().isEmpty());
            QCOMPARE(model.index(row, Column::Converted).data(Qt::ToolTipRole).toString(),
                QStringLiteral("No USD rate: the date is unknown, so no year's rate applies"));
        }
    }
    QCOMPARE(unknownDate, 1);
    // The engine leaves the same events out of its USD figures.
    AggregateResult result;
    QString error;
    QVERIFY2(AggregationEngine(*m_db).aggregate(Dimension::Fund, usd, &result, &error), qPrintable(error));
    qint64 emptyCells = 0;
    model.setFilter(usd);
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.record(row)->amountMinor && !model.record(row)->converted)
            ++emptyCells;
    }
    QCOMPARE(result.totals.withoutRate, emptyCells); // by fund: sub-fund flows are in the totals
}

QTEST_GUILESS_MAIN(TestDisbursementTableModel)
#include "tst_disbursementtablemodel.moc"
