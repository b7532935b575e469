#pragma once

#include "DisbursementRecord.h"
#include "Filter.h"
#include "RowValues.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>

class Database;

/// Reads disbursements for the browse pages: exact counts and sorted windows of the filtered
/// result, always ordered in SQL over an index so that any window costs about the same. Every
/// row read carries its amount converted into the filter's base currency, computed in the same
/// query by ConversionSql's rule.
class DisbursementRepository
{
public:
    /// The orders the Disbursements page offers; each is backed by an index (see
    /// tst_disbursementrepository's EXPLAIN QUERY PLAN check).
    enum class Sort { Id, Date, Fund, Phase, Investee, Sector, Region, Type, Amount, Stake, Status, Confidence };

    explicit DisbursementRepository(Database &db) : m_db(db) { }

    /// Rows matching the filter; -1 with *error set on failure.
    qint64 count(const Filter &filter, QString *error = nullptr) const;
    /// Rows [offset, offset + limit) of the filtered result in the given order. Windows past the
    /// middle are read backwards from the end, so the last rows are as quick as the first.
    QList<DisbursementRecord> window(const Filter &filter, Sort sort, bool descending, qint64 offset,
                                     int limit, qint64 total, QString *error = nullptr) const;
    /// The ids of the whole filtered result in order (for "select all" and copy of everything).
    QList<qint64> ids(const Filter &filter, Sort sort, bool descending, QString *error = nullptr) const;
    /// Streams rows [offset, offset + limit) (limit -1: to the end) in order through one query;
    /// `visit` returns false to stop. For copy and export of whole results.
    bool stream(const Filter &filter, Sort sort, bool descending, qint64 offset, qint64 limit,
                const std::function<bool(const DisbursementRecord &)> &visit, QString *error = nullptr) const;
    /// One row, its amount converted into `base`.
    std::optional<DisbursementRecord> byId(qint64 id, const QString &base = QStringLiteral("CNY")) const;

    // Writes, each in one transaction with its history, through RecordStore (see there).
    std::optional<RowValues> values(qint64 id) const;
    bool insert(RowValues &disbursement, QString *error);
    bool update(qint64 id, const QVariantMap &changes, QString *error);
    /// Nothing depends on a disbursement, so a delete never takes anything else with it.
    bool remove(const QList<qint64> &ids, Removal *removed, QString *error);
    bool restore(const Removal &removed, QString *error);
    /// The SQL (with ? placeholders) a window of a broad result runs, for EXPLAIN QUERY PLAN
    /// checks: it reads the sort column's index in order, never sorting the matches (a sort on a
    /// disbursement column finds the window's ids so, then sorts only the page's own rows). Narrow
    /// results (a small fund, one investee) are left to SQLite's own plan, which starts from the
    /// filter's index and sorts the few matches: cheaper than walking past every other row.
    QString windowSql(const Filter &filter, Sort sort, bool descending) const;
    /// The SQL a stream() of a broad result runs (for the same checks): rows come straight off
    /// the walk, never gathered and sorted at the end, however many there are.
    QString streamSql(const Filter &filter, Sort sort, bool descending) const;
    /// The SQL count() runs, its bind values in `binds` (for EXPLAIN QUERY PLAN in tests). Every
    /// filter names a status, and the phase and investee indexes carry it, so a count by fund,
    /// phase, sector, segment or investee is answered from an index without reading the table.
    QString countSql(const Filter &filter, QVariantList *binds = nullptr) const;
    /// max(rowid): one step down the table's b-tree, where count(*) reads a whole index. An
    /// estimate of the table's rows that errs high only after deletions.
    qint64 tableRows() const;

private:
    /// False while a big import's second stage has yet to build the sort's index.
    bool sortIndexReady(Sort sort) const;

    Database &m_db;
};
