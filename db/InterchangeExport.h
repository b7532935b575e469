#pragma once

#include "ExportTable.h"
#include "Filter.h"

#include <QList>
#include <QString>

#include <optional>

class Database;

/// Streams the rows of an interchange file (shared/data/README.md) out of the database under a
/// filter, in exactly the format InterchangeLoader reads: the same header names, references by
/// name, dates at their stored precision, amounts as exact decimals in major units (empty =
/// undisclosed). What each table holds under a filter:
/// - disbursements: the events matching the filter (the Disbursements page's rows: cancelled
///   events only when the filter's statuses ask for them), in id order;
/// - investees: all of them when the filter is empty, else those receiving a matching event;
/// - phases: all when the filter is empty, else those paying a matching event;
/// - funds: all when the filter is empty, else the funds paying a matching event, the sub-funds
///   receiving one, and every parent fund of those (so that parent_fund references resolve).
/// So the four files exported under one filter re-import together into an empty database.
class InterchangeExport
{
public:
    enum class Table { Funds, Phases, Investees, Disbursements };

    explicit InterchangeExport(Database &db) : m_db(db) { }

    /// "funds", "phases", "investees", "disbursements".
    static QString tableName(Table table);
    /// The inverse of tableName (case-insensitive).
    static std::optional<Table> parseTable(const QString &name);
    /// The header, in the interchange format's column order, with cell types and widths.
    static QList<ExportColumn> columns(Table table);

    /// Rows stream() would give; -1 with *error set on failure.
    qint64 count(Table table, const Filter &filter, QString *error = nullptr) const;
    /// Calls `visit` once per row, cells in columns() order, through one query. Returns false
    /// with *error on a database error; a visit that returns false stops the stream early and
    /// stream() returns true.
    bool stream(Table table, const Filter &filter, const ExportRowVisitor &visit, QString *error = nullptr) const;

private:
    Database &m_db;
};
