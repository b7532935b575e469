#include "BrowseTestData.h"
#include "Database.h"
#include "DeferredIndexBuilder.h"
#include "DeferredIndexes.h"
#include "DisbursementRepository.h"
#include "InterchangeLoader.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Issue 18, item 3: a big import in two stages. The first commits the rows with every index a
// total or a fund or investee filter reads and lists the sort indexes in deferred_indexes; the
// second builds them, one transaction each. Between the two the database is whole and every
// query answers the same rows (the sorts only slower); a stop or a crash between the stages
// leaves the list, and a later build finishes it with the indexes exactly as the schema has them.

namespace {

const QByteArray EventHeader
    = "fund,phase,investee,date,type,amount,currency,stake_pct,status,confidence,source_url,notes\r\n";
const QByteArray EventPrefix = "China Integrated Circuit Industry Investment Fund (Big Fund),Phase I,"
                               "Semiconductor Manufacturing International Corp. (SMIC),";

const QStringList SortIndexes = { QStringLiteral("disbursements_by_amount"), QStringLiteral("disbursements_by_confidence"),
    QStringLiteral("disbursements_by_date"), QStringLiteral("disbursements_by_stake"),
    QStringLiteral("disbursements_by_status"), QStringLiteral("disbursements_by_type") };

/// name -> sql of the disbursement indexes the file has.
QMap<QString, QString> disbursementIndexes(Database &db)
{
    QMap<QString, QString> out;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'disbursements'"
                          " AND sql IS NOT NULL"));
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

QString integrity(Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next() ? q.value(0).toString() : QStringLiteral("?");
}

/// The ids of the first rows in each sort the Disbursements page offers, newest first and not.
QList<QList<qint64>> sortedWindows(Database &db)
{
    QList<QList<qint64>> out;
    const DisbursementRepository repository(db);
    Filter broad;
    Filter narrow;
    narrow.from = QStringLiteral("2044");
    narrow.to = QStringLiteral("2044");
    for (const Filter &filter : { broad, narrow }) {
        for (auto sort : { DisbursementRepository::Sort::Date, DisbursementRepository::Sort::Amount,
                 DisbursementRepository::Sort::Type, DisbursementRepository::Sort::Status,
                 DisbursementRepository::Sort::Confidence, DisbursementRepository::Sort::Stake }) {
            for (bool descending : { false, true }) {
                QString error;
                const qint64 total = repository.count(filter, &error);
                QList<qint64> ids;
                for (const DisbursementRecord &r : repository.window(filter, sort, descending, 0, 40, total, &error))
                    ids.append(r.id);
                for (const DisbursementRecord &r : repository.window(filter, sort, descending, total - 40, 40, total, &error))
                    ids.append(r.id);
                if (!error.isEmpty() || ids.size() != 80)
                    qWarning("sort %d: %s (%lld rows)", int(sort), qPrintable(error), qint64(ids.size()));
                out.append(ids);
            }
        }
    }
    return out;
}

} // namespace

class TestDeferredIndexes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void bulkImportDefersOnlyTheSortIndexes();
    void withoutDeferralEveryIndexIsBuilt();
    void stopBetweenIndexesFinishesNextTime();
    void crashBetweenStagesFinishesAtNextOpen();
    void builderRunsInTheBackground();

private:
    /// Imports the big file into a fresh copy of the sample; the report.
    LoadReport importBig(const QString &path, bool defer);

    QTemporaryDir m_dir;
    QString m_bulkCsv;
    QString m_samplePath;
    QMap<QString, QString> m_schemaIndexes; ///< what a file built in one stage has
    QString m_path;
};

void TestDeferredIndexes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Big enough for the loader's bulk path (estimated rows = event bytes / 150 >= 50000), with
    // dates, amounts, types, statuses and confidences that differ, so each sort has an order.
    m_bulkCsv = m_dir.filePath(QStringLiteral("bulk-disbursements.csv"));
    {
        QFile file(m_bulkCsv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(EventHeader);
        const QByteArray notes = QByteArray(900, 'x');
        static const char *types[] = { "loan", "grant", "equity purchase", "disbursement" };
        static const char *statuses[] = { "completed", "announced", "committed" };
        static const char *confidences[] = { "low", "medium", "high" };
        for (int i = 1; file.size() < 7600000; ++i) {
            const QByteArray date = QByteArray::number(2030 + i % 17) + '-' + QByteArray::number(10 + i % 3) + '-'
                + QByteArray::number(10 + i % 19);
            file.write(EventPrefix + date + ',' + types[i % 4] + ',' + QByteArray::number(i * 7919 % 100003) + ",CNY,"
                + (i % 5 ? QByteArray::number(i % 97) : QByteArray()) + ',' + statuses[i % 3] + ','
                + confidences[i % 3 + 0] + ",," + notes + "\r\n");
        }
    }
    m_samplePath = m_dir.filePath(QStringLiteral("sample.db"));
    Database sample;
    QString error;
    QVERIFY2(BrowseTestData::openSample(sample, m_samplePath, &error), qPrintable(error));
    m_schemaIndexes = disbursementIndexes(sample);
    for (const QString &name : SortIndexes)
        QVERIFY2(m_schemaIndexes.contains(name), qPrintable(name));
}

void TestDeferredIndexes::init()
{
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("import-%1.db").arg(++n));
    QVERIFY(QFile::copy(m_samplePath, m_path));
}

LoadReport TestDeferredIndexes::importBig(const QString &path, bool defer)
{
    Database db;
    LoadReport failed;
    if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
        failed.errors.append({ path, 0, QString(), db.errorString() });
        return failed;
    }
    ImportOptions options;
    options.deferSortIndexes = defer;
    InterchangeLoader loader(db);
    loader.setOptions(options);
    ImportSource source;
    source.path = m_bulkCsv;
    return loader.load({ source });
}

void TestDeferredIndexes::bulkImportDefersOnlyTheSortIndexes()
{
    const LoadReport report = importBig(m_path, true);
    QVERIFY2(report.ok(), qPrintable(report.errorLines().join(QLatin1Char('\n'))));
    QVERIFY(report.bulk);
    QCOMPARE(report.deferredIndexes, SortIndexes);

    Database db;
    QCOMPARE(db.open(m_path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QCOMPARE(DeferredIndexes::pending(db), SortIndexes);
    QMap<QString, QString> between = disbursementIndexes(db);
    for (const QString &name : SortIndexes) {
        QVERIFY2(!between.contains(name), qPrintable(name));
        QVERIFY(DeferredIndexes::isPending(db, name));
    }
    // What the totals and the fund and investee filters read is there from the first stage.
    for (auto it = m_schemaIndexes.cbegin(); it != m_schemaIndexes.cend(); ++it) {
        if (!SortIndexes.contains(it.key()))
            QCOMPARE(between.value(it.key()), it.value());
    }
    QCOMPARE(integrity(db), QStringLiteral("ok"));
    // Every sort answers without its index (no INDEXED BY naming a missing one), and the same
    // rows as once it is built.
    QVERIFY(!DisbursementRepository(db).windowSql(Filter(), DisbursementRepository::Sort::Date, false)
                 .contains(QStringLiteral("disbursements_by_date")));
    const QList<QList<qint64>> before = sortedWindows(db);
    for (const QList<qint64> &ids : before)
        QCOMPARE(ids.size(), 80);

    QList<QPair<int, int>> steps;
    QString error;
    QVERIFY2(DeferredIndexes::build(db, nullptr, [&](int done, int total) { steps.append({ done, total }); }, &error),
        qPrintable(error));
    QCOMPARE(steps.size(), SortIndexes.size() + 1);
    QCOMPARE(steps.first(), qMakePair(0, 6));
    QCOMPARE(steps.last(), qMakePair(6, 6));
    QVERIFY(DeferredIndexes::pending(db).isEmpty());
    QCOMPARE(disbursementIndexes(db), m_schemaIndexes);
    QCOMPARE(integrity(db), QStringLiteral("ok"));
    QVERIFY(DisbursementRepository(db).windowSql(Filter(), DisbursementRepository::Sort::Date, false)
                .contains(QStringLiteral("INDEXED BY disbursements_by_date")));
    QCOMPARE(sortedWindows(db), before);
    // Nothing left: a build takes no write lock at all.
    QVERIFY(DeferredIndexes::build(db, nullptr, {}, &error));
}

void TestDeferredIndexes::withoutDeferralEveryIndexIsBuilt()
{
    const LoadReport report = importBig(m_path, false);
    QVERIFY2(report.ok(), qPrintable(report.errorLines().join(QLatin1Char('\n'))));
    QVERIFY(report.bulk);
    QVERIFY(report.deferredIndexes.isEmpty());
    Database db;
    QCOMPARE(db.open(m_path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QVERIFY(DeferredIndexes::pending(db).isEmpty());
    QCOMPARE(disbursementIndexes(db), m_schemaIndexes);
}

void TestDeferredIndexes::stopBetweenIndexesFinishesNextTime()
{
    QVERIFY(importBig(m_path, true).ok());
    Database db;
    QCOMPARE(db.open(m_path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    // Stopped once two are built: those two stay built, the rest listed.
    std::atomic_bool stop(false);
    QString error;
    QVERIFY(!DeferredIndexes::build(db, &stop, [&](int done, int) { stop = done == 2; }, &error));
    QVERIFY2(error.contains(QStringLiteral("cancelled")) && error.contains(m_path), qPrintable(error));
    QCOMPARE(DeferredIndexes::pending(db), SortIndexes.mid(2));
    QCOMPARE(disbursementIndexes(db).size(), m_schemaIndexes.size() - 4);
    QCOMPARE(integrity(db), QStringLiteral("ok"));
    QVERIFY2(DeferredIndexes::build(db, nullptr, {}, &error), qPrintable(error));
    QCOMPARE(disbursementIndexes(db), m_schemaIndexes);
}

void TestDeferredIndexes::crashBetweenStagesFinishesAtNextOpen()
{
    // The first stage committed, then the process died: the next session opens a whole file with
    // the list, shows the data, and builds the rest.
    QVERIFY(importBig(m_path, true).ok());
    Database db;
    QCOMPARE(db.open(m_path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QCOMPARE(integrity(db), QStringLiteral("ok"));
    QCOMPARE(DeferredIndexes::pending(db), SortIndexes);
    QString error;
    QVERIFY(DisbursementRepository(db).count(Filter(), &error) > 7000);
    DeferredIndexBuilder builder;
    QSignalSpy finished(&builder, &DeferredIndexBuilder::finished);
    builder.start(m_path, false);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(DeferredIndexes::pending(db).isEmpty());
    QCOMPARE(disbursementIndexes(db), m_schemaIndexes);
}

void TestDeferredIndexes::builderRunsInTheBackground()
{
    QVERIFY(importBig(m_path, true).ok());
    {
        // Stopped at once: nothing half-built, the list as it was or shorter by whole indexes.
        DeferredIndexBuilder builder;
        builder.start(m_path, false);
        QVERIFY(builder.isRunning());
        builder.stop();
        QVERIFY(!builder.isRunning());
        Database db;
        QCOMPARE(db.open(m_path, Database::OpenMode::OpenExisting), Database::Status::Ok);
        const QStringList left = DeferredIndexes::pending(db);
        QCOMPARE(left, SortIndexes.mid(SortIndexes.size() - left.size()));
        QCOMPARE(disbursementIndexes(db).size(), m_schemaIndexes.size() - left.size());
        QCOMPARE(integrity(db), QStringLiteral("ok"));
    }
    DeferredIndexBuilder builder;
    QSignalSpy progress(&builder, &DeferredIndexBuilder::progress);
    QSignalSpy finished(&builder, &DeferredIndexBuilder::finished);
    builder.start(m_path, false);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(!builder.isRunning());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), progress.last().at(1).toInt());
    Database db;
    QCOMPARE(db.open(m_path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QCOMPARE(disbursementIndexes(db), m_schemaIndexes);
}

QTEST_GUILESS_MAIN(TestDeferredIndexes)
#include "tst_deferredindexes.moc"
