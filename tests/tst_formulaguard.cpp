#include "FormulaGuard.h"

#include <QTest>

// The formula-injection rule shared by every export: which text gets the apostrophe, and that
// unguard() gives back exactly what guard() was given, whatever the text.

class TestFormulaGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void needsPrefix_data();
    void needsPrefix();
    void roundTrip_data();
    void roundTrip();
};

void TestFormulaGuard::needsPrefix_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("needs");
    QTest::addRow("equals") << QByteArray("=1+1") << true;
    QTest::addRow("plus") << QByteArray("+86 10 1234") << true;
    QTest::addRow("minus") << QByteArray("-2+3") << true;
    QTest::addRow("at") << QByteArray("@SUM(A1)") << true;
    QTest::addRow("tab") << QByteArray("\t=1") << true;
    QTest::addRow("carriage return") << QByteArray("\r=1") << true;
    QTest::addRow("already prefixed") << QByteArray("'=1") << true;
    QTest::addRow("two apostrophes") << QByteArray("''-1") << true;
    QTest::addRow("plain") << QByteArray("Big Fund") << false;
    QTest::addRow("inside") << QByteArray("a = b") << false;
    QTest::addRow("apostrophe text") << QByteArray("'s-Hertogenbosch") << false;
    QTest::addRow("only apostrophes") << QByteArray("''") << false;
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("chinese") << QByteArray("国家集成电路产业投资基金") << false;
}

void TestFormulaGuard::needsPrefix()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, needs);
    QCOMPARE(FormulaGuard::needsPrefix(text), needs);
    const QByteArray guarded = FormulaGuard::guard(text);
    QCOMPARE(guarded, needs ? QByteArray("'") + text : text);
    // What a spreadsheet sees first is never a formula trigger.
    if (!guarded.isEmpty())
        QVERIFY(!QByteArray("=+-@\t\r").contains(guarded.front()));
}

void TestFormulaGuard::roundTrip_data()
{
    needsPrefix_data();
}

void TestFormulaGuard::roundTrip()
{
    QFETCH(QByteArray, text);
    QCOMPARE(FormulaGuard::unguard(FormulaGuard::guard(text)).toByteArray(), text);
    // Text that was never guarded passes an importer unchanged unless it looks guarded.
    if (!FormulaGuard::needsPrefix(text.mid(text.startsWith('\'') ? 1 : 0)) || !text.startsWith('\''))
        QCOMPARE(FormulaGuard::unguard(text).toByteArray(), text);
}

QTEST_APPLESS_MAIN(TestFormulaGuard)
#include "tst_formulaguard.moc"
