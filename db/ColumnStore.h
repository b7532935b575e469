#pragma once

#include "ColumnAllocator.h"
#include "ColumnIdIndex.h"
#include "Vocabulary.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

/// The disbursement columns the groupings read, in memory, with every amount already converted
/// to CNY and USD at its year's rate, and the small per-investee and per-phase tables behind
/// them. ColumnLoader fills it, FilterMask turns a filter into masks over it, GroupingPass sums
/// it. Plain data: the fields are public, and nothing here reads the database.
class ColumnStore
{
public:
    /// The currency index of an undisclosed amount.
    static constexpr uint8_t Undisclosed = 255;
    /// The type indexes of the two measures that are not "invested".
    static constexpr int MeasureCommitment = int(Vocabulary::EventType::Commitment);
    static constexpr int MeasureEquitySale = int(Vocabulary::EventType::EquitySale);
    /// From this many rows the load and every pass over the rows work in two halves on two
    /// threads (the result is the same either way).
    static constexpr qint64 SplitFrom = 200000;

    /// "2020" -> 20200000, "2020-05" -> 20200500, "2020-05-17" -> 20200517: the same order as
    /// the ISO text comparison SQL does, so filter bounds from FilterSql keep their meaning.
    /// -1 for text too short to hold a year.
    static int32_t dateKey(const QString &text);
    /// A date key back as ISO text at its precision; empty for -1.
    static QString dateText(int32_t key);

    /// Empties every column and table.
    void clear();
    qint64 rowCount() const { return qint64(investee.size()); }

    /// The row count from which passes over these rows run on two threads (SplitFrom, unless a
    /// test forces the split on small data).
    qint64 passSplitFrom = SplitFrom;

    // Per row, rows ordered by investee so that distinct-investee counts need no sets.
    Column<int32_t> investee; ///< dense investee index
    Column<int32_t> phase; ///< dense phase index
    Column<int32_t> dateKeys; ///< see dateKey(); -1 = unknown
    Column<int16_t> year; ///< 0 = unknown
    int latestYear = 0; ///< the largest in `year`
    Column<uint8_t> type; ///< a Vocabulary::EventType
    Column<uint8_t> status; ///< a Vocabulary::Status
    Column<uint8_t> confidence; ///< a Vocabulary::Confidence
    Column<uint8_t> currency; ///< index into currencyCodes; Undisclosed
    Column<double> valueCny; ///< NaN when undisclosed or a rate is missing
    Column<double> valueUsd;
    Column<float> stake; ///< NaN when not reported

    // Per investee (dense index).
    std::vector<qint64> investeeId;
    std::vector<qint64> investeeSector;
    std::vector<qint64> investeeSegment;
    std::vector<qint64> investeeRegion; ///< the grouping region: province, else city's parent, else country
    std::vector<qint64> investeeCountry;
    std::vector<qint64> investeeProvince;
    std::vector<qint64> investeeCity;
    std::vector<uint8_t> investeeIsFund;
    ColumnIdIndex investeeIndex;

    // Per phase (dense index).
    std::vector<qint64> phaseId;
    std::vector<qint64> phaseFund;
    ColumnIdIndex phaseIndex;

    QStringList currencyCodes;
    QHash<QString, double> rates; ///< "USD 2019" -> CNY per unit
};
