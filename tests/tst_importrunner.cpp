#include "Database.h"
#include "ImportRunner.h"
#include "InterchangeLoader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

// The import off the UI thread: progress by queued signal, cancel halfway with a full rollback,
// and a database locked by another process.

namespace {

const QByteArray BigFund = "China Integrated Circuit Industry Investment Fund (Big Fund)";
const QByteArray Smic = "Semiconductor Manufacturing International Corp. (SMIC)";
const QByteArray EventHeader
    = "fund,phase,investee,date,type,amount,currency,stake_pct,status,confidence,source_url,notes\r\n";

QStringList sampleFiles()
{
    QStringList files;
    for (const QString &kind : InterchangeLoader::kinds())
        files.append(QStringLiteral(FUNDSCOPE_SAMPLE_DIR "/%1.csv").arg(kind));
    return files;
}

} // namespace

class TestImportRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void importsOnAWorkerWithProgress();
    void cancelHalfwayChangesNothing();
    void lockedDatabaseIsAClearErrorAndChangesNothing();

private:
    QString bigFile(int rows);
    QString checksum();

    QTemporaryDir *m_dir = nullptr;
    QString m_path;
};

void TestImportRunner::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("test.db"));
    Database db;
    QCOMPARE(db.open(m_path, Database::OpenMode::CreateNew), Database::Status::Ok);
    const LoadReport sample = InterchangeLoader(db).load(sampleFiles());
    QVERIFY2(sample.ok(), qPrintable(sample.errorLines().join(QLatin1Char('\n'))));
}

void TestImportRunner::cleanup()
{
    delete m_dir;
    m_dir = nullptr;
}

QString TestImportRunner::bigFile(int rows)
{
    const QString path = m_dir->filePath(QStringLiteral("disbursements.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(EventHeader);
    QByteArray chunk;
    for (int i = 1; i <= rows; ++i) {
        chunk += BigFund + ",Phase II," + Smic + ",2043-01-01,loan," + QByteArray::number(i)
            + ",CNY,,completed,low,https://example.org/a/long/enough/source/" + QByteArray::number(i)
            + ",row\r\n";
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return path;
}

// Every table's rows and the schema, through a connection of its own.
QString TestImportRunner::checksum()
{
    Database db;
    if (db.open(m_path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
        qFatal("cannot open %s", qPrintable(m_path));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlQuery tables(db.connection());
    tables.exec(
        QStringLiteral("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"));
    QStringList names;
    while (tables.next()) {
        hash.addData(QString(tables.value(0).toString() + tables.value(1).toString()).toUtf8());
        if (tables.value(1).toString().startsWith(QLatin1String("CREATE TABLE")))
            names.append(tables.value(0).toString());
    }
    for (const QString &name : std::as_const(names)) {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(name)))
            qFatal("cannot read %s", qPrintable(name));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

void TestImportRunner::importsOnAWorkerWithProgress()
{
    const QString file = bigFile(60000);
    ImportRunner runner;
    QSignalSpy progress(&runner, &ImportRunner::progress);
    QSignalSpy finished(&runner, &ImportRunner::finished);
    ImportSource source;
    source.path = file;
    QVERIFY(runner.start(m_path, { source }, ImportOptions()));
    QVERIFY(runner.isRunning());
    QVERIFY(!runner.start(m_path, { source }, ImportOptions())); // one at a time
    QVERIFY(finished.wait(120000));
    const LoadReport report = finished.at(0).at(0).value<LoadReport>();
    QVERIFY2(report.ok(), qPrintable(report.errorLines().join(QLatin1Char('\n'))));
    QCOMPARE(report.inserted.value(QStringLiteral("disbursements")), 60000);
    QCOMPARE(report.imported.count(), 60000);
    QVERIFY(progress.size() >= 2); // the start of the file, indexing and saving at least
    const auto last = progress.last().at(0).value<ImportProgress>();
    QCOMPARE(last.stage, ImportProgress::Stage::Saving);
    QCOMPARE(last.rows, 60000);
    QVERIFY(progress.last().at(1).toDouble() > 0);
    QVERIFY(!runner.isRunning());
}

void TestImportRunner::cancelHalfwayChangesNothing()
{
    const QString file = bigFile(400000);
    const QString before = checksum();
    ImportRunner runner;
    QSignalSpy finished(&runner, &ImportRunner::finished);
    double cancelledAt = -1;
    connect(&runner, &ImportRunner::progress, this, [&](const ImportProgress &p, double) {
        // Cancelled from this (the UI) thread while the worker reads.
        if (cancelledAt < 0 && p.stage == ImportProgress::Stage::Reading && p.bytes * 2 >= p.totalBytes) {
            cancelledAt = double(p.bytes) / p.totalBytes;
            runner.cancel();
        }
    });
    ImportSource source;
    source.path = file;
    QVERIFY(runner.start(m_path, { source }, ImportOptions()));
    QVERIFY(finished.wait(300000));
    QVERIFY2(cancelledAt >= 0.5 && cancelledAt < 1.0, qPrintable(QString::number(cancelledAt)));
    const LoadReport report = finished.at(0).at(0).value<LoadReport>();
    QVERIFY(report.cancelled);
    QVERIFY(!report.ok());
    QVERIFY(report.inserted.isEmpty());
    QVERIFY(report.imported.isEmpty());
    QVERIFY(report.errorLines().join(QLatin1Char('\n')).contains(QStringLiteral("cancelled")));
    QCOMPARE(checksum(), before);
}

void TestImportRunner::lockedDatabaseIsAClearErrorAndChangesNothing()
{
    const QString before = checksum();
    QProcess holder;
    holder.start(QStringLiteral("sqlite3"), { m_path });
    QVERIFY2(holder.waitForStarted(), "the sqlite3 tool is needed to hold the lock");
    // The tool has no busy timeout of its own: without one, a lock still held for a moment by the
    // previous case's worker would make BEGIN fail at once and the lock would never be taken.
    holder.write(".timeout 10000\nBEGIN EXCLUSIVE;\n");
    // The tool's output is buffered on a pipe: watch for the lock itself instead.
    const auto locked = [&] {
        Database probe;
        if (probe.open(m_path, Database::OpenMode::OpenExisting, 0) != Database::Status::Ok)
            return false;
        if (!probe.begin())
            return true;
        probe.rollback();
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(locked(), 10000);

    ImportRunner runner;
    QSignalSpy finished(&runner, &ImportRunner::finished);
    ImportSource source;
    source.path = bigFile(100);
    QVERIFY(runner.start(m_path, { source }, ImportOptions(), 300));
    QVERIFY(finished.wait(60000));
    const LoadReport report = finished.at(0).at(0).value<LoadReport>();
    QVERIFY(!report.ok());
    const QString message = report.errorLines().join(QLatin1Char('\n'));
    QVERIFY2(message.contains(QStringLiteral("locked")), qPrintable(message));
    QVERIFY2(message.contains(m_path), qPrintable(message));

    holder.write("ROLLBACK;\n.quit\n");
    holder.closeWriteChannel();
    QVERIFY(holder.waitForFinished(10000));
    QCOMPARE(checksum(), before);
}

QTEST_MAIN(TestImportRunner)
#include "tst_importrunner.moc"
