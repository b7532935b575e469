#include "AddRecord.h"

#include "RecordStore.h"

#include <QCoreApplication>

AddRecord::AddRecord(EditSession &session, const RowValues &row, QUndoCommand *parent)
    : EditCommand(session, textFor(row.kind), parent)
    , m_row(row)
{
}

QString AddRecord::textFor(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Fund:
        return QCoreApplication::translate("EditCommand", "Add fund");
    case RecordKind::Phase:
        return QCoreApplication::translate("EditCommand", "Add phase");
    case RecordKind::Investee:
        return QCoreApplication::translate("EditCommand", "Add investee");
    case RecordKind::Disbursement:
        return QCoreApplication::translate("EditCommand", "Add disbursement");
    }
    return {};
}

bool AddRecord::apply(bool forward, EditOutcome *outcome, QString *error)
{
    RecordStore store(database());
    if (forward) {
        if (!store.insert(m_row, error))
            return false;
        outcome->changes.append({ m_row.kind, RecordChange::Type::Added, { m_row.id }, {} });
    } else {
        if (!store.remove(m_row.kind, { m_row.id }, false, nullptr, error))
            return false;
        outcome->changes.append({ m_row.kind, RecordChange::Type::Removed, { m_row.id }, {} });
    }
    // A record nobody has paid yet moves no total; a disbursement or phase does.
    outcome->totals = m_row.kind == RecordKind::Disbursement;
    return true;
}
