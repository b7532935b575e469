#include "FilterMask.h"

#include "Database.h"
#include "FilterSql.h"
#include "RawQuery.h"

#include <QCoreApplication>
#include <QSet>

qint64 FilterMask::count(const ColumnStore &store) const
{
    qint64 n = 0;
    const size_t rows = store.investee.size();
    for (size_t r = 0; r < rows; ++r)
        n += admits(store, r) ? 1 : 0;
    return n;
}

bool FilterMask::build(Database &db, const ColumnStore &store, const Filter &f, QString *error)
{
    auto fail = [&](const QString &what, const RawQuery &q) {
        *error = QStringLiteral("%1: %2: %3").arg(db.path(), what, q.errorString());
        return false;
    };
    const size_t investees = store.investeeId.size();
    const size_t phases = store.phaseId.size();
    m_investeeAllowed.assign(investees, 1);
    m_phaseAllowed.assign(phases, 1);

    if (!f.funds.isEmpty() || !f.phases.isEmpty()) {
        const QSet<qint64> funds(f.funds.cbegin(), f.funds.cend());
        const QSet<qint64> chosen(f.phases.cbegin(), f.phases.cend());
        for (size_t p = 0; p < phases; ++p) {
            const bool fundOk = funds.isEmpty() || funds.contains(store.phaseFund[p]);
            const bool phaseOk = chosen.isEmpty() || chosen.contains(store.phaseId[p]);
            m_phaseAllowed[p] = fundOk && phaseOk;
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
        RawQuery q(db,
            QStringLiteral("WITH RECURSIVE within(id) AS (SELECT id FROM regions WHERE id IN (%1)"
                           " UNION SELECT r.id FROM regions r JOIN within w ON r.parent_id = w.id)"
                           " SELECT id FROM within")
                .arg(marks.join(QLatin1Char(','))),
            binds);
        while (q.next())
            regions.insert(q.integer(0));
        if (!q.isValid())
            return fail(QCoreApplication::translate("AggregationCache", "resolving regions"), q);
    }
    const QSet<qint64> sectors(f.sectors.cbegin(), f.sectors.cend());
    const QSet<qint64> segments(f.segments.cbegin(), f.segments.cend());
    const QSet<qint64> chosenInvestees(f.investees.cbegin(), f.investees.cend());
    if (!sectors.isEmpty() || !segments.isEmpty() || !f.regions.isEmpty() || !chosenInvestees.isEmpty()) {
        for (size_t i = 0; i < investees; ++i) {
            bool ok = sectors.isEmpty() || sectors.contains(store.investeeSector[i]);
            ok = ok && (chosenInvestees.isEmpty() || chosenInvestees.contains(store.investeeId[i]));
            ok = ok && (segments.isEmpty() || segments.contains(store.investeeSegment[i]));
            ok = ok
                    && (f.regions.isEmpty() || regions.contains(store.investeeCountry[i])
                        || regions.contains(store.investeeProvince[i]) || regions.contains(store.investeeCity[i]));
            m_investeeAllowed[i] = ok;
        }
    }
    const QString text = f.text.trimmed();
    if (!text.isEmpty()) {
        m_text = true;
        m_investeeText.assign(investees, 0);
        m_phaseText.assign(phases, 0);
        const QString like = FilterSql::containsPattern(text);
        RawQuery byInvestee(db,
            QStringLiteral("SELECT id FROM investees WHERE name LIKE ? ESCAPE '\\'"
                           " OR name_zh LIKE ? ESCAPE '\\' OR ticker LIKE ? ESCAPE '\\'"),
            { like, like, like });
        while (byInvestee.next()) {
            const int32_t at = store.investeeIndex.find(byInvestee.integer(0));
            if (at >= 0)
                m_investeeText[size_t(at)] = 1;
        }
        if (!byInvestee.isValid())
            return fail(QCoreApplication::translate("AggregationCache", "searching investees"), byInvestee);
        RawQuery byFund(db,
            QStringLiteral("SELECT p.id FROM phases p JOIN funds fu ON fu.id = p.fund_id"
                           " WHERE fu.name LIKE ? ESCAPE '\\' OR fu.name_zh LIKE ? ESCAPE '\\'"),
            { like, like });
        while (byFund.next()) {
            const int32_t at = store.phaseIndex.find(byFund.integer(0));
            if (at >= 0)
                m_phaseText[size_t(at)] = 1;
        }
        if (!byFund.isValid())
            return fail(QCoreApplication::translate("AggregationCache", "searching funds"), byFund);
    }
    auto words = [](bool *ok, const QStringList &all, const QStringList &chosen) {
        for (int i = 0; i < all.size(); ++i)
            ok[i] = chosen.isEmpty() || chosen.contains(all.at(i));
    };
    words(m_typeOk, Vocabulary::eventTypes(), f.types);
    words(m_statusOk, Vocabulary::statuses(), f.statuses.isEmpty() ? Vocabulary::defaultStatuses() : f.statuses);
    words(m_confidenceOk, Vocabulary::confidences(), f.confidences);
    if (!f.from.isEmpty()) {
        m_hasFrom = true;
        m_from = ColumnStore::dateKey(FilterSql::lowerBound(f.from));
    }
    if (!f.to.isEmpty()) {
        m_hasTo = true;
        m_to = ColumnStore::dateKey(FilterSql::upperBound(f.to));
    }
    return true;
}
