#include "NameSearchModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestNameSearchModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchesAndResolves();
};

void TestNameSearchModel::searchesAndResolves()
{
    int calls = 0;
    const QList<NameMatch> all
        = { { 1, QStringLiteral("Big Fund"), QStringLiteral("大基金"), QStringLiteral("national") },
              { 2, QStringLiteral("Big Fund II"), QString(), QString() },
              { 3, QStringLiteral("Small Fund"), QStringLiteral("小基金"), QString() } };
    NameSearchModel model([&](const QString &text, int limit) {
        ++calls;
        QList<NameMatch> out;
        for (const NameMatch &m : all) {
            if ((m.name.contains(text, Qt::CaseInsensitive) || m.nameZh.contains(text)) && out.size() < limit)
                out.append(m);
        }
        return out;
    });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setText(QStringLiteral("big"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Big Fund  大基金  — national"));
    QCOMPARE(model.index(0).data(NameSearchModel::NameRole).toString(), QStringLiteral("Big Fund"));
    QCOMPARE(model.index(1).data(NameSearchModel::IdRole).toLongLong(), qint64(2));
    QVERIFY(model.exact(QStringLiteral("BIG FUND II")));
    QCOMPARE(model.exact(QStringLiteral("big fund"))->id, qint64(1));
    QVERIFY(!model.exact(QStringLiteral("big")));
    model.setText(QStringLiteral("基金"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.exact(QStringLiteral("小基金"))->id, qint64(3));
    model.setText(QStringLiteral("   "));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(calls, 2); // blank text is not searched
}

QTEST_GUILESS_MAIN(TestNameSearchModel)
#include "tst_namesearchmodel.moc"
