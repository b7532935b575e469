#include "DetailHtml.h"

#include "ChartTheme.h"
#include "DetailPane.h"
#include "Format.h"

#include <QLocale>

namespace {

QString esc(const QString &text)
{
    return DetailPane::escaped(text);
}

const QString SourceSeparator = QStringLiteral(" | ");

/// A record's two names on two lines, the interface language's first and in bold.
QString heading(const QString &name, const QString &nameZh)
{
    return QStringLiteral("<p><b>%1</b><br>%2</p>")
            .arg(esc(ChartTheme::preferred(name, nameZh)), esc(ChartTheme::other(name, nameZh)));
}

} // namespace

QString DetailHtml::investee(const Investee &details)
{
    const InvesteeRecord &i = details.investee;
    QString html = heading(i.name, i.nameZh);
    const QString sector = ChartTheme::preferred(i.sector, i.sectorZh);
    const QString what = i.kind == QLatin1String("fund")
            ? tr("Sub-fund")
            : (i.segment.isEmpty() ? sector : sector + QStringLiteral(" / ") + i.segment);
    html += QStringLiteral("<p>%1<br>%2%3%4</p>")
                    .arg(esc(what), esc(ChartTheme::bracketed(i.region, i.regionZh)),
                         i.ticker.isEmpty() ? QString() : QStringLiteral("<br>") + esc(tr("Ticker: %1").arg(i.ticker)),
                         i.founded.isEmpty() ? QString() : QStringLiteral("<br>") + esc(tr("Founded: %1").arg(i.founded)));
    html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Funds that invested"));
    for (const InvesteeRepository::Payer &p : details.payers)
        html += QStringLiteral("<li>%1 <span style='color:gray'>(%2)</span></li>")
                        .arg(esc(ChartTheme::bilingual(p.fundName, p.fundNameZh)),
                             esc(tr("%1; %2 events", "the phases that paid, then the number of events")
                                         .arg(p.phases, QLocale().toString(p.events))));
    html += QStringLiteral("</ul>");
    if (details.lookThrough) {
        // Look-through: what the sub-fund itself invested in.
        const AggregateResult &holdings = *details.lookThrough;
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Look-through: the sub-fund's own holdings"));
        if (!holdings.rows.isEmpty()) {
            html += QStringLiteral("<table>");
            for (const AggregateRow &row : holdings.rows.mid(0, 25))
                html += QStringLiteral("<tr><td>%1</td><td align='right'>%2 %3</td></tr>")
                                .arg(esc(ChartTheme::preferred(row.key, row.keyZh)), holdings.currency,
                                     row.invested != 0 ? Format::money(row.invested) : Format::undisclosed());
            html += QStringLiteral("</table>");
        } else {
            html += tr("<p><i>No holdings of its own are recorded.</i></p>");
        }
    }
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Timeline"));
    QStringList sources = i.sourceUrl.split(SourceSeparator, Qt::SkipEmptyParts);
    for (const DisbursementRecord &r : details.timeline) {
        html += QStringLiteral("<p><b>%1</b> · %2 · %3<br><span style='color:gray'>%4 — %5</span></p>")
                        .arg(esc(r.valueDate.isEmpty() ? tr("date unknown") : r.valueDate),
                             esc(Format::vocabulary(r.type)),
                             esc(Format::amount(r.amountMinor, r.minorDigits, r.currency)),
                             esc(ChartTheme::preferred(r.fundName, r.fundNameZh)),
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
    QString html = heading(f.name, f.nameZh)
            + QStringLiteral("<p>%1, %2 · %3</p>")
                      .arg(esc(Format::vocabulary(f.kind)), esc(Format::vocabulary(f.level)),
                           esc(ChartTheme::bracketed(f.region, f.regionZh)));
    if (!f.parentName.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Parent fund: %1").arg(f.parentName)));
    if (!f.manager.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Manager: %1").arg(f.manager)));
    html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Phases", "fund phases"));
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
