#include "AggregationEngine.h"

#include "AggregationCache.h"
#include "Database.h"
#include "ExactSum.h"
#include "FilterSql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <numeric>

namespace {

struct DimensionSql
{
    QString key; ///< expression for the group's id over d, i and `joins`
    QString parent; ///< expression for the id one level up
    QString joins; ///< what key and parent need beyond d and i
    QString names; ///< joins after grouping, over g.key_id and g.parent_id
    QString columns; ///< name, name_zh, label, label_zh, extra (NULL where unused)
};

DimensionSql dimensionSql(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Sector:
        return { QStringLiteral("i.sector_id"), QStringLiteral("NULL"), QString(),
            QStringLiteral("LEFT JOIN sectors k ON k.id = g.key_id"),
            QStringLiteral("k.name, k.name_zh, NULL, NULL, NULL") };
    case Dimension::Segment:
        return { QStringLiteral("i.segment_id"), QStringLiteral("i.sector_id"), QString(),
            QStringLiteral(
                "LEFT JOIN segments k ON k.id = g.key_id LEFT JOIN sectors s ON s.id = g.parent_id"),
            QStringLiteral("k.name, k.name_zh, s.name, s.name_zh, NULL") };
    case Dimension::Region:
        // A province when known (directly or through the city's parent), else the country; a
        // city filed directly under a country (outside China) lands on that country.
        return { QStringLiteral("coalesce(i.province_id, cr.parent_id, i.country_id)"),
            QStringLiteral("NULL"), QStringLiteral(" LEFT JOIN regions cr ON cr.id = i.city_id"),
            QStringLiteral("LEFT JOIN regions k ON k.id = g.key_id"),
            QStringLiteral("k.name, k.name_zh, k.parent_id, NULL, "
                           "k.kind = 'country' AND EXISTS (SELECT 1 FROM regions sub"
                           " WHERE sub.parent_id = k.id AND sub.kind = 'province')") };
    case Dimension::Phase:
        return { QStringLiteral("d.phase_id"), QStringLiteral("p.fund_id"),
            QStringLiteral(" JOIN phases p ON p.id = d.phase_id"),
            QStringLiteral("LEFT JOIN phases k ON k.id = g.key_id LEFT JOIN funds f ON f.id = g.parent_id"),
            QStringLiteral("f.name, f.name_zh, k.label, NULL, NULL") };
    case Dimension::Fund:
        return { QStringLiteral("p.fund_id"), QStringLiteral("NULL"),
            QStringLiteral(" JOIN phases p ON p.id = d.phase_id"),
            QStringLiteral("LEFT JOIN funds k ON k.id = g.key_id"),
            QStringLiteral("k.name, k.name_zh, NULL, NULL, NULL") };
    case Dimension::Year:
        return { QStringLiteral("d.year"), QStringLiteral("NULL"), QString(), QString(),
            QStringLiteral("NULL, NULL, NULL, NULL, NULL") };
    case Dimension::City:
        return { QStringLiteral("i.city_id"), QStringLiteral("NULL"), QString(),
                 QStringLiteral("LEFT JOIN regions k ON k.id = g.key_id"),
                 QStringLiteral("k.name, k.name_zh, k.parent_id, NULL, NULL") };
    case Dimension::Investee:
        return { QStringLiteral("d.investee_id"), QStringLiteral("NULL"), QString(),
            QStringLiteral("LEFT JOIN investees k ON k.id = g.key_id"),
            QStringLiteral("k.name, k.name_zh, NULL, NULL, NULL") };
    }
    return {};
}

QString orEnglish(const QVariant &zh, const QString &english)
{
    const QString text = zh.toString();
    return text.isEmpty() ? english : text;
}

/// Names a group from the columns of dimensionSql().columns (starting at `at`).
void nameRow(Dimension dimension, const QSqlQuery &q, int at, AggregateRow &row)
{
    const bool known = row.keyId != -1;
    const QString name = q.value(at).toString();
    const QVariant nameZh = q.value(at + 1);
    switch (dimension) {
    case Dimension::Sector:
    case Dimension::Fund:
    case Dimension::Investee:
        if (known) {
            row.key = name;
            row.keyZh = orEnglish(nameZh, name);
        } else {
            row.key = dimension == Dimension::Sector ? QStringLiteral("(sector unknown)")
                                                     : QStringLiteral("(unknown)");
            row.keyZh = dimension == Dimension::Sector ? QStringLiteral("（行业不详）")
                                                       : QStringLiteral("（不详）");
        }
        return;
    case Dimension::Segment: {
        if (row.parentId == -1) {
            row.key = QStringLiteral("(sector unknown)");
            row.keyZh = QStringLiteral("（行业不详）");
            return;
        }
        const QString sector = q.value(at + 2).toString();
        const QString sectorZh = orEnglish(q.value(at + 3), sector);
        // Segment names repeat across sectors ("equipment", "AI chips"), so the sector leads.
        if (known) {
            row.key = sector + QStringLiteral(" / ") + name;
            row.keyZh = sectorZh + QStringLiteral(" / ") + orEnglish(nameZh, name);
        } else {
            row.key = sector + QStringLiteral(" / (segment unknown)");
            row.keyZh = sectorZh + QStringLiteral(" / （细分不详）");
        }
        return;
    }
    case Dimension::City:
        if (!known) {
            row.key = QStringLiteral("(city unknown)");
            row.keyZh = QStringLiteral("（城市不详）");
            return;
        }
        row.parentId = q.value(at + 2).isNull() ? -1 : q.value(at + 2).toLongLong();
        row.key = name;
        row.keyZh = orEnglish(nameZh, name);
        return;
    case Dimension::Region:
        if (!known) {
            row.key = QStringLiteral("(region unknown)");
            row.keyZh = QStringLiteral("（地区不详）");
            return;
        }
        row.parentId = q.value(at + 2).isNull() ? -1 : q.value(at + 2).toLongLong();
        row.key = name;
        row.keyZh = orEnglish(nameZh, name);
        if (q.value(at + 4).toInt() != 0) {
            // A country whose provinces are listed (China): the group holds its investees
            // without a province.
            row.key += QStringLiteral(" (province unknown)");
            row.keyZh += QStringLiteral("（省份不详）");
        }
        return;
    case Dimension::Phase: {
        const QString label = q.value(at + 2).toString();
        row.key = name + QStringLiteral(" / ") + label;
        row.keyZh = orEnglish(nameZh, name) + QStringLiteral(" / ") + label;
        return;
    }
    case Dimension::Year:
        if (known) {
            row.key = QString::number(row.keyId);
            row.keyZh = row.key;
        } else {
            row.key = QStringLiteral("unknown");
            row.keyZh = QStringLiteral("日期不详");
        }
        return;
    }
}

// fundscope_sum(x): the sum of the non-NULL x as an ExactSum, returned as a 16-byte blob (hi,
// lo), so that SQL sums the amounts as the in-memory cache does and both round alike.
void exactSumStep(sqlite3_context *context, int, sqlite3_value **values)
{
    if (sqlite3_value_type(values[0]) == SQLITE_NULL)
        return;
    auto *sum = static_cast<ExactSum *>(sqlite3_aggregate_context(context, int(sizeof(ExactSum))));
    if (!sum) {
        sqlite3_result_error_nomem(context);
        return;
    }
    sum->add(sqlite3_value_double(values[0])); // the zeroed context is an empty sum
}

void exactSumFinal(sqlite3_context *context)
{
    const auto *sum = static_cast<const ExactSum *>(sqlite3_aggregate_context(context, 0));
    const double parts[2] = { sum ? sum->value() : 0.0, sum ? sum->tail() : 0.0 };
    sqlite3_result_blob(context, parts, int(sizeof(parts)), SQLITE_TRANSIENT);
}

// Defines fundscope_sum on the connection unless it is there already: SQLite refuses to redefine
// a function while any statement of the connection runs (the window keeps queries open), while
// adding a new one is always allowed. Preparing a use of it tells whether it exists.
bool registerExactSum(Database &db)
{
    sqlite3 *handle = db.handle();
    if (!handle)
        return false;
    sqlite3_stmt *probe = nullptr;
    const bool defined
        = sqlite3_prepare_v2(handle, "SELECT fundscope_sum(1)", -1, &probe, nullptr) == SQLITE_OK;
    sqlite3_finalize(probe);
    return defined
        || sqlite3_create_function_v2(handle, "fundscope_sum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
               nullptr, exactSumStep, exactSumFinal, nullptr)
        == SQLITE_OK;
}

ExactSum exactSumOf(const QVariant &blob)
{
    const QByteArray bytes = blob.toByteArray();
    double parts[2] = { 0, 0 };
    if (bytes.size() == int(sizeof(parts)))
        std::memcpy(parts, bytes.constData(), sizeof(parts));
    return ExactSum(parts[0], parts[1]);
}

/// The three amounts of a row as exact sums, while parts are added up (see ExactSum).
struct ExactMeasures
{
    ExactSum invested;
    ExactSum committed;
    ExactSum divested;

    void add(const ExactMeasures &part)
    {
        invested.add(part.invested);
        committed.add(part.committed);
        divested.add(part.divested);
    }
    void storeIn(AggregateRow &row) const
    {
        row.invested = invested.value();
        row.committed = committed.value();
        row.divested = divested.value();
    }
};

/// Reads the measure columns starting at `at` (see measuresSql()).
void readMeasures(const QSqlQuery &q, int at, AggregateRow &row, ExactMeasures &amounts)
{
    amounts.invested = exactSumOf(q.value(at));
    amounts.committed = exactSumOf(q.value(at + 1));
    amounts.divested = exactSumOf(q.value(at + 2));
    amounts.storeIn(row);
    row.events = q.value(at + 3).toLongLong();
    row.investees = q.value(at + 4).toLongLong();
    row.undisclosed = q.value(at + 5).toLongLong();
    row.withoutRate = q.value(at + 6).toLongLong();
}

QString measuresSql()
{
    return QStringLiteral("fundscope_sum(CASE WHEN x.measure = 0 THEN x.value END),"
                          " fundscope_sum(CASE WHEN x.measure = 1 THEN x.value END),"
                          " fundscope_sum(CASE WHEN x.measure = 2 THEN x.value END),"
                          " COUNT(*), COUNT(DISTINCT x.investee_id),"
                          " TOTAL(x.undisclosed), TOTAL(NOT x.undisclosed AND x.value IS NULL)");
}

/// Adds the counts of `part` to `sum` (the amounts go through ExactMeasures).
void addCounts(AggregateRow &sum, const AggregateRow &part)
{
    sum.events += part.events;
    sum.investees += part.investees;
    sum.undisclosed += part.undisclosed;
    sum.withoutRate += part.withoutRate;
}

QString rateText(double rate)
{
    return QString::number(rate, 'g', 12);
}

void sortRows(AggregateResult &out)
{
    if (out.dimension == Dimension::Year) {
        std::sort(out.rows.begin(), out.rows.end(), [](const AggregateRow &a, const AggregateRow &b) {
            if ((a.keyId == -1) != (b.keyId == -1))
                return b.keyId == -1;
            return a.keyId < b.keyId;
        });
    } else {
        std::sort(out.rows.begin(), out.rows.end(), [](const AggregateRow &a, const AggregateRow &b) {
            if (a.invested != b.invested)
                return a.invested > b.invested;
            if (a.committed != b.committed)
                return a.committed > b.committed;
            if (a.divested != b.divested)
                return a.divested > b.divested;
            return a.key < b.key;
        });
    }
}

} // namespace

QString AggregationEngine::dimensionName(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Sector:
        return QStringLiteral("sector");
    case Dimension::Segment:
        return QStringLiteral("segment");
    case Dimension::Region:
        return QStringLiteral("region");
    case Dimension::Phase:
        return QStringLiteral("phase");
    case Dimension::Fund:
        return QStringLiteral("fund");
    case Dimension::Year:
        return QStringLiteral("year");
    case Dimension::Investee:
        return QStringLiteral("investee");
    case Dimension::City:
        return QStringLiteral("city");
    }
    return QString();
}

std::optional<Dimension> AggregationEngine::parseDimension(const QString &name)
{
    for (Dimension d : { Dimension::Sector, Dimension::Segment, Dimension::Region, Dimension::Phase,
             Dimension::Fund, Dimension::Year, Dimension::Investee, Dimension::City }) {
        if (name.trimmed().compare(dimensionName(d), Qt::CaseInsensitive) == 0)
            return d;
    }
    return std::nullopt;
}

QStringList AggregationEngine::dimensionNames()
{
    QStringList names;
    for (Dimension d : { Dimension::Sector, Dimension::Segment, Dimension::Region, Dimension::Phase,
             Dimension::Fund, Dimension::Year, Dimension::Investee, Dimension::City })
        names.append(dimensionName(d));
    return names;
}

bool AggregationEngine::groupsSubFundFlows(Dimension dimension)
{
    // An investee row is the sub-fund itself, so its inflows belong in it (look-through starts there).
    return dimension == Dimension::Phase || dimension == Dimension::Fund || dimension == Dimension::Investee;
}

bool AggregationEngine::aggregate(
    Dimension dimension, const Filter &filter, AggregateResult *result, QString *error) const
{
    const QString base = filter.currency.isEmpty() ? QStringLiteral("CNY") : filter.currency.toUpper();
    const QSqlDatabase connection = m_db.connection();
    auto fail = [&](const QString &what, const QSqlQuery &q) {
        *error = QStringLiteral("%1: %2: %3").arg(m_db.path(), what, q.lastError().text());
        return false;
    };
    auto run = [&](QSqlQuery &q, const QString &sql, const QVariantList &binds) {
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return false;
        for (const QVariant &v : binds)
            q.addBindValue(v);
        return q.exec();
    };

    // The three reads below see one snapshot: a concurrent writer cannot make the groups, the
    // investee counts and the rates disagree. A savepoint nests inside a caller's transaction.
    struct Snapshot
    {
        QSqlDatabase connection;
        bool open = false;
        explicit Snapshot(const QSqlDatabase &c)
            : connection(c)
        {
            QSqlQuery q(connection);
            open = q.exec(QStringLiteral("SAVEPOINT fundscope_aggregation"));
        }
        ~Snapshot()
        {
            if (open) {
                QSqlQuery q(connection);
                q.exec(QStringLiteral("RELEASE fundscope_aggregation"));
            }
        }
    };

    {
        QSqlQuery q(connection);
        if (!run(q, QStringLiteral("SELECT 1 FROM currencies WHERE code = ?"), { base }))
            return fail(QCoreApplication::translate("AggregationEngine", "reading currencies"), q);
        if (!q.next()) {
            *error = QCoreApplication::translate("AggregationEngine", "%1: unknown base currency '%2'")
                         .arg(m_db.path(), base);
            return false;
        }
    }

    if (m_cache && AggregationCache::supportsCurrency(base)) {
        QList<AggregateResult> results;
        if (!aggregateMany({ { dimension, false } }, filter, &results, error))
            return false;
        *result = std::move(results.first());
        return true;
    }

    if (!registerExactSum(m_db)) {
        *error = QCoreApplication::translate("AggregationEngine", "%1: cannot register the exact sum: %2")
                     .arg(m_db.path(), QString::fromUtf8(sqlite3_errmsg(m_db.handle())));
        return false;
    }
    const Snapshot snapshot(connection);
    const FilterSql where = FilterSql::build(filter);
    const DimensionSql dim = dimensionSql(dimension);
    const bool subFundsInRows = groupsSubFundFlows(dimension);

    // One row per filtered event: its group, measure, and amount in the base currency (NULL when
    // undisclosed or when a needed rate is missing).
    const QString scale
        = QStringLiteral("(CASE c.minor_digits WHEN 0 THEN 1.0 WHEN 1 THEN 10.0 WHEN 2 THEN 100.0"
                         " WHEN 3 THEN 1000.0 ELSE 10000.0 END)");
    const QString groupKey = subFundsInRows
        ? dim.key
        : QStringLiteral("CASE WHEN i.kind = 'fund' THEN NULL ELSE %1 END").arg(dim.key);
    const QString groupParent = subFundsInRows
        ? dim.parent
        : QStringLiteral("CASE WHEN i.kind = 'fund' THEN NULL ELSE %1 END").arg(dim.parent);
    const QString events = QStringLiteral(
        "SELECT d.investee_id AS investee_id,"
        " i.kind = 'fund' AS sub,"
        " %1 AS key_id, %2 AS parent_id,"
        " CASE WHEN d.type = 'commitment' THEN 1 WHEN d.type = 'equity sale' THEN 2 ELSE 0 END"
        " AS measure,"
        " d.amount_minor IS NULL AS undisclosed,"
        " CASE WHEN d.amount_minor IS NULL THEN NULL"
        " WHEN d.currency = ? THEN d.amount_minor / %3"
        " ELSE d.amount_minor / %3"
        " * (CASE WHEN d.currency = 'CNY' THEN 1.0 ELSE r.cny_per_unit END)"
        " / (CASE WHEN ? = 'CNY' THEN 1.0 ELSE b.cny_per_unit END) END AS value"
        " FROM disbursements AS d"
        " JOIN investees i ON i.id = d.investee_id%5"
        " LEFT JOIN currencies c ON c.code = d.currency"
        " LEFT JOIN exchange_rates r ON r.currency = d.currency AND r.year = d.year"
        " LEFT JOIN exchange_rates b ON b.currency = ? AND b.year = d.year"
        " WHERE %4")
                               .arg(groupKey, groupParent, scale, where.where, dim.joins);
    QVariantList eventBinds { base, base, base };
    eventBinds.append(where.binds);

    AggregateResult out;
    out.dimension = dimension;
    out.currency = base;
    out.subFundFlowsInRows = subFundsInRows;
    out.subFundFlows.key = QStringLiteral("Flows into sub-funds");
    out.subFundFlows.keyZh = QStringLiteral("投向子基金的资金");
    out.totals.key = QStringLiteral("Total");
    out.totals.keyZh = QStringLiteral("合计");

    {
        // One pass over the events. Grouped by the sub-fund flag as well: where sub-fund flows
        // belong in the groups, a key's two parts are merged below (their investees are disjoint,
        // so the counts add up); elsewhere the flagged part is the flows left apart (one NULL
        // key, kept from the unknown-key group by the flag). Totals are sums of the parts.
        const QString sql = QStringLiteral("SELECT g.*, %1 FROM (SELECT x.sub, x.key_id, x.parent_id, %2"
                                           " FROM (%3) AS x GROUP BY x.sub, x.key_id, x.parent_id) AS g %4")
                                .arg(dim.columns, measuresSql(), events, dim.names);
        QSqlQuery q(connection);
        if (!run(q, sql, eventBinds))
            return fail(QCoreApplication::translate("AggregationEngine", "aggregating by %1")
                            .arg(dimensionName(dimension)),
                q);
        QHash<QPair<qint64, qint64>, qsizetype> slotOfKey;
        QList<ExactMeasures> rowAmounts; // per row of out.rows
        ExactMeasures totalAmounts;
        ExactMeasures subFundAmounts;
        while (q.next()) {
            const bool sub = q.value(0).toInt() != 0;
            const qint64 keyId = q.value(1).isNull() ? -1 : q.value(1).toLongLong();
            const qint64 parentId = q.value(2).isNull() ? -1 : q.value(2).toLongLong();
            AggregateRow part;
            ExactMeasures amounts;
            part.keyId = keyId;
            part.parentId = parentId;
            readMeasures(q, 3, part, amounts);
            if (sub) {
                addCounts(out.subFundFlows, part);
                subFundAmounts.add(amounts);
            }
            if (sub && !subFundsInRows)
                continue;
            addCounts(out.totals, part);
            totalAmounts.add(amounts);
            const auto slot = slotOfKey.constFind({ keyId, parentId });
            if (slot != slotOfKey.cend()) {
                addCounts(out.rows[*slot], part);
                rowAmounts[*slot].add(amounts);
                continue;
            }
            nameRow(dimension, q, 10, part);
            slotOfKey.insert({ keyId, parentId }, out.rows.size());
            out.rows.append(part);
            rowAmounts.append(amounts);
        }
        if (q.lastError().isValid())
            return fail(QCoreApplication::translate("AggregationEngine", "aggregating by %1")
                            .arg(dimensionName(dimension)),
                q);
        for (qsizetype r = 0; r < out.rows.size(); ++r)
            rowAmounts.at(r).storeIn(out.rows[r]);
        totalAmounts.storeIn(out.totals);
        subFundAmounts.storeIn(out.subFundFlows);
    }

    {
        // Distinct investees over all groups (one can sit in several phases or years). EXISTS
        // stops at an investee's first matching event, through the by-investee index.
        const QString sql
            = QStringLiteral("SELECT i.kind = 'fund', count(*) FROM investees i WHERE EXISTS"
                             " (SELECT 1 FROM disbursements AS d WHERE d.investee_id = i.id AND %1)"
                             " GROUP BY 1")
                  .arg(where.where);
        QSqlQuery q(connection);
        if (!run(q, sql, where.binds))
            return fail(QCoreApplication::translate("AggregationEngine", "counting investees"), q);
        out.totals.investees = 0;
        out.subFundFlows.investees = 0;
        while (q.next()) {
            const qint64 count = q.value(1).toLongLong();
            if (q.value(0).toInt() != 0) {
                out.subFundFlows.investees = count;
                if (subFundsInRows)
                    out.totals.investees += count;
            } else {
                out.totals.investees += count;
            }
        }
        if (q.lastError().isValid())
            return fail(QCoreApplication::translate("AggregationEngine", "counting investees"), q);
    }

    {
        // Which rates the conversion needed: the row currency's (unless CNY) and the base's
        // (unless CNY), both of the value date's year; none when the row is in the base already.
        // The rates are joined to the few distinct (currency, year) pairs, not to every event.
        const QString sql = QStringLiteral(
            "SELECT x.currency, x.year, r.cny_per_unit, b.cny_per_unit"
            " FROM (SELECT DISTINCT d.currency AS currency, d.year AS year"
            " FROM disbursements AS d WHERE d.amount_minor IS NOT NULL AND d.currency <> ? AND %1) AS x"
            " LEFT JOIN exchange_rates r ON r.currency = x.currency AND r.year = x.year"
            " LEFT JOIN exchange_rates b ON b.currency = ? AND b.year = x.year")
                                .arg(where.where);
        QVariantList binds { base };
        binds.append(where.binds);
        binds.append(base);
        QSqlQuery q(connection);
        if (!run(q, sql, binds))
            return fail(QCoreApplication::translate("AggregationEngine", "reading exchange rates"), q);
        QSet<QString> used;
        QSet<QString> missing;
        while (q.next()) {
            const QString currency = q.value(0).toString();
            const bool dated = !q.value(1).isNull();
            const QString year = dated ? q.value(1).toString() : QString();
            QStringList needUsed;
            QStringList needMissing;
            auto need = [&](const QString &code, const QVariant &rate) {
                if (code == QLatin1String("CNY"))
                    return;
                if (!dated)
                    needMissing.append(code + QStringLiteral(" (date unknown)"));
                else if (rate.isNull())
                    needMissing.append(code + QLatin1Char(' ') + year);
                else
                    needUsed.append(
                        code + QLatin1Char(' ') + year + QStringLiteral(": ") + rateText(rate.toDouble()));
            };
            need(currency, q.value(2));
            need(base, q.value(3));
            if (needMissing.isEmpty()) {
                for (const QString &s : std::as_const(needUsed))
                    used.insert(s);
            } else {
                for (const QString &s : std::as_const(needMissing))
                    missing.insert(s);
            }
        }
        if (q.lastError().isValid())
            return fail(QCoreApplication::translate("AggregationEngine", "reading exchange rates"), q);
        out.ratesUsed = QStringList(used.cbegin(), used.cend());
        out.ratesMissing = QStringList(missing.cbegin(), missing.cend());
        out.ratesUsed.sort();
        out.ratesMissing.sort();
    }

    sortRows(out);
    *result = std::move(out);
    return true;
}

namespace {

AggregationCache::Key cacheKey(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Sector:
        return AggregationCache::Key::Sector;
    case Dimension::Segment:
        return AggregationCache::Key::Segment;
    case Dimension::Region:
        return AggregationCache::Key::Region;
    case Dimension::Phase:
        return AggregationCache::Key::Phase;
    case Dimension::Fund:
        return AggregationCache::Key::Fund;
    case Dimension::Year:
        return AggregationCache::Key::Year;
    case Dimension::Investee:
        return AggregationCache::Key::Investee;
    case Dimension::City:
        return AggregationCache::Key::City;
    }
    return AggregationCache::Key::Sector;
}

AggregateRow fromGroup(const AggregationCache::Group &g)
{
    AggregateRow row;
    row.keyId = g.keyId;
    row.parentId = g.parentId;
    row.invested = g.invested;
    row.committed = g.committed;
    row.divested = g.divested;
    row.events = g.events;
    row.investees = g.investees;
    row.undisclosed = g.undisclosed;
    row.withoutRate = g.withoutRate;
    row.funds = g.funds;
    row.firstDate = AggregationCache::dateText(g.firstDate);
    row.lastDate = AggregationCache::dateText(g.lastDate);
    if (g.latestStake >= 0)
        row.latestStake = g.latestStake;
    row.sectorId = g.sectorId;
    return row;
}

} // namespace

bool AggregationEngine::aggregateMany(const QList<AggregateRequest> &requests, const Filter &filter,
                                      QList<AggregateResult> *results, QString *error) const
{
    const QString base = filter.currency.isEmpty() ? QStringLiteral("CNY") : filter.currency.toUpper();
    results->clear();
    if (!m_cache || !AggregationCache::supportsCurrency(base)) {
        for (const AggregateRequest &request : requests) {
            if (request.bySector || request.companiesOnly) {
                *error = QCoreApplication::translate(
                    "AggregationEngine", "%1: a grouping split by sector needs the aggregation cache")
                             .arg(m_db.path());
                return false;
            }
            AggregateResult result;
            if (!aggregate(request.dimension, filter, &result, error))
                return false;
            results->append(std::move(result));
        }
        return true;
    }
    QList<AggregationCache::Request> cacheRequests;
    for (const AggregateRequest &request : requests)
        cacheRequests.append({ cacheKey(request.dimension), request.bySector,
                               groupsSubFundFlows(request.dimension) && !request.companiesOnly });
    QList<AggregationCache::Result> raw;
    if (!m_cache->aggregateMany(m_db, cacheRequests, filter, &raw, error))
        return false;
    for (qsizetype r = 0; r < requests.size(); ++r) {
        const AggregationCache::Result &part = raw.at(r);
        AggregateResult out;
        out.dimension = requests.at(r).dimension;
        out.currency = base;
        out.subFundFlowsInRows = groupsSubFundFlows(out.dimension) && !requests.at(r).companiesOnly;
        out.totals = fromGroup(part.totals);
        out.totals.keyId = -1;
        out.totals.key = QStringLiteral("Total");
        out.totals.keyZh = QStringLiteral("合计");
        out.subFundFlows = fromGroup(part.subFundFlows);
        out.subFundFlows.keyId = -1;
        out.subFundFlows.key = QStringLiteral("Flows into sub-funds");
        out.subFundFlows.keyZh = QStringLiteral("投向子基金的资金");
        out.ratesUsed = part.ratesUsed;
        out.ratesMissing = part.ratesMissing;
        const Column<AggregationCache::Group> &groups = part.groups;
        const int limit = requests.at(r).limit;
        if (limit > 0 && groups.size() > size_t(limit)) {
            // Only the largest groups are named and sorted: naming is the costly part. Chosen
            // by index (the group met first wins a tie) rather than in a copy of the groups:
            // fifty thousand groups were 7 MB of fresh pages on the first pass after a load.
            std::vector<size_t> order(groups.size());
            std::iota(order.begin(), order.end(), size_t(0));
            std::nth_element(order.begin(), order.begin() + limit, order.end(), [&groups](size_t a, size_t b) {
                const double x = groups[a].invested;
                const double y = groups[b].invested;
                return x > y || (x == y && a < b);
            });
            order.resize(size_t(limit));
            out.rows.reserve(limit);
            for (const size_t g : order)
                out.rows.append(fromGroup(groups[g]));
        } else {
            out.rows.reserve(qsizetype(groups.size()));
            for (const AggregationCache::Group &g : groups)
                out.rows.append(fromGroup(g));
        }
        if (!nameRows(out.dimension, &out, error))
            return false;
        sortRows(out);
        results->append(std::move(out));
    }
    return true;
}

// Names come from the same joins the SQL path uses, fed the groups' keys in chunks.
namespace {

// Every key of a dimension with its parent, as the groups carry them, for naming all at once.
QString allKeysSql(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Sector: return QStringLiteral("SELECT id AS key_id, NULL AS parent_id FROM sectors");
    case Dimension::Segment: return QStringLiteral("SELECT id AS key_id, sector_id AS parent_id FROM segments");
    case Dimension::Region: return QStringLiteral("SELECT id AS key_id, NULL AS parent_id FROM regions");
    case Dimension::City: return QStringLiteral("SELECT id AS key_id, NULL AS parent_id FROM regions WHERE kind = 'city'");
    case Dimension::Phase: return QStringLiteral("SELECT id AS key_id, fund_id AS parent_id FROM phases");
    case Dimension::Fund: return QStringLiteral("SELECT id AS key_id, NULL AS parent_id FROM funds");
    case Dimension::Investee: return QStringLiteral("SELECT id AS key_id, NULL AS parent_id FROM investees");
    case Dimension::Year: return QString();
    }
    return QString();
}

AggregationCache::GroupName nameOf(const AggregateRow &row)
{
    return { row.key, row.keyZh, row.parentId };
}

} // namespace

// Names come from the same joins the SQL path uses. With a cache, names are remembered with it;
// the first time many groups need a name, every key of the dimension is named at once (one query
// over the dimension's table), so a filter change names fifty thousand investees by lookup
// instead of by query, while a top 25 costs a query for 25.
bool AggregationEngine::nameRows(Dimension dimension, AggregateResult *out, QString *error) const
{
    const DimensionSql dim = dimensionSql(dimension);
    auto runNames = [&](const QString &sql, const QVariantList &binds, const std::function<void(QSqlQuery &)> &each) {
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            *error = QCoreApplication::translate("AggregationEngine", "%1: naming groups: %2")
                         .arg(m_db.path(), q.lastError().text());
            return false;
        }
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec()) {
            *error = QCoreApplication::translate("AggregationEngine", "%1: naming groups: %2")
                         .arg(m_db.path(), q.lastError().text());
            return false;
        }
        while (q.next())
            each(q);
        return true;
    };

    constexpr qsizetype Chunk = 400;
    QList<qsizetype> misses;
    bool ok = true;
    m_cache->withNames(int(dimension), [&](AggregationCache::NameMemo &memo) {
        auto lookUp = [&](const QList<qsizetype> &rows) {
            QList<qsizetype> missing;
            for (const qsizetype r : rows) {
                AggregateRow &row = out->rows[r];
                const auto it = memo.constFind(qMakePair(row.keyId, row.parentId));
                if (it == memo.constEnd()) {
                    missing.append(r);
                    continue;
                }
                row.key = it->key;
                row.keyZh = it->keyZh;
                row.parentId = it->parentId;
            }
            return missing;
        };
        QList<qsizetype> every(out->rows.size());
        std::iota(every.begin(), every.end(), qsizetype(0));
        misses = lookUp(every);
        // Many unnamed groups: name the whole dimension in one query. A few (the dashboard's top
        // 25 of 50,000 investees, on the first pass after a load): only those, by key.
        const QString all = allKeysSql(dimension);
        if (misses.size() > 2 * Chunk && !all.isEmpty()) {
            ok = runNames(QStringLiteral("SELECT g.key_id, g.parent_id, %1 FROM (%2) AS g %3").arg(dim.columns, all, dim.names),
                          {}, [&](QSqlQuery &q) {
                              AggregateRow row;
                              row.keyId = q.value(0).toLongLong();
                              row.parentId = q.value(1).isNull() ? -1 : q.value(1).toLongLong();
                              const auto key = qMakePair(row.keyId, row.parentId);
                              nameRow(dimension, q, 2, row);
                              memo.insert(key, nameOf(row));
                          });
            if (ok)
                misses = lookUp(misses);
        }
    });
    if (!ok)
        return false;

    for (qsizetype start = 0; start < misses.size(); start += Chunk) {
        const qsizetype end = std::min(misses.size(), start + Chunk);
        QStringList values;
        QVariantList binds;
        for (qsizetype m = start; m < end; ++m) {
            values.append(QStringLiteral("(?, ?, ?)"));
            const AggregateRow &row = out->rows.at(misses.at(m));
            binds << QVariant::fromValue(misses.at(m))
                  << (row.keyId == -1 ? QVariant() : QVariant::fromValue(row.keyId))
                  << (row.parentId == -1 ? QVariant() : QVariant::fromValue(row.parentId));
        }
        const QString sql = QStringLiteral("WITH g(slot, key_id, parent_id) AS (VALUES %1) SELECT g.slot, g.key_id, "
                                           "g.parent_id, %2 FROM g %3")
                                    .arg(values.join(QLatin1Char(',')), dim.columns, dim.names);
        QList<QPair<QPair<qint64, qint64>, AggregationCache::GroupName>> learned;
        if (!runNames(sql, binds, [&](QSqlQuery &q) {
                AggregateRow &row = out->rows[q.value(0).toLongLong()];
                const auto key = qMakePair(row.keyId, row.parentId);
                nameRow(dimension, q, 3, row);
                learned.append({ key, nameOf(row) });
            }))
            return false;
        m_cache->withNames(int(dimension), [&](AggregationCache::NameMemo &memo) {
            for (const auto &entry : std::as_const(learned))
                memo.insert(entry.first, entry.second);
        });
    }
    return true;
}
