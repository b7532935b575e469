#include "FieldText.h"

#include <QTest>

class TestFieldText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void amountTextRoundTrip();
};

void TestFieldText::parse_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariantMap>("changes"); // empty: refused
    const int d = int(RecordKind::Disbursement);
    const QString amount = QStringLiteral("amount_minor");
    const QString currency = QStringLiteral("currency");
    QTest::addRow("date typed loosely")
        << d << QStringLiteral("value_date") << QStringLiteral("2021/5")
        << QVariantMap { { QStringLiteral("value_date"), QStringLiteral("2021-05") } };
    QTest::addRow("date emptied") << d << QStringLiteral("value_date") << QString()
                                  << QVariantMap { { QStringLiteral("value_date"), QString() } };
    QTest::addRow("impossible date") << d << QStringLiteral("value_date") << QStringLiteral("2021-02-30")
                                     << QVariantMap();
    QTest::addRow("amount keeps currency")
        << d << amount << QStringLiteral("12.3亿")
        << QVariantMap { { amount, qint64(123000000000) }, { currency, QStringLiteral("HKD") } };
    QTest::addRow("amount names currency")
        << d << amount << QStringLiteral("USD 1.2bn")
        << QVariantMap { { amount, qint64(120000000000) }, { currency, QStringLiteral("USD") } };
    QTest::addRow("undisclosed") << d << amount << QStringLiteral("undisclosed")
                                 << QVariantMap { { amount, QVariant() }, { currency, QVariant() } };
    QTest::addRow("amount emptied") << d << amount << QString()
                                    << QVariantMap { { amount, QVariant() }, { currency, QVariant() } };
    QTest::addRow("bad amount") << d << amount << QStringLiteral("lots") << QVariantMap();
    QTest::addRow("stake") << d << QStringLiteral("stake_pct") << QStringLiteral("15.9%")
                           << QVariantMap { { QStringLiteral("stake_pct"), 15.9 } };
    QTest::addRow("stake over") << d << QStringLiteral("stake_pct") << QStringLiteral("150") << QVariantMap();
    QTest::addRow("status any case") << d << QStringLiteral("status") << QStringLiteral("Completed")
                                     << QVariantMap { { QStringLiteral("status"),
                                            QStringLiteral("completed") } };
    QTest::addRow("unknown status") << d << QStringLiteral("status") << QStringLiteral("rumoured")
                                    << QVariantMap();
    QTest::addRow("source") << d << QStringLiteral("source_url") << QStringLiteral(" https://a.example/x ")
                            << QVariantMap { { QStringLiteral("source_url"),
                                   QStringLiteral("https://a.example/x") } };
    QTest::addRow("bad source") << d << QStringLiteral("source_url") << QStringLiteral("a.example")
                                << QVariantMap();
    QTest::addRow("name required") << int(RecordKind::Investee) << QStringLiteral("name")
                                   << QStringLiteral("  ") << QVariantMap();
    QTest::addRow("chinese name") << int(RecordKind::Investee) << QStringLiteral("name_zh")
                                  << QStringLiteral("中芯国际")
                                  << QVariantMap { { QStringLiteral("name_zh"),
                                         QStringLiteral("中芯国际") } };
    QTest::addRow("fund level") << int(RecordKind::Fund) << QStringLiteral("level")
                                << QStringLiteral("municipal")
                                << QVariantMap { { QStringLiteral("level"), QStringLiteral("municipal") } };
    QTest::addRow("not editable here")
        << d << QStringLiteral("phase_id") << QStringLiteral("3") << QVariantMap();
}

void TestFieldText::parse()
{
    QFETCH(int, kind);
    QFETCH(QString, column);
    QFETCH(QString, text);
    QFETCH(QVariantMap, changes);
    const FieldText::Context context { { { QStringLiteral("CNY"), 2 }, { QStringLiteral("USD"), 2 },
                                           { QStringLiteral("HKD"), 2 } },
        QStringLiteral("HKD") };
    QVariantMap parsed;
    QString error;
    const bool ok = FieldText::parse(RecordKind(kind), column, text, context, &parsed, &error);
    QCOMPARE(ok, !changes.isEmpty());
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(parsed.keys(), changes.keys());
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const QVariant got = parsed.value(it.key());
        if (it.value().isNull() || it.value().toString().isEmpty())
            QVERIFY(got.isNull() || got.toString().isEmpty());
        else
            QCOMPARE(got.toString(), it.value().toString());
    }
}

void TestFieldText::amountTextRoundTrip()
{
    QCOMPARE(FieldText::amountText(qint64(116600000000), 2, QStringLiteral("USD")),
        QStringLiteral("USD 1,166,000,000.00"));
    QVERIFY(FieldText::amountText(std::nullopt, 2, QString()).isEmpty());
    QVariantMap parsed;
    QString error;
    QVERIFY(FieldText::parse(RecordKind::Disbursement, QStringLiteral("amount_minor"),
        FieldText::amountText(qint64(116600000000), 2, QStringLiteral("USD")),
        { { { QStringLiteral("USD"), 2 } }, QStringLiteral("USD") }, &parsed, &error));
    QCOMPARE(parsed.value(QStringLiteral("amount_minor")).toLongLong(), qint64(116600000000));
}

QTEST_GUILESS_MAIN(TestFieldText)
#include "tst_fieldtext.moc"
