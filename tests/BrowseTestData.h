#pragma once

// Shared by the browse tests (repository, table model, main window): the two databases they run
// on (the embedded sample and a generated one), filters paired with an independently written SQL
// condition, and the orders the Disbursements page promises, written out here rather than taken
// from DisbursementRepository.

#include "Database.h"
#include "DisbursementRepository.h"
#include "Filter.h"
#include "SampleDatabase.h"

#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#ifdef FUNDSCOPE_WITH_GENERATOR
#include "DatasetGenerator.h"
#endif

namespace BrowseTestData {

/// Creates `path` and loads the embedded sample into it.
inline bool openSample(Database &db, const QString &path, QString *error)
{
    if (db.open(path, Database::OpenMode::CreateNew) != Database::Status::Ok) {
        *error = db.errorString();
        return false;
    }
    return SampleDatabase::load(db, error);
}

#ifdef FUNDSCOPE_WITH_GENERATOR
/// Generates a database of `rows` disbursements at `path` (ANALYZE included) and opens it.
inline bool openGenerated(Database &db, const QString &path, qint64 rows, QString *error, quint64 seed = 11)
{
    DatasetGenerator::Spec spec;
    spec.disbursements = rows;
    spec.investees = int(std::max<qint64>(50, rows / 8));
    spec.phases = int(std::max<qint64>(20, rows / 80));
    spec.seed = seed;
    DatasetGenerator generator(spec);
    if (!generator.generate(path)) {
        *error = generator.errorString();
        return false;
    }
    if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
        *error = db.errorString();
        return false;
    }
    return true;
}
#endif

/// The first column of the first row; -1 when there is none or it is NULL.
inline qint64 scalar(Database &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).isNull() ? -1 : q.value(0).toLongLong();
}

/// Every table a condition or an order may name, joined the old way (in WHERE), nothing
/// shared with the repository's SQL.
inline QString independentFrom()
{
    return QStringLiteral(" FROM disbursements d, phases p, funds f, investees i"
                          " WHERE p.id = d.phase_id AND f.id = p.fund_id AND i.id = d.investee_id AND ");
}

/// A filter and the same restriction written by hand over d, p, f and i.
struct Case
{
    QString name;
    Filter filter;
    QString condition;
};

/// The first day of a row's period as a real date, for date-range conditions.
inline QString rowStart()
{
    return QStringLiteral("date(substr(d.value_date || '-01-01', 1, 10))");
}

/// Conditions that say "contains `text`" for the text filter: ASCII case-insensitive like LIKE.
inline QString containsText(const QString &text)
{
    const QString t = QString(text).replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral(
        "(instr(lower(i.name), lower('%1')) > 0 OR instr(ifnull(i.name_zh, ''), '%1') > 0"
        " OR instr(lower(ifnull(i.ticker, '')), lower('%1')) > 0"
        " OR instr(lower(f.name), lower('%1')) > 0 OR instr(ifnull(f.name_zh, ''), '%1') > 0)")
        .arg(t);
}

/// Filters worth browsing under, resolved against `db`: none, the biggest fund, a small fund, a
/// phase, a date range with partial bounds, fund and dates together, English and Chinese text,
/// cancelled rows asked for, types with confidences, two investees.
inline QList<Case> cases(Database &db)
{
    const QString live = QStringLiteral("d.status <> 'cancelled'");
    QList<Case> out;
    out.append({ QStringLiteral("none"), Filter(), live });

    const qint64 bigFund = scalar(db,
        QStringLiteral("SELECT p.fund_id FROM disbursements d, phases p WHERE p.id = d.phase_id"
                       " GROUP BY p.fund_id ORDER BY count(*) DESC, p.fund_id LIMIT 1"));
    const qint64 smallFund = scalar(db,
        QStringLiteral("SELECT p.fund_id FROM disbursements d, phases p WHERE p.id = d.phase_id"
                       " GROUP BY p.fund_id HAVING count(*) >= 3"
                       " ORDER BY count(*), p.fund_id LIMIT 1"));
    const qint64 phase = scalar(db,
        QStringLiteral("SELECT phase_id FROM disbursements GROUP BY phase_id"
                       " ORDER BY count(*) DESC, phase_id LIMIT 1 OFFSET 1"));
    Filter f;
    f.funds = { bigFund };
    out.append(
        { QStringLiteral("biggest fund"), f, QStringLiteral("p.fund_id = %1 AND ").arg(bigFund) + live });
    f.funds = { smallFund };
    out.append(
        { QStringLiteral("small fund"), f, QStringLiteral("p.fund_id = %1 AND ").arg(smallFund) + live });
    f = Filter();
    f.phases = { phase };
    out.append({ QStringLiteral("phase"), f, QStringLiteral("d.phase_id = %1 AND ").arg(phase) + live });

    f = Filter();
    f.from = QStringLiteral("2016-03");
    f.to = QStringLiteral("2020");
    const QString dates
        = QStringLiteral("d.value_date IS NOT NULL AND %1 BETWEEN '2016-03-01' AND '2020-12-31'")
              .arg(rowStart());
    out.append({ QStringLiteral("dates"), f, dates + QStringLiteral(" AND ") + live });
    f.funds = { bigFund };
    out.append({ QStringLiteral("biggest fund and dates"), f,
        QStringLiteral("p.fund_id = %1 AND ").arg(bigFund) + dates + QStringLiteral(" AND ") + live });

    f = Filter();
    f.text = QStringLiteral("semiconductor");
    out.append({ QStringLiteral("English text"), f, containsText(f.text) + QStringLiteral(" AND ") + live });
    f.text = QStringLiteral("半导体");
    out.append({ QStringLiteral("Chinese text"), f, containsText(f.text) + QStringLiteral(" AND ") + live });

    f = Filter();
    f.statuses = { QStringLiteral("cancelled"), QStringLiteral("announced") };
    out.append({ QStringLiteral("cancelled asked for"), f,
        QStringLiteral("d.status IN ('cancelled', 'announced')") });

    f = Filter();
    f.types = { QStringLiteral("equity purchase"), QStringLiteral("loan") };
    f.confidences = { QStringLiteral("high") };
    out.append({ QStringLiteral("types and confidence"), f,
        QStringLiteral("d.type IN ('equity purchase', 'loan') AND d.confidence = 'high' AND ") + live });

    const qint64 first = scalar(db,
        QStringLiteral("SELECT investee_id FROM disbursements GROUP BY investee_id"
                       " ORDER BY count(*) DESC, investee_id LIMIT 1"));
    const qint64 second = scalar(db,
        QStringLiteral("SELECT investee_id FROM disbursements GROUP BY investee_id"
                       " ORDER BY count(*) DESC, investee_id LIMIT 1 OFFSET 3"));
    f = Filter();
    f.investees = { first, second };
    out.append({ QStringLiteral("two investees"), f,
        QStringLiteral("d.investee_id IN (%1, %2) AND ").arg(first).arg(second) + live });
    return out;
}

using Sort = DisbursementRepository::Sort;

inline QList<Sort> allSorts()
{
    return { Sort::Id, Sort::Date, Sort::Fund, Sort::Phase, Sort::Investee, Sort::Sector, Sort::Region,
        Sort::Type, Sort::Amount, Sort::Stake, Sort::Status, Sort::Confidence };
}

inline QString sortName(Sort sort)
{
    static const char *const names[] = { "id", "date", "fund", "phase", "investee", "sector", "region",
        "type", "amount", "stake", "status", "confidence" };
    return QString::fromLatin1(names[int(sort)]);
}

/// The order each sort promises: its column, then ties broken by date and id (every order ends
/// in d.id, so it is total and a descending read is the exact reverse of an ascending one).
/// Sector and region order by the vocabulary's ids (the index order), not by name.
inline QString orderBy(Sort sort, bool descending)
{
    QStringList terms;
    switch (sort) {
    case Sort::Id:
        terms = { QStringLiteral("d.id") };
        break;
    case Sort::Date:
        terms = { QStringLiteral("d.value_date"), QStringLiteral("d.id") };
        break;
    case Sort::Fund:
    case Sort::Phase:
        terms = { QStringLiteral("f.name"), QStringLiteral("p.label"), QStringLiteral("d.value_date"),
            QStringLiteral("d.id") };
        break;
    case Sort::Investee:
        terms = { QStringLiteral("i.name"), QStringLiteral("d.value_date"), QStringLiteral("d.id") };
        break;
    case Sort::Sector:
        terms = { QStringLiteral("i.sector_id"), QStringLiteral("i.segment_id"), QStringLiteral("i.id"),
            QStringLiteral("d.value_date"), QStringLiteral("d.id") };
        break;
    case Sort::Region:
        terms = { QStringLiteral("i.province_id"), QStringLiteral("i.city_id"), QStringLiteral("i.id"),
            QStringLiteral("d.value_date"), QStringLiteral("d.id") };
        break;
    case Sort::Type:
        terms = { QStringLiteral("d.type"), QStringLiteral("d.id") };
        break;
    case Sort::Amount:
        terms = { QStringLiteral("d.amount_minor"), QStringLiteral("d.id") };
        break;
    case Sort::Stake:
        terms = { QStringLiteral("d.stake_pct"), QStringLiteral("d.id") };
        break;
    case Sort::Status:
        terms = { QStringLiteral("d.status"), QStringLiteral("d.id") };
        break;
    case Sort::Confidence:
        terms = { QStringLiteral("d.confidence"), QStringLiteral("d.id") };
        break;
    }
    for (QString &t : terms)
        t += descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    return terms.join(QStringLiteral(", "));
}

/// The ids matching `condition` in the given order, by independent SQL.
inline QList<qint64> expectedIds(Database &db, const QString &condition, Sort sort, bool descending)
{
    QList<qint64> ids;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT d.id") + independentFrom() + condition + QStringLiteral(" ORDER BY ")
            + orderBy(sort, descending)))
        qFatal("independent order failed: %s", qPrintable(q.lastError().text()));
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

inline qint64 expectedCount(Database &db, const QString &condition)
{
    return scalar(db, QStringLiteral("SELECT count(*)") + independentFrom() + condition);
}

} // namespace BrowseTestData
