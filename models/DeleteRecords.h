#pragma once

#include "EditCommand.h"
#include "RowValues.h"

/// DeleteFund, DeletePhase, DeleteInvestee, DeleteDisbursement (one or several records of one
/// kind): deletes them, with their dependents when the user agreed, in one transaction; undo
/// puts every row back with its id and restores the references that were cleared.
class DeleteRecords : public EditCommand
{
public:
    DeleteRecords(EditSession &session, RecordKind kind, const QList<qint64> &ids, bool withDependents,
        QUndoCommand *parent = nullptr);

    /// "Delete fund", "Delete 3 disbursements" (translated).
    static QString textFor(RecordKind kind, int count);
    const Removal &removal() const { return m_removal; }

protected:
    bool apply(bool forward, EditOutcome *outcome, QString *error) override;

private:
    RecordKind m_kind;
    QList<qint64> m_ids;
    bool m_withDependents;
    Removal m_removal;
};
