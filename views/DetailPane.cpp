#include "DetailPane.h"

#include "ChartTheme.h"
#include "DetailHtml.h"
#include "DisbursementRecord.h"
#include "Format.h"
#include "WebLink.h"

#include <QEvent>
#include <QStringList>
#include <QUrl>

DetailPane::DetailPane(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    // Links open in the system browser only when they are web addresses (WebLink): never a
    // javascript:, file: or data: address, whatever HTML the pane is given.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [](const QUrl &url) { WebLink::open(url); });
    setMinimumWidth(260);
    showNothing();
}

QString DetailPane::escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString DetailPane::sourcesHtml(const QString &sources)
{
    QString html;
    for (const QString &part : sources.split(QStringLiteral(" | "), Qt::SkipEmptyParts)) {
        const QString url = part.trimmed();
        const bool link = WebLink::isWeb(QUrl(url, QUrl::StrictMode));
        html += QStringLiteral("<li>")
                + (link ? QStringLiteral("<a href=\"%1\">%2</a>").arg(escaped(url), escaped(url)) : escaped(url))
                + QStringLiteral("</li>");
    }
    return html.isEmpty() ? QStringLiteral("<p><i>%1</i></p>").arg(tr("No source recorded.").toHtmlEscaped())
                          : QStringLiteral("<ul>") + html + QStringLiteral("</ul>");
}

void DetailPane::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && m_build && toHtml() == m_shown)
        display(m_build);
}

void DetailPane::display(std::function<QString()> build)
{
    setHtml(build());
    m_shown = toHtml();
    m_build = std::move(build);
}

void DetailPane::showHtml(const QString &title, const QString &html)
{
    m_build = nullptr;
    setHtml(QStringLiteral("<h3>%1</h3>%2").arg(escaped(title), html));
}

void DetailPane::showNothing()
{
    display([] {
        return QStringLiteral("<p style='color:gray'>%1</p>")
                .arg(tr("Select a row to see its details, Chinese names and sources.").toHtmlEscaped());
    });
}

void DetailPane::showInvestee(const InvesteeDetails &details)
{
    display([details] { return DetailHtml::investee(details); });
}

void DetailPane::showFund(const FundRecord &fund)
{
    display([fund] { return DetailHtml::fund(fund); });
}

void DetailPane::showDisbursement(const DisbursementRecord &record)
{
    display([record] { return disbursementHtml(record); });
}

QString DetailPane::disbursementHtml(const DisbursementRecord &r)
{
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='color:gray; padding-right:8px'>%1</td><td>%2</td></tr>")
                .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Investee"), ChartTheme::bracketed(r.investeeName, r.investeeNameZh));
    html += row(tr("Fund"), ChartTheme::bracketed(r.fundName, r.fundNameZh));
    html += row(tr("Phase", "fund phase"), r.phaseLabel);
    html += row(tr("Date"), r.valueDate.isEmpty() ? tr("unknown") : r.valueDate);
    html += row(tr("Type"), Format::vocabulary(r.type));
    html += row(tr("Amount"), Format::amount(r.amountMinor, r.minorDigits, r.currency));
    html += row(tr("Stake"), r.stakePct ? Format::percent(r.stakePct) : tr("not reported"));
    html += row(tr("Status"), Format::vocabulary(r.status));
    html += row(tr("Confidence"), Format::vocabulary(r.confidence));
    html += row(tr("Sector"), r.segment.isEmpty() ? r.sector : r.sector + QStringLiteral(" / ") + r.segment);
    html += row(tr("Region"), ChartTheme::bracketed(r.region, r.regionZh));
    html += QStringLiteral("</table>");
    if (!r.notes.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Notes"), escaped(r.notes));
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Sources")) + sourcesHtml(r.sourceUrl);
    const QString title = tr("%1 #%2", "event type and record id").arg(Format::vocabulary(r.type)).arg(r.id);
    return QStringLiteral("<h3>%1</h3>%2").arg(escaped(title), html);
}
