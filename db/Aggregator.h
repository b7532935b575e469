#pragma once

#include "Filter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class AggregationCache;
class Database;

/// What the aggregation groups money by.
/// Investee groups by the receiving company or sub-fund (the Holdings and Investees pages); City by
/// the investee's city (the region chart's drill-down), with its province as parent.
enum class Dimension { Sector, Segment, Region, Phase, Fund, Year, Investee, City };

/// One group of the aggregate, or the totals, or the flows into sub-funds. Amounts are in major
/// units of the base currency. The three measures are never added to each other.
struct AggregateRow
{
    /// The group's row id: sectors.id, segments.id, regions.id (a province, or a country for
    /// investees outside China and for China without a province), phases.id, funds.id; the year
    /// for Dimension::Year. -1 for a group whose key is unknown (no sector, no date, ...), for
    /// the totals and for the sub-fund flows.
    qint64 keyId = -1;
    /// The id one level up, for drilling down: a segment's sector, a phase's fund, a province's
    /// country; -1 otherwise.
    qint64 parentId = -1;
    QString key; ///< English name; phase: "<fund> / <label>"; segment: "<sector> / <segment>"
    QString keyZh; ///< Chinese name (the English one where no Chinese name is stored)
    double invested = 0; ///< disbursement, equity purchase, loan, grant
    double committed = 0; ///< commitment
    double divested = 0; ///< equity sale
    qint64 events = 0; ///< every event in the group, including undisclosed and rate-less ones
    qint64 investees = 0; ///< distinct investees
    qint64 undisclosed = 0; ///< events without an amount: in events, not in any amount
    qint64 withoutRate = 0; ///< events whose amount could not be converted: in events, not in amounts
    // Filled only by the in-memory aggregator (ColumnAggregator):
    qint64 funds = 0; ///< distinct paying funds (Dimension::Investee)
    QString firstDate; ///< earliest dated event, at its precision
    QString lastDate; ///< latest dated event
    std::optional<double> latestStake; ///< stake % of the latest dated event that reports one
    /// With AggregateRequest::bySector: the sector of this part (-1 none), or SubFundsPart for
    /// the flows into sub-funds, which have no sector of their own.
    qint64 sectorId = -1;
    static constexpr qint64 SubFundsPart = -2;

    bool operator==(const AggregateRow &) const = default;
};

/// One grouping of Aggregator::aggregateMany().
struct AggregateRequest
{
    Dimension dimension = Dimension::Sector;
    /// Split each group by the investees' sector (stacked charts); only the in-memory aggregator can.
    bool bySector = false;
    /// Leave flows into sub-funds out of the groups even where the dimension would keep them
    /// (top recipients among companies); only the in-memory aggregator can.
    bool companiesOnly = false;
    /// Keep only the `limit` groups that invested most (0 = all); totals still cover everything.
    int limit = 0;
};

/// The whole answer to one request.
struct AggregateResult
{
    Dimension dimension = Dimension::Sector;
    QString currency; ///< the base currency of every amount
    QList<AggregateRow> rows; ///< by invested descending (Dimension::Year: by year, unknown last)
    /// Everything the rows hold (investees distinct over all rows). Equal to the sums over the
    /// rows, except investees, which may appear in several groups.
    AggregateRow totals;
    /// Flows into sub-funds (investees of kind 'fund') under the same filter. For Phase and Fund
    /// they are in the rows and the totals, as their payers' outflows; for Sector, Segment, Region
    /// and Year they are left out of both (the sub-funds' own investments reach the companies)
    /// and only reported here, so no money counts twice.
    AggregateRow subFundFlows;
    bool subFundFlowsInRows = false;
    /// The rates the amounts were converted at, "USD 2019: 6.8985" (CNY per unit), sorted.
    QStringList ratesUsed;
    /// The rates that were needed but missing, "HKD 2026", "USD (date unknown)", sorted.
    QStringList ratesMissing;
};

/// Groups disbursements by a Dimension under a Filter, in the filter's base currency
/// (Filter::currency: CNY, or any currency with yearly rates, such as USD).
///
/// Conversion: amount_minor / 10^minor_digits is the amount in its own currency; times the
/// currency's cny_per_unit of the value date's year gives CNY; divided by the base currency's
/// cny_per_unit of the same year gives the base. An amount already in the base currency needs no
/// rate. An event that needs a rate which is missing (or whose date is unknown) is counted in
/// withoutRate, never dropped or counted as zero; an undisclosed amount is counted in undisclosed.
/// Cancelled events are left out unless Filter::statuses asks for them.
///
/// Two implementations give the same groups to the cent (tst_aggregationcache compares them):
/// AggregationEngine groups in SQL, ColumnAggregator in one pass over a loaded AggregationCache.
/// Callers take the one choose() gives.
class Aggregator
{
public:
    virtual ~Aggregator() = default;

    /// Several groupings under one filter, one result per request in request order. On failure
    /// returns false with *error naming the file and what went wrong.
    virtual bool aggregateMany(const QList<AggregateRequest> &requests, const Filter &filter,
                               QList<AggregateResult> *results, QString *error) const = 0;

    /// One grouping: aggregateMany() with a single plain request.
    bool aggregate(Dimension dimension, const Filter &filter, AggregateResult *result, QString *error) const;

    /// The aggregator for a filter in `currency` (Filter::currency): the in-memory one when
    /// `cache` is loaded and can answer in that currency, otherwise SQL. The one place the choice
    /// is made; the aggregator refers to `db` and `cache`, which must outlive it.
    static std::unique_ptr<Aggregator> choose(Database &db, const AggregationCache *cache, const QString &currency);

    /// "sector", "segment", "region", "phase", "fund", "year", "investee".
    static QString dimensionName(Dimension dimension);
    /// The inverse of dimensionName (case-insensitive); nullopt for anything else.
    static std::optional<Dimension> parseDimension(const QString &name);
    /// Every dimension name, in enum order.
    static QStringList dimensionNames();
    /// True when flows into sub-funds count inside the groups (Phase, Fund, Investee).
    static bool groupsSubFundFlows(Dimension dimension);
    /// A rate as ratesUsed spells it.
    static QString rateText(double rate);

protected:
    /// The base currency of a filter: its currency in capitals, CNY when it names none.
    static QString baseCurrency(const Filter &filter);
    /// Orders the rows as AggregateResult::rows promises.
    static void sortRows(AggregateResult &result);
};
