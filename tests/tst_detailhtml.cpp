#include "DetailHtml.h"
#include "DetailPane.h"
#include "Format.h"
#include "WebLink.h"

#include <QUrl>

#include <QTest>

// The detail pane's text for an investee and a fund: names in both languages and escaped, the
// look-through only for a sub-fund, the timeline with every source once, and a fund's phases.

class TestDetailHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void companyHasNoLookThrough();
    void subFundShowsItsOwnHoldings();
    void subFundWithoutHoldingsSaysSo();
    void timelineSourcesFollowTheInvesteesOnce();
    void namesAreEscaped();
    void fundShowsItsPhases();
    void onlyWebSourcesAreLinks();

private:
    static DetailHtml::Investee company();
    static DisbursementRecord event(const QString &date, qint64 minor, const QString &source);
};

DetailHtml::Investee TestDetailHtml::company()
{
    DetailHtml::Investee d;
    d.investee.id = 7;
    d.investee.name = QStringLiteral("Yangtze Memory Technologies");
    d.investee.nameZh = QStringLiteral("长江存储科技有限责任公司");
    d.investee.kind = QStringLiteral("company");
    d.investee.sector = QStringLiteral("Semiconductors");
    d.investee.segment = QStringLiteral("Memory");
    d.investee.region = QStringLiteral("Hubei");
    d.investee.regionZh = QStringLiteral("湖北");
    d.investee.sourceUrl = QStringLiteral("https://example.org/ymtc");
    InvesteeRepository::Payer payer;
    payer.fundName = QStringLiteral("National IC Industry Investment Fund");
    payer.fundNameZh = QStringLiteral("国家集成电路产业投资基金");
    payer.phases = QStringLiteral("Phase I, Phase II");
    payer.events = 3;
    d.payers = { payer };
    return d;
}

DisbursementRecord TestDetailHtml::event(const QString &date, qint64 minor, const QString &source)
{
    DisbursementRecord r;
    r.valueDate = date;
    r.type = QStringLiteral("equity purchase");
    r.amountMinor = minor;
    r.currency = QStringLiteral("CNY");
    r.fundName = QStringLiteral("National IC Industry Investment Fund");
    r.phaseLabel = QStringLiteral("Phase II");
    r.sourceUrl = source;
    return r;
}

void TestDetailHtml::companyHasNoLookThrough()
{
    const QString html = DetailHtml::investee(company());
    QVERIFY(html.contains(QStringLiteral("长江存储科技有限责任公司")));
    QVERIFY(html.contains(QStringLiteral("Semiconductors / Memory")));
    QVERIFY(html.contains(QStringLiteral("国家集成电路产业投资基金")));
    QVERIFY(html.contains(QStringLiteral("Phase I, Phase II; 3 events")));
    QVERIFY(!html.contains(QStringLiteral("Look-through")));
}

void TestDetailHtml::subFundShowsItsOwnHoldings()
{
    DetailHtml::Investee d = company();
    d.investee.kind = QStringLiteral("fund");
    AggregateResult holdings;
    holdings.currency = QStringLiteral("USD");
    for (int i = 0; i < 30; ++i) {
        AggregateRow row;
        row.key = QStringLiteral("Holding %1").arg(i);
        row.invested = i == 1 ? 0 : 1000.0 * (30 - i);
        holdings.rows.append(row);
    }
    d.lookThrough = holdings;
    const QString html = DetailHtml::investee(d);
    QVERIFY(html.contains(QStringLiteral("Sub-fund")));
    QVERIFY(!html.contains(QStringLiteral("Semiconductors / Memory")));
    QVERIFY(html.contains(QStringLiteral("Look-through")));
    // The first 25 only; a holding without an amount says so instead of 0.
    QVERIFY(html.contains(QStringLiteral("Holding 24<")));
    QVERIFY(!html.contains(QStringLiteral("Holding 25<")));
    QVERIFY(html.contains(QStringLiteral("USD %1").arg(Format::money(30000.0))));
    QVERIFY(html.contains(QStringLiteral("USD undisclosed")));
}

void TestDetailHtml::subFundWithoutHoldingsSaysSo()
{
    DetailHtml::Investee d = company();
    d.investee.kind = QStringLiteral("fund");
    d.lookThrough = AggregateResult();
    QVERIFY(DetailHtml::investee(d).contains(QStringLiteral("No holdings of its own are recorded")));
}

void TestDetailHtml::timelineSourcesFollowTheInvesteesOnce()
{
    DetailHtml::Investee d = company();
    d.timeline = { event(QStringLiteral("2019-10-22"), 1234500, QStringLiteral("https://example.org/a | https://example.org/ymtc")),
                   event(QString(), 500, QStringLiteral("https://example.org/a | https://example.org/b")) };
    const QString html = DetailHtml::investee(d);
    QVERIFY(html.contains(QStringLiteral("2019-10-22")));
    QVERIFY(html.contains(QStringLiteral("date unknown")));
    QVERIFY(html.contains(Format::amount(1234500, 2, QStringLiteral("CNY")).toHtmlEscaped()));
    const QString sources = html.mid(html.lastIndexOf(QStringLiteral("Sources")));
    // The investee's own first, then each event's new ones, in order, each once.
    const qsizetype own = sources.indexOf(QStringLiteral("https://example.org/ymtc"));
    const qsizetype a = sources.indexOf(QStringLiteral("https://example.org/a"));
    const qsizetype b = sources.indexOf(QStringLiteral("https://example.org/b"));
    QVERIFY(own >= 0 && a > own && b > a);
    QCOMPARE(sources.count(QStringLiteral(">https://example.org/a<")), 1);
    QCOMPARE(sources.count(QStringLiteral(">https://example.org/ymtc<")), 1);
}

void TestDetailHtml::namesAreEscaped()
{
    DetailHtml::Investee d = company();
    d.investee.name = QStringLiteral("R&D <Holdings>");
    d.payers.first().fundName = QStringLiteral("Fund <b>bold</b>");
    const QString html = DetailHtml::investee(d);
    QVERIFY(html.contains(QStringLiteral("R&amp;D &lt;Holdings&gt;")));
    QVERIFY(html.contains(QStringLiteral("Fund &lt;b&gt;bold&lt;/b&gt;")));
    QVERIFY(!html.contains(QStringLiteral("<Holdings>")));
}

void TestDetailHtml::fundShowsItsPhases()
{
    FundRecord f;
    f.name = QStringLiteral("Hubei Province IC Fund");
    f.nameZh = QStringLiteral("湖北省集成电路产业投资基金");
    f.kind = QStringLiteral("guidance fund");
    f.level = QStringLiteral("provincial");
    f.region = QStringLiteral("Hubei");
    f.regionZh = QStringLiteral("湖北");
    f.parentName = QStringLiteral("National IC Industry Investment Fund");
    f.notes = QStringLiteral("Notes & remarks");
    f.sourceUrl = QStringLiteral("https://example.org/hubei");
    PhaseRecord known;
    known.label = QStringLiteral("Phase I");
    known.startDate = QStringLiteral("2015");
    known.capitalMinor = qint64(30000000000) * 100;
    known.currency = QStringLiteral("CNY");
    known.capitalBasis = QStringLiteral("target");
    PhaseRecord unknown;
    unknown.label = QStringLiteral("Phase II");
    f.phases = { known, unknown };
    const QString html = DetailHtml::fund(f);
    QVERIFY(html.contains(QStringLiteral("湖北省集成电路产业投资基金")));
    QVERIFY(html.contains(QStringLiteral("Parent fund:")));
    QVERIFY(html.contains(QStringLiteral("<li>Phase I 2015 — ")
                          + Format::amount(known.capitalMinor, 2, QStringLiteral("CNY")).toHtmlEscaped()
                          + QStringLiteral(" (target)</li>")));
    QVERIFY(html.contains(QStringLiteral("<li>Phase II — capital not known</li>")));
    QVERIFY(html.contains(QStringLiteral("Notes &amp; remarks")));
    QVERIFY(html.contains(QStringLiteral("href=\"https://example.org/hubei\"")));
    QVERIFY(!html.contains(QStringLiteral("Manager:")));
}

// A source that is not a web address is shown as text, never as a link, and never opened.
void TestDetailHtml::onlyWebSourcesAreLinks()
{
    const QString html = DetailPane::sourcesHtml(
        QStringLiteral("https://a.example/x | javascript:alert(1) | file:///etc/passwd | data:text/html,x | www.b.example"));
    QCOMPARE(html.count(QStringLiteral("<a ")), 1);
    QVERIFY(html.contains(QStringLiteral("<a href=\"https://a.example/x\">")));
    QVERIFY(html.contains(QStringLiteral("javascript:alert(1)")));
    QVERIFY(WebLink::isWeb(QUrl(QStringLiteral("http://a.example"))));
    QVERIFY(WebLink::isWeb(QUrl(QStringLiteral("HTTPS://a.example/y"))));
    for (const char *bad : { "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "www.b.example",
                             "http://", "mailto:x@y.z" }) {
        QVERIFY2(!WebLink::isWeb(QUrl(QString::fromLatin1(bad))), bad);
        QVERIFY(!WebLink::open(QUrl(QString::fromLatin1(bad))));
    }
}

QTEST_MAIN(TestDetailHtml)
#include "tst_detailhtml.moc"
