#pragma once

#include <QByteArrayView>
#include <QString>

#include <functional>

/// A column of an exported table: its header name, how a spreadsheet should type its cells, and
/// a width hint in characters for spreadsheet columns.
struct ExportColumn
{
    enum class Type {
        Text,    ///< a string (guarded against formula injection, see FormulaGuard)
        Number,  ///< a decimal number; the text is its exact decimal form
        Integer, ///< a whole number
        Date,    ///< an ISO date at its reported precision: a date cell when it is a full day
    };

    QString name;
    Type type = Type::Text;
    int width = 12;
};

/// One cell of a streamed row. `text` is the UTF-8 text a CSV file carries (empty for an empty
/// cell) and is NUL-terminated; `number` holds the value of Number and Integer cells. Both stay
/// valid only for the duration of the visit that received them.
struct ExportCell
{
    QByteArrayView text;
    double number = 0;
};

/// Receives the rows of an exported table, one call per row with one cell per column; returns
/// false to stop (a cancelled export).
using ExportRowVisitor = std::function<bool(const ExportCell *cells, qsizetype count)>;
