#include "SqliteStorage.h"

#include "Database.h"
#include "ImportedRows.h"
#include "SqliteStatement.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>

#include <sqlite3.h>

namespace {

// Above this many disbursements, dropping their indexes and building them once afterwards is
// cheaper than updating nine B-trees row by row (the loader does the same).
constexpr qint64 BulkRows = 50000;

// SQLite's message for the connection's last error, through the gateway (which names damage).
QString sqliteMessage(const Database &database, sqlite3 *db)
{
    return database.describeError(sqlite3_extended_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)));
}

bool exec(const Database &database, sqlite3 *db, const QByteArray &sql, QString *error)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return true;
    if (error)
        *error = database.describeError(rc, QString::fromUtf8(message ? message : sqlite3_errmsg(db)));
    sqlite3_free(message);
    return false;
}

// The stored columns of a table (generated columns are left out: SQLite computes them).
QByteArray columnList(sqlite3 *db, const QByteArray &table)
{
    SqliteStatement q(db, "PRAGMA main.table_xinfo(" + table + ")");
    QByteArrayList names;
    while (q.isPrepared() && sqlite3_step(q.handle()) == SQLITE_ROW) {
        if (sqlite3_column_int(q.handle(), 6) == 0)
            names.append(
                '"' + QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(q.handle(), 1))) + '"');
    }
    return names.join(", ");
}

} // namespace

// out: copy the rows to a scratch database in `scratchFolder` and delete them; otherwise copy
// them back. The scratch file is attached only for the duration (ATTACH cannot run inside a
// transaction).
bool SqliteStorage::moveImportedRows(
    Database &db, const ImportedRows &rows, const QString &scratchFolder, bool out, QString *error) const
{
    sqlite3 *sql = db.handle();
    const QByteArray scratch = QDir(scratchFolder).filePath(QStringLiteral("import-undo.db")).toUtf8();
    {
        SqliteStatement attach(sql, "ATTACH ?1 AS import_undo");
        if (!attach.isPrepared()) {
            if (error)
                *error = sqliteMessage(db, sql);
            return false;
        }
        if (sqlite3_bind_text(attach.handle(), 1, scratch.constData(), int(scratch.size()), SQLITE_TRANSIENT) != SQLITE_OK
            || sqlite3_step(attach.handle()) != SQLITE_DONE) {
            if (error)
                *error = QCoreApplication::translate("ImportedRows", "cannot open the undo scratch file: %1")
                             .arg(sqliteMessage(db, sql));
            return false;
        }
    }
    struct Detach
    {
        sqlite3 *sql;
        ~Detach() { sqlite3_exec(sql, "DETACH import_undo", nullptr, nullptr, nullptr); }
    } detach { sql };

    QString message;
    bool ok = false;
    {
        Transaction transaction(db);
        if (!transaction.isActive()) {
            if (error)
                *error = db.errorString();
            return false;
        }
        ok = exec(db, sql, "PRAGMA defer_foreign_keys = ON", &message);
        // Big moves drop the disbursement indexes and build them once at the end.
        QByteArrayList indexSql;
        if (ok && rows.count(QStringLiteral("disbursements")) >= BulkRows) {
            SqliteStatement q(sql,
                "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = "
                "'disbursements' AND sql IS NOT NULL");
            QByteArrayList names;
            while (q.isPrepared() && sqlite3_step(q.handle()) == SQLITE_ROW) {
                names.append(reinterpret_cast<const char *>(sqlite3_column_text(q.handle(), 0)));
                indexSql.append(reinterpret_cast<const char *>(sqlite3_column_text(q.handle(), 1)));
            }
            for (const QByteArray &name : std::as_const(names))
                ok = ok && exec(db, sql, "DROP INDEX main.\"" + name + '"', &message);
        }
        // Dependents first on the way out, referenced rows first on the way back (foreign keys
        // are deferred anyway; the order keeps each step's work simple).
        QStringList order = ImportedRows::tables();
        if (out)
            std::reverse(order.begin(), order.end());
        for (const QString &table : std::as_const(order)) {
            if (!ok || rows.count(table) == 0)
                continue;
            const QByteArray t = table.toLatin1();
            const QByteArray columns = columnList(sql, t);
            if (!out) {
                ok = exec(db, sql,
                         "INSERT INTO main." + t + '(' + columns + ") SELECT " + columns
                             + " FROM import_undo." + t,
                         &message)
                    && exec(db, sql, "DROP TABLE import_undo." + t, &message);
                continue;
            }
            ok = exec(db, sql,
                "CREATE TABLE import_undo." + t + " AS SELECT " + columns + " FROM main." + t + " WHERE 0",
                &message);
            const bool rates = table == QLatin1String("exchange_rates");
            const QByteArray where
                = rates ? " WHERE currency = ?1 AND year = ?2" : " WHERE id BETWEEN ?1 AND ?2";
            SqliteStatement copy(
                sql, "INSERT INTO import_undo." + t + " SELECT " + columns + " FROM main." + t + where);
            SqliteStatement remove(sql, "DELETE FROM main." + t + where);
            if (ok && (!copy.isPrepared() || !remove.isPrepared())) {
                message = sqliteMessage(db, sql);
                ok = false;
            }
            auto run = [&](auto bindKey, qint64 expected) {
                for (sqlite3_stmt *s : { copy.handle(), remove.handle() }) {
                    if (!bindKey(s)) {
                        message = sqliteMessage(db, sql);
                        return false;
                    }
                    const int rc = sqlite3_step(s);
                    sqlite3_reset(s);
                    if (rc != SQLITE_DONE) {
                        message = sqliteMessage(db, sql);
                        return false;
                    }
                }
                if (sqlite3_changes64(sql) != expected) {
                    message = QCoreApplication::translate(
                        "ImportedRows", "%1 imported %2 rows are no longer in the database")
                                  .arg(expected - sqlite3_changes64(sql))
                                  .arg(table);
                    return false;
                }
                return true;
            };
            if (rates) {
                for (const auto &rate : rows.rates()) {
                    const QByteArray code = rate.first.toLatin1();
                    ok = ok
                        && run(
                            [&](sqlite3_stmt *s) {
                                return sqlite3_bind_text(s, 1, code.constData(), int(code.size()), SQLITE_TRANSIENT)
                                        == SQLITE_OK
                                    && sqlite3_bind_int(s, 2, rate.second) == SQLITE_OK;
                            },
                            1);
                }
            } else {
                for (const auto &range : rows.ranges(table)) {
                    ok = ok
                        && run(
                            [&](sqlite3_stmt *s) {
                                return sqlite3_bind_int64(s, 1, range.first) == SQLITE_OK
                                    && sqlite3_bind_int64(s, 2, range.second) == SQLITE_OK;
                            },
                            range.second - range.first + 1);
                }
            }
        }
        for (const QByteArray &index : std::as_const(indexSql))
            ok = ok && exec(db, sql, index, &message);
        if (ok && !transaction.commit()) {
            // A deferred foreign key fails at COMMIT, which leaves the transaction open.
            message = db.errorString();
            db.rollback();
            ok = false;
        }
    }
    if (!ok && error) {
        *error = out
            ? QCoreApplication::translate("ImportedRows", "the import could not be undone: %1").arg(message)
            : QCoreApplication::translate("ImportedRows", "the import could not be redone: %1").arg(message);
    }
    return ok;
}
