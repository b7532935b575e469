#pragma once

#include <QString>
#include <QStringList>

/// The one SQL rule that converts an event's amount into the base currency (docs/figures.md,
/// "The events that count"): amount / 10^minor_digits × the event currency's cny_per_unit of the
/// value date's year ÷ the base currency's cny_per_unit of that year. An amount already in the base
/// needs no rate, and CNY needs none, as the event's currency or as the base. The value is NULL
/// when the amount is undisclosed or a needed rate (or the date that picks it) is missing.
///
/// The SQL reads `disbursements AS d` with the tables joins() adds: `currencies AS c`,
/// `exchange_rates AS r` (the event currency's rate) and `exchange_rates AS b` (the base's). Each
/// piece says how many times it binds the base currency, in the order its text has them.
///
/// AggregationEngine's SQL path spells the same expression (its `events` query); the
/// Disbursements page reads it from here, and tst_disbursementtablemodel holds a converted cell
/// equal to the engine's figure for that one event.
namespace ConversionSql {

/// What minor units are divided by: "(CASE c.minor_digits WHEN 0 THEN 1.0 … ELSE 10000.0 END)".
QString minorScale();
/// The converted amount in major units of the base currency. Binds the base currency twice.
QString value();
/// The LEFT JOINs value() reads (c, r and b). Binds the base currency once.
QString joins();
/// The currencies whose rate a row lacks, given the rates its query found (r and b, both absent
/// when the date is unknown): the event currency unless it is CNY, the base unless it is CNY;
/// none when the amount is in the base already. Empty exactly when value() is not NULL for a
/// disclosed amount.
QStringList missingRates(const QString &currency, const QString &base, bool hasRate, bool hasBaseRate);

} // namespace ConversionSql
