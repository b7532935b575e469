#pragma once

#include <QString>

/// Files Fundscope keeps about a database in the user's cache folder (the kept dashboard, the
/// column snapshot). Each is named by a hash of the database's canonical path, so two databases
/// never share one; the file records the path too, so a hash collision cannot mix them up.
namespace CacheFile {

/// The database's path with links and ".." resolved (the absolute path when it does not exist).
QString canonicalPath(const QString &databasePath);
/// <cache folder>/<folder>/<sha1 of the canonical path>.bin; empty for an in-memory database.
QString pathFor(const QString &databasePath, const QString &folder);

} // namespace CacheFile
