#include "FilterSql.h"

#include "Database.h"
#include "SqlDialect.h"
#include "Vocabulary.h"

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

template <typename T> void appendAll(QVariantList &binds, const QList<T> &values)
{
    for (const T &v : values)
        binds.append(QVariant::fromValue(v));
}

// No status named: the default statuses as literals (the schema's own words, never input), spelled
// out rather than "<> 'cancelled'" so SQLite can count through the status index.
QString defaultStatusRule()
{
    static const QString rule = QStringLiteral("d.status IN ('%1')")
                                    .arg(Vocabulary::defaultStatuses().join(QStringLiteral("', '")));
    return rule;
}

} // namespace

QString FilterSql::lowerBound(const QString &partialDate)
{
    // Plain text ">= '2020-01-01'" would drop a "2020" row, whose period starts that very day.
    QString bound = partialDate;
    while (bound.size() > 4 && bound.endsWith(QLatin1String("-01")))
        bound.chop(3);
    return bound;
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

QString FilterSql::containsPattern(const QString &text)
{
    return QLatin1Char('%') + prefixPattern(text);
}

QString FilterSql::prefixPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    escaped.append(QLatin1Char('%'));
    return escaped;
}

QString FilterSql::idList(const QList<qint64> &ids)
{
    QStringList numbers;
    numbers.reserve(ids.size());
    for (qint64 id : ids)
        numbers.append(QString::number(id));
    return QLatin1Char('[') + numbers.join(QLatin1Char(',')) + QLatin1Char(']');
}

FilterSql FilterSql::build(Database &db, const Filter &filter)
{
    ResolvedFilter resolved;
    QString error;
    if (ResolvedFilter::resolve(db, filter, &resolved, &error))
        return build(resolved, db.dialect());
    FilterSql failed;
    failed.where = QStringLiteral("0");
    failed.ok = false;
    failed.error = error;
    return failed;
}

FilterSql FilterSql::build(const ResolvedFilter &r, const SqlDialect &dialect)
{
    const Filter &f = r.filter;
    FilterSql out;
    QStringList parts;
    auto inList = [&](const QString &expr, const auto &values) {
        if (values.isEmpty())
            return;
        parts.append(QStringLiteral("%1 IN (%2)").arg(expr, placeholders(values.size())));
        appendAll(out.binds, values);
    };
    // A resolved id list is one bound JSON array, whatever its length: a search for "a" can
    // match tens of thousands of investees, more than SQLite's bound parameters allow.
    const QString ids = dialect.boundIds();

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
    inList(QStringLiteral("d.investee_id"), f.investees);
    if (!f.segments.isEmpty()) {
        parts.append(QStringLiteral("d.investee_id IN (SELECT id FROM investees WHERE segment_id IN (%1))")
                         .arg(placeholders(f.segments.size())));
        appendAll(out.binds, f.segments);
    }
    if (!f.regions.isEmpty()) {
        // The listed regions and everything under them, so an investee recorded with only its
        // province (or only its city) still matches its country.
        parts.append(QStringLiteral("d.investee_id IN (SELECT id FROM investees WHERE country_id IN %1"
                                    " OR province_id IN %1 OR city_id IN %1)")
                         .arg(ids));
        const QString regions = idList(r.regions);
        out.binds << regions << regions << regions;
    }
    if (!r.fromBound.isEmpty()) {
        parts.append(QStringLiteral("d.value_date >= ?"));
        out.binds.append(r.fromBound);
    }
    if (!r.toBound.isEmpty()) {
        parts.append(QStringLiteral("d.value_date <= ?"));
        out.binds.append(r.toBound);
    }
    inList(QStringLiteral("d.type"), f.types);
    if (r.defaultStatuses)
        parts.append(defaultStatusRule());
    else
        inList(QStringLiteral("d.status"), r.statuses);
    inList(QStringLiteral("d.confidence"), f.confidences);
    if (r.hasText) {
        parts.append(QStringLiteral("(d.investee_id IN %1 OR d.phase_id IN %1)").arg(ids));
        out.binds << idList(r.textInvestees) << idList(r.textPhases);
    }
    out.where = parts.isEmpty() ? QStringLiteral("1")
                                : QLatin1Char('(') + parts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
    return out;
}
