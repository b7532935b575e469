#include "Database.h"
#include "EditSession.h"
#include "ImportActions.h"
#include "ImportCheckPage.h"
#include "ImportFilesPage.h"
#include "ImportIssueModel.h"
#include "ImportMappingPage.h"
#include "ImportRunPage.h"
#include "ImportWizard.h"
#include "InterchangeLoader.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

// The import wizard driven like a user would: a GB18030 spreadsheet with Chinese headers and
// one bad row, mapped by hand, checked, imported without the bad row, undone and redone.

namespace {

QStringList sampleFiles()
{
    QStringList files;
    for (const QString &kind : InterchangeLoader::kinds())
        files.append(QStringLiteral(FUNDSCOPE_SAMPLE_DIR "/%1.csv").arg(kind));
    return files;
}

const QString BigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void gb18030FileWithABadRow();
    void unknownNameCreatedAndPresetApplied();
    void actionsOpenTheWizardOnTheirParts();

private:
    qint64 count(const QString &where);
    void click(QAbstractButton *button);

    QTemporaryDir *m_dir = nullptr;
    Database *m_db = nullptr;
};

void TestImportWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestImportWizard::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_db = new Database;
    QCOMPARE(m_db->open(m_dir->filePath(QStringLiteral("test.db")), Database::OpenMode::CreateNew),
        Database::Status::Ok);
    const LoadReport sample = InterchangeLoader(*m_db).load(sampleFiles());
    QVERIFY2(sample.ok(), qPrintable(sample.errorLines().join(QLatin1Char('\n'))));
}

void TestImportWizard::cleanup()
{
    delete m_db;
    m_db = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

qint64 TestImportWizard::count(const QString &where)
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral(
            "SELECT count(*) FROM disbursements d JOIN investees i ON i.id = d.investee_id WHERE %1")
                    .arg(where))
        || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestImportWizard::click(QAbstractButton *button)
{
    QVERIFY(button);
    QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(button->text()));
    // A radio button reacts on its indicator and text, not on the stretch beside them.
    const QPoint at
        = qobject_cast<QRadioButton *>(button) ? QPoint(6, button->height() / 2) : button->rect().center();
    QTest::mouseClick(button, Qt::LeftButton, Qt::NoModifier, at);
}

void TestImportWizard::gb18030FileWithABadRow()
{
    // A spreadsheet as a Chinese source might send it: GB18030, Chinese headers, amounts in a
    // different column order, one impossible date on line 3.
    const QByteArray utf8 = "基金,期次,被投企业,日期,类型,金额,币种,状态,备注\r\n" + BigFund.toUtf8()
        + ",Phase II,中芯国际集成电路制造有限公司,2045-03,equity "
          "purchase,1000000,CNY,completed,二期增资：第一笔\r\n"
        + BigFund.toUtf8()
        + ",Phase II,中芯国际集成电路制造有限公司,2045-02-30,equity "
          "purchase,2000000,CNY,completed,日期有误\r\n"
        + BigFund.toUtf8()
        + ",Phase II,中芯国际集成电路制造有限公司,2045-04,equity "
          "purchase,3000000,CNY,completed,二期增资：第二笔\r\n";
    QProcess iconv;
    iconv.start(QStringLiteral("iconv"),
        { QStringLiteral("-f"), QStringLiteral("UTF-8"), QStringLiteral("-t"), QStringLiteral("GB18030") });
    QVERIFY(iconv.waitForStarted());
    iconv.write(utf8);
    iconv.closeWriteChannel();
    QVERIFY(iconv.waitForFinished());
    const QString path = m_dir->filePath(QStringLiteral("大基金二期.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(iconv.readAllStandardOutput());
    }
    const qint64 before = count(QStringLiteral("d.value_date LIKE '2045%'"));
    QCOMPARE(before, 0);
    const qint64 allBefore = count(QStringLiteral("1"));

    EditSession session(*m_db);
    ImportWizard wizard(*m_db, &session);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));

    // Files: the encoding is detected; the kind must be chosen (the headers name no field).
    wizard.addFiles({ path });
    auto *files = qobject_cast<ImportFilesPage *>(wizard.page(ImportWizard::FilesPage));
    QCOMPARE(wizard.files().size(), 1);
    QCOMPARE(wizard.files().first().encoding, QStringLiteral("GB18030"));
    QCOMPARE(wizard.files().first().delimiter, ',');
    QVERIFY(wizard.files().first().hasHeader);
    auto *encoding = wizard.findChild<QComboBox *>(QStringLiteral("encoding0"));
    QVERIFY(encoding);
    QCOMPARE(encoding->currentText(), QStringLiteral("GB18030"));
    QVERIFY(!files->isComplete());
    auto *kind = wizard.findChild<QComboBox *>(QStringLiteral("kind0"));
    QVERIFY(kind);
    kind->setFocus();
    kind->setCurrentIndex(kind->findData(QStringLiteral("disbursements")));
    QVERIFY(files->isComplete());
    click(wizard.button(QWizard::NextButton));

    // Mapping: by hand, the first time with a column mapped twice.
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    auto *mapping = qobject_cast<ImportMappingPage *>(wizard.currentPage());
    QVERIFY(!mapping->isComplete());
    const QList<std::pair<QString, int>> columns = { { QStringLiteral("fund"), 0 },
        { QStringLiteral("phase"), 1 }, { QStringLiteral("investee"), 2 }, { QStringLiteral("date"), 3 },
        { QStringLiteral("type"), 4 }, { QStringLiteral("amount"), 5 }, { QStringLiteral("currency"), 6 },
        { QStringLiteral("status"), 7 }, { QStringLiteral("notes"), 2 } };
    for (const auto &[field, column] : columns) {
        QComboBox *combo = mapping->fieldCombo(field);
        QVERIFY2(combo, qPrintable(field));
        combo->setCurrentIndex(combo->findData(column));
    }
    QVERIFY(!mapping->isComplete());
    auto *problem = wizard.findChild<QLabel *>(QStringLiteral("mappingProblem"));
    QVERIFY2(problem->text().contains(QStringLiteral("被投企业"))
            && problem->text().contains(QStringLiteral("investee"))
            && problem->text().contains(QStringLiteral("notes")),
        qPrintable(problem->text()));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QComboBox *notes = mapping->fieldCombo(QStringLiteral("notes"));
    notes->setCurrentIndex(notes->findData(8));
    QVERIFY(mapping->isComplete());
    QVERIFY(problem->text().isEmpty());
    // The preview shows the decoded Chinese text under the field names.
    QTableWidget *preview = mapping->preview();
    QCOMPARE(preview->rowCount(), 3);
    int notesColumn = -1;
    for (int c = 0; c < preview->columnCount(); ++c) {
        if (preview->horizontalHeaderItem(c)->text() == QLatin1String("notes"))
            notesColumn = c;
    }
    QVERIFY(notesColumn >= 0);
    QCOMPARE(preview->item(0, notesColumn)->text(), QStringLiteral("二期增资：第一笔"));
    click(wizard.button(QWizard::NextButton));

    // Check: the bad row is listed by line and column; "import nothing" blocks the import.
    QCOMPARE(wizard.currentId(), int(ImportWizard::CheckPage));
    auto *check = qobject_cast<ImportCheckPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(!check->isChecking(), 30000);
    const QAbstractItemModel *problems = check->problems()->model();
    QCOMPARE(problems->rowCount(), 1);
    QCOMPARE(problems->index(0, ImportIssueModel::LineColumn).data().toLongLong(), 3);
    QCOMPARE(problems->index(0, ImportIssueModel::FieldColumn).data().toString(), QStringLiteral("date"));
    const QString reason = problems->index(0, ImportIssueModel::ReasonColumn).data().toString();
    QVERIFY2(reason.contains(QStringLiteral("impossible date")), qPrintable(reason));
    QCOMPARE(check->report().totalInserted(), 2);
    QVERIFY(check->importNothing()->isChecked());
    QAbstractButton *import = wizard.button(QWizard::CommitButton);
    QVERIFY(!import->isEnabled());
    QCOMPARE(count(QStringLiteral("d.value_date LIKE '2045%'")), 0); // the check stored nothing
    click(check->importValidRows());
    QVERIFY(check->importValidRows()->isChecked());
    click(import);

    // Import: on the worker; the window stays live.
    QCOMPARE(wizard.currentId(), int(ImportWizard::RunPage));
    auto *run = qobject_cast<ImportRunPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 60000);
    QVERIFY2(run->report().ok(), qPrintable(run->report().errorLines().join(QLatin1Char('\n'))));
    QCOMPARE(run->report().inserted.value(QStringLiteral("disbursements")), 2);
    QCOMPARE(run->report().rejectedRows, 1);
    QCOMPARE(count(QStringLiteral("d.value_date LIKE '2045%'")), 2);
    QCOMPARE(count(QStringLiteral("d.notes = '二期增资：第一笔' AND i.name_zh = "
                                  "'中芯国际集成电路制造有限公司' AND d.amount_minor = 100000000")),
        1);
    QCOMPARE(count(QStringLiteral("d.notes = '二期增资：第二笔'")), 1);
    QCOMPARE(count(QStringLiteral("d.notes = '日期有误'")), 0);

    // One undo step: undo removes exactly the two rows, redo brings them back.
    QCOMPARE(session.undoStack()->count(), 1);
    session.undoStack()->undo();
    QCOMPARE(count(QStringLiteral("1")), allBefore);
    QCOMPARE(count(QStringLiteral("d.value_date LIKE '2045%'")), 0);
    session.undoStack()->redo();
    QCOMPARE(count(QStringLiteral("d.value_date LIKE '2045%'")), 2);
    QCOMPARE(count(QStringLiteral("1")), allBefore + 2);
    click(wizard.button(QWizard::FinishButton));
    QVERIFY(!wizard.isVisible());
}

void TestImportWizard::unknownNameCreatedAndPresetApplied()
{
    // A sheet with its own headers in another order; a preset saved earlier maps it.
    const QString path = m_dir->filePath(QStringLiteral("sheet.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Recipient;Fund;Round;When;Kind;Value;Ccy;State\n"
                   "Wizard New Co;"
            + BigFund.toUtf8()
            + ";Phase I;2046;grant;5;CNY;announced\n"
              "Wizard New Co;"
            + BigFund.toUtf8() + ";Phase I;2047;grant;6;CNY;announced\n");
    }
    ImportMappingPage::savePreset(QStringLiteral("Partner sheet"), QStringLiteral("disbursements"),
        { { QStringLiteral("investee"), QStringLiteral("Recipient") },
            { QStringLiteral("fund"), QStringLiteral("fund") }, // any case
            { QStringLiteral("phase"), QStringLiteral("Round") },
            { QStringLiteral("date"), QStringLiteral("When") },
            { QStringLiteral("type"), QStringLiteral("Kind") },
            { QStringLiteral("amount"), QStringLiteral("Value") },
            { QStringLiteral("currency"), QStringLiteral("Ccy") },
            { QStringLiteral("status"), QStringLiteral("State") } });
    QVERIFY(ImportMappingPage::presetNames().contains(QStringLiteral("Partner sheet")));

    EditSession session(*m_db);
    ImportWizard wizard(*m_db, &session);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.addFiles({ path });
    QCOMPARE(wizard.files().first().delimiter, ';');
    QCOMPARE(wizard.files().first().encoding, QStringLiteral("UTF-8"));
    auto *kind = wizard.findChild<QComboBox *>(QStringLiteral("kind0"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("disbursements")));
    click(wizard.button(QWizard::NextButton));

    auto *mapping = qobject_cast<ImportMappingPage *>(wizard.currentPage());
    QVERIFY(!mapping->isComplete());
    auto *presets = wizard.findChild<QComboBox *>(QStringLiteral("mappingPresets"));
    presets->setCurrentText(QStringLiteral("Partner sheet"));
    QPushButton *apply = nullptr;
    for (QPushButton *b : mapping->findChildren<QPushButton *>()) {
        if (b->text().contains(QStringLiteral("pply")))
            apply = b;
    }
    click(apply);
    QVERIFY2(mapping->isComplete(), qPrintable(mapping->problem()));
    QCOMPARE(mapping->fieldCombo(QStringLiteral("investee"))->currentData().toInt(), 0);
    QCOMPARE(mapping->fieldCombo(QStringLiteral("fund"))->currentData().toInt(), 1);
    click(wizard.button(QWizard::NextButton));

    auto *check = qobject_cast<ImportCheckPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(!check->isChecking(), 30000);
    QCOMPARE(check->problems()->model()->rowCount(), 2); // the unknown investee, on both rows
    QTableWidget *names = check->names();
    QCOMPARE(names->rowCount(), 1);
    QCOMPARE(names->item(0, ImportCheckPage::NameColumn)->text(), QStringLiteral("Wizard New Co"));
    QCOMPARE(names->item(0, ImportCheckPage::NameRowsColumn)->data(Qt::DisplayRole).toInt(), 2);
    auto *action = qobject_cast<QComboBox *>(names->cellWidget(0, ImportCheckPage::NameActionColumn));
    action->setCurrentIndex(1); // create it
    QPushButton *again = nullptr;
    for (QPushButton *b : check->findChildren<QPushButton *>()) {
        if (b->text().contains(QStringLiteral("again")))
            again = b;
    }
    click(again);
    QTRY_VERIFY_WITH_TIMEOUT(!check->isChecking(), 30000);
    QCOMPARE(check->problems()->model()->rowCount(), 0);
    QCOMPARE(check->report().totalInserted(), 2);
    QCOMPARE(count(QStringLiteral("i.name = 'Wizard New Co'")), 0); // a check stores nothing
    click(wizard.button(QWizard::CommitButton));

    auto *run = qobject_cast<ImportRunPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 60000);
    QVERIFY2(run->report().ok(), qPrintable(run->report().errorLines().join(QLatin1Char('\n'))));
    QCOMPARE(run->report().created.value(QStringLiteral("investees")), 1);
    QCOMPARE(count(QStringLiteral("i.name = 'Wizard New Co'")), 2);
    session.undoStack()->undo();
    QSqlQuery q(m_db->connection());
    QVERIFY(
        q.exec(QStringLiteral("SELECT count(*) FROM investees WHERE name = 'Wizard New Co'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0); // the created investee goes with the import
}

void TestImportWizard::actionsOpenTheWizardOnTheirParts()
{
    // ImportActions needs only a widget to host the wizard and the session its import goes on.
    QWidget host;
    EditSession session(*m_db);
    auto *actions = new ImportActions(*m_db, { .window = &host, .session = &session });
    QCOMPARE(actions->parent(), &host);
    actions->openWizard();
    QVERIFY(actions->wizard());
    QCOMPARE(actions->wizard()->parentWidget(), &host);
    QCOMPARE(actions->wizard()->session(), &session);
    actions->wizard()->close(); // deletes itself
    QTRY_VERIFY(!actions->wizard());
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
