#pragma once

#include "ChartBuilder.h"
#include "ChartRenderer.h"
#include "TableExporter.h"

#include <QObject>

#include <functional>

class AnalyticsService;
class DashboardPage;
class Database;
class DisbursementsPage;
class ExportTableDialog;
class FundsPage;
class InvesteesPage;
class QMenu;
class QPrinter;
class QTabWidget;
class QWidget;
class SharedFilter;
template<typename T> class QFutureWatcher;

/// The main window's export and print actions: File → Export chart…, Export table…, Export
/// report…, Print…, and Edit → Copy chart. They export what the window shows (the shared
/// filter, the current page, the dashboard's units) through ChartRenderer, TableExporter and
/// ReportWriter, the same code as the command line. Table exports run on a worker thread with
/// its own database connection behind a progress dialog; Cancel leaves no file. A save that
/// fails shows its dialog again with every choice as it was and the reason in it.
class ExportActions : public QObject
{
    Q_OBJECT
public:
    /// What it exports from, lent by the window (which builds this; ExportActions never sees it).
    struct Parts
    {
        QWidget *dialogParent = nullptr; ///< parents the dialogs, and this object
        QTabWidget *pages = nullptr;     ///< its current page chooses the table
        DisbursementsPage *disbursementsPage = nullptr;
        InvesteesPage *investeesPage = nullptr;
        FundsPage *fundsPage = nullptr;
        DashboardPage *dashboard = nullptr; ///< its units and palette, its focused chart
        SharedFilter *filter = nullptr;
        AnalyticsService *analytics = nullptr;
        std::function<void(const QString &message, int timeoutMs)> showMessage; ///< the status line
    };

    ExportActions(Database &db, const Parts &parts);
    ~ExportActions() override;

    /// Adds Export chart…, Export table…, Export report… and Print… to the File menu.
    void addFileActions(QMenu *file);
    /// Adds Copy chart to the Edit menu.
    void addEditActions(QMenu *edit);

    void exportChart();
    void exportTable();
    void exportReport();
    /// Shows the print dialog, then prints the report (printReport()).
    void print();
    /// Paints the report for the current filter onto a printer set up for it (its resolution
    /// must be QPrinter::ScreenResolution); the number of pages, 0 with *error on failure.
    int printReport(QPrinter *printer, QString *error);
    /// Copies the dashboard chart that has focus (the sector chart otherwise) as an image.
    void copyChart();

    /// The table of the current page (Disbursements, Investees, Funds; Holdings otherwise).
    TableExporter::Table currentTable() const;

private:
    struct TableOutcome
    {
        bool ok = false;
        qint64 rows = 0;
        QString error;
    };

    /// The dashboard data, words and theme for the current filter; false with a message shown.
    bool prepareChart(bool segments, DashboardData *data, ChartRenderer::Context *context);
    /// The dashboard's units, in the window's palette when `asShown`, else the light one.
    ChartTheme theme(bool asShown = false) const;
    /// Runs `dialog` until it is cancelled or its table is written (it is deleted then).
    void askForTable(ExportTableDialog *dialog);
    void warn(const QString &title, const QString &message) const;
    void done(const QString &message) const;

    Database &m_db;
    Parts m_parts;
    QFutureWatcher<TableOutcome> *m_tableJob = nullptr;
};
