#include "CommandRun.h"
#include "Database.h"
#include "InterchangeLoader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
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

const QByteArray Header
    = "fund,phase,investee,date,type,amount,currency,stake_pct,status,confidence,source_url,notes\r\n";
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

    // Issue 6
    void skipInvalidListsTheRejectedRows();
    void onDuplicateSkipAndKeep();
    void encodingDetectedOrGiven();
    void lockedDatabaseIsAClearError();
    void killedMidImportLeavesNoPartialRows();

    // Issue 14
    void amountsAsTheFormReadsThem();

    // Issue 15
    void undecodableTextIsAnError_data();
    void undecodableTextIsAnError();
    void strayByteInAsciiNeedsAnEncoding();
    void nulBytesAreRefusedAndShown();

private:
    QProcessEnvironment environment() const;
    QString checksum();
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

QProcessEnvironment TestImportCommand::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->path());
    CommandRun::setLanguage(env); // English messages, whatever the developer's locale
    return env;
}

Run TestImportCommand::run(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(FUNDSCOPE_BINARY), QStringList { QStringLiteral("import") } + arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.outLines
        = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList lines
        = QString::fromUtf8(process.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
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
        QVERIFY2(r.outLines.contains(expected),
            qPrintable(expected + QStringLiteral(" not in\n") + r.outLines.join(QLatin1Char('\n'))));
    }
    QVERIFY2(r.outLines.last().contains(QStringLiteral("Imported %1 rows").arg(total)),
        qPrintable(r.outLines.last()));
}

void TestImportCommand::errorsAreListedAndNothingChanges()
{
    createDatabase(true);
    const qint64 events = count(QStringLiteral("disbursements"));
    const QString good
        = write(QStringLiteral("good.csv"), Header + Prefix + "2030,loan,1,CNY,,completed,,,\r\n");
    const QString bad = write(QStringLiteral("bad.csv"),
        Header + Prefix + "2030,loan,1,CNY,,completed,,,\r\n" + Prefix
            + "2021-02-30,loan,-1,CNY,,completed,,,\r\n"
            + "Nobody,Phase I,Nobody Ltd,2030,loan,1,CNY,,completed,,,\r\n");
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
    const Run r
        = run(QStringList { QStringLiteral("--db"), m_path, QStringLiteral("--dry-run") } + sampleFiles());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.outLines.last().startsWith(QStringLiteral("Dry run: ")),
        qPrintable(r.outLines.join(QLatin1Char('\n'))));
    QCOMPARE(count(QStringLiteral("funds")), 0);
    QCOMPARE(count(QStringLiteral("disbursements")), 0);
}

void TestImportCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("no files") << QStringList { QStringLiteral("--db"), QStringLiteral("@DB@") };
    QTest::addRow("no --db") << QStringList { QStringLiteral("@CSV@") };
    QTest::addRow("unknown option") << QStringList { QStringLiteral("--db"), QStringLiteral("@DB@"),
        QStringLiteral("--force"), QStringLiteral("@CSV@") };
    QTest::addRow("bad --on-duplicate") << QStringList { QStringLiteral("--db"), QStringLiteral("@DB@"),
        QStringLiteral("--on-duplicate"), QStringLiteral("merge"), QStringLiteral("@CSV@") };
    QTest::addRow("unknown --encoding") << QStringList { QStringLiteral("--db"), QStringLiteral("@DB@"),
        QStringLiteral("--encoding"), QStringLiteral("klingon-8"), QStringLiteral("@CSV@") };
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

// Every table's rows and the schema, through a connection of its own.
QString TestImportCommand::checksum()
{
    Database db;
    if (db.open(m_path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
        return QStringLiteral("<cannot open: %1>").arg(db.errorString());
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
        q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(name));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

void TestImportCommand::skipInvalidListsTheRejectedRows()
{
    createDatabase(true);
    const qint64 events = count(QStringLiteral("disbursements"));
    const QString csv = write(QStringLiteral("mixed.csv"),
        Header + Prefix + "2030,loan,1,CNY,,completed,,,\r\n" + Prefix
            + "2021-02-30,loan,2,CNY,,completed,,,\r\n" + Prefix + "2030,loan,3,CNY,,completed,,,\r\n");
    const Run r = run({ QStringLiteral("--db"), m_path, QStringLiteral("--skip-invalid"), csv });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.errLines.size(), 1);
    QVERIFY2(r.errLines.front().startsWith(QStringLiteral("rejected: ") + csv + QStringLiteral(":3: date: ")),
        qPrintable(r.errLines.front()));
    QVERIFY2(r.outLines.contains(csv + QStringLiteral(": 2 disbursements, 1 rejected")),
        qPrintable(r.outLines.join(QLatin1Char('\n'))));
    QCOMPARE(count(QStringLiteral("disbursements")), events + 2);
}

void TestImportCommand::onDuplicateSkipAndKeep()
{
    createDatabase(true);
    const qint64 events = count(QStringLiteral("disbursements"));
    const QString csv = write(QStringLiteral("twice.csv"),
        Header + Prefix + "2030,loan,1,CNY,,completed,,,a\r\n" + Prefix
            + "2030,loan,1,CNY,,completed,,,b\r\n");
    const Run failed = run({ QStringLiteral("--db"), m_path, csv });
    QCOMPARE(failed.exitCode, 1);
    QCOMPARE(count(QStringLiteral("disbursements")), events);

    const Run skipped = run(
        { QStringLiteral("--db"), m_path, QStringLiteral("--on-duplicate"), QStringLiteral("skip"), csv });
    QCOMPARE(skipped.exitCode, 0);
    QCOMPARE(skipped.errLines.size(), 1);
    QVERIFY2(skipped.errLines.front().startsWith(
                 QStringLiteral("skipped duplicate: ") + csv + QStringLiteral(":3: ")),
        qPrintable(skipped.errLines.front()));
    QCOMPARE(count(QStringLiteral("disbursements")), events + 1);

    const Run kept = run(
        { QStringLiteral("--db"), m_path, QStringLiteral("--on-duplicate"), QStringLiteral("keep"), csv });
    QCOMPARE(kept.exitCode, 0);
    QCOMPARE(count(QStringLiteral("disbursements")), events + 3);
}

void TestImportCommand::encodingDetectedOrGiven()
{
    createDatabase(true);
    QProcess iconv;
    iconv.start(QStringLiteral("iconv"),
        { QStringLiteral("-f"), QStringLiteral("UTF-8"), QStringLiteral("-t"), QStringLiteral("GB18030") });
    QVERIFY(iconv.waitForStarted());
    iconv.write("name,name_zh,kind\r\n"
                "Detected Test Co,检测测试半导体有限公司,company\r\n"
                "Second Test Co,第二测试集成电路股份有限公司,company\r\n");
    iconv.closeWriteChannel();
    QVERIFY(iconv.waitForFinished());
    const QString csv = write(QStringLiteral("investees.csv"), iconv.readAllStandardOutput());
    const Run dry = run({ QStringLiteral("--db"), m_path, QStringLiteral("--dry-run"), csv });
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.outLines.contains(csv + QStringLiteral(": 2 investees (read as GB18030)")),
        qPrintable(dry.outLines.join(QLatin1Char('\n'))));
    // Read as UTF-8 on request, the same bytes are invalid.
    const Run wrong
        = run({ QStringLiteral("--db"), m_path, QStringLiteral("--encoding"), QStringLiteral("utf-8"), csv });
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(
        wrong.errLines.front().contains(QStringLiteral("invalid UTF-8")), qPrintable(wrong.errLines.front()));
    const Run given
        = run({ QStringLiteral("--db"), m_path, QStringLiteral("--encoding"), QStringLiteral("gbk"), csv });
    QCOMPARE(given.exitCode, 0);
    QCOMPARE(count(QStringLiteral("investees WHERE name_zh = '检测测试半导体有限公司'")), 1);
}

void TestImportCommand::lockedDatabaseIsAClearError()
{
    createDatabase(true);
    const QString before = checksum();
    QProcess holder; // a second writer: the sqlite3 tool in the middle of a transaction
    holder.start(QStringLiteral("sqlite3"), { m_path });
    QVERIFY2(holder.waitForStarted(), "the sqlite3 tool is needed to hold the lock");
    holder.write("BEGIN EXCLUSIVE;\n");
    const auto locked = [&] {
        Database probe;
        if (probe.open(m_path, Database::OpenMode::OpenExisting, 0) != Database::Status::Ok)
            return false;
        if (!probe.begin())
            return true;
        probe.rollback();
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(locked(), 30000);
    const QString csv = write(QStringLiteral("d.csv"), Header + Prefix + "2030,loan,1,CNY,,completed,,,\r\n");
    const Run r = run({ QStringLiteral("--db"), m_path, csv });
    holder.write("ROLLBACK;\n.quit\n");
    holder.closeWriteChannel();
    QVERIFY(holder.waitForFinished(10000));
    QCOMPARE(r.exitCode, 1);
    const QString message = r.errLines.join(QLatin1Char('\n'));
    QVERIFY2(message.contains(QStringLiteral("locked")) && message.contains(m_path), qPrintable(message));
    QVERIFY2(r.errLines.last().contains(QStringLiteral("was not changed")), qPrintable(message));
    QCOMPARE(checksum(), before);
}

void TestImportCommand::killedMidImportLeavesNoPartialRows()
{
    createDatabase(true);
    const QString before = checksum();
    QStringList tables = InterchangeLoader::kinds();
    tables << QStringLiteral("regions") << QStringLiteral("segments") << QStringLiteral("history");
    QList<qint64> counts;
    for (const QString &table : std::as_const(tables))
        counts.append(count(table));

    const QString csv = m_dir->filePath(QStringLiteral("big.csv"));
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Header);
        QByteArray chunk;
        for (int i = 1; i <= 600000; ++i) {
            chunk += Prefix + "2044-01-01,loan," + QByteArray::number(i)
                + ",CNY,,completed,low,https://example.org/" + QByteArray::number(i) + ",row\r\n";
            if (chunk.size() > (1 << 20)) {
                file.write(chunk);
                chunk.clear();
            }
        }
        file.write(chunk);
    }
    QProcess child;
    child.setProcessEnvironment(environment());
    child.start(QStringLiteral(FUNDSCOPE_BINARY),
        { QStringLiteral("import"), QStringLiteral("--db"), m_path, QStringLiteral("--progress"), csv });
    QVERIFY(child.waitForStarted());
    // Kill it once a good share of the rows went into the open transaction.
    qint64 rowsAtKill = 0;
    QByteArray err;
    while (rowsAtKill < 150000 && child.state() == QProcess::Running) {
        child.waitForReadyRead(1000);
        err += child.readAllStandardError();
        const QList<QByteArray> lines = err.split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("progress: reading "))
                rowsAtKill = qMax(rowsAtKill, line.mid(18, line.indexOf(' ', 18) - 18).toLongLong());
        }
    }
    QVERIFY2(child.state() == QProcess::Running, "the import finished before it could be killed");
    child.kill(); // SIGKILL: no chance to roll back or clean up
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY(rowsAtKill >= 150000 && rowsAtKill < 600000);

    Database db;
    QCOMPARE(db.open(m_path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY(!q.next());
    for (qsizetype i = 0; i < tables.size(); ++i)
        QCOMPARE(count(tables.at(i)), counts.at(i));
    QCOMPARE(count(QStringLiteral("disbursements WHERE value_date = '2044-01-01'")), 0);
    QCOMPARE(checksum(), before);
}

void TestImportCommand::amountsAsTheFormReadsThem()
{
    createDatabase(true);
    const QString good = write(QStringLiteral("units.csv"),
        Header + Prefix + "2044-01,loan,12.3亿,CNY,,completed,,,\r\n" + Prefix
            + "2044-02,loan,\"1,234.5\",CNY,,completed,,,\r\n" + Prefix
            + "2044-03,loan,350m,USD,,completed,,,\r\n");
    const Run r = run({ QStringLiteral("--db"), m_path, good });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.errLines.isEmpty(), qPrintable(r.errLines.join(QLatin1Char('\n'))));
    {
        Database db;
        QCOMPARE(db.open(m_path, Database::OpenMode::OpenExisting), Database::Status::Ok);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT amount_minor || ' ' || currency FROM disbursements WHERE value_date LIKE '2044-%' "
            "ORDER BY value_date")));
        QStringList stored;
        while (q.next())
            stored.append(q.value(0).toString());
        QCOMPARE(stored,
            (QStringList { QStringLiteral("123000000000 CNY"), QStringLiteral("123450 CNY"),
                QStringLiteral("35000000000 USD") }));
    }

    const qint64 events = count(QStringLiteral("disbursements"));
    const QString bad = write(QStringLiteral("bad-units.csv"),
        Header + Prefix + "2045-01,loan,5万,CNY,,completed,,,\r\n" + Prefix
            + "2045-02,loan,\"1,23\",CNY,,completed,,,\r\n" + Prefix
            + "2045-03,loan,1e9,CNY,,completed,,,\r\n");
    const Run refused = run({ QStringLiteral("--db"), m_path, bad });
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.errLines.size(), 3);
    QVERIFY2(refused.errLines.at(0).startsWith(bad + QStringLiteral(":3: amount: '1,23'")),
        qPrintable(refused.errLines.at(0)));
    QVERIFY2(refused.errLines.at(1).startsWith(bad + QStringLiteral(":4: amount: '1e9'")),
        qPrintable(refused.errLines.at(1)));
    QCOMPARE(count(QStringLiteral("disbursements")), events);
}

// Issue 15: bytes the file's encoding cannot decode were stored as U+FFFD with exit 0. They are
// errors naming file, line and column; only an encoding the user gave, with --skip-invalid, turns
// them into rejected rows (a detected encoding may simply be wrong, so the file is refused whole).
void TestImportCommand::undecodableTextIsAnError_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QProcess iconv;
    iconv.start(QStringLiteral("iconv"),
        { QStringLiteral("-f"), QStringLiteral("UTF-8"), QStringLiteral("-t"), QStringLiteral("GB18030") });
    if (!iconv.waitForStarted())
        qFatal("iconv cannot be started");
    iconv.write("name,name_zh,kind\r\n"
                "Good Test Co,好测试半导体有限公司,company\r\n"
                "Second Test Co,第二测试集成电路股份有限公司,company\r\n");
    iconv.closeWriteChannel();
    iconv.waitForFinished();
    // 0x81 opens a two- or four-byte GB18030 sequence; a comma cannot follow it.
    const QByteArray gb = iconv.readAllStandardOutput() + "Bad Test Co,\xB2\xE2\x81,company\r\n";
    QTest::addRow("GB18030 with an invalid byte") << gb << QStringLiteral("GB18030");

    QByteArray utf16("\xFF\xFE", 2);
    const auto add16 = [&utf16](const QString &text) {
        for (const QChar c : text) {
            utf16.append(char(c.unicode() & 0xff));
            utf16.append(char(c.unicode() >> 8));
        }
    };
    add16(QStringLiteral("name,name_zh,kind\r\nGood Test Co,好测试半导体有限公司,company\r\n"
                         "Second Test Co,第二测试集成电路股份有限公司,company\r\nBad Test Co,坏"));
    utf16.append("\x00\xD8", 2); // a high surrogate with no low one after it
    add16(QStringLiteral(",company\r\n"));
    QTest::addRow("UTF-16 with a lone surrogate") << utf16 << QStringLiteral("UTF-16LE");
}

void TestImportCommand::undecodableTextIsAnError()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    createDatabase(true);
    const qint64 investees = count(QStringLiteral("investees"));
    const QString csv = write(QStringLiteral("investees.csv"), bytes);

    for (const bool skip : { false, true }) {
        QStringList arguments { QStringLiteral("--db"), m_path };
        if (skip)
            arguments << QStringLiteral("--skip-invalid");
        const Run detected = run(arguments + QStringList { csv });
        QCOMPARE(detected.exitCode, 1);
        QVERIFY2(!detected.errLines.isEmpty()
                     && detected.errLines.front().startsWith(csv + QStringLiteral(":4: name_zh: ")),
                 qPrintable(detected.errLines.join(QLatin1Char('\n'))));
        QVERIFY2(detected.errLines.front().contains(encoding), qPrintable(detected.errLines.front()));
        QVERIFY2(detected.errLines.front().contains(QStringLiteral("character 2")),
                 qPrintable(detected.errLines.front()));
        QCOMPARE(count(QStringLiteral("investees")), investees);
    }

    // Given explicitly, with --skip-invalid: the bad row is listed and the others go in.
    const Run given = run({ QStringLiteral("--db"), m_path, QStringLiteral("--encoding"), encoding,
                            QStringLiteral("--skip-invalid"), csv });
    QCOMPARE(given.exitCode, 0);
    QVERIFY2(given.errLines.size() == 1
                 && given.errLines.front().startsWith(QStringLiteral("rejected: ") + csv
                                                      + QStringLiteral(":4: name_zh: ")),
             qPrintable(given.errLines.join(QLatin1Char('\n'))));
    QCOMPARE(count(QStringLiteral("investees")), investees + 2);
    QCOMPARE(count(QStringLiteral("investees WHERE name_zh LIKE '%' || char(65533) || '%'")), 0);
}

// Issue 15: one byte that is not UTF-8 in an otherwise ASCII file was read as Windows-1252 and
// said only on stdout. One byte cannot tell a code page from damaged UTF-8: the user says which.
void TestImportCommand::strayByteInAsciiNeedsAnEncoding()
{
    createDatabase(true);
    const qint64 investees = count(QStringLiteral("investees"));
    const QString csv = write(QStringLiteral("investees.csv"),
                              "name,kind\r\nPlain Test Co,company\r\nCaf\xE9 Test Co,company\r\n");
    const Run detected = run({ QStringLiteral("--db"), m_path, csv });
    QCOMPARE(detected.exitCode, 1);
    QVERIFY2(!detected.errLines.isEmpty() && detected.errLines.front().startsWith(csv + QStringLiteral(":3: ")),
             qPrintable(detected.errLines.join(QLatin1Char('\n'))));
    QVERIFY2(detected.errLines.front().contains(QStringLiteral("--encoding")), qPrintable(detected.errLines.front()));
    QCOMPARE(count(QStringLiteral("investees")), investees);

    const Run given = run(
        { QStringLiteral("--db"), m_path, QStringLiteral("--encoding"), QStringLiteral("windows-1252"), csv });
    QCOMPARE(given.exitCode, 0);
    QCOMPARE(count(QStringLiteral("investees WHERE name = 'Café Test Co'")), 1);
}

// Issue 15: a NUL in a name was stored (SQL then sees the name cut short) and messages were cut at it.
void TestImportCommand::nulBytesAreRefusedAndShown()
{
    createDatabase(true);
    const qint64 investees = count(QStringLiteral("investees"));
    const QString csv = write(QStringLiteral("investees.csv"),
                              QByteArray("name,kind,notes\r\nNul\0Test Co,company,x\r\n", 40));
    const Run r = run({ QStringLiteral("--db"), m_path, csv });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(!r.errLines.isEmpty() && r.errLines.front().startsWith(csv + QStringLiteral(":2: name: ")),
             qPrintable(r.errLines.join(QLatin1Char('\n'))));
    QVERIFY2(r.errLines.front().contains(QStringLiteral("Nul\\0Test Co")), qPrintable(r.errLines.front()));
    QCOMPARE(count(QStringLiteral("investees")), investees);
}

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
