#include "GroupingPass.h"

#include "Aggregator.h"
#include "ExactSum.h"
#include "FilterMask.h"

#include <QHash>
#include <QSemaphore>
#include <QSet>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <exception>
#include <numeric>
#include <thread>

namespace {

using Group = GroupingPass::Group;

// sum (with its tail) += x, as an ExactSum.
inline void addExactly(double &sum, double &tail, double x)
{
    ExactSum s(sum, tail);
    s.add(x);
    sum = s.value();
    tail = s.tail();
}

inline void addExactly(double &sum, double &tail, double partSum, double partTail)
{
    ExactSum s(sum, tail);
    s.add(ExactSum(partSum, partTail));
    sum = s.value();
    tail = s.tail();
}

// Inlined: it runs once a row for the totals and once for each grouping.
[[gnu::always_inline]] inline void accumulate(Group &g, int measure, double value, bool undisclosed)
{
    ++g.events;
    if (undisclosed)
        ++g.undisclosed;
    else if (std::isnan(value))
        ++g.withoutRate;
    else if (measure == ColumnStore::MeasureCommitment)
        addExactly(g.committed, g.committedTail, value);
    else if (measure == ColumnStore::MeasureEquitySale)
        addExactly(g.divested, g.divestedTail, value);
    else
        addExactly(g.invested, g.investedTail, value);
}

void addInto(Group &sum, const Group &part)
{
    addExactly(sum.invested, sum.investedTail, part.invested, part.investedTail);
    addExactly(sum.committed, sum.committedTail, part.committed, part.committedTail);
    addExactly(sum.divested, sum.divestedTail, part.divested, part.divestedTail);
    sum.events += part.events;
    sum.investees += part.investees;
    sum.undisclosed += part.undisclosed;
    sum.withoutRate += part.withoutRate;
}


// One grouping's working state during the pass: a dense index per row (from a per-investee,
// per-phase or per-year table, times the sector split when asked) maps to its group, so the pass
// itself does no hashing.
struct Pass
{
    Dimension key = Dimension::Sector;
    bool bySector = false;
    bool subFundFlowsInGroups = false;
    bool byInvestee = false;
    bool byPhase = false;
    std::vector<int32_t> baseOfInvestee; ///< byInvestee: the investee's base index
    std::vector<int32_t> baseOfPhase;    ///< byPhase: the phase's base index
    std::vector<qint64> keyOfBase;
    std::vector<qint64> parentOfBase;
    int32_t sectorCount = 1;
    std::vector<int32_t> groupOfDense;   ///< -1 until the group is first seen
    Column<Group> groups;
    std::vector<size_t> denseOfGroup;    ///< per group: its dense index (joining two halves)
    std::vector<int32_t> lastInvestee;   ///< per group (by phase or year): the investee last counted
    std::vector<int32_t> lastInvesteeOfFund; ///< by investee: per fund, the investee last counted
};

// What a pass over a range of rows sums: every grouping's groups, the totals, the flows into
// sub-funds and the rates met. Two ranges split between two investees are summed apart and
// joined (joinInto): no investee has rows in both, so distinct counts add up.
struct Partial
{
    std::vector<Pass> passes;
    Group totals;       ///< rows into companies
    Group subFundFlows; ///< rows into sub-funds
    std::vector<uint8_t> seenRate; ///< [currency][year]: a row needed that rate
};


// The thread that sums a pass's upper half: one kept for the process rather than one started
// per pass, so its malloc arena keeps the memory of the last pass's groups for the next. Fresh
// pages cost a fault each, and a large pass builds many megabytes of groups.
QThreadPool &passHelper()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1);
        return p;
    }();
    return *pool;
}

// `later` into `group`, as if its rows had been summed after the group's own.
void joinGroup(Group &group, const Group &later)
{
    addInto(group, later);
    group.funds += later.funds;
    if (later.firstDate >= 0 && (group.firstDate < 0 || later.firstDate < group.firstDate))
        group.firstDate = later.firstDate;
    group.lastDate = std::max(group.lastDate, later.lastDate);
    // A later row with an equal date wins, as in one pass.
    if (later.latestStakeDate >= 0 && later.latestStakeDate >= group.latestStakeDate) {
        group.latestStakeDate = later.latestStakeDate;
        group.latestStake = later.latestStake;
    }
}


void joinInto(Partial &lower, const Partial &upper)
{
    joinGroup(lower.totals, upper.totals);
    joinGroup(lower.subFundFlows, upper.subFundFlows);
    for (size_t i = 0; i < lower.seenRate.size(); ++i)
        lower.seenRate[i] |= upper.seenRate[i];
    for (size_t k = 0; k < lower.passes.size(); ++k) {
        Pass &into = lower.passes[k];
        const Pass &from = upper.passes[k];
        // Groups first met in the upper half follow the lower half's, in the order met: the
        // order one pass gives (which ties in the later sort keep).
        for (size_t g = 0; g < from.groups.size(); ++g) {
            const size_t dense = from.denseOfGroup[g];
            const int32_t slot = into.groupOfDense[dense];
            if (slot >= 0) {
                joinGroup(into.groups[size_t(slot)], from.groups[g]);
            } else {
                into.groupOfDense[dense] = int32_t(into.groups.size());
                into.groups.push_back(from.groups[g]);
                into.denseOfGroup.push_back(dense);
            }
        }
    }
}

} // namespace

QList<GroupingPass::Output> GroupingPass::run(const ColumnStore &store, const FilterMask &m,
                                             const QList<AggregateRequest> &requests, bool usd)
{
    const uint8_t base = uint8_t(store.currencyCodes.indexOf(usd ? QStringLiteral("USD") : QStringLiteral("CNY")));
    const Column<double> &values = usd ? store.valueUsd : store.valueCny;

    // Sectors as a small dense index (0 = none, 1 = the sub-funds' part) for the optional split
    // by sector.
    QHash<qint64, int32_t> sectorIndex;
    std::vector<qint64> sectorOfIndex { -1, AggregateRow::SubFundsPart };
    std::vector<int32_t> investeeSectorIndex(store.investeeId.size(), 0);
    for (size_t i = 0; i < store.investeeId.size(); ++i) {
        if (store.investeeIsFund[i]) {
            investeeSectorIndex[i] = 1;
            continue;
        }
        const qint64 sector = store.investeeSector[i];
        if (sector < 0)
            continue;
        auto it = sectorIndex.constFind(sector);
        if (it == sectorIndex.constEnd()) {
            it = sectorIndex.insert(sector, int32_t(sectorOfIndex.size()));
            sectorOfIndex.push_back(sector);
        }
        investeeSectorIndex[i] = *it;
    }

    std::vector<Pass> passes(size_t(requests.size()));
    qint64 maxFund = 0;
    for (qint64 fund : store.phaseFund)
        maxFund = std::max(maxFund, fund);
    for (qsizetype r = 0; r < requests.size(); ++r) {
        Pass &p = passes[size_t(r)];
        const AggregateRequest &request = requests.at(r);
        p.key = request.dimension;
        p.bySector = request.bySector;
        p.subFundFlowsInGroups = Aggregator::groupsSubFundFlows(request.dimension) && !request.companiesOnly;
        const Dimension key = p.key;
        p.byInvestee = key == Dimension::Sector || key == Dimension::Segment || key == Dimension::Region || key == Dimension::Investee
                || key == Dimension::City;
        p.byPhase = key == Dimension::Phase || key == Dimension::Fund;
        QHash<QPair<qint64, qint64>, int32_t> baseOf;
        auto baseFor = [&](qint64 keyId, qint64 parentId) {
            const auto pair = qMakePair(keyId, parentId);
            auto it = baseOf.constFind(pair);
            if (it == baseOf.constEnd()) {
                it = baseOf.insert(pair, int32_t(p.keyOfBase.size()));
                p.keyOfBase.push_back(keyId);
                p.parentOfBase.push_back(parentId);
            }
            return *it;
        };
        if (key == Dimension::Investee) {
            // Ids are unique: each investee is its own base, without a hash insert per investee
            // in every pass that groups by investee.
            p.baseOfInvestee.resize(store.investeeId.size());
            std::iota(p.baseOfInvestee.begin(), p.baseOfInvestee.end(), 0);
            p.keyOfBase = store.investeeId;
            p.parentOfBase.assign(store.investeeId.size(), -1);
        } else if (p.byInvestee) {
            p.baseOfInvestee.resize(store.investeeId.size());
            for (size_t i = 0; i < store.investeeId.size(); ++i) {
                switch (key) {
                case Dimension::Sector: p.baseOfInvestee[i] = baseFor(store.investeeSector[i], -1); break;
                case Dimension::Segment: p.baseOfInvestee[i] = baseFor(store.investeeSegment[i], store.investeeSector[i]); break;
                case Dimension::Region: p.baseOfInvestee[i] = baseFor(store.investeeRegion[i], -1); break;
                case Dimension::City:
                default: p.baseOfInvestee[i] = baseFor(store.investeeCity[i], -1); break;
                }
            }
        } else if (p.byPhase) {
            p.baseOfPhase.resize(store.phaseId.size());
            for (size_t ph = 0; ph < store.phaseId.size(); ++ph)
                p.baseOfPhase[ph] = key == Dimension::Phase ? baseFor(store.phaseId[ph], store.phaseFund[ph])
                                                      : baseFor(store.phaseFund[ph], -1);
        } else {
            // Years: base index = the year itself (0 = unknown), up to the latest loaded.
            p.keyOfBase.resize(size_t(store.latestYear) + 1);
            p.parentOfBase.assign(p.keyOfBase.size(), -1);
            for (size_t y = 0; y < p.keyOfBase.size(); ++y)
                p.keyOfBase[y] = y == 0 ? -1 : qint64(y);
        }
        p.sectorCount = p.bySector ? int32_t(sectorOfIndex.size()) : 1;
        p.groupOfDense.assign(p.keyOfBase.size() * size_t(p.sectorCount), -1);
        if (key == Dimension::Investee)
            p.lastInvesteeOfFund.assign(size_t(maxFund) + 1, -1);
    }

    constexpr int MaxCurrencies = 64;
    constexpr int Years = 3000;
    Partial whole;
    whole.passes = std::move(passes);
    whole.seenRate.assign(size_t(MaxCurrencies) * Years, 0);

    // The group of pass `p` for a row of investee `inv` with base index `baseIndex`, created when
    // first met; its slot in p.groups.
    const auto slotOf = [&](Pass &p, int32_t baseIndex, int32_t inv) {
        const size_t dense = size_t(baseIndex) * size_t(p.sectorCount)
                + (p.bySector ? size_t(investeeSectorIndex[size_t(inv)]) : 0);
        int32_t slot = p.groupOfDense[dense];
        if (slot < 0) {
            Group g;
            g.keyId = p.keyOfBase[size_t(baseIndex)];
            g.parentId = p.parentOfBase[size_t(baseIndex)];
            if (p.bySector)
                g.sectorId = sectorOfIndex[size_t(investeeSectorIndex[size_t(inv)])];
            slot = int32_t(p.groups.size());
            p.groups.push_back(g);
            p.groupOfDense[dense] = slot;
            p.denseOfGroup.push_back(dense);
            p.lastInvestee.push_back(-1);
        }
        return size_t(slot);
    };
    // A dated row's date (and stake) in its group: first, last, and the stake of the latest row
    // that reports one (a later row with an equal date wins).
    const auto noteDate = [](Group &g, int32_t date, float stake) {
        if (date < 0)
            return;
        if (g.firstDate < 0 || date < g.firstDate)
            g.firstDate = date;
        if (date > g.lastDate)
            g.lastDate = date;
        if (!std::isnan(stake) && date >= g.latestStakeDate) {
            g.latestStakeDate = date;
            g.latestStake = stake;
        }
    };

    // Sums the admitted rows in [from, to) into `part`, one investee's run of rows at a time
    // (the rows are in investee order). A grouping keyed by something of the investee's (sector,
    // segment, region, city, the investee itself) has one group for the whole run: the run is
    // summed once and joined into that group and the totals, as joinInto() joins two halves,
    // instead of every row being added to each of them. Groupings by phase or year take each row.
    const auto sum = [&](Partial &part, size_t from, size_t to) {
        // Room for every group the pass can meet, asked for once: grown by doubling, the groups
        // were copied and their fresh pages faulted in again at every step. Only the pages
        // written are touched, and large blocks come as huge pages (ColumnAllocator).
        for (Pass &p : part.passes) {
            const size_t most = std::min(p.groupOfDense.size(), store.investee.size());
            p.groups.reserve(most);
            p.denseOfGroup.reserve(most);
            p.lastInvestee.reserve(most);
        }
        std::vector<Pass *> byRun;
        std::vector<Pass *> byRow;
        Pass *countsFunds = nullptr; // the grouping by investee, which counts paying funds
        for (Pass &p : part.passes) {
            (p.byInvestee ? byRun : byRow).push_back(&p);
            if (!p.lastInvesteeOfFund.empty())
                countsFunds = &p;
        }
        for (size_t r = from; r < to;) {
            const int32_t inv = store.investee[r];
            size_t end = r + 1;
            while (end < to && store.investee[end] == inv)
                ++end;
            if (!m.admitsInvestee(inv)) {
                r = end;
                continue;
            }
            const bool sub = store.investeeIsFund[size_t(inv)];
            Group run;
            qint64 runFunds = 0;
            for (; r < end; ++r) {
                if (!m.admits(store, r))
                    continue;
                const int32_t ph = store.phase[r];
                const int32_t date = store.dateKeys[r];
                const float stake = store.stake[r];
                const uint8_t currency = store.currency[r];
                const bool undisclosed = currency == ColumnStore::Undisclosed;
                const double value = values[r];
                const int measure = store.type[r];
                if (!undisclosed && currency != base && currency < MaxCurrencies)
                    part.seenRate[size_t(currency) * Years + size_t(store.year[r])] = 1;
                accumulate(run, measure, value, undisclosed);
                noteDate(run, date, stake);
                if (countsFunds) {
                    int32_t &seen = countsFunds->lastInvesteeOfFund[size_t(store.phaseFund[size_t(ph)])];
                    if (seen != inv) {
                        seen = inv;
                        ++runFunds;
                    }
                }
                for (Pass *p : byRow) {
                    if (sub && !p->subFundFlowsInGroups)
                        continue;
                    const size_t slot = slotOf(*p, p->byPhase ? p->baseOfPhase[size_t(ph)] : int32_t(store.year[r]), inv);
                    Group &g = p->groups[slot];
                    accumulate(g, measure, value, undisclosed);
                    if (p->lastInvestee[slot] != inv) {
                        p->lastInvestee[slot] = inv;
                        ++g.investees;
                    }
                    noteDate(g, date, stake);
                }
            }
            if (run.events == 0)
                continue;
            run.investees = 1;
            addInto(sub ? part.subFundFlows : part.totals, run);
            for (Pass *p : byRun) {
                if (sub && !p->subFundFlowsInGroups)
                    continue;
                run.funds = p == countsFunds ? runFunds : 0;
                joinGroup(p->groups[slotOf(*p, p->baseOfInvestee[size_t(inv)], inv)], run);
            }
        }
    };

    // A large table is summed in two halves on two threads, split between two investees (the
    // rows are in investee order). The upper half's sums join the lower's as if summed after
    // them, so the result is the one a single pass gives.
    const size_t n = store.investee.size();
    size_t middle = n;
    if (qint64(n) >= store.passSplitFrom && n >= 2 && std::thread::hardware_concurrency() >= 2) {
        middle = n / 2;
        while (middle < n && store.investee[middle] == store.investee[middle - 1])
            ++middle;
    }
    if (middle < n) {
        Partial upper = whole; // the setup, nothing summed yet
        {
            // Out of memory on either thread: rethrown here once both have stopped.
            QSemaphore done;
            std::exception_ptr helperFailed;
            passHelper().start([&] {
                try {
                    sum(upper, middle, n);
                } catch (...) {
                    helperFailed = std::current_exception();
                }
                done.release();
            });
            try {
                sum(whole, 0, middle);
            } catch (...) {
                done.acquire(); // the helper still uses `upper` and `done`
                throw;
            }
            done.acquire();
            if (helperFailed)
                std::rethrow_exception(helperFailed);
        }
        joinInto(whole, upper);
    } else {
        sum(whole, 0, n);
    }
    const Group &totals = whole.totals;
    const Group &subFundFlows = whole.subFundFlows;
    const std::vector<uint8_t> &seenRate = whole.seenRate;

    // Rates, as AggregationEngine reports them: a row needing a missing rate names only what is
    // missing; otherwise the rates it was converted at.
    QSet<QString> used;
    QSet<QString> missing;
    const QString baseCode = store.currencyCodes.value(base);
    for (int c = 0; c < store.currencyCodes.size() && c < MaxCurrencies; ++c) {
        for (int y = 0; y < Years; ++y) {
            if (!seenRate[size_t(c) * Years + size_t(y)])
                continue;
            QStringList needUsed;
            QStringList needMissing;
            for (const QString &code : { store.currencyCodes.at(c), baseCode }) {
                if (code == QLatin1String("CNY"))
                    continue;
                if (y == 0) {
                    needMissing.append(code + QStringLiteral(" (date unknown)"));
                    continue;
                }
                const auto it = store.rates.constFind(code + QLatin1Char(' ') + QString::number(y));
                if (it == store.rates.constEnd())
                    needMissing.append(code + QLatin1Char(' ') + QString::number(y));
                else
                    needUsed.append(code + QLatin1Char(' ') + QString::number(y) + QStringLiteral(": ") + Aggregator::rateText(*it));
            }
            for (const QString &s : std::as_const(needMissing.isEmpty() ? needUsed : needMissing))
                (needMissing.isEmpty() ? used : missing).insert(s);
        }
    }
    QStringList ratesUsed(used.cbegin(), used.cend());
    QStringList ratesMissing(missing.cbegin(), missing.cend());
    ratesUsed.sort();
    ratesMissing.sort();

    QList<Output> results;
    for (Pass &p : whole.passes) {
        Output out;
        out.groups = std::move(p.groups);
        out.totals = totals;
        if (p.subFundFlowsInGroups)
            addInto(out.totals, subFundFlows);
        out.subFundFlows = subFundFlows;
        out.ratesUsed = ratesUsed;
        out.ratesMissing = ratesMissing;
        results.append(std::move(out));
    }
    return results;
}
