#include "AggregationCache.h"

#include "ColumnSnapshot.h"
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
    return loadFromDatabase(db, DataRevision::read(db), error, splitFrom);
}

bool AggregationCache::loadKept(Database &db, const QString &snapshotFile, QString *error)
{
    const std::optional<DataRevision> before = DataRevision::read(db);
    if (snapshotFile.isEmpty())
        return loadFromDatabase(db, before, error, SplitFrom);
    forgetNames();
    if (before && ColumnSnapshot::load(snapshotFile, db.path(), *before, m_store)) {
        m_store.passSplitFrom = SplitFrom;
        m_loaded = true;
        m_fromSnapshot = true;
        m_revision = before;
        return true;
    }
    return loadFromDatabase(db, before, error, SplitFrom);
}

void AggregationCache::keep(const QString &snapshotFile, const QString &databasePath) const
{
    if (m_loaded && !m_fromSnapshot && m_revision && !snapshotFile.isEmpty())
        ColumnSnapshot::save(snapshotFile, databasePath, *m_revision, m_store);
}

bool AggregationCache::loadFromDatabase(
    Database &db, const std::optional<DataRevision> &before, QString *error, qint64 splitFrom)
{
    forgetNames();
    m_fromSnapshot = false;
    m_revision.reset();
    m_loaded = db.backend().loadColumns(db, m_store, error, splitFrom);
    // Equal stamps before and after: no write came between, so the columns hold that state.
    if (m_loaded && before && DataRevision::read(db) == before)
        m_revision = before;
    return m_loaded;
}

void AggregationCache::forgetNames()
{
    m_loaded = false;
    QMutexLocker lock(&m_namesMutex);
    m_names.clear();
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
