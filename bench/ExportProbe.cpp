#include "ExportProbe.h"

#include "AnalyticsService.h"
#include "ChartRenderer.h"
#include "DashboardData.h"
#include "Database.h"
#include "MemoryProbe.h"
#include "NameCatalog.h"
#include "ReportWriter.h"
#include "SampleDatabase.h"
#include "TableExporter.h"
#include "Vocabulary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

void removeDatabase(const QString &path)
{
    for (const QString &suffix :
        { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
        QFile::remove(path + suffix);
}

QString size(const QString &path)
{
    const qint64 bytes = QFileInfo(path).size();
    return bytes >= 1000000 ? QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 0)
                            : QStringLiteral("%1 kB").arg(double(bytes) / 1e3, 0, 'f', 0);
}

// Everything a report or a chart export needs, for one open database.
struct Exportable
{
    Database db;
    NameCatalog names;
    std::unique_ptr<AnalyticsService> analytics;

    bool open(const QString &path, QString *error)
    {
        if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
            *error = db.errorString();
            return false;
        }
        names.load(db);
        analytics = std::make_unique<AnalyticsService>(db);
        analytics->reload();
        analytics->waitForLoad();
        if (!analytics->isReady()) {
            *error = QStringLiteral("%1: the aggregation cache did not load").arg(path);
            return false;
        }
        return true;
    }
};

} // namespace

bool ExportProbe::run(const ProbeOptions &options, QList<Measurement> *out, QString *error)
{
    const int reps = options.repetitions;
    const int heavyReps = options.heavyRepetitions;
    const QDir work(options.workDir);
    auto wanted = [&](const QString &id) { return options.wants(id); };

    Exportable dataset;
    if (!dataset.open(options.database, error))
        return false;
    const ChartTheme theme; // exports use the light palette
    DashboardData data;
    ChartRenderer::Context context;
    if (!ChartRenderer::dashboardData(dataset.db, *dataset.analytics, Filter(), &data, error)
        || !ChartRenderer::makeContext(dataset.db, dataset.names, Filter(), &context, error))
        return false;
    const ChartRenderer renderer(data, theme, context);

    const struct
    {
        const char *key;
        ChartRenderer::Format format;
        QString label;
        QString file;
    } charts[] = {
        { "png", ChartRenderer::Format::Png, QStringLiteral("PNG 3000×2000 of the sector chart (%1 data)"),
            QStringLiteral("export-probe.png") },
        { "svg", ChartRenderer::Format::Svg, QStringLiteral("SVG of the sector chart (%1 data)"),
            QStringLiteral("export-probe.svg") },
        { "pdf", ChartRenderer::Format::Pdf, QStringLiteral("PDF of the sector chart (%1 data)"),
            QStringLiteral("export-probe.pdf") },
    };
    ChartRenderer::Options chartOptions;
    chartOptions.size = QSize(3000, 2000);
    chartOptions.dpi = 300;
    for (const auto &chart : charts) {
        const QString id = QStringLiteral("export.%1").arg(QLatin1String(chart.key));
        if (!wanted(id))
            continue;
        const QString path = work.filePath(chart.file);
        out->append(Measurement::repeat(id, chart.label.arg(options.label), reps, nullptr, [&](QString *why) {
            return renderer.save(ChartBuilder::Kind::Sector, chart.format, path, chartOptions, why);
        }));
        out->last().note = QStringLiteral("render + write, data computed beforehand; %1").arg(size(path));
        QFile::remove(path);
    }

    // The report: on the embedded sample (the figure) and on the dataset.
    const QString reportPath = work.filePath(QStringLiteral("export-probe-report.pdf"));
    auto report = [&](Exportable &source, QString *why) {
        ReportWriter::Content content;
        if (!ReportWriter::gather(source.db, *source.analytics, source.names, Filter(), &content, why))
            return false;
        return ReportWriter(content, theme).save(reportPath, why);
    };
    if (wanted(QStringLiteral("export.report"))) {
        const QString samplePath = work.filePath(QStringLiteral("export-probe-sample.db"));
        removeDatabase(samplePath);
        {
            Database create;
            if (create.open(samplePath, Database::OpenMode::CreateNew) != Database::Status::Ok
                || !SampleDatabase::load(create, error)) {
                if (error->isEmpty())
                    *error = create.errorString();
                return false;
            }
        }
        Exportable sample;
        if (!sample.open(samplePath, error))
            return false;
        out->append(Measurement::repeat(QStringLiteral("export.report"),
            QStringLiteral("Full PDF report, sample database (gather + write)"), reps, nullptr,
            [&](QString *why) { return report(sample, why); }));
        out->last().note = size(reportPath);
        QFile::remove(reportPath);
        removeDatabase(samplePath);
    }
    // Every disbursement, cancelled ones included: the same rows the sqlite3 baseline writes.
    Filter everything;
    everything.statuses = Vocabulary::statuses();
    const TableExporter exporter(dataset.db);
    const struct
    {
        const char *key;
        TableExporter::Format format;
        QString file;
    } tables[] = {
        { "csv", TableExporter::Format::Csv, QStringLiteral("export-probe.csv") },
        { "xlsx", TableExporter::Format::Xlsx, QStringLiteral("export-probe.xlsx") },
    };
    for (const auto &table : tables) {
        const QString id = QStringLiteral("export.%1").arg(QLatin1String(table.key));
        if (!wanted(id))
            continue;
        const QString path = work.filePath(table.file);
        TableExporter::Options exportOptions;
        exportOptions.format = table.format;
        qint64 rows = 0;
        const qint64 residentBefore = MemoryProbe::residentKb();
        out->append(Measurement::repeat(id,
            QStringLiteral("Every disbursement (%1) to %2 through TableExporter")
                .arg(options.label, TableExporter::formatName(table.format).toUpper()),
            table.format == TableExporter::Format::Xlsx ? 1 : heavyReps, nullptr, [&](QString *why) {
                return exporter.exportTable(TableExporter::Table::Disbursements, everything, path,
                    exportOptions, nullptr, why, &rows);
            }));
        out->last().note = QStringLiteral("%L1 rows, %2; RSS before %3 MB")
                               .arg(rows)
                               .arg(size(path))
                               .arg(residentBefore / 1024);
        QFile::remove(path);
    }
    // The report on the whole dataset takes a minute or more: only on request
    // (`probe export --only export.report_dataset`), one run.
    if (options.only == QLatin1String("export.report_dataset")) {
        out->append(Measurement::repeat(QStringLiteral("export.report_dataset"),
            QStringLiteral("Full PDF report, %1 database (gather + write)").arg(options.label), 1, nullptr,
            [&](QString *why) { return report(dataset, why); }));
        out->last().note = size(reportPath);
        QFile::remove(reportPath);
    }

    return true;
}
