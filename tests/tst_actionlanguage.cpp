#include "DetailPane.h"
#include "DisbursementTableModel.h"
#include "DisbursementsPage.h"
#include "EditActions.h"
#include "EditSession.h"
#include "EditTestData.h"
#include "ExchangeRatesDialog.h"
#include "MainWindow.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>
#include <QUndoStack>

using namespace EditTestData;

namespace {

/// Every text it is asked for comes back marked, "‹source›": a text that shows the mark was
/// translated after the catalogue came, one without it was set before and left as it was.
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
        int n) const override
    {
        Q_UNUSED(context);
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        return QStringLiteral("‹") + QString::fromUtf8(sourceText) + QStringLiteral("›");
    }
};

bool marked(const QString &text)
{
    return text.startsWith(QStringLiteral("‹")) && text.endsWith(QStringLiteral("›"));
}

/// Lets the LanguageChange that installing or removing a catalogue causes reach every widget:
/// the application posts it on to each window, which hands it to its children.
void deliverLanguageChange()
{
    for (int round = 0; round < 3; ++round)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

} // namespace

/// The menu actions that EditActions, ImportActions and ExportActions add to the window's menus,
/// and the exchange-rates dialog that can stay open, change language with the interface, without
/// a restart, and go back when the catalogue is removed.
class TestActionLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void actionsFollowTheLanguage();
    void undoNamesTheStepInTheNewLanguage();
    void openExchangeRatesDialogFollowsTheLanguage();
    void detailPaneHistoryFollowsTheLanguage();

private:
    /// Each action and window text that must follow the language, by a name for messages.
    QList<std::pair<QString, QString>> texts() const;

    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    MainWindow *m_window = nullptr;
    MarkingTranslator m_translator;
};

void TestActionLanguage::init()
{
    QSettings().clear();
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_window = new MainWindow(m_db);
    QVERIFY(m_window->editActions());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestActionLanguage::cleanup()
{
    QCoreApplication::removeTranslator(&m_translator);
    delete m_window;
    m_window = nullptr;
    m_db.close();
    delete m_dir;
}

QList<std::pair<QString, QString>> TestActionLanguage::texts() const
{
    QList<std::pair<QString, QString>> list;
    EditActions *edit = m_window->editActions();
    const auto add = [&list](const QString &name, const QAction *action) {
        list.append({ name, action ? action->text() : QStringLiteral("(no such action)") });
    };
    add(QStringLiteral("undo"), edit->undoAction());
    add(QStringLiteral("redo"), edit->redoAction());
    add(QStringLiteral("new (page)"), edit->newAction());
    add(QStringLiteral("new fund"), edit->newKindAction(RecordKind::Fund));
    add(QStringLiteral("new phase"), edit->newKindAction(RecordKind::Phase));
    add(QStringLiteral("new investee"), edit->newKindAction(RecordKind::Investee));
    add(QStringLiteral("new disbursement"), edit->newKindAction(RecordKind::Disbursement));
    add(QStringLiteral("edit record"), edit->editAction());
    add(QStringLiteral("delete records"), edit->deleteAction());
    add(QStringLiteral("exchange rates"), edit->exchangeRatesAction());
    add(QStringLiteral("history of selection"), edit->historyOfSelectionAction());
    add(QStringLiteral("undo history"), edit->undoHistoryAction());
    list.append({ QStringLiteral("undo dock"), edit->undoDock()->windowTitle() });
    list.append({ QStringLiteral("edit toolbar"), edit->toolBar()->windowTitle() });
    const auto *data = m_window->findChild<QMenu *>(QStringLiteral("dataMenu"));
    list.append({ QStringLiteral("data menu"), data ? data->title() : QStringLiteral("(no data menu)") });
    for (const char *name :
        { "importCsv", "exportChart", "exportTable", "exportReport", "printReport", "copyChart" }) {
        const QString objectName = QString::fromLatin1(name);
        add(objectName, m_window->findChild<QAction *>(objectName));
    }
    return list;
}

void TestActionLanguage::actionsFollowTheLanguage()
{
    const QList<std::pair<QString, QString>> english = texts();
    for (const auto &[name, text] : english)
        QVERIFY2(!text.isEmpty() && !marked(text), qPrintable(name + QStringLiteral(": ") + text));
    const QString importTip = m_window->findChild<QAction *>(QStringLiteral("importCsv"))->statusTip();

    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    deliverLanguageChange();
    for (const auto &[name, text] : texts())
        QVERIFY2(marked(text), qPrintable(name + QStringLiteral(" not translated again: ") + text));
    QVERIFY(marked(m_window->findChild<QAction *>(QStringLiteral("importCsv"))->statusTip()));

    // Away with the catalogue: every text is English again, as it was.
    QVERIFY(QCoreApplication::removeTranslator(&m_translator));
    deliverLanguageChange();
    QCOMPARE(texts(), english);
    QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("importCsv"))->statusTip(), importTip);
}

void TestActionLanguage::undoNamesTheStepInTheNewLanguage()
{
    EditActions *edit = m_window->editActions();
    QVERIFY(edit->session()->setField(
        RecordKind::Disbursement, 1, { { QStringLiteral("notes"), QStringLiteral("n") } }));
    const QString step = edit->session()->undoStack()->undoText();
    QCOMPARE(edit->undoAction()->text(), QStringLiteral("&Undo %1").arg(step));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    deliverLanguageChange();
    // The language's own sentence around the step's name.
    QCOMPARE(edit->undoAction()->text(), QStringLiteral("‹&Undo %1›").arg(step));
    edit->session()->undoStack()->undo();
    QCOMPARE(edit->undoAction()->text(), QStringLiteral("‹&Undo›"));
    QCOMPARE(edit->redoAction()->text(), QStringLiteral("‹&Redo %1›").arg(step));
}

void TestActionLanguage::openExchangeRatesDialogFollowsTheLanguage()
{
    // Not modal: it can be open while View → Language is used.
    ExchangeRatesDialog *dialog = m_window->editActions()->openExchangeRates();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!dialog->isModal());
    const QString title = dialog->windowTitle();
    auto *set = dialog->findChild<QPushButton *>(QStringLiteral("setRate"));
    QVERIFY(set);
    const QString setText = set->text();
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    deliverLanguageChange();
    QVERIFY2(marked(dialog->windowTitle()), qPrintable(dialog->windowTitle()));
    QVERIFY2(marked(set->text()), qPrintable(set->text()));
    QVERIFY(marked(dialog->rateEdit()->placeholderText()));
    QVERIFY(QCoreApplication::removeTranslator(&m_translator));
    deliverLanguageChange();
    QCOMPARE(dialog->windowTitle(), title);
    QCOMPARE(set->text(), setText);
    dialog->close();
}

void TestActionLanguage::detailPaneHistoryFollowsTheLanguage()
{
    // The record's history, appended to the detail pane, comes back in the new language too.
    auto *detail = m_window->findChild<DetailPane *>();
    QVERIFY(detail);
    m_window->pages()->setCurrentWidget(m_window->disbursementsPage());
    QTableView *view = m_window->disbursementsPage()->view();
    view->setCurrentIndex(view->model()->index(0, DisbursementTableModel::Notes));
    QVERIFY(detail->toPlainText().contains(QStringLiteral("No changes recorded")));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    deliverLanguageChange();
    QTRY_VERIFY2(detail->toPlainText().contains(QStringLiteral("‹History›")), qPrintable(detail->toPlainText()));
}

QTEST_MAIN(TestActionLanguage)
#include "tst_actionlanguage.moc"
