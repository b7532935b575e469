#include "Database.h"
#include "EditTestData.h"
#include "PhaseRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace EditTestData;

namespace {
const QString BigFund = QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)");
}

class TestPhaseRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void ofFundAndById();
    void writes();

private:
    QTemporaryDir *m_dir = nullptr;
    Database m_db;
};

void TestPhaseRepository::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    QVERIFY2(openSample(m_db, m_dir->filePath(QStringLiteral("t.db")), &error), qPrintable(error));
}

void TestPhaseRepository::cleanup()
{
    m_db.close();
    delete m_dir;
}

void TestPhaseRepository::ofFundAndById()
{
    PhaseRepository phases(m_db);
    const qint64 fund = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    const QList<PhaseRecord> list = phases.ofFund(fund);
    QCOMPARE(qint64(list.size()),
        count(m_db, QStringLiteral("SELECT count(*) FROM phases WHERE fund_id = ?"), { fund }));
    // Dated phases in order, undated ones last.
    QString last;
    bool undated = false;
    for (const PhaseRecord &p : list) {
        QCOMPARE(p.fundId, fund);
        if (p.startDate.isEmpty()) {
            undated = true;
            continue;
        }
        QVERIFY(!undated);
        QVERIFY(p.startDate >= last);
        last = p.startDate;
    }
    const auto one = phases.byId(list.constFirst().id);
    QVERIFY(one);
    QCOMPARE(one->label, list.constFirst().label);
    QCOMPARE(one->fundId, fund);
}

void TestPhaseRepository::writes()
{
    PhaseRepository phases(m_db);
    const qint64 fund = count(m_db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { BigFund });
    RowValues phase;
    phase.set(QStringLiteral("fund_id"), fund);
    phase.set(QStringLiteral("label"), QStringLiteral("Phase IV"));
    phase.set(QStringLiteral("start_date"), QStringLiteral("2030-01"));
    phase.set(QStringLiteral("capital_minor"), qint64(5000000000000));
    phase.set(QStringLiteral("currency"), QStringLiteral("CNY"));
    QString error;
    QVERIFY2(phases.insert(phase, &error), qPrintable(error));
    // The same label twice in one fund is refused by field.
    RowValues twin = phase;
    twin.id = 0;
    QVERIFY(!phases.insert(twin, &error));
    QVERIFY2(
        error.startsWith(QStringLiteral("phase label: This fund already has a phase")), qPrintable(error));
    // Capital without currency is refused.
    QVERIFY(!phases.update(phase.id, { { QStringLiteral("currency"), QVariant() } }, &error));
    QVERIFY(phases.update(
        phase.id, { { QStringLiteral("capital_basis"), QStringLiteral("registered") } }, &error));
    QCOMPARE(phases.values(phase.id)->text(QStringLiteral("capital_basis")), QStringLiteral("registered"));

    const qint64 busy = count(m_db,
        QStringLiteral("SELECT phase_id FROM disbursements GROUP BY phase_id "
                       "ORDER BY count(*) DESC LIMIT 1"));
    QVERIFY(phases.dependents(busy).disbursements > 0);
    const QString before = dump(m_db);
    Removal removed;
    QVERIFY(!phases.remove(busy, false, &removed, &error));
    QVERIFY(phases.remove(busy, true, &removed, &error));
    QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM disbursements WHERE phase_id = ?"), { busy }),
        qint64(0));
    QVERIFY(phases.restore(removed, &error));
    QCOMPARE(dump(m_db), before);
}

QTEST_GUILESS_MAIN(TestPhaseRepository)
#include "tst_phaserepository.moc"
