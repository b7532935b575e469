#include "SampleDatabase.h"

#include "Database.h"

// Placeholder until the interchange loader lands.
bool SampleDatabase::load(Database &db, QString *error)
{
    Q_UNUSED(db);
    *error = QStringLiteral("the sample loader is not built yet");
    return false;
}

bool SampleDatabase::openOrCreateDefault(Database &db, const QString &path, QString *error)
{
    if (db.open(path, Database::OpenMode::OpenOrCreate) != Database::Status::Ok) {
        *error = db.errorString();
        return false;
    }
    return true;
}
