#pragma once

// Shared by the dashboard tests (DashboardData, ChartBuilder, the Dashboard page): the filters the
// dashboard is checked under, each paired with the same restriction written by hand in SQL, and
// the expected figures taken from AggregationEngine's SQL path (no cache) — independently of the
// one-pass cache DashboardData uses. The SQL engine cannot split a grouping by sector, so a
// by-sector part is the SQL grouping under the filter narrowed to that one sector, and the part
// without a sector is what the sectors leave of the whole.

#ifndef FUNDSCOPE_WITH_GENERATOR
#define FUNDSCOPE_WITH_GENERATOR
#endif
#include "AggregationTestData.h"
#include "BrowseTestData.h"

#include "AggregationEngine.h"
#include "Database.h"
#include "Filter.h"
#include "VocabularyRepository.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace DashboardTestData {

using BrowseTestData::scalar;

/// Equal up to the rounding of sums taken in another order.
inline bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-6 * std::max({ 1.0, std::abs(a), std::abs(b) });
}

/// Equal within 1e-6 relative (chart values, which went through a division by the unit).
inline bool nearRelative(double a, double b)
{
    return std::abs(a - b) <= 1e-6 * std::max(std::abs(a), std::abs(b)) + 1e-9;
}

inline QString describe(const AggregateRow &r)
{
    return QStringLiteral("[%1/%2 %3 | %4 | inv %5 com %6 div %7 | ev %8 ic %9 und %10 wr %11 | sector %12]")
        .arg(r.keyId)
        .arg(r.parentId)
        .arg(r.key, r.keyZh)
        .arg(r.invested, 0, 'f', 4)
        .arg(r.committed, 0, 'f', 4)
        .arg(r.divested, 0, 'f', 4)
        .arg(r.events)
        .arg(r.investees)
        .arg(r.undisclosed)
        .arg(r.withoutRate)
        .arg(r.sectorId);
}

/// Empty when the measures (and, with `names`, ids and names) agree; otherwise both rows.
inline QString differences(const AggregateRow &want, const AggregateRow &got, bool names = true)
{
    const bool same = (!names
                          || (want.keyId == got.keyId && want.parentId == got.parentId && want.key == got.key
                              && want.keyZh == got.keyZh))
        && near(want.invested, got.invested) && near(want.committed, got.committed)
        && near(want.divested, got.divested) && want.events == got.events && want.investees == got.investees
        && want.undisclosed == got.undisclosed && want.withoutRate == got.withoutRate;
    return same ? QString() : QStringLiteral("want %1\n      got %2").arg(describe(want), describe(got));
}

/// Empty when both lists hold the same groups (by id and parent) with the same figures, and
/// (with checkOrder) `got` is in the engine's order: by invested, descending; years ascending,
/// unknown last.
inline QString compareRows(const QList<AggregateRow> &want, const QList<AggregateRow> &got, Dimension dimension,
    bool checkOrder = true)
{
    QStringList problems;
    QHash<QPair<qint64, qint64>, AggregateRow> wanted;
    for (const AggregateRow &row : want)
        wanted.insert({ row.keyId, row.parentId }, row);
    if (want.size() != got.size())
        problems.append(QStringLiteral("%1 groups wanted, %2 got").arg(want.size()).arg(got.size()));
    QSet<QPair<qint64, qint64>> seen;
    for (const AggregateRow &row : got) {
        const QPair<qint64, qint64> key { row.keyId, row.parentId };
        if (seen.contains(key))
            problems.append(QStringLiteral("twice: %1").arg(describe(row)));
        seen.insert(key);
        if (!wanted.contains(key)) {
            problems.append(QStringLiteral("unexpected: %1").arg(describe(row)));
            continue;
        }
        const QString d = differences(wanted.value(key), row);
        if (!d.isEmpty())
            problems.append(d);
    }
    for (const AggregateRow &row : want) {
        if (!seen.contains({ row.keyId, row.parentId }))
            problems.append(QStringLiteral("missing: %1").arg(describe(row)));
    }
    for (qsizetype i = 1; checkOrder && i < got.size(); ++i) {
        const AggregateRow &a = got.at(i - 1);
        const AggregateRow &b = got.at(i);
        const bool ordered = dimension == Dimension::Year
            ? (b.keyId == -1 || (a.keyId != -1 && a.keyId < b.keyId))
            : a.invested >= b.invested || near(a.invested, b.invested);
        if (!ordered)
            problems.append(QStringLiteral("out of order at %1: %2 before %3").arg(i).arg(describe(a), describe(b)));
    }
    return problems.join(QLatin1Char('\n'));
}

/// The SQL path of the engine: no cache.
inline bool sqlAggregate(Database &db, Dimension dimension, const Filter &filter, AggregateResult *result)
{
    QString error;
    if (AggregationEngine(db).aggregate(dimension, filter, result, &error))
        return true;
    qWarning("SQL aggregation failed: %s", qPrintable(error));
    return false;
}

/// Every sector id of the vocabulary.
inline QList<qint64> sectorIds(Database &db)
{
    QList<qint64> ids;
    for (const VocabularyItem &s : VocabularyRepository(db).sectors())
        ids.append(s.id);
    return ids;
}

/// The grouping split by the investees' sector, built from SQL groupings only: for each sector
/// the grouping under the filter narrowed to it, for the sub-funds (AggregateRow::SubFundsPart)
/// the grouping narrowed to the investees of kind 'fund', and (sector -1) what is left of the
/// whole. Only parts with at least one event are returned; sectorId is set on each.
inline bool sqlBySector(Database &db, Dimension dimension, const Filter &filter, QList<AggregateRow> *parts)
{
    AggregateResult whole;
    if (!sqlAggregate(db, dimension, filter, &whole))
        return false;
    QHash<qint64, AggregateRow> rest;
    for (const AggregateRow &row : std::as_const(whole.rows))
        rest.insert(row.keyId, row);
    parts->clear();
    QList<qint64> subFunds;
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT id FROM investees WHERE kind = 'fund'")))
        return false;
    while (query.next()) {
        if (filter.investees.isEmpty() || filter.investees.contains(query.value(0).toLongLong()))
            subFunds.append(query.value(0).toLongLong());
    }
    QList<qint64> sectorParts = sectorIds(db);
    sectorParts.append(AggregateRow::SubFundsPart);
    for (qint64 sector : std::as_const(sectorParts)) {
        if (!filter.sectors.isEmpty() && !filter.sectors.contains(sector))
            continue; // nothing of this sector passes the filter (sub-funds have no sector)
        if (sector == AggregateRow::SubFundsPart && subFunds.isEmpty())
            continue;
        Filter narrowed = filter;
        if (sector == AggregateRow::SubFundsPart)
            narrowed.investees = subFunds;
        else
            narrowed.sectors = { sector };
        AggregateResult one;
        if (!sqlAggregate(db, dimension, narrowed, &one))
            return false;
        for (AggregateRow row : std::as_const(one.rows)) {
            row.sectorId = sector;
            parts->append(row);
            AggregateRow &left = rest[row.keyId];
            left.invested -= row.invested;
            left.committed -= row.committed;
            left.divested -= row.divested;
            left.events -= row.events;
            left.investees -= row.investees; // an investee has one sector
            left.undisclosed -= row.undisclosed;
            left.withoutRate -= row.withoutRate;
        }
    }
    for (const AggregateRow &full : std::as_const(whole.rows)) {
        AggregateRow row = rest.value(full.keyId);
        if (row.events == 0)
            continue;
        // Sums of doubles: what is left of a fully split measure is rounding noise of the whole.
        const double wholeValues[] = { full.invested, full.committed, full.divested };
        double *leftValues[] = { &row.invested, &row.committed, &row.divested };
        for (int m = 0; m < 3; ++m) {
            if (std::abs(*leftValues[m]) <= 1e-9 * std::abs(wholeValues[m]) + 1e-6)
                *leftValues[m] = 0;
        }
        row.sectorId = -1;
        parts->append(row);
    }
    return true;
}

/// One part per (group, sector), for lookups.
inline QHash<QPair<qint64, qint64>, AggregateRow> byKeyAndSector(const QList<AggregateRow> &parts)
{
    QHash<QPair<qint64, qint64>, AggregateRow> out;
    for (const AggregateRow &row : parts)
        out.insert({ row.keyId, row.sectorId }, row);
    return out;
}

/// Ids of the investees that are sub-funds (kind 'fund').
inline QSet<qint64> subFundInvestees(Database &db)
{
    QSet<qint64> ids;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT id FROM investees WHERE kind = 'fund'")))
        qFatal("reading sub-funds failed: %s", qPrintable(q.lastError().text()));
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

/// The top `limit` companies (sub-funds left out) that invested more than nothing, by SQL.
inline bool sqlTopCompanies(Database &db, const Filter &filter, int limit, QList<AggregateRow> *rows)
{
    AggregateResult all;
    if (!sqlAggregate(db, Dimension::Investee, filter, &all))
        return false;
    const QSet<qint64> funds = subFundInvestees(db);
    rows->clear();
    for (const AggregateRow &row : std::as_const(all.rows)) {
        if (row.invested > 0 && !funds.contains(row.keyId) && rows->size() < limit)
            rows->append(row);
    }
    return true;
}

/// A dashboard filter and the same restriction written by hand over d, p, f and i (see
/// BrowseTestData::independentFrom), with the drill level the dashboard should pick.
struct Case
{
    QString name;
    Filter filter;
    QString condition;
    bool segments = false; ///< one sector: the sector chart shows its segments
    bool cities = false;   ///< one province: the region chart shows its cities
};

/// The names of cases(), for data-driven tests.
inline QStringList caseNames()
{
    return { QStringLiteral("none"), QStringLiteral("one fund"), QStringLiteral("one sector"),
        QStringLiteral("one province"), QStringLiteral("date range"), QStringLiteral("USD"),
        QStringLiteral("USD, one sector"), QStringLiteral("USD, one province and dates"),
        QStringLiteral("two sectors"), QStringLiteral("sector and segment"), QStringLiteral("one city"),
        QStringLiteral("one country"), QStringLiteral("Chinese text"), QStringLiteral("types and confidence"),
        QStringLiteral("cancelled asked for"), QStringLiteral("nothing matches") };
}

inline QString inProvince(qint64 province)
{
    return QStringLiteral("(i.province_id = %1 OR i.city_id IN (SELECT id FROM regions WHERE parent_id = %1))")
        .arg(province);
}

/// The case called `name`, resolved against `db` (the fund, sectors and regions with the most
/// events there). False when the database lacks what the case needs.
inline bool resolveCase(Database &db, const QString &name, Case *out)
{
    const QString live = QStringLiteral("d.status <> 'cancelled'");
    const QString dates = QStringLiteral("d.value_date IS NOT NULL AND %1 BETWEEN '2016-03-01' AND '2020-12-31'")
                              .arg(BrowseTestData::rowStart());
    const qint64 fund = scalar(db,
        QStringLiteral("SELECT p.fund_id FROM disbursements d, phases p WHERE p.id = d.phase_id"
                       " GROUP BY p.fund_id ORDER BY count(*) DESC, p.fund_id LIMIT 1"));
    auto topSector = [&](int offset) {
        return scalar(db,
            QStringLiteral("SELECT i.sector_id FROM disbursements d, investees i WHERE i.id = d.investee_id"
                           " AND i.sector_id IS NOT NULL GROUP BY i.sector_id ORDER BY count(*) DESC, i.sector_id"
                           " LIMIT 1 OFFSET %1")
                .arg(offset));
    };
    const qint64 sector = topSector(0);
    const qint64 segment = scalar(db,
        QStringLiteral("SELECT i.segment_id FROM disbursements d, investees i WHERE i.id = d.investee_id"
                       " AND i.sector_id = ? AND i.segment_id IS NOT NULL GROUP BY i.segment_id"
                       " ORDER BY count(*) DESC, i.segment_id LIMIT 1"),
        { sector });
    const qint64 province = scalar(db,
        QStringLiteral("SELECT i.province_id FROM disbursements d, investees i WHERE i.id = d.investee_id"
                       " AND i.province_id IS NOT NULL AND i.kind = 'company' GROUP BY i.province_id"
                       " ORDER BY count(*) DESC, i.province_id LIMIT 1"));
    const qint64 city = scalar(db,
        QStringLiteral("SELECT i.city_id FROM disbursements d, investees i WHERE i.id = d.investee_id"
                       " AND i.city_id IS NOT NULL AND i.kind = 'company' GROUP BY i.city_id"
                       " ORDER BY count(*) DESC, i.city_id LIMIT 1"));
    const qint64 china = scalar(db, QStringLiteral("SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'"));
    if (fund < 0 || sector < 0 || segment < 0 || province < 0 || city < 0 || china < 0)
        return false;

    Case c;
    c.name = name;
    c.condition = live;
    if (name == QLatin1String("none")) {
    } else if (name == QLatin1String("one fund")) {
        c.filter.funds = { fund };
        c.condition = QStringLiteral("p.fund_id = %1 AND ").arg(fund) + live;
    } else if (name == QLatin1String("one sector") || name == QLatin1String("USD, one sector")) {
        c.filter.sectors = { sector };
        c.condition = QStringLiteral("i.sector_id = %1 AND ").arg(sector) + live;
        c.segments = true;
        if (name.startsWith(QLatin1String("USD")))
            c.filter.currency = QStringLiteral("USD");
    } else if (name == QLatin1String("one province")) {
        c.filter.regions = { province };
        c.condition = inProvince(province) + QStringLiteral(" AND ") + live;
        c.cities = true;
    } else if (name == QLatin1String("date range")) {
        c.filter.from = QStringLiteral("2016-03");
        c.filter.to = QStringLiteral("2020");
        c.condition = dates + QStringLiteral(" AND ") + live;
    } else if (name == QLatin1String("USD")) {
        c.filter.currency = QStringLiteral("USD");
    } else if (name == QLatin1String("USD, one province and dates")) {
        c.filter.currency = QStringLiteral("USD");
        c.filter.regions = { province };
        c.filter.from = QStringLiteral("2016-03");
        c.filter.to = QStringLiteral("2020");
        c.condition = inProvince(province) + QStringLiteral(" AND ") + dates + QStringLiteral(" AND ") + live;
        c.cities = true;
    } else if (name == QLatin1String("two sectors")) {
        const qint64 second = topSector(1);
        if (second < 0)
            return false;
        c.filter.sectors = { sector, second };
        c.condition = QStringLiteral("i.sector_id IN (%1, %2) AND ").arg(sector).arg(second) + live;
    } else if (name == QLatin1String("sector and segment")) {
        c.filter.sectors = { sector };
        c.filter.segments = { segment };
        c.segments = true; // a segment picked inside one sector stays at segment level
        c.condition = QStringLiteral("i.sector_id = %1 AND i.segment_id = %2 AND ").arg(sector).arg(segment) + live;
    } else if (name == QLatin1String("one city")) {
        c.filter.regions = { city };
        c.condition = QStringLiteral("i.city_id = %1 AND ").arg(city) + live;
    } else if (name == QLatin1String("one country")) {
        c.filter.regions = { china };
        c.condition = QStringLiteral("(i.country_id = %1 OR i.province_id IN (SELECT id FROM regions WHERE parent_id = %1)"
                                     " OR i.city_id IN (SELECT id FROM regions WHERE parent_id = %1)"
                                     " OR i.city_id IN (SELECT c.id FROM regions c, regions pr"
                                     " WHERE c.parent_id = pr.id AND pr.parent_id = %1)) AND ")
                .arg(china)
            + live;
    } else if (name == QLatin1String("Chinese text")) {
        c.filter.text = QStringLiteral("集成电路");
        c.condition = BrowseTestData::containsText(c.filter.text) + QStringLiteral(" AND ") + live;
    } else if (name == QLatin1String("types and confidence")) {
        c.filter.types = { QStringLiteral("equity purchase"), QStringLiteral("commitment") };
        c.filter.confidences = { QStringLiteral("high"), QStringLiteral("medium") };
        c.condition = QStringLiteral("d.type IN ('equity purchase', 'commitment')"
                                     " AND d.confidence IN ('high', 'medium') AND ")
            + live;
    } else if (name == QLatin1String("cancelled asked for")) {
        c.filter.statuses = { QStringLiteral("cancelled"), QStringLiteral("completed") };
        c.condition = QStringLiteral("d.status IN ('cancelled', 'completed')");
    } else if (name == QLatin1String("nothing matches")) {
        c.filter.from = QStringLiteral("1990");
        c.filter.to = QStringLiteral("1991-06");
        c.condition = QStringLiteral("d.value_date IS NOT NULL AND %1 BETWEEN '1990-01-01' AND '1991-06-30' AND ")
                          .arg(BrowseTestData::rowStart())
            + live;
    } else {
        return false;
    }
    *out = c;
    return true;
}

/// Opens the sample ("sample"), the hand-made edge cases of AggregationTestData ("edge": missing
/// rates, unknown dates, sub-fund flows, investees without a sector or region) or a generated
/// database of a few thousand rows ("generated").
inline bool openDataset(Database &db, const QString &dataset, const QString &dir, QString *error)
{
    if (dataset == QLatin1String("sample"))
        return BrowseTestData::openSample(db, dir + QStringLiteral("/sample.db"), error);
    if (dataset == QLatin1String("edge")) {
        if (db.open(dir + QStringLiteral("/edge.db"), Database::OpenMode::CreateNew) != Database::Status::Ok) {
            *error = db.errorString();
            return false;
        }
        return AggregationTestData::load(db, error);
    }
    return BrowseTestData::openGenerated(db, dir + QStringLiteral("/generated.db"), 3000, error, 23);
}

/// The provinces' ids, as MainWindow hands them to DashboardData::compute.
inline QList<qint64> provinceIds(Database &db)
{
    QList<qint64> ids;
    for (const VocabularyItem &p : VocabularyRepository(db).provinces())
        ids.append(p.id);
    return ids;
}

} // namespace DashboardTestData
