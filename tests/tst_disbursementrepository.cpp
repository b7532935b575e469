#include "BrowseTestData.h"
#include "Database.h"
#include "DisbursementRepository.h"
#include "FilterSql.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The repository against independent SQL: counts, every order in both directions read window by
// window (so the backwards reads past the middle are covered), ids, streaming and single rows; and
// the query plans of the windows, which must walk an index in the requested order.

using namespace BrowseTestData;

class TestDisbursementRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void windowPlansNeedNoTemporarySort();
    void deepWindowsReadOnlyTheSortIndex();
    void countPlansReadNoTableRows();
    void windowsMatchIndependentOrderOnGeneratedData();
    void windowsMatchIndependentOrderOnSample();
    void windowEdges();
    void idsMatchIndependentOrder();
    void streamReadsRangesAndStops();
    void recordsCarryNamesNotIds();
    void byIdFindsOneRowOrNothing();
    void countsMatchIndependentSql();
    void investeeFilterCountsOnlyItsEvents();

private:
    bool openSample();
    bool openGenerated(qint64 rows);
    QString explain(const QString &sql);
    /// The plan as a tree: each line indented two spaces a level.
    QString explainTree(const QString &sql);
    /// Reads the whole result through window() in pages of `page` rows, as the table model does.
    QList<qint64> readByWindows(const Filter &filter, Sort sort, bool descending, qint64 total, int page);
    void checkEveryOrder(const QList<Case> &cases, int page);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestDisbursementRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
}

void TestDisbursementRepository::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

bool TestDisbursementRepository::openSample()
{
    QString error;
    if (BrowseTestData::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error))
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

bool TestDisbursementRepository::openGenerated(qint64 rows)
{
    QString error;
    if (BrowseTestData::openGenerated(*m_db, m_dir->filePath(QStringLiteral("generated.db")), rows, &error))
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

QString TestDisbursementRepository::explain(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    if (!q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return QStringLiteral("(cannot prepare)");
    }
    // Dummy values: without STAT4 the plan does not depend on them.
    for (qsizetype i = 0, n = sql.count(QLatin1Char('?')); i < n; ++i)
        q.addBindValue(i + 1 == n ? QVariant(0) : QVariant(256));
    if (!q.exec())
        return QStringLiteral("(cannot run: %1)").arg(q.lastError().text());
    QStringList lines;
    while (q.next())
        lines.append(q.value(3).toString());
    return lines.join(QLatin1Char('\n'));
}

QString TestDisbursementRepository::explainTree(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    if (!q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
        return QStringLiteral("(cannot prepare)");
    for (qsizetype i = 0, n = sql.count(QLatin1Char('?')); i < n; ++i)
        q.addBindValue(i + 1 == n ? QVariant(0) : QVariant(256));
    if (!q.exec())
        return QStringLiteral("(cannot run: %1)").arg(q.lastError().text());
    QHash<int, int> depthOf;
    QStringList lines;
    while (q.next()) {
        const int depth = q.value(1).toInt() == 0 ? 0 : depthOf.value(q.value(1).toInt()) + 1;
        depthOf.insert(q.value(0).toInt(), depth);
        lines.append(QString(2 * depth, QLatin1Char(' ')) + q.value(3).toString());
    }
    return lines.join(QLatin1Char('\n'));
}

void TestDisbursementRepository::windowPlansNeedNoTemporarySort()
{
    QVERIFY(openGenerated(6000));
    const DisbursementRepository repository(*m_db);
    const qint64 bigFund = scalar(*m_db,
        QStringLiteral("SELECT p.fund_id FROM disbursements d JOIN phases p ON p.id = d.phase_id"
                       " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"));
    const qint64 smallFund = scalar(*m_db,
        QStringLiteral("SELECT p.fund_id FROM disbursements d JOIN phases p ON p.id = d.phase_id"
                       " GROUP BY 1 ORDER BY count(*) LIMIT 1"));
    QList<QPair<QString, Filter>> filters;
    filters.append({ QStringLiteral("no filter"), Filter() });
    Filter dates;
    dates.from = QStringLiteral("2015");
    dates.to = QStringLiteral("2018-06");
    filters.append({ QStringLiteral("dates"), dates });
    Filter fund;
    fund.funds = { bigFund };
    filters.append({ QStringLiteral("biggest fund"), fund });
    fund.funds = { smallFund };
    filters.append({ QStringLiteral("smallest fund"), fund });
    fund.from = dates.from;
    fund.to = dates.to;
    filters.append({ QStringLiteral("fund and dates"), fund });

    QStringList failures;
    for (const auto &[name, filter] : std::as_const(filters)) {
        for (Sort sort : allSorts()) {
            for (bool descending : { false, true }) {
                const QString plan = explainTree(repository.windowSql(filter, sort, descending));
                QVERIFY(!plan.isEmpty());
                // Also "FOR RIGHT PART OF ORDER BY" / "FOR LAST n TERMS OF ORDER BY": an index
                // that yields only the leading terms in order sorts each run of equal ones.
                static const QRegularExpression sorts(QStringLiteral("USE TEMP B-TREE FOR .*ORDER BY"));
                // A window found as bare ids (a sort on a disbursement column) sorts its own
                // rows at the top level, at most a page of them; its ids must not be sorted.
                QString searched = plan;
                if (plan.contains(QRegularExpression(QStringLiteral("^(CO-ROUTINE|MATERIALIZE) w$"),
                        QRegularExpression::MultilineOption)))
                    searched.remove(QRegularExpression(QStringLiteral("^USE TEMP B-TREE FOR ORDER BY$"),
                        QRegularExpression::MultilineOption));
                // A stream (a copy of a million rows) may not sort at all, not even at the end.
                const QString stream = explainTree(repository.streamSql(filter, sort, descending));
                if (stream.contains(sorts) || stream.startsWith(QLatin1Char('('))) {
                    qWarning("stream, %s, by %s:\n%s", qPrintable(name), qPrintable(sortName(sort)),
                        qPrintable(stream));
                    failures.append(QStringLiteral("stream, %1, by %2").arg(name, sortName(sort)));
                }
                if (searched.contains(sorts) || plan.startsWith(QLatin1Char('('))) {
                    const QString what = QStringLiteral("%1, by %2 %3")
                                             .arg(name, sortName(sort),
                                                 descending ? QStringLiteral("desc") : QStringLiteral("asc"));
                    // Every offending plan in full (a failure message would be cut short).
                    qWarning("%s:\n%s", qPrintable(what), qPrintable(plan));
                    failures.append(what);
                }
            }
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
}

void TestDisbursementRepository::deepWindowsReadOnlyTheSortIndex()
{
    // Deep into a sorted result (the scroll bar dragged to the middle), the OFFSET steps past
    // hundreds of thousands of rows: with no filter but the default statuses, every sort must
    // find its ids in indexes without reading a disbursement row (schema steps 3 and 6 put the
    // id and the status in the indexes the sorts walk).
    QVERIFY(openGenerated(3000));
    const DisbursementRepository repository(*m_db);
    const QList<QPair<Sort, QString>> sorts = { { Sort::Date, QStringLiteral("disbursements_by_date") },
        { Sort::Amount, QStringLiteral("disbursements_by_amount") }, { Sort::Type, QStringLiteral("disbursements_by_type") },
        { Sort::Status, QStringLiteral("disbursements_by_status") },
        { Sort::Confidence, QStringLiteral("disbursements_by_confidence") },
        { Sort::Stake, QStringLiteral("disbursements_by_stake") },
        // By a name: the names' order from their own tables, each one's events from these.
        { Sort::Fund, QStringLiteral("disbursements_by_phase") }, { Sort::Phase, QStringLiteral("disbursements_by_phase") },
        { Sort::Investee, QStringLiteral("disbursements_by_investee") },
        { Sort::Sector, QStringLiteral("disbursements_by_investee") },
        { Sort::Region, QStringLiteral("disbursements_by_investee") } };
    for (const auto &[sort, index] : sorts) {
        for (bool descending : { false, true }) {
            const QString plan = explainTree(repository.windowSql(Filter(), sort, descending));
            // SEARCH for the status index: one range per kept status, each in id order.
            const QRegularExpression inner(
                QStringLiteral("\n  (SCAN|SEARCH) d USING COVERING INDEX %1\\b").arg(index));
            QVERIFY2(plan.startsWith(QStringLiteral("CO-ROUTINE w")) && plan.contains(inner),
                qPrintable(QStringLiteral("by %1:\n%2").arg(sortName(sort), plan)));
        }
    }
}

void TestDisbursementRepository::countPlansReadNoTableRows()
{
    // Every filter names the statuses it keeps, and the phase and investee indexes carry the
    // status after (value_date, id): a count narrowed by fund, phase, sector, segment or investee
    // (with or without dates) reads only an index, never a table row per match (one sector of a
    // million events: 2.4 s through the table, 78 ms through the index).
    QVERIFY(openGenerated(3000));
    const DisbursementRepository repository(*m_db);
    QList<QPair<QString, Filter>> filters;
    filters.append({ QStringLiteral("no filter"), Filter() });
    Filter sector;
    sector.sectors = { scalar(*m_db, QStringLiteral("SELECT min(sector_id) FROM investees")) };
    filters.append({ QStringLiteral("one sector"), sector });
    Filter segment;
    segment.segments = { scalar(*m_db, QStringLiteral("SELECT min(segment_id) FROM investees")) };
    filters.append({ QStringLiteral("one segment"), segment });
    Filter fund;
    fund.funds = { scalar(*m_db, QStringLiteral("SELECT min(fund_id) FROM phases")) };
    filters.append({ QStringLiteral("one fund"), fund });
    fund.from = QStringLiteral("2019");
    fund.to = QStringLiteral("2021");
    filters.append({ QStringLiteral("fund and dates"), fund });
    Filter phase;
    phase.phases = { scalar(*m_db, QStringLiteral("SELECT min(phase_id) FROM disbursements")) };
    filters.append({ QStringLiteral("one phase"), phase });
    Filter investee;
    investee.investees = { scalar(*m_db, QStringLiteral("SELECT min(investee_id) FROM disbursements")) };
    investee.statuses = { QStringLiteral("cancelled") };
    filters.append({ QStringLiteral("one investee, cancelled only"), investee });

    for (const auto &[name, filter] : std::as_const(filters)) {
        const QString plan = explain(repository.countSql(filter));
        QVERIFY2(!plan.startsWith(QLatin1Char('(')), qPrintable(name + QStringLiteral(": ") + plan));
        // The line that reads the disbursements: "SEARCH d USING COVERING INDEX ...".
        QStringList reads;
        for (const QString &line : plan.split(QLatin1Char('\n'))) {
            if (line.contains(QLatin1String(" d USING")) || line.contains(QLatin1String("SCAN d")))
                reads.append(line);
        }
        QVERIFY2(reads.size() == 1, qPrintable(name + QStringLiteral(":\n") + plan));
        QVERIFY2(reads.first().contains(QLatin1String("USING COVERING INDEX")),
            qPrintable(name + QStringLiteral(":\n") + plan));
    }
    // Spot checks that the plan is the intended one, not merely covering.
    QVERIFY2(explain(repository.countSql(sector))
                 .contains(QLatin1String("COVERING INDEX disbursements_by_investee")),
        qPrintable(explain(repository.countSql(sector))));
    QVERIFY2(
        explain(repository.countSql(fund)).contains(QLatin1String("COVERING INDEX disbursements_by_phase")),
        qPrintable(explain(repository.countSql(fund))));
    // countSql() is what count() runs: the same number as independent SQL.
    QVariantList binds;
    QSqlQuery q(m_db->connection());
    QVERIFY(q.prepare(repository.countSql(sector, &binds)));
    QVERIFY(!binds.isEmpty());
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toLongLong(), repository.count(sector));
    QCOMPARE(repository.count(sector),
        expectedCount(*m_db,
            QStringLiteral("d.status <> 'cancelled' AND i.sector_id = %1").arg(sector.sectors.first())));
}

QList<qint64> TestDisbursementRepository::readByWindows(
    const Filter &filter, Sort sort, bool descending, qint64 total, int page)
{
    const DisbursementRepository repository(*m_db);
    QList<qint64> ids;
    for (qint64 offset = 0; offset < total; offset += page) {
        QString error;
        const QList<DisbursementRecord> rows
            = repository.window(filter, sort, descending, offset, page, total, &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        for (const DisbursementRecord &r : rows)
            ids.append(r.id);
    }
    return ids;
}

void TestDisbursementRepository::checkEveryOrder(const QList<Case> &cases, int page)
{
    const DisbursementRepository repository(*m_db);
    for (const Case &c : cases) {
        const qint64 total = repository.count(c.filter);
        QCOMPARE(total, expectedCount(*m_db, c.condition));
        QVERIFY2(total > 0, qPrintable(c.name));
        for (Sort sort : allSorts()) {
            for (bool descending : { false, true }) {
                const QString what = QStringLiteral("%1, by %2 %3")
                                         .arg(c.name, sortName(sort),
                                             descending ? QStringLiteral("desc") : QStringLiteral("asc"));
                const QList<qint64> expected = expectedIds(*m_db, c.condition, sort, descending);
                const QList<qint64> actual = readByWindows(c.filter, sort, descending, total, page);
                if (actual != expected) {
                    qsizetype at = 0;
                    while (at < actual.size() && at < expected.size() && actual.at(at) == expected.at(at))
                        ++at;
                    QFAIL(qPrintable(
                        QStringLiteral("%1: %2 rows read, %3 expected; first difference at row %4 (of %5)")
                            .arg(what)
                            .arg(actual.size())
                            .arg(expected.size())
                            .arg(at)
                            .arg(total)));
                }
            }
        }
    }
}

void TestDisbursementRepository::windowsMatchIndependentOrderOnGeneratedData()
{
    QVERIFY(openGenerated(3000));
    // An odd page size makes windows straddle the middle, where reading switches direction.
    checkEveryOrder(cases(*m_db), 173);
}

void TestDisbursementRepository::windowsMatchIndependentOrderOnSample()
{
    QVERIFY(openSample());
    checkEveryOrder(cases(*m_db), 7);
}

void TestDisbursementRepository::windowEdges()
{
    QVERIFY(openGenerated(1500));
    const DisbursementRepository repository(*m_db);
    const Filter all;
    const qint64 total = repository.count(all);
    QVERIFY(total > 1000);
    for (Sort sort : { Sort::Date, Sort::Amount, Sort::Investee }) {
        for (bool descending : { false, true }) {
            const QList<qint64> expected
                = expectedIds(*m_db, QStringLiteral("d.status <> 'cancelled'"), sort, descending);
            auto idsOf = [&](qint64 offset, int limit) {
                QList<qint64> ids;
                for (const DisbursementRecord &r :
                    repository.window(all, sort, descending, offset, limit, total))
                    ids.append(r.id);
                return ids;
            };
            QCOMPARE(idsOf(0, 1), expected.mid(0, 1));
            QCOMPARE(idsOf(total - 1, 1), expected.mid(total - 1, 1));
            QCOMPARE(idsOf(total / 2, 1), expected.mid(total / 2, 1));
            QCOMPARE(idsOf(total / 2 + 1, 1), expected.mid(total / 2 + 1, 1));
            // Straddling the middle, and running past the end: the window stops at the last row.
            QCOMPARE(idsOf(total / 2 - 5, 11), expected.mid(total / 2 - 5, 11));
            QCOMPARE(idsOf(total - 10, 256), expected.mid(total - 10));
            QCOMPARE(idsOf(total - 300, 256), expected.mid(total - 300, 256));
            QVERIFY(idsOf(total, 10).isEmpty());
            QVERIFY(idsOf(0, 0).isEmpty());
            QVERIFY(idsOf(-1, 10).isEmpty());
            // Unknown total (-1): read forwards only, still right.
            QList<qint64> forwards;
            for (const DisbursementRecord &r : repository.window(all, sort, descending, total - 20, 20, -1))
                forwards.append(r.id);
            QCOMPARE(forwards, expected.mid(total - 20, 20));
        }
    }
}

void TestDisbursementRepository::idsMatchIndependentOrder()
{
    QVERIFY(openGenerated(2000));
    const DisbursementRepository repository(*m_db);
    for (const Case &c : cases(*m_db)) {
        for (Sort sort : allSorts()) {
            for (bool descending : { false, true }) {
                QString error;
                const QList<qint64> ids = repository.ids(c.filter, sort, descending, &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QVERIFY2(ids == expectedIds(*m_db, c.condition, sort, descending),
                    qPrintable(QStringLiteral("%1 by %2").arg(c.name, sortName(sort))));
            }
        }
    }
}

void TestDisbursementRepository::streamReadsRangesAndStops()
{
    QVERIFY(openGenerated(2000));
    const DisbursementRepository repository(*m_db);
    for (const Case &c : cases(*m_db).mid(0, 5)) {
        for (Sort sort : { Sort::Id, Sort::Date, Sort::Fund, Sort::Amount, Sort::Region }) {
            for (bool descending : { false, true }) {
                const QList<qint64> expected = expectedIds(*m_db, c.condition, sort, descending);
                auto streamed = [&](qint64 offset, qint64 limit) {
                    QList<qint64> ids;
                    QString error;
                    const bool ok = repository.stream(
                        c.filter, sort, descending, offset, limit,
                        [&](const DisbursementRecord &r) {
                            ids.append(r.id);
                            return true;
                        },
                        &error);
                    if (!ok)
                        qWarning("%s", qPrintable(error));
                    return ids;
                };
                QCOMPARE(streamed(0, -1), expected);
                QCOMPARE(streamed(1, 3), expected.mid(1, 3));
                QCOMPARE(streamed(expected.size() / 2, -1), expected.mid(expected.size() / 2));
                QCOMPARE(streamed(expected.size() - 1, 100), expected.mid(expected.size() - 1));
            }
        }
    }
    // `visit` returning false stops the stream.
    int visited = 0;
    QVERIFY(repository.stream(
        Filter(), Sort::Date, false, 0, -1, [&](const DisbursementRecord &) { return ++visited < 5; }));
    QCOMPARE(visited, 5);
    // A failing query reports through the bool and the message.
    Filter bad;
    bad.text = QStringLiteral("x");
    m_db->close();
    QString error;
    QVERIFY(!repository.stream(
        bad, Sort::Date, false, 0, -1, [](const DisbursementRecord &) { return true; }, &error));
    QVERIFY(!error.isEmpty());
}

void TestDisbursementRepository::recordsCarryNamesNotIds()
{
    QVERIFY(openGenerated(1200));
    const DisbursementRepository repository(*m_db);
    Filter everything;
    everything.statuses = { QStringLiteral("announced"), QStringLiteral("committed"),
        QStringLiteral("completed"), QStringLiteral("cancelled") };
    const qint64 total = repository.count(everything);
    QCOMPARE(total, scalar(*m_db, QStringLiteral("SELECT count(*) FROM disbursements")));

    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    QVERIFY(q.exec(QStringLiteral(
        "SELECT d.id, f.id, f.name, ifnull(f.name_zh, ''), p.id, p.label, i.id, i.name, ifnull(i.name_zh, "
        "''), i.kind,"
        " ifnull((SELECT name FROM sectors WHERE id = i.sector_id), ''),"
        " ifnull((SELECT name FROM segments WHERE id = i.segment_id), ''),"
        " ifnull((SELECT name FROM regions WHERE id = i.province_id), ifnull((SELECT name FROM regions WHERE "
        "id = i.country_id), '')),"
        " ifnull(d.value_date, ''), d.type, d.amount_minor, ifnull(d.currency, ''),"
        " (SELECT minor_digits FROM currencies WHERE code = d.currency), d.stake_pct, d.status, d.confidence,"
        " ifnull(d.source_url, ''), ifnull(d.notes, '')"
        " FROM disbursements d, phases p, funds f, investees i"
        " WHERE p.id = d.phase_id AND f.id = p.fund_id AND i.id = d.investee_id ORDER BY d.id")));
    QList<DisbursementRecord> rows;
    for (qint64 offset = 0; offset < total; offset += 256)
        rows += repository.window(everything, Sort::Id, false, offset, 256, total);
    QCOMPARE(rows.size(), total);
    int undisclosed = 0;
    int withStake = 0;
    for (const DisbursementRecord &r : std::as_const(rows)) {
        QVERIFY(q.next());
        QCOMPARE(r.id, q.value(0).toLongLong());
        QCOMPARE(r.fundId, q.value(1).toLongLong());
        QCOMPARE(r.fundName, q.value(2).toString());
        QCOMPARE(r.fundNameZh, q.value(3).toString());
        QCOMPARE(r.phaseId, q.value(4).toLongLong());
        QCOMPARE(r.phaseLabel, q.value(5).toString());
        QCOMPARE(r.investeeId, q.value(6).toLongLong());
        QCOMPARE(r.investeeName, q.value(7).toString());
        QCOMPARE(r.investeeNameZh, q.value(8).toString());
        QCOMPARE(r.investeeKind, q.value(9).toString());
        QCOMPARE(r.sector, q.value(10).toString());
        QCOMPARE(r.segment, q.value(11).toString());
        QCOMPARE(r.region, q.value(12).toString());
        QCOMPARE(r.valueDate, q.value(13).toString());
        QCOMPARE(r.type, q.value(14).toString());
        QCOMPARE(r.amountMinor.has_value(), !q.value(15).isNull());
        if (r.amountMinor) {
            QCOMPARE(*r.amountMinor, q.value(15).toLongLong());
            QCOMPARE(r.minorDigits, q.value(17).toInt());
        } else {
            ++undisclosed;
            QVERIFY(r.currency.isEmpty());
        }
        QCOMPARE(r.currency, q.value(16).toString());
        QCOMPARE(r.stakePct.has_value(), !q.value(18).isNull());
        if (r.stakePct) {
            ++withStake;
            QCOMPARE(*r.stakePct, q.value(18).toDouble());
        }
        QCOMPARE(r.status, q.value(19).toString());
        QCOMPARE(r.confidence, q.value(20).toString());
        QCOMPARE(r.sourceUrl, q.value(21).toString());
        QCOMPARE(r.notes, q.value(22).toString());
    }
    QVERIFY(!q.next());
    QVERIFY(undisclosed > 0);
    QVERIFY(withStake > 0);
}

void TestDisbursementRepository::byIdFindsOneRowOrNothing()
{
    QVERIFY(openSample());
    const DisbursementRepository repository(*m_db);
    const qint64 id = scalar(*m_db, QStringLiteral("SELECT max(id) FROM disbursements"));
    const auto record = repository.byId(id);
    QVERIFY(record.has_value());
    QCOMPARE(record->id, id);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.prepare(QStringLiteral("SELECT i.name, d.status FROM disbursements d, investees i"
                                     " WHERE i.id = d.investee_id AND d.id = ?")));
    q.addBindValue(id);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(record->investeeName, q.value(0).toString());
    QCOMPARE(record->status, q.value(1).toString());
    QVERIFY(!repository.byId(id + 1000).has_value());
    QVERIFY(!repository.byId(-1).has_value());
}

void TestDisbursementRepository::countsMatchIndependentSql()
{
    QVERIFY(openGenerated(2500));
    const DisbursementRepository repository(*m_db);
    for (const Case &c : cases(*m_db)) {
        QString error;
        QCOMPARE(repository.count(c.filter, &error), expectedCount(*m_db, c.condition));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    // A failure is -1 with a message, never a count.
    m_db->close();
    QString error;
    QCOMPARE(repository.count(Filter(), &error), qint64(-1));
    QVERIFY(!error.isEmpty());
}

void TestDisbursementRepository::investeeFilterCountsOnlyItsEvents()
{
    // tst_filtersql covers every other field; Filter::investees (the detail pane's drill-down) is
    // checked here, alone and with other fields.
    QVERIFY(openSample());
    const DisbursementRepository repository(*m_db);
    const qint64 smic = scalar(*m_db,
        QStringLiteral("SELECT id FROM investees WHERE name = 'Semiconductor Manufacturing International "
                       "Corp. (SMIC)'"));
    const qint64 cxmt = scalar(
        *m_db, QStringLiteral("SELECT id FROM investees WHERE name LIKE 'ChangXin Memory Technologies%'"));
    QVERIFY(smic > 0 && cxmt > 0);
    Filter f;
    f.investees = { smic };
    QCOMPARE(repository.count(f),
        scalar(*m_db,
            QStringLiteral(
                "SELECT count(*) FROM disbursements WHERE investee_id = ? AND status <> 'cancelled'"),
            { smic }));
    QVERIFY(repository.count(f) >= 2);
    f.investees = { smic, cxmt };
    QCOMPARE(repository.count(f),
        scalar(*m_db,
            QStringLiteral("SELECT count(*) FROM disbursements WHERE investee_id IN (?, ?)"
                           " AND status <> 'cancelled'"),
            { smic, cxmt }));
    f.types = { QStringLiteral("equity sale") };
    QCOMPARE(repository.count(f),
        scalar(*m_db,
            QStringLiteral("SELECT count(*) FROM disbursements WHERE investee_id IN (?, ?)"
                           " AND type = 'equity sale' AND status <> 'cancelled'"),
            { smic, cxmt }));
    f = Filter();
    f.investees = { scalar(*m_db, QStringLiteral("SELECT max(id) FROM investees")) + 1 };
    QCOMPARE(repository.count(f), qint64(0));
}

QTEST_GUILESS_MAIN(TestDisbursementRepository)
#include "tst_disbursementrepository.moc"
