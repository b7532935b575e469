#pragma once

#include "ExchangeRateRepository.h"
#include "RecordChange.h"
#include "RecordLookup.h"
#include "RowValues.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <optional>

class AnalyticsService;
class Database;
class EditCommand;
class QUndoStack;

/// The one owner of the undo stack. Views and models ask it for changes (add, edit, set a
/// field, delete, set an exchange rate); it turns each into an undo command, applies it (one
/// transaction with its history) and pushes it only when that worked. After every step, done or
/// undone, it tells the models what changed (recordsChanged, exchangeRatesChanged) and, once the
/// event loop is back, reloads the analytics cache when totals may have moved.
class EditSession : public QObject
{
    Q_OBJECT
public:
    explicit EditSession(Database &db, QObject *parent = nullptr);
    ~EditSession() override;

    Database &database() const { return m_db; }
    /// Reads about records for forms and pickers.
    RecordLookup records() const { return RecordLookup(m_db); }
    QUndoStack *undoStack() const { return m_stack; }
    /// Reloaded (coalesced, on the next turn of the event loop) after changes that move totals.
    void setAnalytics(AnalyticsService *analytics) { m_analytics = analytics; }
    /// Minor digits by currency code, read once per database.
    const QHash<QString, int> &currencyDigits() const;
    /// Forgets the undo history and cached vocabularies (another database was opened).
    void reset();

    /// Applies the command and pushes it; false, with lastError() and nothing on the stack, when
    /// it could not be applied. Takes ownership either way.
    bool push(EditCommand *command);
    /// Several pushes as one undo step.
    void beginMacro(const QString &text);
    void endMacro();
    QString lastError() const { return m_lastError; }

    /// AddFund, AddPhase, AddInvestee, AddDisbursement (by row.kind); fills row.id.
    bool addRecord(RowValues &row);
    /// EditFund, …: a form's changes to one record, one undo step.
    bool editRecord(RecordKind kind, qint64 id, const QVariantMap &changes);
    /// SetDisbursementAmount, SetInvesteeName, …: typing in a table cell. Consecutive edits of
    /// the same field of the same record merge into one undo step.
    bool setField(RecordKind kind, qint64 id, const QVariantMap &changes);
    /// SetDisbursementAmount: amount in minor units and currency, or nullopt for undisclosed.
    bool setDisbursementAmount(qint64 id, std::optional<qint64> minor, const QString &currency);
    /// DeleteFund, …: with their dependents only when withDependents (else refused if any).
    bool deleteRecords(RecordKind kind, const QList<qint64> &ids, bool withDependents);
    /// SetExchangeRate: stores `rate` for (currency, year), or deletes the rate when nullopt.
    bool setExchangeRate(const QString &currency, int year, const std::optional<ExchangeRate> &rate);

    /// Called by commands after each successful application.
    void publish(const EditOutcome &outcome);
    /// Called by commands when a redo or undo failed.
    void reportFailure(const QString &message);

Q_SIGNALS:
    /// Before every write, undo and redo: background work that holds the write lock for long
    /// (DeferredIndexBuilder) steps aside, so the edit does not wait for it on the UI thread.
    void aboutToWrite();
    void recordsChanged(const RecordChange &change);
    void exchangeRatesChanged();
    /// After any write (history has new entries).
    void historyChanged();
    /// An undo or redo failed; the message says which and why.
    void failed(const QString &message);

private:
    void reloadTotals();

    Database &m_db;
    QUndoStack *m_stack = nullptr;
    AnalyticsService *m_analytics = nullptr;
    mutable QHash<QString, int> m_currencyDigits;
    QString m_lastError;
    bool m_totalsPending = false;
};
