#include "RawQuery.h"

#include "Database.h"

#include <QCoreApplication>

#include <sqlite3.h>

RawQuery::RawQuery(Database &db, const QString &sql, const QVariantList &binds) : m_db(db)
{
    sqlite3 *handle = db.handle();
    if (!handle) {
        m_error = QCoreApplication::translate("RawQuery", "%1: the database is not open").arg(db.path());
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    int rc = sqlite3_prepare_v2(handle, utf8.constData(), int(utf8.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_error = db.describeError(rc, QString::fromUtf8(sqlite3_errmsg(handle)));
        return;
    }
    for (int i = 0; i < binds.size() && rc == SQLITE_OK; ++i) {
        const QVariant &v = binds.at(i);
        switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Bool:
            rc = sqlite3_bind_int64(m_stmt, i + 1, v.toLongLong());
            break;
        case QMetaType::Double:
            rc = sqlite3_bind_double(m_stmt, i + 1, v.toDouble());
            break;
        default:
            if (v.isNull()) {
                rc = sqlite3_bind_null(m_stmt, i + 1);
            } else {
                const QByteArray text = v.toString().toUtf8();
                rc = sqlite3_bind_text(m_stmt, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            }
        }
    }
    if (rc != SQLITE_OK)
        m_error = db.describeError(rc, QString::fromUtf8(sqlite3_errmsg(handle)));
}

RawQuery::~RawQuery()
{
    sqlite3_finalize(m_stmt);
}

bool RawQuery::next()
{
    if (!isValid())
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = m_db.describeError(rc, QString::fromUtf8(sqlite3_errmsg(m_db.handle())));
    return false;
}

bool RawQuery::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 RawQuery::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double RawQuery::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArrayView RawQuery::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return QByteArrayView("");
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}
