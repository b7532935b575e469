#pragma once

#include "AggregationEngine.h"
#include "ExportTable.h"
#include "Filter.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

class Database;

/// Writes a page's rows - every row matching the filter, streamed, not just the rows a view has
/// loaded - to CSV or XLSX. Used by File → Export table… and `fundscope export-table`.
///
/// - disbursements, investees, funds, phases: exactly the interchange format of that file
///   (InterchangeExport), so a CSV export re-imports through InterchangeLoader;
/// - holdings: the investees with their totals under the filter (a grouping by investee).
///
/// CSV: RFC 4180, UTF-8, optionally with a byte order mark for Excel. XLSX (libxlsxwriter, in
/// constant-memory mode so memory stays flat at a million rows): numbers as numbers, full-day
/// dates as dates (other precisions stay text), a bold frozen header with a filter, column widths
/// from the columns; more rows than a sheet holds continue on further sheets. Text cells follow
/// FormulaGuard's rule against formula injection in both.
///
/// Column names and sheet names are the interchange keys and table names in every interface
/// language (scripts read them); only the messages are translated.
///
/// Everything is written to a temporary file in the target's folder and renamed over the target
/// only when complete: a failed or cancelled export leaves no file behind.
class TableExporter
{
public:
    enum class Table { Disbursements, Investees, Funds, Phases, Holdings };
    enum class Format { Csv, Xlsx };

    struct Options
    {
        Format format = Format::Csv;
        bool byteOrderMark = false; ///< CSV only
    };

    /// Called every few thousand rows with the rows written and the total expected (-1 when not
    /// known); return false to cancel the export.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    /// Streams rows into the visitor; false with *error on failure.
    using Source = std::function<bool(const ExportRowVisitor &visit, QString *error)>;

    explicit TableExporter(Database &db) : m_db(db) { }

    /// Exports a table under the filter. Holdings need the totals: pass the grouping by investee
    /// (AnalyticsService::aggregate(Dimension::Investee, filter)) as `holdings`. On success
    /// *rows (optional) is the number of data rows written.
    bool exportTable(Table table, const Filter &filter, const QString &path, const Options &options,
                     const Progress &progress, QString *error, qint64 *rows = nullptr,
                     const AggregateResult *holdings = nullptr) const;

    /// The holdings table's columns (the other tables' are InterchangeExport::columns()).
    static QList<ExportColumn> holdingsColumns();

    /// Writes `columns` and the rows of `source` to `path` (the building block of exportTable).
    /// Cancelled through `progress`: false with *error "cancelled" and no file.
    static bool write(const QList<ExportColumn> &columns, const Source &source, const QString &path,
                      const QString &sheetName, const Options &options, qint64 total, const Progress &progress,
                      QString *error, qint64 *rows = nullptr);

    /// "disbursements", "investees", "funds", "phases", "holdings".
    static QString tableName(Table table);
    static std::optional<Table> parseTable(const QString &name);
    /// "csv", "xlsx".
    static QString formatName(Format format);
    static std::optional<Format> parseFormat(const QString &name);
    /// The message of a cancelled export.
    static QString cancelledMessage();

private:
    Database &m_db;
};
