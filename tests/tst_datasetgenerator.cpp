#include "Database.h"
#include "DatasetGenerator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

class TestDatasetGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsRequestedCounts();
    void coversEveryVocabularyEntry();
    void undisclosedAmountsAreNullNeverZero();
    void sameSeedSameRowsOtherSeedOtherRows();
    void fundOfFundsFlowsExist();
    void noDuplicateRowsEvenWhenDense();
    void databaseIsConsistentWithIndexesAndStatistics();
    void csvMatchesDatabase();
    void refusesExistingFiles();
    void rejectsBadSpecs();

private:
    static DatasetGenerator::Spec smallSpec(quint64 seed = 7);
    QString generate(const QString &name, quint64 seed = 7, const QString &csvDir = QString());
    qint64 scalar(Database &db, const QString &sql);
    QByteArray checksum(const QString &path);
    static QList<QStringList> readCsv(const QString &path, QString *error);

    std::unique_ptr<QTemporaryDir> m_dir;
};

DatasetGenerator::Spec TestDatasetGenerator::smallSpec(quint64 seed)
{
    DatasetGenerator::Spec spec;
    spec.disbursements = 2000;
    spec.investees = 300;
    spec.phases = 40;
    spec.seed = seed;
    return spec;
}

void TestDatasetGenerator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatasetGenerator::cleanup()
{
    m_dir.reset();
}

QString TestDatasetGenerator::generate(const QString &name, quint64 seed, const QString &csvDir)
{
    const QString path = m_dir->filePath(name);
    DatasetGenerator generator(smallSpec(seed));
    if (!generator.generate(path, csvDir)) {
        qWarning("%s", qPrintable(generator.errorString()));
        return QString();
    }
    return path;
}

qint64 TestDatasetGenerator::scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return -1;
    }
    return q.value(0).toLongLong();
}

// A hash over every row of every table the generator fills, in id order, with each value's type.
QByteArray TestDatasetGenerator::checksum(const QString &path)
{
    Database db;
    if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList queries = {
        QStringLiteral("SELECT * FROM funds ORDER BY id"),
        QStringLiteral("SELECT * FROM phases ORDER BY id"),
        QStringLiteral("SELECT * FROM investees ORDER BY id"),
        QStringLiteral("SELECT * FROM disbursements ORDER BY id"),
        QStringLiteral("SELECT * FROM exchange_rates ORDER BY currency, year"),
    };
    for (const QString &sql : queries) {
        QSqlQuery q(db.connection());
        q.setForwardOnly(true);
        if (!q.exec(sql))
            return QByteArray();
        while (q.next()) {
            for (int c = 0; c < q.record().count(); ++c) {
                const QVariant value = q.value(c);
                hash.addData(QByteArray::number(value.isNull() ? -1 : value.typeId()));
                hash.addData(value.toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
        }
    }
    return hash.result();
}

// A strict RFC 4180 reader: CRLF record ends, quoted fields may hold commas, quotes and line
// breaks. Any bare LF or CR outside quotes is an error.
QList<QStringList> TestDatasetGenerator::readCsv(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    const QString text = QString::fromUtf8(file.readAll());
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted) {
                *error = QStringLiteral("record %1: quote inside an unquoted field").arg(records.size() + 1);
                return {};
            }
            quoted = wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= text.size() || text.at(i + 1) != QLatin1Char('\n')) {
                *error = QStringLiteral("record %1: CR without LF").arg(records.size() + 1);
                return {};
            }
            ++i;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\n')) {
            *error = QStringLiteral("record %1: bare LF outside quotes").arg(records.size() + 1);
            return {};
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        *error = QStringLiteral("the file does not end with CRLF after the last record");
    return records;
}

void TestDatasetGenerator::createsRequestedCounts()
{
    DatasetGenerator generator(smallSpec());
    const QString path = m_dir->filePath(QStringLiteral("a.db"));
    QVERIFY2(generator.generate(path), qPrintable(generator.errorString()));
    const DatasetGenerator::Counts counts = generator.counts();
    QCOMPARE(counts.disbursements, 2000);
    QCOMPARE(counts.investees, 300);
    QCOMPARE(counts.phases, 40);
    QVERIFY(counts.funds > 10 && counts.funds < 40);
    QVERIFY(counts.fundOfFundsLinks > 0);

    Database db;
    QCOMPARE(db.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM disbursements")), 2000);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM investees")), 300);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM phases")), 40);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM funds")), counts.funds);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM funds WHERE parent_fund_id IS NOT NULL")),
        counts.fundOfFundsLinks);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM investees WHERE kind = 'fund'")),
        counts.fundOfFundsLinks);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM exchange_rates")), counts.exchangeRates);
    // Rates for every year of USD and HKD; EUR has gaps so that "no rate" cases exist.
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM exchange_rates WHERE currency = 'USD'"
                                " AND year BETWEEN 2010 AND 2026")),
        17);
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM exchange_rates WHERE currency = 'HKD'"
                                " AND year BETWEEN 2010 AND 2026")),
        17);
    const qint64 euroYears
        = scalar(db, QStringLiteral("SELECT count(*) FROM exchange_rates WHERE currency = 'EUR'"));
    QVERIFY(euroYears > 10 && euroYears < 17);
    // The huge funds have three phases, most funds one.
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT max(n) FROM (SELECT count(*) AS n FROM phases GROUP BY fund_id)")),
        3);
    QVERIFY(scalar(db,
                QStringLiteral("SELECT count(*) FROM (SELECT fund_id FROM phases GROUP BY fund_id"
                               " HAVING count(*) = 1)"))
        > counts.funds / 2);
}

void TestDatasetGenerator::coversEveryVocabularyEntry()
{
    const QString path = generate(QStringLiteral("a.db"));
    QVERIFY(!path.isEmpty());
    Database db;
    QCOMPARE(db.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM sectors")) >= 5);
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM sectors WHERE id NOT IN"
                                " (SELECT sector_id FROM investees WHERE sector_id IS NOT NULL)")),
        0);
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM segments WHERE id NOT IN"
                                " (SELECT segment_id FROM investees WHERE segment_id IS NOT NULL)")),
        0);
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM regions WHERE kind = 'province' AND id NOT IN"
                                " (SELECT province_id FROM investees WHERE province_id IS NOT NULL)")),
        0);
    // Every province also receives money: each investee has at least one disbursement.
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM investees WHERE id NOT IN"
                                " (SELECT investee_id FROM disbursements)")),
        0);
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM investees WHERE city_id IS NOT NULL")) > 100);
    QVERIFY(scalar(db,
                QStringLiteral("SELECT count(*) FROM investees i JOIN regions r ON r.id = i.country_id"
                               " WHERE r.code <> 'CN'"))
        > 0);
    // Chinese and English names, tickers for some.
    QVERIFY(
        scalar(db, QStringLiteral("SELECT count(*) FROM investees WHERE name_zh GLOB '*有限公司'")) > 200);
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM funds WHERE name_zh IS NULL")) == 0);
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM investees WHERE ticker IS NOT NULL")) > 10);

    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT level) FROM funds")), 4);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT kind) FROM funds")), 4);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT type) FROM disbursements")), 6);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT status) FROM disbursements")), 4);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT confidence) FROM disbursements")), 3);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT group_concat(currency, ' ') FROM (SELECT DISTINCT currency"
                                  " FROM disbursements WHERE currency IS NOT NULL ORDER BY currency)")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("CNY EUR HKD USD"));
    // Dates at every precision, all within 2010-2026.
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM disbursements WHERE length(value_date) = 10"))
        > 1000);
    QVERIFY(
        scalar(db, QStringLiteral("SELECT count(*) FROM disbursements WHERE length(value_date) = 7")) > 100);
    QVERIFY(
        scalar(db, QStringLiteral("SELECT count(*) FROM disbursements WHERE length(value_date) = 4")) > 50);
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM disbursements WHERE value_date IS NULL")) > 0);
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM disbursements WHERE year < 2010 OR year > 2026")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM disbursements WHERE source_url IS NULL")), 0);
    QVERIFY(
        scalar(db, QStringLiteral("SELECT count(*) FROM disbursements WHERE stake_pct IS NOT NULL")) > 100);
}

void TestDatasetGenerator::undisclosedAmountsAreNullNeverZero()
{
    const QString path = generate(QStringLiteral("a.db"));
    QVERIFY(!path.isEmpty());
    Database db;
    QCOMPARE(db.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    const qint64 undisclosed
        = scalar(db, QStringLiteral("SELECT count(*) FROM disbursements WHERE amount_minor IS NULL"));
    QVERIFY2(undisclosed > 80 && undisclosed < 250, qPrintable(QString::number(undisclosed))); // about 8 %
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM disbursements WHERE amount_minor IS NULL"
                                " AND currency IS NULL")),
        undisclosed);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM disbursements WHERE amount_minor <= 0")), 0);
    // Log-normal spread: amounts over several orders of magnitude.
    QVERIFY(scalar(db,
                QStringLiteral("SELECT max(amount_minor) / min(amount_minor) FROM disbursements"
                               " WHERE currency = 'CNY'"))
        > 10000);
}

void TestDatasetGenerator::sameSeedSameRowsOtherSeedOtherRows()
{
    const QString a = generate(QStringLiteral("a.db"), 7);
    const QString b = generate(QStringLiteral("b.db"), 7);
    const QString c = generate(QStringLiteral("c.db"), 8);
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    const QByteArray first = checksum(a);
    QVERIFY(!first.isEmpty());
    QCOMPARE(checksum(b), first);
    QVERIFY(checksum(c) != first);
}

void TestDatasetGenerator::fundOfFundsFlowsExist()
{
    const QString path = generate(QStringLiteral("a.db"));
    QVERIFY(!path.isEmpty());
    Database db;
    QCOMPARE(db.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    // A flow from a parent fund's phase to the investee that stands for its sub-fund.
    QVERIFY(scalar(db,
                QStringLiteral("SELECT count(*) FROM disbursements d"
                               " JOIN investees i ON i.id = d.investee_id"
                               " JOIN funds sub ON sub.id = i.fund_id"
                               " JOIN phases p ON p.id = d.phase_id"
                               " WHERE i.kind = 'fund' AND sub.parent_fund_id = p.fund_id"))
        > 10);
    // Such investees carry the sub-fund's name, as the interchange format links them.
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM investees i JOIN funds f ON f.id = i.fund_id"
                                " WHERE i.name <> f.name")),
        0);
    // Parents sit above their sub-funds.
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM funds c JOIN funds p ON p.id = c.parent_fund_id"
                                " WHERE p.level = c.level OR p.level = 'district' OR c.level = 'national'")),
        0);
}

// The interchange importer refuses a row with the same fund, phase, investee, date, type, amount
// and currency as another; one phase and one investee make such draws certain.
void TestDatasetGenerator::noDuplicateRowsEvenWhenDense()
{
    DatasetGenerator::Spec spec;
    spec.disbursements = 5000;
    spec.investees = 1;
    spec.phases = 1;
    spec.seed = 7;
    const QString path = m_dir->filePath(QStringLiteral("dense.db"));
    DatasetGenerator generator(spec);
    QVERIFY2(generator.generate(path), qPrintable(generator.errorString()));
    Database db;
    QCOMPARE(db.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM disbursements")), 5000);
    const QString duplicates = QStringLiteral(
        "SELECT count(*) FROM (SELECT 1 FROM disbursements GROUP BY phase_id, investee_id, value_date, type,"
        " amount_minor, currency HAVING count(*) > 1)");
    QCOMPARE(scalar(db, duplicates), 0);
    // Undisclosed rows without a date exist, and are still distinct (by type).
    QVERIFY(scalar(db,
                QStringLiteral("SELECT count(*) FROM disbursements WHERE value_date IS NULL"
                               " AND amount_minor IS NULL"))
        > 0);

    Database small;
    const QString smallPath = generate(QStringLiteral("a.db"));
    QVERIFY(!smallPath.isEmpty());
    QCOMPARE(small.open(smallPath, Database::OpenMode::OpenExisting), Database::Status::Ok);
    QCOMPARE(scalar(small, duplicates), 0);
}

void TestDatasetGenerator::databaseIsConsistentWithIndexesAndStatistics()
{
    const QString path = generate(QStringLiteral("a.db"));
    QVERIFY(!path.isEmpty());
    Database fresh;
    QCOMPARE(fresh.open(m_dir->filePath(QStringLiteral("empty.db")), Database::OpenMode::CreateNew),
        Database::Status::Ok);
    Database db;
    QCOMPARE(db.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);

    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
    const bool clean = !q.next();
    QVERIFY2(clean, clean ? "" : qPrintable(q.value(0).toString()));

    // The disbursement indexes dropped for the bulk insert are all back, exactly as the schema has them.
    auto indexes = [](Database &d) {
        QStringList list;
        QSqlQuery iq(d.connection());
        iq.exec(QStringLiteral("SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index'"
                               " AND sql IS NOT NULL ORDER BY name"));
        while (iq.next())
            list.append(iq.value(0).toString());
        return list;
    };
    const QStringList expected = indexes(fresh);
    QVERIFY(expected.filter(QStringLiteral("disbursements_by_")).size() >= 5);
    QCOMPARE(indexes(db), expected);
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'disbursements'")) >= 5);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")), Database::schemaVersion());
}

void TestDatasetGenerator::csvMatchesDatabase()
{
    const QString csvDir = m_dir->filePath(QStringLiteral("csv"));
    const QString path = generate(QStringLiteral("a.db"), 7, csvDir);
    QVERIFY(!path.isEmpty());
    Database db;
    QCOMPARE(db.open(path, Database::OpenMode::OpenExisting), Database::Status::Ok);

    struct Expected
    {
        QString file;
        QString header;
        QString countSql;
    };
    const QList<Expected> files = {
        { QStringLiteral("funds.csv"),
            QStringLiteral(
                "name,name_zh,kind,level,country,province,city,parent_fund,manager,notes,source_url"),
            QStringLiteral("SELECT count(*) FROM funds") },
        { QStringLiteral("phases.csv"),
            QStringLiteral("fund,phase,start_date,capital,currency,capital_basis,source_url"),
            QStringLiteral("SELECT count(*) FROM phases") },
        { QStringLiteral("investees.csv"),
            QStringLiteral(
                "name,name_zh,kind,sector,segment,country,province,city,ticker,founded,notes,source_url"),
            QStringLiteral("SELECT count(*) FROM investees") },
        { QStringLiteral("disbursements.csv"),
            QStringLiteral(
                "fund,phase,investee,date,type,amount,currency,stake_pct,status,confidence,source_url,notes"),
            QStringLiteral("SELECT count(*) FROM disbursements") },
        { QStringLiteral("exchange_rates.csv"), QStringLiteral("currency,year,cny_per_unit,source"),
            QStringLiteral("SELECT count(*) FROM exchange_rates") },
    };
    QCOMPARE(DatasetGenerator::csvFileNames().size(), files.size());
    QHash<QString, QList<QStringList>> parsed;
    for (const Expected &expected : files) {
        QString error;
        const QList<QStringList> records = readCsv(QDir(csvDir).filePath(expected.file), &error);
        QVERIFY2(error.isEmpty(), qPrintable(expected.file + QStringLiteral(": ") + error));
        QVERIFY(!records.isEmpty());
        QCOMPARE(records.first().join(QLatin1Char(',')), expected.header);
        QCOMPARE(records.size() - 1, scalar(db, expected.countSql));
        const qsizetype columns = records.first().size();
        for (qsizetype r = 1; r < records.size(); ++r)
            QCOMPARE(records.at(r).size(), columns);
        parsed.insert(expected.file, records);
    }

    // Disbursements row by row against the database, by names (amounts in major units).
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT f.name, p.label, i.name, ifnull(d.value_date, ''), d.type, d.amount_minor, "
        "ifnull(d.currency, ''),"
        " d.stake_pct, d.status, d.confidence, d.source_url, ifnull(d.notes, '')"
        " FROM disbursements d JOIN phases p ON p.id = d.phase_id JOIN funds f ON f.id = p.fund_id"
        " JOIN investees i ON i.id = d.investee_id ORDER BY d.id")));
    const QList<QStringList> &rows = parsed.value(QStringLiteral("disbursements.csv"));
    int row = 1;
    int quotedNotes = 0;
    while (q.next()) {
        const QStringList &csv = rows.at(row);
        const QString where = QStringLiteral("disbursements.csv record %1").arg(row);
        for (int c : { 0, 1, 2, 3, 4, 6, 8, 9, 10, 11 })
            QVERIFY2(
                csv.at(c) == q.value(c).toString(), qPrintable(where + QStringLiteral(" column %1").arg(c)));
        if (q.value(5).isNull()) {
            QVERIFY2(csv.at(5).isEmpty(), qPrintable(where));
        } else {
            bool ok = false;
            const double major = csv.at(5).toDouble(&ok);
            QVERIFY2(ok, qPrintable(where));
            QCOMPARE(qRound64(major * 100), q.value(5).toLongLong());
        }
        if (q.value(7).isNull())
            QVERIFY(csv.at(7).isEmpty());
        else
            QCOMPARE(csv.at(7).toDouble(), q.value(7).toDouble());
        if (csv.at(11).contains(QLatin1Char(',')) || csv.at(11).contains(QLatin1Char('"')))
            ++quotedNotes;
        ++row;
    }
    QCOMPARE(row, rows.size());
    QVERIFY(quotedNotes > 0);

    // Fund-of-funds links by name: every parent_fund names a fund, every 'fund' investee a fund.
    QSet<QString> fundNames;
    const QList<QStringList> &funds = parsed.value(QStringLiteral("funds.csv"));
    for (qsizetype r = 1; r < funds.size(); ++r)
        fundNames.insert(funds.at(r).at(0));
    int parents = 0;
    for (qsizetype r = 1; r < funds.size(); ++r) {
        if (!funds.at(r).at(7).isEmpty()) {
            QVERIFY(fundNames.contains(funds.at(r).at(7)));
            ++parents;
        }
    }
    QVERIFY(parents > 0);
    const QList<QStringList> &investees = parsed.value(QStringLiteral("investees.csv"));
    int fundInvestees = 0;
    for (qsizetype r = 1; r < investees.size(); ++r) {
        if (investees.at(r).at(2) == QLatin1String("fund")) {
            QVERIFY(fundNames.contains(investees.at(r).at(0)));
            QVERIFY(investees.at(r).at(3).isEmpty());
            ++fundInvestees;
        }
    }
    QCOMPARE(fundInvestees, parents);
    // Every file is UTF-8 with the Chinese names intact.
    QVERIFY(investees.at(1).at(1).endsWith(QStringLiteral("公司")));
}

void TestDatasetGenerator::refusesExistingFiles()
{
    const QString path = m_dir->filePath(QStringLiteral("taken.db"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    DatasetGenerator generator(smallSpec());
    QVERIFY(!generator.generate(path));
    QVERIFY(generator.errorString().contains(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));

    // A CSV file in the way: nothing is created, not even the database.
    const QString csvDir = m_dir->filePath(QStringLiteral("csv"));
    QVERIFY(QDir().mkpath(csvDir));
    {
        QFile taken(QDir(csvDir).filePath(QStringLiteral("phases.csv")));
        QVERIFY(taken.open(QIODevice::WriteOnly));
    }
    const QString other = m_dir->filePath(QStringLiteral("other.db"));
    QVERIFY(!generator.generate(other, csvDir));
    QVERIFY(generator.errorString().contains(QStringLiteral("phases.csv")));
    QVERIFY(!QFile::exists(other));
    QVERIFY(!QFile::exists(QDir(csvDir).filePath(QStringLiteral("funds.csv"))));
}

void TestDatasetGenerator::rejectsBadSpecs()
{
    DatasetGenerator::Spec spec = smallSpec();
    QVERIFY(DatasetGenerator::checkSpec(spec).isEmpty());
    spec.phases = 0;
    QVERIFY(DatasetGenerator::checkSpec(spec).contains(QStringLiteral("phases")));
    spec = smallSpec();
    spec.investees = 0;
    QVERIFY(DatasetGenerator::checkSpec(spec).contains(QStringLiteral("investees")));
    spec = smallSpec();
    spec.disbursements = -1;
    QVERIFY(DatasetGenerator::checkSpec(spec).contains(QStringLiteral("disbursements")));

    DatasetGenerator generator(spec);
    const QString path = m_dir->filePath(QStringLiteral("bad.db"));
    QVERIFY(!generator.generate(path));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestDatasetGenerator)
#include "tst_datasetgenerator.moc"
