#pragma once

#include "Aggregator.h"
#include "ColumnStore.h"

#include <QList>
#include <QStringList>

#include <cstdint>

class FilterMask;

/// One pass over the rows of a ColumnStore that a FilterMask admits, summing every requested
/// grouping at once (the dashboard's charts), the totals, the flows into sub-funds and the rates
/// met. Amounts are summed as double-doubles (ExactSum), so the sums do not depend on the order
/// of the rows, and equal SQL's to the cent. From ColumnStore::passSplitFrom rows the pass runs
/// in two halves on two threads, joined as one pass would have summed them.
class GroupingPass
{
public:
    /// One group's sums, keyed by row id (the year for Dimension::Year; -1 = unknown). The
    /// working form of an AggregateRow: ColumnAggregator names the groups and rounds the sums.
    struct Group
    {
        qint64 keyId = -1;
        qint64 parentId = -1;
        double invested = 0;
        double committed = 0;
        double divested = 0;
        /// What the three sums above leave out (see ExactSum).
        double investedTail = 0;
        double committedTail = 0;
        double divestedTail = 0;
        qint64 events = 0;
        qint64 investees = 0;
        qint64 undisclosed = 0;
        qint64 withoutRate = 0;
        qint64 funds = 0; ///< distinct paying funds (Dimension::Investee only)
        int32_t firstDate = -1; ///< earliest dated event as a ColumnStore::dateKey; -1 none
        int32_t lastDate = -1;
        double latestStake = -1; ///< stake % of the latest dated event that reports one; -1 none
        int32_t latestStakeDate = -1;
        qint64 sectorId = -1; ///< with AggregateRequest::bySector: the sector this part of the group is
    };

    /// What the pass gives for one request. Flows into sub-funds are in the groups and the
    /// totals where the request keeps them there (Aggregator::groupsSubFundFlows and not
    /// companiesOnly); otherwise only in subFundFlows.
    struct Output
    {
        Column<Group> groups; ///< unordered; a Column, as there can be tens of thousands
        Group totals;
        Group subFundFlows;
        QStringList ratesUsed; ///< "USD 2019: 6.8985", sorted
        QStringList ratesMissing; ///< "HKD 2026", "USD (date unknown)", sorted
    };

    /// One Output per request, in request order (AggregateRequest::limit is not applied here);
    /// amounts in USD when `usd`, otherwise in CNY.
    static QList<Output> run(const ColumnStore &store, const FilterMask &mask, const QList<AggregateRequest> &requests,
                             bool usd);
};
