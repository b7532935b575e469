#include "AggregationNames.h"

#include "AggregationCache.h"
#include "Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <functional>
#include <numeric>

namespace {

QString orEnglish(const QVariant &zh, const QString &english)
{
    const QString text = zh.toString();
    return text.isEmpty() ? english : text;
}

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

AggregationNames::DimensionSql AggregationNames::dimensionSql(Dimension dimension)
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

/// Names a group from the columns of dimensionSql().columns (starting at `at`).
void AggregationNames::nameRow(Dimension dimension, const QSqlQuery &q, int at, AggregateRow &row)
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

// Names come from the same joins the SQL path uses. With a cache, names are remembered with it;
// the first time many groups need a name, every key of the dimension is named at once (one query
// over the dimension's table), so a filter change names fifty thousand investees by lookup
// instead of by query, while a top 25 costs a query for 25.
bool AggregationNames::nameRows(Database &db, const AggregationCache &cache, Dimension dimension, AggregateResult *out,
                                 QString *error)
{
    const DimensionSql dim = dimensionSql(dimension);
    auto runNames = [&](const QString &sql, const QVariantList &binds, const std::function<void(QSqlQuery &)> &each) {
        QSqlQuery q(db.connection());
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            *error = QCoreApplication::translate("AggregationEngine", "%1: naming groups: %2")
                         .arg(db.path(), q.lastError().text());
            return false;
        }
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec()) {
            *error = QCoreApplication::translate("AggregationEngine", "%1: naming groups: %2")
                         .arg(db.path(), q.lastError().text());
            return false;
        }
        while (q.next())
            each(q);
        return true;
    };

    constexpr qsizetype Chunk = 400;
    QList<qsizetype> misses;
    bool ok = true;
    cache.withNames(int(dimension), [&](AggregationCache::NameMemo &memo) {
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
        cache.withNames(int(dimension), [&](AggregationCache::NameMemo &memo) {
            for (const auto &entry : std::as_const(learned))
                memo.insert(entry.first, entry.second);
        });
    }
    return true;
}
