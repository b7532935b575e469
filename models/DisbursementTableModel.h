#pragma once

#include "DisbursementRecord.h"
#include "DisbursementRepository.h"
#include "EditableTableModel.h"
#include "Filter.h"
#include "Units.h"

#include <QHash>
#include <QList>

#include <functional>
#include <optional>
#include <utility>

class Database;
class EditSession;
struct RecordChange;

/// Every money event matching the shared filter, as a windowed cursor over SQL: rowCount() is
/// the exact count, rows are read in pages of PageSize when first shown and a bounded number of
/// pages is kept, so a million rows cost a few hundred rows of memory. Sorting re-queries SQL,
/// so it covers the whole result, not just what was shown.
///
/// Amounts read in the Units choice (setUnits()): the reported amount in its own currency, and
/// the converted one in the filter's base currency, which the page query computes (empty, with
/// a tooltip naming the missing rate, where no rate exists). The columns without an index to
/// sort by in SQL (currency, converted amount, source, notes) sort by id, a stable order.
///
/// With an EditSession the natural columns (date, type, amount, stake, status, confidence,
/// source, notes) are editable in place: setData() parses the text as the forms do and pushes an
/// undo command. After a change the session reports to notes or sources, only the cached pages
/// holding the rows are read again (refreshRecords); a change that can move rows (date, status,
/// amount, …) re-counts in SQL and drops the cached pages (a reset only when the count moved).
class DisbursementTableModel : public EditableTableModel
{
    Q_OBJECT
public:
    /// The investee first (the frozen column), its money beside it: the amount as reported in its
    /// own currency, that currency, and the amount converted into the filter's base currency.
    enum Column { Investee, Amount, Currency, Converted, Date, Type, Fund, Phase, Sector, Region, Stake, Status,
                  Confidence, Source, Notes, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the disbursement's row id
        SortRole,                  ///< the raw value the column sorts by
        SourceUrlRole,             ///< the first source URL
        InvesteeIdRole,
        PhaseIdRole,
    };
    static constexpr int PageSize = 256;
    static constexpr int MaxCachedPages = 64;
    /// From this page on, a page is read together with an uncached neighbour (see page()).
    static constexpr int PairFromPage = 4;

    explicit DisbursementTableModel(Database &db, QObject *parent = nullptr);

    /// Counts and reads afresh, unless the filter is the one in use (reload() forces it).
    void setFilter(const Filter &filter);
    /// An exact count faster than SQL's (the analytics cache), tried before SQL on each reload;
    /// it returns nullopt when it cannot answer.
    void setCounter(std::function<std::optional<qint64>(const Filter &)> counter) { m_counter = std::move(counter); }
    const Filter &filter() const { return m_filter; }
    /// Re-reads count and rows (after an edit or import elsewhere).
    void reload();
    /// Shows the amounts in `units` (titles and cells; the sort role stays raw).
    void setUnits(Units units);
    Units units() const { return m_units; }
    /// The row ids of the whole current result in the current order (for select all / copy).
    QList<qint64> allIds() const;
    /// Tab-separated text of rows first..last (inclusive) and the given columns, read through one
    /// streamed query, so copying a whole million-row result does not page through the cache.
    QString toTsv(int first, int last, const QList<int> &columns) const;
    /// The record at a row, read through the page cache; nullptr outside the result.
    const DisbursementRecord *record(int row) const;
    /// The repository sort a column maps to.
    static DisbursementRepository::Sort sortFor(int column);
    /// The stored column a table column edits ("value_date", "amount_minor", …); empty when the
    /// column is not editable in place.
    static QString editColumn(int column);

    /// Reads again the cached pages that hold any of these disbursements and emits dataChanged
    /// for their rows; pages not in the cache are read when next shown anyway.
    void refreshRecords(const QList<qint64> &ids);
    /// Drops every cached page and emits dataChanged for all rows (names of funds, phases or
    /// investees changed): only the visible rows are read again.
    void refreshAll();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// Emitted when a query fails; the view decides how to show it.
    void queryFailed(const QString &message);

private:
    const QList<DisbursementRecord> *page(qint64 pageIndex) const;
    void clearPages();
    QVariant displayValue(const DisbursementRecord &r, int column) const;
    QVariant sortValue(const DisbursementRecord &r, int column) const;
    QVariant editValue(const DisbursementRecord &r, int column) const;
    QString toolTip(const DisbursementRecord &r, int column) const;
    QString editableColumn(int column) const override;
    std::optional<qint64> recordIdAt(int row) const override;
    QString currencyAt(int row) const override;
    void onRecordsChanged(const RecordChange &change) override;
    void resetTo(qint64 total);

    DisbursementRepository m_repository;
    Filter m_filter;
    Units m_units;
    std::function<std::optional<qint64>(const Filter &)> m_counter;
    int m_sortColumn = Date;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    qint64 m_total = 0;
    mutable QHash<qint64, QList<DisbursementRecord>> m_pages;
    mutable QList<qint64> m_pageAge; ///< least recently used first
    /// The page read with the last one asked for (see page()), until it is asked for itself.
    mutable std::optional<std::pair<qint64, QList<DisbursementRecord>>> m_neighbour;
};
