#include "RawQuery.h"

#include "Database.h"
#include "sqlite/SqliteBackend.h"
#include "sqlite/SqliteStatement.h"

#include <QCoreApplication>

RawQuery::RawQuery(Database &db, const QString &sql, const QVariantList &binds)
    : m_db(db), m_stmt(std::make_unique<SqliteStatement>())
{
    sqlite3 *handle = db.handle();
    if (!handle) {
        m_error = QCoreApplication::translate("RawQuery", "%1: the database is not open").arg(db.path());
        return;
    }
    int rc = m_stmt->prepare(handle, sql.toUtf8());
    for (int i = 0; i < binds.size() && rc == SQLITE_OK; ++i) {
        const QVariant &v = binds.at(i);
        switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Bool:
            rc = m_stmt->bindInt64(i + 1, v.toLongLong());
            break;
        case QMetaType::Double:
            rc = m_stmt->bindDouble(i + 1, v.toDouble());
            break;
        default:
            rc = v.isNull() ? m_stmt->bindNull(i + 1) : m_stmt->bindText(i + 1, v.toString().toUtf8());
        }
    }
    if (rc != SQLITE_OK)
        m_error = db.describeError(rc, SqliteBackend::lastMessage(handle));
}

RawQuery::~RawQuery() = default;

bool RawQuery::isValid() const
{
    return m_stmt->isPrepared() && m_error.isEmpty();
}

bool RawQuery::next()
{
    if (!isValid())
        return false;
    const int rc = m_stmt->step();
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = m_db.describeError(rc, SqliteBackend::lastMessage(m_db.handle()));
    return false;
}

bool RawQuery::isNull(int column) const
{
    return m_stmt->isNull(column);
}

qint64 RawQuery::integer(int column) const
{
    return m_stmt->int64(column);
}

double RawQuery::real(int column) const
{
    return m_stmt->real(column);
}

QByteArrayView RawQuery::text(int column) const
{
    return m_stmt->text(column);
}
