#include "Database.h"
#include "ExportTestSupport.h"
#include "Lookup.h"
#include "SourceRepository.h"

#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The sources behind the numbers: the addresses of the filtered disbursements' source_url
// fields (several per field, separated by " | "), each once, against an independent count.

class TestSourceRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyAddressOnce_data();
    void everyAddressOnce();
    void splitsAndTrims();

private:
    QStringList independent(const QString &where, const QVariantList &binds);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestSourceRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(ExportTestSupport::openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error), qPrintable(error));
}

void TestSourceRepository::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QStringList TestSourceRepository::independent(const QString &where, const QVariantList &binds)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT source_url FROM disbursements d WHERE ") + where);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        qFatal("query failed");
    QSet<QString> set;
    while (q.next()) {
        for (const QString &part : q.value(0).toString().split(QLatin1Char('|'))) {
            if (!part.trimmed().isEmpty())
                set.insert(part.trimmed());
        }
    }
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

void TestSourceRepository::everyAddressOnce_data()
{
    QTest::addColumn<QString>("sector");
    QTest::addColumn<QString>("from");
    QTest::addRow("all") << QString() << QString();
    QTest::addRow("quantum") << QStringLiteral("Quantum") << QString();
    QTest::addRow("since 2023") << QString() << QStringLiteral("2023");
}

void TestSourceRepository::everyAddressOnce()
{
    QFETCH(QString, sector);
    QFETCH(QString, from);
    Filter filter;
    QString where = QStringLiteral("d.status <> 'cancelled'");
    QVariantList binds;
    if (!sector.isEmpty()) {
        filter.sectors = { *Lookup(*m_db).sectorId(sector) };
        where += QStringLiteral(" AND d.investee_id IN (SELECT id FROM investees WHERE sector_id = ?)");
        binds.append(filter.sectors.constFirst());
    }
    if (!from.isEmpty()) {
        filter.from = from;
        where += QStringLiteral(" AND substr(d.value_date, 1, 4) >= ?");
        binds.append(from);
    }
    const QStringList expected = independent(where, binds);
    QVERIFY(!expected.isEmpty());
    QString error;
    QCOMPARE(SourceRepository(*m_db).sources(filter, &error), expected);
    QVERIFY(error.isEmpty());
    QCOMPARE(SourceRepository(*m_db).sourceCount(filter, &error), qint64(expected.size()));
}

void TestSourceRepository::splitsAndTrims()
{
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM disbursements")));
    QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO disbursements(phase_id, investee_id, type, status, source_url) VALUES "
            "((SELECT min(id) FROM phases), (SELECT min(id) FROM investees), 'grant', 'completed', 'https://b.example | https://a.example'),"
            "((SELECT min(id) FROM phases), (SELECT min(id) FROM investees), 'grant', 'completed', 'https://a.example'),"
            "((SELECT min(id) FROM phases), (SELECT min(id) FROM investees), 'grant', 'completed', ''),"
            "((SELECT min(id) FROM phases), (SELECT min(id) FROM investees), 'grant', 'completed', NULL),"
            "((SELECT min(id) FROM phases), (SELECT min(id) FROM investees), 'grant', 'cancelled', 'https://c.example')")));
    QCOMPARE(SourceRepository(*m_db).sources({}), (QStringList { QStringLiteral("https://a.example"), QStringLiteral("https://b.example") }));
    Filter withCancelled;
    withCancelled.statuses = { QStringLiteral("completed"), QStringLiteral("cancelled") };
    QCOMPARE(SourceRepository(*m_db).sourceCount(withCancelled), 3);
}

QTEST_GUILESS_MAIN(TestSourceRepository)
#include "tst_sourcerepository.moc"
