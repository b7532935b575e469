#include "SampleDatabase.h"

#include "Database.h"
#include "InterchangeLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace SampleDatabase {

QStringList files()
{
    QStringList list;
    for (const QString &kind : InterchangeLoader::kinds())
        list.append(QStringLiteral(":/fundscope/sample/%1.csv").arg(kind));
    return list;
}

bool load(Database &db, QString *error, QString *summary)
{
    InterchangeLoader loader(db);
    const LoadReport report = loader.load(files());
    if (!report.ok()) {
        if (error)
            *error = QCoreApplication::translate("SampleDatabase", "the embedded sample did not load:\n%1")
                         .arg(report.errorLines().join(QLatin1Char('\n')));
        return false;
    }
    if (summary) {
        QStringList parts;
        for (const QString &kind : InterchangeLoader::kinds()) {
            if (report.inserted.contains(kind))
                //: %2 is the kind of rows as the interchange format names it: funds, phases, …
                parts.append(QCoreApplication::translate("SampleDatabase", "%1 %2")
                                 .arg(report.inserted.value(kind))
                                 .arg(kind));
        }
        *summary = parts.join(QStringLiteral(", "));
    }
    return true;
}

namespace {

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
        QFile::remove(path + suffix);
}

} // namespace

bool openOrCreateDefault(Database &db, const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
            *error = db.errorString();
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QCoreApplication::translate("SampleDatabase", "%1: cannot create the folder %2")
                     .arg(path, info.absolutePath());
        return false;
    }
    if (const Database::Status status = db.open(path, Database::OpenMode::CreateNew); status != Database::Status::Ok) {
        *error = db.errorString();
        if (status != Database::Status::AlreadyExists) // someone else's file, made meanwhile
            removeDatabaseFiles(path);
        return false;
    }
    QString why;
    if (!load(db, &why)) {
        db.close();
        removeDatabaseFiles(path);
        *error = QCoreApplication::translate("SampleDatabase", "%1 could not be created: %2").arg(path, why);
        return false;
    }
    return true;
}

} // namespace SampleDatabase
