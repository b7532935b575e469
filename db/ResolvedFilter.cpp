#include "ResolvedFilter.h"

#include "DataRevision.h"
#include "Database.h"
#include "FilterSql.h"
#include "RawQuery.h"
#include "Vocabulary.h"

#include <QCoreApplication>
#include <QMutex>

#include <algorithm>
#include <deque>

namespace {

struct CacheEntry
{
    DataRevision revision;
    ResolvedFilter resolved;
};

// A few filters: the window's current one, the one before (undo of a filter change) and the
// drill-down's. Shared by every connection of the process: equal stamps mean equal data.
constexpr size_t CacheSize = 8;

QMutex &cacheMutex()
{
    static QMutex mutex;
    return mutex;
}

std::deque<CacheEntry> &cache()
{
    static std::deque<CacheEntry> entries;
    return entries;
}

bool readIds(Database &db, const QString &sql, const QVariantList &binds, QList<qint64> *ids,
    const char *what, QString *error)
{
    RawQuery q(db, sql, binds);
    while (q.next())
        ids->append(q.integer(0));
    if (!q.isValid()) {
        *error = QStringLiteral("%1: %2: %3")
                     .arg(db.path(), QCoreApplication::translate("AggregationCache", what), q.errorString());
        return false;
    }
    std::sort(ids->begin(), ids->end());
    return true;
}

// What needs no database: the bounds and the statuses; regions and text are left to resolve().
ResolvedFilter withoutLookups(const Filter &f)
{
    ResolvedFilter r;
    r.filter = f;
    r.hasText = !f.text.trimmed().isEmpty();
    if (!f.from.isEmpty())
        r.fromBound = FilterSql::lowerBound(f.from);
    if (!f.to.isEmpty())
        r.toBound = FilterSql::upperBound(f.to);
    r.defaultStatuses = f.statuses.isEmpty();
    r.statuses = r.defaultStatuses ? Vocabulary::defaultStatuses() : f.statuses;
    return r;
}

} // namespace

bool ResolvedFilter::resolve(Database &db, const Filter &f, ResolvedFilter *out, QString *error)
{
    const bool lookups = !f.regions.isEmpty() || !f.text.trimmed().isEmpty();
    if (!lookups) {
        *out = withoutLookups(f);
        return true;
    }
    const std::optional<DataRevision> revision = DataRevision::read(db);
    if (revision) {
        const QMutexLocker lock(&cacheMutex());
        for (const CacheEntry &entry : cache()) {
            if (entry.revision == *revision && entry.resolved.filter == f) {
                *out = entry.resolved;
                return true;
            }
        }
    }

    ResolvedFilter r = withoutLookups(f);
    if (!f.regions.isEmpty()) {
        QStringList marks;
        QVariantList binds;
        for (qint64 id : f.regions) {
            marks.append(QStringLiteral("?"));
            binds.append(id);
        }
        if (!readIds(db,
                QStringLiteral("WITH RECURSIVE within(id) AS (SELECT id FROM regions WHERE id IN (%1)"
                               " UNION SELECT r.id FROM regions r JOIN within w ON r.parent_id = w.id)"
                               " SELECT id FROM within")
                    .arg(marks.join(QLatin1Char(','))),
                binds, &r.regions, QT_TRANSLATE_NOOP("AggregationCache", "resolving regions"), error))
            return false;
    }
    if (r.hasText) {
        const QString like = FilterSql::containsPattern(f.text.trimmed());
        if (!readIds(db,
                QStringLiteral("SELECT id FROM investees WHERE name LIKE ? ESCAPE '\\'"
                               " OR name_zh LIKE ? ESCAPE '\\' OR ticker LIKE ? ESCAPE '\\'"),
                { like, like, like }, &r.textInvestees, QT_TRANSLATE_NOOP("AggregationCache", "searching investees"),
                error)
            || !readIds(db,
                QStringLiteral("SELECT p.id FROM phases p JOIN funds fu ON fu.id = p.fund_id"
                               " WHERE fu.name LIKE ? ESCAPE '\\' OR fu.name_zh LIKE ? ESCAPE '\\'"),
                { like, like }, &r.textPhases, QT_TRANSLATE_NOOP("AggregationCache", "searching funds"), error))
            return false;
    }
    if (revision) {
        const QMutexLocker lock(&cacheMutex());
        std::deque<CacheEntry> &entries = cache();
        entries.push_front({ *revision, r });
        if (entries.size() > CacheSize)
            entries.pop_back();
    }
    *out = std::move(r);
    return true;
}
