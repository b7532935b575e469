#pragma once

#include <QHash>
#include <QString>

/// Amounts as researchers type them, turned into exact integer minor units: "1,234.5",
/// "12.3亿" (×10^8), "5万" (×10^4), "1.2bn" / "1.2 billion" (×10^9), "350m" / "350 million"
/// (×10^6), "1.5k" (×10^3), "2 trillion" / "2万亿" (×10^12). Full-width digits and punctuation are
/// read as their ASCII forms. The arithmetic is on the decimal digits (never through a double),
/// so "12.3亿" is exactly 1,230,000,000.00; a value with more decimals than the currency has
/// minor units after scaling is refused rather than rounded.
class AmountParser
{
public:
    struct Result
    {
        bool ok = false;
        qint64 minor = 0;
        QString currency; ///< parseWithCurrency(): the code named in the text, or the default
        QString error; ///< plain words, empty when ok
    };

    /// Parses `text` into minor units of a currency with `minorDigits` decimals.
    static Result parse(const QString &text, int minorDigits);
    /// Also accepts a currency before or after the number ("USD 1.2bn", "350m HKD", "$5m",
    /// "¥12.3亿", "RMB 5万"); without one, `defaultCurrency` applies. `minorDigits` maps every
    /// known currency code to its minor digits; an unknown code is an error.
    static Result parseWithCurrency(
        const QString &text, const QHash<QString, int> &minorDigits, const QString &defaultCurrency);
    /// Minor units as plain decimal text with digit grouping: 123450 at 2 digits is "1,234.50".
    static QString toText(qint64 minor, int minorDigits, bool grouped = true);
};
