#pragma once

#include <QHash>

#include <cstdint>
#include <vector>

/// Row id -> dense index, for the in-memory columns (ColumnStore). Ids are nearly always dense
/// (1..n with a few gaps), so an array indexed by the id answers without hashing; ids spread far
/// wider than their count (a stray huge id) fall back to a hash, so they cannot cost gigabytes.
class ColumnIdIndex
{
public:
    /// Index i for ids[i].
    void build(const std::vector<qint64> &ids);
    void clear();
    /// The dense index of `id`; -1 when there is none.
    int32_t find(qint64 id) const
    {
        if (m_dense)
            return id >= 0 && quint64(id) < quint64(m_byId.size()) ? m_byId[size_t(id)] : -1;
        return m_sparse.value(id, -1);
    }

private:
    bool m_dense = true;
    std::vector<int32_t> m_byId;
    QHash<qint64, int32_t> m_sparse;
};
