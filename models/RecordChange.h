#pragma once

#include "RowValues.h"

#include <QList>
#include <QStringList>

/// What one undo step did to the records, as it is applied or taken back: models use it to
/// update just what changed (dataChanged on a row, a row inserted or removed).
struct RecordChange
{
    enum class Type { Added, Changed, Removed };

    RecordKind kind = RecordKind::Fund;
    Type type = Type::Changed;
    QList<qint64> ids; ///< empty: too many to list (a bulk import): reload everything of this kind
    QStringList columns; ///< for Changed: the columns written; empty means any
};

/// Everything one application of an undo command changed.
struct EditOutcome
{
    QList<RecordChange> changes;
    bool totals = true; ///< false when no total can have moved (notes, sources, names of nothing counted)
    bool rates = false; ///< exchange rates changed
};
