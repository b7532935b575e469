#include "RecordLookup.h"

#include "FundRepository.h"
#include "HistoryRepository.h"
#include "InvesteeRepository.h"
#include "PhaseRepository.h"
#include "RecordStore.h"

std::optional<RowValues> RecordLookup::values(RecordKind kind, qint64 id) const
{
    return RecordStore(m_db).read(kind, id);
}

QList<FieldIssue> RecordLookup::validate(const RowValues &row) const
{
    return RecordStore(m_db).validate(row);
}

QString RecordLookup::label(RecordKind kind, qint64 id) const
{
    return HistoryRepository(m_db).recordLabel(RecordStore::tableName(kind), id);
}

Dependents RecordLookup::dependents(RecordKind kind, qint64 id) const
{
    return RecordStore(m_db).dependents(kind, id);
}

QList<HistoryEntry> RecordLookup::history(RecordKind kind, qint64 id, int limit) const
{
    HistoryQuery query;
    query.table = RecordStore::tableName(kind);
    query.rowId = id;
    return HistoryRepository(m_db).page(query, 0, limit);
}

QString RecordLookup::tableOf(RecordKind kind)
{
    return RecordStore::tableName(kind);
}

std::optional<RecordKind> RecordLookup::kindOfTable(const QString &table)
{
    return RecordStore::kindOfTable(table);
}

QList<NameMatch> RecordLookup::searchFunds(const QString &text, int limit) const
{
    return FundRepository(m_db).search(text, limit);
}

QList<NameMatch> RecordLookup::searchInvestees(const QString &text, int limit) const
{
    return InvesteeRepository(m_db).search(text, limit);
}

QList<FundRecord> RecordLookup::funds() const
{
    return FundRepository(m_db).all();
}

QList<PhaseRecord> RecordLookup::phasesOf(qint64 fundId) const
{
    return PhaseRepository(m_db).ofFund(fundId);
}

std::optional<PhaseRecord> RecordLookup::phase(qint64 id) const
{
    return PhaseRepository(m_db).byId(id);
}

QList<VocabularyItem> RecordLookup::sectors() const
{
    return VocabularyRepository(m_db).sectors();
}

QList<VocabularyItem> RecordLookup::segments() const
{
    return VocabularyRepository(m_db).segments();
}

QList<VocabularyItem> RecordLookup::countries() const
{
    return VocabularyRepository(m_db).countries();
}

QList<VocabularyItem> RecordLookup::provinces() const
{
    return VocabularyRepository(m_db).provinces();
}

QList<VocabularyItem> RecordLookup::cities() const
{
    return VocabularyRepository(m_db).cities();
}
