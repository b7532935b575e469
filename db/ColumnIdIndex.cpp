#include "ColumnIdIndex.h"

#include <algorithm>

void ColumnIdIndex::clear()
{
    m_dense = true;
    m_byId = {};
    m_sparse.clear();
}

void ColumnIdIndex::build(const std::vector<qint64> &ids)
{
    clear();
    qint64 lowest = 0;
    qint64 highest = -1;
    for (const qint64 id : ids) {
        lowest = std::min(lowest, id);
        highest = std::max(highest, id);
    }
    // Four bytes per possible id: dense while that stays within a few times the hash's size.
    m_dense = lowest >= 0 && highest < 4 * qint64(ids.size()) + 4096;
    if (m_dense) {
        m_byId.assign(size_t(highest + 1), -1);
        for (size_t i = 0; i < ids.size(); ++i)
            m_byId[size_t(ids[i])] = int32_t(i);
    } else {
        m_sparse.reserve(qsizetype(ids.size()));
        for (size_t i = 0; i < ids.size(); ++i)
            m_sparse.insert(ids[i], int32_t(i));
    }
}
