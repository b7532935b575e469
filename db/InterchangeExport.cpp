#include "InterchangeExport.h"

#include "Database.h"
#include "FilterSql.h"
#include "InterchangeColumns.h"
#include "RawQuery.h"
#include "SqlDialect.h"

#include <QHash>

#include <array>
#include <charconv>
#include <cstring>
#include <vector>

namespace {

// The export's tables are the first four kinds of the interchange format.
int kindOf(InterchangeExport::Table table)
{
    using Table = InterchangeExport::Table;
    switch (table) {
    case Table::Funds:
        return InterchangeColumns::Funds;
    case Table::Phases:
        return InterchangeColumns::Phases;
    case Table::Investees:
        return InterchangeColumns::Investees;
    case Table::Disbursements:
        return InterchangeColumns::Disbursements;
    }
    return InterchangeColumns::Funds;
}

// The statements select the interchange columns in order; a few extra columns at the end feed
// the number formatting (a currency's minor digits).

QString selection(Database &db, InterchangeExport::Table table, const Filter &filter, QVariantList *binds)
{
    using Table = InterchangeExport::Table;
    const FilterSql where = FilterSql::build(db, filter);
    // Nothing narrows (cancelled events left out is the default, not a narrowing): every row.
    const bool all = filter.isEmpty();
    switch (table) {
    case Table::Disbursements:
        *binds = where.binds;
        return where.where;
    case Table::Phases:
        if (all)
            return QStringLiteral("1");
        *binds = where.binds;
        return QStringLiteral("p.id IN (SELECT d.phase_id FROM disbursements d WHERE %1)").arg(where.where);
    case Table::Investees:
        if (all)
            return QStringLiteral("1");
        *binds = where.binds;
        return QStringLiteral("i.id IN (SELECT d.investee_id FROM disbursements d WHERE %1)").arg(where.where);
    case Table::Funds:
        if (all)
            return QStringLiteral("1");
        *binds = where.binds + where.binds;
        return QStringLiteral("f.id IN (WITH RECURSIVE chosen(id) AS ("
                              "SELECT p.fund_id FROM disbursements d JOIN phases p ON p.id = d.phase_id WHERE %1"
                              " UNION SELECT i.fund_id FROM disbursements d JOIN investees i ON i.id = d.investee_id"
                              " WHERE %1 AND i.fund_id IS NOT NULL"
                              " UNION SELECT up.parent_fund_id FROM funds up JOIN chosen c ON up.id = c.id"
                              " WHERE up.parent_fund_id IS NOT NULL)"
                              " SELECT id FROM chosen)")
                .arg(where.where);
    }
    return QStringLiteral("0");
}

QString fromClause(InterchangeExport::Table table, bool walkTable, const SqlDialect &sql)
{
    using Table = InterchangeExport::Table;
    switch (table) {
    case Table::Disbursements:
        // A broad result is read in storage (id) order with no sort (noIndex()); a narrow one
        // starts from the filter's index.
        return QStringLiteral("disbursements d") + (walkTable ? sql.noIndex() : QString());
    case Table::Phases:
        return QStringLiteral("phases p JOIN funds f ON f.id = p.fund_id");
    case Table::Investees:
        return QStringLiteral("investees i LEFT JOIN sectors s ON s.id = i.sector_id"
                              " LEFT JOIN segments g ON g.id = i.segment_id"
                              " LEFT JOIN regions co ON co.id = i.country_id"
                              " LEFT JOIN regions pr ON pr.id = i.province_id"
                              " LEFT JOIN regions ci ON ci.id = i.city_id");
    case Table::Funds:
        return QStringLiteral("funds f LEFT JOIN regions co ON co.id = f.country_id"
                              " LEFT JOIN regions pr ON pr.id = f.province_id"
                              " LEFT JOIN regions ci ON ci.id = f.city_id"
                              " LEFT JOIN funds pf ON pf.id = f.parent_fund_id");
    }
    return {};
}

QString selectColumns(InterchangeExport::Table table)
{
    using Table = InterchangeExport::Table;
    switch (table) {
    case Table::Disbursements:
        // Fund, phase and investee names come from lookups read first (see stream()): joining
        // them row by row costs more than the scan itself at a million rows.
        return QStringLiteral("d.phase_id, d.phase_id, d.investee_id, d.value_date, d.type, d.amount_minor, d.currency,"
                              " d.stake_pct, d.status, d.confidence, d.source_url, d.notes");
    case Table::Phases:
        return QStringLiteral("f.name, p.label, p.start_date, p.capital_minor, p.currency, p.capital_basis, p.source_url");
    case Table::Investees:
        return QStringLiteral("i.name, i.name_zh, i.kind, s.name, g.name, co.name, pr.name, ci.name, i.ticker,"
                              " i.founded, i.notes, i.source_url");
    case Table::Funds:
        return QStringLiteral("f.name, f.name_zh, f.kind, f.level, co.name, pr.name, ci.name, pf.name, f.manager,"
                              " f.notes, f.source_url");
    }
    return {};
}

QString orderBy(InterchangeExport::Table table)
{
    using Table = InterchangeExport::Table;
    switch (table) {
    case Table::Disbursements:
        return QStringLiteral("d.id");
    case Table::Phases:
        return QStringLiteral("f.name, p.start_date, p.label");
    case Table::Investees:
        return QStringLiteral("i.name");
    case Table::Funds:
        return QStringLiteral("f.name");
    }
    return {};
}

/// Where amounts sit: (amount column, currency column) of a table, -1 when it has none.
std::pair<int, int> moneyColumns(InterchangeExport::Table table)
{
    using Table = InterchangeExport::Table;
    switch (table) {
    case Table::Disbursements:
        return { InterchangeColumns::DisbCol::Amount, InterchangeColumns::DisbCol::Currency };
    case Table::Phases:
        return { InterchangeColumns::PhaseCol::Capital, InterchangeColumns::PhaseCol::Currency };
    default:
        return { -1, -1 };
    }
}

/// Ids up to this are looked up in dense tables (bigger ones would waste memory; none occur).
constexpr qint64 MaxDenseId = qint64(1) << 26;

/// "1234.5" from 123450 minor units at 2 digits: exact, trailing zeros of the fraction dropped.
qsizetype formatMinor(qint64 minor, int digits, char *out)
{
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(-(minor + 1)) + 1 : quint64(minor);
    char *p = out;
    if (negative)
        *p++ = '-';
    p = std::to_chars(p, out + 40, magnitude / quint64(scale)).ptr;
    quint64 fraction = magnitude % quint64(scale);
    if (fraction != 0) {
        int width = digits;
        while (fraction % 10 == 0) {
            fraction /= 10;
            --width;
        }
        *p++ = '.';
        char digitsText[8];
        const char *end = std::to_chars(digitsText, digitsText + 8, fraction).ptr;
        const qsizetype n = end - digitsText;
        for (qsizetype i = n; i < width; ++i)
            *p++ = '0';
        std::memcpy(p, digitsText, size_t(n));
        p += n;
    }
    *p = '\0';
    return p - out;
}

} // namespace

QString InterchangeExport::tableName(Table table)
{
    return InterchangeColumns::kindName(kindOf(table));
}

std::optional<InterchangeExport::Table> InterchangeExport::parseTable(const QString &name)
{
    for (Table t : { Table::Funds, Table::Phases, Table::Investees, Table::Disbursements }) {
        if (name.compare(tableName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

QList<ExportColumn> InterchangeExport::columns(Table table)
{
    return InterchangeColumns::exportColumns(kindOf(table));
}

qint64 InterchangeExport::count(Table table, const Filter &filter, QString *error) const
{
    QVariantList binds;
    // Every disbursement has its phase and investee (foreign keys): no join needed to count.
    const QString from = table == Table::Disbursements ? QStringLiteral("disbursements d") : fromClause(table, false, m_db.dialect());
    const QString sql = QStringLiteral("SELECT count(*) FROM ") + from + QStringLiteral(" WHERE ")
            + selection(m_db, table, filter, &binds);
    RawQuery q(m_db, sql, binds);
    if (!q.next()) {
        if (error)
            *error = q.errorString();
        return -1;
    }
    return q.integer(0);
}

bool InterchangeExport::stream(Table table, const Filter &filter, const ExportRowVisitor &visit, QString *error) const
{
    QHash<QByteArray, int> minorDigits;
    {
        RawQuery q(m_db, QStringLiteral("SELECT code, minor_digits FROM currencies"));
        while (q.next())
            minorDigits.insert(q.text(0).toByteArray(), int(q.integer(1)));
        if (!q.errorString().isEmpty()) {
            if (error)
                *error = q.errorString();
            return false;
        }
    }
    bool walkTable = false;
    if (table == Table::Disbursements) {
        // Reading the whole table in storage order beats an index plus a sort once the result
        // is a sizeable share of it.
        const qint64 matches = count(table, filter, error);
        if (matches < 0)
            return false;
        RawQuery size(m_db, QStringLiteral("SELECT max(id) FROM disbursements"));
        const qint64 rows = size.next() ? size.integer(0) : 0;
        walkTable = matches * 20 >= rows;
    }

    // Disbursements name their fund, phase and investee: read once, looked up per row in
    // tables indexed by id (ids are dense; a hash lookup per row costs a cache miss).
    std::vector<std::pair<QByteArray, QByteArray>> phases;
    std::vector<QByteArray> investees;
    if (table == Table::Disbursements) {
        const auto load = [this, error](const QString &sql, int columns, auto store) {
            RawQuery q(m_db, sql);
            while (q.next()) {
                const qint64 id = q.integer(0);
                if (id >= 0 && id < MaxDenseId)
                    store(size_t(id), q.text(1), columns > 2 ? q.text(2) : QByteArrayView());
            }
            if (!q.errorString().isEmpty() && error)
                *error = q.errorString();
            return q.errorString().isEmpty();
        };
        const bool loaded =
                load(QStringLiteral("SELECT p.id, f.name, p.label FROM phases p JOIN funds f ON f.id = p.fund_id"), 3,
                     [&phases](size_t id, QByteArrayView fund, QByteArrayView label) {
                         if (phases.size() <= id)
                             phases.resize(id + 1);
                         phases[id] = { fund.toByteArray(), label.toByteArray() };
                     })
                && load(QStringLiteral("SELECT id, name FROM investees"), 2,
                        [&investees](size_t id, QByteArrayView name, QByteArrayView) {
                            if (investees.size() <= id)
                                investees.resize(id + 1);
                            investees[id] = name.toByteArray();
                        });
        if (!loaded)
            return false;
    }

    const QList<ExportColumn> header = columns(table);
    const int n = int(header.size());
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT ") + selectColumns(table) + QStringLiteral(" FROM ")
            + fromClause(table, walkTable, m_db.dialect()) + QStringLiteral(" WHERE ") + selection(m_db, table, filter, &binds)
            + QStringLiteral(" ORDER BY ") + orderBy(table);
    RawQuery q(m_db, sql, binds);
    const auto [amountColumn, currencyColumn] = moneyColumns(table);
    const int stakeColumn = table == Table::Disbursements ? int(InterchangeColumns::DisbCol::StakePct) : -1;

    std::array<ExportCell, 16> cells {};
    std::array<std::array<char, 48>, 2> numbers {};
    // Columns filled below rather than read as text (SQLite would format numbers as text first).
    std::array<bool, 16> computed {};
    if (table == Table::Disbursements)
        computed[0] = computed[1] = computed[2] = true;
    if (amountColumn >= 0)
        computed[size_t(amountColumn)] = true;
    if (stakeColumn >= 0)
        computed[size_t(stakeColumn)] = true;
    static const QByteArray none("");
    const auto view = [](const QByteArray &bytes) { return QByteArrayView(bytes.constData(), bytes.size()); };
    while (q.next()) {
        for (int c = 0; c < n; ++c)
            cells[size_t(c)] = { computed[size_t(c)] ? QByteArrayView(none.constData(), 0) : q.text(c), 0 };
        if (table == Table::Disbursements) {
            const qint64 phase = q.integer(0);
            const qint64 investee = q.integer(2);
            if (phase >= 0 && size_t(phase) < phases.size()) {
                cells[0].text = view(phases[size_t(phase)].first);
                cells[1].text = view(phases[size_t(phase)].second);
            }
            if (investee >= 0 && size_t(investee) < investees.size())
                cells[2].text = view(investees[size_t(investee)]);
        }
        if (amountColumn >= 0 && !q.isNull(amountColumn)) {
            const qint64 minor = q.integer(amountColumn);
            const QByteArrayView code = q.text(currencyColumn);
            const int digits = minorDigits.value(QByteArray::fromRawData(code.data(), code.size()), 2);
            const qsizetype length = formatMinor(minor, digits, numbers[0].data());
            double scale = 1;
            for (int i = 0; i < digits; ++i)
                scale *= 10;
            cells[size_t(amountColumn)] = { QByteArrayView(numbers[0].data(), length), double(minor) / scale };
        }
        if (stakeColumn >= 0 && !q.isNull(stakeColumn)) {
            const double stake = q.real(stakeColumn);
            char *end = std::to_chars(numbers[1].data(), numbers[1].data() + 40, stake, std::chars_format::fixed).ptr;
            *end = '\0';
            cells[size_t(stakeColumn)] = { QByteArrayView(numbers[1].data(), end - numbers[1].data()), stake };
        }
        if (!visit(cells.data(), n))
            return true;
    }
    if (!q.errorString().isEmpty()) {
        if (error)
            *error = q.errorString();
        return false;
    }
    return true;
}
