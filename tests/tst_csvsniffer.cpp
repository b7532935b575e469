#include "CsvSniffer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The wizard's first look at a file: delimiter, header and a preview.

class TestCsvSniffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delimiterAndHeader_data();
    void delimiterAndHeader();
    void readWithAnotherFormat();
    void missingFile();

private:
    QString write(const QByteArray &content);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestCsvSniffer::write(const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("f%1.csv").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write");
    file.write(content);
    return path;
}

void TestCsvSniffer::delimiterAndHeader_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<bool>("header");
    QTest::addColumn<int>("fields");
    QTest::addRow("interchange") << QByteArray("fund,phase,investee\r\nA,\"Phase I; II\",C\r\n") << ','
                                 << true << 3;
    QTest::addRow("semicolon, commas in numbers")
        << QByteArray("Fonds;Betrag;Datum\nA;1,5;2020\nB;2,5;2021\n") << ';' << true << 3;
    QTest::addRow("tab") << QByteArray("a\tb\tc\td\nx\ty\tz\tw\n") << '\t' << true << 4;
    QTest::addRow("bar") << QByteArray("a|b\n1|2\n") << '|' << true << 2;
    QTest::addRow("no header: numbers on the first row")
        << QByteArray("Big Fund,2019,100\nOther,2020,200\n") << ',' << false << 3;
    QTest::addRow("header over numbers")
        << QByteArray("Name,Year\nBig Fund,2019\nOther,2020\n") << ',' << true << 2;
}

void TestCsvSniffer::delimiterAndHeader()
{
    QFETCH(QByteArray, content);
    QFETCH(char, delimiter);
    QFETCH(bool, header);
    QFETCH(int, fields);
    const CsvSniffer::Result r = CsvSniffer::sniff(write(content));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.delimiter, delimiter);
    QCOMPARE(r.hasHeader, header);
    QCOMPARE(r.encoding, QStringLiteral("UTF-8"));
    QVERIFY(!r.rows.isEmpty());
    QCOMPARE(r.rows.first().size(), fields);
}

void TestCsvSniffer::readWithAnotherFormat()
{
    const QString path = write("a;b,c\n1;2,3\n");
    const CsvSniffer::Result semicolon = CsvSniffer::read(path, QStringLiteral("UTF-8"), ';', false, 1);
    QCOMPARE(semicolon.rows.size(), 2); // previewRows data rows plus one for a header
    QCOMPARE(semicolon.rows.at(1), (QStringList { QStringLiteral("1"), QStringLiteral("2,3") }));
    const CsvSniffer::Result comma = CsvSniffer::read(path, QStringLiteral("UTF-8"), ',', true);
    QCOMPARE(comma.rows.first(), (QStringList { QStringLiteral("a;b"), QStringLiteral("c") }));
}

void TestCsvSniffer::missingFile()
{
    const CsvSniffer::Result r = CsvSniffer::sniff(m_dir.filePath(QStringLiteral("missing.csv")));
    QVERIFY(r.error.contains(QStringLiteral("missing.csv")));
    QVERIFY(r.rows.isEmpty());
}

QTEST_GUILESS_MAIN(TestCsvSniffer)
#include "tst_csvsniffer.moc"
