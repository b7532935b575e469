#include "ImportRecords.h"

ImportRecords::ImportRecords(EditSession &session, const ImportedRows &rows, const QString &text)
    : EditCommand(session, text)
    , m_rows(rows)
{
}

bool ImportRecords::apply(bool forward, EditOutcome *outcome, QString *error)
{
    if (forward && m_stored && !m_rows.isRemoved()) {
        // The first application: the worker has stored the rows already.
    } else if (forward) {
        if (!m_rows.restore(database(), error))
            return false;
    } else if (!m_rows.remove(database(), error)) {
        return false;
    }
    m_stored = forward;
    const RecordChange::Type type = forward ? RecordChange::Type::Added : RecordChange::Type::Removed;
    const std::pair<const char *, RecordKind> kinds[]
        = { { "funds", RecordKind::Fund }, { "phases", RecordKind::Phase },
              { "investees", RecordKind::Investee }, { "disbursements", RecordKind::Disbursement } };
    for (const auto &[table, kind] : kinds) {
        if (m_rows.count(QString::fromLatin1(table)) > 0)
            outcome->changes.append({ kind, type, {}, {} });
    }
    outcome->totals = true;
    outcome->rates = m_rows.count(QStringLiteral("exchange_rates")) > 0;
    return true;
}
