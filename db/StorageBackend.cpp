#include "StorageBackend.h"

#include "sqlite/SqliteStorage.h"

const StorageBackend &StorageBackend::of(const QString &location)
{
    Q_UNUSED(location); // a team server (issue 16) will be named by a postgresql:// address
    return SqliteStorage::instance();
}
