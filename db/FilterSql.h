#pragma once

#include "Filter.h"

#include <QVariantList>

/// Turns a Filter into a WHERE clause over `disbursements AS d` with positional bind values.
/// Every value is bound, never spliced into the SQL. The clause never mentions other tables'
/// aliases: fund, sector and region conditions are subqueries on ids, so callers can use it with
/// any join and SQLite can use the disbursement indexes.
struct FilterSql
{
    QString where;          ///< "1" when nothing narrows; otherwise "(... AND ...)"
    QVariantList binds;

    static FilterSql build(const Filter &filter);
    /// The inclusive lower bound of a partial date ("2020" -> "2020", "2020-05" -> "2020-05").
    /// Partial dates compare as ISO text, so a "2020" row is >= "2020" and <= "2020-12-31".
    static QString lowerBound(const QString &partialDate);
    /// The inclusive upper bound: "2020" -> "2020-99", "2020-05" -> "2020-05-99".
    static QString upperBound(const QString &partialDate);
};
