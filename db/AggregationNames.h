#pragma once

#include "Aggregator.h"

#include <QString>

class AggregationCache;
class Database;
class QSqlQuery;

/// How a group of each Dimension is named: the SQL that finds a group's key and its names, and
/// the names themselves ("<fund> / <label>", "(sector unknown)", ...). Both aggregators name
/// through it, so their names agree.
class AggregationNames
{
public:
    struct DimensionSql
    {
        QString key; ///< expression for the group's id over d, i and `joins`
        QString parent; ///< expression for the id one level up
        QString joins; ///< what key and parent need beyond d and i
        QString names; ///< joins after grouping, over g.key_id and g.parent_id
        QString columns; ///< name, name_zh, label, label_zh, extra (NULL where unused)
    };
    static DimensionSql dimensionSql(Dimension dimension);

    /// Names `row` (key, keyZh, and the parent for Region and City) from the columns of
    /// DimensionSql::columns, starting at column `at` of `q`.
    static void nameRow(Dimension dimension, const QSqlQuery &q, int at, AggregateRow &row);

    /// Names every row of `out`, remembering the names with `cache` (they live as long as it
    /// does). The first time many groups need a name, every key of the dimension is named in one
    /// query over its table; a few (a top 25) are named by key.
    static bool nameRows(Database &db, const AggregationCache &cache, Dimension dimension, AggregateResult *out,
                         QString *error);
};
