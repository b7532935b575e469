#include "EditSession.h"
#include "EditTestData.h"
#include "FormTestSupport.h"
#include "FundForm.h"
#include "RecordPicker.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;
using namespace FormTestSupport;

namespace {
const QString BigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");
}

/// Fills the fund form with the keyboard only, submits with Enter, then undoes and redoes, and
/// checks the database and the history each time.
class TestFundForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addWithKeyboardUndoRedo();
    void inlineValidation();
    void editChangesOnlyWhatChanged();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
};

void TestFundForm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFundForm::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
}

void TestFundForm::cleanup()
{
    delete m_session;
    m_db.close();
    delete m_dir;
}

void TestFundForm::addWithKeyboardUndoRedo()
{
    const QString before = dump(m_db);
    FundForm form(*m_session, 0);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QCOMPARE(focused()->objectName(), QStringLiteral("name"));
    QVERIFY(!form.okButton()->isEnabled()); // no name yet

    type(QStringLiteral("Anhui Semiconductor Guidance Fund"));
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("nameZh"));
    type(QStringLiteral("安徽省半导体产业引导基金"));
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("kind"));
    type(QStringLiteral("pl")); // keyboard search: platform
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("level"));
    type(QStringLiteral("p")); // provincial
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("country")); // China preselected
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("province"));
    type(QStringLiteral("Anhui"));
    tab(2);
    QCOMPARE(focused()->objectName(), QStringLiteral("parentFund"));
    type(BigFund);
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("manager"));
    type(QStringLiteral("Anhui Investment Group"));
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("source"));
    type(QStringLiteral("https://example.org/anhui-fund"));
    QVERIFY2(form.issues().isEmpty(), qPrintable(form.issues().value(0).toString()));
    QVERIFY(form.okButton()->isEnabled());
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));

    const qint64 id = form.recordId();
    QVERIFY(id > 0);
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT f.name, f.name_zh, f.kind, f.level, pr.name, pa.name, f.manager, f.source_url "
                       "FROM funds f LEFT JOIN regions pr ON pr.id = f.province_id "
                       "LEFT JOIN funds pa ON pa.id = f.parent_fund_id WHERE f.id = ?"));
    q.addBindValue(id);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Anhui Semiconductor Guidance Fund"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("安徽省半导体产业引导基金"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("platform"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("provincial"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("Anhui"));
    QCOMPARE(q.value(5).toString(), BigFund);
    QCOMPARE(q.value(6).toString(), QStringLiteral("Anhui Investment Group"));
    QCOMPARE(q.value(7).toString(), QStringLiteral("https://example.org/anhui-fund"));
    QCOMPARE(
        count(m_db,
            QStringLiteral("SELECT count(*) FROM history WHERE action = 'insert' AND table_name = 'funds' "
                           "AND row_id = ? AND new_value LIKE '%Anhui Semiconductor Guidance Fund%'"),
            { id }),
        qint64(1));
    const QString after = dump(m_db);

    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Add fund"));
    m_session->undoStack()->undo();
    QCOMPARE(dump(m_db), before);
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT count(*) FROM history WHERE action = 'delete' AND row_id = ?"),
            { id }),
        qint64(1));
    m_session->undoStack()->redo();
    QCOMPARE(dump(m_db), after);
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM funds WHERE id = ?"), { id }), qint64(1));
}

void TestFundForm::inlineValidation()
{
    FundForm form(*m_session, 0);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    type(BigFund); // taken
    QVERIFY(
        message(&form, QStringLiteral("name")).contains(QStringLiteral("Another fund is already called")));
    QVERIFY(!form.okButton()->isEnabled());
    press(Qt::Key_Backspace);
    QVERIFY(message(&form, QStringLiteral("name")).isEmpty());
    form.findChild<QLineEdit *>(QStringLiteral("source"))->setFocus();
    type(QStringLiteral("www.example.org"));
    QVERIFY(message(&form, QStringLiteral("source_url"))
                .contains(QStringLiteral("must start with http:// or https://")));
    QVERIFY(!form.okButton()->isEnabled());
    press(Qt::Key_Return); // refused: nothing written
    QVERIFY(form.isVisible());
    QCOMPARE(m_session->undoStack()->count(), 0);
    press(Qt::Key_Home);
    type(QStringLiteral("https://"));
    QVERIFY(message(&form, QStringLiteral("source_url")).isEmpty());
    form.findChild<QLineEdit *>(QStringLiteral("parentFund"))->setFocus();
    type(QStringLiteral("No Such Fund Anywhere"));
    tab();
    QVERIFY(message(&form, QStringLiteral("parent_fund_id")).contains(QStringLiteral("No fund is called")));
    QVERIFY(!form.okButton()->isEnabled());
}

void TestFundForm::editChangesOnlyWhatChanged()
{
    const qint64 id = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    const QString before = dump(m_db);
    FundForm form(*m_session, id);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QCOMPARE(form.findChild<QLineEdit *>(QStringLiteral("name"))->text(), BigFund);
    QVERIFY(form.okButton()->isEnabled());
    form.findChild<QLineEdit *>(QStringLiteral("manager"))->setFocus();
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("Sino IC Capital"));
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));
    // One column changed: the step says which, and one history entry.
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Set fund manager"));
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM history")), qint64(1));
    QCOMPARE(value(m_db, QStringLiteral("SELECT field FROM history")).toString(), QStringLiteral("manager"));
    m_session->undoStack()->undo();
    QCOMPARE(dump(m_db), before);
}

QTEST_MAIN(TestFundForm)
#include "tst_fundform.moc"
