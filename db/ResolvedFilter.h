#pragma once

#include "Filter.h"

#include <QList>
#include <QString>
#include <QStringList>

class Database;

/// A Filter with what needs the database looked up: the regions below the chosen ones, the
/// investees and phases whose names contain the search text, the date bounds and the statuses
/// admitted. FilterSql (the WHERE clause of every query and page read) and FilterMask (the
/// in-memory store) both read this one form, so the rules are written once and a change is
/// resolved once: resolve() keeps the last few results per state of the data (DataRevision), and
/// later page reads for the same filter bind the ids instead of walking regions and searching
/// names again.
struct ResolvedFilter
{
    Filter filter; ///< what was resolved

    QList<qint64> regions; ///< the chosen regions and everything below them, sorted
    bool hasText = false; ///< a search text is set (its matches below may be empty)
    QList<qint64> textInvestees; ///< investees whose name, Chinese name or ticker contains it
    QList<qint64> textPhases; ///< phases of the funds whose name or Chinese name contains it
    QString fromBound; ///< value_date's lower text bound (FilterSql::lowerBound); empty = open
    QString toBound; ///< value_date's upper text bound (FilterSql::upperBound); empty = open
    QStringList statuses; ///< the statuses admitted: the chosen ones, or the default ones
    bool defaultStatuses = true; ///< no status was chosen

    /// Resolves `filter` on `db`, from the cache when this state of the data has resolved it
    /// before. False with *error (naming the file) when the database could not answer.
    static bool resolve(Database &db, const Filter &filter, ResolvedFilter *out, QString *error);
};
