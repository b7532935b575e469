#include "CommandRun.h"
#include "Database.h"
#include "SampleDatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Issue 15, the reliability probe's first defect: copies of the sample database with bytes
// overwritten mid-file were used instead of refused (totals printed with exit 0, imports written
// into them, the damage blamed on the CSV). Every command is run here, through the built binary
// (FUNDSCOPE_BINARY), on copies damaged with fixed seeds: where SQLite's integrity_check finds
// damage, the command exits 1 with "the database file is damaged" and the file is not written;
// where it finds none, the command works.

namespace {

using Run = CommandRun::Result;

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// PRAGMA integrity_check on a copy of the file (so that not even the -wal and -shm SQLite makes
/// while reading are left beside the original): true when it answers "ok".
bool intact(const QString &path, const QString &scratch)
{
    QFile::remove(scratch);
    if (!QFile::copy(path, scratch))
        return false;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("oracle"));
        db.setDatabaseName(scratch);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next()
                && q.value(0).toString() == QLatin1String("ok") && !q.next();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("oracle"));
    return ok;
}

} // namespace

class TestDamagedDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCommandRefusesDamage_data();
    void everyCommandRefusesDamage();
    void bothOutcomesWereSeen();

private:
    Run run(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_sample;
    QString m_csv;
    int m_damaged = 0;
    int m_intact = 0;
};

void TestDamagedDatabase::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FUNDSCOPE_BINARY)));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sample = m_dir->filePath(QStringLiteral("sample.db"));
    {
        Database db;
        QCOMPARE(db.open(m_sample, Database::OpenMode::CreateNew), Database::Status::Ok);
        QString error;
        QVERIFY2(SampleDatabase::load(db, &error), qPrintable(error));
    }
    QVERIFY(!QFile::exists(m_sample + QStringLiteral("-wal"))); // closed: everything is in the file
    // Rows for `import` that refer to stored names only: an intact copy takes them.
    m_csv = m_dir->filePath(QStringLiteral("investees.csv"));
    QFile csv(m_csv);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("name,kind\r\nProbe Test Co,company\r\n");
}

Run TestDamagedDatabase::run(const QStringList &arguments)
{
    return CommandRun::run(QStringLiteral(FUNDSCOPE_BINARY), arguments, m_dir->path());
}

void TestDamagedDatabase::everyCommandRefusesDamage_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 24; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestDamagedDatabase::everyCommandRefusesDamage()
{
    QFETCH(quint32, seed);
    // What the probe did: 100 random bytes at a random place in the middle half of the file.
    QByteArray bytes = fileBytes(m_sample);
    QVERIFY(bytes.size() > 16 * 4096);
    QRandomGenerator random(seed);
    const qsizetype at = bytes.size() / 4 + qsizetype(random.bounded(quint32(bytes.size() / 2 - 100)));
    for (qsizetype i = 0; i < 100; ++i)
        bytes[at + i] = char(random.bounded(256));
    const QString copy = m_dir->filePath(QStringLiteral("damaged-%1.db").arg(seed));
    {
        QFile file(copy);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), qint64(bytes.size()));
    }
    const bool ok = intact(copy, m_dir->filePath(QStringLiteral("oracle.db")));
    ++(ok ? m_intact : m_damaged);

    const QString out = m_dir->filePath(QStringLiteral("out"));
    const QList<QStringList> commands {
        { QStringLiteral("summary"), QStringLiteral("--by"), QStringLiteral("sector") },
        { QStringLiteral("summary"), QStringLiteral("--by"), QStringLiteral("fund"),
            QStringLiteral("--format"), QStringLiteral("json") },
        { QStringLiteral("export-table"), QStringLiteral("--table"), QStringLiteral("disbursements"),
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
            out + QStringLiteral(".csv") },
        { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("region"),
            QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("--out"),
            out + QStringLiteral(".svg") },
        { QStringLiteral("report"), QStringLiteral("--out"), out + QStringLiteral(".pdf") },
        { QStringLiteral("import"), QStringLiteral("--dry-run"), m_csv },
        { QStringLiteral("import"), m_csv },
    };
    for (const QStringList &command : commands) {
        const QByteArray before = fileBytes(copy);
        const Run r = run(command + QStringList { QStringLiteral("--db"), copy });
        const QString what = QStringLiteral("%1 on seed %2 (integrity_check %3): exit %4\n%5")
                                 .arg(command.join(QLatin1Char(' ')))
                                 .arg(seed)
                                 .arg(ok ? QStringLiteral("ok") : QStringLiteral("fails"))
                                 .arg(r.exitCode)
                                 .arg(r.err);
        if (ok) {
            QVERIFY2(r.exitCode == 0, qPrintable(what));
            continue;
        }
        QVERIFY2(r.exitCode == 1, qPrintable(what));
        QVERIFY2(r.err.contains(QStringLiteral("the database file is damaged")), qPrintable(what));
        QVERIFY2(!r.err.contains(QStringLiteral("unknown")), qPrintable(what));
        QVERIFY2(fileBytes(copy) == before, qPrintable(QStringLiteral("written into: ") + what));
        for (const QString &suffix :
            { QStringLiteral(".csv"), QStringLiteral(".svg"), QStringLiteral(".pdf") })
            QVERIFY2(!QFile::exists(out + suffix), qPrintable(what));
    }
    for (const QString &suffix : { QStringLiteral(".csv"), QStringLiteral(".svg"), QStringLiteral(".pdf") })
        QFile::remove(out + suffix);
}

// The seeds are chosen so that the run covers both cases; a change of the sample that loses one
// of them needs other seeds, not a weaker test.
void TestDamagedDatabase::bothOutcomesWereSeen()
{
    QVERIFY2(m_damaged >= 5, qPrintable(QString::number(m_damaged)));
    QVERIFY2(m_intact >= 1, qPrintable(QString::number(m_intact)));
}

QTEST_GUILESS_MAIN(TestDamagedDatabase)
#include "tst_damageddatabase.moc"
