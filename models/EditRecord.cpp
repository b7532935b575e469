#include "EditRecord.h"
#include "RecordFields.h"

#include "RecordStore.h"
#include "Validation.h"

#include <QCoreApplication>

EditRecord::EditRecord(EditSession &session, RecordKind kind, qint64 id, const QVariantMap &changes,
    bool mergeable, QUndoCommand *parent)
    : EditCommand(session, textFor(kind, changes.keys()), parent)
    , m_kind(kind)
    , m_recordId(id)
    , m_changes(changes)
    , m_mergeable(mergeable)
{
}

QString EditRecord::textFor(RecordKind kind, const QStringList &columns)
{
    QStringList fields = columns;
    // Amount and currency are one field to the user.
    const QStringList amount = kind == RecordKind::Phase
        ? columnsOf({ PhaseField::Capital, PhaseField::Currency })
        : columnsOf({ DisbursementField::Amount, DisbursementField::Currency });
    if (fields.size() == 2 && fields.contains(amount.at(0)) && fields.contains(amount.at(1)))
        fields = { amount.at(0) };
    if (fields.size() != 1) {
        switch (kind) {
        case RecordKind::Fund:
            return QCoreApplication::translate("EditCommand", "Edit fund");
        case RecordKind::Phase:
            return QCoreApplication::translate("EditCommand", "Edit phase");
        case RecordKind::Investee:
            return QCoreApplication::translate("EditCommand", "Edit investee");
        case RecordKind::Disbursement:
            return QCoreApplication::translate("EditCommand", "Edit disbursement");
        }
    }
    // The kind's and the field's names come translated (Validation).
    return QCoreApplication::translate(
        "EditCommand", "Set %1 %2", "set the record kind's field: Set fund name")
        .arg(Validation::kindName(kind), Validation::label(kind, fields.constFirst()));
}

bool EditRecord::movesTotals(RecordKind kind, const QStringList &columns)
{
    // Fields no figure reads: notes, sources and descriptive text.
    QStringList quiet;
    switch (kind) {
    case RecordKind::Fund:
        quiet = columnsOf({ FundField::Notes, FundField::Source, FundField::Manager });
        break;
    case RecordKind::Phase:
        quiet = columnsOf({ PhaseField::Source, PhaseField::CapitalBasis });
        break;
    case RecordKind::Investee:
        quiet = columnsOf({ InvesteeField::Notes, InvesteeField::Source, InvesteeField::Ticker, InvesteeField::Founded });
        break;
    case RecordKind::Disbursement:
        quiet = columnsOf({ DisbursementField::Notes, DisbursementField::Source });
        break;
    }
    for (const QString &column : columns) {
        if (!quiet.contains(column))
            return true;
    }
    return false;
}

int EditRecord::id() const
{
    if (!m_mergeable)
        return -1;
    // One id per kind and set of columns; mergeWith() also checks the record.
    return 1 + int(m_kind) * 100000 + int(qHash(m_changes.keys().join(QLatin1Char(','))) % 100000);
}

bool EditRecord::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const EditRecord *>(other);
    if (!next || !m_mergeable || !next->m_mergeable || next->m_kind != m_kind
        || next->m_recordId != m_recordId || next->m_changes.keys() != m_changes.keys())
        return false;
    m_changes = next->m_changes;
    // Typing back the original value leaves nothing to undo.
    bool same = true;
    for (auto it = m_changes.cbegin(); it != m_changes.cend(); ++it) {
        const QVariant before = m_previous.value(it.key());
        const bool bothEmpty = (before.isNull() || !before.isValid() || before.toString().isEmpty())
            && (it.value().isNull() || !it.value().isValid() || it.value().toString().isEmpty());
        if (!bothEmpty && before.toString() != it.value().toString())
            same = false;
    }
    setObsolete(same);
    return true;
}

bool EditRecord::apply(bool forward, EditOutcome *outcome, QString *error)
{
    RecordStore store(database());
    if (forward && m_previous.isEmpty()) {
        const std::optional<RowValues> current = store.read(m_kind, m_recordId, error);
        if (!current) {
            if (error && error->isEmpty())
                *error = QCoreApplication::translate("EditCommand", "the %1 no longer exists")
                             .arg(Validation::kindName(m_kind));
            return false;
        }
        for (auto it = m_changes.cbegin(); it != m_changes.cend(); ++it)
            m_previous.insert(it.key(), current->value(it.key()));
    }
    QVariantMap written;
    if (!store.update(m_kind, m_recordId, forward ? m_changes : m_previous, error, &written))
        return false;
    if (written.isEmpty() && forward)
        setChangedNothing();
    outcome->changes.append({ m_kind, RecordChange::Type::Changed, { m_recordId }, m_changes.keys() });
    outcome->totals = movesTotals(m_kind, m_changes.keys());
    return true;
}
