#include "CommandRun.h"
#include "Database.h"
#include "DisbursementRepository.h"
#include "ExportTestSupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// `fundscope export-chart`, `export-table` and `report` end to end: the built binary
// (FUNDSCOPE_BINARY) run through QProcess without a display on a sample database made here.
// Exit 0 with what was written, 1 with a clear message and no file on failure, 2 with one line
// on usage errors; the commands are listed in --help.

using namespace ExportTestSupport;

namespace {

using Run = CommandRun::Result;

} // namespace

class TestExportCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helpListsTheCommands();
    void exportChartFormats_data();
    void exportChartFormats();
    void exportChartSegmentsAndFilter();
    void exportTableFormats_data();
    void exportTableFormats();
    void report();
    void usageErrors_data();
    void usageErrors();
    void failures_data();
    void failures();
    void refusesTheDatabaseAsOut_data();
    void refusesTheDatabaseAsOut();

private:
    Run run(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestExportCommands::init()
{
    QVERIFY(QFile::exists(QStringLiteral(FUNDSCOPE_BINARY)));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("sample.db"));
    Database db;
    QString error;
    QVERIFY2(openSample(db, m_db, &error), qPrintable(error));
}

void TestExportCommands::cleanup()
{
    m_dir.reset();
}

Run TestExportCommands::run(const QStringList &arguments)
{
    return CommandRun::run(QStringLiteral(FUNDSCOPE_BINARY), arguments, m_dir->path());
}

void TestExportCommands::helpListsTheCommands()
{
    const Run r = run({ QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    for (const QString &command : { QStringLiteral("export-chart"), QStringLiteral("export-table"), QStringLiteral("report") })
        QVERIFY2(r.out.contains(QStringLiteral("  ") + command), qPrintable(r.out));
    const Run chart = run({ QStringLiteral("export-chart"), QStringLiteral("--help") });
    QCOMPARE(chart.exitCode, 0);
    for (const QString &option : { QStringLiteral("--by"), QStringLiteral("--format"), QStringLiteral("--out"),
                                   QStringLiteral("--width"), QStringLiteral("--height"), QStringLiteral("--dpi"),
                                   QStringLiteral("--currency"), QStringLiteral("--sector"), QStringLiteral("--db") })
        QVERIFY2(chart.out.contains(option), qPrintable(option));
}

void TestExportCommands::exportChartFormats_data()
{
    QTest::addColumn<QString>("by");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("title");
    QTest::addRow("sector png") << QStringLiteral("sector") << QStringLiteral("png") << QStringLiteral("Invested by sector");
    QTest::addRow("region svg") << QStringLiteral("region") << QStringLiteral("svg")
                                << QStringLiteral("Invested by region (province)");
    QTest::addRow("phase pdf") << QStringLiteral("phase") << QStringLiteral("pdf")
                               << QStringLiteral("Invested by funding phase, stacked by sector");
    QTest::addRow("year pdf") << QStringLiteral("year") << QStringLiteral("pdf") << QStringLiteral("Invested per year, stacked by sector");
}

void TestExportCommands::exportChartFormats()
{
    QFETCH(QString, by);
    QFETCH(QString, format);
    QFETCH(QString, title);
    const QString out = m_dir->filePath(QStringLiteral("chart.") + format);
    const Run r = run({ QStringLiteral("export-chart"), QStringLiteral("--by"), by, QStringLiteral("--format"), format,
                        QStringLiteral("--out"), out, QStringLiteral("--width"), QStringLiteral("1200"),
                        QStringLiteral("--height"), QStringLiteral("900"), QStringLiteral("--dpi"), QStringLiteral("150"),
                        QStringLiteral("--db"), m_db });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Wrote ")) && r.out.contains(title), qPrintable(r.out));
    QVERIFY(r.err.isEmpty());
    QString error;
    if (format == QLatin1String("png")) {
        QImage image;
        QVERIFY(image.load(out, "PNG"));
        QCOMPARE(image.size(), QSize(1200, 900));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 150);
    } else if (format == QLatin1String("svg")) {
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        bool ok = false;
        const QStringList texts = svgTexts(file.readAll(), &ok, &error);
        QVERIFY2(ok, qPrintable(error));
        QVERIFY(texts.contains(title));
        QVERIFY(texts.join(QLatin1Char(' ')).contains(QStringLiteral("北京")));
    } else {
        bool ok = false;
        const QString text = pdfText(out, &ok, &error);
        QVERIFY2(ok, qPrintable(error));
        QVERIFY2(text.contains(title), qPrintable(text.left(300)));
        QVERIFY2(text.contains(QStringLiteral("半导体")), qPrintable(text));
        QVERIFY(lookAlikeRadicals(text).isEmpty());
    }
}

void TestExportCommands::exportChartSegmentsAndFilter()
{
    // The format from the suffix; segments across sectors; filter options and USD as in summary.
    const QString out = m_dir->filePath(QStringLiteral("segments.svg"));
    const Run r = run({ QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("segment"),
                        QStringLiteral("--out"), out, QStringLiteral("--currency"), QStringLiteral("USD"),
                        QStringLiteral("--from"), QStringLiteral("2015"), QStringLiteral("--db"), m_db });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    bool ok = false;
    QString error;
    const QString text = svgTexts(file.readAll(), &ok, &error).join(QLatin1Char('\n'));
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(text.contains(QStringLiteral("Invested by segment")));
    QVERIFY(text.contains(QStringLiteral("foundry")));
    QVERIFY2(text.contains(QStringLiteral("Date: 2015 – …")) && text.contains(QStringLiteral("amounts in USD")), qPrintable(text));
}

void TestExportCommands::exportTableFormats_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("format");
    for (const char *table : { "disbursements", "investees", "funds", "phases", "holdings" }) {
        for (const char *format : { "csv", "xlsx" })
            QTest::addRow("%s %s", table, format) << QString::fromLatin1(table) << QString::fromLatin1(format);
    }
}

void TestExportCommands::exportTableFormats()
{
    QFETCH(QString, table);
    QFETCH(QString, format);
    const QString out = m_dir->filePath(table + QLatin1Char('.') + format);
    const Run r = run({ QStringLiteral("export-table"), QStringLiteral("--table"), table, QStringLiteral("--format"), format,
                        QStringLiteral("--out"), out, QStringLiteral("--sector"), QStringLiteral("Semiconductors"),
                        QStringLiteral("--db"), m_db });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(table) && r.out.contains(format.toUpper()), qPrintable(r.out));
    QVERIFY(QFile::exists(out));
    if (table == QLatin1String("disbursements") && format == QLatin1String("csv")) {
        Database db;
        QCOMPARE(db.open(m_db, Database::OpenMode::OpenExisting), Database::Status::Ok);
        Filter filter;
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM sectors WHERE name = 'Semiconductors'")) && q.next());
        filter.sectors = { q.value(0).toLongLong() };
        const qint64 rows = DisbursementRepository(db).count(filter);
        QVERIFY2(r.out.contains(QStringLiteral(": %1 disbursements rows").arg(rows)), qPrintable(r.out));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\r\n"), rows + 1);
    }
    if (format == QLatin1String("xlsx")) {
        bool ok = false;
        QString error;
        const QByteArray xml = zipMember(out, QStringLiteral("xl/worksheets/sheet1.xml"), &ok, &error);
        QVERIFY2(ok, qPrintable(error));
        QVERIFY(xml.contains("state=\"frozen\""));
    }
}

void TestExportCommands::report()
{
    const QString out = m_dir->filePath(QStringLiteral("report.pdf"));
    const Run r = run({ QStringLiteral("report"), QStringLiteral("--out"), out, QStringLiteral("--region"),
                        QStringLiteral("Beijing"), QStringLiteral("--db"), m_db });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QString error;
    const int pages = pdfPages(out, &error);
    QVERIFY2(pages >= 9, qPrintable(error));
    QVERIFY2(r.out.contains(QStringLiteral("report of %1 pages").arg(pages)), qPrintable(r.out));
    bool ok = false;
    const QString text = pdfText(out, &ok, &error);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(text.contains(QStringLiteral("Fundscope report")));
    QVERIFY2(text.contains(QStringLiteral("Region: Beijing 北京")), qPrintable(text.left(400)));
    QVERIFY(lookAlikeRadicals(text).isEmpty());
}

void TestExportCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("/tmp/never-written.out");
    QTest::addRow("chart without --by") << QStringList { QStringLiteral("export-chart"), QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--out"), out }
                                        << QStringLiteral("export-chart needs --by sector|segment|region|phase|year");
    QTest::addRow("unknown --by") << QStringList { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("fund"), QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--out"), out }
                                  << QStringLiteral("unknown --by 'fund' (expected sector|segment|region|phase|year)");
    QTest::addRow("unknown chart format") << QStringList { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("sector"), QStringLiteral("--format"), QStringLiteral("gif"), QStringLiteral("--out"), out }
                                          << QStringLiteral("unknown --format 'gif' (expected png|svg|pdf)");
    QTest::addRow("chart without --out") << QStringList { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("sector"), QStringLiteral("--format"), QStringLiteral("png") }
                                         << QStringLiteral("export-chart needs --out FILE");
    QTest::addRow("chart format unknown from suffix") << QStringList { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("sector"), QStringLiteral("--out"), QStringLiteral("/tmp/x.gif") }
                                                      << QStringLiteral("export-chart needs --format png|svg|pdf");
    QTest::addRow("bad width") << QStringList { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("sector"), QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--out"), out, QStringLiteral("--width"), QStringLiteral("wide") }
                               << QStringLiteral("--width 'wide' is not a whole number from 16 to 30000");
    QTest::addRow("bad dpi") << QStringList { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("sector"), QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--out"), out, QStringLiteral("--dpi"), QStringLiteral("0") }
                             << QStringLiteral("--dpi '0' is not a whole number from 10 to 2400");
    QTest::addRow("unknown option") << QStringList { QStringLiteral("export-chart"), QStringLiteral("--colour"), QStringLiteral("red") }
                                    << QStringLiteral("Unknown option 'colour'.");
    QTest::addRow("unknown sector") << QStringList { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("sector"), QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--out"), out, QStringLiteral("--sector"), QStringLiteral("Alchemy") }
                                    << QStringLiteral("unknown sector 'Alchemy'");
    QTest::addRow("table without --table") << QStringList { QStringLiteral("export-table"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), out }
                                           << QStringLiteral("export-table needs --table disbursements|investees|funds|phases|holdings");
    QTest::addRow("unknown --table") << QStringList { QStringLiteral("export-table"), QStringLiteral("--table"), QStringLiteral("rates"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), out }
                                     << QStringLiteral("unknown --table 'rates' (expected disbursements|investees|funds|phases|holdings)");
    QTest::addRow("unknown table format") << QStringList { QStringLiteral("export-table"), QStringLiteral("--table"), QStringLiteral("funds"), QStringLiteral("--format"), QStringLiteral("ods"), QStringLiteral("--out"), out }
                                          << QStringLiteral("unknown --format 'ods' (expected csv|xlsx)");
    QTest::addRow("table without --out") << QStringList { QStringLiteral("export-table"), QStringLiteral("--table"), QStringLiteral("funds"), QStringLiteral("--format"), QStringLiteral("csv") }
                                         << QStringLiteral("export-table needs --out FILE");
    QTest::addRow("report without --out") << QStringList { QStringLiteral("report") } << QStringLiteral("report needs --out FILE.pdf");
    QTest::addRow("report with a stray argument") << QStringList { QStringLiteral("report"), QStringLiteral("--out"), out, QStringLiteral("extra") }
                                                  << QStringLiteral("report: unexpected argument 'extra'");
}

void TestExportCommands::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = run(arguments + QStringList { QStringLiteral("--db"), m_db });
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("fundscope: ") + message + QLatin1Char('\n'));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/never-written.out")));
}

void TestExportCommands::failures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("out");
    QTest::addRow("chart into a missing folder")
            << QStringList { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("region"), QStringLiteral("--format"), QStringLiteral("pdf") }
            << QStringLiteral("missing/chart.pdf");
    QTest::addRow("table into a missing folder")
            << QStringList { QStringLiteral("export-table"), QStringLiteral("--table"), QStringLiteral("disbursements"), QStringLiteral("--format"), QStringLiteral("xlsx") }
            << QStringLiteral("missing/table.xlsx");
    QTest::addRow("csv under a file") << QStringList { QStringLiteral("export-table"), QStringLiteral("--table"), QStringLiteral("funds"), QStringLiteral("--format"), QStringLiteral("csv") }
                                      << QStringLiteral("sample.db/funds.csv");
    QTest::addRow("report into a missing folder") << QStringList { QStringLiteral("report") } << QStringLiteral("missing/report.pdf");
}

void TestExportCommands::failures()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, out);
    const QString path = m_dir->filePath(out);
    const Run r = run(arguments + QStringList { QStringLiteral("--out"), path, QStringLiteral("--db"), m_db });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("fundscope: cannot write ") + QDir::toNativeSeparators(path)), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(path));
    QVERIFY(filesBeside(m_dir->path()).isEmpty());

    // A database that does not exist is a failure too.
    const Run missing = run(arguments + QStringList { QStringLiteral("--out"), m_dir->filePath(QStringLiteral("x.out")),
                                                      QStringLiteral("--db"), m_dir->filePath(QStringLiteral("none.db")) });
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(!missing.err.isEmpty());
}

// Issue 15: `--out` naming the database (or SQLite's files beside it) replaced the database with
// the export and exited 0. Refused before anything is written, however the path is spelled: the
// same file by another name, a symbolic link to it, or a journal that does not exist yet.
void TestExportCommands::refusesTheDatabaseAsOut_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("out");
    const QList<QPair<QString, QStringList>> commands {
        { QStringLiteral("table"), { QStringLiteral("export-table"), QStringLiteral("--table"), QStringLiteral("funds"),
                                     QStringLiteral("--format"), QStringLiteral("csv") } },
        { QStringLiteral("chart"), { QStringLiteral("export-chart"), QStringLiteral("--by"), QStringLiteral("sector"),
                                     QStringLiteral("--format"), QStringLiteral("svg") } },
        { QStringLiteral("report"), { QStringLiteral("report") } },
    };
    for (const auto &[name, arguments] : commands) {
        for (const QString &out : { QStringLiteral("sample.db"), QStringLiteral("sample.db-wal"),
                                    QStringLiteral("sample.db-shm"), QStringLiteral("sample.db-journal"),
                                    QStringLiteral("sub/../sample.db"), QStringLiteral("./sample.db"),
                                    QStringLiteral("link.db"), QStringLiteral("linked/sample.db-journal") })
            QTest::addRow("%s to %s", qPrintable(name), qPrintable(out)) << arguments << out;
    }
}

void TestExportCommands::refusesTheDatabaseAsOut()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, out);
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("sub")));
    QVERIFY(QFile::link(m_db, m_dir->filePath(QStringLiteral("link.db"))));
    QVERIFY(QFile::link(m_dir->path(), m_dir->filePath(QStringLiteral("linked"))));
    QFile file(m_db);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    const QString path = m_dir->filePath(out);
    const Run r = run(arguments + QStringList { QStringLiteral("--out"), path, QStringLiteral("--db"), m_db });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("fundscope: cannot write ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("database")), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    file.close();
    for (const QString &companion : { QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
        QVERIFY2(!QFile::exists(m_db + companion), qPrintable(companion));
    QStringList left = filesBeside(m_dir->path());
    left.removeAll(QStringLiteral("link.db"));
    left.removeAll(QStringLiteral("linked"));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));

    // The database still opens and holds the sample.
    const Run summary = run({ QStringLiteral("summary"), QStringLiteral("--by"), QStringLiteral("sector"),
                              QStringLiteral("--db"), m_db });
    QCOMPARE(summary.exitCode, 0);
}

QTEST_MAIN(TestExportCommands)
#include "tst_exportcommands.moc"
