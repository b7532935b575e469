#pragma once

#include "ColumnAllocator.h"
#include "Filter.h"

#include <QHash>
#include <QMutex>
#include <QList>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <vector>

class Database;
struct sqlite3;
struct sqlite3_stmt;

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
        /// What the three sums above leave out (see ExactSum): the amounts are summed as
        /// double-doubles, so the rounded sums do not depend on the order of the rows.
        double investedTail = 0;
        double committedTail = 0;
        double divestedTail = 0;
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
        Column<Group> groups;    ///< unordered; a Column: fifty thousand groups are 7 MB
        Group totals;
        Group subFundFlows;
        QStringList ratesUsed;   ///< "USD 2019: 6.8985", sorted
        QStringList ratesMissing; ///< "HKD 2026", "USD (date unknown)", sorted
    };

    /// Up to this many disbursements (DisbursementRepository::tableRows()) a grouping by SQL
    /// answers about as fast as loading the cache; above it, load the cache and group from it
    /// (at a million rows: ~0.25 s to load + ~15 ms a grouping, against 5-9 s a grouping by SQL).
    /// `fundscope summary` and AnalyticsService decide by it.
    static constexpr qint64 SqlFallbackLimit = 50000;

    /// From this many rows (by the largest rowid) load() reads the table on two threads, in
    /// chunks of rowids that a second connection to the same file and this one take in turn. It
    /// does so only when the file is a file, the connection is not inside a transaction (the
    /// second could not see its changes) and the machine has two cores; the result is the same
    /// either way. From this many loaded rows, the rows are placed, and a grouping pass sums
    /// them, in two halves on two threads.
    static constexpr qint64 SplitFrom = 200000;

    /// Reads the disbursements and everything the groupings need, in one snapshot. Replaces what
    /// was loaded before; false with *error (naming the file) on failure, and then not loaded.
    /// `splitFrom` overrides SplitFrom, for the load and the passes over what it loaded (tests
    /// force both splits on small data with 1).
    bool load(Database &db, QString *error, qint64 splitFrom = SplitFrom);
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
    struct Partial;
    struct Raw;
    class HelperConnection;

    /// Row id -> dense index. Ids are nearly always dense (1..n with a few gaps), so an array
    /// indexed by the id answers without hashing; ids spread far wider than their count (a stray
    /// huge id) fall back to a hash, so they cannot cost gigabytes.
    class IdIndex
    {
    public:
        void build(const std::vector<qint64> &ids);
        void clear();
        /// The dense index of `id`; -1 when there is none.
        int32_t find(qint64 id) const
        {
            if (m_dense)
                return id >= 0 && quint64(id) < quint64(m_byId.size()) ? m_byId[size_t(id)] : -1;
            return m_sparse.value(id, -1);
        }

    private:
        bool m_dense = true;
        std::vector<int32_t> m_byId;
        QHash<qint64, int32_t> m_sparse;
    };

    bool readDisbursements(Database &db, HelperConnection *helper, QString *error);
    bool readRows(sqlite3_stmt *stmt, qint64 fromRowid, qint64 toRowid, Column<Raw> &raw, QString *error) const;
    bool admits(const Masks &masks, size_t row) const;
    static void joinInto(Partial &lower, const Partial &upper);
    bool buildMasks(Database &db, const Filter &filter, Masks &masks, QString *error) const;

    mutable QMutex m_namesMutex;
    mutable QHash<int, NameMemo> m_names;

    bool m_loaded = false;
    qint64 m_passSplitFrom = SplitFrom;
    // Per row, rows ordered by investee so that distinct-investee counts need no sets.
    Column<int32_t> m_investee; ///< dense investee index
    Column<int32_t> m_phase; ///< dense phase index
    Column<int32_t> m_dateKey; ///< yyyymmdd with 00 for missing parts; -1 = unknown
    Column<int16_t> m_year; ///< 0 = unknown
    int m_latestYear = 0;   ///< the largest in m_year
    Column<uint8_t> m_type; ///< index into typeWords()
    Column<uint8_t> m_status;
    Column<uint8_t> m_confidence;
    Column<uint8_t> m_currency; ///< index into m_currencyCodes; 255 = undisclosed
    Column<double> m_valueCny; ///< NaN when undisclosed or a rate is missing
    Column<double> m_valueUsd;
    Column<float> m_stake; ///< NaN when not reported

    // Per investee (dense index).
    std::vector<qint64> m_investeeId;
    std::vector<qint64> m_investeeSector;
    std::vector<qint64> m_investeeSegment;
    std::vector<qint64> m_investeeRegion;  ///< the grouping region: province, else city's parent, else country
    std::vector<qint64> m_investeeCountry;
    std::vector<qint64> m_investeeProvince;
    std::vector<qint64> m_investeeCity;
    std::vector<uint8_t> m_investeeIsFund;
    IdIndex m_investeeIndex;

    // Per phase (dense index).
    std::vector<qint64> m_phaseId;
    std::vector<qint64> m_phaseFund;
    IdIndex m_phaseIndex;

    QStringList m_currencyCodes;
    QHash<QString, double> m_rates;     ///< "USD 2019" -> CNY per unit
};
