#include "CsvReader.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>

namespace {

struct Parsed
{
    QList<QStringList> records;
    QList<qint64> lines;
    QStringList recordErrors;
    QList<qint64> recordErrorLines;
    QList<qsizetype> recordErrorFields;
    QStringList recordErrorStrings;
    QString error;
    qint64 errorLine = 0;
    bool bom = false;
};

Parsed parse(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("test.csv"));
    Parsed out;
    while (reader.next()) {
        out.records.append(reader.fields());
        out.lines.append(reader.line());
        if (!reader.recordError().isEmpty()) {
            out.recordErrors.append(reader.recordError());
            out.recordErrorLines.append(reader.recordErrorLine());
            out.recordErrorFields.append(reader.recordErrorField());
            out.recordErrorStrings.append(reader.recordErrorString());
        }
    }
    out.error = reader.errorString();
    out.errorLine = reader.errorLine();
    out.bom = reader.hadByteOrderMark();
    return out;
}

// A pipe-like device: a few bytes at a time, and sometimes nothing until waitForReadyRead().
class TrickleDevice : public QIODevice
{
public:
    explicit TrickleDevice(const QByteArray &data) : m_data(data) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return (m_ready ? m_data.size() - m_pos : 0) + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }
    bool waitForReadyRead(int) override
    {
        m_ready = true;
        return m_pos < m_data.size();
    }
    int waits = 0;

protected:
    qint64 readData(char *out, qint64 max) override
    {
        if (!m_ready) {
            ++waits;
            return 0;
        }
        m_ready = false;
        const qint64 n = std::min<qint64>({ max, 5, m_data.size() - m_pos });
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
    bool m_ready = false;
};

QStringList row(std::initializer_list<const char *> fields)
{
    QStringList list;
    for (const char *f : fields)
        list.append(QString::fromUtf8(f));
    return list;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleRecords();
    void lineEndings_data();
    void lineEndings();
    void quotedFields();
    void fieldWasQuoted();
    void embeddedLineBreaksCountLines();
    void emptyFieldsAndTrailingComma();
    void blankLinesAreSkipped();
    void byteOrderMark();
    void emptyInput_data();
    void emptyInput();
    void unbalancedQuoteIsFatal();
    void textAfterClosingQuote();
    void invalidUtf8_data();
    void invalidUtf8();
    void invalidUtf8InsideMultiLineField();
    void validMultiByteText();
    void nulByteIsARecordProblem();
    void recordsAcrossChunkBoundaries();
    void hugeQuotedField();
    void lastRecordWithoutLineEnd();
    void sequentialDeviceThatPauses();
    void openByPath();
    void missingFile();
};

void TestCsvReader::simpleRecords()
{
    const Parsed p = parse("a,b,c\n1,2,3\n");
    QCOMPARE(p.records, (QList<QStringList> { row({ "a", "b", "c" }), row({ "1", "2", "3" }) }));
    QCOMPARE(p.lines, (QList<qint64> { 1, 2 }));
    QVERIFY(p.error.isEmpty());
}

void TestCsvReader::lineEndings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addRow("LF") << QByteArray("h1,h2\nx,y\n\"p\nq\",z\n");
    QTest::addRow("CRLF") << QByteArray("h1,h2\r\nx,y\r\n\"p\nq\",z\r\n");
    QTest::addRow("mixed") << QByteArray("h1,h2\r\nx,y\n\"p\nq\",z\r\n");
    QTest::addRow("lone CR") << QByteArray("h1,h2\rx,y\r\"p\nq\",z\r");
}

void TestCsvReader::lineEndings()
{
    QFETCH(QByteArray, input);
    const Parsed p = parse(input);
    QCOMPARE(p.records, (QList<QStringList> { row({ "h1", "h2" }), row({ "x", "y" }), row({ "p\nq", "z" }) }));
    QCOMPARE(p.lines, (QList<qint64> { 1, 2, 3 }));
    QVERIFY(p.error.isEmpty());
}

void TestCsvReader::quotedFields()
{
    const Parsed p = parse("\"a,b\",\"say \"\"hi\"\"\",\"\",plain\r\n\"\"\"\",x\r\n");
    QCOMPARE(p.records, (QList<QStringList> { row({ "a,b", "say \"hi\"", "", "plain" }), row({ "\"", "x" }) }));
    QVERIFY(p.recordErrors.isEmpty());
}

// The importer drops a formula guard's apostrophe only from quoted fields: the reader says which.
void TestCsvReader::fieldWasQuoted()
{
    QBuffer buffer;
    buffer.setData("'=1,\"'=1\",,\"\",\"a\r\nb\"\nplain,\"x\"\"\"\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QVERIFY(reader.next());
    QCOMPARE(reader.fieldCount(), 5);
    const QList<bool> first { false, true, false, true, true };
    for (qsizetype i = 0; i < reader.fieldCount(); ++i)
        QCOMPARE(reader.fieldWasQuoted(i), first.at(i));
    QVERIFY(reader.next());
    QCOMPARE(reader.fieldCount(), 2);
    QVERIFY(!reader.fieldWasQuoted(0));
    QVERIFY(reader.fieldWasQuoted(1));
    QCOMPARE(reader.field(1), QStringLiteral("x\""));
    QVERIFY(!reader.next());
}

void TestCsvReader::embeddedLineBreaksCountLines()
{
    // The second record spans lines 2-4 (one CRLF, one LF inside quotes); the third starts on 5.
    const Parsed p = parse("h\r\n\"one\r\ntwo\nthree\",x\r\nnext,y\r\n");
    QCOMPARE(p.records.size(), 3);
    QCOMPARE(p.records.at(1).at(0), QStringLiteral("one\r\ntwo\nthree"));
    QCOMPARE(p.lines, (QList<qint64> { 1, 2, 5 }));
}

void TestCsvReader::emptyFieldsAndTrailingComma()
{
    const Parsed p = parse(",,\na,\n,b\nlast,");
    QCOMPARE(p.records,
             (QList<QStringList> { row({ "", "", "" }), row({ "a", "" }), row({ "", "b" }), row({ "last", "" }) }));
}

void TestCsvReader::blankLinesAreSkipped()
{
    const Parsed p = parse("\r\n\na\r\n\r\n\nb\n\n");
    QCOMPARE(p.records, (QList<QStringList> { row({ "a" }), row({ "b" }) }));
    QCOMPARE(p.lines, (QList<qint64> { 3, 6 }));
    // A quoted empty field is a record, not a blank line.
    const Parsed q = parse("\"\"\n");
    QCOMPARE(q.records, (QList<QStringList> { row({ "" }) }));
}

void TestCsvReader::byteOrderMark()
{
    const Parsed with = parse("\xEF\xBB\xBFname,name_zh\r\nSMIC,\xE4\xB8\xAD\xE8\x8A\xAF\r\n");
    QVERIFY(with.bom);
    QCOMPARE(with.records.at(0).at(0), QStringLiteral("name"));
    QCOMPARE(with.records.at(1).at(1), QString::fromUtf8("中芯"));
    const Parsed without = parse("name,name_zh\r\n");
    QVERIFY(!without.bom);
    QCOMPARE(without.records.at(0).at(0), QStringLiteral("name"));
    // A BOM in the middle of the text is not stripped.
    const Parsed middle = parse("a\n\xEF\xBB\xBF" "b\n");
    QCOMPARE(middle.records.at(1).at(0), QString::fromUtf8("\xEF\xBB\xBF" "b"));
}

void TestCsvReader::emptyInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addRow("nothing") << QByteArray();
    QTest::addRow("only BOM") << QByteArray("\xEF\xBB\xBF");
    QTest::addRow("only line ends") << QByteArray("\r\n\n\r\n");
}

void TestCsvReader::emptyInput()
{
    QFETCH(QByteArray, input);
    const Parsed p = parse(input);
    QVERIFY(p.records.isEmpty());
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
}

void TestCsvReader::unbalancedQuoteIsFatal()
{
    const Parsed p = parse("h1,h2\r\nok,1\r\n\"open,2\r\nmore,3\r\nand more,4\r\n");
    QCOMPARE(p.records, (QList<QStringList> { row({ "h1", "h2" }), row({ "ok", "1" }) }));
    QCOMPARE(p.errorLine, 3);
    QVERIFY2(p.error.startsWith(QStringLiteral("test.csv:3: ")), qPrintable(p.error));
    QVERIFY2(p.error.contains(QStringLiteral("unbalanced quote")), qPrintable(p.error));
}

void TestCsvReader::textAfterClosingQuote()
{
    const Parsed p = parse("a,b\n\"x\"y,z\nnext,1\n");
    QCOMPARE(p.records.size(), 3);
    QCOMPARE(p.records.at(1), row({ "xy", "z" }));
    QCOMPARE(p.recordErrors.size(), 1);
    QCOMPARE(p.recordErrorLines.at(0), 2);
    QCOMPARE(p.recordErrorFields.at(0), 0);
    QCOMPARE(p.records.at(2), row({ "next", "1" }));
    QVERIFY(p.error.isEmpty());
}

void TestCsvReader::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addRow("Latin-1 byte") << QByteArray("caf\xE9");
    QTest::addRow("stray continuation") << QByteArray("a\x80" "b");
    QTest::addRow("overlong slash") << QByteArray("\xC0\xAF");
    QTest::addRow("truncated sequence") << QByteArray("\xE4\xB8");
    QTest::addRow("surrogate") << QByteArray("\xED\xA0\x80");
    QTest::addRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
    QTest::addRow("0xFF") << QByteArray("\xFF");
}

void TestCsvReader::invalidUtf8()
{
    QFETCH(QByteArray, bad);
    const Parsed p = parse("h1,h2\nfine,1\nx," + bad + "\nafter,3\n");
    QCOMPARE(p.records.size(), 4); // the bad record is reported, reading goes on
    QCOMPARE(p.recordErrors.size(), 1);
    QCOMPARE(p.recordErrorLines.at(0), 3);
    QCOMPARE(p.recordErrorFields.at(0), 1);
    QVERIFY2(p.recordErrors.at(0).contains(QStringLiteral("invalid UTF-8")), qPrintable(p.recordErrors.at(0)));
    QCOMPARE(p.records.at(3), row({ "after", "3" }));
    QVERIFY(p.error.isEmpty());
    QVERIFY(p.recordErrorStrings.at(0).startsWith(QStringLiteral("test.csv:3: invalid UTF-8")));
}

void TestCsvReader::invalidUtf8InsideMultiLineField()
{
    const Parsed p = parse("h\n\"line two\nline three \xFF\",x\n");
    QCOMPARE(p.recordErrors.size(), 1);
    QCOMPARE(p.recordErrorLines.at(0), 3);
    QCOMPARE(CsvReader::invalidUtf8Offset(QByteArrayView("ok \xE2\x82")), 3);
    QCOMPARE(CsvReader::invalidUtf8Offset(QByteArrayView("\xE2\x82\xAC ok")), -1);
}

// Issue 15: SQL sees text only up to a NUL, so a name with one would be stored cut short.
void TestCsvReader::nulByteIsARecordProblem()
{
    const Parsed p = parse(QByteArray("h1,h2\nfine,1\nx,\"AB\0C\"\nafter,3\n", 30));
    QCOMPARE(p.records.size(), 4);
    QCOMPARE(p.recordErrors.size(), 1);
    QCOMPARE(p.recordErrorLines.at(0), 3);
    QCOMPARE(p.recordErrorFields.at(0), 1);
    QVERIFY2(p.recordErrors.at(0).contains(QStringLiteral("NUL")), qPrintable(p.recordErrors.at(0)));
    QVERIFY2(p.recordErrors.at(0).contains(QStringLiteral("character 3")), qPrintable(p.recordErrors.at(0)));
    // Shown, not cut: the text after the NUL is in the message too.
    QVERIFY2(p.recordErrors.at(0).contains(QStringLiteral("AB\\0C")), qPrintable(p.recordErrors.at(0)));
    QCOMPARE(p.records.at(3), row({ "after", "3" }));
}

void TestCsvReader::validMultiByteText()
{
    const QByteArray text = QStringLiteral("国家集成电路产业投资基金 € 😀 Zürich").toUtf8();
    const Parsed p = parse("a,\"" + text + "\"," + text + "\n");
    QVERIFY(p.recordErrors.isEmpty());
    QCOMPARE(p.records.at(0).at(1), QString::fromUtf8(text));
    QCOMPARE(p.records.at(0).at(2), QString::fromUtf8(text));
}

void TestCsvReader::recordsAcrossChunkBoundaries()
{
    // Well over the 1 MiB read size, with every kind of field, so records, quotes, doubled
    // quotes, multi-byte characters and CRLF pairs all fall on chunk boundaries somewhere.
    QByteArray input;
    QList<QStringList> expected;
    QList<qint64> expectedLines;
    qint64 line = 1;
    for (int i = 0; i < 100000; ++i) {
        const QString a = QStringLiteral("row %1").arg(i);
        const QString b = QStringLiteral("say \"%1\", then\r\nstop").arg(i);
        const QString c = QStringLiteral("基金%1").arg(i % 97);
        input += a.toUtf8() + ",\"" + QString(b).replace(QLatin1Char('"'), QStringLiteral("\"\"")).toUtf8()
                + "\"," + c.toUtf8() + (i % 2 ? "\r\n" : "\n");
        expected.append({ a, b, c });
        expectedLines.append(line);
        line += 2;
    }
    QVERIFY(input.size() > 3 * (1 << 20));
    const Parsed p = parse(input);
    QVERIFY(p.error.isEmpty());
    QVERIFY(p.recordErrors.isEmpty());
    QCOMPARE(p.records.size(), expected.size());
    QCOMPARE(p.records, expected);
    QCOMPARE(p.lines, expectedLines);
}

void TestCsvReader::hugeQuotedField()
{
    const QByteArray big(3 * (1 << 20) + 17, 'x');
    const Parsed p = parse("h,\"" + big + "\nline\",end\r\nnext\r\n");
    QCOMPARE(p.records.size(), 2);
    QCOMPARE(p.records.at(0).at(1).size(), big.size() + 5);
    QCOMPARE(p.records.at(0).at(2), QStringLiteral("end"));
    QCOMPARE(p.lines, (QList<qint64> { 1, 3 }));
}

void TestCsvReader::lastRecordWithoutLineEnd()
{
    const Parsed p = parse("a,b\r\n\"c\",\"d\"");
    QCOMPARE(p.records, (QList<QStringList> { row({ "a", "b" }), row({ "c", "d" }) }));
    QVERIFY(p.error.isEmpty());
}

void TestCsvReader::sequentialDeviceThatPauses()
{
    TrickleDevice device("\xEF\xBB\xBFh1,h2\r\n\"a\r\nb\",\"x\"\"y\"\r\nlast,1");
    CsvReader reader(&device, QStringLiteral("pipe"));
    QList<QStringList> records;
    while (reader.next())
        records.append(reader.fields());
    QVERIFY(!reader.hasError());
    QVERIFY(device.waits > 0);
    QCOMPARE(records, (QList<QStringList> { row({ "h1", "h2" }), row({ "a\r\nb", "x\"y" }), row({ "last", "1" }) }));
}

void TestCsvReader::openByPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("f.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x,y\r\n1,2\r\n");
    file.close();
    CsvReader reader(path);
    QVERIFY(reader.next());
    QCOMPARE(reader.fieldCount(), 2);
    QCOMPARE(reader.fieldBytes(1).toByteArray(), QByteArray("y"));
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 2);
    QVERIFY(!reader.next());
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.bytesConsumed(), file.size());
}

void TestCsvReader::missingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.csv"));
    CsvReader reader(path);
    QVERIFY(!reader.next());
    QVERIFY(reader.hasError());
    QVERIFY2(reader.errorString().startsWith(path + QStringLiteral(": cannot be opened")),
             qPrintable(reader.errorString()));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
