#pragma once

#include <QString>
#include <optional>

/// One money event as the pages show it: names resolved, amount in minor units of its currency
/// (nullopt = undisclosed), date as stored ('YYYY', 'YYYY-MM', 'YYYY-MM-DD' or empty), and the
/// amount converted into the base currency the rows were read for (ConversionSql).
struct DisbursementRecord
{
    qint64 id = 0;
    qint64 fundId = 0;
    QString fundName;
    QString fundNameZh;
    qint64 phaseId = 0;
    QString phaseLabel;
    qint64 investeeId = 0;
    QString investeeName;
    QString investeeNameZh;
    QString investeeKind;
    QString sector;
    QString segment;
    QString region;     ///< province, or country outside China
    QString regionZh;
    QString valueDate;
    QString type;
    std::optional<qint64> amountMinor;
    QString currency;
    int minorDigits = 2;
    QString baseCurrency;                ///< the currency `converted` is in (the filter's)
    std::optional<double> converted;     ///< major units of baseCurrency; nullopt: undisclosed or no rate
    std::optional<double> rate;          ///< CNY per unit of `currency` in the value date's year
    std::optional<double> baseRate;      ///< CNY per unit of baseCurrency in that year
    std::optional<double> stakePct;
    QString status;
    QString confidence;
    QString sourceUrl;
    QString notes;
};
