#pragma once

#include "SqlDialect.h"

/// SQLite's forms: json_each for bound id lists, INDEXED BY and NOT INDEXED, CROSS JOIN (which
/// SQLite never reorders), group_concat and the fundscope_sum function SqliteBackend defines.
class SqliteDialect final : public SqlDialect
{
public:
    QString boundIds() const override { return QStringLiteral("(SELECT value FROM json_each(?))"); }
    QString indexHint(const QString &index) const override { return QStringLiteral(" INDEXED BY ") + index; }
    QString noIndex() const override { return QStringLiteral(" NOT INDEXED"); }
    QString orderedJoin() const override { return QStringLiteral("CROSS JOIN"); }
    QString joinDistinct(const QString &expression) const override
    {
        return QStringLiteral("group_concat(DISTINCT %1)").arg(expression);
    }
    QString exactSum(const QString &expression) const override
    {
        return QStringLiteral("fundscope_sum(%1)").arg(expression);
    }

    static const SqliteDialect &instance()
    {
        static const SqliteDialect dialect;
        return dialect;
    }
};
