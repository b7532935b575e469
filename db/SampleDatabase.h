#pragma once

#include <QString>
#include <QStringList>

class Database;

/// The sourced sample dataset embedded in the build (resources/sample, copied from shared/data):
/// five interchange CSV files under the resource prefix ":/fundscope/sample".
namespace SampleDatabase {

/// The embedded files' resource paths, in load order.
QStringList files();
/// Loads the embedded sample into an open database, in one transaction (all or nothing).
/// *summary (optional) gets the counts, e.g. "39 funds, 44 phases, ..."; *error names the file,
/// line and reason of every problem.
bool load(Database &db, QString *error, QString *summary = nullptr);
/// Opens the default database at `path`. When the file does not exist yet, creates its folder,
/// the database and loads the embedded sample; if that fails, the half-made file is removed and
/// *error says why. An existing file is only opened (OpenExisting: migrated, never reloaded).
bool openOrCreateDefault(Database &db, const QString &path, QString *error);

} // namespace SampleDatabase
