#pragma once

// Shared by the editing tests (repositories, undo commands, models, forms): a fresh copy of the
// embedded sample, a text dump of every table to compare database states exactly, and small
// query helpers written apart from the code under test.

#include "Database.h"
#include "SampleDatabase.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace EditTestData {

/// Creates `path` and loads the embedded sample into it.
inline bool openSample(Database &db, const QString &path, QString *error)
{
    if (db.open(path, Database::OpenMode::CreateNew) != Database::Status::Ok) {
        *error = db.errorString();
        return false;
    }
    return SampleDatabase::load(db, error);
}

/// Every row of every table (history too unless withHistory is false), one line per row with
/// its columns' types and values, ordered by key: equal dumps mean equal databases.
inline QString dump(Database &db, bool withHistory = false)
{
    QStringList tables = { QStringLiteral("currencies"), QStringLiteral("regions"), QStringLiteral("sectors"),
        QStringLiteral("segments"), QStringLiteral("funds"), QStringLiteral("phases"),
        QStringLiteral("investees"), QStringLiteral("disbursements"), QStringLiteral("exchange_rates") };
    if (withHistory)
        tables.append(QStringLiteral("history"));
    QString out;
    for (const QString &table : tables) {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(table));
        while (q.next()) {
            QStringList cells;
            for (int c = 0; c < q.record().count(); ++c) {
                const QVariant v = q.value(c);
                cells.append(v.isNull()
                        ? QStringLiteral("NULL")
                        : QString::fromLatin1(v.typeName()) + QLatin1Char(':') + v.toString());
            }
            out += table + QLatin1Char('|') + cells.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    return out;
}

/// The first column of the first row, or an invalid QVariant.
inline QVariant value(Database &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

inline qint64 count(Database &db, const QString &sql, const QVariantList &binds = {})
{
    return value(db, sql, binds).toLongLong();
}

inline bool exec(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql);
}

} // namespace EditTestData
