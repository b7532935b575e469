#include "Lookup.h"

#include "Database.h"

#include <QSqlQuery>
#include <QStringList>

std::optional<qint64> Lookup::single(const QString &sql, const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    const QString key = name.trimmed();
    q.addBindValue(key);
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

std::optional<qint64> Lookup::fundId(const QString &name) const
{
    return single(QStringLiteral("SELECT id FROM funds WHERE name = ? COLLATE NOCASE OR name_zh = ? LIMIT 1"),
                  name);
}

QList<qint64> Lookup::phaseIds(const QString &label, const QList<qint64> &funds) const
{
    QList<qint64> ids;
    QSqlQuery q(m_db.connection());
    QString sql = QStringLiteral("SELECT id FROM phases WHERE label = ? COLLATE NOCASE");
    if (!funds.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < funds.size(); ++i)
            marks.append(QStringLiteral("?"));
        sql += QStringLiteral(" AND fund_id IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    q.prepare(sql + QStringLiteral(" ORDER BY id"));
    q.addBindValue(label.trimmed());
    for (qint64 f : funds)
        q.addBindValue(f);
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

std::optional<qint64> Lookup::sectorId(const QString &name) const
{
    return single(QStringLiteral("SELECT id FROM sectors WHERE name = ? COLLATE NOCASE OR name_zh = ? LIMIT 1"),
                  name);
}

std::optional<qint64> Lookup::segmentId(const QString &name) const
{
    return single(QStringLiteral("SELECT id FROM segments WHERE name = ? COLLATE NOCASE OR name_zh = ? "
                                 "ORDER BY id LIMIT 1"),
                  name);
}

std::optional<qint64> Lookup::regionId(const QString &name) const
{
    return single(QStringLiteral("SELECT id FROM regions WHERE name = ? COLLATE NOCASE OR name_zh = ? "
                                 "ORDER BY CASE kind WHEN 'province' THEN 0 WHEN 'country' THEN 1 ELSE 2 END, id "
                                 "LIMIT 1"),
                  name);
}

std::optional<qint64> Lookup::investeeId(const QString &name) const
{
    return single(QStringLiteral("SELECT id FROM investees WHERE name = ? COLLATE NOCASE OR name_zh = ? LIMIT 1"),
                  name);
}
