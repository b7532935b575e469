#pragma once

// A small hand-made dataset for the aggregation, filter and summary tests: a fund-of-funds pair,
// phases, investees in several sectors and provinces (one abroad, one with only a city, one with
// only a province, one with nothing), every event type, cancelled and undisclosed events, CNY,
// USD, HKD, JPY and EUR amounts with and without rates, and dates of every precision or none.

#include "Database.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include "Filter.h"

namespace AggregationTestData {

inline const char *script()
{
    return R"SQL(
INSERT INTO funds(id, name, name_zh, kind, level, country_id, parent_fund_id) VALUES
 (1, 'National IC Fund (test)', '国家集成电路产业投资基金（测试）', 'fund', 'national',
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'), NULL),
 (2, 'Sub Fund A (test)', '子基金甲（测试）', 'fund', 'national',
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'), 1),
 (3, 'Shanghai IC Fund (test)', '上海集成电路基金（测试）', 'fund', 'provincial',
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'), NULL),
 (4, 'Test Policy Bank', NULL, 'bank', 'national', NULL, NULL);

INSERT INTO phases(id, fund_id, label, start_date) VALUES
 (11, 1, 'Phase I', '2014-09-26'), (12, 1, 'Phase II', '2019-10-22'), (13, 1, 'Phase III', '2024-05-24'),
 (21, 2, 'Phase I', '2024-12'), (31, 3, 'Phase I', '2016'), (41, 4, 'Phase I', NULL);

INSERT INTO investees(id, name, name_zh, kind, fund_id, sector_id, segment_id, country_id, province_id, city_id) VALUES
 (101, 'Chip Foundry Co', '芯片代工公司', 'company', NULL,
     (SELECT id FROM sectors WHERE name = 'Semiconductors'),
     (SELECT g.id FROM segments g JOIN sectors s ON s.id = g.sector_id WHERE s.name = 'Semiconductors' AND g.name = 'foundry'),
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'),
     (SELECT id FROM regions WHERE kind = 'province' AND name = 'Shanghai'),
     (SELECT id FROM regions WHERE kind = 'city' AND name = 'Shanghai')),
 (102, 'Chip Design Co', '芯片设计公司', 'company', NULL,
     (SELECT id FROM sectors WHERE name = 'Semiconductors'),
     (SELECT g.id FROM segments g JOIN sectors s ON s.id = g.sector_id WHERE s.name = 'Semiconductors' AND g.name = 'design'),
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'),
     (SELECT id FROM regions WHERE kind = 'province' AND name = 'Guangdong'),
     (SELECT id FROM regions WHERE kind = 'city' AND name = 'Shenzhen')),
 (103, 'Fab Equipment Co', '设备公司', 'company', NULL,
     (SELECT id FROM sectors WHERE name = 'Semiconductors'),
     (SELECT g.id FROM segments g JOIN sectors s ON s.id = g.sector_id WHERE s.name = 'Semiconductors' AND g.name = 'equipment'),
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'),
     (SELECT id FROM regions WHERE kind = 'province' AND name = 'Beijing'), NULL),
 (104, 'Quantum Equipment Co', '量子设备公司', 'company', NULL,
     (SELECT id FROM sectors WHERE name = 'Quantum'),
     (SELECT g.id FROM segments g JOIN sectors s ON s.id = g.sector_id WHERE s.name = 'Quantum' AND g.name = 'equipment'),
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'),
     (SELECT id FROM regions WHERE kind = 'province' AND name = 'Anhui'),
     (SELECT id FROM regions WHERE kind = 'city' AND name = 'Hefei')),
 (105, 'Hangzhou 100% AI Co', '杭州人工智能公司', 'company', NULL,
     (SELECT id FROM sectors WHERE name = 'Artificial intelligence'),
     (SELECT g.id FROM segments g JOIN sectors s ON s.id = g.sector_id WHERE s.name = 'Artificial intelligence' AND g.name = 'large language models'),
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'), NULL,
     (SELECT id FROM regions WHERE kind = 'city' AND name = 'Hangzhou')),
 (106, 'Somewhere Bio Co', '某生物公司', 'company', NULL,
     (SELECT id FROM sectors WHERE name = 'Biotechnology'), NULL,
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'), NULL, NULL),
 (107, 'Nippon_Materials KK', NULL, 'company', NULL,
     (SELECT id FROM sectors WHERE name = 'Semiconductors'),
     (SELECT g.id FROM segments g JOIN sectors s ON s.id = g.sector_id WHERE s.name = 'Semiconductors' AND g.name = 'materials'),
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'JP'), NULL, NULL),
 (108, 'Mystery Co', '神秘公司', 'company', NULL, NULL, NULL, NULL, NULL, NULL),
 (109, 'Jiangsu Battery Co', '江苏电池公司', 'company', NULL,
     (SELECT id FROM sectors WHERE name = 'New energy vehicles & batteries'),
     (SELECT g.id FROM segments g JOIN sectors s ON s.id = g.sector_id WHERE s.name = 'New energy vehicles & batteries' AND g.name = 'batteries'),
     NULL, (SELECT id FROM regions WHERE kind = 'province' AND name = 'Jiangsu'), NULL),
 (110, 'Sub Fund A (test)', '子基金甲（测试）', 'fund', 2, NULL, NULL,
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'),
     (SELECT id FROM regions WHERE kind = 'province' AND name = 'Beijing'), NULL),
 (111, 'Sub Fund B (test)', NULL, 'fund', NULL, NULL, NULL,
     (SELECT id FROM regions WHERE kind = 'country' AND code = 'CN'),
     (SELECT id FROM regions WHERE kind = 'province' AND name = 'Shanghai'), NULL);

INSERT INTO exchange_rates(currency, year, cny_per_unit) VALUES
 ('USD', 2015, 6.2284), ('USD', 2016, 6.6423), ('USD', 2018, 6.6174), ('USD', 2019, 6.8985),
 ('USD', 2020, 6.8976), ('USD', 2021, 6.4515), ('USD', 2024, 7.1217), ('USD', 2025, 7.1884),
 ('HKD', 2019, 0.8805), ('HKD', 2021, 0.8299), ('HKD', 2022, 0.8567), ('JPY', 2020, 0.064636);

INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor, currency, status, confidence) VALUES
 (11, 101, '2015-12', 'equity purchase', 1000000000000, 'CNY', 'completed', 'high'),
 (11, 101, '2021-04', 'equity sale', 258000000000, 'HKD', 'completed', 'low'),
 (11, 102, '2016', 'equity purchase', NULL, NULL, 'completed', 'medium'),
 (12, 103, '2019-10-22', 'equity purchase', 50000000000, 'USD', 'completed', 'high'),
 (12, 104, '2020-05', 'loan', 20000000000, 'CNY', 'committed', 'medium'),
 (12, 107, '2020', 'equity purchase', 3000000000, 'JPY', 'completed', 'medium'),
 (12, 105, '2022-03-01', 'grant', 5000000, 'USD', 'completed', 'low'),
 (12, 106, NULL, 'disbursement', 100000000, 'CNY', 'completed', 'low'),
 (12, 106, NULL, 'disbursement', 100000, 'USD', 'announced', 'low'),
 (13, 110, '2024-12-31', 'commitment', 9300000000000, 'CNY', 'committed', 'high'),
 (13, 111, '2025-01', 'commitment', NULL, NULL, 'announced', 'medium'),
 (13, 102, '2024-07-15', 'equity purchase', 77700000000, 'CNY', 'cancelled', 'medium'),
 (21, 103, '2025-02', 'equity purchase', 1000000000000, 'CNY', 'completed', 'high'),
 (21, 102, '2025', 'commitment', 200000000000, 'CNY', 'committed', 'medium'),
 (31, 111, '2021-06-30', 'disbursement', 50000000000, 'CNY', 'completed', 'high'),
 (31, 101, '2019-07', 'equity purchase', 3000000000, 'USD', 'completed', 'medium'),
 (31, 108, '2020-12-31', 'grant', 990000000, 'HKD', 'completed', 'low'),
 (41, 105, '2019', 'loan', 800000000000, 'CNY', 'completed', 'high'),
 (41, 109, '2022', 'loan', 1234567800, 'HKD', 'committed', 'medium'),
 (41, 107, '2021-11', 'equity sale', 1000000000, 'USD', 'completed', 'medium'),
 (41, 101, '2018-02', 'loan', 400000000000, 'CNY', 'cancelled', 'low'),
 (11, 101, '2020-01', 'disbursement', 123456789, 'CNY', 'committed', 'high'),
 (12, 102, '2020-05-01', 'equity purchase', NULL, NULL, 'completed', 'medium'),
 (13, 109, '2024-06', 'grant', 2500000, 'EUR', 'announced', 'low'),
 (11, 108, '2017', 'disbursement', 700000000, 'CNY', 'completed', 'low');
)SQL";
}

/// Loads the dataset into an open, freshly created database in one transaction.
inline bool load(Database &db, QString *error)
{
    Transaction transaction(db);
    if (!transaction.isActive() || !db.execScript(QString::fromUtf8(script())) || !transaction.commit()) {
        *error = db.errorString();
        return false;
    }
    return true;
}

/// The first column of the first row, or -1 when there is none (or it is NULL).
inline qint64 scalar(Database &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).isNull() ? -1 : q.value(0).toLongLong();
}

/// A Filter from a spec of names: "fund=NAME;phase=FUND/LABEL;sector=NAME;segment=SECTOR/SEGMENT;
/// region=KIND:NAME;from=..;to=..;type=..;status=..;confidence=..;text=..;currency=.." (list keys
/// repeatable). Aborts on a name the dataset does not hold, so a typo cannot make a test vacuous.
inline Filter filterFrom(Database &db, const QString &spec)
{
    Filter f;
    for (const QString &part : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0);
        const QString value = part.section(QLatin1Char('='), 1);
        qint64 id = 0;
        if (key == QLatin1String("fund")) {
            id = scalar(db, QStringLiteral("SELECT id FROM funds WHERE name = ?"), { value });
            f.funds.append(id);
        } else if (key == QLatin1String("phase")) {
            id = scalar(db,
                QStringLiteral("SELECT p.id FROM phases p JOIN funds f ON f.id = p.fund_id "
                               "WHERE f.name = ? AND p.label = ?"),
                { value.section(QLatin1Char('/'), 0, 0), value.section(QLatin1Char('/'), 1) });
            f.phases.append(id);
        } else if (key == QLatin1String("sector")) {
            id = scalar(db, QStringLiteral("SELECT id FROM sectors WHERE name = ?"), { value });
            f.sectors.append(id);
        } else if (key == QLatin1String("segment")) {
            id = scalar(db,
                QStringLiteral("SELECT g.id FROM segments g JOIN sectors s ON s.id = g.sector_id "
                               "WHERE s.name = ? AND g.name = ?"),
                { value.section(QLatin1Char('/'), 0, 0), value.section(QLatin1Char('/'), 1) });
            f.segments.append(id);
        } else if (key == QLatin1String("region")) {
            id = scalar(db, QStringLiteral("SELECT id FROM regions WHERE kind = ? AND name = ?"),
                { value.section(QLatin1Char(':'), 0, 0), value.section(QLatin1Char(':'), 1) });
            f.regions.append(id);
        } else if (key == QLatin1String("from")) {
            f.from = value;
        } else if (key == QLatin1String("to")) {
            f.to = value;
        } else if (key == QLatin1String("type")) {
            f.types.append(value);
        } else if (key == QLatin1String("status")) {
            f.statuses.append(value);
        } else if (key == QLatin1String("confidence")) {
            f.confidences.append(value);
        } else if (key == QLatin1String("text")) {
            f.text = value;
        } else if (key == QLatin1String("currency")) {
            f.currency = value;
        } else {
            qFatal("bad filter spec key");
        }
        if (id < 0)
            qFatal("filter spec names something that is not in the dataset");
    }
    return f;
}

} // namespace AggregationTestData
