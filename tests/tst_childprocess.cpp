#include "ChildProcess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

class TestChildProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void reportsTheExitCode();
    void feedsStdinAndCapturesStdout();
    void passesExtraEnvironment();
    void reportsTheChildsPeakMemory();
    void missingProgramIsAnError();
    void signalIsNotSuccess();

private:
    QString readAll(const QString &path);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestChildProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestChildProcess::readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestChildProcess::reportsTheExitCode()
{
    const auto zero
        = ChildProcess::run(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), QStringLiteral("exit 0") });
    QVERIFY(zero.started);
    QVERIFY(zero.ok());
    const auto three
        = ChildProcess::run(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), QStringLiteral("exit 3") });
    QVERIFY(three.started);
    QCOMPARE(three.exitCode, 3);
    QVERIFY(!three.ok());
}

void TestChildProcess::feedsStdinAndCapturesStdout()
{
    const QString in = m_dir->filePath(QStringLiteral("in.txt"));
    const QString out = m_dir->filePath(QStringLiteral("out.txt"));
    const QString err = m_dir->filePath(QStringLiteral("err.txt"));
    QFile file(in);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("line one\nline two\n");
    file.close();
    const auto outcome = ChildProcess::run(QStringLiteral("/bin/sh"),
        { QStringLiteral("-c"), QStringLiteral("tr a-z A-Z; echo oops >&2") }, in, out, err);
    QVERIFY(outcome.ok());
    QCOMPARE(readAll(out), QStringLiteral("LINE ONE\nLINE TWO\n"));
    QCOMPARE(readAll(err), QStringLiteral("oops\n"));
}

void TestChildProcess::passesExtraEnvironment()
{
    const QString out = m_dir->filePath(QStringLiteral("out.txt"));
    const auto outcome = ChildProcess::run(QStringLiteral("/bin/sh"),
        { QStringLiteral("-c"), QStringLiteral("echo $BENCH_X") }, QString(), out, QString(),
        { QStringLiteral("BENCH_X=from the runner") });
    QVERIFY(outcome.ok());
    QCOMPARE(readAll(out), QStringLiteral("from the runner\n"));
}

void TestChildProcess::reportsTheChildsPeakMemory()
{
    // The shell holds a 50 MB string: the child's peak, not this process's.
    const auto outcome = ChildProcess::run(QStringLiteral("/bin/sh"),
        { QStringLiteral("-c"), QStringLiteral("x=$(head -c 50000000 /dev/zero | tr '\\0' a); echo ${#x}") });
    QVERIFY(outcome.ok());
    QVERIFY2(outcome.peakRssKb > 40 * 1024, qPrintable(QString::number(outcome.peakRssKb)));
    QVERIFY(outcome.wallMs > 0);
    QVERIFY(outcome.userMs + outcome.systemMs > 0);
}

void TestChildProcess::missingProgramIsAnError()
{
    const auto outcome = ChildProcess::run(m_dir->filePath(QStringLiteral("no-such-program")), {});
    QVERIFY(!outcome.started);
    QVERIFY(!outcome.ok());
    QVERIFY(outcome.error.contains(QStringLiteral("no-such-program")));
}

void TestChildProcess::signalIsNotSuccess()
{
    const auto outcome = ChildProcess::run(
        QStringLiteral("/bin/sh"), { QStringLiteral("-c"), QStringLiteral("kill -9 $$") });
    QVERIFY(outcome.started);
    QCOMPARE(outcome.exitCode, -1);
    QVERIFY(!outcome.ok());
    QVERIFY(outcome.error.contains(QStringLiteral("signal 9")));
}

QTEST_GUILESS_MAIN(TestChildProcess)
#include "tst_childprocess.moc"
