#include "CommandRun.h"
#include "Database.h"
#include "SampleDatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The command line speaks the system locale's language (docs/translation.md), end to end through
// the built binary (FUNDSCOPE_BINARY): --help and the messages on stderr are Simplified Chinese
// under LANG=zh_CN.UTF-8 and English under LANG=C.UTF-8, while what programs read (summary's json
// and csv, export-table's files) and the exit codes are the same byte for byte in both.

namespace {

using Run = CommandRun::Result;

const QString Chinese = QStringLiteral("zh_CN.UTF-8");
const QString English = QStringLiteral("C.UTF-8");

/// Whether the text holds a CJK ideograph: a translated text does, an English one never.
bool hasChinese(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCommandLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void helpFollowsTheLocale_data();
    void helpFollowsTheLocale();
    void summaryOutputIsTheSameInEveryLanguage_data();
    void summaryOutputIsTheSameInEveryLanguage();
    void exportedTableIsTheSameInEveryLanguage_data();
    void exportedTableIsTheSameInEveryLanguage();
    void errorsFollowTheLocale_data();
    void errorsFollowTheLocale();

private:
    Run run(const QStringList &arguments, const QString &lang);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCommandLanguage::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FUNDSCOPE_BINARY)));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("sample.db"));
    Database db;
    QCOMPARE(db.open(m_db, Database::OpenMode::CreateNew), Database::Status::Ok);
    QString error;
    QVERIFY2(SampleDatabase::load(db, &error), qPrintable(error));
}

void TestCommandLanguage::cleanupTestCase()
{
    m_dir.reset();
}

Run TestCommandLanguage::run(const QStringList &arguments, const QString &lang)
{
    return CommandRun::run(QStringLiteral(FUNDSCOPE_BINARY), arguments, m_dir->path(), lang);
}

void TestCommandLanguage::helpFollowsTheLocale_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("option"); ///< an option name, the same in every language
    QTest::addRow("fundscope --help") << QStringList { QStringLiteral("--help") } << QStringLiteral("--db");
    QTest::addRow("summary --help") << QStringList { QStringLiteral("summary"), QStringLiteral("--help") }
                                    << QStringLiteral("--by");
    QTest::addRow("export-table --help") << QStringList { QStringLiteral("export-table"),
        QStringLiteral("--help") } << QStringLiteral("--table");
}

void TestCommandLanguage::helpFollowsTheLocale()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, option);

    const Run english = run(arguments, English);
    QCOMPARE(english.exitCode, 0);
    QVERIFY2(english.out.contains(option), qPrintable(english.out));
    QVERIFY2(!hasChinese(english.out), qPrintable(english.out));

    const Run chinese = run(arguments, Chinese);
    QCOMPARE(chinese.exitCode, 0);
    QVERIFY2(chinese.out.contains(option), qPrintable(chinese.out));
    // The descriptions are translated, Qt's own "Usage:" and "Displays help…" included.
    QVERIFY2(hasChinese(chinese.out), qPrintable(chinese.out));
    QVERIFY2(!chinese.out.contains(QStringLiteral("Usage:")), qPrintable(chinese.out));
}

void TestCommandLanguage::summaryOutputIsTheSameInEveryLanguage_data()
{
    QTest::addColumn<QStringList>("arguments");
    const auto summary = [](const QString &by, const QString &format, const QStringList &more = {}) {
        return QStringList { QStringLiteral("summary"), QStringLiteral("--by"), by,
            QStringLiteral("--format"), format }
        + more;
    };
    QTest::addRow("json by sector") << summary(QStringLiteral("sector"), QStringLiteral("json"));
    QTest::addRow("csv by sector") << summary(QStringLiteral("sector"), QStringLiteral("csv"));
    QTest::addRow("json by phase, filtered") << summary(QStringLiteral("phase"), QStringLiteral("json"),
        { QStringLiteral("--from"), QStringLiteral("2019"), QStringLiteral("--currency"),
            QStringLiteral("USD") });
    QTest::addRow("csv by region") << summary(QStringLiteral("region"), QStringLiteral("csv"));
    QTest::addRow("json by year") << summary(QStringLiteral("year"), QStringLiteral("json"));
}

void TestCommandLanguage::summaryOutputIsTheSameInEveryLanguage()
{
    QFETCH(QStringList, arguments);
    arguments << QStringLiteral("--db") << m_db;

    const Run english = run(arguments, English);
    QVERIFY2(english.exitCode == 0, qPrintable(english.err));
    QVERIFY(!english.out.isEmpty());
    const Run chinese = run(arguments, Chinese);
    QVERIFY2(chinese.exitCode == 0, qPrintable(chinese.err));
    QCOMPARE(chinese.out.toUtf8(), english.out.toUtf8());
}

void TestCommandLanguage::exportedTableIsTheSameInEveryLanguage_data()
{
    QTest::addColumn<QString>("table");
    QTest::addRow("disbursements") << QStringLiteral("disbursements");
    QTest::addRow("investees") << QStringLiteral("investees");
    QTest::addRow("funds") << QStringLiteral("funds");
    QTest::addRow("phases") << QStringLiteral("phases");
    QTest::addRow("holdings") << QStringLiteral("holdings");
}

void TestCommandLanguage::exportedTableIsTheSameInEveryLanguage()
{
    QFETCH(QString, table);
    QByteArray bytes[2];
    const QString langs[2] = { English, Chinese };
    for (int i = 0; i < 2; ++i) {
        const QString out = m_dir->filePath(QStringLiteral("%1-%2.csv").arg(table).arg(i));
        const Run r = run({ QStringLiteral("export-table"), QStringLiteral("--db"), m_db,
                              QStringLiteral("--table"), table, QStringLiteral("--out"), out },
            langs[i]);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        bytes[i] = fileBytes(out);
        QVERIFY(!bytes[i].isEmpty());
    }
    QCOMPARE(bytes[1], bytes[0]);
}

void TestCommandLanguage::errorsFollowTheLocale_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("englishWords");
    QTest::addRow("missing --db file")
        << QStringList { QStringLiteral("summary"), QStringLiteral("--by"), QStringLiteral("sector"),
               QStringLiteral("--db"), QStringLiteral("/nonexistent/fundscope-language-test.db") }
        << 1 << QStringLiteral("does not exist");
    QTest::addRow("unknown --by") << QStringList { QStringLiteral("summary"), QStringLiteral("--by"),
        QStringLiteral("colour") } << 2
                                  << QStringLiteral("unknown --by 'colour'");
    QTest::addRow("unknown command") << QStringList { QStringLiteral("summarise") } << 2
                                     << QStringLiteral("unknown command 'summarise'");
}

void TestCommandLanguage::errorsFollowTheLocale()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, englishWords);

    const Run english = run(arguments, English);
    QCOMPARE(english.exitCode, exitCode);
    QVERIFY2(english.err.startsWith(QStringLiteral("fundscope: ")), qPrintable(english.err));
    QVERIFY2(english.err.contains(englishWords), qPrintable(english.err));
    QVERIFY2(!hasChinese(english.err), qPrintable(english.err));

    const Run chinese = run(arguments, Chinese);
    QCOMPARE(chinese.exitCode, exitCode);
    QVERIFY2(chinese.err.startsWith(QStringLiteral("fundscope: ")), qPrintable(chinese.err));
    QVERIFY2(hasChinese(chinese.err), qPrintable(chinese.err));
}

QTEST_GUILESS_MAIN(TestCommandLanguage)
#include "tst_commandlanguage.moc"
