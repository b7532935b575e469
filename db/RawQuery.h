#pragma once

#include <QByteArrayView>
#include <QString>
#include <QVariantList>

#include <memory>

class Database;
class SqliteStatement;

/// One prepared statement on a Database, for streaming paths that read millions of rows without
/// a QVariant per cell (on SQLite, a SqliteStatement). Binds are QVariants as FilterSql gives them
/// (integers, doubles, strings, null). Errors name the database file.
class RawQuery
{
public:
    RawQuery(Database &db, const QString &sql, const QVariantList &binds = {});
    ~RawQuery();
    RawQuery(const RawQuery &) = delete;
    RawQuery &operator=(const RawQuery &) = delete;

    bool isValid() const;
    QString errorString() const { return m_error; }

    /// Advances to the next row; false at the end or on an error (then errorString() is set).
    bool next();

    bool isNull(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    /// The column's UTF-8 text, NUL-terminated, valid until the next call to next().
    QByteArrayView text(int column) const;

private:
    Database &m_db;
    std::unique_ptr<SqliteStatement> m_stmt;
    QString m_error;
};
