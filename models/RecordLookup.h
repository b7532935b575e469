#pragma once

#include "FundRecord.h"
#include "HistoryRepository.h"
#include "NameMatch.h"
#include "RowValues.h"
#include "VocabularyRepository.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class Database;

/// What forms, pickers and import pages read about records, so that no view constructs a
/// repository: one record's stored values, name searches for the pickers, a fund's phases, the
/// vocabulary lists, the checks a row must pass before it is stored, and a record's label.
/// Reads only: every write goes through the EditSession (EditSession::records() gives one).
class RecordLookup
{
public:
    explicit RecordLookup(Database &db) : m_db(db) { }

    /// The stored values of a record; nullopt when there is no such record.
    std::optional<RowValues> values(RecordKind kind, qint64 id) const;
    /// What is wrong with `row` as it would be stored (RecordStore::validate()).
    QList<FieldIssue> validate(const RowValues &row) const;
    /// The record's name as the history shows it ("Big Fund II", "#12" when unknown).
    QString label(RecordKind kind, qint64 id) const;
    /// What would go with the record if it were deleted.
    Dependents dependents(RecordKind kind, qint64 id) const;
    /// The record's latest changes, newest first.
    QList<HistoryEntry> history(RecordKind kind, qint64 id, int limit) const;
    /// The table a kind is stored in, as the history names it ("funds").
    static QString tableOf(RecordKind kind);
    /// The kind stored in a table the history names; nullopt for exchange rates.
    static std::optional<RecordKind> kindOfTable(const QString &table);

    QList<NameMatch> searchFunds(const QString &text, int limit) const;
    QList<NameMatch> searchInvestees(const QString &text, int limit) const;
    QList<FundRecord> funds() const;
    QList<PhaseRecord> phasesOf(qint64 fundId) const;
    std::optional<PhaseRecord> phase(qint64 id) const;

    QList<VocabularyItem> sectors() const;
    QList<VocabularyItem> segments() const;
    QList<VocabularyItem> countries() const;
    QList<VocabularyItem> provinces() const;
    QList<VocabularyItem> cities() const;

private:
    Database &m_db;
};
