#include "SqliteStorage.h"

#include "ColumnLoader.h"
#include "Database.h"
#include "Maintenance.h"
#include "SqliteBackend.h"
#include "SqliteDialect.h"

const SqliteStorage &SqliteStorage::instance()
{
    static const SqliteStorage storage;
    return storage;
}

const SqlDialect &SqliteStorage::dialect() const
{
    return SqliteDialect::instance();
}

bool SqliteStorage::defineExactSum(Database &db, QString *error) const
{
    if (SqliteBackend::defineExactSum(db.handle()))
        return true;
    *error = SqliteBackend::lastMessage(db.handle());
    return false;
}

bool SqliteStorage::loadColumns(Database &db, ColumnStore &store, QString *error, qint64 splitFrom) const
{
    return ColumnLoader::load(db, store, error, splitFrom);
}

CheckReport SqliteStorage::check(const QString &path, int limit) const
{
    return Maintenance::check(path, limit);
}

bool SqliteStorage::backup(const QString &path, const QString &copy, QString *error, qint64 *bytes) const
{
    return Maintenance::backup(path, copy, error, bytes);
}
