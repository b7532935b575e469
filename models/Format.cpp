#include "Format.h"

#include "InterfaceLanguage.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <cmath>

namespace Format {

namespace {

QString grouped(const QString &digits)
{
    QString out;
    const qsizetype n = digits.size();
    out.reserve(n + n / 3);
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out.append(QLatin1Char(','));
        out.append(digits.at(i));
    }
    return out;
}

struct Unit
{
    int power = 0; ///< the unit is 10^power
    QString suffix; ///< " bn", " 亿"; empty for plain numbers
};

/// The unit a value of this size is shown in: one rule for compact labels and typed amounts.
Unit unitFor(double magnitude, bool chineseUnits)
{
    if (chineseUnits) {
        if (magnitude >= 1e8)
            return { 8, QStringLiteral(" 亿") };
        if (magnitude >= 1e4)
            return { 4, QStringLiteral(" 万") };
        return {};
    }
    if (magnitude >= 1e9)
        return { 9, QStringLiteral(" bn") };
    if (magnitude >= 1e6)
        return { 6, QStringLiteral(" m") };
    if (magnitude >= 1e3)
        return { 3, QStringLiteral(" k") };
    return {};
}

quint64 magnitudeOf(qint64 value)
{
    return value < 0 ? quint64(-(value + 1)) + 1 : quint64(value);
}

} // namespace

QString minorUnits(qint64 minor, int minorDigits)
{
    const bool negative = minor < 0;
    const quint64 magnitude = magnitudeOf(minor);
    quint64 scale = 1;
    for (int i = 0; i < minorDigits; ++i)
        scale *= 10;
    QString text = grouped(QString::number(magnitude / scale));
    if (minorDigits > 0)
        text += QLatin1Char('.') + QStringLiteral("%1").arg(magnitude % scale, minorDigits, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + text : text;
}

QString amount(const std::optional<qint64> &minor, int minorDigits, const QString &currency)
{
    if (!minor)
        return undisclosed();
    return currency + QLatin1Char(' ') + minorUnits(*minor, minorDigits);
}

QString money(double major)
{
    return minorUnits(qint64(std::llround(major * 100.0)), 2);
}

QString compactMoney(double major, bool chineseUnits)
{
    const Unit unit = unitFor(std::fabs(major), chineseUnits);
    if (unit.power == 0)
        return QString::number(major, 'f', 0);
    return QString::number(major / std::pow(10.0, unit.power), 'f', 1) + unit.suffix;
}

QString typedAmount(
    const std::optional<qint64> &minor, int minorDigits, const QString &currency, bool chineseUnits)
{
    if (!minor)
        return undisclosed();
    const quint64 magnitude = magnitudeOf(*minor);
    const Unit unit = unitFor(double(magnitude) / std::pow(10.0, minorDigits), chineseUnits);
    // Move the decimal point on the digits themselves, never through a double, so the text
    // is the stored value exactly.
    const int places = minorDigits + unit.power;
    QString digits = QString::number(magnitude);
    if (digits.size() <= places)
        digits = QString(places - digits.size() + 1, QLatin1Char('0')) + digits;
    QString fraction = digits.right(places);
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    if (fraction.size() > 4)
        return amount(minor, minorDigits, currency);
    QString text = grouped(digits.left(digits.size() - places));
    if (!fraction.isEmpty())
        text += QLatin1Char('.') + fraction;
    return currency + QLatin1Char(' ') + (*minor < 0 ? QStringLiteral("-") : QString()) + text + unit.suffix;
}

QString scaledMoney(double major, Units units)
{
    if (units.power() == 0)
        return money(major);
    return minorUnits(qint64(std::llround(major * 100.0 / std::pow(10.0, units.power()))), 2);
}

QString scaledMinor(qint64 minor, int minorDigits, Units units)
{
    if (units.power() == 0)
        return minorUnits(minor, minorDigits);
    // Hundredths of the unit, rounded half away from zero on the integer itself. A unit is at
    // least 10^4 and a currency has at most 4 minor digits, so the divisor is a whole 10^k, k >= 2.
    quint64 divisor = 1;
    for (int i = 0; i < minorDigits + units.power() - 2; ++i)
        divisor *= 10;
    const quint64 magnitude = magnitudeOf(minor);
    const quint64 hundredths = magnitude / divisor + (magnitude % divisor >= (divisor + 1) / 2 ? 1 : 0);
    const QString text = minorUnits(qint64(hundredths), 2);
    return minor < 0 && hundredths != 0 ? QLatin1Char('-') + text : text;
}

QString unitLabel(const QString &currency, Units units)
{
    if (currency.isEmpty())
        return units.suffix();
    if (units.suffix().isEmpty())
        return currency;
    return currency + QLatin1Char(' ') + units.suffix();
}

QString percent(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 2) + QStringLiteral(" %") : QString();
}

QString bilingual(const QString &name, const QString &nameZh)
{
    if (nameZh.isEmpty())
        return name;
    if (InterfaceLanguage::isChinese())
        return nameZh + QStringLiteral("（") + name + QStringLiteral("）");
    return name + QStringLiteral(" (") + nameZh + QLatin1Char(')');
}

QString undisclosed()
{
    return QCoreApplication::translate("Format", "undisclosed", "an amount nobody reported");
}

QString vocabulary(const QString &word)
{
    // Every word Validation::words() lists, each with what it is, for the translator.
    static const QHash<QString, const char *> words = {
        { QStringLiteral("commitment"), QT_TRANSLATE_NOOP("Vocabulary", "commitment") },
        { QStringLiteral("disbursement"), QT_TRANSLATE_NOOP("Vocabulary", "disbursement") },
        { QStringLiteral("equity purchase"), QT_TRANSLATE_NOOP("Vocabulary", "equity purchase") },
        { QStringLiteral("equity sale"), QT_TRANSLATE_NOOP("Vocabulary", "equity sale") },
        { QStringLiteral("loan"), QT_TRANSLATE_NOOP("Vocabulary", "loan") },
        { QStringLiteral("grant"), QT_TRANSLATE_NOOP("Vocabulary", "grant") },
        { QStringLiteral("announced"), QT_TRANSLATE_NOOP("Vocabulary", "announced") },
        { QStringLiteral("committed"), QT_TRANSLATE_NOOP("Vocabulary", "committed") },
        { QStringLiteral("completed"), QT_TRANSLATE_NOOP("Vocabulary", "completed") },
        { QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("Vocabulary", "cancelled") },
        { QStringLiteral("high"), QT_TRANSLATE_NOOP("Vocabulary", "high") },
        { QStringLiteral("medium"), QT_TRANSLATE_NOOP("Vocabulary", "medium") },
        { QStringLiteral("low"), QT_TRANSLATE_NOOP("Vocabulary", "low") },
        { QStringLiteral("fund"), QT_TRANSLATE_NOOP("Vocabulary", "fund") },
        { QStringLiteral("platform"), QT_TRANSLATE_NOOP("Vocabulary", "platform") },
        { QStringLiteral("bank"), QT_TRANSLATE_NOOP("Vocabulary", "bank") },
        //: A fund's kind: a state-owned enterprise.
        { QStringLiteral("soe"), QT_TRANSLATE_NOOP("Vocabulary", "soe") },
        { QStringLiteral("company"), QT_TRANSLATE_NOOP("Vocabulary", "company") },
        { QStringLiteral("national"), QT_TRANSLATE_NOOP("Vocabulary", "national") },
        { QStringLiteral("provincial"), QT_TRANSLATE_NOOP("Vocabulary", "provincial") },
        { QStringLiteral("municipal"), QT_TRANSLATE_NOOP("Vocabulary", "municipal") },
        { QStringLiteral("district"), QT_TRANSLATE_NOOP("Vocabulary", "district") },
    };
    const auto it = words.constFind(word);
    return it == words.constEnd() ? word : QCoreApplication::translate("Vocabulary", it.value());
}

} // namespace Format
