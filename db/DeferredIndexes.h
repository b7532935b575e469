#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

class Database;

/// The second stage of a big import: the indexes it left out of its transaction
/// (ImportOptions::deferSortIndexes), listed in the deferred_indexes table (schema step 8) and
/// built afterwards, each in a transaction of its own, while the data is in use. Only indexes
/// that no total needs are ever deferred: until they exist, the sorts and filters that read them
/// are slower, never wrong (DisbursementRepository names an index only once it exists).
class DeferredIndexes
{
public:
    /// True for the disbursement indexes an import may leave for later: the sort indexes of the
    /// Disbursements page. The by-phase, by-investee and by-year ones (fund and investee filters,
    /// rates, figures) are always built inside the import.
    static bool isDeferrable(const QString &indexName);
    /// The names still to be built, in build order; empty when none (or the list is unreadable).
    static QStringList pending(Database &db);
    /// True when `indexName` is listed as still to be built.
    static bool isPending(Database &db, const QString &indexName);
    /// Builds every listed index, one transaction each (the index and its removal from the list
    /// commit together, so a crash leaves either both or neither). `progress(done, total)` is
    /// called before each and at the end. A set `*cancel` stops it, the current build rolled
    /// back and listed still. False with *error (naming the file) on failure or cancel.
    static bool build(Database &db, const std::atomic_bool *cancel,
                      const std::function<void(int done, int total)> &progress, QString *error);
};
