#include "Validation.h"

#include <QRandomGenerator>
#include <QTest>

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partialDate_data();
    void partialDate();
    void normalizedDate_data();
    void normalizedDate();
    void stake_data();
    void stake();
    void sourceUrls_data();
    void sourceUrls();
    void plainWebAddress_data();
    void plainWebAddress();
    void plainWebAddressIsAlwaysAccepted();
    void words();
    void rowRules_data();
    void rowRules();
    void validRowsHaveNoIssues();
    void nulInNamesIsRefused();
};

void TestValidation::partialDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // empty: valid
    QTest::addRow("empty is unknown") << QString() << QString();
    QTest::addRow("year") << QStringLiteral("2014") << QString();
    QTest::addRow("month") << QStringLiteral("2014-09") << QString();
    QTest::addRow("day") << QStringLiteral("2014-09-24") << QString();
    QTest::addRow("leap day") << QStringLiteral("2024-02-29") << QString();
    QTest::addRow("not leap") << QStringLiteral("2023-02-29") << QStringLiteral("February 2023 has 28 days");
    QTest::addRow("month 13") << QStringLiteral("2014-13") << QStringLiteral("there is no month 13");
    QTest::addRow("slashes") << QStringLiteral("2014/09")
                             << QStringLiteral("write YYYY, YYYY-MM or YYYY-MM-DD");
    QTest::addRow("short month") << QStringLiteral("2014-9")
                                 << QStringLiteral("write YYYY, YYYY-MM or YYYY-MM-DD");
    QTest::addRow("words") << QStringLiteral("last year") << QStringLiteral("is not a date");
    QTest::addRow("year out of range") << QStringLiteral("0999") << QStringLiteral("out of range");
}

void TestValidation::partialDate()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const QString why = Validation::partialDate(text);
    if (message.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(message), qPrintable(why));
}

void TestValidation::normalizedDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stored");
    QTest::addRow("iso stays") << QStringLiteral("2021-05-07") << QStringLiteral("2021-05-07");
    QTest::addRow("slashes") << QStringLiteral("2021/5/7") << QStringLiteral("2021-05-07");
    QTest::addRow("points") << QStringLiteral("2021.05") << QStringLiteral("2021-05");
    QTest::addRow("short month") << QStringLiteral("2021-5") << QStringLiteral("2021-05");
    QTest::addRow("chinese day") << QStringLiteral("2021年5月7日") << QStringLiteral("2021-05-07");
    QTest::addRow("chinese month") << QStringLiteral("2021年5月") << QStringLiteral("2021-05");
    QTest::addRow("chinese year") << QStringLiteral("2021年") << QStringLiteral("2021");
    QTest::addRow("spaces") << QStringLiteral("  2021 ") << QStringLiteral("2021");
    QTest::addRow("garbage unchanged") << QStringLiteral("soon") << QStringLiteral("soon");
}

void TestValidation::normalizedDate()
{
    QFETCH(QString, text);
    QFETCH(QString, stored);
    QCOMPARE(Validation::normalizedDate(text), stored);
}

void TestValidation::stake_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QVariant>("value");
    QTest::addRow("empty") << QString() << true << QVariant();
    QTest::addRow("plain") << QStringLiteral("15.9") << true << QVariant(15.9);
    QTest::addRow("percent sign") << QStringLiteral("15.9 %") << true << QVariant(15.9);
    QTest::addRow("zero") << QStringLiteral("0") << true << QVariant(0.0);
    QTest::addRow("hundred") << QStringLiteral("100") << true << QVariant(100.0);
    QTest::addRow("over") << QStringLiteral("100.5") << false << QVariant();
    QTest::addRow("negative") << QStringLiteral("-1") << false << QVariant();
    QTest::addRow("words") << QStringLiteral("about half") << false << QVariant();
}

void TestValidation::stake()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QVariant, value);
    QVariant parsed;
    const QString why = Validation::parseStake(text, &parsed);
    QCOMPARE(why.isEmpty(), ok);
    if (ok) {
        QCOMPARE(parsed.isValid(), value.isValid());
        if (value.isValid())
            QCOMPARE(parsed.toDouble(), value.toDouble());
    }
}

void TestValidation::sourceUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addRow("empty") << QString() << true;
    QTest::addRow("https") << QStringLiteral("https://www.sec.gov/a.htm") << true;
    QTest::addRow("http") << QStringLiteral("http://www.digitimes.com/news/a.html") << true;
    QTest::addRow("several") << QStringLiteral("https://a.example/x | https://b.example/y") << true;
    QTest::addRow("no scheme") << QStringLiteral("www.example.org") << false;
    QTest::addRow("ftp") << QStringLiteral("ftp://example.org/file") << false;
    QTest::addRow("no host") << QStringLiteral("https://") << false;
    QTest::addRow("one bad of two") << QStringLiteral("https://a.example | mailto:x@y.z") << false;
    QTest::addRow("javascript") << QStringLiteral("javascript:alert(document.cookie)") << false;
    QTest::addRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::addRow("data") << QStringLiteral("data:text/html;base64,PHNjcmlwdD4=") << false;
    QTest::addRow("javascript upper case") << QStringLiteral("JavaScript:alert(1)") << false;
    QTest::addRow("https upper case") << QStringLiteral("HTTPS://a.example/x") << true;
    QTest::addRow("spaces inside") << QStringLiteral("https://a.example/some page") << false;
}

void TestValidation::sourceUrls()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QCOMPARE(Validation::sourceUrls(text).isEmpty(), ok);
}

void TestValidation::plainWebAddress_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("plain");
    QTest::addRow("generated") << QByteArray("https://news.example.org/2024/9b7fb2b8a24a01b0.html") << true;
    QTest::addRow("http, host only") << QByteArray("http://a.example") << true;
    QTest::addRow("hyphens and digits") << QByteArray("https://www.sse-2.com.cn/disclosure/listedinfo/A_1.pdf") << true;
    QTest::addRow("tilde and slashes") << QByteArray("https://a.example//~b/c.d") << true;
    QTest::addRow("no host") << QByteArray("https://") << false;
    QTest::addRow("no host, a path") << QByteArray("https:///x") << false;
    QTest::addRow("empty label") << QByteArray("https://a..example/x") << false;
    QTest::addRow("leading hyphen") << QByteArray("https://-a.example/") << false;
    QTest::addRow("trailing hyphen") << QByteArray("https://a-.example/") << false;
    QTest::addRow("punycode label") << QByteArray("https://xn--abc.example/") << false;
    QTest::addRow("IP address") << QByteArray("https://1.2.3.4/") << false;
    QTest::addRow("numeric last label") << QByteArray("https://a.123/") << false;
    QTest::addRow("port") << QByteArray("https://a.example:8080/") << false;
    QTest::addRow("query") << QByteArray("https://a.example/x?y=1") << false;
    QTest::addRow("fragment") << QByteArray("https://a.example/x#y") << false;
    QTest::addRow("percent") << QByteArray("https://a.example/%41") << false;
    QTest::addRow("upper-case host") << QByteArray("https://A.example/") << false;
    QTest::addRow("upper-case scheme") << QByteArray("HTTPS://a.example/") << false;
    QTest::addRow("space") << QByteArray("https://a.example/x y") << false;
    QTest::addRow("leading space") << QByteArray(" https://a.example/") << false;
    QTest::addRow("two addresses") << QByteArray("https://a.example/x|https://b.example/y") << false;
    QTest::addRow("user") << QByteArray("https://u@a.example/") << false;
    QTest::addRow("label of 64") << QByteArray("https://" + QByteArray(64, 'a') + ".example/") << false;
    QTest::addRow("label of 63") << QByteArray("https://" + QByteArray(63, 'a') + ".example/") << true;
    QTest::addRow("ftp") << QByteArray("ftp://a.example/") << false;
}

// The fast path answers for sourceUrls(): where it says plain, the parser must accept too.
void TestValidation::plainWebAddress()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, plain);
    QCOMPARE(Validation::isPlainWebAddress(bytes), plain);
    if (plain)
        QVERIFY2(Validation::sourceUrls(QString::fromUtf8(bytes)).isEmpty(), bytes.constData());
}

// Random addresses near the fast path's edges (an alphabet of what it admits and what it
// does not): every one it calls plain, the URL parser accepts.
void TestValidation::plainWebAddressIsAlwaysAccepted()
{
    static const QByteArray alphabet("abcxyz0189-./_~A:?%#@ |");
    QRandomGenerator random(13);
    int plain = 0;
    for (int i = 0; i < 50000; ++i) {
        QByteArray bytes = random.bounded(2) ? "https://" : "http://";
        const int length = 1 + random.bounded(40);
        for (int c = 0; c < length; ++c)
            bytes.append(alphabet.at(random.bounded(c < 12 ? 14 : int(alphabet.size()))));
        if (!Validation::isPlainWebAddress(bytes))
            continue;
        ++plain;
        QVERIFY2(Validation::sourceUrls(QString::fromUtf8(bytes)).isEmpty(), bytes.constData());
    }
    QVERIFY2(plain > 1000, qPrintable(QString::number(plain)));
}

void TestValidation::words()
{
    QCOMPARE(Validation::words(RecordKind::Disbursement, QStringLiteral("type")).size(), 6);
    QVERIFY(Validation::words(RecordKind::Disbursement, QStringLiteral("notes")).isEmpty());
    QVERIFY(Validation::word(QStringLiteral("loan"),
        Validation::words(RecordKind::Disbursement, QStringLiteral("type")), QStringLiteral("type"))
                .isEmpty());
    QVERIFY(Validation::word(QStringLiteral("Loan"),
        Validation::words(RecordKind::Disbursement, QStringLiteral("type")), QStringLiteral("type"))
                .contains(QStringLiteral("not a type")));
    QCOMPARE(Validation::label(RecordKind::Investee, QStringLiteral("fund_id")),
        QStringLiteral("look-through fund"));
    QCOMPARE(Validation::label(RecordKind::Phase, QStringLiteral("fund_id")), QStringLiteral("fund"));
}

namespace {

RowValues validDisbursement()
{
    RowValues r;
    r.kind = RecordKind::Disbursement;
    r.set(QStringLiteral("phase_id"), 1);
    r.set(QStringLiteral("investee_id"), 2);
    r.set(QStringLiteral("value_date"), QStringLiteral("2019-10"));
    r.set(QStringLiteral("type"), QStringLiteral("equity purchase"));
    r.set(QStringLiteral("amount_minor"), qint64(100));
    r.set(QStringLiteral("currency"), QStringLiteral("CNY"));
    r.set(QStringLiteral("status"), QStringLiteral("completed"));
    r.set(QStringLiteral("confidence"), QStringLiteral("high"));
    return r;
}

} // namespace

void TestValidation::rowRules_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("issueColumn");
    QTest::addRow("no phase") << QStringLiteral("phase_id") << QVariant() << QStringLiteral("phase_id");
    QTest::addRow("no investee") << QStringLiteral("investee_id") << QVariant()
                                 << QStringLiteral("investee_id");
    QTest::addRow("bad date") << QStringLiteral("value_date") << QVariant(QStringLiteral("2019-02-30"))
                              << QStringLiteral("value_date");
    QTest::addRow("zero amount") << QStringLiteral("amount_minor") << QVariant(qint64(0))
                                 << QStringLiteral("amount_minor");
    QTest::addRow("amount without currency")
        << QStringLiteral("currency") << QVariant() << QStringLiteral("currency");
    QTest::addRow("lower-case currency")
        << QStringLiteral("currency") << QVariant(QStringLiteral("cny")) << QStringLiteral("currency");
    QTest::addRow("unknown status") << QStringLiteral("status") << QVariant(QStringLiteral("rumoured"))
                                    << QStringLiteral("status");
    QTest::addRow("stake over 100") << QStringLiteral("stake_pct") << QVariant(101.0)
                                    << QStringLiteral("stake_pct");
    QTest::addRow("bad source") << QStringLiteral("source_url") << QVariant(QStringLiteral("example.org"))
                                << QStringLiteral("source_url");
    // Issue 15: SQL would see the text cut at the NUL.
    QTest::addRow("NUL in the notes") << QStringLiteral("notes")
                                      << QVariant(QString(QStringLiteral("before") + QChar(0) + QStringLiteral("after")))
                                      << QStringLiteral("notes");
}

void TestValidation::rowRules()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(QString, issueColumn);
    RowValues r = validDisbursement();
    r.set(column, value);
    const QList<FieldIssue> issues = Validation::row(r);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.constFirst().column, issueColumn);
    QVERIFY(!issues.constFirst().message.isEmpty());
}

void TestValidation::validRowsHaveNoIssues()
{
    QVERIFY(Validation::row(validDisbursement()).isEmpty());
    // Undisclosed: no amount and no currency.
    RowValues undisclosed = validDisbursement();
    undisclosed.set(QStringLiteral("amount_minor"), QVariant());
    undisclosed.set(QStringLiteral("currency"), QVariant());
    QVERIFY(Validation::row(undisclosed).isEmpty());
    // A sub-fund may look through; a company may not.
    RowValues investee;
    investee.kind = RecordKind::Investee;
    investee.set(QStringLiteral("name"), QStringLiteral("X"));
    investee.set(QStringLiteral("kind"), QStringLiteral("fund"));
    investee.set(QStringLiteral("fund_id"), 3);
    QVERIFY(Validation::row(investee).isEmpty());
    investee.set(QStringLiteral("kind"), QStringLiteral("company"));
    QCOMPARE(Validation::row(investee).value(0).column, QStringLiteral("fund_id"));
    // A fund cannot be its own parent.
    RowValues fund;
    fund.kind = RecordKind::Fund;
    fund.id = 7;
    fund.set(QStringLiteral("name"), QStringLiteral("F"));
    fund.set(QStringLiteral("kind"), QStringLiteral("fund"));
    fund.set(QStringLiteral("level"), QStringLiteral("national"));
    fund.set(QStringLiteral("parent_fund_id"), 7);
    QCOMPARE(Validation::row(fund).value(0).column, QStringLiteral("parent_fund_id"));
}

void TestValidation::nulInNamesIsRefused()
{
    RowValues fund;
    fund.kind = RecordKind::Fund;
    fund.set(QStringLiteral("name"), QString(QStringLiteral("Big") + QChar(0) + QStringLiteral("Fund")));
    fund.set(QStringLiteral("kind"), QStringLiteral("fund"));
    fund.set(QStringLiteral("level"), QStringLiteral("national"));
    const QList<FieldIssue> issues = Validation::row(fund);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.constFirst().column, QStringLiteral("name"));
    QVERIFY2(issues.constFirst().message.contains(QStringLiteral("character 4")), qPrintable(issues.constFirst().message));
    QVERIFY2(!issues.constFirst().message.contains(QChar(0)), "the message itself must not carry the NUL");
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
