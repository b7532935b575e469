#include "Database.h"
#include "InterchangeLoader.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `fundscope import` end to end: the built binary (FUNDSCOPE_BINARY) run through QProcess.

namespace {

struct Run
{
    int exitCode = -1;
    QStringList outLines;
    QStringList errLines;
};

const QByteArray Header = "fund,phase,investee,date,type,amount,currency,stake_pct,status,confidence,source_url,notes\r\n";
const QByteArray Prefix = "China Integrated Circuit Industry Investment Fund (Big Fund),Phase I,"
                          "Semiconductor Manufacturing International Corp. (SMIC),";

QStringList sampleFiles()
{
    QStringList files;
    for (const QString &kind : InterchangeLoader::kinds())
        files.append(QStringLiteral(FUNDSCOPE_SAMPLE_DIR "/%1.csv").arg(kind));
    return files;
}

} // namespace

class TestImportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void importsAndPrintsCounts();
    void errorsAreListedAndNothingChanges();
    void dryRunChangesNothing();
    void usageErrors_data();
    void usageErrors();
    void missingDatabaseFails();

private:
    Run run(const QStringList &arguments);
    QString write(const QString &name, const QByteArray &content);
    qint64 count(const QString &table);
    void createDatabase(bool sample);

    QTemporaryDir *m_dir = nullptr;
    QString m_path;
};

void TestImportCommand::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("test.db"));
}

void TestImportCommand::cleanup()
{
    delete m_dir;
    m_dir = nullptr;
}

void TestImportCommand::createDatabase(bool sample)
{
    Database db;
    QCOMPARE(db.open(m_path, Database::OpenMode::CreateNew), Database::Status::Ok);
    if (sample) {
        const LoadReport report = InterchangeLoader(db).load(sampleFiles());
        QVERIFY(report.ok());
    }
}

Run TestImportCommand::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->path());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FUNDSCOPE_BINARY), QStringList { QStringLiteral("import") } + arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.outLines = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList lines = QString::fromUtf8(process.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1String("QStandardPaths:")))
            result.errLines.append(line);
    }
    return result;
}

QString TestImportCommand::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

qint64 TestImportCommand::count(const QString &table)
{
    Database db;
    if (db.open(m_path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
        return -1;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestImportCommand::importsAndPrintsCounts()
{
    createDatabase(false);
    QStringList files = sampleFiles();
    std::reverse(files.begin(), files.end());
    const Run r = run(QStringList { QStringLiteral("--db"), m_path } + files);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.errLines.isEmpty(), qPrintable(r.errLines.join(QLatin1Char('\n'))));
    qint64 total = 0;
    for (const QString &kind : InterchangeLoader::kinds()) {
        const qint64 rows = count(kind);
        QVERIFY(rows > 0);
        total += rows;
        const QString expected = QStringLiteral(FUNDSCOPE_SAMPLE_DIR "/%1.csv: %2 %1").arg(kind).arg(rows);
        QVERIFY2(r.outLines.contains(expected), qPrintable(expected + QStringLiteral(" not in\n") + r.outLines.join(QLatin1Char('\n'))));
    }
    QVERIFY2(r.outLines.last().contains(QStringLiteral("Imported %1 rows").arg(total)), qPrintable(r.outLines.last()));
}

void TestImportCommand::errorsAreListedAndNothingChanges()
{
    createDatabase(true);
    const qint64 events = count(QStringLiteral("disbursements"));
    const QString good = write(QStringLiteral("good.csv"), Header + Prefix + "2030,loan,1,CNY,,completed,,,\r\n");
    const QString bad = write(QStringLiteral("bad.csv"), Header + Prefix + "2030,loan,1,CNY,,completed,,,\r\n" + Prefix
                                      + "2021-02-30,loan,-1,CNY,,completed,,,\r\n" + "Nobody,Phase I,Nobody Ltd,2030,loan,1,CNY,,completed,,,\r\n");
    const Run r = run({ QStringLiteral("--db"), m_path, good, bad });
    QCOMPARE(r.exitCode, 1);
    // Every error on its own line, "file:line: column: reason", then the verdict.
    const QStringList expectedPrefixes = {
        bad + QStringLiteral(":2: "), // the same event as good.csv:2
        bad + QStringLiteral(":3: date: "),
        bad + QStringLiteral(":3: amount: "),
        bad + QStringLiteral(":4: fund: "),
        bad + QStringLiteral(":4: investee: "),
    };
    QCOMPARE(r.errLines.size(), expectedPrefixes.size() + 1);
    for (qsizetype i = 0; i < expectedPrefixes.size(); ++i)
        QVERIFY2(r.errLines.at(i).startsWith(expectedPrefixes.at(i)), qPrintable(r.errLines.at(i)));
    QVERIFY(r.errLines.at(0).contains(QStringLiteral("duplicate row")));
    QVERIFY2(r.errLines.at(0).contains(good + QStringLiteral(":2")), qPrintable(r.errLines.at(0)));
    QVERIFY(r.errLines.last().startsWith(QStringLiteral("fundscope: import failed with 5 errors")));
    QVERIFY(r.errLines.last().contains(m_path));
    QVERIFY(r.outLines.isEmpty());
    QCOMPARE(count(QStringLiteral("disbursements")), events);
}

void TestImportCommand::dryRunChangesNothing()
{
    createDatabase(false);
    const Run r = run(QStringList { QStringLiteral("--db"), m_path, QStringLiteral("--dry-run") } + sampleFiles());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.outLines.last().startsWith(QStringLiteral("Dry run: ")), qPrintable(r.outLines.join(QLatin1Char('\n'))));
    QCOMPARE(count(QStringLiteral("funds")), 0);
    QCOMPARE(count(QStringLiteral("disbursements")), 0);
}

void TestImportCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("no files") << QStringList { QStringLiteral("--db"), QStringLiteral("@DB@") };
    QTest::addRow("no --db") << QStringList { QStringLiteral("@CSV@") };
    QTest::addRow("unknown option") << QStringList { QStringLiteral("--db"), QStringLiteral("@DB@"), QStringLiteral("--force"),
                                                     QStringLiteral("@CSV@") };
}

void TestImportCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    createDatabase(false);
    const QString csv = write(QStringLiteral("d.csv"), Header + Prefix + "2030,loan,1,CNY,,completed,,,\r\n");
    arguments.replaceInStrings(QStringLiteral("@DB@"), m_path);
    arguments.replaceInStrings(QStringLiteral("@CSV@"), csv);
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errLines.size(), 1);
    QVERIFY(r.errLines.front().startsWith(QStringLiteral("fundscope: ")));
}

void TestImportCommand::missingDatabaseFails()
{
    const QString csv = write(QStringLiteral("d.csv"), Header);
    const QString missing = m_dir->filePath(QStringLiteral("missing.db"));
    const Run r = run({ QStringLiteral("--db"), missing, csv });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines.size(), 1);
    QVERIFY(r.errLines.front().contains(missing));
    QVERIFY(!QFileInfo::exists(missing)); // import never creates a database
}

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
