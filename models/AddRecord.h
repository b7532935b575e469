#pragma once

#include "EditCommand.h"
#include "RowValues.h"

/// AddFund, AddPhase, AddInvestee, AddDisbursement: inserts one row (redo puts it back with the
/// same id) and deletes it again on undo.
class AddRecord : public EditCommand
{
public:
    AddRecord(EditSession &session, const RowValues &row, QUndoCommand *parent = nullptr);

    /// The new row's id once applied.
    qint64 recordId() const { return m_row.id; }
    /// "Add fund", "Add disbursement", … (translated).
    static QString textFor(RecordKind kind);

protected:
    bool apply(bool forward, EditOutcome *outcome, QString *error) override;

private:
    RowValues m_row;
};
