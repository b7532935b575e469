#include "RecordFields.h"

#include "RecordStore.h"

const QStringList &RecordFields::columns(RecordKind kind)
{
    return RecordStore::columns(kind);
}

QString RecordFields::column(RecordKind kind, int index)
{
    return RecordStore::columns(kind).at(index);
}
