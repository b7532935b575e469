#pragma once

#include "DashboardData.h"
#include "DataRevision.h"

#include <QString>

#include <optional>

/// The unfiltered dashboard of a database, kept in a file between sessions so the next start
/// can show it before the aggregation cache has loaded (a second at a million disbursements).
/// The file is stamped with the DataRevision the figures were computed from and is used only
/// while the database still has that stamp; anything else (another database at the same path,
/// a change by any program, a damaged or older file) makes load() return nothing.
class DashboardSnapshot
{
public:
    /// Where the snapshot of the database at `databasePath` lives (the user's cache folder).
    static QString filePath(const QString &databasePath);
    /// Writes atomically; false with *error when the file cannot be written.
    static bool save(const QString &databasePath, const DataRevision &revision, const DashboardData &data,
                     QString *error = nullptr);
    static std::optional<DashboardData> load(const QString &databasePath, const DataRevision &revision);
};
