#include "Format.h"

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

} // namespace

QString minorUnits(qint64 minor, int minorDigits)
{
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(-(minor + 1)) + 1 : quint64(minor);
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
        return QStringLiteral("undisclosed");
    return currency + QLatin1Char(' ') + minorUnits(*minor, minorDigits);
}

QString money(double major)
{
    return minorUnits(qint64(std::llround(major * 100.0)), 2);
}

QString compactMoney(double major, bool chineseUnits)
{
    const double a = std::fabs(major);
    if (chineseUnits) {
        if (a >= 1e8)
            return QString::number(major / 1e8, 'f', 1) + QStringLiteral(" 亿");
        if (a >= 1e4)
            return QString::number(major / 1e4, 'f', 1) + QStringLiteral(" 万");
        return QString::number(major, 'f', 0);
    }
    if (a >= 1e9)
        return QString::number(major / 1e9, 'f', 1) + QStringLiteral(" bn");
    if (a >= 1e6)
        return QString::number(major / 1e6, 'f', 1) + QStringLiteral(" m");
    if (a >= 1e3)
        return QString::number(major / 1e3, 'f', 1) + QStringLiteral(" k");
    return QString::number(major, 'f', 0);
}

QString percent(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 2) + QStringLiteral(" %") : QString();
}

QString bilingual(const QString &name, const QString &nameZh)
{
    if (nameZh.isEmpty())
        return name;
    return name + QStringLiteral(" (") + nameZh + QLatin1Char(')');
}

} // namespace Format
