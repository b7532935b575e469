#pragma once

#include "ColumnStore.h"
#include "DataRevision.h"
#include "Filter.h"

#include <QHash>
#include <QMutex>
#include <QPair>
#include <QString>

#include <optional>

class Database;

/// The in-memory copy of what the groupings read (a ColumnStore, filled by ColumnLoader), and
/// what lives exactly as long as it: the groups' names. ColumnAggregator answers from it; one
/// pass over plain arrays is much faster than the same GROUP BY in SQLite on a large database.
///
/// It holds CNY and USD amounts only (supportsCurrency). Any write to disbursements, investees,
/// phases, regions or exchange rates makes it stale: load it again. load() may run on a worker
/// thread with that thread's own Database; a loaded cache is only read, from any thread.
class AggregationCache
{
public:
    /// Up to this many disbursements (DisbursementRepository::tableRows()) a grouping by SQL
    /// answers about as fast as loading the cache; above it, load the cache and group from it.
    /// `fundscope summary` and AnalyticsService decide by it (worthLoading()).
    static constexpr qint64 SqlFallbackLimit = 50000;
    /// See ColumnStore::SplitFrom.
    static constexpr qint64 SplitFrom = ColumnStore::SplitFrom;

    /// True when the database holds more disbursements than SqlFallbackLimit.
    static bool worthLoading(Database &db);

    /// Reads the disbursements and everything the groupings need, in one snapshot (ColumnLoader).
    /// Replaces what was loaded before; false with *error (naming the file) on failure, and then
    /// not loaded. `splitFrom` overrides SplitFrom (tests force the splits on small data with 1).
    bool load(Database &db, QString *error, qint64 splitFrom = SplitFrom);
    /// load(), kept between processes: reads the column snapshot `snapshotFile`
    /// (ColumnSnapshot::filePath()) when it holds the database's current data; otherwise loads
    /// from the database (then keep() writes the file for the next process, once the caller has
    /// used what it loaded). An empty `snapshotFile` is a plain load(). The file only saves
    /// time: one that cannot be read or written changes no figure.
    bool loadKept(Database &db, const QString &snapshotFile, QString *error);
    /// Writes the column snapshot of what was loaded from the database at a known revision;
    /// does nothing after a load from the snapshot. Only reads the cache (any thread).
    void keep(const QString &snapshotFile, const QString &databasePath) const;
    bool isLoaded() const { return m_loaded; }
    /// The state of the data the cache holds: the stamp read before and after the load, when the
    /// two were equal (nullopt when a write came between them, or the stamp was unreadable).
    std::optional<DataRevision> revision() const { return m_revision; }
    /// True when the last load came from the column snapshot.
    bool loadedFromSnapshot() const { return m_fromSnapshot; }
    qint64 rowCount() const { return m_store.rowCount(); }
    const ColumnStore &store() const { return m_store; }
    /// True when the cache can answer in this base currency (Filter::currency).
    static bool supportsCurrency(const QString &currency);

    /// How many disbursements the filter admits: the same count as SQL's, without the random
    /// table reads SQLite needs to check a status behind a date or fund index. `db` resolves the
    /// filter's text and region parts (small tables only).
    bool count(Database &db, const Filter &filter, qint64 *count, QString *error) const;

    /// A group's display name, remembered per grouping dimension (AggregationNames).
    struct GroupName
    {
        QString key;
        QString keyZh;
        qint64 parentId = -1;
    };
    using NameMemo = QHash<QPair<qint64, qint64>, GroupName>;
    /// Runs `use` on the name memo of one dimension (an int the caller chooses) under a lock:
    /// names live as long as the cache, which is reloaded after any write.
    template<typename Use>
    void withNames(int dimension, Use use) const
    {
        QMutexLocker lock(&m_namesMutex);
        use(m_names[dimension]);
    }

private:
    void forgetNames();
    bool loadFromDatabase(Database &db, const std::optional<DataRevision> &before, QString *error, qint64 splitFrom);

    mutable QMutex m_namesMutex;
    mutable QHash<int, NameMemo> m_names;
    bool m_loaded = false;
    bool m_fromSnapshot = false;
    std::optional<DataRevision> m_revision;
    ColumnStore m_store;
};
