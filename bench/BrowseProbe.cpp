#include "BrowseProbe.h"

#include "BenchSorts.h"
#include "Database.h"
#include "DisbursementTableModel.h"

namespace {

constexpr int VisibleRows = 50;

// Reads what a view shows of rows [first, first + VisibleRows): every column's display text.
bool readRows(const DisbursementTableModel &model, int first, QString *error)
{
    const int end = std::min(model.rowCount(), first + VisibleRows);
    qint64 characters = 0;
    for (int row = std::max(0, first); row < end; ++row) {
        for (int column = 0; column < DisbursementTableModel::ColumnCount; ++column)
            characters += model.data(model.index(row, column)).toString().size();
    }
    if (end > first && characters == 0) {
        *error = QStringLiteral("rows %1-%2 came back empty").arg(first).arg(end - 1);
        return false;
    }
    return true;
}

} // namespace

bool BrowseProbe::run(const ProbeOptions &options, QList<Measurement> *out, QString *error)
{
    const int reps = options.repetitions;
    Database db;
    if (db.open(options.database, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
        *error = db.errorString();
        return false;
    }
    DisbursementTableModel model(db);
    const QString rowsNote = QStringLiteral("%L1 rows");
    auto measure = [&](const QString &id, const QString &label, const std::function<void()> &setup,
                       const std::function<bool(QString *)> &body) {
        if (!options.wants(id))
            return false;
        out->append(Measurement::repeat(id, label, reps, setup, body));
        return true;
    };

    if (measure(QStringLiteral("browse.first_rows"),
            QStringLiteral("Model reset (exact count) + first 50 rows, no filter, newest first"), nullptr,
            [&](QString *why) {
                model.setFilter(Filter());
                model.reload(); // setFilter() with the filter in use does nothing
                return readRows(model, 0, why);
            }))
        out->last().note = rowsNote.arg(model.rowCount());

    for (const BenchSort &sort : benchSorts) {
        measure(
            QStringLiteral("browse.sort.%1").arg(QLatin1String(sort.key)),
            QStringLiteral("Sort by %1 + first 50 rows")
                .arg(model.headerData(sort.column, Qt::Horizontal).toString()),
            [&] { model.sort(DisbursementTableModel::Date, Qt::DescendingOrder); },
            [&](QString *why) {
                model.sort(sort.column, sort.order);
                return readRows(model, 0, why);
            });
    }
    model.sort(DisbursementTableModel::Date, Qt::DescendingOrder);

    const BenchFilters &f = options.filters;
    const struct
    {
        const char *key;
        QString label;
        Filter filter;
    } filters[] = {
        { "large_fund", QStringLiteral("large fund + dates"), f.largeFundAndDates() },
        { "small_fund", QStringLiteral("small fund + dates"), f.smallFundAndDates() },
        { "sector", QStringLiteral("one sector"), f.oneSector() },
        { "text", QStringLiteral("text search"), f.textSearch() },
    };
    for (const auto &entry : filters) {
        if (measure(
                QStringLiteral("browse.filter.%1").arg(QLatin1String(entry.key)),
                QStringLiteral("Filter change (%1) + first 50 rows").arg(entry.label),
                [&] { model.setFilter(Filter()); },
                [&](QString *why) {
                    model.setFilter(entry.filter);
                    return readRows(model, 0, why);
                }))
            out->last().note = rowsNote.arg(model.rowCount());
    }
    model.setFilter(Filter());

    measure(
        QStringLiteral("browse.last_rows"),
        QStringLiteral("Jump to the last 50 rows (no filter, newest first)"), [&] { model.reload(); },
        [&](QString *why) { return readRows(model, model.rowCount() - VisibleRows, why); });
    // The middle is the far end for OFFSET from either side: the worst jump of the scroll bar.
    measure(
        QStringLiteral("browse.middle_rows"),
        QStringLiteral("Jump to 50 rows in the middle (no filter)"), [&] { model.reload(); },
        [&](QString *why) { return readRows(model, model.rowCount() / 2, why); });
    // Sorted by a name: the window walks the names' indexes joined to the events.
    measure(
        QStringLiteral("browse.middle_rows_by_investee"),
        QStringLiteral("Jump to 50 rows in the middle (no filter, sorted by investee)"),
        [&] {
            model.sort(DisbursementTableModel::Investee, Qt::AscendingOrder);
            model.reload();
        },
        [&](QString *why) { return readRows(model, model.rowCount() / 2, why); });
    model.sort(DisbursementTableModel::Date, Qt::DescendingOrder);
    measure(
        QStringLiteral("browse.last_rows_filtered"),
        QStringLiteral("Jump to the last 50 rows (large fund + dates)"),
        [&] {
            model.setFilter(f.largeFundAndDates());
            model.reload(); // no rows cached from the previous run
        },
        [&](QString *why) { return readRows(model, model.rowCount() - VisibleRows, why); });
    measure(
        QStringLiteral("browse.middle_rows_filtered"),
        QStringLiteral("Jump to 50 rows in the middle (large fund + dates)"),
        [&] {
            model.setFilter(f.largeFundAndDates());
            model.reload();
        },
        [&](QString *why) { return readRows(model, model.rowCount() / 2, why); });
    return true;
}
