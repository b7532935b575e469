#include "AnalyticsService.h"
#include "AppTheme.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

#include <unistd.h>

// The main window's export actions driven like a user: the menu entries exist, Export table…
// offers the current page's table and writes every row on a worker, Export chart… writes the
// chosen format and remembers the choices, Copy chart puts the focused chart on the clipboard at
// the remembered size, Print… paints the report through the print dialog's printer. A new
// account's first export lands in a folder that exists; a failed save shows the same dialog
// again with its choices and the reason; light-for-print stays light in the dark theme.

using namespace ExportTestSupport;

namespace {

/// Sets an environment variable for one scope, then puts back what was there.
class ScopedEnvironment
{
public:
    ScopedEnvironment(const char *name, const QString &value)
        : m_name(name)
        , m_wasSet(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, QFile::encodeName(value));
    }
    ~ScopedEnvironment()
    {
        if (m_wasSet)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnvironment(const ScopedEnvironment &) = delete;
    ScopedEnvironment &operator=(const ScopedEnvironment &) = delete;

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_old;
};

/// A path that cannot be written, of the kind `what` names, under `folder`; empty with a reason in
/// *skip when this user can write there anyway (root ignores a folder's permissions).
QString unwritablePath(const QString &what, const QString &folder, const QString &fileName, QString *skip)
{
    if (what == QLatin1String("folder is a file")) {
        QFile blocker(QDir(folder).filePath(QStringLiteral("blocker")));
        if (!blocker.open(QIODevice::WriteOnly))
            return {};
        return QDir(blocker.fileName()).filePath(fileName);
    }
    if (what == QLatin1String("name too long"))
        return QDir(folder).filePath(QString(300, QLatin1Char('x')) + QLatin1Char('-') + fileName);
    const QString readOnly = QDir(folder).filePath(QStringLiteral("read-only"));
    QDir().mkpath(readOnly);
    QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup);
    if (geteuid() == 0)
        *skip = QStringLiteral("root writes in a read-only folder; the other rows fail as root too");
    return QDir(readOnly).filePath(fileName);
}

} // namespace

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
    void firstExportUnderAnEmptyHome_data();
    void firstExportUnderAnEmptyHome();
    void failedChartSaveKeepsTheDialog_data();
    void failedChartSaveKeepsTheDialog();
    void failedTableSaveKeepsTheDialog_data();
    void failedTableSaveKeepsTheDialog();
    void lightForPrintInTheDarkTheme();
    void worksFromItsPartsAlone();

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
    AppTheme::apply(QStringLiteral("system"));
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
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QStringLiteral("row(s) written")), 20000);
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

void TestExportActions::firstExportUnderAnEmptyHome_data()
{
    QTest::addColumn<bool>("documentsBlocked");
    QTest::addRow("documents folder created") << false;
    QTest::addRow("home when it cannot be") << true;
}

void TestExportActions::firstExportUnderAnEmptyHome()
{
    QFETCH(bool, documentsBlocked);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const ScopedEnvironment homeVariable("HOME", home.path());
    const ScopedEnvironment documentsVariable(
        "XDG_DOCUMENTS_DIR", home.filePath(QStringLiteral("Documents")));
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QVERIFY2(documents.startsWith(home.path()), qPrintable(documents));
    QVERIFY(!QFileInfo::exists(documents));
    if (documentsBlocked) {
        QFile file(documents); // a file where the folder would go
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const QString expected = documentsBlocked ? home.path() : documents;

    // Export chart…, accepted as offered.
    QString chartPath;
    onModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ExportChartDialog *>(modal);
        if (!dialog)
            return false;
        chartPath = dialog->path();
        dialog->findChild<QSpinBox *>(QStringLiteral("width"))->setValue(600);
        dialog->findChild<QSpinBox *>(QStringLiteral("height"))->setValue(400);
        dialog->accept();
        return true;
    });
    action(QStringLiteral("exportChart"))->trigger();
    QCOMPARE(QFileInfo(chartPath).absolutePath(), expected);
    QVERIFY2(QFile::exists(chartPath), qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Chart written")));

    // Export table…, accepted as offered, in a new session (nothing remembered).
    QSettings().clear();
    QString tablePath;
    onModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ExportTableDialog *>(modal);
        if (!dialog)
            return false;
        tablePath = dialog->path();
        dialog->accept();
        return true;
    });
    action(QStringLiteral("exportTable"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->statusBar()->currentMessage().contains(QStringLiteral("row(s) written")), 20000);
    QCOMPARE(QFileInfo(tablePath).absolutePath(), expected);
    QVERIFY(QFile::exists(tablePath));
}

void TestExportActions::failedChartSaveKeepsTheDialog_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("reason");
    // Found before the dialog closes: it stays open.
    QTest::addRow("folder is a file")
        << QStringLiteral("folder is a file") << QStringLiteral("is a file, not a folder");
    QTest::addRow("read-only folder")
        << QStringLiteral("read-only folder") << QStringLiteral("Permission denied");
    // Found only by the save itself: the same dialog opens again.
    QTest::addRow("name too long") << QStringLiteral("name too long") << QStringLiteral("too long");
}

void TestExportActions::failedChartSaveKeepsTheDialog()
{
    QFETCH(QString, what);
    QFETCH(QString, reason);
    QString skip;
    const QString bad = unwritablePath(what, m_dir->path(), QStringLiteral("chart.png"), &skip);
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    QVERIFY(!bad.isEmpty());
    const QString good = m_dir->filePath(QStringLiteral("chart.png"));

    ExportChartDialog *first = nullptr;
    bool sameDialog = false;
    bool choicesKept = false;
    QString problem;
    onModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ExportChartDialog *>(modal);
        if (!dialog)
            return false;
        auto *chart = dialog->findChild<QComboBox *>(QStringLiteral("chart"));
        auto *format = dialog->findChild<QComboBox *>(QStringLiteral("format"));
        auto *palette = dialog->findChild<QComboBox *>(QStringLiteral("palette"));
        auto *width = dialog->findChild<QSpinBox *>(QStringLiteral("width"));
        auto *height = dialog->findChild<QSpinBox *>(QStringLiteral("height"));
        auto *dpi = dialog->findChild<QSpinBox *>(QStringLiteral("dpi"));
        auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("title"));
        auto *path = dialog->findChild<QLineEdit *>(QStringLiteral("path"));
        auto *shown = dialog->findChild<QLabel *>(QStringLiteral("problem"));
        if (!first) {
            first = dialog;
            chart->setCurrentIndex(2); // by region
            format->setCurrentIndex(format->findData(QStringLiteral("png")));
            palette->setCurrentIndex(palette->findData(int(ExportChartDialog::ChartPalette::AsShown)));
            width->setValue(900);
            height->setValue(600);
            dpi->setValue(150);
            title->setText(QStringLiteral("Kept title"));
            path->setText(bad);
            dialog->accept();
            return false;
        }
        if (!shown->isVisible())
            return false;
        sameDialog = dialog == first;
        problem = shown->text();
        choicesKept = chart->currentIndex() == 2 && dialog->format() == ChartRenderer::Format::Png
            && dialog->chartPalette() == ExportChartDialog::ChartPalette::AsShown && width->value() == 900
            && height->value() == 600 && dpi->value() == 150 && title->text() == QLatin1String("Kept title")
            && dialog->path() == bad;
        path->setText(good);
        dialog->accept();
        return true;
    });
    action(QStringLiteral("exportChart"))->trigger();
    QVERIFY(sameDialog);
    QVERIFY2(problem.contains(reason), qPrintable(problem));
    QVERIFY2(problem.startsWith(QStringLiteral("cannot write ")), qPrintable(problem));
    QVERIFY(choicesKept);
    QVERIFY(!QFileInfo::exists(bad));
    // The second try, with the same choices, is written and remembered.
    QVERIFY(QFile::exists(good));
    QCOMPARE(QImage(good).size(), QSize(900, 600));
    QCOMPARE(QSettings().value(QStringLiteral("export/chart/chart")).toInt(), 2);
    QCOMPARE(QSettings().value(QStringLiteral("export/chart/palette")).toString(), QStringLiteral("shown"));
    QCOMPARE(QSettings().value(QStringLiteral("export/chart/folder")).toString(), m_dir->path());
}

void TestExportActions::failedTableSaveKeepsTheDialog_data()
{
    failedChartSaveKeepsTheDialog_data();
}

void TestExportActions::failedTableSaveKeepsTheDialog()
{
    QFETCH(QString, what);
    QFETCH(QString, reason);
    QString skip;
    const QString bad = unwritablePath(what, m_dir->path(), QStringLiteral("investees.xlsx"), &skip);
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    QVERIFY(!bad.isEmpty());
    const QString good = m_dir->filePath(QStringLiteral("investees.xlsx"));

    ExportTableDialog *first = nullptr;
    bool sameDialog = false;
    bool choicesKept = false;
    QString problem;
    onModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ExportTableDialog *>(modal);
        if (!dialog)
            return false;
        auto *table = dialog->findChild<QComboBox *>(QStringLiteral("table"));
        auto *format = dialog->findChild<QComboBox *>(QStringLiteral("format"));
        auto *path = dialog->findChild<QLineEdit *>(QStringLiteral("path"));
        auto *shown = dialog->findChild<QLabel *>(QStringLiteral("problem"));
        if (!first) {
            first = dialog;
            table->setCurrentIndex(2); // investees
            format->setCurrentIndex(format->findData(QStringLiteral("xlsx")));
            path->setText(bad);
            dialog->accept();
            return false;
        }
        if (!shown->isVisible())
            return false;
        sameDialog = dialog == first;
        problem = shown->text();
        choicesKept = dialog->table() == TableExporter::Table::Investees
            && dialog->options().format == TableExporter::Format::Xlsx && dialog->path() == bad;
        path->setText(good);
        dialog->accept();
        return true;
    });
    m_window->statusBar()->clearMessage();
    action(QStringLiteral("exportTable"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->statusBar()->currentMessage().contains(QStringLiteral("row(s) written")), 20000);
    QVERIFY(sameDialog);
    QVERIFY2(problem.contains(reason), qPrintable(problem));
    QVERIFY2(problem.startsWith(QStringLiteral("cannot write ")), qPrintable(problem));
    QVERIFY(choicesKept);
    QVERIFY(!QFileInfo::exists(bad));
    QVERIFY(QFile::exists(good));
    QCOMPARE(QSettings().value(QStringLiteral("export/table/format")).toString(), QStringLiteral("xlsx"));
}

void TestExportActions::lightForPrintInTheDarkTheme()
{
    AppTheme::apply(QStringLiteral("dark"));
    QTRY_VERIFY(m_window->dashboardPage()->theme().dark);
    QHash<QString, QColor> corners;
    QString shownText;
    for (const auto palette :
        { ExportChartDialog::ChartPalette::LightForPrint, ExportChartDialog::ChartPalette::AsShown }) {
        const QString name = palette == ExportChartDialog::ChartPalette::AsShown ? QStringLiteral("shown")
                                                                                 : QStringLiteral("print");
        const QString path = m_dir->filePath(name + QStringLiteral(".png"));
        onModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<ExportChartDialog *>(modal);
            if (!dialog)
                return false;
            auto *choice = dialog->findChild<QComboBox *>(QStringLiteral("palette"));
            shownText = choice->itemText(choice->findData(int(ExportChartDialog::ChartPalette::AsShown)));
            choice->setCurrentIndex(choice->findData(int(palette)));
            auto *format = dialog->findChild<QComboBox *>(QStringLiteral("format"));
            format->setCurrentIndex(format->findData(QStringLiteral("png")));
            dialog->findChild<QSpinBox *>(QStringLiteral("width"))->setValue(600);
            dialog->findChild<QSpinBox *>(QStringLiteral("height"))->setValue(400);
            dialog->findChild<QSpinBox *>(QStringLiteral("dpi"))->setValue(100);
            dialog->findChild<QLineEdit *>(QStringLiteral("path"))->setText(path);
            dialog->accept();
            return true;
        });
        action(QStringLiteral("exportChart"))->trigger();
        const QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        corners.insert(name, image.pixelColor(2, 2));
    }
    // The dialog names the window's palette; light for print is light although the window is dark.
    QCOMPARE(shownText, QStringLiteral("As shown (dark)"));
    QVERIFY2(corners.value(QStringLiteral("print")).lightness() > 230,
        qPrintable(corners.value(QStringLiteral("print")).name()));
    QVERIFY2(corners.value(QStringLiteral("shown")).lightness() < 80,
        qPrintable(corners.value(QStringLiteral("shown")).name()));
    // The last choice is remembered for the next dialog and for Copy chart.
    QCOMPARE(ExportChartDialog::rememberedChartPalette(), ExportChartDialog::ChartPalette::AsShown);
    ExportChartDialog again(m_window.get());
    QCOMPARE(again.chartPalette(), ExportChartDialog::ChartPalette::AsShown);
}

void TestExportActions::worksFromItsPartsAlone()
{
    // ExportActions sees only what its Parts lend: here a plain host widget, a page set of its
    // own and a status line that is a list, with the window's filter, totals and dashboard.
    QWidget host;
    QTabWidget pages;
    pages.addTab(new QWidget, QStringLiteral("other"));
    QStringList messages;
    ExportActions::Parts parts;
    parts.dialogParent = &host;
    parts.pages = &pages;
    parts.disbursementsPage = m_window->disbursementsPage();
    parts.investeesPage = m_window->investeesPage();
    parts.fundsPage = m_window->fundsPage();
    parts.dashboard = m_window->dashboardPage();
    parts.filter = &m_window->sharedFilter();
    parts.analytics = &m_window->analytics();
    parts.showMessage = [&messages](const QString &text, int) { messages.append(text); };
    auto *exports = new ExportActions(*m_db, parts);
    QCOMPARE(exports->parent(), &host);
    QCOMPARE(exports->currentTable(), TableExporter::Table::Holdings); // no table page in view

    m_window->statusBar()->clearMessage();
    QGuiApplication::clipboard()->clear();
    exports->copyChart();
    QVERIFY(!QGuiApplication::clipboard()->image().isNull());
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.constFirst().startsWith(QStringLiteral("Chart copied")));
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
}

QTEST_MAIN(TestExportActions)
#include "tst_exportactions.moc"
