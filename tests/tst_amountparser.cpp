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
    QTest::addRow("empty") << QString() << 2 << QStringLiteral("Enter an amount, or mark it undisclosed.");
    QTest::addRow("words") << QStringLiteral("about ten") << 2
                           << QStringLiteral("'about ten' is not an amount: write a number");
    QTest::addRow("negative") << QStringLiteral("-5") << 2 << QStringLiteral("Amounts are positive");
    QTest::addRow("zero") << QStringLiteral("0") << 2 << QStringLiteral("The amount is zero");
    QTest::addRow("zero with unit") << QStringLiteral("0.0bn") << 2 << QStringLiteral("The amount is zero");
    QTest::addRow("too many decimals") << QStringLiteral(
        "1.234") << 2 << QStringLiteral("'1.234' has more decimals than the currency has (2).");
    QTest::addRow("yen decimals") << QStringLiteral("12.5") << 0 << QStringLiteral("has more decimals");
    QTest::addRow("finer than a cent") << QStringLiteral("1.2345678912345bn") << 2
                                       << QStringLiteral("is more precise than the currency's smallest unit");
    QTest::addRow("decimal comma") << QStringLiteral("1,23") << 2
                                   << QStringLiteral("commas group the digits in threes");
    QTest::addRow("bad grouping") << QStringLiteral("12,34,567") << 2
                                  << QStringLiteral("commas group the digits in threes");
    QTest::addRow("unknown unit") << QStringLiteral("5 lakh") << 2
                                  << QStringLiteral("'lakh' is not a unit Fundscope knows");
    QTest::addRow("space grouping") << QStringLiteral("1 234") << 2 << QStringLiteral("without spaces");
    QTest::addRow("two points") << QStringLiteral("1.2.3") << 2
                                << QStringLiteral("more than one decimal point");
    QTest::addRow("overflow") << QStringLiteral("99999999999999999999") << 2 << QStringLiteral("too large");
    QTest::addRow("overflow by unit") << QStringLiteral("9999999万亿") << 2 << QStringLiteral("too large");
    QTest::addRow("only unit") << QStringLiteral("bn") << 2 << QStringLiteral("is not an amount");
}

void TestAmountParser::rejected()
{
    QFETCH(QString, text);
    QFETCH(int, digits);
    QFETCH(QString, message);
    const AmountParser::Result r = AmountParser::parse(text, digits);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
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
