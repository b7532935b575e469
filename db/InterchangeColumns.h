#pragma once

#include "ExportTable.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

/// The columns of the CSV interchange format (shared/data/README.md), defined once: the loader
/// reads headers against them, InterchangeExport writes them, the benchmark generator writes its
/// CSV files with them. Per kind: the column names in the format's order, which ones a file must
/// have, the type of their values and the width a table export gives them.
namespace InterchangeColumns {

/// The kinds of file, in the order they load (references point up this list).
enum Kind { Funds, Phases, Investees, Disbursements, ExchangeRates, KindCount };

/// Column positions within each kind, in the format's order.
namespace FundCol {
enum { Name, NameZh, Kind, Level, Country, Province, City, ParentFund, Manager, Notes, SourceUrl };
}
namespace PhaseCol {
enum { Fund, Phase, StartDate, Capital, Currency, CapitalBasis, SourceUrl };
}
namespace InvesteeCol {
enum { Name, NameZh, Kind, Sector, Segment, Country, Province, City, Ticker, Founded, Notes, SourceUrl };
}
namespace DisbCol {
enum { Fund, Phase, Investee, Date, Type, Amount, Currency, StakePct, Status, Confidence, SourceUrl, Notes };
}
namespace RateCol {
enum { Currency, Year, CnyPerUnit, Source };
}

struct Column
{
    const char *name;
    bool required;
    ExportColumn::Type type;
    int width; ///< characters a table export gives the column
};

struct KindColumns
{
    const char *name; ///< "funds", "phases", …: the kind's name and its file's base name
    std::vector<Column> columns;
};

/// Every kind's columns, indexed by Kind.
const std::array<KindColumns, KindCount> &table();
inline const KindColumns &of(int kind) { return table()[size_t(kind)]; }

/// The kind's name as text ("funds").
QString kindName(int kind);
/// The column names of a kind, in order.
QStringList names(int kind);
/// The names of the columns a file of the kind must have, in order.
QStringList requiredNames(int kind);
/// The kind's header as the export describes it (names, types, widths).
QList<ExportColumn> exportColumns(int kind);
/// The header row as one line of comma-separated names ("name,name_zh,…").
QByteArray headerLine(int kind);

} // namespace InterchangeColumns
