#include "AggregationEngine.h"
#include "AnalyticsService.h"
#include "CsvReader.h"
#include "Database.h"
#include "DisbursementRepository.h"
#include "ExportTestSupport.h"
#include "InterchangeLoader.h"
#include "Lookup.h"
#include "TableExporter.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

// Tables to CSV and XLSX, checked with real readers: the four interchange tables exported as
// CSV re-import into an empty database (InterchangeLoader) and give the same aggregates, whole
// and under a filter; the XLSX is unzipped and its cells read back (numbers as numbers, full-day
// dates as dates, the rest as strings, frozen header, widths); formula-like text is neutralised;
// every matching row is written; cancelled and failed exports leave no file.

using Table = TableExporter::Table;
using namespace ExportTestSupport;

namespace {

QList<QStringList> readCsv(const QString &path, QString *error)
{
    CsvReader reader(path);
    QList<QStringList> records;
    while (reader.next())
        records.append(reader.fields());
    if (reader.hasError())
        *error = reader.errorString();
    return records;
}

/// A grouping by name (ids differ between databases), amounts rounded to the cent.
QMap<QString, QString> byName(const AggregateResult &r)
{
    QMap<QString, QString> out;
    const auto describe = [](const AggregateRow &row) {
        return QStringLiteral("%1|%2|%3|%4 events|%5 investees|%6 undisclosed|%7 without rate")
                .arg(row.invested, 0, 'f', 2)
                .arg(row.committed, 0, 'f', 2)
                .arg(row.divested, 0, 'f', 2)
                .arg(row.events)
                .arg(row.investees)
                .arg(row.undisclosed)
                .arg(row.withoutRate);
    };
    for (const AggregateRow &row : r.rows)
        out.insert(row.key, describe(row));
    out.insert(QStringLiteral("(totals)"), describe(r.totals));
    out.insert(QStringLiteral("(sub-fund flows)"), describe(r.subFundFlows));
    return out;
}

/// The cells of the first worksheet of an .xlsx: row number -> column letter(s) -> (type, value).
struct Cell
{
    QString type;  ///< the t attribute: "" (number), "inlineStr", "s", "str", …
    int style = 0; ///< the s attribute
    QString value; ///< <v> or the inline string's text
    bool formula = false;
};
using Sheet = QMap<int, QMap<QString, Cell>>;

Sheet readSheet(const QByteArray &xml, QString *pane)
{
    Sheet sheet;
    QXmlStreamReader reader(xml);
    Cell cell;
    QString reference;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("pane")) {
            *pane = QStringLiteral("ySplit=%1 state=%2")
                            .arg(reader.attributes().value(QStringLiteral("ySplit")),
                                 reader.attributes().value(QStringLiteral("state")));
        } else if (reader.name() == QLatin1String("c")) {
            cell = Cell();
            reference = reader.attributes().value(QStringLiteral("r")).toString();
            cell.type = reader.attributes().value(QStringLiteral("t")).toString();
            cell.style = reader.attributes().value(QStringLiteral("s")).toInt();
            static const QRegularExpression split(QStringLiteral("^([A-Z]+)(\\d+)$"));
            const auto m = split.match(reference);
            sheet[m.captured(2).toInt()][m.captured(1)] = cell;
        } else if (reader.name() == QLatin1String("f")) {
            const auto m = QRegularExpression(QStringLiteral("^([A-Z]+)(\\d+)$")).match(reference);
            sheet[m.captured(2).toInt()][m.captured(1)].formula = true;
        } else if (reader.name() == QLatin1String("v") || reader.name() == QLatin1String("t")) {
            const auto m = QRegularExpression(QStringLiteral("^([A-Z]+)(\\d+)$")).match(reference);
            sheet[m.captured(2).toInt()][m.captured(1)].value = reader.readElementText();
        }
    }
    if (reader.hasError())
        qFatal("sheet XML: %s", qPrintable(reader.errorString()));
    return sheet;
}

QString columnLetter(int index)
{
    QString letters;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        letters.prepend(QChar(u'A' + (n - 1) % 26));
    return letters;
}

} // namespace

class TestTableExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void csvReimportsWithSameAggregates();
    void filteredCsvReimportsWithSameAggregates();
    void headersAreTheInterchangeColumns();
    void writesEveryMatchingRow();
    void byteOrderMark();
    void xlsxCellsReadBack();
    void holdingsTable_data();
    void holdingsTable();
    void formulaInjectionNeutralised();
    void apostropheRoundTrip();
    void typedApostropheIsKept();
    void failedExportLeavesNoFile_data();
    void failedExportLeavesNoFile();
    void cancelledExportLeavesNoFile_data();
    void cancelledExportLeavesNoFile();

private:
    QString exportTable(Table table, const Filter &filter, TableExporter::Format format, const QString &name,
                        qint64 *rows = nullptr);
    /// Loads the exported CSV files, plus the sample's exchange rates, into a new database.
    void reimport(const QStringList &files, Database *into, const QString &name = QStringLiteral("reimport.db"));
    void addManyRows(int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestTableExporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error), qPrintable(error));
}

void TestTableExporter::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QString TestTableExporter::exportTable(Table table, const Filter &filter, TableExporter::Format format,
                                       const QString &name, qint64 *rows)
{
    const QString path = m_dir->filePath(name);
    TableExporter::Options options;
    options.format = format;
    AggregateResult holdings;
    QString error;
    if (table == Table::Holdings && !AggregationEngine(*m_db).aggregate(Dimension::Investee, filter, &holdings, &error))
        qFatal("holdings: %s", qPrintable(error));
    if (!TableExporter(*m_db).exportTable(table, filter, path, options, {}, &error, rows, &holdings))
        qFatal("export %s: %s", qPrintable(name), qPrintable(error));
    return path;
}

void TestTableExporter::reimport(const QStringList &files, Database *into, const QString &name)
{
    QCOMPARE(into->open(m_dir->filePath(name), Database::OpenMode::CreateNew),
             Database::Status::Ok);
    QStringList all = files;
    for (const QString &file : SampleDatabase::files()) {
        if (file.endsWith(QLatin1String("exchange_rates.csv")))
            all.append(file);
    }
    const LoadReport report = InterchangeLoader(*into).load(all);
    QVERIFY2(report.ok(), qPrintable(report.errorLines().join(QLatin1Char('\n'))));
}

void TestTableExporter::addManyRows(int count)
{
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
            "INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor, currency, status, confidence) "
            "SELECT (SELECT min(id) FROM phases), (SELECT min(id) FROM investees WHERE kind = 'company'), "
            "'2020-01-' || printf('%02d', 1 + i % 28), 'disbursement', i * 100, 'CNY', 'completed', 'high' FROM n")
                           .arg(count)));
}

void TestTableExporter::csvReimportsWithSameAggregates()
{
    QStringList files;
    for (Table table : { Table::Funds, Table::Phases, Table::Investees, Table::Disbursements })
        files.append(exportTable(table, {}, TableExporter::Format::Csv, TableExporter::tableName(table) + QStringLiteral(".csv")));
    Database copy;
    reimport(files, &copy);
    if (QTest::currentTestFailed())
        return;
    for (const QString &table : { QStringLiteral("funds"), QStringLiteral("phases"), QStringLiteral("investees") }) {
        QSqlQuery a(m_db->connection());
        QSqlQuery b(copy.connection());
        QVERIFY(a.exec(QStringLiteral("SELECT count(*) FROM ") + table) && a.next());
        QVERIFY(b.exec(QStringLiteral("SELECT count(*) FROM ") + table) && b.next());
        QCOMPARE(b.value(0).toLongLong(), a.value(0).toLongLong());
    }
    for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") }) {
        Filter filter;
        filter.currency = currency;
        for (Dimension d : { Dimension::Sector, Dimension::Segment, Dimension::Region, Dimension::Phase, Dimension::Fund,
                             Dimension::Year, Dimension::Investee }) {
            AggregateResult original;
            AggregateResult reloaded;
            QString error;
            QVERIFY2(AggregationEngine(*m_db).aggregate(d, filter, &original, &error), qPrintable(error));
            QVERIFY2(AggregationEngine(copy).aggregate(d, filter, &reloaded, &error), qPrintable(error));
            QVERIFY(!original.rows.isEmpty());
            QCOMPARE(byName(reloaded), byName(original));
            QCOMPARE(reloaded.ratesUsed, original.ratesUsed);
        }
    }
    // The events themselves, field by field (sources, notes, stakes, dates at their precision).
    const QString events = QStringLiteral(
            "SELECT f.name || '|' || p.label || '|' || i.name || '|' || ifnull(d.value_date, '') || '|' || d.type || '|' "
            "|| ifnull(d.amount_minor, '') || '|' || ifnull(d.currency, '') || '|' || ifnull(d.stake_pct, '') || '|' "
            "|| d.status || '|' || d.confidence || '|' || ifnull(d.source_url, '') || '|' || ifnull(d.notes, '') "
            "FROM disbursements d JOIN phases p ON p.id = d.phase_id JOIN funds f ON f.id = p.fund_id "
            "JOIN investees i ON i.id = d.investee_id WHERE d.status <> 'cancelled' ORDER BY 1");
    QStringList a;
    QStringList b;
    QSqlQuery qa(m_db->connection());
    QSqlQuery qb(copy.connection());
    QVERIFY(qa.exec(events) && qb.exec(events));
    while (qa.next())
        a.append(qa.value(0).toString());
    while (qb.next())
        b.append(qb.value(0).toString());
    QCOMPARE(b, a);
}

void TestTableExporter::filteredCsvReimportsWithSameAggregates()
{
    // A sub-fund of the Big Fund that invests itself, and a date range: the funds file must
    // bring the parent fund along so that parent_fund resolves.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor, currency, status) VALUES "
            "((SELECT p.id FROM phases p JOIN funds f ON f.id = p.fund_id WHERE f.name LIKE 'Huaxin Dingxin%'),"
            " (SELECT id FROM investees WHERE name = 'Semiconductor Manufacturing International Corp. (SMIC)'),"
            " '2025-02-03', 'equity purchase', 150000000000, 'CNY', 'completed')")));
    Filter subFund;
    subFund.funds = { *Lookup(*m_db).fundId(QStringLiteral("Huaxin Dingxin (Beijing) Equity Investment Fund (Big Fund III sub-fund)")) };
    Filter shanghai;
    shanghai.regions = { *Lookup(*m_db).regionId(QStringLiteral("Shanghai")) };
    shanghai.from = QStringLiteral("2019");
    int round = 0;
    for (const Filter &filter : { subFund, shanghai }) {
        ++round;
        QStringList files;
        for (Table table : { Table::Funds, Table::Phases, Table::Investees, Table::Disbursements })
            files.append(exportTable(table, filter, TableExporter::Format::Csv,
                                     QStringLiteral("%1-%2.csv").arg(TableExporter::tableName(table)).arg(round)));
        QString error;
        const QList<QStringList> funds = readCsv(files.at(0), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList fundNames;
        for (const QStringList &row : funds.mid(1))
            fundNames.append(row.value(0));
        QVERIFY2(fundNames.contains(QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)")),
                 qPrintable(fundNames.join(QLatin1Char(';'))));
        QVERIFY(fundNames.size() < 39);

        Database copy;
        reimport(files, &copy, QStringLiteral("reimport-%1.db").arg(round));
        if (QTest::currentTestFailed())
            return;
        Filter everything;
        for (Dimension d : { Dimension::Sector, Dimension::Region, Dimension::Phase, Dimension::Year, Dimension::Investee }) {
            AggregateResult original;
            AggregateResult reloaded;
            QVERIFY2(AggregationEngine(*m_db).aggregate(d, filter, &original, &error), qPrintable(error));
            QVERIFY2(AggregationEngine(copy).aggregate(d, everything, &reloaded, &error), qPrintable(error));
            QVERIFY(original.totals.events > 0);
            QCOMPARE(byName(reloaded), byName(original));
        }
    }
}

void TestTableExporter::headersAreTheInterchangeColumns()
{
    const QList<QPair<Table, QString>> tables = { { Table::Funds, QStringLiteral("funds") },
                                                  { Table::Phases, QStringLiteral("phases") },
                                                  { Table::Investees, QStringLiteral("investees") },
                                                  { Table::Disbursements, QStringLiteral("disbursements") } };
    for (const auto &[table, kind] : tables) {
        const QString path = exportTable(table, {}, TableExporter::Format::Csv, kind + QStringLiteral(".csv"));
        QString error;
        const QList<QStringList> rows = readCsv(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.value(0), InterchangeLoader::columns(kind));
    }
    // Values in the sample's own format: an exact decimal amount, a partial date, the stake.
    QString error;
    const QList<QStringList> rows = readCsv(m_dir->filePath(QStringLiteral("disbursements.csv")), &error);
    bool found = false;
    for (const QStringList &row : rows) {
        if (row.value(2) == QLatin1String("Semiconductor Manufacturing International Corp. (SMIC)")
            && row.value(4) == QLatin1String("equity sale")) {
            QCOMPARE(row.value(3), QStringLiteral("2021-04"));
            QCOMPARE(row.value(5), QStringLiteral("2580000000"));
            QCOMPARE(row.value(6), QStringLiteral("HKD"));
            QCOMPARE(row.value(7), QStringLiteral("8.93"));
            found = true;
        }
    }
    QVERIFY(found);
}

void TestTableExporter::writesEveryMatchingRow()
{
    addManyRows(20000);
    Filter filter;
    filter.from = QStringLiteral("2020-01");
    filter.to = QStringLiteral("2020-01");
    qint64 rows = 0;
    const QString path = exportTable(Table::Disbursements, filter, TableExporter::Format::Csv, QStringLiteral("d.csv"), &rows);
    QString error;
    const qint64 expected = DisbursementRepository(*m_db).count(filter, &error);
    QVERIFY(expected >= 20000);
    QCOMPARE(rows, expected);
    QCOMPARE(readCsv(path, &error).size(), expected + 1);
}

void TestTableExporter::byteOrderMark()
{
    for (bool bom : { false, true }) {
        const QString path = m_dir->filePath(QStringLiteral("funds.csv"));
        TableExporter::Options options;
        options.byteOrderMark = bom;
        QString error;
        QVERIFY2(TableExporter(*m_db).exportTable(Table::Funds, {}, path, options, {}, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(8);
        QCOMPARE(head.startsWith("\xEF\xBB\xBF"), bom);
        QVERIFY(head.mid(bom ? 3 : 0).startsWith("name,"));
        const QByteArray rest = file.readAll();
        QVERIFY(rest.contains(QStringLiteral("国家集成电路产业投资基金").toUtf8()));
        QVERIFY(rest.contains("\r\n"));
    }
}

void TestTableExporter::xlsxCellsReadBack()
{
    qint64 rows = 0;
    const QString path = exportTable(Table::Disbursements, {}, TableExporter::Format::Xlsx, QStringLiteral("d.xlsx"), &rows);
    bool ok = false;
    QString error;
    const QByteArray xml = zipMember(path, QStringLiteral("xl/worksheets/sheet1.xml"), &ok, &error);
    QVERIFY2(ok, qPrintable(error));
    QString pane;
    const Sheet sheet = readSheet(xml, &pane);
    QCOMPARE(pane, QStringLiteral("ySplit=1 state=frozen"));
    QCOMPARE(sheet.size(), rows + 1);
    const QStringList header = InterchangeLoader::columns(QStringLiteral("disbursements"));
    for (int c = 0; c < header.size(); ++c)
        QCOMPARE(sheet.value(1).value(columnLetter(c)).value, header.at(c));
    QVERIFY(xml.contains("<cols>") && xml.contains("width="));

    // The CSV export of the same rows is the reference.
    const QList<QStringList> csv = readCsv(exportTable(Table::Disbursements, {}, TableExporter::Format::Csv, QStringLiteral("d.csv")), &error);
    QCOMPARE(csv.size(), sheet.size());
    const QDate epoch(1899, 12, 30);
    int dates = 0;
    int partialDates = 0;
    int amounts = 0;
    for (int r = 1; r < csv.size(); ++r) {
        const QMap<QString, Cell> &cells = sheet.value(r + 1);
        for (int c = 0; c < header.size(); ++c) {
            const QString expected = csv.at(r).value(c);
            const Cell cell = cells.value(columnLetter(c));
            QVERIFY(!cell.formula);
            if (expected.isEmpty()) {
                QVERIFY(cell.value.isEmpty());
                continue;
            }
            if (header.at(c) == QLatin1String("amount") || header.at(c) == QLatin1String("stake_pct")) {
                QCOMPARE(cell.type, QString()); // a number
                QCOMPARE(cell.value.toDouble(), expected.toDouble());
                amounts += header.at(c) == QLatin1String("amount");
            } else if (header.at(c) == QLatin1String("date") && expected.size() == 10) {
                QCOMPARE(cell.type, QString());
                QVERIFY(cell.style > 0); // the date format
                QCOMPARE(epoch.addDays(qint64(cell.value.toDouble())).toString(Qt::ISODate), expected);
                ++dates;
            } else {
                QCOMPARE(cell.type, QStringLiteral("inlineStr"));
                QCOMPARE(cell.value, expected);
                partialDates += header.at(c) == QLatin1String("date");
            }
        }
    }
    QVERIFY(dates > 5 && partialDates > 5 && amounts > 20);

    // Chinese text survives.
    const QString investees = exportTable(Table::Investees, {}, TableExporter::Format::Xlsx, QStringLiteral("i.xlsx"));
    const QByteArray investeeXml = zipMember(investees, QStringLiteral("xl/worksheets/sheet1.xml"), &ok, &error);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(investeeXml.contains(QStringLiteral("中芯国际集成电路制造有限公司").toUtf8()));
}

void TestTableExporter::holdingsTable_data()
{
    QTest::addColumn<int>("format");
    QTest::addRow("csv") << int(TableExporter::Format::Csv);
    QTest::addRow("xlsx") << int(TableExporter::Format::Xlsx);
}

void TestTableExporter::holdingsTable()
{
    QFETCH(int, format);
    Filter filter;
    filter.funds = { *Lookup(*m_db).fundId(QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)")) };
    AggregateResult holdings;
    QString error;
    QVERIFY2(AggregationEngine(*m_db).aggregate(Dimension::Investee, filter, &holdings, &error), qPrintable(error));
    qint64 rows = 0;
    const QString path = exportTable(Table::Holdings, filter, TableExporter::Format(format),
                                     format == int(TableExporter::Format::Csv) ? QStringLiteral("h.csv") : QStringLiteral("h.xlsx"),
                                     &rows);
    QCOMPARE(rows, holdings.rows.size());
    QVERIFY(rows > 3);
    const QStringList header = [] {
        QStringList names;
        for (const ExportColumn &c : TableExporter::holdingsColumns())
            names.append(c.name);
        return names;
    }();
    const int invested = int(header.indexOf(QStringLiteral("invested")));
    double sum = 0;
    if (format == int(TableExporter::Format::Csv)) {
        const QList<QStringList> csv = readCsv(path, &error);
        QCOMPARE(csv.value(0), header);
        QCOMPARE(csv.size(), rows + 1);
        for (const QStringList &row : csv.mid(1))
            sum += row.value(invested).toDouble();
        QCOMPARE(csv.value(1).value(0), holdings.rows.constFirst().key);
    } else {
        bool ok = false;
        QString pane;
        const Sheet sheet = readSheet(zipMember(path, QStringLiteral("xl/worksheets/sheet1.xml"), &ok, &error), &pane);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(sheet.size(), rows + 1);
        for (int r = 2; r <= rows + 1; ++r) {
            const Cell cell = sheet.value(r).value(columnLetter(invested));
            if (!cell.value.isEmpty()) {
                QCOMPARE(cell.type, QString());
                sum += cell.value.toDouble();
            }
        }
    }
    QVERIFY2(std::abs(sum - holdings.totals.invested) < 0.01 * rows + 1e-6 * holdings.totals.invested,
             qPrintable(QStringLiteral("%1 vs %2").arg(sum, 0, 'f', 2).arg(holdings.totals.invested, 0, 'f', 2)));
}

void TestTableExporter::formulaInjectionNeutralised()
{
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO investees(name, name_zh, kind, notes, ticker) VALUES "
            "('=HYPERLINK(\"http://evil.example\",\"x\")', '+中文', 'company', '-2+3', '@SUM(A1)'),"
            "('Plain Co', NULL, 'company', 'a = b', 'x-1')")));
    const QString csvPath = exportTable(Table::Investees, {}, TableExporter::Format::Csv, QStringLiteral("i.csv"));
    QString error;
    const QList<QStringList> csv = readCsv(csvPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList header = csv.value(0);
    const int name = int(header.indexOf(QStringLiteral("name")));
    const int nameZh = int(header.indexOf(QStringLiteral("name_zh")));
    const int notes = int(header.indexOf(QStringLiteral("notes")));
    const int ticker = int(header.indexOf(QStringLiteral("ticker")));
    bool evil = false;
    bool plain = false;
    for (const QStringList &row : csv) {
        if (row.value(name).contains(QStringLiteral("HYPERLINK"))) {
            QCOMPARE(row.value(name), QStringLiteral("'=HYPERLINK(\"http://evil.example\",\"x\")"));
            QCOMPARE(row.value(nameZh), QStringLiteral("'+中文"));
            QCOMPARE(row.value(notes), QStringLiteral("'-2+3"));
            QCOMPARE(row.value(ticker), QStringLiteral("'@SUM(A1)"));
            evil = true;
        }
        if (row.value(name) == QLatin1String("Plain Co")) {
            QCOMPARE(row.value(notes), QStringLiteral("a = b"));
            QCOMPARE(row.value(ticker), QStringLiteral("x-1"));
            plain = true;
        }
    }
    QVERIFY(evil && plain);

    // Re-imported, the guarded cells read back exactly as they were.
    Database copy;
    reimport({ csvPath }, &copy);
    if (QTest::currentTestFailed())
        return;
    QSqlQuery back(copy.connection());
    QVERIFY(back.exec(QStringLiteral("SELECT name_zh, notes, ticker FROM investees WHERE name = "
                                     "'=HYPERLINK(\"http://evil.example\",\"x\")'")));
    QVERIFY(back.next());
    QCOMPARE(back.value(0).toString(), QStringLiteral("+中文"));
    QCOMPARE(back.value(1).toString(), QStringLiteral("-2+3"));
    QCOMPARE(back.value(2).toString(), QStringLiteral("@SUM(A1)"));

    // XLSX: the same cells are strings, never formulas, with their text unchanged.
    const QString xlsxPath = exportTable(Table::Investees, {}, TableExporter::Format::Xlsx, QStringLiteral("i.xlsx"));
    bool ok = false;
    QString pane;
    const Sheet sheet = readSheet(zipMember(xlsxPath, QStringLiteral("xl/worksheets/sheet1.xml"), &ok, &error), &pane);
    QVERIFY2(ok, qPrintable(error));
    bool seen = false;
    for (const QMap<QString, Cell> &cells : sheet) {
        const Cell first = cells.value(columnLetter(name));
        QVERIFY(!first.formula);
        if (first.value.startsWith(QLatin1String("=HYPERLINK"))) {
            QCOMPARE(first.type, QStringLiteral("inlineStr"));
            QCOMPARE(cells.value(columnLetter(notes)).type, QStringLiteral("inlineStr"));
            QCOMPARE(cells.value(columnLetter(notes)).value, QStringLiteral("-2+3"));
            seen = true;
        }
    }
    QVERIFY(seen);
}

// Export then import is the identity for text with and without a leading apostrophe: the export
// adds one apostrophe before a formula character, the import removes exactly that one.
void TestTableExporter::apostropheRoundTrip()
{
    const QStringList names { QStringLiteral("=1+1"), QStringLiteral("'=1+1"), QStringLiteral("''=1+1"),
        QStringLiteral("'Quoted"), QStringLiteral("'s-Hertogenbosch Co"), QStringLiteral("''") };
    QSqlQuery q(m_db->connection());
    for (const QString &n : names) {
        q.prepare(QStringLiteral("INSERT INTO investees(name, kind, notes) VALUES (?, 'company', ?)"));
        q.addBindValue(n);
        q.addBindValue(n);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }
    const QString csvPath = exportTable(Table::Investees, {}, TableExporter::Format::Csv, QStringLiteral("a.csv"));
    Database copy;
    reimport({ csvPath }, &copy);
    if (QTest::currentTestFailed())
        return;
    for (const QString &n : names) {
        QSqlQuery back(copy.connection());
        back.prepare(QStringLiteral("SELECT notes FROM investees WHERE name = ?"));
        back.addBindValue(n);
        QVERIFY(back.exec());
        QVERIFY2(back.next(), qPrintable(n));
        QCOMPARE(back.value(0).toString(), n);
    }
}

// A file typed by hand holds '=1+1 unquoted; an export writes its guarded cells quoted. Only the
// export's apostrophe is dropped on import, so the name typed as '=1+1 stays '=1+1.
void TestTableExporter::typedApostropheIsKept()
{
    const QString typed = m_dir->filePath(QStringLiteral("investees.csv"));
    QFile file(typed);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,kind,notes\n'=1+1,company,'+typed\n\"'=2+2\",company,\"''@quoted\"\n");
    file.close();
    Database copy;
    reimport({ typed }, &copy);
    if (QTest::currentTestFailed())
        return;
    QSqlQuery back(copy.connection());
    QVERIFY(back.exec(QStringLiteral("SELECT name, notes FROM investees ORDER BY name")));
    QVERIFY(back.next());
    QCOMPARE(back.value(0).toString(), QStringLiteral("'=1+1"));
    QCOMPARE(back.value(1).toString(), QStringLiteral("'+typed"));
    QVERIFY(back.next());
    QCOMPARE(back.value(0).toString(), QStringLiteral("=2+2"));
    QCOMPARE(back.value(1).toString(), QStringLiteral("'@quoted"));
    QVERIFY(!back.next());

    // And what the export writes for them: each guarded cell quoted, one apostrophe more.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO investees(name, kind) VALUES ('''=1+1', 'company'), ('=2+2', 'company')")));
    const QString exported = exportTable(Table::Investees, {}, TableExporter::Format::Csv, QStringLiteral("b.csv"));
    QFile out(exported);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray bytes = out.readAll();
    QVERIFY2(bytes.contains("\"''=1+1\""), bytes.constData());
    QVERIFY2(bytes.contains("\"'=2+2\""), bytes.constData());
}

void TestTableExporter::failedExportLeavesNoFile_data()
{
    QTest::addColumn<int>("format");
    QTest::addRow("csv") << int(TableExporter::Format::Csv);
    QTest::addRow("xlsx") << int(TableExporter::Format::Xlsx);
}

void TestTableExporter::failedExportLeavesNoFile()
{
    QFETCH(int, format);
    TableExporter::Options options;
    options.format = TableExporter::Format(format);
    const QString path = m_dir->filePath(QStringLiteral("missing/folder/table.out"));
    QString error;
    QVERIFY(!TableExporter(*m_db).exportTable(Table::Disbursements, {}, path, options, {}, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    QVERIFY(filesBeside(m_dir->path()).isEmpty());
}

void TestTableExporter::cancelledExportLeavesNoFile_data()
{
    failedExportLeavesNoFile_data();
}

void TestTableExporter::cancelledExportLeavesNoFile()
{
    QFETCH(int, format);
    addManyRows(10000);
    const QString path = m_dir->filePath(QStringLiteral("table.out"));
    QFile previous(path);
    QVERIFY(previous.open(QIODevice::WriteOnly));
    previous.write("previous export");
    previous.close();
    TableExporter::Options options;
    options.format = TableExporter::Format(format);
    qint64 lastDone = 0;
    qint64 lastTotal = 0;
    QString error;
    const bool ok = TableExporter(*m_db).exportTable(
            Table::Disbursements, {}, path, options,
            [&](qint64 done, qint64 total) {
                lastDone = done;
                lastTotal = total;
                return done < 8000;
            },
            &error);
    QVERIFY(!ok);
    QCOMPARE(error, TableExporter::cancelledMessage());
    QVERIFY(lastDone >= 8000 && lastDone < 10000);
    QCOMPARE(lastTotal, DisbursementRepository(*m_db).count({}));
    QVERIFY(previous.open(QIODevice::ReadOnly));
    QCOMPARE(previous.readAll(), QByteArray("previous export"));
    QCOMPARE(filesBeside(m_dir->path()), QStringList { QStringLiteral("table.out") });
}

QTEST_MAIN(TestTableExporter)
#include "tst_tableexporter.moc"
