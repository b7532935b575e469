#include "AnalyticsService.h"
#include "BrowseTestData.h"
#include "Database.h"
#include "MainWindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QWizard>

// A string outside tr() cannot be translated. Under a generated catalogue that marks every text it
// translates (⟦…⟧), the window, each page and each dialog are opened, and every visible text that
// is not data must carry the mark: a label, button, tab, menu, tooltip, placeholder, header, group
// title, chart title or window title without it is named in the failure. Data is what the database
// holds (names, codes), numbers, amounts and dates.

namespace {

const QString Open = QStringLiteral("⟦");

class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        if (!sourceText || !*sourceText)
            return {};
        return Open + QString::fromUtf8(sourceText) + QStringLiteral("⟧");
    }
};

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

} // namespace

class TestPseudoTranslation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyPageIsTranslated_data();
    void everyPageIsTranslated();
    void theMenusAreTranslated();
    void everyDialogIsTranslated_data();
    void everyDialogIsTranslated();

private:
    void readData();
    bool isData(QString text) const;
    void check(const QString &where, const QString &text, QStringList *failures) const;
    void checkWidget(QWidget *root, QStringList *failures) const;
    void checkMenu(QMenu *menu, const QString &path, QStringList *failures) const;

    QTemporaryDir m_dir;
    Database m_db;
    std::unique_ptr<MarkingTranslator> m_translator;
    std::unique_ptr<MainWindow> m_window;
    QSet<QString> m_data;
    mutable int m_checked = 0; ///< texts looked at: a check that saw none proves nothing
};

void TestPseudoTranslation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_pseudotranslation"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(BrowseTestData::openSample(m_db, m_dir.filePath(QStringLiteral("sample.db")), &error), qPrintable(error));
    readData();

    m_translator = std::make_unique<MarkingTranslator>();
    QCoreApplication::installTranslator(m_translator.get());
    m_window = std::make_unique<MainWindow>(m_db);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->analytics().waitForLoad();
    QTRY_VERIFY(!m_window->followUpPending());
}

void TestPseudoTranslation::cleanupTestCase()
{
    m_window.reset();
    QCoreApplication::removeTranslator(m_translator.get());
}

void TestPseudoTranslation::readData()
{
    // Every name the database holds, in both languages, and the codes and words stored with it.
    const QStringList queries {
        QStringLiteral("SELECT name, name_zh, source_url FROM funds"),
        QStringLiteral("SELECT label, source_url, capital_basis FROM phases"),
        QStringLiteral("SELECT name, name_zh, ticker, source_url FROM investees"),
        QStringLiteral("SELECT name, name_zh FROM sectors"),
        QStringLiteral("SELECT name, name_zh FROM segments"),
        QStringLiteral("SELECT name, name_zh, code FROM regions"),
        QStringLiteral("SELECT code, name FROM currencies"),
        QStringLiteral("SELECT source_url, notes FROM disbursements"),
    };
    for (const QString &sql : queries) {
        QSqlQuery query(m_db.connection());
        QVERIFY2(query.exec(sql), qPrintable(sql));
        while (query.next()) {
            for (int i = 0; i < query.record().count(); ++i) {
                const QString value = query.value(i).toString().trimmed();
                if (!value.isEmpty())
                    m_data.insert(value);
            }
        }
    }
    QVERIFY2(m_data.size() > 50, "the sample's names were not read");
    m_data.insert(QStringLiteral("sample.db"));
    m_data.insert(m_db.path());
}

bool TestPseudoTranslation::isData(QString text) const
{
    text = plain(text);
    // Names first, longest first, so a name containing another goes whole.
    QList<QString> names(m_data.cbegin(), m_data.cend());
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &name : std::as_const(names)) {
        if (text.contains(name))
            text.replace(name, QStringLiteral(" "));
    }
    // Currency codes, the unit suffixes of amounts, dates, numbers, the language names that are
    // meant to stay in their own language, the product's name and keyboard shortcuts.
    static const QRegularExpression dataTokens(QStringLiteral(
            "\\S*/\\S*|\\b(CNY|USD|EUR|HKD|JPY|GBP|bn|m|k|English|Fundscope|Ctrl|Shift|Alt|F\\d+)\\b|[0-9]"));
    text.remove(dataTokens);
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    return !word.match(text).hasMatch();
}

void TestPseudoTranslation::check(const QString &where, const QString &text, QStringList *failures) const
{
    if (text.trimmed().isEmpty())
        return;
    ++m_checked;
    if (text.contains(Open) || isData(text))
        return;
    failures->append(QStringLiteral("%1: \"%2\"").arg(where, plain(text).left(100)));
}

void TestPseudoTranslation::checkWidget(QWidget *root, QStringList *failures) const
{
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible())
            continue;
        const QString where = QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()),
                                                          w->objectName().isEmpty() ? QStringLiteral("(unnamed)") : w->objectName());
        if (w->isWindow())
            check(where + QStringLiteral(" window title"), w->windowTitle(), failures);
        check(where + QStringLiteral(" tooltip"), w->toolTip(), failures);
        if (auto *label = qobject_cast<QLabel *>(w))
            check(where, label->text(), failures);
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            check(where, button->text(), failures);
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            check(where, group->title(), failures);
        else if (auto *edit = qobject_cast<QLineEdit *>(w))
            check(where + QStringLiteral(" placeholder"), edit->placeholderText(), failures);
        else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                check(where + QStringLiteral(" tab"), tabs->tabText(i), failures);
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                check(where + QStringLiteral(" item"), combo->itemText(i), failures);
        } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
            if (QAbstractItemModel *model = header->model()) {
                const int sections = header->orientation() == Qt::Horizontal ? model->columnCount() : 0;
                for (int i = 0; i < sections; ++i) {
                    if (!header->isSectionHidden(i))
                        check(where + QStringLiteral(" header"), model->headerData(i, Qt::Horizontal).toString(), failures);
                }
            }
        } else if (auto *chartView = qobject_cast<QChartView *>(w)) {
            if (QChart *chart = chartView->chart()) {
                check(where + QStringLiteral(" chart title"), chart->title(), failures);
                for (QAbstractAxis *axis : chart->axes())
                    check(where + QStringLiteral(" axis title"), axis->titleText(), failures);
            }
        } else if (auto *wizard = qobject_cast<QWizard *>(w)) {
            if (QWizardPage *page = wizard->currentPage()) {
                check(where + QStringLiteral(" page title"), page->title(), failures);
                check(where + QStringLiteral(" page subtitle"), page->subTitle(), failures);
            }
        }
    }
}

void TestPseudoTranslation::checkMenu(QMenu *menu, const QString &path, QStringList *failures) const
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QString where = path + QStringLiteral(" › ") + plain(action->text()).left(40);
        // Open recent lists file names: data.
        if (action->data().toString().endsWith(QLatin1String(".db")))
            continue;
        check(QStringLiteral("menu ") + path, action->text(), failures);
        if (!action->toolTip().isEmpty() && action->toolTip() != QString(action->text()).remove(QLatin1Char('&')))
            check(QStringLiteral("menu tooltip ") + where, action->toolTip(), failures);
        if (QMenu *sub = action->menu())
            checkMenu(sub, where, failures);
    }
}

void TestPseudoTranslation::everyPageIsTranslated_data()
{
    QTest::addColumn<int>("page");
    auto *pages = m_window->findChild<QTabWidget *>(QStringLiteral("pages"));
    QVERIFY(pages);
    for (int i = 0; i < pages->count(); ++i)
        QTest::addRow("%s%d", pages->widget(i)->metaObject()->className(), i) << i;
}

void TestPseudoTranslation::everyPageIsTranslated()
{
    QFETCH(int, page);
    auto *pages = m_window->findChild<QTabWidget *>(QStringLiteral("pages"));
    pages->setCurrentIndex(page);
    QTRY_VERIFY(!m_window->followUpPending());
    QTest::qWait(50);
    // Pick the first row, so the detail pane shows a record too.
    if (auto *view = pages->currentWidget()->findChild<QTableView *>(); view && view->model() && view->model()->rowCount())
        view->setCurrentIndex(view->model()->index(0, 0));
    QStringList failures;
    m_checked = 0;
    checkWidget(m_window.get(), &failures);
    QVERIFY2(m_checked > 20, qPrintable(QStringLiteral("only %1 texts found").arg(m_checked)));
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("texts outside tr():\n  ") + failures.join(QLatin1String("\n  "))));
}

void TestPseudoTranslation::theMenusAreTranslated()
{
    QStringList failures;
    for (QAction *action : m_window->menuBar()->actions()) {
        check(QStringLiteral("menu bar"), action->text(), &failures);
        if (QMenu *menu = action->menu())
            checkMenu(menu, plain(action->text()), &failures);
    }
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("texts outside tr():\n  ") + failures.join(QLatin1String("\n  "))));
}

void TestPseudoTranslation::everyDialogIsTranslated_data()
{
    QTest::addColumn<QString>("action");
    // The window's actions that open a dialog, by object name.
    for (const char *name : { "newFundAction", "newPhaseAction", "newInvesteeAction", "newDisbursementAction", "exchangeRatesAction",
                              "importCsv", "exportChart", "exportTable", "exportReport" })
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestPseudoTranslation::everyDialogIsTranslated()
{
    QFETCH(QString, action);
    QAction *trigger = m_window->findChild<QAction *>(action);
    QVERIFY2(trigger, qPrintable(QStringLiteral("no action named ") + action));
    auto *pages = m_window->findChild<QTabWidget *>(QStringLiteral("pages"));
    pages->setCurrentIndex(0);
    QTRY_VERIFY(!m_window->followUpPending());

    // A dialog run with exec() blocks the trigger, so it is looked at from inside its own loop.
    QStringList failures;
    m_checked = 0;
    bool seen = false;
    QTimer inspect;
    inspect.setInterval(100);
    connect(&inspect, &QTimer::timeout, this, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog) {
            const QWidgetList windows = QApplication::topLevelWidgets();
            for (QWidget *w : windows) {
                if (w != m_window.get() && w->isVisible() && qobject_cast<QDialog *>(w))
                    dialog = w;
            }
        }
        if (!dialog || seen)
            return;
        seen = true;
        checkWidget(dialog, &failures);
        if (auto *wizard = qobject_cast<QWizard *>(dialog))
            wizard->reject();
        else if (auto *d = qobject_cast<QDialog *>(dialog))
            d->reject();
        else
            dialog->close();
    });
    inspect.start();
    trigger->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(seen, 10000);
    inspect.stop();
    QVERIFY2(m_checked > 3, qPrintable(QStringLiteral("only %1 texts found").arg(m_checked)));
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("texts outside tr():\n  ") + failures.join(QLatin1String("\n  "))));
}

QTEST_MAIN(TestPseudoTranslation)
#include "tst_pseudotranslation.moc"
