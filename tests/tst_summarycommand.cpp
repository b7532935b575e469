#include "AggregationEngine.h"
#include "AggregationTestData.h"
#include "CommandRun.h"
#include "CsvReader.h"
#include "Database.h"
#include "SampleDatabase.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

// `fundscope summary` end to end: the built binary (FUNDSCOPE_BINARY) run through QProcess on a
// database made here, its output parsed and compared with the engine in-process and with
// independent SQL.

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

QList<QStringList> parseCsv(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("stdout"));
    QList<QStringList> records;
    while (reader.next())
        records.append(reader.fields());
    if (reader.hasError())
        qFatal("bad csv: %s", qPrintable(reader.errorString()));
    return records;
}

// Terminal columns, counted independently of the command: CJK ideographs and fullwidth forms
// take two.
int columnsOf(const QString &text)
{
    int width = 0;
    for (const uint c : text.toUcs4())
        width += ((c >= 0x3000 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFF60)) ? 2 : 1;
    return width;
}

QStringList lines(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestSummaryCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void csvMatchesEngine_data();
    void csvMatchesEngine();
    void csvRowsSumToIndependentTotal();
    void jsonCarriesEverything();
    void tableEndsWithTotalsAndApartLine();
    void filterOptionsReachTheEngine();
    void usageErrors_data();
    void usageErrors();
    void failures();
    void samplePhasesMatchIndependentSql();
    void memoryAndSqlPrintTheSame_data();
    void memoryAndSqlPrintTheSame();

private:
    Run run(const QStringList &arguments);
    AggregateResult engine(Dimension dimension, const Filter &filter);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QString m_path;
};

void TestSummaryCommand::init()
{
    QVERIFY(QFile::exists(QStringLiteral(FUNDSCOPE_BINARY)));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("test.db"));
    m_db = std::make_unique<Database>();
    QCOMPARE(m_db->open(m_path, Database::OpenMode::CreateNew), Database::Status::Ok);
    QString error;
    QVERIFY2(AggregationTestData::load(*m_db, &error), qPrintable(error));
}

void TestSummaryCommand::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

Run TestSummaryCommand::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Keep the user's real data location out of reach and stderr free of runtime-dir warnings.
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    CommandRun::setLanguage(env); // English messages, whatever the developer's locale
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FUNDSCOPE_BINARY), QStringList { QStringLiteral("summary") } + arguments);
    Run result;
    if (!process.waitForStarted(10000)) {
        result.err = QStringLiteral("fundscope did not start: ") + process.errorString();
        return result;
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("fundscope did not finish");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

AggregateResult TestSummaryCommand::engine(Dimension dimension, const Filter &filter)
{
    AggregateResult result;
    QString error;
    if (!AggregationEngine(*m_db).aggregate(dimension, filter, &result, &error))
        qFatal("aggregate failed: %s", qPrintable(error));
    return result;
}

void TestSummaryCommand::csvMatchesEngine_data()
{
    QTest::addColumn<QString>("by");
    QTest::addColumn<QString>("currency");
    for (const QString &by : AggregationEngine::dimensionNames()) {
        for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") })
            QTest::addRow("%s %s", qPrintable(by), qPrintable(currency)) << by << currency;
    }
}

void TestSummaryCommand::csvMatchesEngine()
{
    QFETCH(QString, by);
    QFETCH(QString, currency);
    const Run r = run({ QStringLiteral("--db"), m_path, QStringLiteral("--by"), by,
        QStringLiteral("--currency"), currency, QStringLiteral("--format"), QStringLiteral("csv") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QStringList> records = parseCsv(r.out);
    QVERIFY(!records.isEmpty());
    QCOMPARE(records.first(),
        QStringList({ QStringLiteral("key"), QStringLiteral("key_zh"), QStringLiteral("invested"),
            QStringLiteral("committed"), QStringLiteral("divested"), QStringLiteral("events"),
            QStringLiteral("investees"), QStringLiteral("undisclosed"), QStringLiteral("without_rate") }));
    Filter filter;
    filter.currency = currency;
    const AggregateResult expected = engine(*AggregationEngine::parseDimension(by), filter);
    QCOMPARE(records.size() - 1, expected.rows.size());
    for (qsizetype i = 0; i < expected.rows.size(); ++i) {
        const AggregateRow &row = expected.rows.at(i);
        const QStringList &fields = records.at(i + 1);
        QCOMPARE(fields.size(), 9);
        QCOMPARE(fields.at(0), row.key);
        QCOMPARE(fields.at(1), row.keyZh);
        QCOMPARE(fields.at(2), QString::number(row.invested, 'f', 2));
        QCOMPARE(fields.at(3), QString::number(row.committed, 'f', 2));
        QCOMPARE(fields.at(4), QString::number(row.divested, 'f', 2));
        QCOMPARE(fields.at(5).toLongLong(), row.events);
        QCOMPARE(fields.at(6).toLongLong(), row.investees);
        QCOMPARE(fields.at(7).toLongLong(), row.undisclosed);
        QCOMPARE(fields.at(8).toLongLong(), row.withoutRate);
    }
    // The apart counts go to stderr, not into the rows.
    QVERIFY2(
        r.err.contains(QStringLiteral("%1 undisclosed").arg(expected.totals.undisclosed)), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("flows into sub-funds")), qPrintable(r.err));
    QVERIFY(!QString::fromUtf8(r.out).contains(QStringLiteral("Total")));
}

void TestSummaryCommand::csvRowsSumToIndependentTotal()
{
    const Run r = run({ QStringLiteral("--db"), m_path, QStringLiteral("--by"), QStringLiteral("sector"),
        QStringLiteral("--format"), QStringLiteral("csv") });
    QCOMPARE(r.exitCode, 0);
    const QList<QStringList> records = parseCsv(r.out);
    double invested = 0;
    qint64 events = 0;
    for (qsizetype i = 1; i < records.size(); ++i) {
        invested += records.at(i).at(2).toDouble();
        events += records.at(i).at(5).toLongLong();
    }
    // Independent: companies only (sub-funds are left out of sector totals), converted per row.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT d.amount_minor, c.minor_digits, d.currency = 'CNY',"
                                  " (SELECT cny_per_unit FROM exchange_rates e WHERE e.currency = d.currency"
                                  "  AND e.year = CAST(substr(d.value_date, 1, 4) AS INTEGER)),"
                                  " d.type IN ('disbursement', 'equity purchase', 'loan', 'grant')"
                                  " FROM disbursements d JOIN investees i ON i.id = d.investee_id LEFT JOIN "
                                  "currencies c ON c.code = d.currency"
                                  " WHERE i.kind = 'company' AND d.status <> 'cancelled'")));
    double expected = 0;
    qint64 expectedEvents = 0;
    while (q.next()) {
        ++expectedEvents;
        if (q.value(0).isNull() || !q.value(4).toBool())
            continue;
        const double major = double(q.value(0).toLongLong()) / std::pow(10.0, q.value(1).toInt());
        if (q.value(2).toBool())
            expected += major;
        else if (!q.value(3).isNull())
            expected += major * q.value(3).toDouble();
    }
    QCOMPARE(events, expectedEvents);
    // Each printed amount is rounded to the cent.
    QVERIFY2(std::abs(invested - expected) <= 0.005 * records.size(),
        qPrintable(QStringLiteral("%1 != %2").arg(invested, 0, 'f', 2).arg(expected, 0, 'f', 2)));
}

void TestSummaryCommand::jsonCarriesEverything()
{
    const Run r = run({ QStringLiteral("--db"), m_path, QStringLiteral("--by"), QStringLiteral("region"),
        QStringLiteral("--currency"), QStringLiteral("USD"), QStringLiteral("--format"),
        QStringLiteral("json"), QStringLiteral("--from"), QStringLiteral("2019"), QStringLiteral("--fund"),
        QStringLiteral("National IC Fund (test)"), QStringLiteral("--fund"),
        QStringLiteral("Shanghai IC Fund (test)") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(QStringLiteral("by")).toString(), QStringLiteral("region"));
    QCOMPARE(root.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
    const QJsonObject filter = root.value(QStringLiteral("filter")).toObject();
    QCOMPARE(filter.value(QStringLiteral("fund")).toArray().size(), 2);
    QCOMPARE(filter.value(QStringLiteral("from")).toString(), QStringLiteral("2019"));
    QVERIFY(filter.value(QStringLiteral("to")).isNull());

    Filter f = AggregationTestData::filterFrom(*m_db,
        QStringLiteral("fund=National IC Fund (test);fund=Shanghai IC Fund (test);from=2019;currency=USD"));
    const AggregateResult expected = engine(Dimension::Region, f);
    const QJsonArray rows = root.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), expected.rows.size());
    auto same = [](const QJsonObject &o, const AggregateRow &row) {
        return o.value(QStringLiteral("key")).toString() == row.key
            && o.value(QStringLiteral("key_zh")).toString() == row.keyZh
            && std::abs(o.value(QStringLiteral("invested")).toDouble() - row.invested) < 0.006
            && std::abs(o.value(QStringLiteral("committed")).toDouble() - row.committed) < 0.006
            && std::abs(o.value(QStringLiteral("divested")).toDouble() - row.divested) < 0.006
            && o.value(QStringLiteral("events")).toInteger() == row.events
            && o.value(QStringLiteral("investees")).toInteger() == row.investees
            && o.value(QStringLiteral("undisclosed")).toInteger() == row.undisclosed
            && o.value(QStringLiteral("without_rate")).toInteger() == row.withoutRate;
    };
    for (qsizetype i = 0; i < rows.size(); ++i)
        QVERIFY2(same(rows.at(i).toObject(), expected.rows.at(i)), qPrintable(expected.rows.at(i).key));
    QVERIFY(same(root.value(QStringLiteral("totals")).toObject(), expected.totals));
    const QJsonObject sub = root.value(QStringLiteral("sub_fund_flows")).toObject();
    QVERIFY(same(sub, expected.subFundFlows));
    QCOMPARE(sub.value(QStringLiteral("counted_in_rows")).toBool(), false);
    QVERIFY(expected.subFundFlows.events > 0);
    QStringList rates;
    for (const QJsonValue &v : root.value(QStringLiteral("rates_used")).toArray())
        rates.append(v.toString());
    QCOMPARE(rates, expected.ratesUsed);
    QVERIFY(!rates.isEmpty());

    // Amounts are plain numbers with two decimals: no separators, no exponent.
    const QString text = QString::fromUtf8(r.out);
    static const QRegularExpression amount(QStringLiteral("\"(invested|committed|divested)\": ([^,}]*)"));
    int seen = 0;
    for (auto it = amount.globalMatch(text); it.hasNext(); ++seen)
        QVERIFY2(
            QRegularExpression(QStringLiteral("^\\d+\\.\\d\\d$")).match(it.next().captured(2)).hasMatch(),
            qPrintable(text));
    // Rows, totals, sub-fund flows and the three parts of the figures.
    QCOMPARE(seen, 3 * (int(rows.size()) + 2 + 3));

    // The figures: companies are the totals (region leaves sub-fund flows out), sub-funds apart.
    const QJsonObject figures = root.value(QStringLiteral("figures")).toObject();
    const QJsonObject companies = figures.value(QStringLiteral("in_companies")).toObject();
    const QJsonObject subFunds = figures.value(QStringLiteral("into_sub_funds")).toObject();
    const QJsonObject all = figures.value(QStringLiteral("all")).toObject();
    QCOMPARE(companies.value(QStringLiteral("events")).toInteger(), expected.totals.events);
    QCOMPARE(subFunds.value(QStringLiteral("events")).toInteger(), expected.subFundFlows.events);
    QCOMPARE(all.value(QStringLiteral("events")).toInteger(), expected.totals.events + expected.subFundFlows.events);
    QVERIFY(std::abs(all.value(QStringLiteral("committed")).toDouble()
                     - (expected.totals.committed + expected.subFundFlows.committed)) < 0.006);
}

void TestSummaryCommand::tableEndsWithTotalsAndApartLine()
{
    const Run r = run({ QStringLiteral("--db"), m_path, QStringLiteral("--by"), QStringLiteral("sector") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList out = lines(r.out);
    const AggregateResult expected = engine(Dimension::Sector, Filter());
    QVERIFY(out.size() >= expected.rows.size() + 8);

    // The figures close the table, one line per measure, both parts named.
    QVERIFY2(out.last().startsWith(QStringLiteral("Divested: CNY ")), qPrintable(out.last()));
    QVERIFY2(out.at(out.size() - 2).startsWith(QStringLiteral("Committed: CNY ")), qPrintable(out.at(out.size() - 2)));
    const QString investedLine = out.at(out.size() - 3);
    QCOMPARE(investedLine, QStringLiteral("Invested: CNY %1 in companies · 500,000,000.00 into sub-funds")
                                   .arg(QLocale(QLocale::English, QLocale::UnitedStates).toString(expected.totals.invested, 'f', 2)));
    out.erase(out.end() - 3, out.end());
    const QString apart = out.last();
    QVERIFY2(apart.startsWith(QStringLiteral("%1 undisclosed, %2 without a rate to CNY")
                                  .arg(expected.totals.undisclosed)
                                  .arg(expected.totals.withoutRate)),
        qPrintable(apart));
    QVERIFY2(apart.contains(
                 QStringLiteral("3 flows into sub-funds (CNY 500,000,000.00 invested; "
                                "CNY 93,000,000,000.00 committed; 1 undisclosed) left out of sector totals")),
        qPrintable(apart));
    const QString totals = out.at(out.size() - 2);
    QVERIFY2(totals.startsWith(QStringLiteral("Total ")), qPrintable(totals));
    QVERIFY(totals.contains(QStringLiteral("合计")));

    // Header, rule, rows, rule, totals: every line exactly as wide on a terminal, Chinese
    // names included, so the right-aligned columns line up.
    // QStringList::indexOf wants an exact match of the whole line.
    const qsizetype header = out.indexOf(QRegularExpression(QStringLiteral("key +key_zh +invested.*")));
    QVERIFY(header >= 0);
    const int width = columnsOf(out.at(header));
    for (qsizetype i = header; i < out.size() - 1; ++i)
        QVERIFY2(columnsOf(out.at(i)) == width, qPrintable(out.at(i)));
    QCOMPARE(out.size() - 1 - header, expected.rows.size() + 4);
    // Amounts with separators; every row's key in order.
    for (qsizetype i = 0; i < expected.rows.size(); ++i)
        QVERIFY(out.at(header + 2 + i).startsWith(expected.rows.at(i).key + QLatin1Char(' ')));
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QVERIFY2(totals.contains(english.toString(expected.totals.invested, 'f', 2)), qPrintable(totals));
    QVERIFY(expected.totals.invested > 1e9);
}

void TestSummaryCommand::filterOptionsReachTheEngine()
{
    const Run r = run({ QStringLiteral("--db"), m_path, QStringLiteral("--by"), QStringLiteral("phase"),
        QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--fund"),
        QStringLiteral("国家集成电路产业投资基金（测试）"), QStringLiteral("--phase"),
        QStringLiteral("Phase II"), QStringLiteral("--phase"), QStringLiteral("phase iii"),
        QStringLiteral("--to"), QStringLiteral("2024-12"), QStringLiteral("--type"),
        QStringLiteral("commitment"), QStringLiteral("--type"), QStringLiteral("equity purchase"),
        QStringLiteral("--status"), QStringLiteral("committed"), QStringLiteral("--status"),
        QStringLiteral("cancelled"), QStringLiteral("--status"), QStringLiteral("completed"),
        QStringLiteral("--region"), QStringLiteral("China"), QStringLiteral("--sector"),
        QStringLiteral("Semiconductors") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const AggregateResult expected = engine(Dimension::Phase,
        AggregationTestData::filterFrom(*m_db,
            QStringLiteral("fund=National IC Fund (test);"
                           "phase=National IC Fund (test)/Phase II;"
                           "phase=National IC Fund (test)/Phase III;to=2024-12;"
                           "type=commitment;type=equity purchase;"
                           "status=committed;status=cancelled;status=completed;"
                           "region=country:China;sector=Semiconductors")));
    const QList<QStringList> records = parseCsv(r.out);
    QCOMPARE(records.size() - 1, expected.rows.size());
    QVERIFY(expected.rows.size() == 2); // Phase II (d4), Phase III (the cancelled d12)
    for (qsizetype i = 0; i < expected.rows.size(); ++i) {
        QCOMPARE(records.at(i + 1).at(0), expected.rows.at(i).key);
        QCOMPARE(records.at(i + 1).at(2), QString::number(expected.rows.at(i).invested, 'f', 2));
        QCOMPARE(records.at(i + 1).at(5).toLongLong(), expected.rows.at(i).events);
    }
}

void TestSummaryCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no --by") << QStringList() << QStringLiteral("--by");
    QTest::addRow("unknown --by") << QStringList { QStringLiteral("--by"), QStringLiteral("province") }
                                  << QStringLiteral("province");
    QTest::addRow("unknown --format") << QStringList { QStringLiteral("--by"), QStringLiteral("sector"),
        QStringLiteral("--format"), QStringLiteral("xml") }
                                      << QStringLiteral("xml");
    QTest::addRow("unknown fund") << QStringList { QStringLiteral("--by"), QStringLiteral("fund"),
        QStringLiteral("--fund"), QStringLiteral("No Such Fund") }
                                  << QStringLiteral("No Such Fund");
    QTest::addRow("impossible date") << QStringList { QStringLiteral("--by"), QStringLiteral("year"),
        QStringLiteral("--from"), QStringLiteral("2020-02-30") }
                                     << QStringLiteral("2020-02-30");
    QTest::addRow("unknown currency") << QStringList { QStringLiteral("--by"), QStringLiteral("year"),
        QStringLiteral("--currency"), QStringLiteral("EURO") }
                                      << QStringLiteral("EURO");
    QTest::addRow("unknown option") << QStringList { QStringLiteral("--by"), QStringLiteral("year"),
        QStringLiteral("--colour") } << QStringLiteral("colour");
    QTest::addRow("unknown --engine") << QStringList { QStringLiteral("--by"), QStringLiteral("year"),
        QStringLiteral("--engine"), QStringLiteral("gpu") }
                                      << QStringLiteral("gpu");
    QTest::addRow("stray argument") << QStringList { QStringLiteral("--by"), QStringLiteral("year"),
        QStringLiteral("sector") } << QStringLiteral("sector");
}

void TestSummaryCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = run(QStringList { QStringLiteral("--db"), m_path } + arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QStringList err = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(err.size() == 1, qPrintable(r.err));
    QVERIFY2(err.first().startsWith(QStringLiteral("fundscope: ")) && err.first().contains(message),
        qPrintable(r.err));
}

void TestSummaryCommand::failures()
{
    const QString missing = m_dir->filePath(QStringLiteral("missing.db"));
    Run r = run({ QStringLiteral("--db"), missing, QStringLiteral("--by"), QStringLiteral("sector") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("missing.db")), qPrintable(r.err));
    QVERIFY(!QFile::exists(missing));

    const QString text = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    r = run({ QStringLiteral("--db"), text, QStringLiteral("--by"), QStringLiteral("sector") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("notes.txt")), qPrintable(r.err));
}

void TestSummaryCommand::samplePhasesMatchIndependentSql()
{
    const QString path = m_dir->filePath(QStringLiteral("sample.db"));
    {
        Database sample;
        QCOMPARE(sample.open(path, Database::OpenMode::CreateNew), Database::Status::Ok);
        QString error;
        QVERIFY2(SampleDatabase::load(sample, &error), qPrintable(error));
    }
    Database sample;
    QCOMPARE(sample.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    const QString bigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");

    for (const QString &currency : { QStringLiteral("CNY"), QStringLiteral("USD") }) {
        const Run r = run({ QStringLiteral("--db"), path, QStringLiteral("--by"), QStringLiteral("phase"),
            QStringLiteral("--currency"), currency, QStringLiteral("--format"), QStringLiteral("csv") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QHash<QString, QStringList> byKey;
        for (const QStringList &record : parseCsv(r.out))
            byKey.insert(record.at(0), record);

        for (const QString &label :
            { QStringLiteral("Phase I"), QStringLiteral("Phase II"), QStringLiteral("Phase III") }) {
            const QString key = bigFund + QStringLiteral(" / ") + label;
            QVERIFY2(byKey.contains(key), qPrintable(key));
            const QStringList &fields = byKey.value(key);
            // Independent SQL: correlated rate look-ups instead of joins, one total per measure.
            QSqlQuery q(sample.connection());
            q.prepare(QStringLiteral(
                "SELECT"
                " TOTAL(CASE WHEN kind = 0 THEN v END), TOTAL(CASE WHEN kind = 1 THEN v END),"
                " TOTAL(CASE WHEN kind = 2 THEN v END), count(*), count(DISTINCT investee_id),"
                " TOTAL(amount_minor IS NULL), TOTAL(amount_minor IS NOT NULL AND v IS NULL)"
                " FROM (SELECT d.investee_id, d.amount_minor,"
                "  CASE d.type WHEN 'commitment' THEN 1 WHEN 'equity sale' THEN 2 ELSE 0 END AS kind,"
                "  d.amount_minor * 1.0 / (SELECT CASE minor_digits WHEN 0 THEN 1 WHEN 2 THEN 100 ELSE 10000 "
                "END"
                "                         FROM currencies WHERE code = d.currency)"
                "  * (CASE WHEN d.currency = :base THEN 1"
                "          ELSE (CASE WHEN d.currency = 'CNY' THEN 1 ELSE (SELECT cny_per_unit FROM "
                "exchange_rates"
                "                 WHERE currency = d.currency AND year = CAST(substr(d.value_date, 1, 4) AS "
                "INTEGER)) END)"
                "             / (CASE WHEN :base = 'CNY' THEN 1 ELSE (SELECT cny_per_unit FROM exchange_rates"
                "                 WHERE currency = :base AND year = CAST(substr(d.value_date, 1, 4) AS "
                "INTEGER)) END)"
                "     END) AS v"
                "  FROM disbursements d"
                "  WHERE d.status <> 'cancelled' AND d.phase_id = (SELECT p.id FROM phases p, funds f"
                "        WHERE p.fund_id = f.id AND f.name = :fund AND p.label = :label))"));
            q.bindValue(QStringLiteral(":base"), currency);
            q.bindValue(QStringLiteral(":fund"), bigFund);
            q.bindValue(QStringLiteral(":label"), label);
            QVERIFY(q.exec() && q.next());
            for (int m = 0; m < 3; ++m) {
                QVERIFY2(std::abs(fields.at(2 + m).toDouble() - q.value(m).toDouble()) < 0.006,
                    qPrintable(key + QLatin1Char(' ') + fields.at(2 + m)));
            }
            QCOMPARE(fields.at(5).toLongLong(), q.value(3).toLongLong());
            QCOMPARE(fields.at(6).toLongLong(), q.value(4).toLongLong());
            QCOMPARE(fields.at(7).toLongLong(), q.value(5).toLongLong());
            QCOMPARE(fields.at(8).toLongLong(), q.value(6).toLongLong());
            QVERIFY(q.value(3).toLongLong() > 0);
        }
    }

    // The table lists the phases too, with the Chinese name.
    const Run table = run({ QStringLiteral("--db"), path, QStringLiteral("--by"), QStringLiteral("phase") });
    QCOMPARE(table.exitCode, 0);
    QVERIFY(QString::fromUtf8(table.out).contains(QStringLiteral("国家集成电路产业投资基金 / Phase III")));
}

void TestSummaryCommand::memoryAndSqlPrintTheSame_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("by");
    for (const char *dataset : { "sample", "edge cases" }) {
        for (const QString &by : AggregationEngine::dimensionNames())
            QTest::addRow("%s, by %s", dataset, qPrintable(by)) << QString::fromLatin1(dataset) << by;
    }
}

void TestSummaryCommand::memoryAndSqlPrintTheSame()
{
    // Above AggregationCache::SqlFallbackLimit events the command groups in memory; its output
    // must be the SQL path's, byte for byte, in every format and currency, with and without a
    // filter (the sample and the edge cases: missing rates, unknown dates, sub-fund flows).
    QFETCH(QString, dataset);
    QFETCH(QString, by);
    QString path = m_path;
    if (dataset == QLatin1String("sample")) {
        path = m_dir->filePath(QStringLiteral("sample.db"));
        Database sample;
        QCOMPARE(sample.open(path, Database::OpenMode::CreateNew), Database::Status::Ok);
        QString error;
        QVERIFY2(SampleDatabase::load(sample, &error), qPrintable(error));
    }
    const QList<QStringList> variants = {
        { QStringLiteral("--format"), QStringLiteral("table") },
        { QStringLiteral("--format"), QStringLiteral("table"), QStringLiteral("--currency"),
            QStringLiteral("USD") },
        { QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--currency"),
            QStringLiteral("USD") },
        { QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--from"),
            QStringLiteral("2019"), QStringLiteral("--status"), QStringLiteral("cancelled"),
            QStringLiteral("--status"), QStringLiteral("completed") },
    };
    for (const QStringList &variant : variants) {
        const QStringList arguments
            = QStringList { QStringLiteral("--db"), path, QStringLiteral("--by"), by } + variant;
        const Run sql = run(arguments + QStringList { QStringLiteral("--engine"), QStringLiteral("sql") });
        const Run memory
            = run(arguments + QStringList { QStringLiteral("--engine"), QStringLiteral("memory") });
        const QString what = variant.join(QLatin1Char(' '));
        QVERIFY2(sql.exitCode == 0, qPrintable(what + QStringLiteral(": ") + sql.err));
        QVERIFY2(memory.exitCode == 0, qPrintable(what + QStringLiteral(": ") + memory.err));
        QVERIFY2(sql.out.size() > 100, qPrintable(what));
        QVERIFY2(memory.out == sql.out,
            qPrintable(QStringLiteral("%1:\n--- sql\n%2\n--- memory\n%3")
                           .arg(what, QString::fromUtf8(sql.out), QString::fromUtf8(memory.out))));
        QVERIFY2(memory.err == sql.err,
            qPrintable(what + QStringLiteral(": ") + sql.err + QStringLiteral(" | ") + memory.err));
    }
}

QTEST_GUILESS_MAIN(TestSummaryCommand)
#include "tst_summarycommand.moc"
