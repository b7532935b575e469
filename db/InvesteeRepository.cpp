#include "InvesteeRepository.h"

#include "Database.h"
#include "FilterSql.h"
#include "RecordStore.h"
#include "SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace {

const QLatin1String selectInvestees(
        "SELECT i.id, i.name, i.name_zh, i.kind, i.fund_id, s.name, s.name_zh, g.name, "
        "coalesce(pr.name, co.name), coalesce(pr.name_zh, co.name_zh), ci.name, i.ticker, i.founded, i.notes, "
        "i.source_url FROM investees i "
        "LEFT JOIN sectors s ON s.id = i.sector_id LEFT JOIN segments g ON g.id = i.segment_id "
        "LEFT JOIN regions pr ON pr.id = i.province_id LEFT JOIN regions co ON co.id = i.country_id "
        "LEFT JOIN regions ci ON ci.id = i.city_id");

InvesteeRecord read(const QSqlQuery &q)
{
    InvesteeRecord r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.nameZh = q.value(2).toString();
    r.kind = q.value(3).toString();
    r.fundId = q.value(4).toLongLong();
    r.sector = q.value(5).toString();
    r.sectorZh = q.value(6).toString();
    r.segment = q.value(7).toString();
    r.region = q.value(8).toString();
    r.regionZh = q.value(9).toString();
    r.city = q.value(10).toString();
    r.ticker = q.value(11).toString();
    r.founded = q.value(12).toString();
    r.notes = q.value(13).toString();
    r.sourceUrl = q.value(14).toString();
    return r;
}

} // namespace

QHash<qint64, InvesteeRecord> InvesteeRepository::all(QString *error) const
{
    QHash<qint64, InvesteeRecord> investees;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(selectInvestees)) {
        if (error)
            *error = m_db.describeError(q.lastError());
        return investees;
    }
    while (q.next()) {
        InvesteeRecord r = read(q);
        investees.insert(r.id, r);
    }
    return investees;
}

std::optional<InvesteeRecord> InvesteeRepository::byId(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(selectInvestees + QStringLiteral(" WHERE i.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return read(q);
}

QList<InvesteeRepository::Payer> InvesteeRepository::payers(qint64 investeeId) const
{
    QList<Payer> payers;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
            "SELECT f.id, f.name, f.name_zh, %1, count(*) FROM disbursements d "
            "JOIN phases p ON p.id = d.phase_id JOIN funds f ON f.id = p.fund_id WHERE d.investee_id = ? "
            "GROUP BY f.id ORDER BY count(*) DESC, f.name")
                  .arg(m_db.dialect().joinDistinct(QStringLiteral("p.label"))));
    q.addBindValue(investeeId);
    if (!q.exec())
        return payers;
    while (q.next()) {
        payers.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString().replace(QLatin1Char(','), QStringLiteral(", ")),
                        q.value(4).toLongLong() });
    }
    return payers;
}

QList<NameMatch> InvesteeRepository::search(const QString &text, int limit) const
{
    QList<NameMatch> matches;
    const QString key = text.trimmed();
    const QString contains = FilterSql::containsPattern(key);
    const QString prefix = FilterSql::prefixPattern(key);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
            "SELECT i.id, i.name, i.name_zh, CASE i.kind WHEN 'fund' THEN 'sub-fund' ELSE coalesce(s.name, '') END "
            "|| coalesce(' · ' || coalesce(pr.name, co.name), '') FROM investees i "
            "LEFT JOIN sectors s ON s.id = i.sector_id LEFT JOIN regions pr ON pr.id = i.province_id "
            "LEFT JOIN regions co ON co.id = i.country_id "
            "WHERE i.name LIKE ? ESCAPE '\\' OR i.name_zh LIKE ? ESCAPE '\\' OR i.ticker LIKE ? ESCAPE '\\' "
            "ORDER BY CASE WHEN i.name = ? COLLATE NOCASE OR i.name_zh = ? THEN 0 "
            "WHEN i.name LIKE ? ESCAPE '\\' OR i.name_zh LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, i.name LIMIT ?"));
    for (const QVariant &v : { QVariant(contains), QVariant(contains), QVariant(contains), QVariant(key), QVariant(key),
                               QVariant(prefix), QVariant(prefix), QVariant(limit) })
        q.addBindValue(v);
    if (q.exec()) {
        while (q.next())
            matches.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
    }
    return matches;
}
