#pragma once

#include "Aggregator.h"

class AggregationCache;
class Database;

/// The in-memory implementation of Aggregator: every request in one GroupingPass over a loaded
/// AggregationCache (the filter becomes a FilterMask), then only the groups kept are named
/// (AggregationNames, remembered with the cache) and sorted. Answers in CNY and USD only
/// (AggregationCache::supportsCurrency); `db` resolves the filter's text and regions and names
/// the groups.
class ColumnAggregator : public Aggregator
{
public:
    ColumnAggregator(Database &db, const AggregationCache &cache)
        : m_db(db)
        , m_cache(cache)
    {
    }

    bool aggregateMany(const QList<AggregateRequest> &requests, const Filter &filter,
                       QList<AggregateResult> *results, QString *error) const override;

private:
    Database &m_db;
    const AggregationCache &m_cache;
};
