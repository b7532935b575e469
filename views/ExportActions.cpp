#include "ExportActions.h"

#include "AnalyticsService.h"
#include "DashboardChartView.h"
#include "DashboardPage.h"
#include "Database.h"
#include "DisbursementsPage.h"
#include "ExportChartDialog.h"
#include "ExportFile.h"
#include "ExportTableDialog.h"
#include "FundsPage.h"
#include "InvesteesPage.h"
#include "NameCatalog.h"
#include "ReportWriter.h"
#include "Retranslator.h"
#include "SharedFilter.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPageLayout>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QSettings>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <climits>

using Kind = ChartBuilder::Kind;

namespace {

/// Shows a wait cursor while in scope: renders and reports take a moment on large databases.
class WaitCursor
{
public:
    WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor &) = delete;
    WaitCursor &operator=(const WaitCursor &) = delete;
};

} // namespace

ExportActions::ExportActions(Database &db, const Parts &parts)
    : QObject(parts.dialogParent), m_db(db), m_parts(parts)
{
}

ExportActions::~ExportActions()
{
    if (m_tableJob) {
        m_tableJob->cancel();
        m_tableJob->waitForFinished();
    }
}

// The actions belong to the menus they are added to (the window's): named in the language in
// effect now and again whenever the menu is told it changed.
void ExportActions::addFileActions(QMenu *file)
{
    QAction *chart = file->addAction(QString(), this, &ExportActions::exportChart);
    chart->setObjectName(QStringLiteral("exportChart"));
    QAction *table = file->addAction(QString(), this, &ExportActions::exportTable);
    table->setObjectName(QStringLiteral("exportTable"));
    QAction *report = file->addAction(QString(), this, &ExportActions::exportReport);
    report->setObjectName(QStringLiteral("exportReport"));
    QAction *print = file->addAction(QString(), QKeySequence::Print, this, &ExportActions::print);
    print->setObjectName(QStringLiteral("printReport"));
    Retranslator::follow(file, [chart, table, report, print] {
        chart->setText(tr("Export &chart…"));
        table->setText(tr("Export &table…"));
        report->setText(tr("Export re&port…"));
        print->setText(tr("&Print report…"));
    });
}

void ExportActions::addEditActions(QMenu *edit)
{
    QAction *copy = edit->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this,
                                    &ExportActions::copyChart);
    copy->setObjectName(QStringLiteral("copyChart"));
    Retranslator::follow(edit, [copy] { copy->setText(tr("Copy c&hart")); });
}

void ExportActions::warn(const QString &title, const QString &message) const
{
    QMessageBox::warning(m_parts.dialogParent, title, message);
}

void ExportActions::done(const QString &message) const
{
    m_parts.showMessage(message, 10000);
}

ChartTheme ExportActions::theme(bool asShown) const
{
    ChartTheme theme = m_parts.dashboard->theme();
    if (!asShown)
        theme.dark = false;
    return theme;
}

bool ExportActions::prepareChart(bool segments, DashboardData *data, ChartRenderer::Context *context)
{
    const AnalyticsService &analytics = *m_parts.analytics;
    if (!analytics.isReady()) {
        warn(tr("Export"), tr("The totals are still being computed. Try again in a moment."));
        return false;
    }
    const Filter filter = m_parts.filter->filter();
    QString error;
    NameCatalog names;
    names.load(m_db);
    if (!ChartRenderer::dashboardData(m_db, analytics, filter, data, &error)
        || (segments && !ChartRenderer::useSegments(analytics, data, &error))
        || !ChartRenderer::makeContext(m_db, names, filter, context, &error)) {
        warn(tr("Export"), tr("The figures could not be computed: %1").arg(error));
        return false;
    }
    return true;
}

void ExportActions::exportChart()
{
    ExportChartDialog dialog(m_parts.dialogParent);
    while (dialog.exec() == QDialog::Accepted) {
        DashboardData data;
        ChartRenderer::Context context;
        if (!prepareChart(dialog.choice().segments, &data, &context))
            return;
        const ChartRenderer renderer(
                data, theme(dialog.chartPalette() == ExportChartDialog::ChartPalette::AsShown), context);
        QString error;
        bool ok = false;
        {
            WaitCursor wait;
            ok = renderer.save(dialog.choice().kind, dialog.format(), dialog.path(), dialog.options(), &error);
        }
        if (ok) {
            dialog.remember();
            done(tr("Chart written to %1").arg(QDir::toNativeSeparators(dialog.path())));
            return;
        }
        dialog.setProblem(error);
    }
}

void ExportActions::copyChart()
{
    Kind kind = Kind::Sector;
    DashboardPage *dashboard = m_parts.dashboard;
    for (Kind k : { Kind::Sector, Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees }) {
        if (DashboardChartView *view = dashboard->chartView(k); view && view->hasFocus())
            kind = k;
    }
    DashboardData data;
    ChartRenderer::Context context;
    if (!prepareChart(false, &data, &context))
        return;
    ChartRenderer::Options options = ExportChartDialog::rememberedOptions();
    options.background = ChartRenderer::Background::White; // many programs paste alpha as black
    const bool asShown = ExportChartDialog::rememberedChartPalette() == ExportChartDialog::ChartPalette::AsShown;
    const QImage image = ChartRenderer(data, theme(asShown), context).image(kind, options);
    if (image.isNull()) {
        warn(tr("Copy chart"), tr("The chart could not be drawn at %1 × %2 pixels.").arg(options.size.width()).arg(options.size.height()));
        return;
    }
    QGuiApplication::clipboard()->setImage(image);
    done(tr("Chart copied (%1 × %2 px at %3 dpi)").arg(image.width()).arg(image.height()).arg(options.dpi));
}

TableExporter::Table ExportActions::currentTable() const
{
    QWidget *page = m_parts.pages->currentWidget();
    if (page == m_parts.disbursementsPage)
        return TableExporter::Table::Disbursements;
    if (page == m_parts.investeesPage)
        return TableExporter::Table::Investees;
    if (page == m_parts.fundsPage)
        return TableExporter::Table::Funds;
    return TableExporter::Table::Holdings;
}

void ExportActions::exportTable()
{
    if (m_tableJob) {
        warn(tr("Export table"), tr("An export is still running."));
        return;
    }
    askForTable(new ExportTableDialog(currentTable(), m_parts.dialogParent));
}

void ExportActions::askForTable(ExportTableDialog *dialog)
{
    if (dialog->exec() != QDialog::Accepted) {
        dialog->deleteLater();
        return;
    }
    const TableExporter::Table table = dialog->table();
    const TableExporter::Options options = dialog->options();
    const QString path = dialog->path();
    const Filter filter = m_parts.filter->filter();
    AggregateResult holdings;
    if (table == TableExporter::Table::Holdings) {
        QString error;
        if (!m_parts.analytics->aggregate(Dimension::Investee, filter, &holdings, &error)) {
            dialog->deleteLater();
            warn(tr("Export table"), tr("The holdings could not be computed: %1").arg(error));
            return;
        }
    }

    auto *progress = new QProgressDialog(tr("Writing %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0, m_parts.dialogParent);
    progress->setWindowTitle(tr("Export table"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);

    m_tableJob = new QFutureWatcher<TableOutcome>(this);
    connect(m_tableJob, &QFutureWatcherBase::progressRangeChanged, progress, &QProgressDialog::setRange);
    connect(m_tableJob, &QFutureWatcherBase::progressValueChanged, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, m_tableJob, &QFutureWatcherBase::cancel);
    connect(m_tableJob, &QFutureWatcherBase::finished, this, [this, progress, path, dialog = QPointer(dialog)] {
        progress->deleteLater();
        QFutureWatcher<TableOutcome> *job = m_tableJob;
        m_tableJob = nullptr;
        job->deleteLater();
        const auto finish = [&dialog] {
            if (dialog)
                dialog->deleteLater();
        };
        if (job->isCanceled() || job->future().resultCount() == 0) {
            finish();
            done(tr("Export cancelled; nothing was written"));
            return;
        }
        const TableOutcome outcome = job->result();
        if (!outcome.ok) {
            if (outcome.error == TableExporter::cancelledMessage()) {
                finish();
                done(tr("Export cancelled; nothing was written"));
            } else if (dialog) {
                // Not from inside the watcher's signal: the dialog runs its own event loop.
                dialog->setProblem(outcome.error);
                QMetaObject::invokeMethod(this, [this, dialog] {
                    if (dialog)
                        askForTable(dialog);
                }, Qt::QueuedConnection);
            } else {
                warn(tr("Export table"), outcome.error);
            }
            return;
        }
        if (dialog)
            dialog->remember();
        finish();
        done(tr("%Ln row(s) written to %1", nullptr, int(std::min<qint64>(outcome.rows, INT_MAX)))
                     .arg(QDir::toNativeSeparators(path)));
    });
    // A connection belongs to the thread that opened it: the worker opens its own.
    m_tableJob->setFuture(QtConcurrent::run(
            [databasePath = m_db.path(), table, options, path, filter, holdings](QPromise<TableOutcome> &promise) {
                TableOutcome outcome;
                Database db;
                if (db.open(databasePath, Database::OpenMode::OpenExisting) != Database::Status::Ok) {
                    outcome.error = db.errorString();
                    promise.addResult(outcome);
                    return;
                }
                bool ranged = false;
                const auto report = [&promise, &ranged](qint64 written, qint64 total) {
                    if (!ranged && total > 0) {
                        promise.setProgressRange(0, int(std::min<qint64>(total, INT_MAX)));
                        ranged = true;
                    }
                    promise.setProgressValue(int(std::min<qint64>(written, INT_MAX)));
                    return !promise.isCanceled();
                };
                outcome.ok = TableExporter(db).exportTable(table, filter, path, options, report, &outcome.error,
                                                           &outcome.rows, &holdings);
                promise.addResult(outcome);
            }));
}

void ExportActions::exportReport()
{
    QSettings settings;
    const QString folderKey = QStringLiteral("export/report/folder");
    QString path = QDir(ExportFile::startFolder(settings.value(folderKey).toString()))
                           .filePath(QStringLiteral("fundscope-report.pdf"));
    // A failed save says why and offers the file dialog again at the same name.
    for (;;) {
        path = QFileDialog::getSaveFileName(m_parts.dialogParent, tr("Export report"), path,
                                            tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
        if (!m_parts.analytics->isReady()) {
            warn(tr("Export report"), tr("The totals are still being computed. Try again in a moment."));
            return;
        }
        QString error;
        if (!ExportFile::checkWritable(path, &error)) {
            warn(tr("Export report"), error);
            continue;
        }
        int pages = 0;
        bool saved = false;
        {
            WaitCursor wait;
            NameCatalog names;
            names.load(m_db);
            ReportWriter::Content content;
            if (!ReportWriter::gather(m_db, *m_parts.analytics, names, m_parts.filter->filter(), &content,
                                      &error)) {
                warn(tr("Export report"), tr("The figures could not be computed: %1").arg(error));
                return;
            }
            saved = ReportWriter(content, theme()).save(path, &error, &pages);
        }
        if (saved) {
            settings.setValue(folderKey, QFileInfo(path).absolutePath());
            done(tr("Report of %n page(s) written to %1", nullptr, pages)
                         .arg(QDir::toNativeSeparators(path)));
            return;
        }
        warn(tr("Export report"), error);
    }
}

void ExportActions::print()
{
    if (!m_parts.analytics->isReady()) {
        warn(tr("Print report"), tr("The totals are still being computed. Try again in a moment."));
        return;
    }
    // Screen resolution: the charts' text is laid out at it (see ReportWriter::paint).
    QPrinter printer(QPrinter::ScreenResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(ReportWriter::title());
    QPrintDialog dialog(&printer, m_parts.dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const int pages = printReport(&printer, &error);
    if (pages <= 0) {
        warn(tr("Print report"), error);
        return;
    }
    done(tr("Report of %n page(s) sent to the printer", nullptr, pages));
}

int ExportActions::printReport(QPrinter *printer, QString *error)
{
    WaitCursor wait;
    NameCatalog names;
    names.load(m_db);
    ReportWriter::Content content;
    if (!ReportWriter::gather(m_db, *m_parts.analytics, names, m_parts.filter->filter(), &content, error))
        return 0;
    const int pages = ReportWriter(content, theme()).paint(printer);
    if (pages <= 0)
        *error = tr("The printer could not be started.");
    return pages;
}
