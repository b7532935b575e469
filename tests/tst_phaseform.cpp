#include "EditSession.h"
#include "EditTestData.h"
#include "FormTestSupport.h"
#include "PhaseForm.h"

#include <QCheckBox>
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
}

/// Fills the phase form with the keyboard, submits, undoes and redoes.
class TestPhaseForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void addWithKeyboardUndoRedo();
    void capitalNotKnownAndBadCapital();
    void forAFund();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
};

void TestPhaseForm::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
}

void TestPhaseForm::cleanup()
{
    delete m_session;
    m_db.close();
    delete m_dir;
}

void TestPhaseForm::addWithKeyboardUndoRedo()
{
    const QString before = dump(m_db);
    PhaseForm form(*m_session, 0);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QCOMPARE(focused()->objectName(), QStringLiteral("fund"));
    type(QStringLiteral("国家集成电路产业投资基金")); // the Chinese name picks the fund
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("label"));
    type(QStringLiteral("Phase IV"));
    tab();
    type(QStringLiteral("2030/6"));
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("amount"));
    type(QStringLiteral("3440亿"));
    QCOMPARE(form.findChild<QLabel *>(QStringLiteral("amountPreview"))->text(),
        QStringLiteral("= CNY 344,000,000,000.00"));
    tab(3); // currency, "not known"
    QCOMPARE(focused()->objectName(), QStringLiteral("capitalBasis"));
    type(QStringLiteral("registered"));
    tab();
    type(QStringLiteral("https://example.org/big-fund-iv"));
    QVERIFY2(form.issues().isEmpty(), qPrintable(form.issues().value(0).toString()));
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));
    const qint64 id = form.recordId();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT f.name, p.label, p.start_date, p.capital_minor, p.currency, p.capital_basis FROM phases p "
        "JOIN funds f ON f.id = p.fund_id WHERE p.id = ?"));
    q.addBindValue(id);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), BigFund);
    QCOMPARE(q.value(1).toString(), QStringLiteral("Phase IV"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("2030-06"));
    QCOMPARE(q.value(3).toLongLong(), qint64(34400000000000));
    QCOMPARE(q.value(4).toString(), QStringLiteral("CNY"));
    QCOMPARE(q.value(5).toString(), QStringLiteral("registered"));
    QCOMPARE(count(m_db,
                 QStringLiteral(
                     "SELECT count(*) FROM history WHERE table_name = 'phases' AND row_id = ? "
                     "AND action = 'insert' AND new_value LIKE '%\"capital_minor\":\"34400000000000\"%'"),
                 { id }),
        qint64(1));
    const QString after = dump(m_db);
    m_session->undoStack()->undo();
    QCOMPARE(dump(m_db), before);
    m_session->undoStack()->redo();
    QCOMPARE(dump(m_db), after);
}

void TestPhaseForm::capitalNotKnownAndBadCapital()
{
    PhaseForm form(*m_session, 0);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    type(BigFund);
    tab();
    type(QStringLiteral("Phase V"));
    tab(2);
    type(QStringLiteral("lots"));
    QVERIFY(message(&form, QStringLiteral("capital_minor")).contains(QStringLiteral("is not an amount")));
    QVERIFY(!form.okButton()->isEnabled());
    tab(2);
    QCOMPARE(focused()->objectName(), QStringLiteral("undisclosed"));
    press(Qt::Key_Space); // not known
    QVERIFY(form.findChild<QCheckBox *>(QStringLiteral("undisclosed"))->isChecked());
    QVERIFY(message(&form, QStringLiteral("capital_minor")).isEmpty());
    QVERIFY(form.okButton()->isEnabled());
    form.findChild<QLineEdit *>(QStringLiteral("label"))->setFocus();
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));
    QVERIFY(value(m_db, QStringLiteral("SELECT capital_minor FROM phases WHERE id = ?"), { form.recordId() })
                .isNull());
    QVERIFY(value(m_db, QStringLiteral("SELECT currency FROM phases WHERE id = ?"), { form.recordId() })
                .isNull());
}

void TestPhaseForm::forAFund()
{
    const qint64 fund = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    PhaseForm form(*m_session, 0, fund);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QCOMPARE(form.findChild<QLineEdit *>(QStringLiteral("fund"))->text(), BigFund);
    form.findChild<QLineEdit *>(QStringLiteral("label"))->setFocus();
    type(QStringLiteral("Phase II")); // taken in this fund
    QVERIFY(message(&form, QStringLiteral("label")).contains(QStringLiteral("already has a phase")));
    QVERIFY(!form.okButton()->isEnabled());
}

QTEST_MAIN(TestPhaseForm)
#include "tst_phaseform.moc"
