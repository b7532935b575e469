#include "AggregationEngine.h"

#include "AggregationNames.h"
#include "Database.h"
#include "ExactSum.h"
#include "FilterSql.h"
#include "SqlDialect.h"
#include "StorageBackend.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cstring>

namespace {

using DimensionSql = AggregationNames::DimensionSql;

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

QString measuresSql(const SqlDialect &dialect)
{
    return dialect.exactSum(QStringLiteral("CASE WHEN x.measure = 0 THEN x.value END")) + QLatin1Char(',')
        + dialect.exactSum(QStringLiteral("CASE WHEN x.measure = 1 THEN x.value END")) + QLatin1Char(',')
        + dialect.exactSum(QStringLiteral("CASE WHEN x.measure = 2 THEN x.value END"))
        + QStringLiteral(", COUNT(*), COUNT(DISTINCT x.investee_id),"
                         " SUM(x.undisclosed), SUM(CASE WHEN x.undisclosed = 0 AND x.value IS NULL THEN 1 ELSE 0 END)");
}

/// Adds the counts of `part` to `sum` (the amounts go through ExactMeasures).
void addCounts(AggregateRow &sum, const AggregateRow &part)
{
    sum.events += part.events;
    sum.investees += part.investees;
    sum.undisclosed += part.undisclosed;
    sum.withoutRate += part.withoutRate;
}

} // namespace

bool AggregationEngine::aggregateMany(const QList<AggregateRequest> &requests, const Filter &filter,
                                      QList<AggregateResult> *results, QString *error) const
{
    results->clear();
    for (const AggregateRequest &request : requests) {
        if (request.bySector || request.companiesOnly) {
            *error = QCoreApplication::translate(
                "AggregationEngine", "%1: a grouping split by sector needs the aggregation cache")
                         .arg(m_db.path());
            return false;
        }
        AggregateResult result;
        if (!aggregateOne(request.dimension, filter, &result, error))
            return false;
        results->append(std::move(result));
    }
    return true;
}

bool AggregationEngine::aggregateOne(
    Dimension dimension, const Filter &filter, AggregateResult *result, QString *error) const
{
    const QString base = baseCurrency(filter);
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

    if (QString why; !m_db.backend().defineExactSum(m_db, &why)) {
        *error = QCoreApplication::translate("AggregationEngine", "%1: cannot register the exact sum: %2")
                     .arg(m_db.path(), why);
        return false;
    }
    const Snapshot snapshot(connection);
    const FilterSql where = FilterSql::build(m_db, filter);
    if (!where.ok) {
        *error = where.error;
        return false;
    }
    const DimensionSql dim = AggregationNames::dimensionSql(dimension);
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
                                .arg(dim.columns, measuresSql(m_db.dialect()), events, dim.names);
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
            AggregationNames::nameRow(dimension, q, 10, part);
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
