#include "Commands.h"

#include "AggregationCache.h"
#include "AggregationEngine.h"
#include "ColumnSnapshot.h"
#include "CommandSupport.h"
#include "CsvWriter.h"
#include "Database.h"
#include "Figures.h"
#include "DisbursementRepository.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

// fundscope summary --by DIMENSION [--format table|csv|json] [--engine auto|sql|memory] [filter
// options]: the aggregation engine's answer for scripts (csv, json) and people (table). Every
// format carries the same nine columns; the table and json add the totals, the apart counts and
// the rates.

namespace {

const QStringList &formats()
{
    static const QStringList list { QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json") };
    return list;
}

const QStringList &engines()
{
    static const QStringList list { QStringLiteral("auto"), QStringLiteral("sql"), QStringLiteral("memory") };
    return list;
}

const QStringList &columns()
{
    static const QStringList list { QStringLiteral("key"), QStringLiteral("key_zh"),
        QStringLiteral("invested"), QStringLiteral("committed"), QStringLiteral("divested"),
        QStringLiteral("events"), QStringLiteral("investees"), QStringLiteral("undisclosed"),
        QStringLiteral("without_rate") };
    return list;
}

/// The table's column titles, for people: in English the csv and json keys themselves.
QStringList tableTitles()
{
    static const struct
    {
        const char *source;
        const char *comment;
    } titles[] = {
        QT_TRANSLATE_NOOP3("Commands", "key", "summary table column: the group's name"),
        QT_TRANSLATE_NOOP3("Commands", "key_zh", "summary table column: the group's Chinese name"),
        QT_TRANSLATE_NOOP3("Commands", "invested", "summary table column"),
        QT_TRANSLATE_NOOP3("Commands", "committed", "summary table column"),
        QT_TRANSLATE_NOOP3("Commands", "divested", "summary table column"),
        QT_TRANSLATE_NOOP3("Commands", "events", "summary table column"),
        QT_TRANSLATE_NOOP3("Commands", "investees", "summary table column"),
        QT_TRANSLATE_NOOP3("Commands", "undisclosed", "summary table column: events without an amount"),
        QT_TRANSLATE_NOOP3(
            "Commands", "without_rate", "summary table column: events without an exchange rate"),
    };
    QStringList list;
    for (const auto &title : titles)
        list.append(QCoreApplication::translate("Commands", title.source, title.comment));
    return list;
}

/// What a grouping is called in sentences for people ("Summary by sector"); the --by words and
/// the json "by" stay AggregationEngine::dimensionName().
QString dimensionWord(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Sector:
        return QCoreApplication::translate("Commands", "sector", "summary: grouped by");
    case Dimension::Segment:
        return QCoreApplication::translate("Commands", "segment", "summary: grouped by");
    case Dimension::Region:
        return QCoreApplication::translate("Commands", "region", "summary: grouped by");
    case Dimension::Phase:
        return QCoreApplication::translate("Commands", "phase", "summary: grouped by");
    case Dimension::Fund:
        return QCoreApplication::translate("Commands", "fund", "summary: grouped by");
    case Dimension::Year:
        return QCoreApplication::translate("Commands", "year", "summary: grouped by");
    case Dimension::Investee:
        return QCoreApplication::translate("Commands", "investee", "summary: grouped by");
    case Dimension::City:
        return QCoreApplication::translate("Commands", "city", "summary: grouped by");
    }
    return AggregationEngine::dimensionName(dimension);
}

/// "12900000000.00": plain, for csv and json.
QString plainAmount(double value)
{
    return QString::number(value, 'f', 2);
}

/// "12,900,000,000.00": for people. Locale-free, so output does not change with the machine.
QString groupedAmount(double value)
{
    QString text = plainAmount(value);
    const qsizetype point = text.indexOf(QLatin1Char('.'));
    const qsizetype firstDigit = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    for (qsizetype i = point - 3; i > firstDigit; i -= 3)
        text.insert(i, QLatin1Char(','));
    return text;
}

QString groupedCount(qint64 value)
{
    QString text = QString::number(value);
    for (qsizetype i = text.size() - 3; i > 0; i -= 3)
        text.insert(i, QLatin1Char(','));
    return text;
}

/// Columns a terminal gives the text: East Asian wide and fullwidth characters take two,
/// combining marks none.
int displayWidth(const QString &text)
{
    int width = 0;
    for (const uint c : text.toUcs4()) {
        const QChar::Category category = QChar::category(char32_t(c));
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing)
            continue;
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E)
            || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
            || (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
            || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)
            || (c >= 0x20000 && c <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

QString pad(const QString &text, int width, bool right)
{
    const QString fill(std::max(0, width - displayWidth(text)), QLatin1Char(' '));
    return right ? fill + text : text + fill;
}

QStringList plainFields(const AggregateRow &row)
{
    return { row.key, row.keyZh, plainAmount(row.invested), plainAmount(row.committed),
        plainAmount(row.divested), QString::number(row.events), QString::number(row.investees),
        QString::number(row.undisclosed), QString::number(row.withoutRate) };
}

QStringList tableFields(const AggregateRow &row)
{
    return { row.key, row.keyZh, groupedAmount(row.invested), groupedAmount(row.committed),
        groupedAmount(row.divested), groupedCount(row.events), groupedCount(row.investees),
        groupedCount(row.undisclosed), groupedCount(row.withoutRate) };
}

/// The filter as the user gave it, for captions and json.
struct FilterEcho
{
    QList<QPair<QString, QStringList>> lists; ///< option name -> values, in option order
    QString from;
    QString to;
};

FilterEcho echoFilter(const QCommandLineParser &parser)
{
    FilterEcho echo;
    for (const char *name : { "fund", "phase", "sector", "region", "type", "status" }) {
        const QString option = QString::fromLatin1(name);
        echo.lists.append({ option, parser.values(option) });
    }
    echo.from = parser.value(QStringLiteral("from"));
    echo.to = parser.value(QStringLiteral("to"));
    return echo;
}

QString describeFilter(const FilterEcho &echo)
{
    QStringList parts;
    for (const auto &[option, values] : echo.lists) {
        if (!values.isEmpty())
            parts.append(option + QLatin1Char(' ') + values.join(QStringLiteral(" | ")));
    }
    if (!echo.from.isEmpty())
        parts.append(QCoreApplication::translate("Commands", "from %1", "summary filter: earliest date")
                         .arg(echo.from));
    if (!echo.to.isEmpty())
        parts.append(
            QCoreApplication::translate("Commands", "to %1", "summary filter: latest date").arg(echo.to));
    return parts.isEmpty() ? QCoreApplication::translate("Commands", "none", "summary filter: no filter")
                           : parts.join(QStringLiteral("; "));
}

QString listed(const QStringList &items, int most)
{
    if (items.size() <= most)
        return items.join(QStringLiteral(", "));
    return QCoreApplication::translate("Commands", "%1, and %2 more")
        .arg(items.mid(0, most).join(QStringLiteral(", ")))
        .arg(items.size() - most);
}

/// "3 undisclosed, 1 without a rate to USD (USD 2022); 4 flows into sub-funds (CNY 93,000,000,000.00
/// committed) left out of sector totals".
QString apartNote(const AggregateResult &r)
{
    const AggregateRow &t = r.totals;
    const QString note = t.withoutRate > 0 && !r.ratesMissing.isEmpty()
        ? QCoreApplication::translate("Commands", "%1 undisclosed, %2 without a rate to %3 (missing: %4)")
              .arg(groupedCount(t.undisclosed), groupedCount(t.withoutRate), r.currency,
                  listed(r.ratesMissing, 6))
        : QCoreApplication::translate("Commands", "%1 undisclosed, %2 without a rate to %3")
              .arg(groupedCount(t.undisclosed), groupedCount(t.withoutRate), r.currency);

    const AggregateRow &s = r.subFundFlows;
    if (s.events == 0)
        return QCoreApplication::translate("Commands", "%1; no flows into sub-funds").arg(note);
    QStringList amounts;
    if (s.invested != 0)
        amounts.append(QCoreApplication::translate("Commands", "%1 %2 invested")
                           .arg(r.currency, groupedAmount(s.invested)));
    if (s.committed != 0)
        amounts.append(QCoreApplication::translate("Commands", "%1 %2 committed")
                           .arg(r.currency, groupedAmount(s.committed)));
    if (s.divested != 0)
        amounts.append(QCoreApplication::translate("Commands", "%1 %2 divested")
                           .arg(r.currency, groupedAmount(s.divested)));
    if (amounts.isEmpty())
        amounts.append(QStringLiteral("%1 %2").arg(r.currency, groupedAmount(0)));
    if (s.undisclosed > 0)
        amounts.append(
            QCoreApplication::translate("Commands", "%1 undisclosed").arg(groupedCount(s.undisclosed)));
    if (s.withoutRate > 0)
        amounts.append(
            QCoreApplication::translate("Commands", "%1 without a rate").arg(groupedCount(s.withoutRate)));
    const QString what = amounts.join(QStringLiteral("; "));
    if (r.subFundFlowsInRows) {
        return s.events == 1
            ? QCoreApplication::translate("Commands",
                "%1; 1 flow into sub-funds (%2) counted as their payers' outflows (the sub-funds' own "
                "investments are listed too)")
                  .arg(note, what)
            : QCoreApplication::translate("Commands",
                "%1; %2 flows into sub-funds (%3) counted as their payers' outflows (the sub-funds' own "
                "investments are listed too)")
                  .arg(note, groupedCount(s.events), what);
    }
    const QString dimension = dimensionWord(r.dimension);
    return s.events == 1
        ? QCoreApplication::translate("Commands", "%1; 1 flow into sub-funds (%2) left out of %3 totals")
              .arg(note, what, dimension)
        : QCoreApplication::translate("Commands", "%1; %2 flows into sub-funds (%3) left out of %4 totals")
              .arg(note, groupedCount(s.events), what, dimension);
}

QString ratesNote(const AggregateResult &r)
{
    if (r.ratesUsed.isEmpty())
        return QString();
    return QCoreApplication::translate("Commands", "Rates used (CNY per unit, yearly): %1")
        .arg(r.ratesUsed.join(QStringLiteral(", ")));
}

/// The headline figures (Figures) as a json object: the same for every --by under one filter.
QString jsonFigures(const AggregateResult &r)
{
    const Figures figures = Figures::of(r);
    const auto part = [](const AggregateRow &row) {
        return QStringLiteral("{\"invested\": %1, \"committed\": %2, \"divested\": %3, \"events\": %4, "
                              "\"investees\": %5, \"undisclosed\": %6, \"without_rate\": %7}")
                .arg(plainAmount(row.invested), plainAmount(row.committed), plainAmount(row.divested))
                .arg(row.events)
                .arg(row.investees)
                .arg(row.undisclosed)
                .arg(row.withoutRate);
    };
    return QStringLiteral("{\n    \"in_companies\": %1,\n    \"into_sub_funds\": %2,\n    \"all\": %3\n  }")
            .arg(part(figures.companies), part(figures.subFunds), part(figures.all));
}

/// The headline figures for people, one line per measure, in the words every surface uses.
QString figuresNote(const AggregateResult &r)
{
    const Figures figures = Figures::of(r);
    QString out;
    for (Figures::Measure measure :
         { Figures::Measure::Invested, Figures::Measure::Committed, Figures::Measure::Divested }) {
        //: A headline figure: "Invested: CNY 289.0 bn in companies · 4.5 bn into sub-funds".
        out += QCoreApplication::translate("Commands", "%1: %2")
                   .arg(Figures::measureName(measure),
                       figures.split(measure, [](double v) { return groupedAmount(v); }))
            + QLatin1Char('\n');
    }
    return out;
}

QString formatTable(const AggregateResult &r, const FilterEcho &echo)
{
    QList<QStringList> lines;
    lines.append(tableTitles());
    for (const AggregateRow &row : r.rows)
        lines.append(tableFields(row));
    lines.append(tableFields(r.totals));

    QList<int> widths(columns().size(), 0);
    for (const QStringList &fields : std::as_const(lines)) {
        for (qsizetype c = 0; c < fields.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(fields.at(c)));
    }
    auto render = [&](const QStringList &fields) -> QString {
        QStringList cells;
        for (qsizetype c = 0; c < fields.size(); ++c)
            cells.append(pad(fields.at(c), widths.at(c), c >= 2));
        return cells.join(QStringLiteral("  ")) + QLatin1Char('\n');
    };
    auto rule = [&]() -> QString {
        QStringList cells;
        for (const int w : std::as_const(widths))
            cells.append(QString(w, QLatin1Char('-')));
        return cells.join(QStringLiteral("  ")) + QLatin1Char('\n');
    };

    QString out
        = QCoreApplication::translate("Commands", "Summary by %1, amounts in %2 (major units). Filter: %3.")
              .arg(dimensionWord(r.dimension), r.currency, describeFilter(echo))
        + QLatin1Char('\n');
    const QString rates = ratesNote(r);
    if (!rates.isEmpty())
        out += rates + QLatin1Char('\n');
    out += render(lines.first());
    out += rule();
    for (qsizetype i = 1; i + 1 < lines.size(); ++i)
        out += render(lines.at(i));
    if (!r.rows.isEmpty())
        out += rule();
    out += render(lines.last());
    out += apartNote(r) + QLatin1Char('\n');
    out += figuresNote(r);
    return out;
}

QString formatCsv(const AggregateResult &r)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer);
        writer.writeRecord(columns());
        for (const AggregateRow &row : r.rows)
            writer.writeRecord(plainFields(row));
        writer.flush();
    }
    return QString::fromUtf8(buffer.data());
}

QString jsonString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out.append(QLatin1Char('"'));
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out.append(QStringLiteral("\\\""));
            break;
        case '\\':
            out.append(QStringLiteral("\\\\"));
            break;
        case '\n':
            out.append(QStringLiteral("\\n"));
            break;
        case '\r':
            out.append(QStringLiteral("\\r"));
            break;
        case '\t':
            out.append(QStringLiteral("\\t"));
            break;
        default:
            if (c.unicode() < 0x20)
                out.append(QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0')));
            else
                out.append(c);
        }
    }
    out.append(QLatin1Char('"'));
    return out;
}

QString jsonStrings(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(jsonString(item));
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

/// The nine columns as a json object; amounts as numbers with two decimals.
QString jsonRow(const AggregateRow &row, const QString &extra = QString())
{
    const QStringList values = plainFields(row);
    QStringList members;
    for (qsizetype c = 0; c < columns().size(); ++c)
        members.append(jsonString(columns().at(c)) + QStringLiteral(": ")
            + (c < 2 ? jsonString(values.at(c)) : values.at(c)));
    if (!extra.isEmpty())
        members.append(extra);
    return QLatin1Char('{') + members.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString formatJson(const AggregateResult &r, const FilterEcho &echo)
{
    QStringList filter;
    for (const auto &[option, values] : echo.lists)
        filter.append(QStringLiteral("    %1: %2").arg(jsonString(option), jsonStrings(values)));
    filter.append(QStringLiteral("    \"from\": %1")
                      .arg(echo.from.isEmpty() ? QStringLiteral("null") : jsonString(echo.from)));
    filter.append(QStringLiteral("    \"to\": %1")
                      .arg(echo.to.isEmpty() ? QStringLiteral("null") : jsonString(echo.to)));

    QStringList rows;
    for (const AggregateRow &row : r.rows)
        rows.append(QStringLiteral("    ") + jsonRow(row));

    QString out;
    out += QStringLiteral("{\n");
    out += QStringLiteral("  \"by\": %1,\n").arg(jsonString(AggregationEngine::dimensionName(r.dimension)));
    out += QStringLiteral("  \"currency\": %1,\n").arg(jsonString(r.currency));
    out += QStringLiteral("  \"filter\": {\n%1\n  },\n").arg(filter.join(QStringLiteral(",\n")));
    out += rows.isEmpty() ? QStringLiteral("  \"rows\": [],\n")
                          : QStringLiteral("  \"rows\": [\n%1\n  ],\n").arg(rows.join(QStringLiteral(",\n")));
    out += QStringLiteral("  \"totals\": %1,\n").arg(jsonRow(r.totals));
    out += QStringLiteral("  \"sub_fund_flows\": %1,\n")
               .arg(jsonRow(r.subFundFlows,
                   QStringLiteral("\"counted_in_rows\": %1")
                       .arg(r.subFundFlowsInRows ? QStringLiteral("true") : QStringLiteral("false"))));
    out += QStringLiteral("  \"figures\": %1,\n").arg(jsonFigures(r));
    out += QStringLiteral("  \"rates_used\": %1,\n").arg(jsonStrings(r.ratesUsed));
    out += QStringLiteral("  \"rates_missing\": %1\n").arg(jsonStrings(r.ratesMissing));
    out += QStringLiteral("}\n");
    return out;
}

} // namespace

int Commands::summary(const QStringList &arguments)
{
    using namespace CommandSupport;
    QCommandLineParser parser;
    QStringList words = AggregationEngine::dimensionNames();
    const QString last = words.takeLast();
    const QString dimensions
        = QCoreApplication::translate("Commands", "%1 or %2", "the last of a list of --by words")
              .arg(words.join(QStringLiteral(", ")), last);
    const QString description = QCoreApplication::translate("Commands",
        "Prints money grouped by %1: invested, committed and divested kept apart, with the "
        "counts of undisclosed amounts and of amounts without an exchange rate.");
    describeCommand(parser, QStringLiteral("summary"), description.arg(dimensions));
    parser.addOption({ QStringLiteral("by"),
        QCoreApplication::translate("Commands", "Group by %1 (required).").arg(dimensions),
        QStringLiteral("DIMENSION") });
    parser.addOption({ QStringLiteral("format"),
        QCoreApplication::translate("Commands", "Output: table (default), csv or json."),
        QStringLiteral("FORMAT"), QStringLiteral("table") });
    parser.addOption({ QStringLiteral("engine"),
        QCoreApplication::translate("Commands",
            "How to group: auto (default: in memory above %1 events, else by SQL), sql or memory. "
            "Both give the same output; memory is faster on large databases.")
            .arg(AggregationCache::SqlFallbackLimit),
        QStringLiteral("ENGINE"), QStringLiteral("auto") });
    addDatabaseOption(parser);
    addFilterOptions(parser);
    if (!parseCommand(parser, arguments))
        return UsageError;

    const QString dimensionNames = AggregationEngine::dimensionNames().join(QLatin1Char('|'));
    if (!parser.isSet(QStringLiteral("by")))
        return usageError(
            QCoreApplication::translate("Commands", "summary needs --by %1").arg(dimensionNames));
    const std::optional<Dimension> dimension
        = AggregationEngine::parseDimension(parser.value(QStringLiteral("by")));
    if (!dimension) {
        return usageError(QCoreApplication::translate("Commands", "unknown --by '%1' (expected %2)")
                              .arg(parser.value(QStringLiteral("by")), dimensionNames));
    }
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!formats().contains(format)) {
        return usageError(QCoreApplication::translate("Commands", "unknown --format '%1' (expected %2)")
                              .arg(parser.value(QStringLiteral("format")), formats().join(QLatin1Char('|'))));
    }

    const QString engine = parser.value(QStringLiteral("engine")).toLower();
    if (!engines().contains(engine)) {
        return usageError(QCoreApplication::translate("Commands", "unknown --engine '%1' (expected %2)")
                              .arg(parser.value(QStringLiteral("engine")), engines().join(QLatin1Char('|'))));
    }

    Database db;
    Filter filter;
    if (const int code = openWithFilter(parser, db, filter); code != Success)
        return code;
    QString error;

    // A large database is grouped from an in-memory cache, as the window does: loading it and
    // one pass over it beat the SQL grouping there. Both give the same output
    // (tst_summarycommand compares the two byte for byte). The cache comes from the column
    // snapshot the window or an earlier command kept, while the data is unchanged.
    AggregationCache cache;
    const QString base = filter.currency.isEmpty() ? QStringLiteral("CNY") : filter.currency;
    const bool large = AggregationCache::worthLoading(db);
    const bool fromMemory = engine == QLatin1String("memory") || (engine == QLatin1String("auto") && large);
    // A small database loads from itself faster than a file of it is written.
    const QString snapshotFile = large ? ColumnSnapshot::filePath(db.path()) : QString();
    if (fromMemory && AggregationCache::supportsCurrency(base) && !cache.loadKept(db, snapshotFile, &error))
        return failure(error);
    AggregateResult result;
    if (!Aggregator::choose(db, &cache, base)->aggregate(*dimension, filter, &result, &error))
        return failure(error);

    const FilterEcho echo = echoFilter(parser);
    if (format == QLatin1String("csv")) {
        printOut(formatCsv(result));
        // Stdout stays rows only, so a script's sum over them is the total; the rest goes beside.
        QString note = apartNote(result) + QLatin1Char('\n');
        const QString rates = ratesNote(result);
        if (!rates.isEmpty())
            note += rates + QLatin1Char('\n');
        std::fputs(note.toUtf8().constData(), stderr);
    } else if (format == QLatin1String("json")) {
        printOut(formatJson(result, echo));
    } else {
        printOut(formatTable(result, echo));
    }
    std::fflush(stdout);
    cache.keep(snapshotFile, db.path()); // for the next process, once this one has answered
    return Success;
}
