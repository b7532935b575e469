#include "InterchangeColumns.h"

namespace InterchangeColumns {

namespace {
constexpr auto Text = ExportColumn::Type::Text;
constexpr auto Number = ExportColumn::Type::Number;
constexpr auto Date = ExportColumn::Type::Date;
constexpr auto Integer = ExportColumn::Type::Integer;
constexpr bool Required = true;
constexpr bool Optional = false;
} // namespace

const std::array<KindColumns, KindCount> &table()
{
    static const std::array<KindColumns, KindCount> kinds = { {
            { "funds",
              { { "name", Required, Text, 48 },
                { "name_zh", Optional, Text, 28 },
                { "kind", Required, Text, 9 },
                { "level", Required, Text, 11 },
                { "country", Optional, Text, 12 },
                { "province", Optional, Text, 12 },
                { "city", Optional, Text, 12 },
                { "parent_fund", Optional, Text, 40 },
                { "manager", Optional, Text, 24 },
                { "notes", Optional, Text, 50 },
                { "source_url", Optional, Text, 50 } } },
            { "phases",
              { { "fund", Required, Text, 48 },
                { "phase", Required, Text, 14 },
                { "start_date", Optional, Date, 12 },
                { "capital", Optional, Number, 18 },
                { "currency", Optional, Text, 9 },
                { "capital_basis", Optional, Text, 20 },
                { "source_url", Optional, Text, 50 } } },
            { "investees",
              { { "name", Required, Text, 44 },
                { "name_zh", Optional, Text, 28 },
                { "kind", Required, Text, 9 },
                { "sector", Optional, Text, 24 },
                { "segment", Optional, Text, 20 },
                { "country", Optional, Text, 12 },
                { "province", Optional, Text, 12 },
                { "city", Optional, Text, 12 },
                { "ticker", Optional, Text, 16 },
                { "founded", Optional, Date, 11 },
                { "notes", Optional, Text, 50 },
                { "source_url", Optional, Text, 50 } } },
            { "disbursements",
              { { "fund", Required, Text, 44 },
                { "phase", Required, Text, 14 },
                { "investee", Required, Text, 44 },
                { "date", Required, Date, 11 },
                { "type", Required, Text, 15 },
                { "amount", Required, Number, 18 },
                { "currency", Required, Text, 9 },
                { "stake_pct", Optional, Number, 10 },
                { "status", Required, Text, 11 },
                { "confidence", Optional, Text, 11 },
                { "source_url", Optional, Text, 50 },
                { "notes", Optional, Text, 50 } } },
            { "exchange_rates",
              { { "currency", Required, Text, 9 },
                { "year", Required, Integer, 6 },
                { "cny_per_unit", Required, Number, 12 },
                { "source", Optional, Text, 50 } } },
    } };
    return kinds;
}

QString kindName(int kind)
{
    return QString::fromLatin1(of(kind).name);
}

QStringList names(int kind)
{
    QStringList list;
    for (const Column &c : of(kind).columns)
        list.append(QString::fromLatin1(c.name));
    return list;
}

QStringList requiredNames(int kind)
{
    QStringList list;
    for (const Column &c : of(kind).columns) {
        if (c.required)
            list.append(QString::fromLatin1(c.name));
    }
    return list;
}

QList<ExportColumn> exportColumns(int kind)
{
    QList<ExportColumn> list;
    for (const Column &c : of(kind).columns)
        list.append({ QString::fromLatin1(c.name), c.type, c.width });
    return list;
}

QByteArray headerLine(int kind)
{
    QByteArray line;
    for (const Column &c : of(kind).columns) {
        if (!line.isEmpty())
            line += ',';
        line += c.name;
    }
    return line;
}

} // namespace InterchangeColumns
