#include "AnalyticsService.h"
#include "ChartRenderer.h"
#include "DashboardChartView.h"
#include "DashboardPage.h"
#include "Database.h"
#include "DisbursementsPage.h"
#include "ExportActions.h"
#include "ExportChartDialog.h"
#include "ExportTableDialog.h"
#include "ExportTestSupport.h"
#include "FundsPage.h"
#include "InvesteesPage.h"
#include "MainWindow.h"
#include "NameCatalog.h"
#include "SharedFilter.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

// The main window's export actions driven like a user: the menu entries exist, Export table…
// offers the current page's table and writes every row on a worker, Export chart… writes the
// chosen format and remembers the choices, Copy chart puts the focused chart on the clipboard at
// the remembered size, Print… paints the report through the print dialog's printer.

using namespace ExportTestSupport;

class TestExportActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void menuEntries();
    void currentPageChoosesTheTable();
    void exportTableRunsOnAWorker();
    void exportChartRemembersChoices();
    void copyChartCopiesTheFocusedChart();
    void printPaintsTheReport();

private:
    QAction *action(const QString &name) const;
    ExportActions *actions() const;
    /// Runs `handle` on the next modal dialog that opens (the action's exec() blocks).
    void onModal(const std::function<bool(QWidget *)> &handle);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MainWindow> m_window;
};

void TestExportActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_exportactions"));
}

void TestExportActions::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(*m_db);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->analytics().waitForLoad();
}

void TestExportActions::cleanup()
{
    if (m_window)
        m_window->close();
    m_window.reset();
    m_db.reset();
    m_dir.reset();
    QSettings().clear();
}

QAction *TestExportActions::action(const QString &name) const
{
    return m_window->findChild<QAction *>(name);
}

ExportActions *TestExportActions::actions() const
{
    return m_window->findChild<ExportActions *>();
}

void TestExportActions::onModal(const std::function<bool(QWidget *)> &handle)
{
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [timer, handle] {
        for (QWidget *window : QApplication::topLevelWidgets()) {
            if (window->isVisible() && window->isModal() && handle(window)) {
                timer->stop();
                timer->deleteLater();
                return;
            }
        }
    });
    timer->start();
}

void TestExportActions::menuEntries()
{
    for (const QString &name : { QStringLiteral("exportChart"), QStringLiteral("exportTable"), QStringLiteral("exportReport"),
                                 QStringLiteral("printReport"), QStringLiteral("copyChart") }) {
        QAction *a = action(name);
        QVERIFY2(a, qPrintable(name));
        QVERIFY(a->text().contains(QLatin1Char('&')));
    }
    QCOMPARE(action(QStringLiteral("printReport"))->shortcut(), QKeySequence(QKeySequence::Print));
    QVERIFY(actions());
}

void TestExportActions::currentPageChoosesTheTable()
{
    QTabWidget *pages = m_window->pages();
    pages->setCurrentWidget(m_window->disbursementsPage());
    QCOMPARE(actions()->currentTable(), TableExporter::Table::Disbursements);
    pages->setCurrentWidget(m_window->investeesPage());
    QCOMPARE(actions()->currentTable(), TableExporter::Table::Investees);
    pages->setCurrentWidget(m_window->fundsPage());
    QCOMPARE(actions()->currentTable(), TableExporter::Table::Funds);
    pages->setCurrentWidget(m_window->holdingsPage());
    QCOMPARE(actions()->currentTable(), TableExporter::Table::Holdings);
}

void TestExportActions::exportTableRunsOnAWorker()
{
    m_window->pages()->setCurrentWidget(m_window->disbursementsPage());
    const QString path = m_dir->filePath(QStringLiteral("events.xlsx"));
    bool offered = false;
    onModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ExportTableDialog *>(modal);
        if (!dialog)
            return false;
        offered = dialog->table() == TableExporter::Table::Disbursements;
        auto *format = dialog->findChild<QComboBox *>(QStringLiteral("format"));
        format->setCurrentIndex(format->findData(QStringLiteral("xlsx")));
        dialog->findChild<QLineEdit *>(QStringLiteral("path"))->setText(path);
        dialog->accept();
        return true;
    });
    action(QStringLiteral("exportTable"))->trigger();
    QVERIFY(offered);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QStringLiteral("rows written")), 20000);
    QVERIFY(QFile::exists(path));
    bool ok = false;
    QString error;
    const QByteArray sheet = zipMember(path, QStringLiteral("xl/worksheets/sheet1.xml"), &ok, &error);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(sheet.contains("state=\"frozen\""));
    // The choice is remembered.
    QCOMPARE(QSettings().value(QStringLiteral("export/table/format")).toString(), QStringLiteral("xlsx"));
    QCOMPARE(QSettings().value(QStringLiteral("export/table/folder")).toString(), m_dir->path());
}

void TestExportActions::exportChartRemembersChoices()
{
    const QString path = m_dir->filePath(QStringLiteral("regions.svg"));
    onModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ExportChartDialog *>(modal);
        if (!dialog)
            return false;
        auto *chart = dialog->findChild<QComboBox *>(QStringLiteral("chart"));
        chart->setCurrentIndex(2); // by region
        auto *format = dialog->findChild<QComboBox *>(QStringLiteral("format"));
        format->setCurrentIndex(format->findData(QStringLiteral("svg")));
        dialog->findChild<QLineEdit *>(QStringLiteral("path"))->setText(path);
        dialog->accept();
        return true;
    });
    action(QStringLiteral("exportChart"))->trigger();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    bool ok = false;
    QString error;
    const QStringList texts = svgTexts(file.readAll(), &ok, &error);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(texts.contains(QStringLiteral("Invested by region (province)")));

    // The next dialog starts from the same chart, format and folder.
    ExportChartDialog again(m_window.get());
    QCOMPARE(again.choice().kind, ChartBuilder::Kind::Region);
    QCOMPARE(again.format(), ChartRenderer::Format::Svg);
    QCOMPARE(QFileInfo(again.path()).absolutePath(), m_dir->path());
    QCOMPARE(QFileInfo(again.path()).suffix(), QStringLiteral("svg"));
}

void TestExportActions::copyChartCopiesTheFocusedChart()
{
    QSettings settings;
    settings.setValue(QStringLiteral("export/chart/width"), 800);
    settings.setValue(QStringLiteral("export/chart/height"), 500);
    settings.setValue(QStringLiteral("export/chart/dpi"), 100);
    m_window->pages()->setCurrentWidget(m_window->dashboardPage());
    DashboardChartView *region = m_window->dashboardPage()->chartView(ChartBuilder::Kind::Region);
    region->setFocus();
    QTRY_VERIFY(region->hasFocus());
    QGuiApplication::clipboard()->clear();
    action(QStringLiteral("copyChart"))->trigger();
    const QImage copied = QGuiApplication::clipboard()->image();
    QCOMPARE(copied.size(), QSize(800, 500));

    // The same pixels as the renderer draws for the region chart under the window's filter.
    DashboardData data;
    ChartRenderer::Context context;
    QString error;
    NameCatalog names;
    names.load(*m_db);
    const Filter filter = m_window->sharedFilter().filter();
    QVERIFY(ChartRenderer::dashboardData(*m_db, m_window->analytics(), filter, &data, &error));
    QVERIFY(ChartRenderer::makeContext(*m_db, names, filter, &context, &error));
    ChartTheme theme = m_window->dashboardPage()->theme();
    ChartRenderer::Options options;
    options.size = QSize(800, 500);
    options.dpi = 100;
    const QImage expected = ChartRenderer(data, theme, context).image(ChartBuilder::Kind::Region, options);
    QCOMPARE(copied.convertToFormat(QImage::Format_RGB32), expected.convertToFormat(QImage::Format_RGB32));
    const QImage sector = ChartRenderer(data, theme, context).image(ChartBuilder::Kind::Sector, options);
    QVERIFY(copied.convertToFormat(QImage::Format_RGB32) != sector.convertToFormat(QImage::Format_RGB32));
}

void TestExportActions::printPaintsTheReport()
{
    // The dialog opens; cancelling it prints nothing.
    bool dialogSeen = false;
    onModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<QPrintDialog *>(modal);
        if (!dialog)
            return false;
        dialogSeen = true;
        dialog->reject();
        return true;
    });
    m_window->statusBar()->clearMessage();
    action(QStringLiteral("printReport"))->trigger();
    QVERIFY(dialogSeen);
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty());

    // What the dialog's printer receives: the report, painted by the same code as the PDF.
    const QString path = m_dir->filePath(QStringLiteral("printed.pdf"));
    QPrinter printer(QPrinter::ScreenResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageOrientation(QPageLayout::Landscape);
    QString error;
    const int pages = actions()->printReport(&printer, &error);
    QVERIFY2(pages >= 10, qPrintable(error));
    bool ok = false;
    const QString text = pdfText(path, &ok, &error);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(text.contains(QStringLiteral("Fundscope report")));
    QVERIFY(text.contains(QStringLiteral("Invested by sector")));
    QVERIFY(lookAlikeRadicals(text).isEmpty());
    QCOMPARE(pdfPages(path, &error), pages);
}

QTEST_MAIN(TestExportActions)
#include "tst_exportactions.moc"
