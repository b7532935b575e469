#include "AnalyticsService.h"
#include "Database.h"
#include "ExportTestSupport.h"
#include "Lookup.h"
#include "NameCatalog.h"
#include "ReportWriter.h"
#include "SourceRepository.h"

#include <QDir>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The PDF report on the sample, read back with pdftotext and pdfinfo: cover with filter, date
// and key figures, one page per chart, the top-investee and holdings tables, and an appendix
// that lists every source address behind the numbers; Chinese names extract as the right
// characters; a filter narrows every part; a failed export leaves no file.

using namespace ExportTestSupport;

class TestReportWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void reportOnSample();
    void filterNarrowsEveryPart();
    void pagesMatchPaint();
    void failedReportLeavesNoFile();

private:
    ReportWriter::Content gather(const Filter &filter);
    QString write(const Filter &filter, int *pages = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AnalyticsService> m_analytics;
    NameCatalog m_names;
};

void TestReportWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(openSample(*m_db, m_dir->filePath(QStringLiteral("sample.db")), &error), qPrintable(error));
    m_analytics = std::make_unique<AnalyticsService>(*m_db);
    m_analytics->reload();
    m_analytics->waitForLoad();
    m_names.load(*m_db);
}

void TestReportWriter::cleanup()
{
    m_analytics.reset();
    m_db.reset();
    m_dir.reset();
}

ReportWriter::Content TestReportWriter::gather(const Filter &filter)
{
    ReportWriter::Content content;
    QString error;
    if (!ReportWriter::gather(*m_db, *m_analytics, m_names, filter, &content, &error))
        qFatal("gather: %s", qPrintable(error));
    content.context.exportDate = QDate(2025, 3, 14);
    return content;
}

QString TestReportWriter::write(const Filter &filter, int *pages)
{
    const QString path = m_dir->filePath(QStringLiteral("report.pdf"));
    QString error;
    if (!ReportWriter(gather(filter), ChartTheme()).save(path, &error, pages))
        qFatal("save: %s", qPrintable(error));
    bool ok = false;
    const QString text = pdfText(path, &ok, &error);
    if (!ok)
        qFatal("%s", qPrintable(error));
    return text;
}

void TestReportWriter::reportOnSample()
{
    int pages = 0;
    const QString text = write({}, &pages);
    QString error;
    QCOMPARE(pdfPages(m_dir->filePath(QStringLiteral("report.pdf")), &error), pages);
    // Cover, five charts, top investees, holdings (two pages on the sample), sources.
    QVERIFY2(pages >= 10, qPrintable(QString::number(pages)));

    for (const QString &part :
         { ReportWriter::title(), QStringLiteral("Filter: All data (cancelled events left out) · amounts in CNY"),
           QStringLiteral("exported 2025-03-14"), QStringLiteral("Key figures"), QStringLiteral("Invested in companies"),
           QStringLiteral("Invested by sector"), QStringLiteral("Invested by region (province)"),
           QStringLiteral("Invested by funding phase, stacked by sector"), QStringLiteral("Invested per year, stacked by sector"),
           QStringLiteral("Top 10 investees by amount invested"), QStringLiteral("Top investees"),
           QStringLiteral("Holdings under the filter"), QStringLiteral("Sources"), QStringLiteral("Page %1").arg(pages) })
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" missing")));

    // Chinese names with the right characters (金, 工 and 山 have look-alike radicals).
    for (const QString &name : { QStringLiteral("紫光集团有限公司"), QStringLiteral("星科金朋"), QStringLiteral("人工智能"),
                                 QStringLiteral("山西"), QStringLiteral("北京") })
        QVERIFY2(text.contains(name), qPrintable(name + QStringLiteral(" not extracted")));
    QVERIFY2(lookAlikeRadicals(text).isEmpty(), qPrintable(lookAlikeRadicals(text)));

    // The appendix lists every source address: whole when short, by its start when wrapped.
    const QStringList sources = SourceRepository(*m_db).sources({});
    QVERIFY(sources.size() > 50);
    QString flat = text;
    flat.remove(QLatin1Char('\n'));
    for (const QString &url : sources)
        QVERIFY2(flat.contains(url.left(60)), qPrintable(url));
    QVERIFY(text.contains(QStringLiteral("(%1 distinct)").arg(sources.size())));
    QVERIFY(text.contains(QStringLiteral("%1.").arg(sources.size())));
}

void TestReportWriter::filterNarrowsEveryPart()
{
    Filter filter;
    filter.sectors = { *Lookup(*m_db).sectorId(QStringLiteral("Artificial intelligence")) };
    const ReportWriter::Content content = gather(filter);
    QVERIFY(!content.holdings.rows.isEmpty());
    const QString text = write(filter);
    QVERIFY2(text.contains(QStringLiteral("Filter: Sector: Artificial intelligence 人工智能")), qPrintable(text.left(500)));
    // The sector chart drills into the sector's segments.
    QVERIFY(text.contains(QStringLiteral("Invested by segment")));
    QVERIFY(text.contains(QStringLiteral("iFlytek")));
    QVERIFY(!text.contains(QStringLiteral("Tsinghua Unigroup")));
    QVERIFY(!text.contains(QStringLiteral("Semiconductor Manufacturing International")));
    const QStringList sources = SourceRepository(*m_db).sources(filter);
    QVERIFY(sources.size() < SourceRepository(*m_db).sources({}).size());
    QVERIFY(text.contains(QStringLiteral("(%1 distinct)").arg(sources.size())));
}

void TestReportWriter::pagesMatchPaint()
{
    // Printing paints the same pages as the PDF.
    const ReportWriter writer(gather({}), ChartTheme());
    int saved = 0;
    QString error;
    QVERIFY2(writer.save(m_dir->filePath(QStringLiteral("a.pdf")), &error, &saved), qPrintable(error));
    QPdfWriter device(m_dir->filePath(QStringLiteral("b.pdf")));
    device.setResolution(ChartRenderer::layoutDpi());
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(15, 12, 15, 12),
                                     QPageLayout::Millimeter));
    QCOMPARE(writer.paint(&device), saved);
}

void TestReportWriter::failedReportLeavesNoFile()
{
    const ReportWriter writer(gather({}), ChartTheme());
    const QString path = m_dir->filePath(QStringLiteral("no/such/folder/report.pdf"));
    QString error;
    QVERIFY(!writer.save(path, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    QVERIFY(filesBeside(m_dir->path()).isEmpty());
}

QTEST_MAIN(TestReportWriter)
#include "tst_reportwriter.moc"
