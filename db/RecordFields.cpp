#include "RecordFields.h"

#include "RecordStore.h"

QString RecordFields::column(RecordKind kind, int index)
{
    return RecordStore::columns(kind).at(index);
}
