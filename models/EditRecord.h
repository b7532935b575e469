#pragma once

#include "EditCommand.h"
#include "RowValues.h"

#include <QVariantMap>

/// EditFund, SetDisbursementAmount, SetInvesteeName, …: changes some columns of one record and
/// puts the old values back on undo. Made from typing in a cell (`mergeable`), consecutive
/// changes to the same columns of the same record merge into one undo step, so that fixing a
/// typo twice is undone at once; a form's changes never merge.
class EditRecord : public EditCommand
{
public:
    EditRecord(EditSession &session, RecordKind kind, qint64 id, const QVariantMap &changes, bool mergeable,
        QUndoCommand *parent = nullptr);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    /// "Edit fund" for several columns, "Set disbursement amount" for one (translated).
    static QString textFor(RecordKind kind, const QStringList &columns);
    /// Columns whose changes cannot move a total (so the analytics cache is not reloaded).
    static bool movesTotals(RecordKind kind, const QStringList &columns);

protected:
    bool apply(bool forward, EditOutcome *outcome, QString *error) override;

private:
    RecordKind m_kind;
    qint64 m_recordId;
    QVariantMap m_changes;
    QVariantMap m_previous; ///< the values before the first application, for every key of m_changes
    bool m_mergeable;
};
