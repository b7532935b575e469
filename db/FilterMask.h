#pragma once

#include "ColumnStore.h"
#include "Filter.h"
#include "ResolvedFilter.h"

#include <cstdint>
#include <limits>
#include <vector>

class Database;

/// A resolved Filter laid over a ColumnStore: which investees and phases it admits, which words
/// and which date range, so that admitting a row is a few array reads. It reads the same
/// ResolvedFilter as FilterSql and admits exactly the rows FilterSql's WHERE clause admits.
class FilterMask
{
public:
    void build(const ColumnStore &store, const ResolvedFilter &filter);
    /// Resolves `filter` on `db` first (ResolvedFilter::resolve, cached); false with *error
    /// (naming the file) when the database could not answer.
    bool build(Database &db, const ColumnStore &store, const Filter &filter, QString *error);

    /// Whether any row of investee `investee` (a dense index) can pass.
    bool admitsInvestee(int32_t investee) const { return m_investeeAllowed[size_t(investee)]; }

    /// Whether row `r` of `store` (the store the mask was built for) passes.
    bool admits(const ColumnStore &store, size_t r) const
    {
        const int32_t inv = store.investee[r];
        const int32_t ph = store.phase[r];
        if (!m_investeeAllowed[size_t(inv)] || !m_phaseAllowed[size_t(ph)])
            return false;
        if (m_text && !m_investeeText[size_t(inv)] && !m_phaseText[size_t(ph)])
            return false;
        if (!m_typeOk[store.type[r]] || !m_statusOk[store.status[r]] || !m_confidenceOk[store.confidence[r]])
            return false;
        const int32_t date = store.dateKeys[r];
        return !((m_hasFrom && (date < 0 || date < m_from)) || (m_hasTo && (date < 0 || date > m_to)));
    }

    /// How many rows of `store` pass.
    qint64 count(const ColumnStore &store) const;

private:
    std::vector<uint8_t> m_investeeAllowed;
    std::vector<uint8_t> m_phaseAllowed;
    bool m_text = false;
    std::vector<uint8_t> m_investeeText;
    std::vector<uint8_t> m_phaseText;
    bool m_typeOk[8] = {};
    bool m_statusOk[8] = {};
    bool m_confidenceOk[8] = {};
    int32_t m_from = std::numeric_limits<int32_t>::min();
    int32_t m_to = std::numeric_limits<int32_t>::max();
    bool m_hasFrom = false;
    bool m_hasTo = false;
};
