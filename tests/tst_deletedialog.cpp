#include "DeleteDialog.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

class TestDeleteDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsDependentsAndAsks();
    void enterCancels();
};

namespace {

Dependents sample()
{
    Dependents d;
    d.phases = 2;
    d.disbursements = 60;
    d.childFunds = 1;
    d.items.append({ RecordKind::Phase, 1, QStringLiteral("Phase I") });
    d.items.append({ RecordKind::Phase, 2, QStringLiteral("Phase II") });
    d.items.append({ RecordKind::Fund, 3, QStringLiteral("Sub Fund (parent unlinked)") });
    for (int i = 0; i < 47; ++i)
        d.items.append({ RecordKind::Disbursement, 100 + i,
            QStringLiteral("2019 equity purchase · Phase I → Co %1").arg(i) });
    return d;
}

} // namespace

void TestDeleteDialog::listsDependentsAndAsks()
{
    DeleteDialog dialog(QStringLiteral("the fund “Big Fund”"), sample());
    const QString text = dialog.findChild<QLabel *>()->text();
    QVERIFY(text.contains(QStringLiteral("Delete the fund “Big Fund”?")));
    QVERIFY(text.contains(QStringLiteral("60 disbursements and 2 phases depend on it")));
    QVERIFY(text.contains(QStringLiteral("1 fund names it as parent")));
    QCOMPARE(dialog.list()->count(), 51); // 50 listed, and a line for the rest
    QCOMPARE(dialog.list()->item(50)->text(), QStringLiteral("… and 13 more"));
    QCOMPARE(dialog.deleteButton()->text(), QStringLiteral("&Delete with dependents"));
    dialog.show();
    QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestDeleteDialog::enterCancels()
{
    DeleteDialog dialog(QStringLiteral("the fund “Big Fund”"), sample());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestDeleteDialog)
#include "tst_deletedialog.moc"
