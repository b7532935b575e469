#include "AggregationCache.h"

#include "Database.h"
#include "DisbursementRepository.h"
#include "FilterMask.h"
#include "StorageBackend.h"

#include <QCoreApplication>

bool AggregationCache::worthLoading(Database &db)
{
    return DisbursementRepository(db).tableRows() > SqlFallbackLimit;
}

bool AggregationCache::supportsCurrency(const QString &currency)
{
    return currency.isEmpty() || currency == QLatin1String("CNY") || currency == QLatin1String("USD");
}

bool AggregationCache::load(Database &db, QString *error, qint64 splitFrom)
{
    m_loaded = false;
    {
        QMutexLocker lock(&m_namesMutex);
        m_names.clear();
    }
    m_loaded = db.backend().loadColumns(db, m_store, error, splitFrom);
    return m_loaded;
}

bool AggregationCache::count(Database &db, const Filter &filter, qint64 *count, QString *error) const
{
    if (!m_loaded) {
        *error = QCoreApplication::translate("AggregationCache", "the aggregation cache is not loaded");
        return false;
    }
    FilterMask mask;
    if (!mask.build(db, m_store, filter, error))
        return false;
    *count = mask.count(m_store);
    return true;
}
