#pragma once

#include <QString>
#include <optional>

/// One money event as the pages show it: names resolved, amount in minor units of its currency
/// (nullopt = undisclosed), date as stored ('YYYY', 'YYYY-MM', 'YYYY-MM-DD' or empty).
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
    std::optional<double> stakePct;
    QString status;
    QString confidence;
    QString sourceUrl;
    QString notes;
};
