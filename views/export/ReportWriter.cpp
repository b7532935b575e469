#include "ReportWriter.h"

#include "AnalyticsService.h"
#include "Database.h"
#include "ExportFile.h"
#include "Format.h"
#include "InterfaceLanguage.h"
#include "InvesteeRepository.h"
#include "NameCatalog.h"
#include "SourceRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>

using Kind = ChartBuilder::Kind;

namespace {

const Kind chartKinds[] = { Kind::Sector, Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees };

/// English digits with thousands separators, whatever the machine's locale.
const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString grouped(qint64 n)
{
    return english().toString(n);
}

/// "12,900.0": an amount in millions of the base currency, for tables; empty for zero.
QString millions(double major)
{
    return major == 0 ? QString() : english().toString(major / 1e6, 'f', 1);
}

/// Both names, the interface language's first.
QString bilingual(const QString &name, const QString &nameZh)
{
    return ChartTheme::bilingual(name, nameZh);
}

/// An investee's sector by the name the interface language reads.
QString sector(const InvesteeRecord &investee)
{
    return ChartTheme::preferred(investee.sector, investee.sectorZh);
}

struct Column
{
    QString title;
    qreal weight; ///< share of the width left by fitted columns; 0 = as wide as its widest cell
    Qt::Alignment alignment = Qt::AlignLeft;
};

/// Lays text out page after page: a running header and footer, a cursor, and tables whose
/// header repeats on every page they span.
class Pager
{
public:
    Pager(QPainter &painter, QPagedPaintDevice &device, const QString &header, const ChartTheme &theme)
        : m_painter(painter)
        , m_device(device)
        , m_header(header)
        , m_theme(theme)
    {
        m_page = QRectF(0, 0, device.width(), device.height());
        const qreal band = QFontMetricsF(ChartTheme::font(7.5), &device).height() * 2.2;
        m_content = m_page.adjusted(0, band, 0, -band);
    }

    QRectF page() const { return m_page; }
    QRectF content() const { return m_content; }
    int pages() const { return m_pages; }
    qreal y() const { return m_y; }
    void advance(qreal by) { m_y += by; }

    /// Starts the next page (the first call starts the first one) with header and footer.
    bool next(bool decorate = true)
    {
        if (m_pages > 0 && !m_device.newPage())
            return false;
        ++m_pages;
        m_y = m_content.top();
        if (!decorate)
            return true;
        m_painter.save();
        m_painter.setFont(ChartTheme::font(7.5));
        m_painter.setPen(m_theme.mutedText());
        const QFontMetricsF metrics(m_painter.font(), &m_device);
        const QRectF top(m_page.left(), m_page.top(), m_page.width(), metrics.height());
        const QString pageText = QCoreApplication::translate("ReportWriter", "Page %1").arg(m_pages);
        m_painter.drawText(top, Qt::AlignRight | Qt::AlignVCenter, pageText);
        const qreal room = m_page.width() - metrics.horizontalAdvance(pageText) - metrics.height() * 2;
        m_painter.drawText(QRectF(top.left(), top.top(), room, top.height()), Qt::AlignLeft | Qt::AlignVCenter,
                           metrics.elidedText(m_header, Qt::ElideRight, room));
        m_painter.setPen(QPen(QColor(0xd0, 0xd0, 0xd0), 0));
        const qreal rule = top.bottom() + metrics.height() * 0.4;
        m_painter.drawLine(QPointF(m_page.left(), rule), QPointF(m_page.right(), rule));
        m_painter.restore();
        return true;
    }

    /// Room for `height` more on this page, else a new page.
    bool ensure(qreal height)
    {
        if (m_y + height <= m_content.bottom() || m_y <= m_content.top())
            return true;
        return next();
    }

    /// A heading (bold, larger) with some space after it.
    void heading(const QString &text, qreal pointSize = 14)
    {
        const QFont font = ChartTheme::font(pointSize, true);
        const QFontMetricsF metrics(font, &m_device);
        ensure(metrics.height() * 3);
        m_painter.setFont(font);
        m_painter.setPen(m_theme.text());
        const QRectF box(m_content.left(), m_y, m_content.width(), metrics.height() * 1.2);
        m_painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
        m_y += box.height() + metrics.height() * 0.3;
    }

    /// A wrapped paragraph.
    void paragraph(const QString &text, const QFont &font, const QColor &colour, qreal spaceAfter = 0.5)
    {
        const QFontMetricsF metrics(font, &m_device);
        const QRectF bounds = metrics.boundingRect(QRectF(0, 0, m_content.width(), 1e6), Qt::TextWordWrap, text);
        ensure(bounds.height());
        m_painter.setFont(font);
        m_painter.setPen(colour);
        m_painter.drawText(QRectF(m_content.left(), m_y, m_content.width(), bounds.height()),
                           Qt::TextWordWrap | Qt::AlignLeft, text);
        m_y += bounds.height() + metrics.height() * spaceAfter;
    }

    /// A table: cells are elided to their column; the header repeats after each page break.
    void table(const QList<Column> &columns, const QList<QStringList> &rows, qreal pointSize = 8)
    {
        const QFont font = ChartTheme::font(pointSize);
        const QFont bold = ChartTheme::font(pointSize, true);
        const QFontMetricsF metrics(font, &m_device);
        const qreal rowHeight = metrics.height() * 1.45;
        const qreal pad = metrics.height() * 0.3;
        const QFontMetricsF boldMetrics(bold, &m_device);
        QList<qreal> widths(columns.size(), 0);
        qreal fitted = 0;
        qreal weights = 0;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (columns.at(c).weight > 0) {
                weights += columns.at(c).weight;
                continue;
            }
            qreal widest = boldMetrics.horizontalAdvance(columns.at(c).title);
            for (const QStringList &row : rows)
                widest = std::max(widest, metrics.horizontalAdvance(row.value(c)));
            widths[c] = widest + 2 * pad + 1;
            fitted += widths[c];
        }
        const qreal rest = std::max<qreal>(m_content.width() - fitted, 0);
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (columns.at(c).weight > 0)
                widths[c] = rest * columns.at(c).weight / weights;
        }

        const auto drawRow = [&](const QStringList &cells, bool header, bool shaded) {
            if (shaded)
                m_painter.fillRect(QRectF(m_content.left(), m_y, m_content.width(), rowHeight), QColor(0xf3, 0xf5, 0xf8));
            m_painter.setFont(header ? bold : font);
            m_painter.setPen(header ? m_theme.text() : m_theme.text());
            const QFontMetricsF cellMetrics(header ? bold : font, &m_device);
            qreal x = m_content.left();
            for (qsizetype c = 0; c < columns.size(); ++c) {
                const QRectF cell(x + pad, m_y, widths.at(c) - 2 * pad, rowHeight);
                const QString text = cellMetrics.elidedText(cells.value(c), Qt::ElideRight, cell.width());
                m_painter.drawText(cell, columns.at(c).alignment | Qt::AlignVCenter, text);
                x += widths.at(c);
            }
            m_y += rowHeight;
            if (header) {
                m_painter.setPen(QPen(m_theme.mutedText(), 0));
                m_painter.drawLine(QPointF(m_content.left(), m_y), QPointF(m_content.right(), m_y));
            }
        };
        QStringList titles;
        for (const Column &c : columns)
            titles.append(c.title);
        ensure(rowHeight * 3);
        drawRow(titles, true, false);
        for (qsizetype r = 0; r < rows.size(); ++r) {
            if (m_y + rowHeight > m_content.bottom()) {
                next();
                drawRow(titles, true, false);
            }
            drawRow(rows.at(r), false, r % 2 == 1);
        }
        m_y += rowHeight * 0.6;
    }

private:
    QPainter &m_painter;
    QPagedPaintDevice &m_device;
    QString m_header;
    const ChartTheme &m_theme;
    QRectF m_page;
    QRectF m_content;
    qreal m_y = 0;
    int m_pages = 0;
};

} // namespace

QString ReportWriter::title()
{
    return tr("Fundscope report");
}

bool ReportWriter::gather(Database &db, const AnalyticsService &analytics, const NameCatalog &names,
                          const Filter &filter, Content *content, QString *error)
{
    Content out;
    if (!ChartRenderer::dashboardData(db, analytics, filter, &out.data, error)
        || !ChartRenderer::makeContext(db, names, filter, &out.context, error)
        || !analytics.aggregate(Dimension::Investee, filter, &out.holdings, error))
        return false;
    out.investees = InvesteeRepository(db).all(error);
    QString sourceError;
    out.sources = SourceRepository(db).sources(filter, &sourceError);
    if (!sourceError.isEmpty()) {
        *error = sourceError;
        return false;
    }
    out.databaseName = QFileInfo(db.path()).fileName();
    *content = std::move(out);
    return true;
}

ReportWriter::ReportWriter(const Content &content, const ChartTheme &theme)
    : m_content(content)
    , m_theme(theme)
{
    m_theme.dark = false;
}

int ReportWriter::paint(QPagedPaintDevice *device) const
{
    QPainter painter;
    if (!painter.begin(device))
        return 0;
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const DashboardData &data = m_content.data;
    const ChartRenderer::Context &context = m_content.context;
    const QString currency = data.sectors.currency.isEmpty() ? data.filter.currency : data.sectors.currency;
    Pager pager(painter, *device,
                QStringLiteral("%1 · %2 · %3").arg(title(), context.filterText, context.exportDate.toString(Qt::ISODate)),
                m_theme);
    const QFont body = ChartTheme::font(9.5);
    const QFont small = ChartTheme::font(8);

    // Cover.
    pager.next(false);
    pager.advance(pager.content().height() * 0.04);
    pager.paragraph(title(), ChartTheme::font(26, true), m_theme.text(), 0.2);
    pager.paragraph(tr("State-led technology investment: funds, phases, the companies they fund, and every "
                       "commitment and disbursement with its sources."),
                    ChartTheme::font(11), m_theme.mutedText(), 1.2);
    pager.paragraph(tr("Filter: %1").arg(context.filterText), ChartTheme::font(11, true), m_theme.text(), 0.4);
    pager.paragraph(tr("Database: %1 · exported %2 by Fundscope %3")
                            .arg(m_content.databaseName, context.exportDate.toString(Qt::ISODate),
                                 QCoreApplication::applicationVersion()),
                    body, m_theme.mutedText(), 1.2);

    const Figures figures = data.figures();
    const auto value = [this](double major) { return m_theme.valueText(major); };
    using Measure = Figures::Measure;
    QList<QStringList> keyFigures;
    for (Measure measure : { Measure::Invested, Measure::Committed, Measure::Divested }) {
        const QString meaning = Figures::measureMeaning(measure);
        keyFigures.append({ Figures::companiesLabel(measure),
                            QStringLiteral("%1 %2").arg(currency, value(Figures::amount(figures.companies, measure))),
                            meaning.left(1).toUpper() + meaning.mid(1) });
        if (Figures::amount(figures.subFunds, measure) != 0)
            keyFigures.append({ Figures::subFundsLabel(measure),
                                QStringLiteral("%1 %2").arg(currency, value(Figures::amount(figures.subFunds, measure))),
                                tr("Counted by fund and phase; left out of sector, region and year: the sub-funds' "
                                   "own investments reach the companies") });
    }
    keyFigures += QList<QStringList> {
        { tr("Funds / phases"), tr("%1 / %2", "funds / phases").arg(grouped(data.fundCount()), grouped(data.phaseCount())),
          tr("With at least one event in view") },
        { tr("Investees"),
          tr("%1 companies / %2 sub-funds").arg(grouped(figures.companies.investees), grouped(figures.subFunds.investees)),
          tr("That received money or a commitment") },
        { tr("Events in view"), grouped(figures.all.events), tr("Every money event, sub-fund flows included") },
        { tr("Undisclosed amounts"), grouped(figures.all.undisclosed), tr("Counted apart, never as zero") },
        { tr("Without an exchange rate"), grouped(figures.all.withoutRate),
          data.sectors.ratesMissing.isEmpty() ? tr("Counted apart, never as zero")
                                              : tr("Missing: %1").arg(data.sectors.ratesMissing.join(QStringLiteral(", "))) },
        { tr("Sources"), grouped(m_content.sources.size()), tr("Distinct addresses, listed in the appendix") },
    };
    pager.heading(tr("Key figures"), 13);
    pager.table({ { tr("Figure"), 0 }, { tr("Value"), 0, Qt::AlignRight }, { tr("What it counts"), 1 } }, keyFigures, 9);
    if (!data.sectors.ratesUsed.isEmpty())
        pager.paragraph(tr("Exchange rates used (CNY per unit, yearly): %1.")
                                .arg(data.sectors.ratesUsed.join(QStringLiteral(", "))),
                        small, m_theme.mutedText(), 0.6);
    pager.paragraph(tr("Contents: charts by sector, region, funding phase, year and top investees (pages 2–6); top "
                       "investees; holdings under the filter; sources."),
                    small, m_theme.mutedText());

    // One chart per page.
    const ChartRenderer renderer(data, m_theme, context);
    for (Kind kind : chartKinds) {
        pager.next();
        renderer.paint(&painter, pager.content(), kind);
    }

    // Top investees.
    pager.next();
    pager.heading(tr("Top investees"));
    pager.paragraph(tr("Companies by money invested under the filter, in %1 millions; share of all money invested in "
                       "companies.")
                            .arg(currency),
                    small, m_theme.mutedText());
    QList<QStringList> top;
    for (const AggregateRow &row : data.investees.rows) {
        if (row.invested <= 0)
            continue;
        const InvesteeRecord investee = m_content.investees.value(row.keyId);
        // Two name columns: the interface language's name first, the other beside it.
        top.append({ QString::number(top.size() + 1), ChartTheme::preferred(row.key, row.keyZh),
                     ChartTheme::other(row.key, row.keyZh),
                     investee.segment.isEmpty() ? sector(investee) : sector(investee) + QStringLiteral(" / ") + investee.segment,
                     bilingual(investee.region, investee.regionZh), millions(row.invested),
                     figures.companies.invested > 0 ? QStringLiteral("%1%").arg(row.invested / figures.companies.invested * 100, 0, 'f', 1)
                                            : QString(),
                     millions(row.committed), grouped(row.events) });
    }
    const bool chinese = InterfaceLanguage::isChinese();
    pager.table({ { QStringLiteral("#"), 0, Qt::AlignRight }, { tr("Investee"), chinese ? 2.6 : 4 },
                  { chinese ? tr("English name") : tr("Chinese name"), chinese ? 4 : 2.6 },
                  { tr("Sector / segment"), 2.6 }, { tr("Region"), 1.5 },
                  { tr("Invested, m", "millions"), 0, Qt::AlignRight }, { tr("Share"), 0, Qt::AlignRight },
                  { tr("Committed, m", "millions"), 0, Qt::AlignRight }, { tr("Events"), 0, Qt::AlignRight } },
                top);

    // Holdings.
    pager.next();
    pager.heading(tr("Holdings under the filter"));
    const QList<AggregateRow> &holdings = m_content.holdings.rows;
    QString holdingsNote = tr("Every investee that received money under the filter (sub-funds included), with what it "
                              "received in %1 millions; stake = the latest reported stake.")
                                   .arg(currency);
    if (holdings.size() > MaxHoldings)
        holdingsNote += QLatin1Char(' ')
                + tr("The first %1 of %2 are listed; `fundscope export-table --table holdings` writes them all.")
                          .arg(MaxHoldings)
                          .arg(grouped(holdings.size()));
    pager.paragraph(holdingsNote, small, m_theme.mutedText());
    QList<QStringList> rows;
    for (const AggregateRow &row : holdings.mid(0, MaxHoldings)) {
        const InvesteeRecord investee = m_content.investees.value(row.keyId);
        const bool subFund = investee.kind == QLatin1String("fund");
        const bool onlyUndisclosed = row.invested == 0 && row.committed == 0 && row.undisclosed > 0;
        rows.append({ bilingual(row.key, row.keyZh),
                      subFund ? tr("Sub-fund") : sector(investee),
                      bilingual(investee.region, investee.regionZh),
                      onlyUndisclosed ? Format::undisclosed() : millions(row.invested), millions(row.committed),
                      row.latestStake ? QStringLiteral("%1%").arg(*row.latestStake, 0, 'f', 2) : QString(),
                      row.firstDate, row.lastDate, grouped(row.events), grouped(row.funds) });
    }
    pager.table({ { tr("Investee"), 5 }, { tr("Sector"), 1.6 }, { tr("Region"), 1.3 },
                  { tr("Invested, m", "millions"), 0, Qt::AlignRight }, { tr("Committed, m", "millions"), 0, Qt::AlignRight },
                  { tr("Stake"), 0, Qt::AlignRight }, { tr("First", "the first event's date"), 0 },
                  { tr("Last", "the last event's date"), 0 }, { tr("Events"), 0, Qt::AlignRight },
                  { tr("Funds"), 0, Qt::AlignRight } },
                rows, 7.5);

    // Sources appendix.
    pager.next();
    pager.heading(tr("Sources"));
    const QStringList &sources = m_content.sources;
    QString sourcesNote = tr("Every address cited by the %1 events behind the numbers in this report (%2 distinct).")
                                  .arg(grouped(data.figures().all.events), grouped(sources.size()));
    if (sources.size() > MaxSources)
        sourcesNote += QLatin1Char(' ')
                + tr("The first %1 are listed; `fundscope export-table --table disbursements` writes every event with "
                     "its sources.")
                          .arg(MaxSources);
    pager.paragraph(sourcesNote, small, m_theme.mutedText());
    const QFont sourceFont = ChartTheme::font(7.5);
    const QFontMetricsF metrics(sourceFont, device);
    const qreal numberWidth = metrics.horizontalAdvance(QStringLiteral("00000.")) + metrics.height() * 0.5;
    const QRectF content = pager.content();
    painter.setFont(sourceFont);
    for (qsizetype i = 0; i < sources.size() && i < MaxSources; ++i) {
        const QRectF textBox(content.left() + numberWidth, 0, content.width() - numberWidth, 1e6);
        const qreal height = metrics.boundingRect(textBox, Qt::TextWrapAnywhere, sources.at(i)).height();
        pager.ensure(height);
        painter.setFont(sourceFont);
        painter.setPen(m_theme.mutedText());
        painter.drawText(QRectF(content.left(), pager.y(), numberWidth - metrics.height() * 0.5, height),
                         Qt::AlignRight | Qt::AlignTop, QStringLiteral("%1.").arg(i + 1));
        painter.setPen(m_theme.text());
        painter.drawText(QRectF(textBox.left(), pager.y(), textBox.width(), height), Qt::TextWrapAnywhere | Qt::AlignLeft,
                         sources.at(i));
        pager.advance(height + metrics.height() * 0.15);
    }
    const int pages = pager.pages();
    return painter.end() ? pages : 0;
}

bool ReportWriter::save(const QString &path, QString *error, int *pages) const
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = ExportFile::failure(path, why);
        return false;
    };
    if (ExportFile::refuse(path, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    int painted = 0;
    {
        QPdfWriter writer(&file);
        writer.setResolution(ChartRenderer::layoutDpi());
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(15, 12, 15, 12),
                                         QPageLayout::Millimeter));
        writer.setTitle(QStringLiteral("%1 — %2").arg(title(), m_content.context.filterText));
        writer.setCreator(QStringLiteral("Fundscope %1").arg(QCoreApplication::applicationVersion()));
        painted = paint(&writer);
    }
    if (painted == 0) {
        // The reason first: cancelling replaces it with "canceled by application".
        const QString why = file.error() != QFileDevice::NoError ? file.errorString() : tr("the report could not be drawn");
        file.cancelWriting();
        return fail(why);
    }
    if (!ExportFile::commit(file, path, error))
        return false;
    if (pages)
        *pages = painted;
    return true;
}
