#pragma once

#include "Units.h"

#include <QString>
#include <optional>

/// How numbers and dates read in tables and exports, in one place so every page agrees.
namespace Format {

/// "1,166,000,000.00" from minor units and the currency's minor digits (C locale grouping, so a
/// pasted value parses the same in every spreadsheet).
QString minorUnits(qint64 minor, int minorDigits);
/// "USD 1,166,000,000.00", or "undisclosed".
QString amount(const std::optional<qint64> &minor, int minorDigits, const QString &currency);
/// A base-currency total with grouping and two decimals: "12,900,000,000.00".
QString money(double major);
/// A compact value for labels: "12.9 bn" or, in Chinese units, "129.0 亿".
QString compactMoney(double major, bool chineseUnits = false);
/// An amount the way people type it, in the same units as compactMoney() but exact:
/// "CNY 12.5 亿" or "CNY 1.25 bn" for 125000000000 minor units of CNY, "CNY 5,000" below the
/// smallest unit; amount() when the unit would need more than four decimals (nothing is
/// rounded away), "undisclosed" without an amount.
QString typedAmount(
    const std::optional<qint64> &minor, int minorDigits, const QString &currency, bool chineseUnits = false);
/// A base-currency amount in `units` for a table cell, grouped, two decimals: 1166000000 reads
/// "1.17" in billions, "11.66" in 亿, "1,166.00" in millions and "1,166,000,000.00" in full (the
/// unit goes in the column title: unitLabel()).
QString scaledMoney(double major, Units units);
/// An amount in its own currency in `units`, rounded from the exact minor units (never through a
/// double): two decimals in a unit, every minor digit in full ("2,580,000,000.00"; JPY "1,500,000").
QString scaledMinor(qint64 minor, int minorDigits, Units units);
/// The unit a column title names: "CNY bn", "CNY 亿", just "CNY" in full; without a currency
/// "bn", "亿" or empty.
QString unitLabel(const QString &currency, Units units);
/// "15.90 %" or empty.
QString percent(const std::optional<double> &value);
/// "Name (中文名)", "中文名（Name）" in a Chinese interface, or just the one name.
QString bilingual(const QString &name, const QString &nameZh);
/// "undisclosed": the word an amount nobody reported reads as, in the interface language.
QString undisclosed();
/// A word of the schema's vocabularies (event types, statuses, confidences, fund and investee
/// kinds, fund levels) as people read it in the interface language: "equity purchase" in English.
/// Any other text comes back as it is. For display only: the stored, edited and exported word
/// stays the schema's.
QString vocabulary(const QString &word);

} // namespace Format
