#include "DisbursementRepository.h"

#include "ConversionSql.h"
#include "Database.h"
#include "DeferredIndexes.h"
#include "FilterSql.h"
#include "SqlDialect.h"
#include "RecordStore.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {

// A row's columns, its converted amount among them (ConversionSql::value(): two binds of the
// base currency), read from the tables `lookups` joins.
QString selectColumns()
{
    return QStringLiteral("d.id, f.id, f.name, f.name_zh, p.id, p.label, i.id, i.name, i.name_zh, i.kind, s.name,"
                          " g.name, coalesce(pr.name, co.name), coalesce(pr.name_zh, co.name_zh), d.value_date,"
                          " d.type, d.amount_minor, d.currency, coalesce(c.minor_digits, 2), d.stake_pct, d.status,"
                          " d.confidence, d.source_url, d.notes, ")
            + ConversionSql::value() + QStringLiteral(", r.cny_per_unit, b.cny_per_unit");
}

// The names' tables and the conversion's (ConversionSql::joins(): one bind of the base currency).
// A window joins only its own rows to them (see rangeQuery()); the rates are two primary-key
// steps per row.
QString lookups()
{
    return QStringLiteral(" LEFT JOIN sectors s ON s.id = i.sector_id"
                          " LEFT JOIN segments g ON g.id = i.segment_id"
                          " LEFT JOIN regions pr ON pr.id = i.province_id"
                          " LEFT JOIN regions co ON co.id = i.country_id")
            + ConversionSql::joins();
}

// The index a sort on a disbursement column walks; empty for none (Sort::Id walks the table).
QString sortIndexName(DisbursementRepository::Sort sort)
{
    using Sort = DisbursementRepository::Sort;
    switch (sort) {
    case Sort::Date: return QStringLiteral("disbursements_by_date");
    case Sort::Type: return QStringLiteral("disbursements_by_type");
    case Sort::Amount: return QStringLiteral("disbursements_by_amount");
    case Sort::Stake: return QStringLiteral("disbursements_by_stake");
    case Sort::Status: return QStringLiteral("disbursements_by_status");
    case Sort::Confidence: return QStringLiteral("disbursements_by_confidence");
    default: return QString();
    }
}

// The hint for the sort's walk (" NOT INDEXED": the table, in id order). Not `ready`: a big
// import's second stage has not built the index yet (DeferredIndexes), so none is named and
// SQLite sorts instead.
QString sortIndex(DisbursementRepository::Sort sort, const SqlDialect &sql, bool ready)
{
    if (sort == DisbursementRepository::Sort::Id)
        return sql.noIndex();
    const QString name = sortIndexName(sort);
    return name.isEmpty() || !ready ? QString() : sql.indexHint(name);
}

// What a window's bare ids are found in: with `walk`, the sort's order read from indexes, joined
// only to the tables the order needs (a walk by name reads no disbursement row: each name's
// events come from disbursements_by_phase or _by_investee, which end in (id, status)).
QString idsSource(DisbursementRepository::Sort sort, bool walk, const SqlDialect &sql, bool ready)
{
    using Sort = DisbursementRepository::Sort;
    if (!walk)
        return QStringLiteral("disbursements d");
    switch (sort) {
    case Sort::Fund:
    case Sort::Phase:
        return QStringLiteral("funds f %1 phases p ON p.fund_id = f.id %1 disbursements d ON d.phase_id = p.id")
            .arg(sql.orderedJoin());
    case Sort::Investee:
    case Sort::Sector:
    case Sort::Region:
        return QStringLiteral("investees i %1 disbursements d ON d.investee_id = i.id").arg(sql.orderedJoin());
    default:
        return QStringLiteral("disbursements d") + sortIndex(sort, sql, ready);
    }
}

// An ordered join (SQLite's CROSS JOIN) fixes the join order, so the outer table is walked through the index that
// already yields the requested order and no temporary sort of the whole result is needed.
//
// Sorts that start from disbursements need more than the join order: a filter on an indexed
// column (a fund's phases, a date range) tempts SQLite to start from that index and sort every
// match, which at a million rows and a broad filter costs seconds per window. So the sort
// column's index is named (INDEXED BY; NOT INDEXED for the rowid): it is read in order and the
// filter is checked row by row.
//
// That walk passes every row of the table to find the few of a narrow result (one small fund
// sorted by investee walks all investees' events), so without `walk` the joins are left to
// SQLite, which starts from the filter's own index and sorts the few matches (see walkIndex()).
QString fromClause(DisbursementRepository::Sort sort, bool walk, const SqlDialect &sql, bool ready = true)
{
    using Sort = DisbursementRepository::Sort;
    if (!walk)
        return QStringLiteral("disbursements d JOIN phases p ON p.id = d.phase_id"
                              " JOIN funds f ON f.id = p.fund_id"
                              " JOIN investees i ON i.id = d.investee_id");
    switch (sort) {
    case Sort::Fund:
    case Sort::Phase:
        return QStringLiteral("funds f %1 phases p ON p.fund_id = f.id %1 disbursements d ON d.phase_id = p.id"
                              " %1 investees i ON i.id = d.investee_id")
            .arg(sql.orderedJoin());
    case Sort::Investee:
    case Sort::Sector:
    case Sort::Region:
        return QStringLiteral("investees i %1 disbursements d ON d.investee_id = i.id %1 phases p ON p.id = d.phase_id"
                              " %1 funds f ON f.id = p.fund_id")
            .arg(sql.orderedJoin());
    default:
        break;
    }
    return QStringLiteral("disbursements d") + sortIndex(sort, sql, ready)
            + QStringLiteral(" %1 phases p ON p.id = d.phase_id %1 funds f ON f.id = p.fund_id"
                             " %1 investees i ON i.id = d.investee_id")
                  .arg(sql.orderedJoin());
}

// Sorts whose order terms are all disbursement columns: without the walk, a window of their
// matches is sorted as bare ids and only its own rows are joined to their names.
bool sortsOnDisbursements(DisbursementRepository::Sort sort)
{
    using Sort = DisbursementRepository::Sort;
    switch (sort) {
    case Sort::Fund:
    case Sort::Phase:
    case Sort::Investee:
    case Sort::Sector:
    case Sort::Region:
        return false;
    default:
        return true;
    }
}

// Whether reading the first `rows` rows of a `total`-row result should walk the sort's index
// rather than let SQLite sort the matches. Matches lie spread through the index, so the walk
// visits about rows * tableRows / total entries, each a table read; sorting handles all
// `total` matches. Measured at a million rows: a match sorted as a bare id (`idsFirst`, a
// window) costs about 0.4 of a visited entry (18,045 text matches: walk 75 ms, sort 40 ms); one
// joined to its names before the sort about four. So a broad result walks and a narrow one
// (one small fund, one investee, a rare name) sorts.
bool walkIndex(qint64 rows, qint64 total, qint64 tableRows, bool idsFirst)
{
    if (total <= 0 || tableRows <= total)
        return true;
    const double sortCost = idsFirst ? 0.4 : 4.0;
    return double(rows) * double(tableRows) <= sortCost * double(total) * double(total);
}

QStringList orderTerms(DisbursementRepository::Sort sort)
{
    using Sort = DisbursementRepository::Sort;
    switch (sort) {
    case Sort::Id:
        return { QStringLiteral("d.id") };
    case Sort::Date:
        return { QStringLiteral("d.value_date"), QStringLiteral("d.id") };
    case Sort::Fund:
    case Sort::Phase:
        return { QStringLiteral("f.name"), QStringLiteral("p.label"), QStringLiteral("d.value_date"),
                 QStringLiteral("d.id") };
    case Sort::Investee:
        return { QStringLiteral("i.name"), QStringLiteral("d.value_date"), QStringLiteral("d.id") };
    case Sort::Sector:
        return { QStringLiteral("i.sector_id"), QStringLiteral("i.segment_id"), QStringLiteral("i.id"),
                 QStringLiteral("d.value_date"), QStringLiteral("d.id") };
    case Sort::Region:
        return { QStringLiteral("i.province_id"), QStringLiteral("i.city_id"), QStringLiteral("i.id"),
                 QStringLiteral("d.value_date"), QStringLiteral("d.id") };
    case Sort::Type:
        return { QStringLiteral("d.type"), QStringLiteral("d.id") };
    case Sort::Amount:
        return { QStringLiteral("d.amount_minor"), QStringLiteral("d.id") };
    case Sort::Stake:
        return { QStringLiteral("d.stake_pct"), QStringLiteral("d.id") };
    case Sort::Status:
        return { QStringLiteral("d.status"), QStringLiteral("d.id") };
    case Sort::Confidence:
        return { QStringLiteral("d.confidence"), QStringLiteral("d.id") };
    }
    return { QStringLiteral("d.id") };
}

QString orderBy(DisbursementRepository::Sort sort, bool descending)
{
    QStringList terms = orderTerms(sort);
    if (descending) {
        for (QString &t : terms)
            t += QStringLiteral(" DESC");
    }
    return terms.join(QStringLiteral(", "));
}

DisbursementRecord readRecord(const QSqlQuery &q, const QString &base)
{
    DisbursementRecord r;
    r.id = q.value(0).toLongLong();
    r.fundId = q.value(1).toLongLong();
    r.fundName = q.value(2).toString();
    r.fundNameZh = q.value(3).toString();
    r.phaseId = q.value(4).toLongLong();
    r.phaseLabel = q.value(5).toString();
    r.investeeId = q.value(6).toLongLong();
    r.investeeName = q.value(7).toString();
    r.investeeNameZh = q.value(8).toString();
    r.investeeKind = q.value(9).toString();
    r.sector = q.value(10).toString();
    r.segment = q.value(11).toString();
    r.region = q.value(12).toString();
    r.regionZh = q.value(13).toString();
    r.valueDate = q.value(14).toString();
    r.type = q.value(15).toString();
    if (!q.value(16).isNull())
        r.amountMinor = q.value(16).toLongLong();
    r.currency = q.value(17).toString();
    r.minorDigits = q.value(18).toInt();
    if (!q.value(19).isNull())
        r.stakePct = q.value(19).toDouble();
    r.status = q.value(20).toString();
    r.confidence = q.value(21).toString();
    r.sourceUrl = q.value(22).toString();
    r.notes = q.value(23).toString();
    r.baseCurrency = base;
    if (!q.value(24).isNull())
        r.converted = q.value(24).toDouble();
    if (!q.value(25).isNull())
        r.rate = q.value(25).toDouble();
    if (!q.value(26).isNull())
        r.baseRate = q.value(26).toDouble();
    return r;
}

// True when the filter resolved; otherwise false with *error set.
bool resolved(const FilterSql &where, QString *error)
{
    if (!where.ok && error)
        *error = where.error;
    return where.ok;
}

bool execBound(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

qint64 DisbursementRepository::count(const Filter &filter, QString *error) const
{
    QVariantList binds;
    // With nothing but the default "cancelled left out": the whole table's count(*) is SQLite's
    // page-count shortcut (6 ms at a million rows, where stepping through the status index for
    // three statuses takes 40), less the few cancelled ones.
    const QString sql = filter.isEmpty()
            ? QStringLiteral("SELECT (SELECT count(*) FROM disbursements)"
                             " - (SELECT count(*) FROM disbursements WHERE status = 'cancelled')")
            : countSql(filter, &binds);
    QSqlQuery q(m_db.connection());
    if (!execBound(q, sql, binds, error) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QString DisbursementRepository::countSql(const Filter &filter, QVariantList *binds) const
{
    FilterSql where = FilterSql::build(m_db, filter);
    if (binds)
        *binds = std::move(where.binds);
    return QStringLiteral("SELECT count(*) FROM disbursements d WHERE ") + where.where;
}

namespace {

struct RangeQuery
{
    QString sql;
    QVariantList binds;
};

// `window`: the range is a window of a page or two (DisbursementRepository::window()), not a
// stream of any length, whose rows must come straight off the walk with no sort at the end.
// The binds follow the text: the base currency where the conversion reads it, the filter's
// values, then `limit` and `offset`.
RangeQuery rangeQuery(const SqlDialect &sql, const FilterSql &where, const QString &base,
                      DisbursementRepository::Sort sort, bool descending, bool walk, qint64 limit, qint64 offset,
                      bool window, bool ready)
{
    RangeQuery out;
    if (window && (walk || sortsOnDisbursements(sort))) {
        // Find the window's ids alone, then join only its rows to their names. Sorting: joining
        // every match before the sort cost five times as much (18,045 matches: 200 ms, 40 ms).
        // Walking: the sort's index holds the id and the status (schema steps 3 and 6), so the
        // rows the OFFSET passes are never read (the middle of a million rows by date: 3.4 s,
        // 0.1 s; by investee: 5.5 s, 0.2 s).
        out.sql = QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM (SELECT d.id AS wid FROM ")
                + idsSource(sort, walk, sql, ready)
                + QStringLiteral(" WHERE ")
                + where.where + QStringLiteral(" ORDER BY ") + orderBy(sort, descending)
                + QStringLiteral(" LIMIT ? OFFSET ?) w ") + sql.orderedJoin() + QStringLiteral(" disbursements d ON d.id = w.wid"
                                 " JOIN phases p ON p.id = d.phase_id JOIN funds f ON f.id = p.fund_id"
                                 " JOIN investees i ON i.id = d.investee_id")
                + lookups() + QStringLiteral(" ORDER BY ") + orderBy(sort, descending);
        out.binds << base << base;
        out.binds.append(where.binds);
        out.binds << limit << offset << base;
        return out;
    }
    out.sql = QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM ") + fromClause(sort, walk, sql, ready)
            + lookups() + QStringLiteral(" WHERE ") + where.where + QStringLiteral(" ORDER BY ")
            + orderBy(sort, descending) + QStringLiteral(" LIMIT ? OFFSET ?");
    out.binds << base << base << base;
    out.binds.append(where.binds);
    out.binds << limit << offset;
    return out;
}

} // namespace

bool DisbursementRepository::sortIndexReady(Sort sort) const
{
    const QString name = sortIndexName(sort);
    return name.isEmpty() || !DeferredIndexes::isPending(m_db, name);
}

qint64 DisbursementRepository::tableRows() const
{
    // max(id) is one step down the table's b-tree; an estimate that only errs high (after
    // deletions), which errs towards sorting.
    QSqlQuery q(m_db.connection());
    if (!execBound(q, QStringLiteral("SELECT max(id) FROM disbursements"), {}, nullptr) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QString DisbursementRepository::windowSql(const Filter &filter, Sort sort, bool descending) const
{
    return rangeQuery(m_db.dialect(), FilterSql::build(m_db, filter), filter.currency, sort, descending, true, 0, 0,
                      true, sortIndexReady(sort))
        .sql;
}

QString DisbursementRepository::streamSql(const Filter &filter, Sort sort, bool descending) const
{
    return rangeQuery(m_db.dialect(), FilterSql::build(m_db, filter), filter.currency, sort, descending, true, 0, 0,
                      false, sortIndexReady(sort))
        .sql;
}

QList<DisbursementRecord> DisbursementRepository::window(const Filter &filter, Sort sort, bool descending,
                                                         qint64 offset, int limit, qint64 total,
                                                         QString *error) const
{
    QList<DisbursementRecord> rows;
    if (limit <= 0 || offset < 0 || (total >= 0 && offset >= total))
        return rows;
    // Reading from the far end keeps OFFSET (which SQLite steps through) below half the result.
    const bool fromEnd = total > 0 && offset > total / 2;
    qint64 sqlOffset = offset;
    qint64 sqlLimit = limit;
    if (fromEnd) {
        sqlLimit = std::min<qint64>(limit, total - offset);
        sqlOffset = total - offset - sqlLimit;
    }
    const FilterSql where = FilterSql::build(m_db, filter);
    if (!resolved(where, error))
        return rows;
    const bool idsFirst = sortsOnDisbursements(sort);
    const bool walk = total < 0 || walkIndex(sqlOffset + sqlLimit, total, tableRows(), idsFirst);
    const RangeQuery range
            = rangeQuery(m_db.dialect(), where, filter.currency, sort, descending != fromEnd, walk, sqlLimit, sqlOffset,
                         true, sortIndexReady(sort));
    QSqlQuery q(m_db.connection());
    if (!execBound(q, range.sql, range.binds, error))
        return rows;
    rows.reserve(int(sqlLimit));
    while (q.next())
        rows.append(readRecord(q, filter.currency));
    if (fromEnd)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

QList<qint64> DisbursementRepository::ids(const Filter &filter, Sort sort, bool descending, QString *error) const
{
    QList<qint64> result;
    const qint64 total = count(filter, error);
    if (total < 0)
        return result;
    const FilterSql where = FilterSql::build(m_db, filter);
    if (!resolved(where, error))
        return result;
    QSqlQuery q(m_db.connection());
    const QString sql = QStringLiteral("SELECT d.id FROM ") + fromClause(sort, walkIndex(total, total, tableRows(), false), m_db.dialect(), sortIndexReady(sort))
            + QStringLiteral(" WHERE ") + where.where + QStringLiteral(" ORDER BY ") + orderBy(sort, descending);
    if (!execBound(q, sql, where.binds, error))
        return result;
    while (q.next())
        result.append(q.value(0).toLongLong());
    return result;
}

bool DisbursementRepository::stream(const Filter &filter, Sort sort, bool descending, qint64 offset, qint64 limit,
                                    const std::function<bool(const DisbursementRecord &)> &visit,
                                    QString *error) const
{
    const qint64 total = count(filter, error);
    if (total < 0)
        return false;
    const qint64 end = limit < 0 ? total : std::min(total, offset + limit);
    const FilterSql where = FilterSql::build(m_db, filter);
    if (!resolved(where, error))
        return false;
    const RangeQuery range = rangeQuery(m_db.dialect(), where, filter.currency, sort, descending,
                                        walkIndex(end, total, tableRows(), false), limit, offset, false,
                                        sortIndexReady(sort));
    QSqlQuery q(m_db.connection());
    if (!execBound(q, range.sql, range.binds, error))
        return false;
    while (q.next()) {
        if (!visit(readRecord(q, filter.currency)))
            break;
    }
    return true;
}

std::optional<DisbursementRecord> DisbursementRepository::byId(qint64 id, const QString &base) const
{
    QSqlQuery q(m_db.connection());
    const QString sql = QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM ")
            + fromClause(Sort::Id, false, m_db.dialect()) + lookups() + QStringLiteral(" WHERE d.id = ?");
    if (!execBound(q, sql, { base, base, base, id }, nullptr) || !q.next())
        return std::nullopt;
    return readRecord(q, base);
}

std::optional<RowValues> DisbursementRepository::values(qint64 id) const
{
    return RecordStore(m_db).read(RecordKind::Disbursement, id);
}

bool DisbursementRepository::insert(RowValues &disbursement, QString *error)
{
    disbursement.kind = RecordKind::Disbursement;
    return RecordStore(m_db).insert(disbursement, error);
}

bool DisbursementRepository::update(qint64 id, const QVariantMap &changes, QString *error)
{
    return RecordStore(m_db).update(RecordKind::Disbursement, id, changes, error);
}

bool DisbursementRepository::remove(const QList<qint64> &ids, Removal *removed, QString *error)
{
    return RecordStore(m_db).remove(RecordKind::Disbursement, ids, false, removed, error);
}

bool DisbursementRepository::restore(const Removal &removed, QString *error)
{
    return RecordStore(m_db).restore(removed, error);
}
