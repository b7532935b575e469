#pragma once

#include "ColumnStore.h"

#include <QString>

class Database;

/// Reads the disbursements and everything the groupings need from SQLite into a ColumnStore, in
/// one snapshot, with every amount converted to CNY and USD at its year's rate.
///
/// From `splitFrom` rows (by the largest rowid) the table is read on two threads, in chunks of
/// rowids that a second connection to the same file and this one take in turn. It does so only
/// when the file is a file, the connection is not inside a transaction (the second could not see
/// its changes) and the machine has two cores; the result is the same either way. The rows are
/// then placed in investee order, from that many rows in two halves on two threads.
/// May run on a worker thread with that thread's own Database.
class ColumnLoader
{
public:
    /// Replaces what `store` held; false with *error (naming the file) on failure, and then the
    /// store is empty. `splitFrom` also becomes the store's passSplitFrom (tests force both
    /// splits on small data with 1).
    static bool load(Database &db, ColumnStore &store, QString *error, qint64 splitFrom = ColumnStore::SplitFrom);
};
