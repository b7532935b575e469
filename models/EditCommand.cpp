#include "EditCommand.h"

#include "EditSession.h"

#include <QCoreApplication>

EditCommand::EditCommand(EditSession &session, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_session(session)
{
}

Database &EditCommand::database() const
{
    return m_session.database();
}

bool EditCommand::applyFirst(QString *error)
{
    EditOutcome outcome;
    if (!apply(true, &outcome, error))
        return false;
    m_skipRedo = true; // QUndoStack::push() calls redo(): the change is already made
    if (!m_changedNothing)
        m_session.publish(outcome);
    return true;
}

void EditCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    run(true);
}

void EditCommand::undo()
{
    run(false);
}

void EditCommand::run(bool forward)
{
    Q_EMIT m_session.aboutToWrite();
    EditOutcome outcome;
    QString error;
    if (apply(forward, &outcome, &error)) {
        m_session.publish(outcome);
        return;
    }
    // Nothing was written (the transaction rolled back). The step cannot be trusted any more,
    // so it leaves the stack; the database itself stays consistent.
    setObsolete(true);
    m_session.reportFailure(forward
            ? QCoreApplication::translate("EditCommand", "“%1” could not be redone: %2").arg(text(), error)
            : QCoreApplication::translate("EditCommand", "“%1” could not be undone: %2").arg(text(), error));
}
