#pragma once

#include <QString>

class Database;

/// The sourced sample dataset embedded in the build (resources/sample, copied from shared/data).
namespace SampleDatabase {

/// Loads the embedded sample CSV files into an open database, in one transaction.
bool load(Database &db, QString *error);
/// Opens the default database at `path`, creating its folder and the database from the embedded
/// sample on first use. A half-created file is removed again on failure.
bool openOrCreateDefault(Database &db, const QString &path, QString *error);

} // namespace SampleDatabase
