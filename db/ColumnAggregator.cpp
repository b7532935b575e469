#include "ColumnAggregator.h"

#include "AggregationCache.h"
#include "AggregationNames.h"
#include "Database.h"
#include "FilterMask.h"
#include "GroupingPass.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

namespace {

AggregateRow fromGroup(const GroupingPass::Group &g)
{
    AggregateRow row;
    row.keyId = g.keyId;
    row.parentId = g.parentId;
    row.invested = g.invested;
    row.committed = g.committed;
    row.divested = g.divested;
    row.events = g.events;
    row.investees = g.investees;
    row.undisclosed = g.undisclosed;
    row.withoutRate = g.withoutRate;
    row.funds = g.funds;
    row.firstDate = ColumnStore::dateText(g.firstDate);
    row.lastDate = ColumnStore::dateText(g.lastDate);
    if (g.latestStake >= 0)
        row.latestStake = g.latestStake;
    row.sectorId = g.sectorId;
    return row;
}

} // namespace

bool ColumnAggregator::aggregateMany(const QList<AggregateRequest> &requests, const Filter &filter,
                                     QList<AggregateResult> *results, QString *error) const
{
    results->clear();
    if (!m_cache.isLoaded()) {
        *error = QCoreApplication::translate("AggregationCache", "the aggregation cache is not loaded");
        return false;
    }
    FilterMask mask;
    if (!mask.build(m_db, m_cache.store(), filter, error))
        return false;
    const QString base = baseCurrency(filter);
    QList<GroupingPass::Output> passes
        = GroupingPass::run(m_cache.store(), mask, requests, filter.currency == QLatin1String("USD"));
    for (qsizetype r = 0; r < requests.size(); ++r) {
        GroupingPass::Output &part = passes[r];
        AggregateResult out;
        out.dimension = requests.at(r).dimension;
        out.currency = base;
        out.subFundFlowsInRows = groupsSubFundFlows(out.dimension) && !requests.at(r).companiesOnly;
        out.totals = fromGroup(part.totals);
        out.totals.keyId = -1;
        out.totals.key = QStringLiteral("Total");
        out.totals.keyZh = QStringLiteral("合计");
        out.subFundFlows = fromGroup(part.subFundFlows);
        out.subFundFlows.keyId = -1;
        out.subFundFlows.key = QStringLiteral("Flows into sub-funds");
        out.subFundFlows.keyZh = QStringLiteral("投向子基金的资金");
        out.ratesUsed = std::move(part.ratesUsed);
        out.ratesMissing = std::move(part.ratesMissing);
        const Column<GroupingPass::Group> &groups = part.groups;
        const int limit = requests.at(r).limit;
        if (limit > 0 && groups.size() > size_t(limit)) {
            // Only the largest groups are named and sorted: naming is the costly part. Chosen
            // by index (the group met first wins a tie) rather than in a copy of the groups,
            // which would fault in fresh pages on the first pass after a load.
            std::vector<size_t> order(groups.size());
            std::iota(order.begin(), order.end(), size_t(0));
            std::nth_element(order.begin(), order.begin() + limit, order.end(), [&groups](size_t a, size_t b) {
                const double x = groups[a].invested;
                const double y = groups[b].invested;
                return x > y || (x == y && a < b);
            });
            order.resize(size_t(limit));
            out.rows.reserve(limit);
            for (const size_t g : order)
                out.rows.append(fromGroup(groups[g]));
        } else {
            out.rows.reserve(qsizetype(groups.size()));
            for (const GroupingPass::Group &g : groups)
                out.rows.append(fromGroup(g));
        }
        if (!AggregationNames::nameRows(m_db, m_cache, out.dimension, &out, error))
            return false;
        sortRows(out);
        results->append(std::move(out));
    }
    return true;
}
