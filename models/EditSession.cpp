#include "EditSession.h"
#include "RecordFields.h"

#include "AddRecord.h"
#include "AnalyticsService.h"
#include "DeleteRecords.h"
#include "EditRecord.h"
#include "SetExchangeRate.h"
#include "VocabularyRepository.h"

#include <QTimer>
#include <QUndoStack>

EditSession::EditSession(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_stack = new QUndoStack(this);
}

EditSession::~EditSession() = default;

const QHash<QString, int> &EditSession::currencyDigits() const
{
    if (m_currencyDigits.isEmpty())
        m_currencyDigits = VocabularyRepository(m_db).currencyDigits();
    return m_currencyDigits;
}

void EditSession::reset()
{
    m_stack->clear();
    m_currencyDigits.clear();
    m_lastError.clear();
}

bool EditSession::push(EditCommand *command)
{
    m_lastError.clear();
    Q_EMIT aboutToWrite();
    QString error;
    if (!command->applyFirst(&error)) {
        m_lastError = error;
        delete command;
        return false;
    }
    if (command->changedNothing()) {
        delete command; // nothing to undo
        return true;
    }
    m_stack->push(command);
    return true;
}

void EditSession::beginMacro(const QString &text)
{
    m_stack->beginMacro(text);
}

void EditSession::endMacro()
{
    m_stack->endMacro();
}

bool EditSession::addRecord(RowValues &row)
{
    auto *command = new AddRecord(*this, row);
    if (!push(command))
        return false;
    row.id = command->recordId(); // on the stack now: AddRecord never merges
    return true;
}

bool EditSession::editRecord(RecordKind kind, qint64 id, const QVariantMap &changes)
{
    return push(new EditRecord(*this, kind, id, changes, false));
}

bool EditSession::setField(RecordKind kind, qint64 id, const QVariantMap &changes)
{
    return push(new EditRecord(*this, kind, id, changes, true));
}

bool EditSession::setDisbursementAmount(qint64 id, std::optional<qint64> minor, const QString &currency)
{
    QVariantMap changes;
    changes.insert(columnOf(DisbursementField::Amount), minor ? QVariant(*minor) : QVariant());
    changes.insert(columnOf(DisbursementField::Currency), minor ? QVariant(currency) : QVariant());
    return setField(RecordKind::Disbursement, id, changes);
}

bool EditSession::deleteRecords(RecordKind kind, const QList<qint64> &ids, bool withDependents)
{
    if (ids.isEmpty())
        return true;
    return push(new DeleteRecords(*this, kind, ids, withDependents));
}

bool EditSession::setExchangeRate(const QString &currency, int year, const std::optional<ExchangeRate> &rate)
{
    return push(new SetExchangeRate(*this, currency, year, rate));
}

void EditSession::publish(const EditOutcome &outcome)
{
    for (const RecordChange &change : outcome.changes)
        Q_EMIT recordsChanged(change);
    if (outcome.rates)
        Q_EMIT exchangeRatesChanged();
    Q_EMIT historyChanged();
    if (outcome.totals && m_analytics && !m_totalsPending) {
        // Coalesced: a macro of many steps, or fast typing, reloads the cache once.
        m_totalsPending = true;
        QTimer::singleShot(0, this, &EditSession::reloadTotals);
    }
}

void EditSession::reloadTotals()
{
    m_totalsPending = false;
    if (m_analytics)
        m_analytics->reload();
}

void EditSession::reportFailure(const QString &message)
{
    m_lastError = message;
    Q_EMIT failed(message);
}
