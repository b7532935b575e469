#pragma once

#include "RowValues.h"

#include <QString>
#include <QStringList>
#include <QVariant>

/// The rules a record must meet before it is written, as plain functions that return a message
/// in plain words (empty when the value is fine). Forms call them while the user types, the
/// repositories call them again before every write, so nothing invalid reaches SQL. They follow
/// the interchange loader's rules: dates YYYY, YYYY-MM or YYYY-MM-DD that exist, amounts positive
/// integers of minor units with a currency (or both empty: undisclosed), stakes 0–100, source
/// addresses http or https, and the schema's words for kinds, levels, types and statuses.
namespace Validation {

/// A required name or label: something other than spaces.
QString required(const QString &text, const QString &what);
/// Text without a NUL character (SQL would see it cut there, and lookups by name would fail).
QString withoutNul(const QString &text, const QString &what);
/// '' (unknown), 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', and a day that exists.
QString partialDate(const QString &text);
/// Writes the ways people type a date in the stored form: "2021/5/7", "2021.05.07" and
/// "2021年5月7日" become "2021-05-07"; "2021年5月" becomes "2021-05". Anything else comes back
/// trimmed but otherwise unchanged (partialDate() then says what is wrong with it).
QString normalizedDate(const QString &text);
/// A percentage from 0 to 100 (null: not reported).
QString stake(const QVariant &value);
/// Parses a stake as typed ("15.9", "15.9%"); empty text is a null stake.
QString parseStake(const QString &text, QVariant *value);
/// One or more addresses separated by " | ", each http:// or https:// with a host; empty is fine.
QString sourceUrls(const QString &text);
/// True for one address of the commonest shape, which sourceUrls() accepts: "http://" or
/// "https://", a host name of lower-case letters, digits and inner hyphens ending in a label
/// that starts with a letter, and an optional path of letters, digits and "/._~-". A bulk
/// import checks a million addresses; this one needs no URL parser. False says nothing: the
/// text then goes to sourceUrls().
bool isPlainWebAddress(QByteArrayView bytes);
/// One of `allowed` (the schema's words), exactly.
QString word(const QString &value, const QStringList &allowed, const QString &what);
/// An exchange rate: CNY per unit of the currency, above zero.
QString rate(double cnyPerUnit);
QString year(int year);

/// The words an enumerated column accepts (kind, level, type, status, confidence); empty for
/// other columns.
QStringList words(RecordKind kind, const QString &column);
/// How a column is called in forms and messages: "amount", "Chinese name", "parent fund".
QString label(RecordKind kind, const QString &column);
/// What a kind is called: "fund", "phase", "investee", "disbursement".
QString kindName(RecordKind kind);

/// Every rule of one whole row that needs no database (names present, words known, dates, amount
/// and currency together, stake range, addresses, sector before segment, look-through only for
/// sub-funds). Issues name their column.
QList<FieldIssue> row(const RowValues &row);

} // namespace Validation
