#include "FundRepository.h"

#include "Database.h"
#include "FilterSql.h"
#include "PhaseRepository.h"
#include "RecordStore.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

QList<FundRecord> FundRepository::all(QString *error) const
{
    QList<FundRecord> funds;
    QHash<qint64, qsizetype> position;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
                "SELECT f.id, f.name, f.name_zh, f.kind, f.level, coalesce(pr.name, co.name), "
                "coalesce(pr.name_zh, co.name_zh), ci.name, f.parent_fund_id, pa.name, f.manager, f.notes, "
                "f.source_url FROM funds f "
                "LEFT JOIN regions pr ON pr.id = f.province_id LEFT JOIN regions co ON co.id = f.country_id "
                "LEFT JOIN regions ci ON ci.id = f.city_id LEFT JOIN funds pa ON pa.id = f.parent_fund_id "
                "ORDER BY f.name"))) {
        if (error)
            *error = m_db.describeError(q.lastError());
        return funds;
    }
    while (q.next()) {
        FundRecord f;
        f.id = q.value(0).toLongLong();
        f.name = q.value(1).toString();
        f.nameZh = q.value(2).toString();
        f.kind = q.value(3).toString();
        f.level = q.value(4).toString();
        f.region = q.value(5).toString();
        f.regionZh = q.value(6).toString();
        f.city = q.value(7).toString();
        if (!q.value(8).isNull())
            f.parentId = q.value(8).toLongLong();
        f.parentName = q.value(9).toString();
        f.manager = q.value(10).toString();
        f.notes = q.value(11).toString();
        f.sourceUrl = q.value(12).toString();
        position.insert(f.id, funds.size());
        funds.append(f);
    }
    // No event counts here: counting per phase walks the whole phase index (150 ms at a million
    // events, at every start); the navigator takes its counts from the analytics cache.
    if (!q.exec(PhaseRepository::selectPhases()
            + QStringLiteral("ORDER BY p.fund_id, p.start_date IS NULL, p.start_date, p.label"))) {
        if (error)
            *error = m_db.describeError(q.lastError());
        return funds;
    }
    while (q.next()) {
        const PhaseRecord p = PhaseRepository::readPhase(q);
        const auto it = position.constFind(p.fundId);
        if (it != position.constEnd())
            funds[*it].phases.append(p);
    }
    return funds;
}

std::optional<FundRecord> FundRepository::byId(qint64 id) const
{
    // Funds are few: reading them all keeps one query (and one set of joins) for both paths.
    for (const FundRecord &f : all()) {
        if (f.id == id)
            return f;
    }
    return std::nullopt;
}

QList<NameMatch> FundRepository::search(const QString &text, int limit) const
{
    QList<NameMatch> matches;
    const QString key = text.trimmed();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const QString contains = FilterSql::containsPattern(key);
    const QString prefix = FilterSql::prefixPattern(key);
    q.prepare(QStringLiteral(
            "SELECT f.id, f.name, f.name_zh, f.level || ' ' || f.kind FROM funds f "
            "WHERE f.name LIKE ? ESCAPE '\\' OR f.name_zh LIKE ? ESCAPE '\\' "
            "ORDER BY CASE WHEN f.name = ? COLLATE NOCASE OR f.name_zh = ? THEN 0 "
            "WHEN f.name LIKE ? ESCAPE '\\' OR f.name_zh LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, f.name LIMIT ?"));
    for (const QVariant &v : { QVariant(contains), QVariant(contains), QVariant(key), QVariant(key), QVariant(prefix),
                               QVariant(prefix), QVariant(limit) })
        q.addBindValue(v);
    if (q.exec()) {
        while (q.next())
            matches.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
    }
    return matches;
}
