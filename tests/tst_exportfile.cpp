#include "Database.h"
#include "ExportFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// ExportFile, the save path every export shares (the window's dialogs and the commands): issue 15's
// refusal to write over the database the export is made from, or SQLite's files beside it.

class TestExportFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesTheOpenDatabase_data();
    void refusesTheOpenDatabase();
    void writesElsewhere();
};

void TestExportFile::refusesTheOpenDatabase_data()
{
    QTest::addColumn<QString>("target");
    QTest::addRow("the database") << QStringLiteral("funds.db");
    QTest::addRow("its write-ahead log") << QStringLiteral("funds.db-wal");
    QTest::addRow("its shared memory") << QStringLiteral("funds.db-shm");
    QTest::addRow("a journal not there yet") << QStringLiteral("funds.db-journal");
    QTest::addRow("another spelling") << QStringLiteral("sub/../funds.db");
}

void TestExportFile::refusesTheOpenDatabase()
{
    QFETCH(QString, target);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub")));
    const QString database = dir.filePath(QStringLiteral("funds.db"));
    const QString path = dir.filePath(target);
    {
        Database db;
        QCOMPARE(db.open(database, Database::OpenMode::CreateNew), Database::Status::Ok);
        QString error;
        QVERIFY(ExportFile::refuse(path, &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + QDir::toNativeSeparators(path)
                     + QStringLiteral(": that is ")),
            qPrintable(error));
        error.clear();
        QVERIFY(!ExportFile::checkWritable(path, &error)); // what the dialogs ask
        QVERIFY2(error.contains(QStringLiteral("database")), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("funds.db-journal"))));
    }
    // Closed, the file is no database of this process: an export may replace it.
    QString error;
    QVERIFY(!ExportFile::refuse(path, &error));
    QVERIFY(error.isEmpty());
}

void TestExportFile::writesElsewhere()
{
    QTemporaryDir dir;
    Database db;
    QCOMPARE(db.open(dir.filePath(QStringLiteral("funds.db")), Database::OpenMode::CreateNew),
        Database::Status::Ok);
    QString error;
    for (const QString &name :
        { QStringLiteral("funds.csv"), QStringLiteral("funds.db-wal.csv"), QStringLiteral("funds.db.pdf") }) {
        QVERIFY2(!ExportFile::refuse(dir.filePath(name), &error), qPrintable(name));
        QVERIFY2(ExportFile::checkWritable(dir.filePath(name), &error), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestExportFile)
#include "tst_exportfile.moc"
