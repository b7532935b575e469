#include "RecordChecks.h"

#include "Database.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

bool RecordChecks::run(
    Database &db, const QString &sql, const QVariantList &binds, QString *error, QVariant *first)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        if (error)
            *error = db.describeError(q.lastError());
        return false;
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = db.describeError(q.lastError());
        return false;
    }
    if (first) {
        *first = q.next() ? q.value(0) : QVariant();
        if (!first->isValid() && q.lastError().isValid()) {
            if (error)
                *error = db.describeError(q.lastError());
            return false;
        }
    }
    return true;
}

QList<FieldIssue> RecordChecks::issues(const RowValues &r) const
{
    QList<FieldIssue> issues;
    // A query that fails says nothing about the row: the database's error (a disk that cannot be
    // read) is then the one issue, never "choose … from the list".
    QString failure;
    auto exists = [&](const QString &sql, const QVariantList &binds) {
        QVariant v;
        QString error;
        if (!run(m_db, sql, binds, &error, &v)) {
            if (failure.isEmpty())
                failure = error;
            return true;
        }
        return v.isValid() && !v.isNull();
    };
    auto mustExist = [&](const QString &column, const QString &sql, const QString &message) {
        const QVariant v = r.value(column);
        if (v.isValid() && !exists(sql, { v }))
            issues.append({ column, message });
    };
    const QString fundSql = QStringLiteral("SELECT 1 FROM funds WHERE id = ?");
    const QString countrySql = QStringLiteral("SELECT 1 FROM regions WHERE id = ? AND kind = 'country'");
    const QString provinceSql = QStringLiteral("SELECT 1 FROM regions WHERE id = ? AND kind = 'province'");
    const QString citySql = QStringLiteral("SELECT 1 FROM regions WHERE id = ? AND kind = 'city'");
    auto checkRegions = [&] {
        mustExist(QStringLiteral("country_id"), countrySql,
            QCoreApplication::translate("RecordStore", "Choose a country from the list."));
        mustExist(QStringLiteral("province_id"), provinceSql,
            QCoreApplication::translate("RecordStore", "Choose a province from the list."));
        mustExist(QStringLiteral("city_id"), citySql,
            QCoreApplication::translate("RecordStore", "Choose a city from the list."));
        const QVariant country = r.value(QStringLiteral("country_id"));
        const QVariant province = r.value(QStringLiteral("province_id"));
        const QVariant city = r.value(QStringLiteral("city_id"));
        if (province.isValid() && country.isValid()
            && !exists(QStringLiteral("SELECT 1 FROM regions WHERE id = ? AND parent_id = ?"),
                { province, country }))
            issues.append({ QStringLiteral("province_id"),
                QCoreApplication::translate("RecordStore", "The province is not in the chosen country.") });
        if (city.isValid() && province.isValid()
            && !exists(
                QStringLiteral("SELECT 1 FROM regions WHERE id = ? AND parent_id = ?"), { city, province }))
            issues.append({ QStringLiteral("city_id"),
                QCoreApplication::translate("RecordStore", "The city is not in the chosen province.") });
    };
    const QVariant id = r.id;
    switch (r.kind) {
    case RecordKind::Fund: {
        const QString name = r.text(QStringLiteral("name"));
        if (!name.isEmpty()
            && exists(QStringLiteral("SELECT 1 FROM funds WHERE name = ? AND id <> ?"), { name, id }))
            issues.append({ QStringLiteral("name"),
                QCoreApplication::translate("RecordStore", "Another fund is already called '%1'.")
                    .arg(name) });
        checkRegions();
        mustExist(QStringLiteral("parent_fund_id"), fundSql,
            QCoreApplication::translate("RecordStore", "Choose the parent fund from the list."));
        // Walking up from the parent must never come back to this fund.
        qint64 up = r.number(QStringLiteral("parent_fund_id"));
        QSet<qint64> seen;
        while (up != 0 && r.id != 0 && !seen.contains(up)) {
            if (up == r.id) {
                issues.append({ QStringLiteral("parent_fund_id"),
                    QCoreApplication::translate("RecordStore",
                        "That fund is already below this one; a fund cannot be its own "
                        "ancestor.") });
                break;
            }
            seen.insert(up);
            QVariant next;
            run(m_db, QStringLiteral("SELECT parent_fund_id FROM funds WHERE id = ?"), { up }, nullptr,
                &next);
            up = next.toLongLong();
        }
        break;
    }
    case RecordKind::Phase: {
        mustExist(QStringLiteral("fund_id"), fundSql,
            QCoreApplication::translate("RecordStore", "Choose the fund from the list."));
        const QString label = r.text(QStringLiteral("label"));
        if (!label.isEmpty()
            && exists(QStringLiteral("SELECT 1 FROM phases WHERE fund_id = ? AND label = ? AND id <> ?"),
                { r.value(QStringLiteral("fund_id")), label, id }))
            issues.append({ QStringLiteral("label"),
                QCoreApplication::translate("RecordStore", "This fund already has a phase '%1'.")
                    .arg(label) });
        mustExist(QStringLiteral("currency"), QStringLiteral("SELECT 1 FROM currencies WHERE code = ?"),
            QCoreApplication::translate("RecordStore", "Choose a currency from the list."));
        break;
    }
    case RecordKind::Investee: {
        const QString name = r.text(QStringLiteral("name"));
        if (!name.isEmpty()
            && exists(QStringLiteral("SELECT 1 FROM investees WHERE name = ? AND id <> ?"), { name, id }))
            issues.append({ QStringLiteral("name"),
                QCoreApplication::translate("RecordStore", "Another investee is already called '%1'.")
                    .arg(name) });
        mustExist(QStringLiteral("fund_id"), fundSql,
            QCoreApplication::translate("RecordStore", "Choose the look-through fund from the list."));
        mustExist(QStringLiteral("sector_id"), QStringLiteral("SELECT 1 FROM sectors WHERE id = ?"),
            QCoreApplication::translate("RecordStore", "Choose a sector from the list."));
        const QVariant segment = r.value(QStringLiteral("segment_id"));
        if (segment.isValid()
            && !exists(QStringLiteral("SELECT 1 FROM segments WHERE id = ? AND sector_id IS ?"),
                { segment, r.value(QStringLiteral("sector_id")) }))
            issues.append({ QStringLiteral("segment_id"),
                QCoreApplication::translate("RecordStore", "Choose a segment of the chosen sector.") });
        checkRegions();
        break;
    }
    case RecordKind::Disbursement:
        mustExist(QStringLiteral("phase_id"), QStringLiteral("SELECT 1 FROM phases WHERE id = ?"),
            QCoreApplication::translate("RecordStore", "Choose the phase from the list."));
        mustExist(QStringLiteral("investee_id"), QStringLiteral("SELECT 1 FROM investees WHERE id = ?"),
            QCoreApplication::translate("RecordStore", "Choose the investee from the list, or create it."));
        mustExist(QStringLiteral("currency"), QStringLiteral("SELECT 1 FROM currencies WHERE code = ?"),
            QCoreApplication::translate("RecordStore", "Choose a currency from the list."));
        break;
    }
    if (!failure.isEmpty())
        return { { QString(), failure } };
    return issues;
}
