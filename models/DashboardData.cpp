#include "DashboardData.h"

#include "AnalyticsService.h"

#include <QHash>
#include <QSet>

qint64 DashboardData::fundCount() const
{
    QSet<qint64> funds;
    for (const AggregateRow &row : phasesBySector.rows) {
        if (row.events > 0 && row.parentId != -1)
            funds.insert(row.parentId);
    }
    return funds.size();
}

qint64 DashboardData::phaseCount() const
{
    QSet<qint64> phases;
    for (const AggregateRow &row : phasesBySector.rows) {
        if (row.events > 0 && row.keyId != -1)
            phases.insert(row.keyId);
    }
    return phases.size();
}

bool DashboardData::compute(const AnalyticsService &analytics, const QList<VocabularyItem> &sectorNames,
                            const QList<qint64> &provinceIds, const Filter &filter, DashboardData *data,
                            QString *error)
{
    // A segment picked inside one sector stays at segment level (one slice), not back at sectors.
    const bool oneSector = filter.sectors.size() == 1;
    const bool oneProvince = filter.regions.size() == 1 && provinceIds.contains(filter.regions.constFirst());
    const QList<AggregateRequest> requests = {
        { oneSector ? Dimension::Segment : Dimension::Sector, false, false },
        { oneProvince ? Dimension::City : Dimension::Region, false, false },
        { Dimension::Phase, true, false },
        { Dimension::Year, true, false },
        { Dimension::Investee, false, true, 25 },
    };
    QList<AggregateResult> results;
    if (!analytics.aggregateMany(requests, filter, &results, error))
        return false;
    DashboardData out;
    out.filter = filter;
    out.sectorNames = sectorNames;
    out.sectors = results.at(0);
    out.regions = results.at(1);
    out.phasesBySector = results.at(2);
    out.yearsBySector = results.at(3);
    out.investees = results.at(4);
    *data = std::move(out);
    return true;
}

QList<AggregateRow> DashboardData::collapse(const AggregateResult &bySector)
{
    QList<AggregateRow> rows;
    QHash<qint64, qsizetype> at;
    for (const AggregateRow &part : bySector.rows) {
        auto it = at.constFind(part.keyId);
        if (it == at.constEnd()) {
            AggregateRow row = part;
            row.sectorId = -1;
            at.insert(part.keyId, rows.size());
            rows.append(row);
            continue;
        }
        AggregateRow &row = rows[*it];
        row.invested += part.invested;
        row.committed += part.committed;
        row.divested += part.divested;
        row.events += part.events;
        row.undisclosed += part.undisclosed;
        row.withoutRate += part.withoutRate;
        // Investees are counted per sector part; an investee has one sector, so parts add up.
        row.investees += part.investees;
    }
    return rows;
}
