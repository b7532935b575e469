#pragma once

#include "Aggregator.h"

class Database;

/// The SQL implementation of Aggregator: each grouping is one GROUP BY over the disbursements
/// (FilterSql builds the WHERE clause), amounts summed exactly by a function it registers on the
/// connection. Needs nothing loaded, so it answers at once on any database; it cannot split
/// groups by sector or leave sub-fund flows out of Phase and Fund (AggregateRequest::bySector,
/// companiesOnly), and it returns every group (AggregateRequest::limit is not applied).
class AggregationEngine : public Aggregator
{
public:
    explicit AggregationEngine(Database &db)
        : m_db(db)
    {
    }

    bool aggregateMany(const QList<AggregateRequest> &requests, const Filter &filter,
                       QList<AggregateResult> *results, QString *error) const override;

private:
    bool aggregateOne(Dimension dimension, const Filter &filter, AggregateResult *result, QString *error) const;

    Database &m_db;
};
