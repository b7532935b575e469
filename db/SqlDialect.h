#pragma once

#include <QString>

/// The few places where the SQL of db/ outside db/sqlite/ is one backend's own, so that a second
/// backend (PostgreSQL, issue 16) gives its own form here and every query keeps one text.
/// Everything else is SQL both run (coalesce, ||, CASE, WITH RECURSIVE, LIMIT/OFFSET).
/// Database::dialect() gives the open backend's; the SQLite one is SqliteDialect.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    /// A subquery of the ids bound as one parameter, the JSON array of FilterSql::idList():
    /// one parameter whatever the count (SQLite takes at most 32,766).
    virtual QString boundIds() const = 0;
    /// After a table name: read it through the named index, in the index's order; empty where
    /// the backend takes no such hint.
    virtual QString indexHint(const QString &index) const = 0;
    /// After a table name: read it in storage (id) order, through no index.
    virtual QString noIndex() const = 0;
    /// A join that keeps the written order of the tables (the outer one walked through the index
    /// that yields the sort); followed by the table and its ON clause.
    virtual QString orderedJoin() const = 0;
    /// The distinct values of `expression` in a group, joined by commas.
    virtual QString joinDistinct(const QString &expression) const = 0;
    /// The exact sum (ExactSum) of `expression` in a group, as its 16-byte (value, tail) blob.
    virtual QString exactSum(const QString &expression) const = 0;
};
