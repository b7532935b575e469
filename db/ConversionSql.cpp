#include "ConversionSql.h"

namespace ConversionSql {

QString minorScale()
{
    return QStringLiteral("(CASE c.minor_digits WHEN 0 THEN 1.0 WHEN 1 THEN 10.0 WHEN 2 THEN 100.0"
                          " WHEN 3 THEN 1000.0 ELSE 10000.0 END)");
}

QString value()
{
    // The same operations in the same order as the engine's, so a row's value is the very double
    // the engine sums.
    return QStringLiteral("CASE WHEN d.amount_minor IS NULL THEN NULL"
                          " WHEN d.currency = ? THEN d.amount_minor / %1"
                          " ELSE d.amount_minor / %1"
                          " * (CASE WHEN d.currency = 'CNY' THEN 1.0 ELSE r.cny_per_unit END)"
                          " / (CASE WHEN ? = 'CNY' THEN 1.0 ELSE b.cny_per_unit END) END")
            .arg(minorScale());
}

QString joins()
{
    return QStringLiteral(" LEFT JOIN currencies c ON c.code = d.currency"
                          " LEFT JOIN exchange_rates r ON r.currency = d.currency AND r.year = d.year"
                          " LEFT JOIN exchange_rates b ON b.currency = ? AND b.year = d.year");
}

QStringList missingRates(const QString &currency, const QString &base, bool hasRate, bool hasBaseRate)
{
    QStringList missing;
    if (currency == base)
        return missing;
    if (currency != QLatin1String("CNY") && !hasRate)
        missing.append(currency);
    if (base != QLatin1String("CNY") && !hasBaseRate)
        missing.append(base);
    return missing;
}

} // namespace ConversionSql
