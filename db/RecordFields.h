#pragma once

#include <QString>
#include <QStringList>

#include <initializer_list>
#include <type_traits>

/// The four kinds of record a researcher adds, edits and deletes (exchange rates, keyed by
/// currency and year, have their own repository).
enum class RecordKind { Fund, Phase, Investee, Disbursement };

// The writable fields of each record kind, in the order of RecordStore::columns(). Code outside
// db/ names a field by these and never by its column's name; columnOf() gives the name that
// RowValues, FieldIssue and the history carry.

enum class FundField { Name, NameZh, Kind, Level, Country, Province, City, ParentFund, Manager, Notes, Source };
enum class PhaseField { Fund, Label, Start, Capital, Currency, CapitalBasis, Source };
enum class InvesteeField {
    Name, NameZh, Kind, Fund, Sector, Segment, Country, Province, City, Ticker, Founded, Notes, Source
};
enum class DisbursementField {
    Phase, Investee, Date, Type, Amount, Currency, Stake, Status, Confidence, Source, Notes
};

/// The kind a field belongs to.
constexpr RecordKind kindOf(FundField) { return RecordKind::Fund; }
constexpr RecordKind kindOf(PhaseField) { return RecordKind::Phase; }
constexpr RecordKind kindOf(InvesteeField) { return RecordKind::Investee; }
constexpr RecordKind kindOf(DisbursementField) { return RecordKind::Disbursement; }

template<typename F>
concept RecordField = std::is_same_v<F, FundField> || std::is_same_v<F, PhaseField>
        || std::is_same_v<F, InvesteeField> || std::is_same_v<F, DisbursementField>;

namespace RecordFields {
/// The stored columns of a kind, in field order (RecordStore::columns()).
const QStringList &columns(RecordKind kind);
/// The stored column of field `index` of `kind`.
QString column(RecordKind kind, int index);
} // namespace RecordFields

/// The stored column of a field ("amount_minor" for DisbursementField::Amount).
template<RecordField F>
QString columnOf(F field)
{
    return RecordFields::column(kindOf(field), int(field));
}

/// The stored columns of several fields, for a form row that edits them together.
template<RecordField F>
QStringList columnsOf(std::initializer_list<F> fields)
{
    QStringList columns;
    for (F f : fields)
        columns.append(columnOf(f));
    return columns;
}
