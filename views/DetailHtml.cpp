#include "DetailHtml.h"

#include "DetailPane.h"
#include "Format.h"

namespace {

QString esc(const QString &text)
{
    return DetailPane::escaped(text);
}

const QString SourceSeparator = QStringLiteral(" | ");

} // namespace

QString DetailHtml::investee(const Investee &details)
{
    const InvesteeRecord &i = details.investee;
    QString html = QStringLiteral("<p><b>%1</b><br>%2</p>").arg(esc(i.name), esc(i.nameZh));
    html += QStringLiteral("<p>%1<br>%2%3%4</p>")
                    .arg(esc(i.kind == QLatin1String("fund") ? tr("Sub-fund") : i.sector
                                     + (i.segment.isEmpty() ? QString() : QStringLiteral(" / ") + i.segment)),
                         esc(Format::bilingual(i.region, i.regionZh)),
                         i.ticker.isEmpty() ? QString() : QStringLiteral("<br>") + tr("Ticker: ") + esc(i.ticker),
                         i.founded.isEmpty() ? QString() : QStringLiteral("<br>") + tr("Founded: ") + esc(i.founded));
    html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Funds that invested"));
    for (const InvesteeRepository::Payer &p : details.payers)
        html += QStringLiteral("<li>%1 %2 <span style='color:gray'>(%3; %4 events)</span></li>")
                        .arg(esc(p.fundName), esc(p.fundNameZh), esc(p.phases))
                        .arg(p.events);
    html += QStringLiteral("</ul>");
    if (details.lookThrough) {
        // Look-through: what the sub-fund itself invested in.
        const AggregateResult &holdings = *details.lookThrough;
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Look-through: the sub-fund's own holdings"));
        if (!holdings.rows.isEmpty()) {
            html += QStringLiteral("<table>");
            for (const AggregateRow &row : holdings.rows.mid(0, 25))
                html += QStringLiteral("<tr><td>%1</td><td align='right'>%2 %3</td></tr>")
                                .arg(esc(row.key), holdings.currency,
                                     row.invested != 0 ? Format::money(row.invested) : tr("undisclosed"));
            html += QStringLiteral("</table>");
        } else {
            html += tr("<p><i>No holdings of its own are recorded.</i></p>");
        }
    }
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Timeline"));
    QStringList sources = i.sourceUrl.split(SourceSeparator, Qt::SkipEmptyParts);
    for (const DisbursementRecord &r : details.timeline) {
        html += QStringLiteral("<p><b>%1</b> · %2 · %3<br><span style='color:gray'>%4 — %5</span></p>")
                        .arg(esc(r.valueDate.isEmpty() ? tr("date unknown") : r.valueDate), esc(r.type),
                             esc(Format::amount(r.amountMinor, r.minorDigits, r.currency)), esc(r.fundName),
                             esc(r.phaseLabel));
        for (const QString &url : r.sourceUrl.split(SourceSeparator, Qt::SkipEmptyParts)) {
            if (!sources.contains(url))
                sources.append(url);
        }
    }
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Sources")) + DetailPane::sourcesHtml(sources.join(SourceSeparator));
    return html;
}

QString DetailHtml::fund(const FundRecord &f)
{
    QString html = QStringLiteral("<p><b>%1</b><br>%2</p><p>%3, %4 · %5</p>")
                           .arg(esc(f.name), esc(f.nameZh), esc(f.kind), esc(f.level),
                                esc(Format::bilingual(f.region, f.regionZh)));
    if (!f.parentName.isEmpty())
        html += QStringLiteral("<p>%1 %2</p>").arg(tr("Parent fund:"), esc(f.parentName));
    if (!f.manager.isEmpty())
        html += QStringLiteral("<p>%1 %2</p>").arg(tr("Manager:"), esc(f.manager));
    html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Phases"));
    for (const PhaseRecord &p : f.phases)
        html += QStringLiteral("<li>%1%2 — %3%4</li>")
                        .arg(esc(p.label), p.startDate.isEmpty() ? QString() : QLatin1Char(' ') + esc(p.startDate),
                             p.capitalMinor ? esc(Format::amount(p.capitalMinor, p.minorDigits, p.currency))
                                            : tr("capital not known"),
                             p.capitalBasis.isEmpty() ? QString() : QStringLiteral(" (") + esc(p.capitalBasis) + QLatin1Char(')'));
    html += QStringLiteral("</ul>");
    if (!f.notes.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Notes"), esc(f.notes));
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Sources")) + DetailPane::sourcesHtml(f.sourceUrl);
    return html;
}
