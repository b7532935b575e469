#include "NameResolver.h"

#include "ImportOptions.h"
#include "InterchangeFields.h"
#include "InterchangeLoader.h"
#include "InterchangeReportBuilder.h"

#include <QCoreApplication>

using InterchangeFields::borrowed;
using InterchangeFields::text;

namespace {

constexpr auto columnBytes = &InterchangeSession::columnBytes;

// Said of a province named in no country, or not in the row's.
QString unknownProvince(QByteArrayView province)
{
    return QCoreApplication::translate("InterchangeLoader",
        "unknown province '%1' (a province-level division of China in English, e.g. Guangdong)")
        .arg(text(province));
}

} // namespace

bool NameResolver::preload()
{
    bool ok = m_session.query("SELECT code, minor_digits FROM currencies ORDER BY code", [&](sqlite3_stmt *s) {
        const QByteArray code = columnBytes(s, 0);
        m_currencies.insert(code, { int(m_currencyCodes.size()), sqlite3_column_int(s, 1) });
        m_currencyCodes.append(code);
    });
    ok = ok && m_session.query("SELECT id, kind, parent_id, name, name_zh FROM regions ORDER BY id", [&](sqlite3_stmt *s) {
        const qint64 id = sqlite3_column_int64(s, 0);
        const QByteArray kind = columnBytes(s, 1);
        const qint64 parent = sqlite3_column_int64(s, 2);
        const QByteArray name = columnBytes(s, 3);
        const QByteArray nameZh = columnBytes(s, 4);
        if (kind == "country") {
            m_countries.insert(name, id);
            addName(m_countries, nameZh, id);
        } else if (kind == "province") {
            NameMap &m = m_provincesByCountry[parent];
            m.insert(name, id);
            addName(m, nameZh, id);
            addName(m_provincesAnywhere, name, id);
            addName(m_provincesAnywhere, nameZh, id);
            m_provinceCountry.insert(id, parent);
        } else {
            NameMap &m = m_citiesByParent[parent];
            m.insert(name, id);
            addName(m, nameZh, id);
        }
    });
    ok = ok && m_session.query("SELECT id, name, name_zh FROM sectors", [&](sqlite3_stmt *s) {
        m_sectors.insert(columnBytes(s, 1), sqlite3_column_int64(s, 0));
    });
    ok = ok && m_session.query("SELECT id, name, name_zh FROM sectors", [&](sqlite3_stmt *s) {
        addName(m_sectors, columnBytes(s, 2), sqlite3_column_int64(s, 0));
    });
    ok = ok && m_session.query("SELECT id, sector_id, name, name_zh FROM segments", [&](sqlite3_stmt *s) {
        NameMap &m = m_segmentsBySector[sqlite3_column_int64(s, 1)];
        m.insert(columnBytes(s, 2), sqlite3_column_int64(s, 0));
        addName(m, columnBytes(s, 3), sqlite3_column_int64(s, 0));
    });
    ok = ok && m_session.query("SELECT id, name, parent_fund_id FROM funds", [&](sqlite3_stmt *s) {
        const qint64 id = sqlite3_column_int64(s, 0);
        m_funds.insert(columnBytes(s, 1), id);
        m_fundName.insert(id, columnBytes(s, 1));
        m_fundParent.insert(id, sqlite3_column_int64(s, 2));
    });
    ok = ok && m_session.query("SELECT id, name_zh FROM funds", [&](sqlite3_stmt *s) {
        addName(m_funds, columnBytes(s, 1), sqlite3_column_int64(s, 0));
    });
    ok = ok && m_session.query("SELECT id, fund_id, label FROM phases", [&](sqlite3_stmt *s) {
        m_phasesByFund[sqlite3_column_int64(s, 1)].insert(columnBytes(s, 2), sqlite3_column_int64(s, 0));
    });
    ok = ok && m_session.query("SELECT id, name FROM investees", [&](sqlite3_stmt *s) {
        m_investees.insert(columnBytes(s, 1), sqlite3_column_int64(s, 0));
    });
    ok = ok && m_session.query("SELECT id, name_zh FROM investees", [&](sqlite3_stmt *s) {
        addName(m_investees, columnBytes(s, 1), sqlite3_column_int64(s, 0));
    });
    return ok && m_session.prepareKept(m_insertCity, "INSERT INTO regions(kind, parent_id, name) VALUES ('city', ?1, ?2)")
            && m_session.prepareKept(m_insertSegment, "INSERT INTO segments(sector_id, name) VALUES (?1, ?2)")
            && m_session.prepareKept(
                    m_createFund, "INSERT INTO funds(name, kind, level) VALUES (?1, 'fund', 'national')")
            && m_session.prepareKept(m_createPhase, "INSERT INTO phases(fund_id, label) VALUES (?1, ?2)")
            && m_session.prepareKept(m_createInvestee, "INSERT INTO investees(name, kind) VALUES (?1, 'company')");
}

void NameResolver::addName(NameMap &map, const QByteArray &name, qint64 id)
{
    if (!name.isEmpty() && !map.contains(name))
        map.insert(name, id);
}

void NameResolver::noteUnknown(const QString &kind, QByteArrayView fund, QByteArrayView name)
{
    m_session.report().unknownName(kind, text(fund), text(name), m_session.where());
}

qint64 NameResolver::resolveName(const QString &kind, QByteArrayView fund, qint64 fundId, QByteArrayView name)
{
    const auto answer = m_session.options().names.constFind(UnknownName::key(kind, text(fund), text(name)));
    if (answer == m_session.options().names.constEnd()) {
        noteUnknown(kind, fund, name);
        return 0;
    }
    const bool isFund = kind == QLatin1String("fund");
    const bool isPhase = kind == QLatin1String("phase");
    if (answer->action == NameResolution::Action::MapTo) {
        const QByteArray target = answer->target.trimmed().toUtf8();
        const qint64 id = isFund ? m_funds.value(target)
                : isPhase        ? m_phasesByFund.value(fundId).value(target)
                                 : m_investees.value(target);
        if (id == 0)
            noteUnknown(kind, fund, name);
        return id;
    }
    if (isPhase && fundId == 0)
        return 0;
    const qint64 id = isFund ? createFund(name) : isPhase ? createPhase(fundId, name) : createInvestee(name);
    return id;
}

qint64 NameResolver::createNamed(
    SqliteStatement &insert, int nameParameter, QByteArrayView name, NameMap &names, const QString &table)
{
    m_session.bindText(insert.handle(), nameParameter, name);
    const qint64 id = m_session.create(insert);
    if (id == 0)
        return 0;
    names.insert(name.toByteArray(), id);
    m_session.report().created(table, table, id);
    return id;
}

qint64 NameResolver::createFund(QByteArrayView name)
{
    const qint64 id = createNamed(m_createFund, 1, name, m_funds, QStringLiteral("funds"));
    if (id != 0) {
        m_fundName.insert(id, name.toByteArray());
        m_fundParent.insert(id, 0);
    }
    return id;
}

qint64 NameResolver::createPhase(qint64 fundId, QByteArrayView label)
{
    m_session.bound(sqlite3_bind_int64(m_createPhase.handle(), 1, fundId));
    return createNamed(m_createPhase, 2, label, m_phasesByFund[fundId], QStringLiteral("phases"));
}

qint64 NameResolver::createInvestee(QByteArrayView name)
{
    return createNamed(m_createInvestee, 1, name, m_investees, QStringLiteral("investees"));
}

QString NameResolver::rejectedHint(
    const QString &message, const QHash<QByteArray, QString> &rejected, QByteArrayView key) const
{
    const auto it = rejected.constFind(borrowed(key));
    if (it == rejected.constEnd())
        return message;
    return QCoreApplication::translate("InterchangeLoader", "%1 (its row at %2 was rejected)")
        .arg(message, it.value());
}

qint64 NameResolver::insertVocabulary(SqliteStatement &insert, NameMap &names, qint64 parent, QByteArrayView name,
                                      const QString &table, const QString &counted)
{
    if (const qint64 id = names.value(borrowed(name)); id > 0)
        return id;
    m_session.bindId(insert.handle(), 1, parent);
    m_session.bindText(insert.handle(), 2, name);
    if (!m_session.step(insert))
        return 0;
    const qint64 id = m_session.lastId();
    names.insert(name.toByteArray(), id);
    m_session.report().created(table, counted, id);
    return id;
}

qint64 NameResolver::cityId(qint64 parent, QByteArrayView name)
{
    return insertVocabulary(m_insertCity, m_citiesByParent[parent], parent, name, QStringLiteral("regions"),
                            QStringLiteral("cities"));
}

qint64 NameResolver::segmentId(qint64 sector, QByteArrayView name)
{
    return insertVocabulary(m_insertSegment, m_segmentsBySector[sector], sector, name, QStringLiteral("segments"),
                            QStringLiteral("segments"));
}

NameResolver::Region NameResolver::resolveRegion(int countryCol, int provinceCol, int cityCol)
{
    Region r;
    const QByteArrayView country = m_session.value(countryCol);
    QByteArrayView province = m_session.value(provinceCol);
    const QByteArrayView city = m_session.value(cityCol);
    bool ok = true;
    if (!country.isEmpty()) {
        r.country = m_countries.value(borrowed(country));
        if (r.country == 0) {
            m_session.rowIssue(countryCol,
                QCoreApplication::translate("InterchangeLoader",
                    "unknown country '%1' (use its English short name, e.g. China, "
                    "United States)")
                    .arg(text(country)));
            ok = false;
        }
    }
    // "China, (no province), Shanghai": the city names a province-level city.
    if (province.isEmpty() && !city.isEmpty() && r.country > 0
        && m_provincesByCountry.value(r.country).contains(borrowed(city)))
        province = city;
    if (!province.isEmpty()) {
        if (r.country > 0) {
            r.province = m_provincesByCountry.value(r.country).value(borrowed(province));
            if (r.province == 0) {
                const bool elsewhere = m_provincesAnywhere.contains(borrowed(province));
                m_session.rowIssue(provinceCol,
                    elsewhere ? QCoreApplication::translate("InterchangeLoader", "province '%1' is not in %2")
                                    .arg(text(province), text(country))
                              : unknownProvince(province));
                ok = false;
            }
        } else if (ok) {
            r.province = m_provincesAnywhere.value(borrowed(province));
            if (r.province == 0) {
                m_session.rowIssue(provinceCol, unknownProvince(province));
                ok = false;
            } else {
                r.country = m_provinceCountry.value(r.province);
            }
        }
    }
    if (!city.isEmpty() && ok) {
        const qint64 parent = r.province > 0 ? r.province : r.country;
        if (parent == 0)
            m_session.rowIssue(cityCol,
                QCoreApplication::translate("InterchangeLoader", "city '%1' needs a province or a country")
                    .arg(text(city)));
        else if ((r.city = m_citiesByParent.value(parent).value(borrowed(city))) == 0) {
            r.cityParent = parent;
            r.cityName = city;
        }
    }
    return r;
}

bool NameResolver::materialize(Region &region)
{
    if (region.cityName.isEmpty())
        return true;
    region.city = cityId(region.cityParent, region.cityName);
    return region.city > 0;
}

