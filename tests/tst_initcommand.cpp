#include "CommandRun.h"
#include "Database.h"
#include "InterchangeLoader.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `fundscope init` end to end: the built binary (FUNDSCOPE_BINARY) run through QProcess.

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QStringList errLines; ///< stderr lines from fundscope itself ("fundscope: ...")
};

} // namespace

class TestInitCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsEmptyDatabase();
    void createsSampleDatabase();
    void refusesToOverwrite();
    void usageErrors_data();
    void usageErrors();
    void missingFolderLeavesNothing();

private:
    Run run(const QStringList &arguments);
    qint64 count(const QString &path, const QString &table);

    QTemporaryDir *m_dir = nullptr;
};

void TestInitCommand::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
}

void TestInitCommand::cleanup()
{
    delete m_dir;
    m_dir = nullptr;
}

Run TestInitCommand::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->path());
    CommandRun::setLanguage(env); // English messages, whatever the developer's locale
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FUNDSCOPE_BINARY), QStringList { QStringLiteral("init") } + arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    const QStringList lines = QString::fromUtf8(process.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("fundscope:")))
            result.errLines.append(line);
    }
    return result;
}

qint64 TestInitCommand::count(const QString &path, const QString &table)
{
    Database db;
    if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
        return -1;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestInitCommand::createsEmptyDatabase()
{
    const QString path = m_dir->filePath(QStringLiteral("new.db"));
    const Run r = run({ QStringLiteral("--db"), path });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Created ") + path), qPrintable(r.out));
    QVERIFY(r.errLines.isEmpty());
    QCOMPARE(count(path, QStringLiteral("funds")), 0);
    QCOMPARE(count(path, QStringLiteral("disbursements")), 0);
    QVERIFY(count(path, QStringLiteral("currencies")) > 0);
    QVERIFY(count(path, QStringLiteral("sectors")) > 0);
}

void TestInitCommand::createsSampleDatabase()
{
    const QString path = m_dir->filePath(QStringLiteral("sample.db"));
    const Run r = run({ QStringLiteral("--db"), path, QStringLiteral("--sample") });
    QCOMPARE(r.exitCode, 0);
    // The counts it prints are the rows it stored, and equal what a load of the files stores.
    Database reference;
    QCOMPARE(reference.open(m_dir->filePath(QStringLiteral("reference.db")), Database::OpenMode::CreateNew),
             Database::Status::Ok);
    QStringList files;
    for (const QString &kind : InterchangeLoader::kinds())
        files.append(QStringLiteral(FUNDSCOPE_SAMPLE_DIR "/%1.csv").arg(kind));
    const LoadReport report = InterchangeLoader(reference).load(files);
    QVERIFY(report.ok());
    for (const QString &kind : InterchangeLoader::kinds()) {
        QCOMPARE(count(path, kind), report.inserted.value(kind));
        QVERIFY2(r.out.contains(QStringLiteral("%1 %2").arg(report.inserted.value(kind)).arg(kind)), qPrintable(r.out));
    }
}

void TestInitCommand::refusesToOverwrite()
{
    const QString path = m_dir->filePath(QStringLiteral("precious.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("precious bytes");
    file.close();
    for (const QStringList &extra : { QStringList(), QStringList { QStringLiteral("--sample") } }) {
        const Run r = run(QStringList { QStringLiteral("--db"), path } + extra);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines.size(), 1);
        QVERIFY2(r.errLines.front().contains(path) && r.errLines.front().contains(QStringLiteral("already exists")),
                 qPrintable(r.errLines.front()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("precious bytes"));
        file.close();
    }
}

void TestInitCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("no --db") << QStringList();
    QTest::addRow("--sample only") << QStringList { QStringLiteral("--sample") };
    QTest::addRow("unknown option") << QStringList { QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("--bogus") };
    QTest::addRow("stray file") << QStringList { QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("y.db") };
}

void TestInitCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errLines.size(), 1);
    QVERIFY(!QFileInfo::exists(QStringLiteral("x.db")));
}

void TestInitCommand::missingFolderLeavesNothing()
{
    const QString path = m_dir->filePath(QStringLiteral("no/such/folder/new.db"));
    const Run r = run({ QStringLiteral("--db"), path, QStringLiteral("--sample") });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines.size(), 1);
    QVERIFY2(r.errLines.front().contains(path), qPrintable(r.errLines.front()));
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_GUILESS_MAIN(TestInitCommand)
#include "tst_initcommand.moc"
