#pragma once

#include <QString>

#include <optional>

class Database;

/// Which state of the data something was computed from: a random token and a revision number,
/// both renewed by triggers on every change to the data (schema steps 4 and 5): the revision
/// raised, the token drawn anew. Two equal stamps mean the same data, whoever wrote it, even
/// for two copies of one database changed apart.
struct DataRevision
{
    QString token;
    qint64 revision = 0;

    bool operator==(const DataRevision &) const = default;

    /// The database's current stamp; nullopt when it cannot be read.
    static std::optional<DataRevision> read(Database &db);
};
