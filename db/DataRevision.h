#pragma once

#include <QString>

#include <optional>

class Database;

/// Which state of the data something was computed from: the database's token (random, made with
/// its schema) and the revision number that triggers raise on every change to the data (schema
/// step 4). Two equal stamps mean the same data, whoever wrote it in between.
struct DataRevision
{
    QString token;
    qint64 revision = 0;

    bool operator==(const DataRevision &) const = default;

    /// The database's current stamp; nullopt when it cannot be read.
    static std::optional<DataRevision> read(Database &db);
};
