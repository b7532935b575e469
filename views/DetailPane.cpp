#include "DetailPane.h"

#include "DisbursementRecord.h"
#include "Format.h"

#include <QStringList>

DetailPane::DetailPane(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    setOpenExternalLinks(true);
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
        const bool link = url.startsWith(QLatin1String("http://")) || url.startsWith(QLatin1String("https://"));
        html += QStringLiteral("<li>")
                + (link ? QStringLiteral("<a href=\"%1\">%2</a>").arg(escaped(url), escaped(url)) : escaped(url))
                + QStringLiteral("</li>");
    }
    return html.isEmpty() ? QStringLiteral("<p><i>No source recorded.</i></p>")
                          : QStringLiteral("<ul>") + html + QStringLiteral("</ul>");
}

void DetailPane::showHtml(const QString &title, const QString &html)
{
    setHtml(QStringLiteral("<h3>%1</h3>%2").arg(escaped(title), html));
}

void DetailPane::showNothing()
{
    setHtml(tr("<p style='color:gray'>Select a row to see its details, Chinese names and sources.</p>"));
}

void DetailPane::showDisbursement(const DisbursementRecord &r)
{
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='color:gray; padding-right:8px'>%1</td><td>%2</td></tr>")
                .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Investee"), Format::bilingual(r.investeeName, r.investeeNameZh));
    html += row(tr("Fund"), Format::bilingual(r.fundName, r.fundNameZh));
    html += row(tr("Phase"), r.phaseLabel);
    html += row(tr("Date"), r.valueDate.isEmpty() ? tr("unknown") : r.valueDate);
    html += row(tr("Type"), r.type);
    html += row(tr("Amount"), Format::amount(r.amountMinor, r.minorDigits, r.currency));
    html += row(tr("Stake"), r.stakePct ? Format::percent(r.stakePct) : tr("not reported"));
    html += row(tr("Status"), r.status);
    html += row(tr("Confidence"), r.confidence);
    html += row(tr("Sector"), r.segment.isEmpty() ? r.sector : r.sector + QStringLiteral(" / ") + r.segment);
    html += row(tr("Region"), Format::bilingual(r.region, r.regionZh));
    html += QStringLiteral("</table>");
    if (!r.notes.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Notes"), escaped(r.notes));
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Sources")) + sourcesHtml(r.sourceUrl);
    showHtml(tr("%1 #%2").arg(r.type).arg(r.id), html);
}
