#include "AnalyticsService.h"
#include "ChartRenderer.h"
#include "Database.h"
#include "ExportTestSupport.h"
#include "Lookup.h"
#include "NameCatalog.h"
#include "SourceRepository.h"
#include "VocabularyRepository.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The one chart renderer, checked with real readers: the PNG read back (size, DPI, not blank,
// the sector colours present, transparency), the SVG parsed as XML with its labels in <text>
// elements and no embedded bitmaps, the PDF's text extracted by pdftotext with Chinese names in
// the right characters (not look-alike radicals), the empty state, the footnote's facts, and a
// failed export that leaves nothing behind.

using Kind = ChartBuilder::Kind;
using namespace ExportTestSupport;

class TestChartRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pngHasSizeDpiAndContent();
    void pngBackground();
    void svgIsVectorWithTextLabels();
    void pdfTextExtractsRightCharacters_data();
    void pdfTextExtractsRightCharacters();
    void pdfPageHasTheFigureSize();
    void emptyResultSaysSo();
    void footnoteStatesSourcesRatesAndDate();
    void segmentLevel();
    void titleOverride();
    void failedExportLeavesNoFile();
    void failedExportKeepsExistingFile();

private:
    ChartRenderer renderer(const Filter &filter = {}, bool segments = false);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AnalyticsService> m_analytics;
    NameCatalog m_names;
};

void TestChartRenderer::init()
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

void TestChartRenderer::cleanup()
{
    m_analytics.reset();
    m_db.reset();
    m_dir.reset();
}

ChartRenderer TestChartRenderer::renderer(const Filter &filter, bool segments)
{
    DashboardData data;
    ChartRenderer::Context context;
    QString error;
    if (!ChartRenderer::dashboardData(*m_db, *m_analytics, filter, &data, &error)
        || (segments && !ChartRenderer::useSegments(*m_analytics, &data, &error))
        || !ChartRenderer::makeContext(*m_db, m_names, filter, &context, &error))
        qFatal("cannot prepare the chart: %s", qPrintable(error));
    context.exportDate = QDate(2025, 3, 14);
    return ChartRenderer(data, ChartTheme(), context);
}

void TestChartRenderer::pngHasSizeDpiAndContent()
{
    const QString path = m_dir->filePath(QStringLiteral("sector.png"));
    ChartRenderer::Options options;
    options.size = QSize(1200, 800);
    options.dpi = 150;
    QString error;
    QVERIFY2(renderer().save(Kind::Sector, ChartRenderer::Format::Png, path, options, &error), qPrintable(error));

    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), QSize(1200, 800));
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 150);
    QCOMPARE(qRound(image.dotsPerMeterY() * 0.0254), 150);
    QSet<QRgb> colours;
    qint64 white = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb pixel = image.pixel(x, y);
            colours.insert(pixel);
            white += pixel == qRgb(255, 255, 255) ? 1 : 0;
        }
    }
    QVERIFY2(colours.size() > 100, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
    // Mostly background, but far from all of it.
    const qint64 sampled = qint64(image.width() / 2) * (image.height() / 2);
    QVERIFY2(white < sampled * 95 / 100 && white > sampled / 4, qPrintable(QStringLiteral("%1 of %2 white").arg(white).arg(sampled)));
    // The largest sector's colour fills a good part of the ring.
    const ChartTheme theme;
    const QRgb semiconductors = theme.sectorColor(*Lookup(*m_db).sectorId(QStringLiteral("Semiconductors")),
                                                  VocabularyRepository(*m_db).sectors())
                                        .rgb();
    qint64 ring = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            ring += image.pixel(x, y) == semiconductors ? 1 : 0;
    }
    QVERIFY2(ring > sampled / 20, qPrintable(QStringLiteral("%1 pixels of the sector colour").arg(ring)));

    // A larger size at a higher DPI keeps the layout: the same share of the image is ring.
    options.size = QSize(2400, 1600);
    options.dpi = 300;
    const QImage big = renderer().image(Kind::Sector, options);
    QCOMPARE(big.size(), QSize(2400, 1600));
    qint64 bigRing = 0;
    for (int y = 0; y < big.height(); y += 4) {
        for (int x = 0; x < big.width(); x += 4)
            bigRing += big.pixel(x, y) == semiconductors ? 1 : 0;
    }
    QVERIFY2(std::abs(bigRing - ring) < ring / 10, qPrintable(QStringLiteral("%1 vs %2").arg(bigRing).arg(ring)));
}

void TestChartRenderer::pngBackground()
{
    ChartRenderer::Options options;
    options.size = QSize(600, 400);
    options.dpi = 96;
    const ChartRenderer r = renderer();
    const QImage white = r.image(Kind::Region, options);
    QCOMPARE(white.pixel(1, 1), qRgb(255, 255, 255));
    QCOMPARE(qAlpha(white.pixel(1, 1)), 255);
    options.background = ChartRenderer::Background::Transparent;
    const QImage clear = r.image(Kind::Region, options);
    QCOMPARE(qAlpha(clear.pixel(1, 1)), 0);
    QCOMPARE(qAlpha(clear.pixel(599, 399)), 0);
    // Text and bars stay opaque.
    int opaque = 0;
    for (int y = 0; y < clear.height(); ++y) {
        for (int x = 0; x < clear.width(); ++x)
            opaque += qAlpha(clear.pixel(x, y)) == 255 ? 1 : 0;
    }
    QVERIFY(opaque > 1000);
}

void TestChartRenderer::svgIsVectorWithTextLabels()
{
    const QString path = m_dir->filePath(QStringLiteral("region.svg"));
    ChartRenderer::Options options;
    options.size = QSize(1800, 1200);
    options.dpi = 200;
    QString error;
    QVERIFY2(renderer().save(Kind::Region, ChartRenderer::Format::Svg, path, options, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    bool ok = false;
    int images = -1;
    const QStringList texts = svgTexts(svg, &ok, &error, &images);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(images, 0);
    const QString all = texts.join(QLatin1Char('\n'));
    for (const QString &label : { QStringLiteral("Invested by region (province)"), QStringLiteral("Beijing"),
                                  QStringLiteral("北京"), QStringLiteral("Shanghai"), QStringLiteral("上海"),
                                  QStringLiteral("CNY bn"), QStringLiteral("distinct source addresses") })
        QVERIFY2(all.contains(label), qPrintable(label + QStringLiteral(" not in the SVG's text")));
    // 9 × 6 inches: the physical size follows the DPI.
    QVERIFY2(svg.contains("width=\"228.6mm\"") && svg.contains("height=\"152.4mm\""), svg.left(600).constData());
}

void TestChartRenderer::pdfTextExtractsRightCharacters_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("names");
    QTest::addRow("sector") << int(Kind::Sector) << QStringLiteral("Invested by sector")
                            << QStringList { QStringLiteral("半导体"), QStringLiteral("人工智能"), QStringLiteral("量子") };
    QTest::addRow("region") << int(Kind::Region) << QStringLiteral("Invested by region (province)")
                            << QStringList { QStringLiteral("北京"), QStringLiteral("山西"), QStringLiteral("广东") };
}

void TestChartRenderer::pdfTextExtractsRightCharacters()
{
    QFETCH(int, kind);
    QFETCH(QString, title);
    QFETCH(QStringList, names);
    const QString path = m_dir->filePath(QStringLiteral("chart.pdf"));
    QString error;
    QVERIFY2(renderer().save(Kind(kind), ChartRenderer::Format::Pdf, path, ChartRenderer::Options(), &error),
             qPrintable(error));
    bool ok = false;
    const QString text = pdfText(path, &ok, &error);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY2(text.contains(title), qPrintable(text.left(300)));
    for (const QString &name : names)
        QVERIFY2(text.contains(name), qPrintable(name + QStringLiteral(" not extracted; text: ") + text.left(600)));
    QVERIFY2(lookAlikeRadicals(text).isEmpty(), qPrintable(QStringLiteral("radicals: ") + lookAlikeRadicals(text)));
    QVERIFY(text.simplified().contains(QStringLiteral("Exported 2025-03-14")));
}

void TestChartRenderer::pdfPageHasTheFigureSize()
{
    const QString path = m_dir->filePath(QStringLiteral("size.pdf"));
    ChartRenderer::Options options;
    options.size = QSize(1500, 1000);
    options.dpi = 250; // 6 × 4 inches = 432 × 288 pt
    QString error;
    QVERIFY2(renderer().save(Kind::Year, ChartRenderer::Format::Pdf, path, options, &error), qPrintable(error));
    bool ok = false;
    const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), { path }, &ok, &error));
    QVERIFY2(ok, qPrintable(error));
    QVERIFY2(info.contains(QStringLiteral("432 x 288 pts")), qPrintable(info));
    QCOMPARE(pdfPages(path, &error), 1);
}

void TestChartRenderer::emptyResultSaysSo()
{
    Filter nothing;
    nothing.from = QStringLiteral("1901");
    nothing.to = QStringLiteral("1901");
    const ChartRenderer r = renderer(nothing);
    for (Kind kind : { Kind::Sector, Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees }) {
        const QString path = m_dir->filePath(QStringLiteral("empty.svg"));
        QString error;
        QVERIFY2(r.save(kind, ChartRenderer::Format::Svg, path, ChartRenderer::Options(), &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        bool ok = false;
        const QStringList texts = svgTexts(file.readAll(), &ok, &error);
        QVERIFY2(ok, qPrintable(error));
        QVERIFY2(texts.contains(QStringLiteral("No disbursements match the filter")), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.join(QLatin1Char(' ')).contains(QStringLiteral("Date: 1901 – 1901")));
    }
}

void TestChartRenderer::footnoteStatesSourcesRatesAndDate()
{
    Filter usd;
    usd.currency = QStringLiteral("USD");
    const ChartRenderer r = renderer(usd);
    const QString note = r.footnote(Kind::Sector);
    const qint64 sources = SourceRepository(*m_db).sourceCount(usd);
    QVERIFY(sources > 10);
    QVERIFY2(note.contains(QStringLiteral("Sources: %1 distinct source addresses").arg(sources)), qPrintable(note));
    const AggregateResult &result = r.result(Kind::Sector);
    QVERIFY(!result.ratesUsed.isEmpty());
    QVERIFY2(note.contains(result.ratesUsed.constFirst()), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("converted to USD")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("%1 undisclosed amounts").arg(result.totals.undisclosed)), qPrintable(note));
    QVERIFY(note.contains(QStringLiteral("Exported 2025-03-14")));
    QVERIFY2(r.subtitle().contains(QStringLiteral("amounts in USD")) && r.subtitle().contains(QStringLiteral("USD bn")),
             qPrintable(r.subtitle()));
}

void TestChartRenderer::segmentLevel()
{
    const ChartRenderer r = renderer({}, true);
    QCOMPARE(r.title(Kind::Sector), QStringLiteral("Invested by segment"));
    const QString path = m_dir->filePath(QStringLiteral("segments.svg"));
    QString error;
    QVERIFY2(r.save(Kind::Sector, ChartRenderer::Format::Svg, path, ChartRenderer::Options(), &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    bool ok = false;
    const QString all = svgTexts(file.readAll(), &ok, &error).join(QLatin1Char('\n'));
    QVERIFY2(ok, qPrintable(error));
    // Segments of several sectors: semiconductor and AI segments side by side.
    for (const QString &segment : { QStringLiteral("foundry"), QStringLiteral("memory"), QStringLiteral("computer vision") })
        QVERIFY2(all.contains(segment), qPrintable(segment));
}

void TestChartRenderer::titleOverride()
{
    ChartRenderer::Options options;
    options.title = QStringLiteral("Figure 3: 国家集成电路产业投资基金 by phase");
    const QString path = m_dir->filePath(QStringLiteral("titled.pdf"));
    QString error;
    QVERIFY2(renderer().save(Kind::Phase, ChartRenderer::Format::Pdf, path, options, &error), qPrintable(error));
    bool ok = false;
    const QString text = pdfText(path, &ok, &error);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY2(text.contains(options.title), qPrintable(text.left(400)));
    QVERIFY(!text.contains(QStringLiteral("Invested by funding phase")));
}

void TestChartRenderer::failedExportLeavesNoFile()
{
    const ChartRenderer r = renderer();
    // A folder that does not exist, and a "folder" that is a file.
    QFile plain(m_dir->filePath(QStringLiteral("plain")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    for (const QString &path : { m_dir->filePath(QStringLiteral("missing/folder/chart.png")),
                                 m_dir->filePath(QStringLiteral("plain/chart.pdf")) }) {
        for (ChartRenderer::Format format : { ChartRenderer::Format::Png, ChartRenderer::Format::Svg, ChartRenderer::Format::Pdf }) {
            QString error;
            QVERIFY(!r.save(Kind::Sector, format, path, ChartRenderer::Options(), &error));
            QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
            QVERIFY(!QFile::exists(path));
        }
    }
    QCOMPARE(filesBeside(m_dir->path()), QStringList { QStringLiteral("plain") });
}

void TestChartRenderer::failedExportKeepsExistingFile()
{
    const QString path = m_dir->filePath(QStringLiteral("keep.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("previous figure");
    file.close();
    ChartRenderer::Options options;
    options.size = QSize(5, 5); // out of range: refused before anything is written
    QString error;
    QVERIFY(!renderer().save(Kind::Sector, ChartRenderer::Format::Png, path, options, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("previous figure"));
    file.close();
    QCOMPARE(filesBeside(m_dir->path()), QStringList { QStringLiteral("keep.png") }); // no temporary file left
    // A successful export replaces it.
    QVERIFY2(renderer().save(Kind::Sector, ChartRenderer::Format::Png, path, ChartRenderer::Options(), &error),
             qPrintable(error));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), ChartRenderer::Options().size);
}

QTEST_MAIN(TestChartRenderer)
#include "tst_chartrenderer.moc"
