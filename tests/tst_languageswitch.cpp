#include "AnalyticsService.h"
#include "BrowseTestData.h"
#include "ChartBuilder.h"
#include "DashboardChartView.h"
#include "DashboardPage.h"
#include "FundTreeModel.h"
#include "Database.h"
#include "InterfaceLanguage.h"
#include "MainWindow.h"
#include "UnitsChoice.h"
#include "Workspace.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

// The window switches between English and 简体中文 while it runs, with the real catalogue: the
// menus, the page titles, the chart titles and the filter bar change at once, the units follow
// the language unless the user chose some, and switching back gives the English texts again.

namespace {

struct Texts
{
    QStringList menus;
    QStringList pages;
    QStringList charts;
    QString search;

    QStringList all() const { return menus + pages + charts + QStringList { search }; }
};

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(text).hasMatch();
}

void deliverLanguageChange()
{
    // Installing a catalogue posts LanguageChange to every window, which passes it to its children.
    for (int round = 0; round < 3; ++round)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCoreApplication::processEvents();
}

} // namespace

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void switchesLiveAndBack();
    void unitsFollowTheLanguageUnlessChosen();

private:
    Texts texts() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MainWindow> m_window;
};

void TestLanguageSwitch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_languageswitch"));
    QVERIFY(m_dir.isValid());
}

void TestLanguageSwitch::init()
{
    QSettings().clear();
    QVERIFY(InterfaceLanguage::apply(InterfaceLanguage::Choice::English));
    m_db = std::make_unique<Database>();
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("sample.db"));
    QFile::remove(path);
    QVERIFY2(BrowseTestData::openSample(*m_db, path, &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(*m_db);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->analytics().waitForLoad();
    QTRY_VERIFY(!m_window->followUpPending());
    QTRY_VERIFY(!m_window->dashboardPage()->chartView(ChartBuilder::Kind::Sector)->chart()->title().isEmpty());
}

void TestLanguageSwitch::cleanup()
{
    m_window.reset();
    m_db.reset();
    InterfaceLanguage::apply(InterfaceLanguage::Choice::English);
}

Texts TestLanguageSwitch::texts() const
{
    Texts t;
    for (QAction *action : m_window->menuBar()->actions())
        t.menus.append(action->text());
    const QTabWidget *pages = m_window->pages();
    for (int i = 0; i < pages->count(); ++i)
        t.pages.append(pages->tabText(i));
    for (const auto kind : { ChartBuilder::Kind::Sector, ChartBuilder::Kind::Region, ChartBuilder::Kind::Phase,
                             ChartBuilder::Kind::Year, ChartBuilder::Kind::TopInvestees })
        t.charts.append(m_window->dashboardPage()->chartView(kind)->chart()->title());
    t.search = m_window->findChild<QLineEdit *>(QStringLiteral("filterText"))->placeholderText();
    return t;
}

void TestLanguageSwitch::switchesLiveAndBack()
{
    const Texts english = texts();
    for (const QString &text : english.all())
        QVERIFY2(!text.isEmpty() && !hasChinese(text.section(QLatin1Char('('), 0, 0)), qPrintable(text));

    QVERIFY(InterfaceLanguage::apply(InterfaceLanguage::Choice::Chinese));
    deliverLanguageChange();
    QTRY_VERIFY(!m_window->followUpPending());
    const Texts chinese = texts();
    QCOMPARE(chinese.menus.size(), english.menus.size());
    const QStringList before = english.all();
    const QStringList after = chinese.all();
    for (int i = 0; i < before.size(); ++i) {
        QVERIFY2(after.at(i) != before.at(i), qPrintable(QStringLiteral("unchanged: ") + before.at(i)));
        QVERIFY2(hasChinese(after.at(i)), qPrintable(QStringLiteral("not Chinese: ") + after.at(i)));
    }

    QVERIFY(InterfaceLanguage::apply(InterfaceLanguage::Choice::English));
    deliverLanguageChange();
    QTRY_VERIFY(!m_window->followUpPending());
    QCOMPARE(texts().all(), before);
}

void TestLanguageSwitch::unitsFollowTheLanguageUnlessChosen()
{
    UnitsChoice &units = m_window->workspace().units();
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("unitsCombo"));
    QVERIFY(combo);
    QCOMPARE(units.units(), Units(Units::Billions));

    InterfaceLanguage::apply(InterfaceLanguage::Choice::Chinese);
    deliverLanguageChange();
    QCOMPARE(units.units(), Units(Units::Yi));
    QVERIFY2(combo->currentText().contains(QStringLiteral("亿")), qPrintable(combo->currentText()));
    // The navigator too: its largest fund in 亿, under its Chinese name first.
    const FundTreeModel &tree = m_window->workspace().fundTree();
    int biggest = 0;
    for (int row = 1; row < tree.rowCount(); ++row) {
        if (tree.index(row, FundTreeModel::Invested).data(FundTreeModel::SortRole).toDouble()
            > tree.index(biggest, FundTreeModel::Invested).data(FundTreeModel::SortRole).toDouble())
            biggest = row;
    }
    const QString amount = tree.index(biggest, FundTreeModel::Invested).data().toString();
    const QString name = tree.index(biggest, FundTreeModel::Name).data().toString();
    QVERIFY2(amount.endsWith(QStringLiteral("亿")), qPrintable(amount));
    QVERIFY2(hasChinese(name.left(1)), qPrintable(name));

    // A choice of the user's stays whatever the language.
    units.setUnits(Units::Millions);
    InterfaceLanguage::apply(InterfaceLanguage::Choice::English);
    deliverLanguageChange();
    QCOMPARE(units.units(), Units(Units::Millions));
}

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
