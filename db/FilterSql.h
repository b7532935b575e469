#pragma once

#include "Filter.h"
#include "ResolvedFilter.h"

#include <QVariantList>

class Database;
class SqlDialect;

/// Turns a resolved Filter into a WHERE clause over `disbursements AS d` with positional bind
/// values. Every value is bound, never spliced into the SQL. The clause never mentions other
/// tables' aliases: fund, sector and region conditions are subqueries on ids, so callers can use
/// it with any join and SQLite can use the disbursement indexes.
///
/// Regions match an investee whose country, province or city is one of the listed regions or lies
/// under one of them (a province matches investees that only carry one of its cities); the text
/// matches the investees and fund phases ResolvedFilter found by name.
struct FilterSql
{
    QString where; ///< "1" when nothing narrows; otherwise "(... AND ...)"
    QVariantList binds;
    /// False when the lookups failed: `where` is then "0" (it matches nothing, a failed lookup
    /// never widens a result) and `error` names the file and what failed.
    bool ok = true;
    QString error;

    static FilterSql build(const ResolvedFilter &filter, const SqlDialect &dialect);
    /// Resolves `filter` on `db` (ResolvedFilter::resolve, from its cache after the first time
    /// for this state of the data) and builds its clause.
    static FilterSql build(Database &db, const Filter &filter);
    /// `ids` as the JSON array the clause binds for a resolved id list ("[3,17]").
    static QString idList(const QList<qint64> &ids);

    /// Date range rule: a row is in [from, to] when the first day of its reported period is, so
    /// "2020" counts as 2020-01-01 and "2020-05" as 2020-05-01. Adjacent ranges therefore split
    /// the rows without overlap or loss (a "2020" row is in "..2020-05", not in "2020-06..").
    /// Rows with an unknown date are left out whenever from or to is set. Both bounds are plain
    /// ISO text comparisons on d.value_date, so the date index serves them.
    ///
    /// The text lower bound: trailing "-01" parts are dropped, because "2020" and "2020-05"
    /// start on the first day ("2020-01-01" -> "2020", "2020-05-01" -> "2020-05", "2020-05-10"
    /// stays).
    static QString lowerBound(const QString &partialDate);
    /// The text upper bound: "2020" -> "2020-99", "2020-05" -> "2020-05-99", a day stays.
    static QString upperBound(const QString &partialDate);
    /// `text` with LIKE's wildcards escaped for `LIKE ? ESCAPE '\'`, wrapped in '%'.
    static QString containsPattern(const QString &text);
    /// `text` with LIKE's wildcards escaped, followed by '%': the names that start with it.
    static QString prefixPattern(const QString &text);
};
