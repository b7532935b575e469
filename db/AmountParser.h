#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringView>

/// Amounts as researchers type them, turned into exact integer minor units: "1,234.5",
/// "12.3亿" (×10^8), "5万" (×10^4), "1.2bn" / "1.2 billion" (×10^9), "350m" / "350 million"
/// (×10^6), "1.5k" (×10^3), "2 trillion" / "2万亿" (×10^12). Full-width digits and punctuation are
/// read as their ASCII forms. The arithmetic is on the decimal digits (never through a double),
/// so "12.3亿" is exactly 1,230,000,000.00; a value with more decimals than the currency has
/// minor units after scaling is refused rather than rounded.
///
/// One parser for every place an amount is typed or read: the forms (AmountEdit), cell editing
/// (FieldText) and the CSV import (InterchangeLoader, so the wizard and `fundscope import`).
class AmountParser
{
public:
    /// Why a text was refused, for callers that word one case for their own context (an
    /// undisclosed amount is a checkbox in a form but an empty field in a CSV file).
    enum class Problem {
        None,
        Empty,
        NotAnAmount, ///< not a number, a unit not known, malformed grouping or decimals
        Negative,
        Zero,
        TooPrecise, ///< more decimals than the currency has minor units
        TooLarge,
        Currency, ///< parseWithCurrency(): no currency, or one not known
    };

    struct Result
    {
        bool ok = false;
        qint64 minor = 0;
        QString currency; ///< parseWithCurrency(): the code named in the text, or the default
        QString error; ///< plain words, empty when ok
        Problem problem = Problem::None;
    };

    /// Parses `text` into minor units of a currency with `minorDigits` decimals.
    static Result parse(const QString &text, int minorDigits);
    /// parse() for UTF-8 bytes (a CSV field): plain digits take parsePlain() without building
    /// a QString, everything else goes through parse().
    static Result parseUtf8(QByteArrayView text, int minorDigits)
    {
        Result r;
        if (parsePlain(text, minorDigits, &r.minor)) {
            r.ok = true;
            return r;
        }
        return parse(QString::fromUtf8(text), minorDigits);
    }
    /// The common case on its own: plain ASCII `[0-9]+(\.[0-9]+)?` that parse() accepts, read
    /// into *minor. False, with *minor untouched, for anything else, including plain numbers
    /// parse() refuses (zero, too precise, too large), so every message comes from parse(),
    /// which starts with this very function: the two cannot disagree.
    static bool parsePlain(QByteArrayView text, int minorDigits, qint64 *minor) noexcept
    {
        return parsePlain(text.data(), text.size(), minorDigits, minor);
    }
    static bool parsePlain(QStringView text, int minorDigits, qint64 *minor) noexcept
    {
        return parsePlain(text.utf16(), text.size(), minorDigits, minor);
    }
    /// Also accepts a currency before or after the number ("USD 1.2bn", "350m HKD", "$5m",
    /// "¥12.3亿", "RMB 5万"); without one, `defaultCurrency` applies. `minorDigits` maps every
    /// known currency code to its minor digits; an unknown code is an error.
    static Result parseWithCurrency(
        const QString &text, const QHash<QString, int> &minorDigits, const QString &defaultCurrency);
    /// Minor units as plain decimal text with digit grouping: 123450 at 2 digits is "1,234.50".
    static QString toText(qint64 minor, int minorDigits, bool grouped = true);

private:
    template <typename Char>
    static bool parsePlain(const Char *text, qsizetype size, int minorDigits, qint64 *minor) noexcept
    {
        const auto digit = [](Char c) { return c >= Char('0') && c <= Char('9'); };
        qsizetype i = 0;
        qint64 value = 0;
        bool overflow = false;
        for (; i < size && digit(text[i]); ++i)
            overflow |= __builtin_mul_overflow(value, 10, &value)
                || __builtin_add_overflow(value, int(text[i] - Char('0')), &value);
        if (i == 0)
            return false;
        int decimals = 0;
        if (i < size) {
            if (text[i] != Char('.') || ++i == size)
                return false;
            for (; i < size && digit(text[i]); ++i) {
                if (decimals < minorDigits) {
                    overflow |= __builtin_mul_overflow(value, 10, &value)
                        || __builtin_add_overflow(value, int(text[i] - Char('0')), &value);
                    ++decimals;
                } else if (text[i] != Char('0')) {
                    return false;
                }
            }
            if (i != size)
                return false;
        }
        for (; decimals < minorDigits; ++decimals)
            overflow |= __builtin_mul_overflow(value, 10, &value);
        if (overflow || value == 0)
            return false;
        *minor = value;
        return true;
    }
};
