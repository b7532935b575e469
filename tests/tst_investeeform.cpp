#include "EditSession.h"
#include "EditTestData.h"
#include "FormTestSupport.h"
#include "HistoryRepository.h"
#include "InvesteeForm.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;
using namespace FormTestSupport;

/// Fills the investee form with the keyboard, submits, undoes and redoes.
class TestInvesteeForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void addWithKeyboardUndoRedo();
    void subFundLooksThrough();
    void collectOnlyWritesNothing();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
};

void TestInvesteeForm::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
}

void TestInvesteeForm::cleanup()
{
    delete m_session;
    m_db.close();
    delete m_dir;
}

void TestInvesteeForm::addWithKeyboardUndoRedo()
{
    const QString before = dump(m_db);
    InvesteeForm form(*m_session, 0);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    QCOMPARE(focused()->objectName(), QStringLiteral("name"));
    type(QStringLiteral("Shanghai Test Foundry Co."));
    tab();
    type(QStringLiteral("上海测试晶圆制造有限公司"));
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("kind")); // company
    tab(); // the look-through fund is only for sub-funds: skipped
    QCOMPARE(focused()->objectName(), QStringLiteral("sector"));
    type(QStringLiteral("Semi"));
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("segment"));
    type(QStringLiteral("foundry"));
    tab(2); // country: China
    QCOMPARE(focused()->objectName(), QStringLiteral("province"));
    type(QStringLiteral("Shanghai"));
    tab(2);
    QCOMPARE(focused()->objectName(), QStringLiteral("ticker"));
    type(QStringLiteral("688999.SH"));
    tab();
    type(QStringLiteral("2020年3月"));
    tab();
    type(QStringLiteral("https://example.org/foundry"));
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("notes"));
    type(QStringLiteral("Test entry."));
    tab();
    QCOMPARE(focused(), static_cast<QWidget *>(form.okButton()));
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));

    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT i.name_zh, i.kind, s.name, g.name, pr.name, i.ticker, i.founded, i.notes FROM investees i "
        "LEFT JOIN sectors s ON s.id = i.sector_id LEFT JOIN segments g ON g.id = i.segment_id "
        "LEFT JOIN regions pr ON pr.id = i.province_id WHERE i.id = ?"));
    q.addBindValue(form.recordId());
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("上海测试晶圆制造有限公司"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("company"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("Semiconductors"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("foundry"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("Shanghai"));
    QCOMPARE(q.value(5).toString(), QStringLiteral("688999.SH"));
    QCOMPARE(q.value(6).toString(), QStringLiteral("2020-03"));
    QCOMPARE(q.value(7).toString(), QStringLiteral("Test entry."));
    QCOMPARE(
        count(m_db,
            QStringLiteral("SELECT count(*) FROM history WHERE table_name = 'investees' AND row_id = ? AND "
                           "user = ?"),
            { form.recordId(), HistoryRepository::currentUser() }),
        qint64(1));
    const QString after = dump(m_db);
    m_session->undoStack()->undo();
    QCOMPARE(dump(m_db), before);
    m_session->undoStack()->redo();
    QCOMPARE(dump(m_db), after);
}

void TestInvesteeForm::subFundLooksThrough()
{
    InvesteeForm form(*m_session, 0);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    type(QStringLiteral("Test Sub-fund LP"));
    tab(2);
    type(QStringLiteral("f")); // kind: fund
    QCOMPARE(form.findChild<QComboBox *>(QStringLiteral("kind"))->currentText(), QStringLiteral("fund"));
    tab();
    QCOMPARE(focused()->objectName(), QStringLiteral("lookThroughFund"));
    type(QStringLiteral("Shanghai Integrated Circuit Industry Investment Fund"));
    tab();
    QVERIFY2(form.issues().isEmpty(), qPrintable(form.issues().value(0).toString()));
    form.findChild<QLineEdit *>(QStringLiteral("name"))->setFocus();
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));
    QCOMPARE(
        value(m_db,
            QStringLiteral("SELECT f.name FROM investees i JOIN funds f ON f.id = i.fund_id WHERE i.id = ?"),
            { form.recordId() })
            .toString(),
        QStringLiteral("Shanghai Integrated Circuit Industry Investment Fund"));
}

void TestInvesteeForm::collectOnlyWritesNothing()
{
    const QString before = dump(m_db, true);
    InvesteeForm form(*m_session, 0);
    form.setCollectOnly(true);
    form.setName(QStringLiteral("Collected Co"));
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    press(Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Accepted));
    QCOMPARE(form.values().text(QStringLiteral("name")), QStringLiteral("Collected Co"));
    QCOMPARE(dump(m_db, true), before);
    QCOMPARE(m_session->undoStack()->count(), 0);
}

QTEST_MAIN(TestInvesteeForm)
#include "tst_investeeform.moc"
