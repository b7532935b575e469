#pragma once

#include "RecordChange.h"

#include <QList>
#include <QUndoCommand>

class Database;
class EditSession;

/// Base of every undoable change. A command applies itself forward (redo) or backward (undo),
/// each time in one database transaction, and reports what it changed to its EditSession, which
/// tells the models. The session applies a command once before it goes on the stack, so a
/// command that cannot be applied never reaches the stack (and never clears the redo history).
///
/// A bulk import fits the same mould: subclass, insert in apply(true) inside one transaction and
/// keep the new ids, delete them in apply(false), and report RecordChange{kind, Added, {}} (empty
/// ids: the models reload).
class EditCommand : public QUndoCommand
{
public:
    EditCommand(EditSession &session, const QString &text, QUndoCommand *parent = nullptr);

    void redo() final;
    void undo() final;

    /// Applies forward for the first time (EditSession::push()); false with *error when it could
    /// not, in which case nothing was written.
    bool applyFirst(QString *error);
    /// True when the first application found nothing to change (the value was already there).
    bool changedNothing() const { return m_changedNothing; }

protected:
    /// Writes the change (forward) or takes it back, in one transaction, and says in *outcome
    /// what it did. False with *error when nothing could be written.
    virtual bool apply(bool forward, EditOutcome *outcome, QString *error) = 0;
    void setChangedNothing() { m_changedNothing = true; }
    Database &database() const;
    EditSession &session() const { return m_session; }

private:
    void run(bool forward);

    EditSession &m_session;
    bool m_skipRedo = false;
    bool m_changedNothing = false;
};
