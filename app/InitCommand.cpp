#include "Commands.h"

#include "CommandSupport.h"
#include "Database.h"
#include "SampleDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

// fundscope init --db FILE [--sample]: a new database with the schema and vocabularies, and the
// embedded sample rows when asked. Never overwrites; a failed init leaves no file behind.

namespace {

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
        QFile::remove(path + suffix);
}

} // namespace

int Commands::init(const QStringList &arguments)
{
    QCommandLineParser parser;
    CommandSupport::describeCommand(parser, QStringLiteral("init"),
        QCoreApplication::translate(
            "Commands", "Creates a new Fundscope database (schema and vocabularies)."));
    parser.addOption({ QStringLiteral("db"),
        QCoreApplication::translate("Commands", "The database file to create (must not exist)."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("sample"),
        QCoreApplication::translate("Commands", "Also load the embedded, sourced sample dataset.") });
    if (!CommandSupport::parse(parser, arguments))
        return CommandSupport::UsageError;
    if (parser.positionalArguments().size() > 1)
        return CommandSupport::usageError(
            QCoreApplication::translate("Commands", "init takes no file arguments: use --db FILE (got '%1')")
                .arg(parser.positionalArguments().at(1)));
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty())
        return CommandSupport::usageError(
            QCoreApplication::translate("Commands", "init needs --db FILE, the database to create"));

    Database db;
    const bool existed = QFileInfo::exists(path);
    if (db.open(path, Database::OpenMode::CreateNew) != Database::Status::Ok) {
        const QString message = db.errorString();
        if (!existed)
            removeDatabaseFiles(path); // whatever SQLite made before failing
        return CommandSupport::failure(message);
    }
    QString summary;
    if (parser.isSet(QStringLiteral("sample"))) {
        QString error;
        if (!SampleDatabase::load(db, &error, &summary)) {
            db.close();
            removeDatabaseFiles(path);
            return CommandSupport::failure(
                QCoreApplication::translate("Commands", "%1 was not created: %2").arg(path, error));
        }
    }
    db.close();
    const QString created = summary.isEmpty()
        ? QCoreApplication::translate(
            "Commands", "Created %1 (schema version %2, vocabularies, no data rows)")
              .arg(path)
              .arg(Database::schemaVersion())
        : QCoreApplication::translate("Commands", "Created %1 (schema version %2) with the sample: %3")
              .arg(path)
              .arg(Database::schemaVersion())
              .arg(summary);
    CommandSupport::printOut(created + QLatin1Char('\n'));
    return CommandSupport::Success;
}
