#include "Aggregator.h"

#include "AggregationCache.h"
#include "AggregationEngine.h"
#include "ColumnAggregator.h"

#include <algorithm>

bool Aggregator::aggregate(Dimension dimension, const Filter &filter, AggregateResult *result, QString *error) const
{
    QList<AggregateResult> results;
    if (!aggregateMany({ AggregateRequest { dimension } }, filter, &results, error))
        return false;
    *result = std::move(results.first());
    return true;
}

std::unique_ptr<Aggregator> Aggregator::choose(Database &db, const AggregationCache *cache, const QString &currency)
{
    if (cache && cache->isLoaded() && AggregationCache::supportsCurrency(currency))
        return std::make_unique<ColumnAggregator>(db, *cache);
    return std::make_unique<AggregationEngine>(db);
}

QString Aggregator::dimensionName(Dimension dimension)
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

std::optional<Dimension> Aggregator::parseDimension(const QString &name)
{
    for (Dimension d : { Dimension::Sector, Dimension::Segment, Dimension::Region, Dimension::Phase,
             Dimension::Fund, Dimension::Year, Dimension::Investee, Dimension::City }) {
        if (name.trimmed().compare(dimensionName(d), Qt::CaseInsensitive) == 0)
            return d;
    }
    return std::nullopt;
}

QStringList Aggregator::dimensionNames()
{
    QStringList names;
    for (Dimension d : { Dimension::Sector, Dimension::Segment, Dimension::Region, Dimension::Phase,
             Dimension::Fund, Dimension::Year, Dimension::Investee, Dimension::City })
        names.append(dimensionName(d));
    return names;
}

bool Aggregator::groupsSubFundFlows(Dimension dimension)
{
    // An investee row is the sub-fund itself, so its inflows belong in it (look-through starts there).
    return dimension == Dimension::Phase || dimension == Dimension::Fund || dimension == Dimension::Investee;
}

QString Aggregator::rateText(double rate)
{
    return QString::number(rate, 'g', 12);
}

QString Aggregator::baseCurrency(const Filter &filter)
{
    return filter.currency.isEmpty() ? QStringLiteral("CNY") : filter.currency.toUpper();
}

void Aggregator::sortRows(AggregateResult &out)
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
