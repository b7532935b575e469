#include "SharedFilter.h"

void SharedFilter::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    Q_EMIT changed(m_filter);
}

void SharedFilter::clear()
{
    Filter cleared;
    cleared.currency = m_filter.currency;
    setFilter(cleared);
}
