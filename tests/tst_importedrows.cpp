#include "Database.h"
#include "ImportedRows.h"
#include "InterchangeLoader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

// Undoing an import at the database level: exactly the imported rows go, and come back with
// the same ids.

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

class TestImportedRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void undoRemovesExactlyTheImportAndRedoPutsItBack();
    void bigImportUndoAndRedo();
    void dependentRowBlocksUndo();
    void otherDatabaseIsRefused();

private:
    QString write(const QString &name, const QByteArray &content);
    QString snapshot();
    qint64 count(const QString &table);
    LoadReport load(const QStringList &files);

    QTemporaryDir *m_dir = nullptr;
    Database *m_db = nullptr;
};

void TestImportedRows::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_db = new Database;
    QCOMPARE(m_db->open(m_dir->filePath(QStringLiteral("test.db")), Database::OpenMode::CreateNew),
        Database::Status::Ok);
    const LoadReport sample = load(sampleFiles());
    QVERIFY2(sample.ok(), qPrintable(sample.errorLines().join(QLatin1Char('\n'))));
}

void TestImportedRows::cleanup()
{
    delete m_db;
    m_db = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

QString TestImportedRows::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

LoadReport TestImportedRows::load(const QStringList &files)
{
    return InterchangeLoader(*m_db).load(files);
}

// Every row of every table, ids included, and the schema (indexes too).
QString TestImportedRows::snapshot()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *table : { "funds", "phases", "investees", "disbursements", "exchange_rates", "regions",
             "sectors", "segments", "currencies" }) {
        QSqlQuery q(m_db->connection());
        const QString order = qstrcmp(table, "exchange_rates") == 0 ? QStringLiteral("currency, year")
                                                                    : QStringLiteral("rowid");
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(QLatin1String(table), order)))
            qFatal("snapshot of %s failed", table);
        hash.addData(table);
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(QByteArray(
                    (q.value(i).isNull() ? QStringLiteral("<null>") : q.value(i).toString()).toUtf8()
                    + '\x1f'));
            hash.addData("\n");
        }
    }
    QSqlQuery q(m_db->connection());
    q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master ORDER BY name"));
    while (q.next())
        hash.addData(QString(q.value(0).toString() + q.value(1).toString()).toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

qint64 TestImportedRows::count(const QString &table)
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestImportedRows::undoRemovesExactlyTheImportAndRedoPutsItBack()
{
    const QString before = snapshot();
    const QString funds = write(QStringLiteral("funds.csv"),
        "name,name_zh,kind,level,country,province,city,parent_fund\r\n"
        "Undo Parent Fund,撤销母基金,fund,provincial,China,Anhui,Undo City,Undo Child Fund\r\n"
        "Undo Child Fund,,fund,municipal,China,,,\r\n");
    const QString phases = write(
        QStringLiteral("phases.csv"), "fund,phase,capital,currency\r\nUndo Parent Fund,Phase I,100,CNY\r\n");
    const QString investees = write(QStringLiteral("investees.csv"),
        "name,kind,sector,segment\r\nUndo Investee,company,Semiconductors,undo segment\r\n");
    const QString events = write(QStringLiteral("disbursements.csv"),
        EventHeader + "Undo Parent Fund,Phase I,Undo Investee,2039,loan,5,CNY,,completed,high,,\r\n" + BigFund
            + ",Phase I," + Smic + ",2039,loan,6,CNY,,completed,high,,\r\n");
    const QString rates
        = write(QStringLiteral("exchange_rates.csv"), "currency,year,cny_per_unit\r\nUSD,2199,7\r\n");
    const LoadReport report = load({ funds, phases, investees, events, rates });
    QVERIFY2(report.ok(), qPrintable(report.errorLines().join(QLatin1Char('\n'))));
    QCOMPARE(report.imported.count(),
        2 + 1 + 1 + 2 + 1 + 1 + 1); // funds, phases, investees, events, rate, city, segment
    const QString after = snapshot();
    QVERIFY(after != before);

    ImportedRows rows = report.imported;
    QString error;
    QVERIFY2(rows.remove(*m_db, &error), qPrintable(error));
    QVERIFY(rows.isRemoved());
    QCOMPARE(snapshot(), before);
    QVERIFY(!rows.remove(*m_db, &error)); // not twice

    QVERIFY2(rows.restore(*m_db, &error), qPrintable(error));
    QCOMPARE(snapshot(), after); // same ids, same values, parent links included
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY(!q.next());

    QVERIFY2(rows.remove(*m_db, &error), qPrintable(error));
    QCOMPARE(snapshot(), before);
}

void TestImportedRows::bigImportUndoAndRedo()
{
    const QString before = snapshot();
    QByteArray content = EventHeader;
    for (int i = 0; i < 60000; ++i)
        content += BigFund + ",Phase II," + Smic + ",2041-01-01,loan," + QByteArray::number(i + 1)
            + ",CNY,,completed,low,,\r\n";
    const LoadReport report = load({ write(QStringLiteral("disbursements.csv"), content) });
    QVERIFY2(report.ok(), qPrintable(report.errorLines().mid(0, 3).join(QLatin1Char('\n'))));
    QCOMPARE(report.imported.count(QStringLiteral("disbursements")), 60000);
    QCOMPARE(report.imported.ranges(QStringLiteral("disbursements")).size(), 1);
    const QString after = snapshot();
    ImportedRows rows = report.imported;
    QString error;
    QVERIFY2(rows.remove(*m_db, &error), qPrintable(error));
    QCOMPARE(snapshot(), before); // indexes rebuilt as they were
    QVERIFY2(rows.restore(*m_db, &error), qPrintable(error));
    QCOMPARE(snapshot(), after);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
}

void TestImportedRows::dependentRowBlocksUndo()
{
    const LoadReport report
        = load({ write(QStringLiteral("investees.csv"), "name,kind\r\nDepended Upon Ltd,company\r\n") });
    QVERIFY(report.ok());
    // Something written after the import uses the imported investee.
    const LoadReport later = load({ write(QStringLiteral("disbursements.csv"),
        EventHeader + BigFund + ",Phase I,Depended Upon Ltd,2042,grant,1,CNY,,completed,high,,\r\n") });
    QVERIFY(later.ok());
    const QString withBoth = snapshot();
    ImportedRows rows = report.imported;
    QString error;
    QVERIFY(!rows.remove(*m_db, &error));
    QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY")), qPrintable(error));
    QVERIFY(!rows.isRemoved());
    QCOMPARE(snapshot(), withBoth);
    // Undoing the later import first makes the first one removable.
    ImportedRows laterRows = later.imported;
    QVERIFY2(laterRows.remove(*m_db, &error), qPrintable(error));
    QVERIFY2(rows.remove(*m_db, &error), qPrintable(error));
    QCOMPARE(count(QStringLiteral("investees WHERE name = 'Depended Upon Ltd'")), 0);
}

void TestImportedRows::otherDatabaseIsRefused()
{
    const LoadReport report
        = load({ write(QStringLiteral("investees.csv"), "name,kind\r\nElsewhere Ltd,company\r\n") });
    QVERIFY(report.ok());
    Database other;
    QCOMPARE(other.open(m_dir->filePath(QStringLiteral("other.db")), Database::OpenMode::CreateNew),
        Database::Status::Ok);
    ImportedRows rows = report.imported;
    QString error;
    QVERIFY(!rows.remove(other, &error));
    QVERIFY2(error.contains(QStringLiteral("other.db")), qPrintable(error));
    QCOMPARE(count(QStringLiteral("investees WHERE name = 'Elsewhere Ltd'")), 1);
}

QTEST_GUILESS_MAIN(TestImportedRows)
#include "tst_importedrows.moc"
