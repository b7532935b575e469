#include "FilterMask.h"

#include "Database.h"
#include "Vocabulary.h"

#include <QSet>

qint64 FilterMask::count(const ColumnStore &store) const
{
    qint64 n = 0;
    const size_t rows = store.investee.size();
    for (size_t r = 0; r < rows; ++r)
        n += admits(store, r) ? 1 : 0;
    return n;
}

void FilterMask::build(const ColumnStore &store, const ResolvedFilter &r)
{
    const Filter &f = r.filter;
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
    const QSet<qint64> regions(r.regions.cbegin(), r.regions.cend());
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
    m_text = r.hasText;
    if (m_text) {
        m_investeeText.assign(investees, 0);
        m_phaseText.assign(phases, 0);
        for (qint64 id : r.textInvestees) {
            const int32_t at = store.investeeIndex.find(id);
            if (at >= 0)
                m_investeeText[size_t(at)] = 1;
        }
        for (qint64 id : r.textPhases) {
            const int32_t at = store.phaseIndex.find(id);
            if (at >= 0)
                m_phaseText[size_t(at)] = 1;
        }
    }
    auto words = [](bool *ok, const QStringList &all, const QStringList &chosen) {
        for (int i = 0; i < all.size(); ++i)
            ok[i] = chosen.isEmpty() || chosen.contains(all.at(i));
    };
    words(m_typeOk, Vocabulary::eventTypes(), f.types);
    words(m_statusOk, Vocabulary::statuses(), r.statuses);
    words(m_confidenceOk, Vocabulary::confidences(), f.confidences);
    m_hasFrom = !r.fromBound.isEmpty();
    if (m_hasFrom)
        m_from = ColumnStore::dateKey(r.fromBound);
    m_hasTo = !r.toBound.isEmpty();
    if (m_hasTo)
        m_to = ColumnStore::dateKey(r.toBound);
}

bool FilterMask::build(Database &db, const ColumnStore &store, const Filter &filter, QString *error)
{
    ResolvedFilter resolved;
    if (!ResolvedFilter::resolve(db, filter, &resolved, error))
        return false;
    build(store, resolved);
    return true;
}
