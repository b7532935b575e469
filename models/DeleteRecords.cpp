#include "DeleteRecords.h"

#include "RecordStore.h"

#include <QCoreApplication>

DeleteRecords::DeleteRecords(EditSession &session, RecordKind kind, const QList<qint64> &ids,
    bool withDependents, QUndoCommand *parent)
    : EditCommand(session, textFor(kind, int(ids.size())), parent)
    , m_kind(kind)
    , m_ids(ids)
    , m_withDependents(withDependents)
{
}

QString DeleteRecords::textFor(RecordKind kind, int count)
{
    if (count == 1) {
        switch (kind) {
        case RecordKind::Fund:
            return QCoreApplication::translate("EditCommand", "Delete fund");
        case RecordKind::Phase:
            return QCoreApplication::translate("EditCommand", "Delete phase");
        case RecordKind::Investee:
            return QCoreApplication::translate("EditCommand", "Delete investee");
        case RecordKind::Disbursement:
            return QCoreApplication::translate("EditCommand", "Delete disbursement");
        }
    }
    switch (kind) {
    case RecordKind::Fund:
        return QCoreApplication::translate("EditCommand", "Delete %n funds", nullptr, count);
    case RecordKind::Phase:
        return QCoreApplication::translate("EditCommand", "Delete %n phases", nullptr, count);
    case RecordKind::Investee:
        return QCoreApplication::translate("EditCommand", "Delete %n investees", nullptr, count);
    case RecordKind::Disbursement:
        return QCoreApplication::translate("EditCommand", "Delete %n disbursements", nullptr, count);
    }
    return {};
}

bool DeleteRecords::apply(bool forward, EditOutcome *outcome, QString *error)
{
    RecordStore store(database());
    if (forward) {
        Removal removal;
        if (!store.remove(m_kind, m_ids, m_withDependents, &removal, error))
            return false;
        m_removal = removal;
    } else if (!store.restore(m_removal, error)) {
        return false;
    }
    const auto type = forward ? RecordChange::Type::Removed : RecordChange::Type::Added;
    // Dependents first when they go, last when they come back, as a model would want them.
    QList<RecordKind> order
        = { RecordKind::Disbursement, RecordKind::Phase, RecordKind::Investee, RecordKind::Fund };
    if (!forward)
        std::reverse(order.begin(), order.end());
    for (RecordKind kind : order) {
        const QList<qint64> ids = m_removal.ids(kind);
        if (!ids.isEmpty())
            outcome->changes.append({ kind, type, ids, {} });
    }
    for (const Removal::Unlink &u : std::as_const(m_removal.unlinked))
        outcome->changes.append({ u.kind, RecordChange::Type::Changed, { u.id }, { u.column } });
    outcome->totals = true;
    return true;
}
