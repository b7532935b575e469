#include "DeferredIndexes.h"

#include "Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

bool DeferredIndexes::isDeferrable(const QString &indexName)
{
    static const QStringList sortIndexes = { QStringLiteral("disbursements_by_date"),
        QStringLiteral("disbursements_by_amount"), QStringLiteral("disbursements_by_type"),
        QStringLiteral("disbursements_by_status"), QStringLiteral("disbursements_by_confidence"),
        QStringLiteral("disbursements_by_stake") };
    return sortIndexes.contains(indexName);
}

QStringList DeferredIndexes::pending(Database &db)
{
    QStringList names;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT name FROM deferred_indexes ORDER BY name"))) {
        while (q.next())
            names.append(q.value(0).toString());
    }
    return names;
}

bool DeferredIndexes::isPending(Database &db, const QString &indexName)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT 1 FROM deferred_indexes WHERE name = ?"));
    q.addBindValue(indexName);
    return q.exec() && q.next();
}

bool DeferredIndexes::build(Database &db, const std::atomic_bool *cancel,
                            const std::function<void(int done, int total)> &progress, QString *error)
{
    const int total = int(pending(db).size());
    if (total == 0)
        return true; // no write lock taken, no check run: the common case after every import
    for (int done = 0;; ++done) {
        if (progress)
            progress(done, total);
        if (cancel && cancel->load()) {
            *error = QCoreApplication::translate("DeferredIndexes", "%1: building the indexes was cancelled")
                         .arg(db.path());
            return false;
        }
        Transaction transaction(db);
        if (!transaction.isActive()) {
            *error = db.errorString();
            return false;
        }
        QString name;
        QString sql;
        {
            // Read inside the write transaction: another session building the same list has
            // either finished an index (gone from the list) or not begun it.
            QSqlQuery next(db.connection());
            next.setForwardOnly(true);
            if (!next.exec(QStringLiteral("SELECT name, sql FROM deferred_indexes ORDER BY name LIMIT 1"))) {
                *error = QStringLiteral("%1: %2").arg(db.path(), next.lastError().text());
                return false;
            }
            if (!next.next())
                return true;
            name = next.value(0).toString();
            sql = next.value(1).toString();
        }
        QSqlQuery remove(db.connection());
        remove.prepare(QStringLiteral("DELETE FROM deferred_indexes WHERE name = ?"));
        remove.addBindValue(name);
        if (!db.execCancellable(sql, cancel) || !remove.exec() || !transaction.commit()) {
            *error = cancel && cancel->load()
                ? QCoreApplication::translate("DeferredIndexes", "%1: building the indexes was cancelled").arg(db.path())
                : QCoreApplication::translate("DeferredIndexes", "%1: building the index %2: %3")
                      .arg(db.path(), name, db.errorString());
            return false;
        }
    }
}
