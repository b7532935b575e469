#include "DisbursementTableModel.h"
#include "EditDelegate.h"
#include "EditSession.h"
#include "EditTestData.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace EditTestData;

/// The in-place editor: choice lists for words, checked line edits for the rest, the same rules
/// as the forms, and nothing stored from text that breaks them.
class TestEditDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void editorKinds();
    void problems_data();
    void problems();
    void storesGoodTextOnly();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
    EditSession *m_session = nullptr;
    DisbursementTableModel *m_model = nullptr;
    EditDelegate *m_delegate = nullptr;
    QTableView *m_view = nullptr;
};

void TestEditDelegate::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
    m_session = new EditSession(m_db);
    m_model = new DisbursementTableModel(m_db);
    m_model->setEditSession(m_session);
    m_view = new QTableView;
    m_view->setModel(m_model);
    m_delegate = new EditDelegate(*m_session, m_view);
    m_view->setItemDelegate(m_delegate);
}

void TestEditDelegate::cleanup()
{
    delete m_view;
    delete m_model;
    delete m_session;
    m_db.close();
    delete m_dir;
}

void TestEditDelegate::editorKinds()
{
    QStyleOptionViewItem option;
    QWidget *status = m_delegate->createEditor(
        m_view->viewport(), option, m_model->index(0, DisbursementTableModel::Status));
    auto *box = qobject_cast<QComboBox *>(status);
    QVERIFY(box);
    QCOMPARE(box->count(), 4);
    m_delegate->setEditorData(box, m_model->index(0, DisbursementTableModel::Status));
    QCOMPARE(box->currentText(), m_model->index(0, DisbursementTableModel::Status).data().toString());
    QWidget *amount = m_delegate->createEditor(
        m_view->viewport(), option, m_model->index(0, DisbursementTableModel::Amount));
    QVERIFY(qobject_cast<QLineEdit *>(amount));
    delete status;
    delete amount;
}

void TestEditDelegate::problems_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // empty: fine
    QTest::addRow("date ok") << int(DisbursementTableModel::Date) << QStringLiteral("2021/5/7") << QString();
    QTest::addRow("date bad") << int(DisbursementTableModel::Date) << QStringLiteral("2021-13")
                              << QStringLiteral("no month 13");
    QTest::addRow("amount ok") << int(DisbursementTableModel::Amount) << QStringLiteral("5万") << QString();
    QTest::addRow("amount bad") << int(DisbursementTableModel::Amount) << QStringLiteral("-3")
                                << QStringLiteral("positive");
    QTest::addRow("stake bad") << int(DisbursementTableModel::Stake) << QStringLiteral("abc")
                               << QStringLiteral("not a percentage");
    QTest::addRow("source bad") << int(DisbursementTableModel::Source) << QStringLiteral("example.org")
                                << QStringLiteral("not a web address");
}

void TestEditDelegate::problems()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, message);
    const QString why = m_delegate->problem(m_model->index(0, column), text);
    if (message.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(message), qPrintable(why));
}

void TestEditDelegate::storesGoodTextOnly()
{
    QStyleOptionViewItem option;
    const QModelIndex date = m_model->index(0, DisbursementTableModel::Date);
    const qint64 id = date.data(DisbursementTableModel::IdRole).toLongLong();
    auto *edit = qobject_cast<QLineEdit *>(m_delegate->createEditor(m_view->viewport(), option, date));
    QVERIFY(edit);
    QSignalSpy refused(m_delegate, &EditDelegate::refused);
    edit->setText(QStringLiteral("2021-02-30"));
    m_delegate->setModelData(edit, m_model, date);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(m_session->undoStack()->count(), 0);
    // Unchanged text: no step either.
    m_delegate->setEditorData(edit, date);
    m_delegate->setModelData(edit, m_model, date);
    QCOMPARE(m_session->undoStack()->count(), 0);
    edit->setText(QStringLiteral("2021年2月"));
    m_delegate->setModelData(edit, m_model, date);
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(
        value(m_db, QStringLiteral("SELECT value_date FROM disbursements WHERE id = ?"), { id }).toString(),
        QStringLiteral("2021-02"));
    delete edit;
}

QTEST_MAIN(TestEditDelegate)
#include "tst_editdelegate.moc"
