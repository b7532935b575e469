#pragma once

#include "ChartRenderer.h"
#include "DashboardData.h"
#include "InvesteeRecord.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

class AnalyticsService;
class Database;
class NameCatalog;
class QPagedPaintDevice;

/// The dashboard report (File → Export report…, File → Print…, `fundscope report`): a cover
/// with the filter, date and key figures; each dashboard chart on a page of its own, drawn by
/// ChartRenderer; the top investees and the holdings under the filter as tables; and an
/// appendix listing every source address behind the numbers shown. The same painting code
/// writes the PDF (QPdfWriter: vector, selectable text, fonts embedded) and prints.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)
public:
    /// Rows of the holdings table and addresses of the appendix the report lists at most; the
    /// rest is counted, with the command that exports them in full.
    static constexpr int MaxHoldings = 500;
    static constexpr int MaxSources = 5000;

    /// Everything a report shows, gathered under one filter.
    struct Content
    {
        DashboardData data;
        ChartRenderer::Context context;
        AggregateResult holdings;                 ///< Dimension::Investee under the filter
        QHash<qint64, InvesteeRecord> investees;  ///< names, sectors and regions for the tables
        QStringList sources;                      ///< every source address, sorted
        QString databaseName;
    };

    /// Gathers the content for the filter; the analytics must be loaded.
    static bool gather(Database &db, const AnalyticsService &analytics, const NameCatalog &names,
                       const Filter &filter, Content *content, QString *error);

    ReportWriter(const Content &content, const ChartTheme &theme);

    /// Paints every page onto `device` (a QPdfWriter or a QPrinter), starting on its current
    /// page. The device's resolution must be ChartRenderer::layoutDpi() (QPdfWriter::
    /// setResolution, QPrinter::ScreenResolution), so that text in charts measures as it draws.
    /// Returns the number of pages, 0 when painting could not start.
    int paint(QPagedPaintDevice *device) const;
    /// Writes the PDF (A4 landscape) through a temporary file renamed when complete: a failed
    /// export leaves no file. False with *error naming the file.
    bool save(const QString &path, QString *error, int *pages = nullptr) const;

    /// "Fundscope report".
    static QString title();

private:
    Content m_content;
    ChartTheme m_theme;
};
