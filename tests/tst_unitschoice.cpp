#include "Format.h"
#include "UnitsChoice.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// The one Units choice: its five values and their words, the default (billions in English, 亿 in
// Chinese), kept in settings across instances, one signal per change, the Dashboard's old switch
// carried over; and the way Format writes amounts in each unit (exact for stored minor units).

class TestUnitsChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void fiveChoicesWithTheirWords();
    void defaultFollowsTheLanguage();
    void persistedAndSignalledOncePerChange();
    void theDashboardsOldSwitchIsCarriedOver();
    void scaledMinorIsExact_data();
    void scaledMinorIsExact();
    void scaledMoney_data();
    void scaledMoney();
    void unitLabels();
};

void TestUnitsChoice::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_unitschoice"));
}

void TestUnitsChoice::init()
{
    QSettings().clear();
}

void TestUnitsChoice::fiveChoicesWithTheirWords()
{
    const QList<Units> all = Units::all();
    QCOMPARE(all.size(), 5);
    QCOMPARE(all, (QList<Units> { Units::Full, Units::Millions, Units::Billions, Units::Yi, Units::Wan }));
    QStringList keys;
    QStringList titles;
    for (const Units units : all) {
        QCOMPARE(Units::fromKey(units.key()), std::optional<Units>(units));
        keys.append(units.key());
        titles.append(units.title());
    }
    QCOMPARE(keys, (QStringList { QStringLiteral("full"), QStringLiteral("millions"), QStringLiteral("billions"),
                        QStringLiteral("yi"), QStringLiteral("wan") }));
    QCOMPARE(titles.size(), QSet<QString>(titles.cbegin(), titles.cend()).size());
    QVERIFY(!Units::fromKey(QStringLiteral("thousands")));
    QVERIFY(!Units::fromKey(QString()));
    QCOMPARE((QList<int> { 0, 6, 9, 8, 4 }),
        (QList<int> { all.at(0).power(), all.at(1).power(), all.at(2).power(), all.at(3).power(),
            all.at(4).power() }));
    QVERIFY(Units(Units::Yi).isChinese() && Units(Units::Wan).isChinese());
    QVERIFY(!Units(Units::Billions).isChinese() && !Units(Units::Full).isChinese());
}

void TestUnitsChoice::defaultFollowsTheLanguage()
{
    QCOMPARE(Units::defaultFor(QLocale(QLocale::English, QLocale::UnitedStates)), Units(Units::Billions));
    QCOMPARE(Units::defaultFor(QLocale(QLocale::English, QLocale::UnitedKingdom)), Units(Units::Billions));
    QCOMPARE(Units::defaultFor(QLocale(QLocale::Chinese, QLocale::China)), Units(Units::Yi));
    // Nothing stored: the system's language decides.
    const QLocale system = QLocale();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(UnitsChoice().units(), Units(Units::Billions));
    QLocale::setDefault(system);
}

void TestUnitsChoice::persistedAndSignalledOncePerChange()
{
    UnitsChoice choice;
    QSignalSpy changed(&choice, &UnitsChoice::changed);
    const Units start = choice.units();
    choice.setUnits(start); // no change: no signal, nothing stored
    QCOMPARE(changed.size(), 0);
    QVERIFY(!QSettings().contains(QLatin1String(UnitsChoice::SettingsKey)));

    for (const Units units : { Units::Yi, Units::Full, Units::Wan, Units::Millions }) {
        const qsizetype before = changed.size();
        choice.setUnits(units);
        choice.setUnits(units);
        QCOMPARE(changed.size(), before + 1);
        QCOMPARE(changed.last().first().value<Units>(), units);
        QCOMPARE(choice.units(), units);
        QCOMPARE(QSettings().value(QLatin1String(UnitsChoice::SettingsKey)).toString(), units.key());
        // Another window, or the next start, opens with it.
        QCOMPARE(UnitsChoice().units(), units);
        QCOMPARE(UnitsChoice::stored(), units);
    }
}

void TestUnitsChoice::theDashboardsOldSwitchIsCarriedOver()
{
    QSettings().setValue(QStringLiteral("dashboard/chineseUnits"), true);
    QCOMPARE(UnitsChoice::stored(), Units(Units::Yi));
    QSettings().setValue(QStringLiteral("dashboard/chineseUnits"), false);
    QCOMPARE(UnitsChoice::stored(), Units(Units::Billions));
    // Once chosen, the one choice wins; a word it does not know falls back as if nothing were kept.
    QSettings().setValue(QLatin1String(UnitsChoice::SettingsKey), QStringLiteral("wan"));
    QCOMPARE(UnitsChoice::stored(), Units(Units::Wan));
    QSettings().setValue(QLatin1String(UnitsChoice::SettingsKey), QStringLiteral("gazillions"));
    QCOMPARE(UnitsChoice::stored(), Units(Units::Billions));
}

void TestUnitsChoice::scaledMinorIsExact_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<int>("digits");
    QTest::addColumn<Units>("units");
    QTest::addColumn<QString>("text");
    const qint64 smic = 258000000000; // HKD 2,580,000,000.00
    QTest::addRow("full") << smic << 2 << Units(Units::Full) << QStringLiteral("2,580,000,000.00");
    QTest::addRow("millions") << smic << 2 << Units(Units::Millions) << QStringLiteral("2,580.00");
    QTest::addRow("billions") << smic << 2 << Units(Units::Billions) << QStringLiteral("2.58");
    QTest::addRow("yi") << smic << 2 << Units(Units::Yi) << QStringLiteral("25.80");
    QTest::addRow("wan") << smic << 2 << Units(Units::Wan) << QStringLiteral("258,000.00");
    // Half a hundredth of the unit rounds away from zero; just below it rounds down.
    QTest::addRow("half up") << qint64(500000000) << 2 << Units(Units::Billions) << QStringLiteral("0.01");
    QTest::addRow("below half") << qint64(499999999) << 2 << Units(Units::Billions) << QStringLiteral("0.00");
    QTest::addRow("negative") << qint64(-125000000000) << 2 << Units(Units::Yi) << QStringLiteral("-12.50");
    QTest::addRow("negative to zero") << qint64(-1) << 2 << Units(Units::Yi) << QStringLiteral("0.00");
    QTest::addRow("no minor digits") << qint64(1500000) << 0 << Units(Units::Wan) << QStringLiteral("150.00");
    QTest::addRow("no minor digits full") << qint64(1500000) << 0 << Units(Units::Full) << QStringLiteral("1,500,000");
    QTest::addRow("four digits") << qint64(123456789) << 4 << Units(Units::Wan) << QStringLiteral("1.23");
    // Beyond a double's 53 bits, still exact.
    QTest::addRow("huge") << qint64(9007199254740993) << 2 << Units(Units::Wan)
                          << QStringLiteral("9,007,199,254.74");
}

void TestUnitsChoice::scaledMinorIsExact()
{
    QFETCH(qint64, minor);
    QFETCH(int, digits);
    QFETCH(Units, units);
    QFETCH(QString, text);
    QCOMPARE(Format::scaledMinor(minor, digits, units), text);
}

void TestUnitsChoice::scaledMoney_data()
{
    QTest::addColumn<double>("major");
    QTest::addColumn<Units>("units");
    QTest::addColumn<QString>("text");
    QTest::addRow("full") << 1166000000.0 << Units(Units::Full) << QStringLiteral("1,166,000,000.00");
    QTest::addRow("millions") << 1166000000.0 << Units(Units::Millions) << QStringLiteral("1,166.00");
    QTest::addRow("billions") << 1166000000.0 << Units(Units::Billions) << QStringLiteral("1.17");
    QTest::addRow("yi") << 1166000000.0 << Units(Units::Yi) << QStringLiteral("11.66");
    QTest::addRow("wan") << 1166000000.0 << Units(Units::Wan) << QStringLiteral("116,600.00");
    QTest::addRow("small in billions") << 1234.5 << Units(Units::Billions) << QStringLiteral("0.00");
    QTest::addRow("negative") << -289000000000.0 << Units(Units::Billions) << QStringLiteral("-289.00");
}

void TestUnitsChoice::scaledMoney()
{
    QFETCH(double, major);
    QFETCH(Units, units);
    QFETCH(QString, text);
    QCOMPARE(Format::scaledMoney(major, units), text);
}

void TestUnitsChoice::unitLabels()
{
    QCOMPARE(Format::unitLabel(QStringLiteral("CNY"), Units::Full), QStringLiteral("CNY"));
    QCOMPARE(Format::unitLabel(QStringLiteral("CNY"), Units::Millions), QStringLiteral("CNY m"));
    QCOMPARE(Format::unitLabel(QStringLiteral("USD"), Units::Billions), QStringLiteral("USD bn"));
    QCOMPARE(Format::unitLabel(QStringLiteral("CNY"), Units::Yi), QStringLiteral("CNY 亿"));
    QCOMPARE(Format::unitLabel(QStringLiteral("CNY"), Units::Wan), QStringLiteral("CNY 万"));
    QCOMPARE(Format::unitLabel(QString(), Units::Billions), QStringLiteral("bn"));
    QCOMPARE(Format::unitLabel(QString(), Units::Full), QString());
}

QTEST_GUILESS_MAIN(TestUnitsChoice)
#include "tst_unitschoice.moc"
