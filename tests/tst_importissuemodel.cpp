#include "ImportIssueModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

// The check page's problem table: errors first, then rejected rows, then skipped duplicates.

class TestImportIssueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsInOrder();
};

void TestImportIssueModel::rowsInOrder()
{
    ImportIssueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    LoadReport report;
    report.errors.append(
        { QStringLiteral("/d/a.csv"), 1, QStringLiteral("column 3 ('x')"), QStringLiteral("mapped twice") });
    report.rejected.append(
        { QStringLiteral("/d/b.csv"), 7, QStringLiteral("date"), QStringLiteral("impossible date") });
    report.duplicates.append({ QStringLiteral("/d/b.csv"), 9, QString(), QStringLiteral("duplicate row") });
    model.setReport(report);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ImportIssueModel::ColumnCount));
    QCOMPARE(model.index(0, ImportIssueModel::FileColumn).data().toString(), QStringLiteral("a.csv"));
    QCOMPARE(model.index(1, ImportIssueModel::LineColumn).data().toLongLong(), 7);
    QCOMPARE(model.index(1, ImportIssueModel::FieldColumn).data().toString(), QStringLiteral("date"));
    QVERIFY(
        model.index(2, ImportIssueModel::ReasonColumn).data().toString().contains(QStringLiteral("skipped")));
    QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(),
        QStringLiteral("/d/b.csv:7: date: impossible date"));
    QCOMPARE(
        model.headerData(ImportIssueModel::LineColumn, Qt::Horizontal).toString(), QStringLiteral("Line"));
    QCOMPARE(model.issue(2).line, 9);
    model.setReport(LoadReport());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestImportIssueModel)
#include "tst_importissuemodel.moc"
