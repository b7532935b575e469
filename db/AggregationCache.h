#pragma once

#include "Filter.h"

#include <QHash>
#include <QMutex>
#include <QList>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <vector>

class Database;

/// A compact in-memory copy of the disbursement columns the dashboards group by (about 35 bytes
/// a row: ~35 MB at a million rows), with every amount already converted to CNY and USD at its
/// year's rate. A grouping under a filter is then one pass over plain arrays — a few
/// milliseconds at a million rows, where the same GROUP BY in SQLite takes 100 ms or more.
///
/// It answers exactly what AggregationEngine's SQL answers (tst_aggregationcache compares the
/// two); the engine uses it when it is loaded and the base currency is CNY or USD. Any write to
/// disbursements, investees, phases, regions or exchange rates makes it stale: reload it.
/// load() may run on a worker thread with that thread's own Database.
class AggregationCache
{
public:
    enum class Key { Sector, Segment, Region, Phase, Fund, Year, Investee, City };

    /// One group's sums, keyed by row id (the year for Key::Year; -1 = unknown).
    struct Group
    {
        qint64 keyId = -1;
        qint64 parentId = -1;
        double invested = 0;
        double committed = 0;
        double divested = 0;
        qint64 events = 0;
        qint64 investees = 0;
        qint64 undisclosed = 0;
        qint64 withoutRate = 0;
        qint64 funds = 0;           ///< distinct paying funds (Key::Investee only)
        int32_t firstDate = -1;     ///< earliest dated event as a date key (see dateText); -1 none
        int32_t lastDate = -1;
        double latestStake = -1;    ///< stake % of the latest dated event that reports one; -1 none
        int32_t latestStakeDate = -1;
        qint64 sectorId = -1;       ///< with Request::bySector: the sector this part of the group is
    };

    /// One grouping of a multi-grouping pass.
    struct Request
    {
        Key key = Key::Sector;
        bool bySector = false;            ///< split every group by the investee's sector too
        bool subFundFlowsInGroups = false;
    };

    struct Result
    {
        QList<Group> groups;     ///< unordered
        Group totals;
        Group subFundFlows;
        QStringList ratesUsed;   ///< "USD 2019: 6.8985", sorted
        QStringList ratesMissing; ///< "HKD 2026", "USD (date unknown)", sorted
    };

    bool load(Database &db, QString *error);
    bool isLoaded() const { return m_loaded; }
    qint64 rowCount() const { return qint64(m_investee.size()); }
    /// True when the cache can answer in this base currency.
    static bool supportsCurrency(const QString &currency);
    /// A date key back as ISO text at its precision ("2020", "2020-05", "2020-05-17").
    static QString dateText(int32_t key);

    /// Groups the filtered rows. Flows into sub-funds stay in the groups when
    /// subFundFlowsInGroups (phase, fund), otherwise they are only summed apart. `db` resolves
    /// the filter's text and region parts (small tables only).
    bool aggregate(Database &db, Key key, const Filter &filter, bool subFundFlowsInGroups, Result *result,
                   QString *error) const;

    /// A group's display name, remembered per grouping dimension by AggregationEngine.
    struct GroupName
    {
        QString key;
        QString keyZh;
        qint64 parentId = -1;
    };
    using NameMemo = QHash<QPair<qint64, qint64>, GroupName>;
    /// Runs `use` on the name memo of one dimension (an int the engine chooses) under a lock:
    /// names live as long as the cache, which is reloaded after any write.
    template<typename Use>
    void withNames(int dimension, Use use) const
    {
        QMutexLocker lock(&m_namesMutex);
        use(m_names[dimension]);
    }

    /// How many disbursements the filter admits: the same count as SQL's, without the random
    /// table reads SQLite needs to check a status behind a date or fund index.
    bool count(Database &db, const Filter &filter, qint64 *count, QString *error) const;

    /// Several groupings in one pass over the rows (the dashboard's charts at once), each result
    /// as aggregate() would give it.
    bool aggregateMany(Database &db, const QList<Request> &requests, const Filter &filter, QList<Result> *results,
                       QString *error) const;

private:
    struct Masks;
    struct Pass;
    bool admits(const Masks &masks, size_t row) const;
    bool buildMasks(Database &db, const Filter &filter, Masks &masks, QString *error) const;

    mutable QMutex m_namesMutex;
    mutable QHash<int, NameMemo> m_names;

    bool m_loaded = false;
    // Per row, rows ordered by investee so that distinct-investee counts need no sets.
    std::vector<int32_t> m_investee;   ///< dense investee index
    std::vector<int32_t> m_phase;      ///< dense phase index
    std::vector<int32_t> m_dateKey;    ///< yyyymmdd with 00 for missing parts; -1 = unknown
    std::vector<int16_t> m_year;       ///< 0 = unknown
    std::vector<uint8_t> m_type;       ///< index into typeWords()
    std::vector<uint8_t> m_status;
    std::vector<uint8_t> m_confidence;
    std::vector<uint8_t> m_currency;   ///< index into m_currencyCodes; 255 = undisclosed
    std::vector<double> m_valueCny;    ///< NaN when undisclosed or a rate is missing
    std::vector<double> m_valueUsd;
    std::vector<float> m_stake;        ///< NaN when not reported

    // Per investee (dense index).
    std::vector<qint64> m_investeeId;
    std::vector<qint64> m_investeeSector;
    std::vector<qint64> m_investeeSegment;
    std::vector<qint64> m_investeeRegion;  ///< the grouping region: province, else city's parent, else country
    std::vector<qint64> m_investeeCountry;
    std::vector<qint64> m_investeeProvince;
    std::vector<qint64> m_investeeCity;
    std::vector<uint8_t> m_investeeIsFund;
    QHash<qint64, int32_t> m_investeeIndex;

    // Per phase (dense index).
    std::vector<qint64> m_phaseId;
    std::vector<qint64> m_phaseFund;
    QHash<qint64, int32_t> m_phaseIndex;

    QStringList m_currencyCodes;
    QHash<QString, double> m_rates;     ///< "USD 2019" -> CNY per unit
};
