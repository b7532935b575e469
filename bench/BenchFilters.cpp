#include "BenchFilters.h"

#include "AggregationCache.h"
#include "ColumnAggregator.h"
#include "Database.h"
#include "JsonFile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

bool BenchFilters::choose(Database &db, BenchFilters *filters, QString *error)
{
    AggregationCache cache;
    if (!cache.load(db, error))
        return false;
    const ColumnAggregator engine(db, cache);
    AggregateResult funds;
    AggregateResult sectors;
    if (!engine.aggregate(Dimension::Fund, Filter(), &funds, error)
        || !engine.aggregate(Dimension::Sector, Filter(), &sectors, error))
        return false;
    BenchFilters out;
    const qint64 onePercent = funds.totals.events / 100;
    qint64 bestGap = -1;
    for (const AggregateRow &row : std::as_const(funds.rows)) {
        if (row.keyId < 0)
            continue;
        if (row.events > out.largeFundEvents) {
            out.largeFund = row.keyId;
            out.largeFundName = row.key;
            out.largeFundEvents = row.events;
        }
        const qint64 gap = std::llabs(row.events - onePercent);
        if (bestGap < 0 || gap < bestGap) {
            bestGap = gap;
            out.smallFund = row.keyId;
            out.smallFundName = row.key;
            out.smallFundEvents = row.events;
        }
    }
    qint64 sectorEvents = -1;
    for (const AggregateRow &row : std::as_const(sectors.rows)) {
        if (row.keyId >= 0 && row.events > sectorEvents) {
            sectorEvents = row.events;
            out.sector = row.keyId;
            out.sectorName = row.key;
        }
    }
    if (!out.largeFund || !out.smallFund || !out.sector) {
        *error = QStringLiteral("%1: no funds or sectors with events to filter by").arg(db.path());
        return false;
    }
    *filters = out;
    return true;
}

Filter BenchFilters::largeFundAndDates() const
{
    return fundAndDates(largeFund);
}

Filter BenchFilters::smallFundAndDates() const
{
    return fundAndDates(smallFund);
}

Filter BenchFilters::fundAndDates(qint64 fund) const
{
    Filter f;
    f.funds = { fund };
    f.from = from;
    f.to = to;
    return f;
}

Filter BenchFilters::oneSector() const
{
    Filter f;
    f.sectors = { sector };
    return f;
}

Filter BenchFilters::textSearch() const
{
    Filter f;
    f.text = text;
    return f;
}

bool BenchFilters::save(const QString &path, QString *error) const
{
    const QJsonObject object { { QStringLiteral("largeFund"), largeFund },
        { QStringLiteral("largeFundName"), largeFundName },
        { QStringLiteral("largeFundEvents"), largeFundEvents }, { QStringLiteral("smallFund"), smallFund },
        { QStringLiteral("smallFundName"), smallFundName },
        { QStringLiteral("smallFundEvents"), smallFundEvents }, { QStringLiteral("sector"), sector },
        { QStringLiteral("sectorName"), sectorName }, { QStringLiteral("text"), text },
        { QStringLiteral("from"), from }, { QStringLiteral("to"), to } };
    return JsonFile::write(path, QJsonDocument(object), error);
}

bool BenchFilters::load(const QString &path, BenchFilters *filters, QString *error)
{
    QByteArray bytes;
    if (!JsonFile::read(path, &bytes, error))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    BenchFilters f;
    f.largeFund = o.value(QStringLiteral("largeFund")).toInteger();
    f.largeFundName = o.value(QStringLiteral("largeFundName")).toString();
    f.largeFundEvents = o.value(QStringLiteral("largeFundEvents")).toInteger();
    f.smallFund = o.value(QStringLiteral("smallFund")).toInteger();
    f.smallFundName = o.value(QStringLiteral("smallFundName")).toString();
    f.smallFundEvents = o.value(QStringLiteral("smallFundEvents")).toInteger();
    f.sector = o.value(QStringLiteral("sector")).toInteger();
    f.sectorName = o.value(QStringLiteral("sectorName")).toString();
    f.text = o.value(QStringLiteral("text")).toString();
    f.from = o.value(QStringLiteral("from")).toString();
    f.to = o.value(QStringLiteral("to")).toString();
    if (!f.largeFund || !f.smallFund || !f.sector) {
        *error = QStringLiteral("%1: incomplete filter choice").arg(path);
        return false;
    }
    *filters = f;
    return true;
}

QString BenchFilters::describe() const
{
    return QStringLiteral(
        "*Large fund* = %1 (%L2 events in all); *small fund* = %3 (%L4 events, about 1 %); "
        "*dates* = %5 to %6 inclusive; *one sector* = %7; *text* = \"%8\" (investee, fund or "
        "ticker names).")
        .arg(largeFundName)
        .arg(largeFundEvents)
        .arg(smallFundName)
        .arg(smallFundEvents)
        .arg(from, to, sectorName, text);
}
