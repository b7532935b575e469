#include "AmountParser.h"

#include <QTest>

class TestAmountParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();
    void plainAgreesWithParse_data();
    void plainAgreesWithParse();
    void utf8();
    void withCurrency_data();
    void withCurrency();
    void toText();
};

void TestAmountParser::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("digits");
    QTest::addColumn<qint64>("minor");
    QTest::addRow("plain") << QStringLiteral("1234") << 2 << qint64(123400);
    QTest::addRow("grouped decimal") << QStringLiteral("1,234.5") << 2 << qint64(123450);
    QTest::addRow("millions grouped") << QStringLiteral("1,166,000,000.00") << 2 << qint64(116600000000);
    QTest::addRow("yi") << QStringLiteral("12.3亿") << 2 << qint64(123000000000);
    QTest::addRow("yi with space and yuan") << QStringLiteral("12.3 亿元") << 2 << qint64(123000000000);
    QTest::addRow("wan") << QStringLiteral("5万") << 2 << qint64(5000000);
    QTest::addRow("wan yi") << QStringLiteral("1.5万亿") << 2 << qint64(150000000000000);
    QTest::addRow("bn") << QStringLiteral("1.2bn") << 2 << qint64(120000000000);
    QTest::addRow("billion") << QStringLiteral("1.2 billion") << 2 << qint64(120000000000);
    QTest::addRow("BN upper") << QStringLiteral("1.2BN") << 2 << qint64(120000000000);
    QTest::addRow("m") << QStringLiteral("350m") << 2 << qint64(35000000000);
    QTest::addRow("million") << QStringLiteral("350 million") << 2 << qint64(35000000000);
    QTest::addRow("k") << QStringLiteral("1.5k") << 2 << qint64(150000);
    QTest::addRow("trillion") << QStringLiteral("2 trillion") << 2 << qint64(200000000000000);
    QTest::addRow("full-width") << QStringLiteral("１２．３亿") << 2 << qint64(123000000000);
    QTest::addRow("leading point") << QStringLiteral(".5") << 2 << qint64(50);
    QTest::addRow("spaces around") << QStringLiteral("  42  ") << 0 << qint64(42);
    QTest::addRow("yen no decimals") << QStringLiteral("1.5m") << 0 << qint64(1500000);
    QTest::addRow("trailing zeros ok") << QStringLiteral("10.500") << 2 << qint64(1050);
    // Exact where a double would not be: 0.1 + scaling has no binary representation.
    QTest::addRow("exact tenths") << QStringLiteral("0.3bn") << 2 << qint64(30000000000);
    QTest::addRow("many digits") << QStringLiteral("12.345678912bn") << 2 << qint64(1234567891200);
    QTest::addRow("near limit") << QStringLiteral("92233720368547758.07") << 2 << qint64(9223372036854775807);
}

void TestAmountParser::accepted()
{
    QFETCH(QString, text);
    QFETCH(int, digits);
    QFETCH(qint64, minor);
    const AmountParser::Result r = AmountParser::parse(text, digits);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.minor, minor);
    QVERIFY(r.error.isEmpty());
}

void TestAmountParser::rejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("digits");
    QTest::addColumn<QString>("message");
    QTest::addColumn<AmountParser::Problem>("problem");
    QTest::addRow("empty") << QString() << 2 << QStringLiteral("Enter an amount, or mark it undisclosed.")
                           << AmountParser::Problem::Empty;
    QTest::addRow("words") << QStringLiteral("about ten") << 2
                           << QStringLiteral("'about ten' is not an amount: write a number")
                           << AmountParser::Problem::NotAnAmount;
    QTest::addRow("negative") << QStringLiteral("-5") << 2 << QStringLiteral("Amounts are positive")
                              << AmountParser::Problem::Negative;
    QTest::addRow("zero") << QStringLiteral("0") << 2 << QStringLiteral("The amount is zero")
                          << AmountParser::Problem::Zero;
    QTest::addRow("zero with unit") << QStringLiteral("0.0bn") << 2 << QStringLiteral("The amount is zero")
                                    << AmountParser::Problem::Zero;
    QTest::addRow("too many decimals")
        << QStringLiteral("1.234") << 2
        << QStringLiteral("'1.234' has more decimals than the currency has (2).")
        << AmountParser::Problem::TooPrecise;
    QTest::addRow("yen decimals") << QStringLiteral("12.5") << 0 << QStringLiteral("has more decimals")
                                  << AmountParser::Problem::TooPrecise;
    QTest::addRow("finer than a cent") << QStringLiteral("1.2345678912345bn") << 2
                                       << QStringLiteral("is more precise than the currency's smallest unit")
                                       << AmountParser::Problem::TooPrecise;
    QTest::addRow("decimal comma") << QStringLiteral("1,23") << 2
                                   << QStringLiteral("commas group the digits in threes")
                                   << AmountParser::Problem::NotAnAmount;
    QTest::addRow("bad grouping") << QStringLiteral("12,34,567") << 2
                                  << QStringLiteral("commas group the digits in threes")
                                  << AmountParser::Problem::NotAnAmount;
    QTest::addRow("unknown unit") << QStringLiteral("5 lakh") << 2
                                  << QStringLiteral("'lakh' is not a unit Fundscope knows")
                                  << AmountParser::Problem::NotAnAmount;
    QTest::addRow("space grouping") << QStringLiteral("1 234") << 2 << QStringLiteral("without spaces")
                                    << AmountParser::Problem::NotAnAmount;
    QTest::addRow("two points") << QStringLiteral("1.2.3") << 2
                                << QStringLiteral("more than one decimal point")
                                << AmountParser::Problem::NotAnAmount;
    QTest::addRow("overflow") << QStringLiteral("99999999999999999999") << 2 << QStringLiteral("too large")
                              << AmountParser::Problem::TooLarge;
    QTest::addRow("overflow by unit") << QStringLiteral("9999999万亿") << 2 << QStringLiteral("too large")
                                      << AmountParser::Problem::TooLarge;
    QTest::addRow("only unit") << QStringLiteral("bn") << 2 << QStringLiteral("is not an amount")
                               << AmountParser::Problem::NotAnAmount;
}

void TestAmountParser::rejected()
{
    QFETCH(QString, text);
    QFETCH(int, digits);
    QFETCH(QString, message);
    QFETCH(AmountParser::Problem, problem);
    const AmountParser::Result r = AmountParser::parse(text, digits);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QCOMPARE(r.problem, problem);
}

void TestAmountParser::plainAgreesWithParse_data()
{
    QTest::addColumn<int>("digits");
    QTest::addRow("no minor units") << 0;
    QTest::addRow("cents") << 2;
    QTest::addRow("three") << 3;
}

// parsePlain() is parse()'s fast path and the loader's: on every plain number it must accept
// exactly what the general path accepts, with the same value. A leading space keeps the text
// off the fast path, so parse() reads it the general way.
void TestAmountParser::plainAgreesWithParse()
{
    QFETCH(int, digits);
    const QStringList wholes = { QStringLiteral("0"), QStringLiteral("00"), QStringLiteral("1"),
        QStringLiteral("007"), QStringLiteral("10"), QStringLiteral("999"), QStringLiteral("1234567"),
        QStringLiteral("92233720368547758"), QStringLiteral("922337203685477580"),
        QStringLiteral("9223372036854775807"), QStringLiteral("9223372036854775808"),
        QStringLiteral("99999999999999999999") };
    const QStringList fractions = { QString(), QStringLiteral(".0"), QStringLiteral(".5"),
        QStringLiteral(".05"), QStringLiteral(".50"), QStringLiteral(".07"), QStringLiteral(".08"),
        QStringLiteral(".123"), QStringLiteral(".000"), QStringLiteral(".1000"), QStringLiteral(".0001") };
    int accepted = 0;
    int refused = 0;
    for (const QString &whole : wholes) {
        for (const QString &fraction : fractions) {
            const QString text = whole + fraction;
            qint64 fast = -1;
            const bool plain = AmountParser::parsePlain(QStringView(text), digits, &fast);
            qint64 fastBytes = -1;
            QCOMPARE(AmountParser::parsePlain(QByteArrayView(text.toLatin1()), digits, &fastBytes), plain);
            const AmountParser::Result general = AmountParser::parse(QLatin1Char(' ') + text, digits);
            QVERIFY2(general.ok == plain, qPrintable(text + QLatin1String(": ") + general.error));
            if (plain) {
                QCOMPARE(fast, general.minor);
                QCOMPARE(fastBytes, fast);
                ++accepted;
            } else {
                QCOMPARE(fast, qint64(-1)); // untouched
                ++refused;
            }
        }
    }
    // Both outcomes are exercised, or the comparison proves nothing.
    QVERIFY(accepted > 20);
    QVERIFY(refused > 20);
    // Not plain: left to the general path.
    qint64 unused = -1;
    for (const char *text : { "", ".5", "5.", "1,234", "+5", "-5", "5 ", "1.2bn", "12..3", "1e9" })
        QVERIFY2(!AmountParser::parsePlain(QByteArrayView(text), digits, &unused), text);
}

void TestAmountParser::utf8()
{
    const AmountParser::Result plain = AmountParser::parseUtf8("1234.5", 2);
    QVERIFY(plain.ok);
    QCOMPARE(plain.minor, qint64(123450));
    const AmountParser::Result yi = AmountParser::parseUtf8("12.3亿", 2);
    QVERIFY2(yi.ok, qPrintable(yi.error));
    QCOMPARE(yi.minor, qint64(123000000000));
    const AmountParser::Result comma = AmountParser::parseUtf8("1,23", 2);
    QVERIFY(!comma.ok);
    QCOMPARE(comma.problem, AmountParser::Problem::NotAnAmount);
    QCOMPARE(comma.error, AmountParser::parse(QStringLiteral("1,23"), 2).error);
}

void TestAmountParser::withCurrency_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");
    QTest::addRow("default") << QStringLiteral("350m") << true << QStringLiteral("CNY")
                             << qint64(35000000000);
    QTest::addRow("code prefix") << QStringLiteral("USD 1.2bn") << true << QStringLiteral("USD")
                                 << qint64(120000000000);
    QTest::addRow("code lower no space")
        << QStringLiteral("hkd2.58bn") << true << QStringLiteral("HKD") << qint64(258000000000);
    QTest::addRow("code suffix") << QStringLiteral("350m HKD") << true << QStringLiteral("HKD")
                                 << qint64(35000000000);
    QTest::addRow("dollar") << QStringLiteral("$5m") << true << QStringLiteral("USD") << qint64(500000000);
    QTest::addRow("yen sign is yuan")
        << QStringLiteral("¥12.3亿") << true << QStringLiteral("CNY") << qint64(123000000000);
    QTest::addRow("rmb") << QStringLiteral("RMB 5万") << true << QStringLiteral("CNY") << qint64(5000000);
    QTest::addRow("yuan suffix") << QStringLiteral("5万元") << true << QStringLiteral("CNY")
                                 << qint64(5000000);
    QTest::addRow("jpy digits") << QStringLiteral("JPY 1.5m") << true << QStringLiteral("JPY")
                                << qint64(1500000);
    QTest::addRow("unknown code") << QStringLiteral("XYZ 5") << false << QString() << qint64(0);
    QTest::addRow("code only") << QStringLiteral("USD") << false << QString() << qint64(0);
    QTest::addRow("million is no code")
        << QStringLiteral("2 mio") << true << QStringLiteral("CNY") << qint64(200000000);
}

void TestAmountParser::withCurrency()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);
    const QHash<QString, int> digits = { { QStringLiteral("CNY"), 2 }, { QStringLiteral("USD"), 2 },
        { QStringLiteral("HKD"), 2 }, { QStringLiteral("JPY"), 0 } };
    const AmountParser::Result r = AmountParser::parseWithCurrency(text, digits, QStringLiteral("CNY"));
    QCOMPARE(r.ok, ok);
    if (ok) {
        QCOMPARE(r.currency, currency);
        QCOMPARE(r.minor, minor);
    } else {
        QVERIFY(!r.error.isEmpty());
    }
}

void TestAmountParser::toText()
{
    QCOMPARE(AmountParser::toText(123450, 2), QStringLiteral("1,234.50"));
    QCOMPARE(AmountParser::toText(123450, 2, false), QStringLiteral("1234.50"));
    QCOMPARE(AmountParser::toText(1500000, 0), QStringLiteral("1,500,000"));
    QCOMPARE(AmountParser::toText(5, 2), QStringLiteral("0.05"));
    // Round trip: what toText writes, parse reads back.
    for (qint64 v : { qint64(1), qint64(99), qint64(123456789012), qint64(9223372036854775807) }) {
        const AmountParser::Result r = AmountParser::parse(AmountParser::toText(v, 2), 2);
        QVERIFY(r.ok);
        QCOMPARE(r.minor, v);
    }
}

QTEST_GUILESS_MAIN(TestAmountParser)
#include "tst_amountparser.moc"
