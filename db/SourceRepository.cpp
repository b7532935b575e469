#include "SourceRepository.h"

#include "FilterSql.h"
#include "RawQuery.h"

#include <QSet>

#include <algorithm>

template<typename Visit>
bool SourceRepository::visitAddresses(const Filter &filter, Visit visit, QString *error) const
{
    const FilterSql where = FilterSql::build(m_db, filter);
    if (!where.ok) {
        if (error)
            *error = where.error;
        return false;
    }
    // No DISTINCT: SQLite would sort a million addresses through a temporary file; the callers
    // keep a set of what they have seen, which is also where " | " lists are split.
    RawQuery q(m_db,
               QStringLiteral("SELECT d.source_url FROM disbursements d WHERE ") + where.where
                       + QStringLiteral(" AND d.source_url IS NOT NULL AND d.source_url <> ''"),
               where.binds);
    while (q.next()) {
        const QByteArrayView field = q.text(0);
        qsizetype start = 0;
        while (start <= field.size()) {
            qsizetype bar = field.indexOf('|', start);
            if (bar < 0)
                bar = field.size();
            const QByteArrayView address = field.sliced(start, bar - start).trimmed();
            if (!address.isEmpty())
                visit(address);
            start = bar + 1;
        }
    }
    if (!q.errorString().isEmpty()) {
        if (error)
            *error = q.errorString();
        return false;
    }
    return true;
}

QStringList SourceRepository::sources(const Filter &filter, QString *error) const
{
    QSet<QByteArray> seen;
    QStringList out;
    const bool ok = visitAddresses(
            filter,
            [&](QByteArrayView address) {
                if (!seen.contains(QByteArray::fromRawData(address.data(), address.size()))) {
                    seen.insert(address.toByteArray());
                    out.append(QString::fromUtf8(address));
                }
            },
            error);
    if (!ok)
        return {};
    std::sort(out.begin(), out.end());
    return out;
}

qint64 SourceRepository::sourceCount(const Filter &filter, QString *error) const
{
    QSet<QByteArray> seen;
    if (!visitAddresses(filter, [&](QByteArrayView address) { seen.insert(address.toByteArray()); }, error))
        return -1;
    return seen.size();
}
