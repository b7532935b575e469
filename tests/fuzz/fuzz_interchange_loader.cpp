// libFuzzer target: db/InterchangeLoader on any input, as dry runs against a database created
// with the project's schema (Database::open, migrations included) and holding the embedded
// sample, so that names in the input can match stored funds, phases and investees.
//
// The input is one to five interchange files separated by form feeds (\f); each is written to a
// temporary file. Each input is loaded three ways:
//   1. as `fundscope import --dry-run` does: encoding detected, header row;
//   2. letting valid rows in (skipInvalid), skipping duplicates and creating every unknown name
//      the first load reported;
//   3. the first file without a header, in GB18030, its columns mapped in order to a
//      disbursements file's fields (the import wizard's mapping).
// Besides memory errors and undefined behaviour it checks that a dry run changes nothing (the
// data revision stays, the file is not taken for damaged) and that a failed load reports nothing
// inserted.

#include "DataRevision.h"
#include "Database.h"
#include "FuzzSupport.h"
#include "InterchangeLoader.h"
#include "SampleDatabase.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

namespace {

QTemporaryDir *g_dir = nullptr;
Database *g_db = nullptr;
DataRevision g_revision;

void checkReport(const LoadReport &report, const char *how)
{
    FUZZ_CHECK(report.dryRun, "%s: not a dry run", how);
    FUZZ_CHECK(!g_db->isDamaged(), "%s: the database is taken for damaged: %s", how, qPrintable(g_db->errorString()));
    const std::optional<DataRevision> now = DataRevision::read(*g_db);
    FUZZ_CHECK(now && *now == g_revision, "%s: a dry run changed the data", how);
    FUZZ_CHECK(report.errors.size() <= InterchangeLoader::maxListedErrors(), "%s: %lld errors listed", how,
        qlonglong(report.errors.size()));
    if (!report.ok()) {
        FUZZ_CHECK(report.inserted.isEmpty() && report.created.isEmpty(), "%s: a failed load reports rows inserted", how);
        FUZZ_CHECK(!report.errorLines().isEmpty(), "%s: a failed load without a message", how);
    }
    for (const LoadIssue &issue : report.errors)
        FUZZ_CHECK(issue.line >= 0 && !issue.reason.isEmpty(), "%s: issue line %lld, reason '%s'", how, issue.line,
            qPrintable(issue.reason));
    FUZZ_CHECK(report.imported.isEmpty(), "%s: a dry run lists imported rows", how);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initApplication(argc, argv);
    g_dir = new QTemporaryDir;
    if (!g_dir->isValid())
        qFatal("no temporary folder: %s", qPrintable(g_dir->errorString()));
    g_db = new Database;
    if (g_db->open(g_dir->filePath(QStringLiteral("fuzz.db")), Database::OpenMode::CreateNew) != Database::Status::Ok)
        qFatal("cannot create the database: %s", qPrintable(g_db->errorString()));
    QString error;
    if (!SampleDatabase::load(*g_db, &error))
        qFatal("cannot load the sample: %s", qPrintable(error));
    const std::optional<DataRevision> revision = DataRevision::read(*g_db);
    if (!revision)
        qFatal("cannot read the data revision");
    g_revision = *revision;
    // At exit, the database is closed and the folder removed. Not by static objects: the database
    // must go before the registry of open files in Database.cpp, a static that its first open()
    // made, and a handler registered after that open runs before the registry is destroyed.
    std::atexit([] {
        delete g_db;
        g_db = nullptr;
        delete g_dir;
        g_dir = nullptr;
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArray> parts = input.split('\f');
    if (parts.size() > 5)
        parts.resize(5);

    QList<ImportSource> sources;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        ImportSource source;
        source.path = g_dir->filePath(QStringLiteral("file%1.csv").arg(i + 1));
        QFile file(source.path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "cannot write %s", qPrintable(source.path));
        file.write(parts.at(i));
        sources.append(source);
    }

    InterchangeLoader loader(*g_db);
    ImportOptions options;
    options.dryRun = true;
    qint64 progressCalls = 0;
    options.progress = [&progressCalls](const ImportProgress &progress) {
        FUZZ_CHECK(progress.rows >= 0 && progress.bytes >= 0, "progress %lld rows, %lld bytes", progress.rows,
            progress.bytes);
        ++progressCalls;
    };
    loader.setOptions(options);
    const LoadReport first = loader.load(sources);
    checkReport(first, "as it is");

    if (!first.ok()) {
        ImportOptions lenient = options;
        lenient.skipInvalid = true;
        lenient.duplicates = DuplicatePolicy::Skip;
        for (const UnknownName &name : first.unknownNames)
            lenient.names.insert(name.key(), NameResolution {});
        loader.setOptions(lenient);
        checkReport(loader.load(sources), "skipping invalid rows");
    }

    ImportSource mapped = sources.first();
    mapped.encoding = QStringLiteral("GB18030");
    mapped.hasHeader = false;
    mapped.kind = QStringLiteral("disbursements");
    const QStringList fields = InterchangeLoader::columns(mapped.kind);
    for (qsizetype c = 0; c < fields.size(); ++c)
        mapped.mapping.insert(fields.at(c), int(c));
    loader.setOptions(options);
    checkReport(loader.load(QList<ImportSource> { mapped }), "mapped");
    return 0;
}
