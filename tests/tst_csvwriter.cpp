#include "CsvReader.h"
#include "CsvWriter.h"

#include <QBuffer>
#include <QTest>

namespace {

QList<QStringList> readBack(const QByteArray &bytes, bool *bom = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("roundtrip.csv"));
    QList<QStringList> records;
    while (reader.next()) {
        if (!reader.recordError().isEmpty())
            qWarning("%s", qPrintable(reader.recordError()));
        records.append(reader.fields());
    }
    if (reader.hasError())
        qWarning("%s", qPrintable(reader.errorString()));
    if (bom)
        *bom = reader.hadByteOrderMark();
    return records;
}

QByteArray write(const QList<QStringList> &records, bool bom = false)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer, bom);
        for (const QStringList &r : records)
            writer.writeRecord(r);
        if (!writer.flush())
            qWarning("%s", qPrintable(writer.errorString()));
    }
    return buffer.data();
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesOnlyWhenNeeded_data();
    void quotesOnlyWhenNeeded();
    void crlfLineEnds();
    void byteOrderMark();
    void roundTrip();
    void singleEmptyFieldSurvives();
    void quotedFieldIsAlwaysQuoted();
    void largeOutputIsFlushed();
    void writeErrorIsReported();
};

void TestCsvWriter::quotesOnlyWhenNeeded_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("encoded");
    QTest::addRow("plain") << QStringLiteral("SMIC") << QByteArray("SMIC");
    QTest::addRow("empty") << QString() << QByteArray("");
    QTest::addRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
    QTest::addRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::addRow("newline") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
    QTest::addRow("carriage return") << QStringLiteral("a\rb") << QByteArray("\"a\rb\"");
    QTest::addRow("leading space") << QStringLiteral(" a") << QByteArray("\" a\"");
    QTest::addRow("trailing space") << QStringLiteral("a ") << QByteArray("\"a \"");
    QTest::addRow("inner space") << QStringLiteral("a b") << QByteArray("a b");
    QTest::addRow("chinese") << QStringLiteral("中芯国际") << QStringLiteral("中芯国际").toUtf8();
}

void TestCsvWriter::quotesOnlyWhenNeeded()
{
    QFETCH(QString, field);
    QFETCH(QByteArray, encoded);
    QCOMPARE(CsvWriter::encodeField(field.toUtf8()), encoded);
    QCOMPARE(write({ { field, QStringLiteral("x") } }), encoded + ",x\r\n");
}

void TestCsvWriter::crlfLineEnds()
{
    QCOMPARE(write({ { QStringLiteral("a"), QStringLiteral("b") }, { QStringLiteral("c"), QString() } }),
             QByteArray("a,b\r\nc,\r\n"));
}

void TestCsvWriter::byteOrderMark()
{
    const QByteArray with = write({ { QStringLiteral("name") } }, true);
    QVERIFY(with.startsWith("\xEF\xBB\xBF"));
    bool bom = false;
    QCOMPARE(readBack(with, &bom), (QList<QStringList> { { QStringLiteral("name") } }));
    QVERIFY(bom);
    QVERIFY(!write({ { QStringLiteral("name") } }, false).startsWith("\xEF"));
}

void TestCsvWriter::roundTrip()
{
    const QList<QStringList> records = {
        { QStringLiteral("name"), QStringLiteral("name_zh"), QStringLiteral("notes") },
        { QStringLiteral("Big Fund"), QStringLiteral("国家集成电路产业投资基金"),
          QStringLiteral("stake 15.9%, \"per 13D\"\r\nsecond line\nthird line") },
        { QString(), QStringLiteral(","), QStringLiteral("\"") },
        { QStringLiteral(" padded "), QStringLiteral("\r"), QStringLiteral("😀 emoji") },
    };
    QCOMPARE(readBack(write(records)), records);
    QCOMPARE(readBack(write(records, true)), records);
}

// Formula-guarded cells go out between quotes even without a comma or quote in them, so the
// importer can tell them from text typed by hand.
void TestCsvWriter::quotedFieldIsAlwaysQuoted()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer);
        writer.writeField(QByteArrayView("plain"));
        writer.writeQuotedField(QByteArrayView("'=1+1"));
        writer.writeQuotedField(QByteArrayView("say \"hi\""));
        writer.endRecord();
        QVERIFY(writer.flush());
    }
    QCOMPARE(buffer.data(), QByteArray("plain,\"'=1+1\",\"say \"\"hi\"\"\"\r\n"));
}

void TestCsvWriter::singleEmptyFieldSurvives()
{
    const QList<QStringList> records = { { QStringLiteral("h") }, { QString() }, { QStringLiteral("x") } };
    const QByteArray bytes = write(records);
    QCOMPARE(bytes, QByteArray("h\r\n\"\"\r\nx\r\n"));
    QCOMPARE(readBack(bytes), records);
}

void TestCsvWriter::largeOutputIsFlushed()
{
    QList<QStringList> records;
    for (int i = 0; i < 20000; ++i)
        records.append({ QString::number(i), QStringLiteral("text, with comma %1").arg(i) });
    const QByteArray bytes = write(records);
    QVERIFY(bytes.size() > (1 << 16) * 4);
    QCOMPARE(readBack(bytes), records);
}

void TestCsvWriter::writeErrorIsReported()
{
    QBuffer readOnly;
    readOnly.open(QIODevice::ReadOnly);
    CsvWriter writer(&readOnly);
    writer.writeRecord({ QStringLiteral("a") });
    QVERIFY(!writer.flush());
    QVERIFY(writer.hasError());
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
