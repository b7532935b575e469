#include "FilterSql.h"

#include <QStringList>

namespace {

QString placeholders(qsizetype n)
{
    QStringList marks;
    marks.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

template<typename T>
void appendAll(QVariantList &binds, const QList<T> &values)
{
    for (const T &v : values)
        binds.append(QVariant::fromValue(v));
}

} // namespace

QString FilterSql::lowerBound(const QString &partialDate)
{
    return partialDate;
}

QString FilterSql::upperBound(const QString &partialDate)
{
    // '9' sorts after every digit, so "2020-99" is above any "2020-MM-DD" and "2020-05-99" above
    // any day in May; a year-only row "2020" sorts below both.
    if (partialDate.size() == 4)
        return partialDate + QStringLiteral("-99");
    if (partialDate.size() == 7)
        return partialDate + QStringLiteral("-99");
    return partialDate;
}

FilterSql FilterSql::build(const Filter &f)
{
    FilterSql out;
    QStringList parts;
    auto inList = [&](const QString &expr, const auto &values) {
        if (values.isEmpty())
            return;
        parts.append(QStringLiteral("%1 IN (%2)").arg(expr, placeholders(values.size())));
        appendAll(out.binds, values);
    };

    if (!f.funds.isEmpty()) {
        parts.append(QStringLiteral("d.phase_id IN (SELECT id FROM phases WHERE fund_id IN (%1))")
                             .arg(placeholders(f.funds.size())));
        appendAll(out.binds, f.funds);
    }
    inList(QStringLiteral("d.phase_id"), f.phases);
    if (!f.sectors.isEmpty()) {
        parts.append(QStringLiteral("d.investee_id IN (SELECT id FROM investees WHERE sector_id IN (%1))")
                             .arg(placeholders(f.sectors.size())));
        appendAll(out.binds, f.sectors);
    }
    if (!f.segments.isEmpty()) {
        parts.append(QStringLiteral("d.investee_id IN (SELECT id FROM investees WHERE segment_id IN (%1))")
                             .arg(placeholders(f.segments.size())));
        appendAll(out.binds, f.segments);
    }
    if (!f.regions.isEmpty()) {
        const QString marks = placeholders(f.regions.size());
        parts.append(QStringLiteral("d.investee_id IN (SELECT id FROM investees WHERE country_id IN (%1)"
                                    " OR province_id IN (%1) OR city_id IN (%1))")
                             .arg(marks));
        appendAll(out.binds, f.regions);
        appendAll(out.binds, f.regions);
        appendAll(out.binds, f.regions);
    }
    if (!f.from.isEmpty()) {
        parts.append(QStringLiteral("d.value_date >= ?"));
        out.binds.append(lowerBound(f.from));
    }
    if (!f.to.isEmpty()) {
        parts.append(QStringLiteral("d.value_date <= ?"));
        out.binds.append(upperBound(f.to));
    }
    inList(QStringLiteral("d.type"), f.types);
    if (f.statuses.isEmpty())
        parts.append(QStringLiteral("d.status <> 'cancelled'"));
    else
        inList(QStringLiteral("d.status"), f.statuses);
    inList(QStringLiteral("d.confidence"), f.confidences);
    if (!f.text.trimmed().isEmpty()) {
        const QString like = QLatin1Char('%') + f.text.trimmed() + QLatin1Char('%');
        parts.append(QStringLiteral(
                "(d.investee_id IN (SELECT id FROM investees WHERE name LIKE ? OR name_zh LIKE ? OR ticker LIKE ?)"
                " OR d.phase_id IN (SELECT p.id FROM phases p JOIN funds fu ON fu.id = p.fund_id"
                " WHERE fu.name LIKE ? OR fu.name_zh LIKE ?))"));
        for (int i = 0; i < 5; ++i)
            out.binds.append(like);
    }
    out.where = parts.isEmpty() ? QStringLiteral("1") : QLatin1Char('(') + parts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
    return out;
}
