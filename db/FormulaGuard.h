#pragma once

#include <QByteArray>
#include <QByteArrayView>

/// Neutralises spreadsheet formula injection ("CSV injection", OWASP) in exported text cells.
///
/// The rule, the same for every export: a text cell that a spreadsheet could read as a formula
/// - one starting with '=', '+', '-', '@', a tab or a carriage return - is written with an
/// apostrophe in front. CSV files carry the apostrophe; XLSX files store every text cell as a
/// string, which spreadsheets never evaluate, so they keep the text unchanged.
///
/// The prefix is reversible: text that already starts with apostrophes followed by one of those
/// characters gets one more, and a guarded cell is always written between quotes
/// (CsvWriter::writeQuotedField), so an importer that drops one leading apostrophe from such
/// quoted cells (unguard()) reads back exactly what was exported, while an unquoted '=1+1 typed
/// by hand keeps its apostrophe. Numbers written by the exporters are never negative and are not
/// guarded.
namespace FormulaGuard {

/// The full check behind needsPrefix(), for text whose first byte could start a trigger.
bool needsPrefixSlow(QByteArrayView utf8);
/// True when `utf8` starts with zero or more apostrophes and then = + - @ tab or CR.
inline bool needsPrefix(QByteArrayView utf8)
{
    // Every trigger and the apostrophe sort at or below '@': letters and most text leave at once.
    return !utf8.isEmpty() && uchar(utf8.front()) <= uchar('@') && needsPrefixSlow(utf8);
}
/// The cell text as a CSV export writes it: with the apostrophe when needsPrefix().
QByteArray guard(QByteArrayView utf8);
/// The inverse of guard() for importers: one leading apostrophe less when what follows needs it.
/// Only for fields that were quoted in the file (CsvReader::fieldWasQuoted).
QByteArrayView unguard(QByteArrayView utf8);

} // namespace FormulaGuard
