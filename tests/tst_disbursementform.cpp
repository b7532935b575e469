#include "DisbursementForm.h"
#include "EditSession.h"
#include "EditTestData.h"
#include "FormTestSupport.h"
#include "InvesteeForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
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
const QString Smic = QStringLiteral("Semiconductor Manufacturing International Corp. (SMIC)");
} // namespace

/// Fills the disbursement form with the keyboard (pickers by English and Chinese name, amount in
/// 亿, date, type, stake, status, confidence, source, notes), submits, undoes and redoes; creates
/// a new investee from within the form as part of the same undo step.
class TestDisbursementForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void addWithKeyboardUndoRedo();
    void newInvesteeFromWithinIsOneStep();
    void inlineMessages();
    void editExisting();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
};

void TestDisbursementForm::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
}

void TestDisbursementForm::cleanup()
{
    delete m_session;
    m_db.close();
    delete m_dir;
}

void TestDisbursementForm::addWithKeyboardUndoRedo()
{
    const QString before = dump(m_db);
    const qint64 historyBefore = count(m_db, QStringLiteral("SELECT count(*) FROM history"));
    DisbursementForm form(*m_session, 0);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QCOMPARE(focused()->objectName(), QStringLiteral("fund"));
    type(BigFund);
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("phase"));
    press(Qt::Key_Home); // Phase I (2014)
    press(Qt::Key_Down);
    QCOMPARE(form.findChild<QComboBox *>(QStringLiteral("phase"))->currentText(),
        QStringLiteral("Phase II (2019)"));
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("investee"));
    type(QStringLiteral("中芯国际集成电路制造有限公司"));
    tab(2); // past "New investee…"
    QCOMPARE(focused()->objectName(), QStringLiteral("date"));
    type(QStringLiteral("2024-05-17"));
    tab();
    type(QStringLiteral("dis")); // disbursement
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("amount"));
    type(QStringLiteral("12.3亿"));
    QCOMPARE(form.findChild<QLabel *>(QStringLiteral("amountPreview"))->text(),
        QStringLiteral("= CNY 1,230,000,000.00"));
    tab(3);
    QCOMPARE(focused()->objectName(), QStringLiteral("stake"));
    type(QStringLiteral("3.5"));
    tab();
    type(QStringLiteral("comm")); // committed
    tab();
    type(QStringLiteral("h"));
    tab();
    type(QStringLiteral("https://example.org/smic-2024"));
    tab();
    type(QStringLiteral("From the annual report."));
    tab();
    QVERIFY2(form.issues().isEmpty(), qPrintable(form.issues().value(0).toString()));
    QCOMPARE(focused(), static_cast<QWidget *>(form.okButton()));
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));

    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT f.name, p.label, i.name, d.value_date, d.type, d.amount_minor, d.currency, d.stake_pct, "
        "d.status, d.confidence, d.source_url, d.notes FROM disbursements d "
        "JOIN phases p ON p.id = d.phase_id JOIN funds f ON f.id = p.fund_id "
        "JOIN investees i ON i.id = d.investee_id WHERE d.id = ?"));
    q.addBindValue(form.recordId());
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), BigFund);
    QCOMPARE(q.value(1).toString(), QStringLiteral("Phase II"));
    QCOMPARE(q.value(2).toString(), Smic);
    QCOMPARE(q.value(3).toString(), QStringLiteral("2024-05-17"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("disbursement"));
    QCOMPARE(q.value(5).toLongLong(), qint64(123000000000));
    QCOMPARE(q.value(6).toString(), QStringLiteral("CNY"));
    QCOMPARE(q.value(7).toDouble(), 3.5);
    QCOMPARE(q.value(8).toString(), QStringLiteral("committed"));
    QCOMPARE(q.value(9).toString(), QStringLiteral("high"));
    QCOMPARE(q.value(10).toString(), QStringLiteral("https://example.org/smic-2024"));
    QCOMPARE(q.value(11).toString(), QStringLiteral("From the annual report."));
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM history")), historyBefore + 1);
    QCOMPARE(value(m_db,
                 QStringLiteral("SELECT table_name || ' ' || action FROM history ORDER BY id DESC LIMIT 1"))
                 .toString(),
        QStringLiteral("disbursements insert"));

    const QString after = dump(m_db);
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Add disbursement"));
    m_session->undoStack()->undo();
    QCOMPARE(dump(m_db), before);
    m_session->undoStack()->redo();
    QCOMPARE(dump(m_db), after);
}

void TestDisbursementForm::newInvesteeFromWithinIsOneStep()
{
    const QString before = dump(m_db);
    DisbursementForm form(*m_session, 0);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    type(BigFund);
    tab(2);
    type(QStringLiteral("Brand New Chips"));
    tab();
    QVERIFY(message(&form, QStringLiteral("investee_id")).contains(QStringLiteral("New investee")));
    QCOMPARE(focused()->objectName(), QStringLiteral("newInvestee"));
    press(Qt::Key_Space);
    auto *investeeForm = form.findChild<InvesteeForm *>();
    QVERIFY(investeeForm);
    QVERIFY(investeeForm->isVisible());
    QCOMPARE(investeeForm->findChild<QLineEdit *>(QStringLiteral("name"))->text(),
        QStringLiteral("Brand New Chips"));
    QApplication::setActiveWindow(investeeForm); // the offscreen platform leaves the opener active
    QTRY_VERIFY(investeeForm->isActiveWindow());
    QCOMPARE(focused()->objectName(), QStringLiteral("name"));
    tab();
    type(QStringLiteral("全新芯片"));
    press(Qt::Key_Return);
    QTRY_VERIFY(!investeeForm->isVisible());
    QApplication::setActiveWindow(&form);
    QTRY_VERIFY(form.isActiveWindow());
    QCOMPARE(focused()->objectName(), QStringLiteral("date"));
    QVERIFY(form.newInvestee().has_value());
    QVERIFY(message(&form, QStringLiteral("investee_id")).isEmpty());
    // Nothing is written until the disbursement is.
    QCOMPARE(dump(m_db), before);
    tab(2);
    QCOMPARE(focused()->objectName(), QStringLiteral("amount"));
    tab(2);
    QCOMPARE(focused()->objectName(), QStringLiteral("undisclosed"));
    press(Qt::Key_Space);
    form.findChild<QLineEdit *>(QStringLiteral("date"))->setFocus();
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));

    const qint64 investee
        = count(m_db, QStringLiteral("SELECT id FROM investees WHERE name = 'Brand New Chips'"));
    QVERIFY(investee > 0);
    QCOMPARE(
        value(m_db, QStringLiteral("SELECT name_zh FROM investees WHERE id = ?"), { investee }).toString(),
        QStringLiteral("全新芯片"));
    QCOMPARE(count(m_db,
                 QStringLiteral(
                     "SELECT count(*) FROM disbursements WHERE investee_id = ? AND amount_minor IS NULL "
                     "AND currency IS NULL"),
                 { investee }),
        qint64(1));
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Add disbursement and investee"));
    const QString after = dump(m_db);
    m_session->undoStack()->undo();
    QCOMPARE(dump(m_db), before);
    m_session->undoStack()->redo();
    QCOMPARE(dump(m_db), after);
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT id FROM investees WHERE name = 'Brand New Chips'")), investee);
}

void TestDisbursementForm::inlineMessages()
{
    DisbursementForm form(*m_session, 0);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QVERIFY(!form.okButton()->isEnabled());
    form.findChild<QLineEdit *>(QStringLiteral("date"))->setFocus();
    type(QStringLiteral("2023-02-29"));
    QVERIFY(
        message(&form, QStringLiteral("value_date")).contains(QStringLiteral("February 2023 has 28 days")));
    form.findChild<QLineEdit *>(QStringLiteral("amount"))->setFocus();
    type(QStringLiteral("1,23"));
    QVERIFY(message(&form, QStringLiteral("amount_minor"))
                .contains(QStringLiteral("commas group the digits in threes")));
    form.findChild<QLineEdit *>(QStringLiteral("stake"))->setFocus();
    type(QStringLiteral("150"));
    QVERIFY(message(&form, QStringLiteral("stake_pct")).contains(QStringLiteral("0 to 100")));
    // A currency typed with the amount switches the picker.
    QLineEdit *amount = form.findChild<QLineEdit *>(QStringLiteral("amount"));
    amount->setFocus();
    amount->clear();
    type(QStringLiteral("USD 1.2bn"));
    QCOMPARE(form.findChild<QComboBox *>(QStringLiteral("currency"))->currentText(), QStringLiteral("USD"));
    QVERIFY(message(&form, QStringLiteral("amount_minor")).isEmpty());
    QVERIFY(!form.okButton()->isEnabled());
    press(Qt::Key_Return);
    QVERIFY(form.isVisible());
    QCOMPARE(m_session->undoStack()->count(), 0);
}

void TestDisbursementForm::editExisting()
{
    const qint64 id
        = count(m_db, QStringLiteral("SELECT min(id) FROM disbursements WHERE amount_minor IS NOT NULL"));
    const QString before = dump(m_db);
    DisbursementForm form(*m_session, id);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QVERIFY(form.okButton()->isEnabled());
    QVERIFY(!form.findChild<QLineEdit *>(QStringLiteral("fund"))->text().isEmpty());
    QLineEdit *notes = form.findChild<QLineEdit *>(QStringLiteral("source"));
    notes->setFocus();
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("https://example.org/corrected"));
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));
    QCOMPARE(m_session->undoStack()->undoText(), QStringLiteral("Set disbursement source"));
    QCOMPARE(
        value(m_db, QStringLiteral("SELECT source_url FROM disbursements WHERE id = ?"), { id }).toString(),
        QStringLiteral("https://example.org/corrected"));
    m_session->undoStack()->undo();
    QCOMPARE(dump(m_db), before);
}

QTEST_MAIN(TestDisbursementForm)
#include "tst_disbursementform.moc"
