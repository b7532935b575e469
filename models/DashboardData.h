#pragma once

#include "AggregationEngine.h"
#include "Figures.h"
#include "Filter.h"
#include "VocabularyRepository.h"

#include <QList>

class AnalyticsService;

/// Everything the dashboard shows for one filter, computed in one pass over the cache: the
/// groupings behind each chart plus the key figures. Drill levels are decided here: with one
/// sector in the filter the sector chart shows its segments; with one province, the region chart
/// shows its cities.
struct DashboardData
{
    Filter filter;
    AggregateResult sectors;        ///< Dimension::Sector, or Segment when drilled into one sector
    AggregateResult regions;        ///< Dimension::Region, or City when drilled into one province
    AggregateResult phasesBySector; ///< Dimension::Phase split by sector
    AggregateResult yearsBySector;  ///< Dimension::Year split by sector
    AggregateResult investees;      ///< Dimension::Investee, companies only
    QList<VocabularyItem> sectorNames; ///< every sector, in vocabulary order (colours follow it)

    bool sectorsAreSegments() const { return sectors.dimension == Dimension::Segment; }
    bool regionsAreCities() const { return regions.dimension == Dimension::City; }
    /// The headline figures in view (the phase grouping holds every event once).
    Figures figures() const { return Figures::of(phasesBySector); }
    /// Funds and phases with at least one event in view (from the phase grouping).
    qint64 fundCount() const;
    qint64 phaseCount() const;

    /// Fills *data for the filter; false with *error when the totals are not available.
    static bool compute(const AnalyticsService &analytics, const QList<VocabularyItem> &sectorNames,
                        const QList<qint64> &provinceIds, const Filter &filter, DashboardData *data,
                        QString *error);
    /// Sums a by-sector grouping back into one value per key, in first-seen order.
    static QList<AggregateRow> collapse(const AggregateResult &bySector);
};
