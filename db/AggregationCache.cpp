#include "AggregationCache.h"

#include "Database.h"
#include "FilterSql.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <cmath>
#include <limits>

namespace {

const QStringList &typeWords()
{
    static const QStringList words = { QStringLiteral("commitment"), QStringLiteral("disbursement"),
                                       QStringLiteral("equity purchase"), QStringLiteral("equity sale"),
                                       QStringLiteral("loan"), QStringLiteral("grant") };
    return words;
}

const QStringList &statusWords()
{
    static const QStringList words = { QStringLiteral("announced"), QStringLiteral("committed"),
                                       QStringLiteral("completed"), QStringLiteral("cancelled") };
    return words;
}

const QStringList &confidenceWords()
{
    static const QStringList words = { QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low") };
    return words;
}

constexpr uint8_t Undisclosed = 255;
constexpr int MeasureCommitment = 0;
constexpr int MeasureEquitySale = 3;

// "2020" -> 20200000, "2020-05" -> 20200500, "2020-05-99" -> 20200599: the same order as the
// ISO text comparison SQL does, so filter bounds from FilterSql keep their meaning.
int32_t dateKey(const QString &text)
{
    if (text.size() < 4)
        return -1;
    int32_t key = text.left(4).toInt() * 10000;
    if (text.size() >= 7)
        key += text.mid(5, 2).toInt() * 100;
    if (text.size() >= 10)
        key += text.mid(8, 2).toInt();
    return key;
}

QString rateText(double rate)
{
    return QString::number(rate, 'g', 12);
}

bool runQuery(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec();
}

} // namespace

struct AggregationCache::Masks
{
    std::vector<uint8_t> investeeAllowed;
    std::vector<uint8_t> phaseAllowed;
    bool text = false;
    std::vector<uint8_t> investeeText;
    std::vector<uint8_t> phaseText;
    bool typeOk[8] = {};
    bool statusOk[8] = {};
    bool confidenceOk[8] = {};
    int32_t from = std::numeric_limits<int32_t>::min();
    int32_t to = std::numeric_limits<int32_t>::max();
    bool hasFrom = false;
    bool hasTo = false;
};

QString AggregationCache::dateText(int32_t key)
{
    if (key < 0)
        return QString();
    const int year = key / 10000;
    const int month = key / 100 % 100;
    const int day = key % 100;
    QString text = QString::number(year);
    if (month > 0)
        text += QStringLiteral("-%1").arg(month, 2, 10, QLatin1Char('0'));
    if (day > 0)
        text += QStringLiteral("-%1").arg(day, 2, 10, QLatin1Char('0'));
    return text;
}

inline bool AggregationCache::admits(const Masks &m, size_t r) const
{
    const int32_t inv = m_investee[r];
    const int32_t ph = m_phase[r];
    if (!m.investeeAllowed[size_t(inv)] || !m.phaseAllowed[size_t(ph)])
        return false;
    if (m.text && !m.investeeText[size_t(inv)] && !m.phaseText[size_t(ph)])
        return false;
    if (!m.typeOk[m_type[r]] || !m.statusOk[m_status[r]] || !m.confidenceOk[m_confidence[r]])
        return false;
    const int32_t date = m_dateKey[r];
    return !((m.hasFrom && (date < 0 || date < m.from)) || (m.hasTo && (date < 0 || date > m.to)));
}

bool AggregationCache::count(Database &db, const Filter &filter, qint64 *count, QString *error) const
{
    if (!m_loaded) {
        *error = QStringLiteral("the aggregation cache is not loaded");
        return false;
    }
    Masks m;
    if (!buildMasks(db, filter, m, error))
        return false;
    qint64 n = 0;
    const size_t rows = m_investee.size();
    for (size_t r = 0; r < rows; ++r)
        n += admits(m, r) ? 1 : 0;
    *count = n;
    return true;
}

bool AggregationCache::supportsCurrency(const QString &currency)
{
    return currency.isEmpty() || currency == QLatin1String("CNY") || currency == QLatin1String("USD");
}

bool AggregationCache::load(Database &db, QString *error)
{
    m_loaded = false;
    for (auto *v : { &m_investee, &m_phase, &m_dateKey })
        v->clear();
    m_year.clear();
    for (auto *v : { &m_type, &m_status, &m_confidence, &m_currency, &m_investeeIsFund })
        v->clear();
    m_valueCny.clear();
    m_valueUsd.clear();
    m_stake.clear();
    for (auto *v : { &m_investeeId, &m_investeeSector, &m_investeeSegment, &m_investeeRegion, &m_investeeCountry,
                     &m_investeeProvince, &m_investeeCity, &m_phaseId, &m_phaseFund })
        v->clear();
    m_investeeIndex.clear();
    m_phaseIndex.clear();
    m_currencyCodes.clear();
    m_rates.clear();
    {
        QMutexLocker lock(&m_namesMutex);
        m_names.clear();
    }
    QSqlQuery q(db.connection());
    auto fail = [&](const QString &what) {
        *error = QStringLiteral("%1: %2: %3").arg(db.path(), what, q.lastError().text());
        return false;
    };

    QHash<QString, int> minorDigits;
    if (!runQuery(q, QStringLiteral("SELECT code, minor_digits FROM currencies"), {}))
        return fail(QStringLiteral("reading currencies"));
    while (q.next()) {
        minorDigits.insert(q.value(0).toString(), q.value(1).toInt());
        m_currencyCodes.append(q.value(0).toString());
    }
    if (!runQuery(q, QStringLiteral("SELECT currency, year, cny_per_unit FROM exchange_rates"), {}))
        return fail(QStringLiteral("reading exchange rates"));
    while (q.next())
        m_rates.insert(q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString(), q.value(2).toDouble());

    if (!runQuery(q, QStringLiteral("SELECT i.id, i.sector_id, i.segment_id, "
                                    "coalesce(i.province_id, cr.parent_id, i.country_id), i.country_id, "
                                    "i.province_id, i.city_id, i.kind = 'fund' "
                                    "FROM investees i LEFT JOIN regions cr ON cr.id = i.city_id ORDER BY i.id"),
                  {}))
        return fail(QStringLiteral("reading investees"));
    auto id = [&](int column) { return q.value(column).isNull() ? qint64(-1) : q.value(column).toLongLong(); };
    while (q.next()) {
        m_investeeIndex.insert(q.value(0).toLongLong(), int32_t(m_investeeId.size()));
        m_investeeId.push_back(q.value(0).toLongLong());
        m_investeeSector.push_back(id(1));
        m_investeeSegment.push_back(id(2));
        m_investeeRegion.push_back(id(3));
        m_investeeCountry.push_back(id(4));
        m_investeeProvince.push_back(id(5));
        m_investeeCity.push_back(id(6));
        m_investeeIsFund.push_back(q.value(7).toInt() != 0);
    }
    if (!runQuery(q, QStringLiteral("SELECT id, fund_id FROM phases ORDER BY id"), {}))
        return fail(QStringLiteral("reading phases"));
    while (q.next()) {
        m_phaseIndex.insert(q.value(0).toLongLong(), int32_t(m_phaseId.size()));
        m_phaseId.push_back(q.value(0).toLongLong());
        m_phaseFund.push_back(q.value(1).toLongLong());
    }

    if (!runQuery(q, QStringLiteral("SELECT count(*) FROM disbursements"), {}) || !q.next())
        return fail(QStringLiteral("counting disbursements"));
    const size_t expected = size_t(q.value(0).toLongLong());
    q.finish();

    // Rates as a dense table [currency][year], so a row converts without hashing.
    constexpr int FirstYear = 1900;
    constexpr int YearCount = 301;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> rateTable(size_t(m_currencyCodes.size()) * YearCount, nan);
    for (auto it = m_rates.cbegin(); it != m_rates.cend(); ++it) {
        const qsizetype c = m_currencyCodes.indexOf(it.key().section(QLatin1Char(' '), 0, 0));
        const int year = it.key().section(QLatin1Char(' '), 1, 1).toInt();
        if (c >= 0 && year >= FirstYear && year < FirstYear + YearCount)
            rateTable[size_t(c) * YearCount + size_t(year - FirstYear)] = it.value();
    }
    std::vector<double> scaleOf(size_t(m_currencyCodes.size()), 100.0);
    for (qsizetype c = 0; c < m_currencyCodes.size(); ++c) {
        const int digits = minorDigits.value(m_currencyCodes.at(c), 2);
        scaleOf[size_t(c)] = digits == 0 ? 1.0 : digits == 1 ? 10.0 : digits == 2 ? 100.0 : digits == 3 ? 1000.0 : 10000.0;
    }
    const int cnyIndex = int(m_currencyCodes.indexOf(QStringLiteral("CNY")));
    const int usdIndex = int(m_currencyCodes.indexOf(QStringLiteral("USD")));
    const auto rate = [&](int currency, int year) {
        return year < FirstYear || year >= FirstYear + YearCount ? nan
                                                                 : rateTable[size_t(currency) * YearCount + size_t(year - FirstYear)];
    };

    // Rows are read in storage order with the raw SQLite API (a sequential scan; reading in
    // investee order through the index costs five times as much in random page reads), then
    // placed in investee order with a counting sort.
    struct Raw
    {
        int32_t investee, phase, dateKey;
        uint8_t type, status, confidence, currency;
        qint64 amount;
        float stake;
    };
    std::vector<Raw> raw;
    raw.reserve(expected);
    sqlite3 *handle = db.handle();
    sqlite3_stmt *stmt = nullptr;
    if (!handle
        || sqlite3_prepare_v2(handle,
                              "SELECT investee_id, phase_id, value_date, type, status, confidence, amount_minor, "
                              "currency, stake_pct FROM disbursements",
                              -1, &stmt, nullptr)
                != SQLITE_OK) {
        *error = QStringLiteral("%1: reading disbursements: %2")
                         .arg(db.path(), handle ? QString::fromUtf8(sqlite3_errmsg(handle)) : QStringLiteral("not open"));
        return false;
    }
    const auto word = [](const unsigned char *text, int length, const QStringList &words) -> uint8_t {
        const QLatin1String value(reinterpret_cast<const char *>(text), length);
        for (qsizetype i = 0; i < words.size(); ++i) {
            if (words.at(i) == value)
                return uint8_t(i);
        }
        return 0;
    };
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        Raw r;
        r.investee = m_investeeIndex.value(sqlite3_column_int64(stmt, 0));
        r.phase = m_phaseIndex.value(sqlite3_column_int64(stmt, 1));
        if (sqlite3_column_type(stmt, 2) == SQLITE_NULL) {
            r.dateKey = -1;
        } else {
            const auto *d = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2));
            const int length = sqlite3_column_bytes(stmt, 2);
            r.dateKey = dateKey(QString::fromLatin1(d, length));
        }
        r.type = word(sqlite3_column_text(stmt, 3), sqlite3_column_bytes(stmt, 3), typeWords());
        r.status = word(sqlite3_column_text(stmt, 4), sqlite3_column_bytes(stmt, 4), statusWords());
        r.confidence = word(sqlite3_column_text(stmt, 5), sqlite3_column_bytes(stmt, 5), confidenceWords());
        if (sqlite3_column_type(stmt, 6) == SQLITE_NULL) {
            r.currency = Undisclosed;
            r.amount = 0;
        } else {
            r.amount = sqlite3_column_int64(stmt, 6);
            r.currency = word(sqlite3_column_text(stmt, 7), sqlite3_column_bytes(stmt, 7), m_currencyCodes);
        }
        r.stake = sqlite3_column_type(stmt, 8) == SQLITE_NULL ? std::numeric_limits<float>::quiet_NaN()
                                                               : float(sqlite3_column_double(stmt, 8));
        raw.push_back(r);
    }
    const QString stepError = rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(stmt);
    if (!stepError.isEmpty()) {
        *error = QStringLiteral("%1: reading disbursements: %2").arg(db.path(), stepError);
        return false;
    }

    std::vector<size_t> start(m_investeeId.size() + 1, 0);
    for (const Raw &r : raw)
        ++start[size_t(r.investee) + 1];
    for (size_t i = 1; i < start.size(); ++i)
        start[i] += start[i - 1];
    const size_t n = raw.size();
    m_investee.resize(n);
    m_phase.resize(n);
    m_dateKey.resize(n);
    m_year.resize(n);
    m_type.resize(n);
    m_status.resize(n);
    m_confidence.resize(n);
    m_currency.resize(n);
    m_valueCny.resize(n);
    m_valueUsd.resize(n);
    m_stake.resize(n);
    for (const Raw &r : raw) {
        const size_t at = start[size_t(r.investee)]++;
        m_investee[at] = r.investee;
        m_phase[at] = r.phase;
        m_dateKey[at] = r.dateKey;
        const int year = r.dateKey < 0 ? 0 : r.dateKey / 10000;
        m_year[at] = int16_t(year);
        m_type[at] = r.type;
        m_status[at] = r.status;
        m_confidence[at] = r.confidence;
        m_currency[at] = r.currency;
        m_stake[at] = r.stake;
        if (r.currency == Undisclosed) {
            m_valueCny[at] = nan;
            m_valueUsd[at] = nan;
            continue;
        }
        const double major = double(r.amount) / scaleOf[r.currency];
        // The same arithmetic, in the same order, as AggregationEngine's SQL.
        const double inCny = r.currency == cnyIndex ? major : major * rate(r.currency, year);
        m_valueCny[at] = inCny;
        m_valueUsd[at] = r.currency == usdIndex ? major
                : (r.currency == cnyIndex ? major * 1.0 : inCny) / (year == 0 ? nan : rate(usdIndex, year));
    }
    m_loaded = true;
    return true;
}

bool AggregationCache::buildMasks(Database &db, const Filter &f, Masks &m, QString *error) const
{
    QSqlQuery q(db.connection());
    auto fail = [&](const QString &what) {
        *error = QStringLiteral("%1: %2: %3").arg(db.path(), what, q.lastError().text());
        return false;
    };
    const size_t investees = m_investeeId.size();
    const size_t phases = m_phaseId.size();
    m.investeeAllowed.assign(investees, 1);
    m.phaseAllowed.assign(phases, 1);

    if (!f.funds.isEmpty() || !f.phases.isEmpty()) {
        const QSet<qint64> funds(f.funds.cbegin(), f.funds.cend());
        const QSet<qint64> chosen(f.phases.cbegin(), f.phases.cend());
        for (size_t p = 0; p < phases; ++p) {
            const bool fundOk = funds.isEmpty() || funds.contains(m_phaseFund[p]);
            const bool phaseOk = chosen.isEmpty() || chosen.contains(m_phaseId[p]);
            m.phaseAllowed[p] = fundOk && phaseOk;
        }
    }
    QSet<qint64> regions;
    if (!f.regions.isEmpty()) {
        QStringList marks;
        QVariantList binds;
        for (qint64 id : f.regions) {
            marks.append(QStringLiteral("?"));
            binds.append(id);
        }
        if (!runQuery(q, QStringLiteral("WITH RECURSIVE within(id) AS (SELECT id FROM regions WHERE id IN (%1)"
                                        " UNION SELECT r.id FROM regions r JOIN within w ON r.parent_id = w.id)"
                                        " SELECT id FROM within")
                                 .arg(marks.join(QLatin1Char(','))),
                      binds))
            return fail(QStringLiteral("resolving regions"));
        while (q.next())
            regions.insert(q.value(0).toLongLong());
    }
    const QSet<qint64> sectors(f.sectors.cbegin(), f.sectors.cend());
    const QSet<qint64> segments(f.segments.cbegin(), f.segments.cend());
    const QSet<qint64> chosenInvestees(f.investees.cbegin(), f.investees.cend());
    if (!sectors.isEmpty() || !segments.isEmpty() || !f.regions.isEmpty() || !chosenInvestees.isEmpty()) {
        for (size_t i = 0; i < investees; ++i) {
            bool ok = sectors.isEmpty() || sectors.contains(m_investeeSector[i]);
            ok = ok && (chosenInvestees.isEmpty() || chosenInvestees.contains(m_investeeId[i]));
            ok = ok && (segments.isEmpty() || segments.contains(m_investeeSegment[i]));
            ok = ok
                    && (f.regions.isEmpty() || regions.contains(m_investeeCountry[i])
                        || regions.contains(m_investeeProvince[i]) || regions.contains(m_investeeCity[i]));
            m.investeeAllowed[i] = ok;
        }
    }
    const QString text = f.text.trimmed();
    if (!text.isEmpty()) {
        m.text = true;
        m.investeeText.assign(investees, 0);
        m.phaseText.assign(phases, 0);
        const QString like = FilterSql::containsPattern(text);
        if (!runQuery(q, QStringLiteral("SELECT id FROM investees WHERE name LIKE ? ESCAPE '\\'"
                                        " OR name_zh LIKE ? ESCAPE '\\' OR ticker LIKE ? ESCAPE '\\'"),
                      { like, like, like }))
            return fail(QStringLiteral("searching investees"));
        while (q.next()) {
            const auto it = m_investeeIndex.constFind(q.value(0).toLongLong());
            if (it != m_investeeIndex.constEnd())
                m.investeeText[size_t(*it)] = 1;
        }
        if (!runQuery(q, QStringLiteral("SELECT p.id FROM phases p JOIN funds fu ON fu.id = p.fund_id"
                                        " WHERE fu.name LIKE ? ESCAPE '\\' OR fu.name_zh LIKE ? ESCAPE '\\'"),
                      { like, like }))
            return fail(QStringLiteral("searching funds"));
        while (q.next()) {
            const auto it = m_phaseIndex.constFind(q.value(0).toLongLong());
            if (it != m_phaseIndex.constEnd())
                m.phaseText[size_t(*it)] = 1;
        }
    }
    auto words = [](bool *ok, const QStringList &all, const QStringList &chosen) {
        for (int i = 0; i < all.size(); ++i)
            ok[i] = chosen.isEmpty() || chosen.contains(all.at(i));
    };
    words(m.typeOk, typeWords(), f.types);
    words(m.statusOk, statusWords(), f.statuses);
    if (f.statuses.isEmpty())
        m.statusOk[statusWords().indexOf(QStringLiteral("cancelled"))] = false;
    words(m.confidenceOk, confidenceWords(), f.confidences);
    if (!f.from.isEmpty()) {
        m.hasFrom = true;
        m.from = dateKey(FilterSql::lowerBound(f.from));
    }
    if (!f.to.isEmpty()) {
        m.hasTo = true;
        m.to = dateKey(FilterSql::upperBound(f.to));
    }
    return true;
}

bool AggregationCache::aggregate(Database &db, Key key, const Filter &filter, bool subFundFlowsInGroups,
                                 Result *result, QString *error) const
{
    QList<Result> results;
    if (!aggregateMany(db, { { key, false, subFundFlowsInGroups } }, filter, &results, error))
        return false;
    *result = std::move(results.first());
    return true;
}

namespace {

using Group = AggregationCache::Group;

void accumulate(Group &g, int measure, double value, bool undisclosed)
{
    ++g.events;
    if (undisclosed)
        ++g.undisclosed;
    else if (std::isnan(value))
        ++g.withoutRate;
    else if (measure == MeasureCommitment)
        g.committed += value;
    else if (measure == MeasureEquitySale)
        g.divested += value;
    else
        g.invested += value;
}

void addInto(Group &sum, const Group &part)
{
    sum.invested += part.invested;
    sum.committed += part.committed;
    sum.divested += part.divested;
    sum.events += part.events;
    sum.investees += part.investees;
    sum.undisclosed += part.undisclosed;
    sum.withoutRate += part.withoutRate;
}

} // namespace

// One grouping's working state during the pass: a dense index per row (from a per-investee,
// per-phase or per-year table, times the sector split when asked) maps to its group, so the pass
// itself does no hashing.
struct AggregationCache::Pass
{
    Request request;
    bool byInvestee = false;
    bool byPhase = false;
    std::vector<int32_t> baseOfInvestee; ///< byInvestee: the investee's base index
    std::vector<int32_t> baseOfPhase;    ///< byPhase: the phase's base index
    std::vector<qint64> keyOfBase;
    std::vector<qint64> parentOfBase;
    int32_t sectorCount = 1;
    std::vector<int32_t> groupOfDense;   ///< -1 until the group is first seen
    QList<Group> groups;
    std::vector<int32_t> lastInvestee;   ///< per group: the investee run last counted
    std::vector<int32_t> lastInvesteeOfFund;
};

bool AggregationCache::aggregateMany(Database &db, const QList<Request> &requests, const Filter &filter,
                                     QList<Result> *results, QString *error) const
{
    if (!m_loaded) {
        *error = QStringLiteral("the aggregation cache is not loaded");
        return false;
    }
    Masks m;
    if (!buildMasks(db, filter, m, error))
        return false;
    const bool usd = filter.currency == QLatin1String("USD");
    const uint8_t base = uint8_t(m_currencyCodes.indexOf(usd ? QStringLiteral("USD") : QStringLiteral("CNY")));
    const std::vector<double> &values = usd ? m_valueUsd : m_valueCny;

    // Sectors as a small dense index (0 = none) for the optional split by sector.
    QHash<qint64, int32_t> sectorIndex;
    std::vector<qint64> sectorOfIndex { -1 };
    std::vector<int32_t> investeeSectorIndex(m_investeeId.size(), 0);
    for (size_t i = 0; i < m_investeeId.size(); ++i) {
        const qint64 sector = m_investeeIsFund[i] ? -1 : m_investeeSector[i];
        if (sector < 0)
            continue;
        auto it = sectorIndex.constFind(sector);
        if (it == sectorIndex.constEnd()) {
            it = sectorIndex.insert(sector, int32_t(sectorOfIndex.size()));
            sectorOfIndex.push_back(sector);
        }
        investeeSectorIndex[i] = *it;
    }

    std::vector<Pass> passes(size_t(requests.size()));
    qint64 maxFund = 0;
    for (qint64 fund : m_phaseFund)
        maxFund = std::max(maxFund, fund);
    for (qsizetype r = 0; r < requests.size(); ++r) {
        Pass &p = passes[size_t(r)];
        p.request = requests.at(r);
        const Key key = p.request.key;
        p.byInvestee = key == Key::Sector || key == Key::Segment || key == Key::Region || key == Key::Investee
                || key == Key::City;
        p.byPhase = key == Key::Phase || key == Key::Fund;
        QHash<QPair<qint64, qint64>, int32_t> baseOf;
        auto baseFor = [&](qint64 keyId, qint64 parentId) {
            const auto pair = qMakePair(keyId, parentId);
            auto it = baseOf.constFind(pair);
            if (it == baseOf.constEnd()) {
                it = baseOf.insert(pair, int32_t(p.keyOfBase.size()));
                p.keyOfBase.push_back(keyId);
                p.parentOfBase.push_back(parentId);
            }
            return *it;
        };
        if (p.byInvestee) {
            p.baseOfInvestee.resize(m_investeeId.size());
            for (size_t i = 0; i < m_investeeId.size(); ++i) {
                switch (key) {
                case Key::Sector: p.baseOfInvestee[i] = baseFor(m_investeeSector[i], -1); break;
                case Key::Segment: p.baseOfInvestee[i] = baseFor(m_investeeSegment[i], m_investeeSector[i]); break;
                case Key::Region: p.baseOfInvestee[i] = baseFor(m_investeeRegion[i], -1); break;
                case Key::City: p.baseOfInvestee[i] = baseFor(m_investeeCity[i], -1); break;
                default: p.baseOfInvestee[i] = baseFor(m_investeeId[i], -1); break;
                }
            }
        } else if (p.byPhase) {
            p.baseOfPhase.resize(m_phaseId.size());
            for (size_t ph = 0; ph < m_phaseId.size(); ++ph)
                p.baseOfPhase[ph] = key == Key::Phase ? baseFor(m_phaseId[ph], m_phaseFund[ph])
                                                      : baseFor(m_phaseFund[ph], -1);
        } else {
            // Years: base index = the year itself (0 = unknown).
            p.keyOfBase.resize(size_t(std::numeric_limits<int16_t>::max()) + 1);
            p.parentOfBase.assign(p.keyOfBase.size(), -1);
            for (size_t y = 0; y < p.keyOfBase.size(); ++y)
                p.keyOfBase[y] = y == 0 ? -1 : qint64(y);
        }
        p.sectorCount = p.request.bySector ? int32_t(sectorOfIndex.size()) : 1;
        p.groupOfDense.assign(p.keyOfBase.size() * size_t(p.sectorCount), -1);
        if (key == Key::Investee)
            p.lastInvesteeOfFund.assign(size_t(maxFund) + 1, -1);
    }

    Group totals;            // rows into companies
    Group subFundFlows;      // rows into sub-funds
    int32_t lastTotalInvestee = -1;
    int32_t lastSubInvestee = -1;
    constexpr int MaxCurrencies = 64;
    constexpr int Years = 3000;
    std::vector<uint8_t> seenRate(size_t(MaxCurrencies) * Years, 0);

    const size_t n = m_investee.size();
    for (size_t r = 0; r < n; ++r) {
        if (!admits(m, r))
            continue;
        const int32_t inv = m_investee[r];
        const int32_t ph = m_phase[r];
        const int32_t date = m_dateKey[r];
        const uint8_t currency = m_currency[r];
        const bool undisclosed = currency == Undisclosed;
        const double value = values[r];
        const int measure = m_type[r];
        if (!undisclosed && currency != base && currency < MaxCurrencies)
            seenRate[size_t(currency) * Years + size_t(m_year[r])] = 1;
        const bool sub = m_investeeIsFund[size_t(inv)];
        if (sub) {
            accumulate(subFundFlows, measure, value, undisclosed);
            if (lastSubInvestee != inv) {
                lastSubInvestee = inv;
                ++subFundFlows.investees;
            }
        } else {
            accumulate(totals, measure, value, undisclosed);
            if (lastTotalInvestee != inv) {
                lastTotalInvestee = inv;
                ++totals.investees;
            }
        }
        for (Pass &p : passes) {
            if (sub && !p.request.subFundFlowsInGroups)
                continue;
            const int32_t baseIndex = p.byInvestee ? p.baseOfInvestee[size_t(inv)]
                    : p.byPhase                    ? p.baseOfPhase[size_t(ph)]
                                                   : int32_t(m_year[r]);
            const size_t dense = size_t(baseIndex) * size_t(p.sectorCount)
                    + (p.request.bySector ? size_t(investeeSectorIndex[size_t(inv)]) : 0);
            int32_t slot = p.groupOfDense[dense];
            if (slot < 0) {
                Group g;
                g.keyId = p.keyOfBase[size_t(baseIndex)];
                g.parentId = p.parentOfBase[size_t(baseIndex)];
                if (p.request.bySector)
                    g.sectorId = sectorOfIndex[size_t(investeeSectorIndex[size_t(inv)])];
                slot = int32_t(p.groups.size());
                p.groups.append(g);
                p.groupOfDense[dense] = slot;
                p.lastInvestee.push_back(-1);
            }
            Group &g = p.groups[slot];
            accumulate(g, measure, value, undisclosed);
            if (p.lastInvestee[size_t(slot)] != inv) {
                p.lastInvestee[size_t(slot)] = inv;
                ++g.investees;
            }
            if (date >= 0) {
                if (g.firstDate < 0 || date < g.firstDate)
                    g.firstDate = date;
                if (date > g.lastDate)
                    g.lastDate = date;
                const float stake = m_stake[r];
                if (!std::isnan(stake) && date >= g.latestStakeDate) {
                    g.latestStakeDate = date;
                    g.latestStake = stake;
                }
            }
            if (!p.lastInvesteeOfFund.empty()) {
                int32_t &seen = p.lastInvesteeOfFund[size_t(m_phaseFund[size_t(ph)])];
                if (seen != inv) {
                    seen = inv;
                    ++g.funds;
                }
            }
        }
    }

    // Rates, as AggregationEngine reports them: a row needing a missing rate names only what is
    // missing; otherwise the rates it was converted at.
    QSet<QString> used;
    QSet<QString> missing;
    const QString baseCode = m_currencyCodes.value(base);
    for (int c = 0; c < m_currencyCodes.size() && c < MaxCurrencies; ++c) {
        for (int y = 0; y < Years; ++y) {
            if (!seenRate[size_t(c) * Years + size_t(y)])
                continue;
            QStringList needUsed;
            QStringList needMissing;
            for (const QString &code : { m_currencyCodes.at(c), baseCode }) {
                if (code == QLatin1String("CNY"))
                    continue;
                if (y == 0) {
                    needMissing.append(code + QStringLiteral(" (date unknown)"));
                    continue;
                }
                const auto it = m_rates.constFind(code + QLatin1Char(' ') + QString::number(y));
                if (it == m_rates.constEnd())
                    needMissing.append(code + QLatin1Char(' ') + QString::number(y));
                else
                    needUsed.append(code + QLatin1Char(' ') + QString::number(y) + QStringLiteral(": ") + rateText(*it));
            }
            for (const QString &s : std::as_const(needMissing.isEmpty() ? needUsed : needMissing))
                (needMissing.isEmpty() ? used : missing).insert(s);
        }
    }
    QStringList ratesUsed(used.cbegin(), used.cend());
    QStringList ratesMissing(missing.cbegin(), missing.cend());
    ratesUsed.sort();
    ratesMissing.sort();

    results->clear();
    for (Pass &p : passes) {
        Result out;
        out.groups = std::move(p.groups);
        out.totals = totals;
        if (p.request.subFundFlowsInGroups)
            addInto(out.totals, subFundFlows);
        out.subFundFlows = subFundFlows;
        out.ratesUsed = ratesUsed;
        out.ratesMissing = ratesMissing;
        results->append(std::move(out));
    }
    return true;
}
