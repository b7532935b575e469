#include "RecordFields.h"
#include "RecordStore.h"
#include "RowValues.h"

#include <QSet>
#include <QTest>

// The field enums name every writable column of their kind once, in RecordStore's order: a
// column added to the schema without its field (or the reverse) fails here.
class TestRecordFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyColumnHasOneField();
    void rowValuesByField();
};

namespace {

template<RecordField F>
void checkKind(F last)
{
    const RecordKind kind = kindOf(last);
    const QStringList &columns = RecordStore::columns(kind);
    QCOMPARE(int(last) + 1, columns.size());
    QSet<QString> seen;
    for (int i = 0; i <= int(last); ++i) {
        const QString column = columnOf(F(i));
        QCOMPARE(column, columns.at(i));
        QVERIFY(!seen.contains(column));
        seen.insert(column);
    }
}

} // namespace

void TestRecordFields::everyColumnHasOneField()
{
    checkKind(FundField::Source);
    checkKind(PhaseField::Source);
    checkKind(InvesteeField::Source);
    checkKind(DisbursementField::Notes);
    QCOMPARE(columnOf(DisbursementField::Amount), QStringLiteral("amount_minor"));
    QCOMPARE(columnOf(PhaseField::Capital), QStringLiteral("capital_minor"));
    QCOMPARE(columnOf(InvesteeField::Fund), QStringLiteral("fund_id"));
    QCOMPARE(columnOf(FundField::ParentFund), QStringLiteral("parent_fund_id"));
    QCOMPARE(columnsOf({ PhaseField::Capital, PhaseField::Currency }),
        QStringList({ QStringLiteral("capital_minor"), QStringLiteral("currency") }));
}

void TestRecordFields::rowValuesByField()
{
    RowValues row;
    row.kind = RecordKind::Disbursement;
    row.set(DisbursementField::Amount, qint64(1250));
    row.set(DisbursementField::Source, QStringLiteral("https://example.org/a"));
    QCOMPARE(row.value(QStringLiteral("amount_minor")).toLongLong(), qint64(1250));
    QCOMPARE(row.number(DisbursementField::Amount), qint64(1250));
    QCOMPARE(row.text(DisbursementField::Source), QStringLiteral("https://example.org/a"));
    QVERIFY(!row.value(DisbursementField::Notes).isValid());
}

QTEST_GUILESS_MAIN(TestRecordFields)
#include "tst_recordfields.moc"
