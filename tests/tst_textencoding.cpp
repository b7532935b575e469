#include "TextEncoding.h"
#include "TranscodingDevice.h"

#include <QFile>
#include <QIODevice>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// uchardet's verdicts as the importer reports them, and the UTF-8 view of a file.

namespace {

QByteArray convert(const QByteArray &utf8, const QString &to)
{
    QProcess iconv;
    iconv.start(
        QStringLiteral("iconv"), { QStringLiteral("-f"), QStringLiteral("UTF-8"), QStringLiteral("-t"), to });
    if (!iconv.waitForStarted())
        qFatal("iconv cannot be started");
    iconv.write(utf8);
    iconv.closeWriteChannel();
    iconv.waitForFinished();
    return iconv.readAllStandardOutput();
}

const QByteArray Chinese = "name,name_zh,kind\r\n"
                           "SMIC,中芯国际集成电路制造有限公司,company\r\n"
                           "Hua Hong,华虹半导体有限公司,company\r\n"
                           "YMTC,长江存储科技有限责任公司,company\r\n";

} // namespace

class TestTextEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detect_data();
    void detect();
    void normalized();
    void openAsUtf8();
    void unknownEncodingIsAnError();
};

void TestTextEncoding::detect_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addRow("ASCII is read as UTF-8")
        << QByteArray("name,kind\r\nSMIC,company\r\n") << QStringLiteral("UTF-8");
    QTest::addRow("UTF-8") << Chinese << QStringLiteral("UTF-8");
    QTest::addRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF" + Chinese) << QStringLiteral("UTF-8");
    QTest::addRow("GB18030") << convert(Chinese, QStringLiteral("GB18030")) << QStringLiteral("GB18030");
    QTest::addRow("GBK is reported as its superset")
        << convert(Chinese, QStringLiteral("GBK")) << QStringLiteral("GB18030");
    QTest::addRow("UTF-16 by its BOM")
        << convert(Chinese, QStringLiteral("UTF-16")) << QStringLiteral("UTF-16LE");
    QTest::addRow("empty") << QByteArray() << QStringLiteral("UTF-8");
    // uchardet alone names WINDOWS-1253 for this one: valid UTF-8 settles it.
    QTest::addRow("UTF-8, one Chinese unit among ASCII")
        << QByteArray("fund,amount,currency\r\nBig Fund,5万,CNY\r\n") << QStringLiteral("UTF-8");
    // Cut inside 万: the sample ends where the file does not.
    QTest::addRow("UTF-8 cut mid-character")
        << QByteArray("fund,amount,currency\r\nBig Fund,5\xe4\xb8") << QStringLiteral("UTF-8");
    QTest::addRow("Latin-1 stays Latin-1") << convert(
        "name,kind\r\nCafé Holdings,company\r\nSociété Générale Électronique,company\r\n",
        QStringLiteral("ISO-8859-1")) << QStringLiteral("ISO-8859-1");
}

void TestTextEncoding::detect()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QCOMPARE(TextEncoding::detect(bytes), encoding);
}

void TestTextEncoding::normalized()
{
    QCOMPARE(TextEncoding::normalized(QStringLiteral("utf8")), QStringLiteral("UTF-8"));
    QCOMPARE(TextEncoding::normalized(QStringLiteral(" gbk ")), QStringLiteral("GBK"));
    QCOMPARE(TextEncoding::normalized(QStringLiteral("big5")), QStringLiteral("BIG5"));
    QCOMPARE(TextEncoding::normalized(QStringLiteral("johab")), QStringLiteral("JOHAB")); // iconv only
    QCOMPARE(TextEncoding::normalized(QStringLiteral("klingon-8")), QString());
    QVERIFY(TextEncoding::isUtf8(QStringLiteral("ascii")));
    QVERIFY(!TextEncoding::isUtf8(QStringLiteral("GB18030")));
}

void TestTextEncoding::openAsUtf8()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gb.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(convert(Chinese, QStringLiteral("GB18030")) + "bad byte: \x81\r\n");
    file.close();
    QString error;
    QCOMPARE(TextEncoding::detectFile(path, &error), QStringLiteral("GB18030"));
    const std::unique_ptr<QIODevice> device
        = TextEncoding::openAsUtf8(path, QStringLiteral("GB18030"), &error);
    QVERIFY2(device, qPrintable(error));
    const QByteArray utf8 = device->readAll();
    QVERIFY(utf8.startsWith(Chinese));
    // The stray byte becomes the mark CsvReader reports (issue 15: no longer a silent U+FFFD), the
    // line end stays.
    QVERIFY(utf8.endsWith(QByteArray(QByteArray("bad byte: ") + TranscodingDevice::InvalidMark + "\r\n")));

    const std::unique_ptr<QIODevice> plain = TextEncoding::openAsUtf8(path, QStringLiteral("UTF-8"), &error);
    QVERIFY(plain);
    QCOMPARE(
        plain->readAll(), convert(Chinese, QStringLiteral("GB18030")) + "bad byte: \x81\r\n"); // as it is
}

void TestTextEncoding::unknownEncodingIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b\n");
    file.close();
    QString error;
    QVERIFY(!TextEncoding::openAsUtf8(path, QStringLiteral("klingon-8"), &error));
    QVERIFY2(error.contains(QStringLiteral("klingon-8")), qPrintable(error));
    QVERIFY(!TextEncoding::openAsUtf8(dir.filePath(QStringLiteral("missing.csv")), QString(), &error));
    QVERIFY(TextEncoding::detectFile(dir.filePath(QStringLiteral("missing.csv")), &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("missing.csv")));
}

QTEST_GUILESS_MAIN(TestTextEncoding)
#include "tst_textencoding.moc"
