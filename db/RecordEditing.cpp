#include "RecordEditing.h"

#include "RecordStore.h"

std::optional<RowValues> RecordEditing::values(qint64 id) const
{
    return RecordStore(m_db).read(m_kind, id);
}

bool RecordEditing::insert(RowValues &row, QString *error)
{
    row.kind = m_kind;
    return RecordStore(m_db).insert(row, error);
}

bool RecordEditing::update(qint64 id, const QVariantMap &changes, QString *error)
{
    return RecordStore(m_db).update(m_kind, id, changes, error);
}

Dependents RecordEditing::dependents(qint64 id) const
{
    return RecordStore(m_db).dependents(m_kind, id);
}

bool RecordEditing::remove(qint64 id, bool withDependents, Removal *removed, QString *error)
{
    return RecordStore(m_db).remove(m_kind, { id }, withDependents, removed, error);
}

bool RecordEditing::restore(const Removal &removed, QString *error)
{
    return RecordStore(m_db).restore(removed, error);
}
