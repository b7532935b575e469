#include "RecordPicker.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QInputMethodEvent>
#include <QSignalSpy>
#include <QTest>

namespace {

QList<NameMatch> search(const QString &text, int limit)
{
    static const QList<NameMatch> all = {
        { 11, QStringLiteral("Semiconductor Manufacturing International Corp. (SMIC)"),
            QStringLiteral("中芯国际集成电路制造有限公司"), {} },
        { 12, QStringLiteral("SMIC Beijing 28nm joint venture"),
            QStringLiteral("中芯京城集成电路制造(北京)有限公司"), {} },
        { 13, QStringLiteral("Hua Hong Semiconductor Ltd."), QStringLiteral("华虹半导体有限公司"), {} },
    };
    QList<NameMatch> out;
    for (const NameMatch &m : all) {
        if ((m.name.contains(text.trimmed(), Qt::CaseInsensitive) || m.nameZh.contains(text.trimmed()))
            && out.size() < limit)
            out.append(m);
    }
    return out;
}

} // namespace

class TestRecordPicker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactNamesPick();
    void suggestionsAndChoosing();
    void singleMatchTakenWhenEditingEnds();
    void problems();
};

void TestRecordPicker::exactNamesPick()
{
    RecordPicker picker(search);
    QSignalSpy changed(&picker, &RecordPicker::recordChanged);
    QTest::keyClicks(&picker, QStringLiteral("hua hong semiconductor ltd."));
    QCOMPARE(picker.recordId(), qint64(13));
    QCOMPARE(changed.count(), 1);
    picker.clear();
    QTest::keyClicks(&picker, QStringLiteral("x"));
    QCOMPARE(picker.recordId(), qint64(0));
    picker.setRecord(12, QStringLiteral("SMIC Beijing 28nm joint venture"));
    QCOMPARE(picker.recordId(), qint64(12));
    QCOMPARE(picker.text(), QStringLiteral("SMIC Beijing 28nm joint venture"));
}

void TestRecordPicker::suggestionsAndChoosing()
{
    RecordPicker picker(search);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    picker.setFocus();
    QTest::keyClicks(&picker, QStringLiteral("smic"));
    QCOMPARE(picker.suggestions()->rowCount(), 2);
    QCOMPARE(picker.recordId(), qint64(0)); // two candidates: none picked yet
    QVERIFY(picker.suggestionCompleter()->popup()->isVisible());
    // Choosing a suggestion puts its English name in the field and picks it.
    Q_EMIT picker.suggestionCompleter()->activated(picker.suggestions()->index(1));
    QCOMPARE(picker.text(), QStringLiteral("SMIC Beijing 28nm joint venture"));
    QCOMPARE(picker.recordId(), qint64(12));
}

void TestRecordPicker::singleMatchTakenWhenEditingEnds()
{
    RecordPicker picker(search);
    QInputMethodEvent typed; // Chinese arrives from the input method
    typed.setCommitString(QStringLiteral("华虹"));
    QApplication::sendEvent(&picker, &typed);
    QCOMPARE(picker.recordId(), qint64(0));
    Q_EMIT picker.editingFinished();
    QCOMPARE(picker.recordId(), qint64(13));
    QCOMPARE(picker.text(), QStringLiteral("Hua Hong Semiconductor Ltd."));
}

void TestRecordPicker::problems()
{
    RecordPicker picker(search);
    QVERIFY(picker.problem(RecordKind::Investee).isEmpty()); // empty is not a problem here
    picker.setText(QStringLiteral("Intel"));
    Q_EMIT picker.textEdited(picker.text());
    QCOMPARE(picker.problem(RecordKind::Investee), QStringLiteral("No investee is called “Intel”."));
    picker.setText(QStringLiteral("SMIC"));
    Q_EMIT picker.textEdited(picker.text());
    QVERIFY(picker.problem(RecordKind::Investee).contains(QStringLiteral("matches 2 investee(s)")));
}

QTEST_MAIN(TestRecordPicker)
#include "tst_recordpicker.moc"
