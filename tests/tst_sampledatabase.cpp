#include "Database.h"
#include "InterchangeLoader.h"
#include "SampleDatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The embedded sample: what is embedded, how it loads, and how the default database is made
// on first start (and left alone afterwards).

namespace {

qint64 count(Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestSampleDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void embeddedFilesAreTheSampleFiles();
    void loadFillsAFreshDatabase();
    void loadTwiceFailsAndChangesNothing();
    void defaultIsCreatedWithItsFolder();
    void existingDefaultIsOnlyOpened();
    void existingForeignFileIsLeftAlone();
    void unusableFolderIsReported();

private:
    QTemporaryDir *m_dir = nullptr;
};

void TestSampleDatabase::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
}

void TestSampleDatabase::cleanup()
{
    delete m_dir;
    m_dir = nullptr;
}

void TestSampleDatabase::embeddedFilesAreTheSampleFiles()
{
    const QStringList files = SampleDatabase::files();
    QCOMPARE(files.size(), InterchangeLoader::kinds().size());
    for (const QString &resource : files) {
        QFile embedded(resource);
        QVERIFY2(embedded.open(QIODevice::ReadOnly), qPrintable(resource));
        QFile source(QStringLiteral(FUNDSCOPE_SAMPLE_DIR "/") + QFileInfo(resource).fileName());
        QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
        QCOMPARE(embedded.readAll(), source.readAll());
    }
}

void TestSampleDatabase::loadFillsAFreshDatabase()
{
    // The embedded sample gives the same rows as loading the source folder's files.
    Database fromResources;
    QCOMPARE(fromResources.open(m_dir->filePath(QStringLiteral("a.db")), Database::OpenMode::CreateNew),
             Database::Status::Ok);
    QString error;
    QString summary;
    QVERIFY2(SampleDatabase::load(fromResources, &error, &summary), qPrintable(error));
    Database fromFiles;
    QCOMPARE(fromFiles.open(m_dir->filePath(QStringLiteral("b.db")), Database::OpenMode::CreateNew),
             Database::Status::Ok);
    QStringList files;
    for (const QString &kind : InterchangeLoader::kinds())
        files.append(QStringLiteral(FUNDSCOPE_SAMPLE_DIR "/%1.csv").arg(kind));
    const LoadReport report = InterchangeLoader(fromFiles).load(files);
    QVERIFY(report.ok());
    for (const QString &kind : InterchangeLoader::kinds()) {
        QVERIFY(count(fromResources, kind) > 0);
        QCOMPARE(count(fromResources, kind), count(fromFiles, kind));
        QVERIFY2(summary.contains(QStringLiteral("%1 %2").arg(count(fromResources, kind)).arg(kind)),
                 qPrintable(summary));
    }
}

void TestSampleDatabase::loadTwiceFailsAndChangesNothing()
{
    Database db;
    QCOMPARE(db.open(m_dir->filePath(QStringLiteral("a.db")), Database::OpenMode::CreateNew), Database::Status::Ok);
    QString error;
    QVERIFY(SampleDatabase::load(db, &error));
    const qint64 events = count(db, QStringLiteral("disbursements"));
    QVERIFY(!SampleDatabase::load(db, &error));
    QVERIFY2(error.contains(QStringLiteral(":/fundscope/sample/funds.csv:2: name: ")), qPrintable(error.left(500)));
    QCOMPARE(count(db, QStringLiteral("disbursements")), events);
}

void TestSampleDatabase::defaultIsCreatedWithItsFolder()
{
    const QString path = m_dir->filePath(QStringLiteral("data/Fundscope/fundscope.db"));
    Database db;
    QString error;
    QVERIFY2(SampleDatabase::openOrCreateDefault(db, path, &error), qPrintable(error));
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(db.isOpen());
    QVERIFY(count(db, QStringLiteral("funds")) > 0);
    QVERIFY(count(db, QStringLiteral("disbursements")) > 0);
}

void TestSampleDatabase::existingDefaultIsOnlyOpened()
{
    const QString path = m_dir->filePath(QStringLiteral("fundscope.db"));
    qint64 funds = 0;
    {
        Database db;
        QString error;
        QVERIFY2(SampleDatabase::openOrCreateDefault(db, path, &error), qPrintable(error));
        funds = count(db, QStringLiteral("funds"));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM exchange_rates WHERE currency = 'HKD'")));
    }
    Database db;
    QString error;
    QVERIFY2(SampleDatabase::openOrCreateDefault(db, path, &error), qPrintable(error));
    QCOMPARE(count(db, QStringLiteral("funds")), funds);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM exchange_rates WHERE currency = 'HKD'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0); // not reloaded
}

void TestSampleDatabase::existingForeignFileIsLeftAlone()
{
    const QString path = m_dir->filePath(QStringLiteral("fundscope.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("my notes, not a database\n");
    file.close();
    Database db;
    QString error;
    QVERIFY(!SampleDatabase::openOrCreateDefault(db, path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("my notes, not a database\n"));
}

void TestSampleDatabase::unusableFolderIsReported()
{
    // The "folder" is a file, so it cannot be created.
    const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + QStringLiteral("/fundscope.db");
    Database db;
    QString error;
    QVERIFY(!SampleDatabase::openOrCreateDefault(db, path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!db.isOpen());
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_GUILESS_MAIN(TestSampleDatabase)
#include "tst_sampledatabase.moc"
