#include "AmountEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

class TestAmountEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedAmounts_data();
    void typedAmounts();
    void undisclosedStoresNothing();
    void setAmountShowsExactText();

private:
    const QHash<QString, int> m_digits = { { QStringLiteral("CNY"), 2 }, { QStringLiteral("USD"), 2 },
        { QStringLiteral("HKD"), 2 }, { QStringLiteral("JPY"), 0 } };
};

void TestAmountEdit::typedAmounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor"); // -1: a problem
    QTest::addColumn<QString>("preview");
    QTest::addRow("yi") << QStringLiteral("12.3亿") << QStringLiteral("CNY") << qint64(123000000000)
                        << QStringLiteral("= CNY 1,230,000,000.00");
    QTest::addRow("grouped") << QStringLiteral("1,234.5") << QStringLiteral("CNY") << qint64(123450)
                             << QStringLiteral("= CNY 1,234.50");
    QTest::addRow("currency typed") << QStringLiteral("$350m") << QStringLiteral("USD") << qint64(35000000000)
                                    << QStringLiteral("= USD 350,000,000.00");
    QTest::addRow("yen") << QStringLiteral("JPY 1.5bn") << QStringLiteral("JPY") << qint64(1500000000)
                         << QStringLiteral("= JPY 1,500,000,000");
    QTest::addRow("bad") << QStringLiteral("a lot") << QStringLiteral("CNY") << qint64(-1) << QString();
}

void TestAmountEdit::typedAmounts()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);
    QFETCH(QString, preview);
    AmountEdit edit(m_digits);
    edit.currencyBox()->setCurrentText(QStringLiteral("CNY"));
    QSignalSpy changed(&edit, &AmountEdit::changed);
    QTest::keyClicks(edit.amountEdit(), QString()); // focus-free typing below
    edit.amountEdit()->setText(text);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(edit.currency(), currency);
    if (minor < 0) {
        QVERIFY(!edit.minor());
        QVERIFY(edit.problem().contains(QStringLiteral("is not an amount")));
        return;
    }
    QCOMPARE(edit.minor().value_or(-1), minor);
    QVERIFY(edit.problem().isEmpty());
    QCOMPARE(edit.findChild<QLabel *>(QStringLiteral("amountPreview"))->text(), preview);
}

void TestAmountEdit::undisclosedStoresNothing()
{
    AmountEdit edit(m_digits);
    edit.amountEdit()->setText(QStringLiteral("nonsense"));
    QVERIFY(!edit.problem().isEmpty());
    edit.undisclosedBox()->setChecked(true);
    QVERIFY(edit.isUndisclosed());
    QVERIFY(!edit.minor());
    QVERIFY(edit.problem().isEmpty());
    QVERIFY(!edit.amountEdit()->isEnabled());
    QVERIFY(!edit.currencyBox()->isEnabled());
    edit.setUndisclosedText(QStringLiteral("not known"));
    QCOMPARE(edit.undisclosedBox()->text(), QStringLiteral("not known"));
}

void TestAmountEdit::setAmountShowsExactText()
{
    AmountEdit edit(m_digits);
    edit.setAmount(qint64(116600000000), QStringLiteral("USD"));
    QCOMPARE(edit.amountEdit()->text(), QStringLiteral("1,166,000,000.00"));
    QCOMPARE(edit.currency(), QStringLiteral("USD"));
    QCOMPARE(edit.minor().value_or(-1), qint64(116600000000));
    edit.setAmount(std::nullopt, QStringLiteral("CNY"));
    QVERIFY(edit.isUndisclosed());
    // The first choices are the currencies funds report in.
    QCOMPARE(edit.currencyBox()->itemText(0), QStringLiteral("CNY"));
    QCOMPARE(edit.currencyBox()->itemText(1), QStringLiteral("USD"));
}

QTEST_MAIN(TestAmountEdit)
#include "tst_amountedit.moc"
