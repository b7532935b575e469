#include "VocabularyRepository.h"

#include "Database.h"

#include <QSqlQuery>

QList<VocabularyItem> VocabularyRepository::read(const QString &sql) const
{
    QList<VocabularyItem> items;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return items;
    while (q.next())
        items.append({ q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString() });
    return items;
}

QList<VocabularyItem> VocabularyRepository::sectors() const
{
    return read(QStringLiteral("SELECT id, 0, name, name_zh FROM sectors ORDER BY id"));
}

QList<VocabularyItem> VocabularyRepository::segments() const
{
    return read(QStringLiteral("SELECT id, sector_id, name, name_zh FROM segments ORDER BY sector_id, name"));
}

QList<VocabularyItem> VocabularyRepository::countries() const
{
    return read(QStringLiteral("SELECT id, 0, name, name_zh FROM regions WHERE kind = 'country' ORDER BY name"));
}

QList<VocabularyItem> VocabularyRepository::provinces() const
{
    return read(QStringLiteral("SELECT id, parent_id, name, name_zh FROM regions WHERE kind = 'province' "
                               "ORDER BY name"));
}

QList<VocabularyItem> VocabularyRepository::cities() const
{
    return read(QStringLiteral("SELECT id, parent_id, name, name_zh FROM regions WHERE kind = 'city' ORDER BY name"));
}

QList<VocabularyItem> VocabularyRepository::currencies() const
{
    return read(QStringLiteral("SELECT 0, 0, code, name FROM currencies ORDER BY code"));
}

QHash<QString, int> VocabularyRepository::currencyDigits() const
{
    QHash<QString, int> digits;
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT code, minor_digits FROM currencies"))) {
        while (q.next())
            digits.insert(q.value(0).toString(), q.value(1).toInt());
    }
    return digits;
}
