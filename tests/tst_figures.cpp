#include "AggregationEngine.h"
#include "AnalyticsService.h"
#include "BrowseTestData.h"
#include "ChartBuilder.h"
#include "ChartRenderer.h"
#include "CommandRun.h"
#include "CsvReader.h"
#include "DashboardChartView.h"
#include "DashboardPage.h"
#include "Database.h"
#include "Figures.h"
#include "Format.h"
#include "FundRepository.h"
#include "FundsPage.h"
#include "FundTableModel.h"
#include "FundTreeModel.h"
#include "InvesteeTableModel.h"
#include "InvesteesPage.h"
#include "Lookup.h"
#include "MainWindow.h"
#include "NavigatorPanel.h"
#include "SharedFilter.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QLabel>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cmath>
#include <memory>

// One figure, one meaning (docs/figures.md): for a set of filters, every surface that states a
// total — the Dashboard's tiles and phase chart, the Holdings heading and table, the navigator,
// the Funds page, the status bar, chart footnotes, `export-table --table holdings` and the PDF
// report — gives the same figure, to the cent, as `fundscope summary --format json`, which is
// run as a separate process. Sub-fund flows are where surfaces used to disagree: each check
// fails when a surface drops them or counts them twice.

namespace {

qint64 cents(double value)
{
    return std::llround(value * 100);
}

struct Part
{
    double invested = 0;
    double committed = 0;
    qint64 events = 0;
    qint64 investees = 0;
};

Part part(const QJsonObject &object)
{
    return { object.value(QStringLiteral("invested")).toDouble(), object.value(QStringLiteral("committed")).toDouble(),
             object.value(QStringLiteral("events")).toInteger(), object.value(QStringLiteral("investees")).toInteger() };
}

/// What `summary --format json` said.
struct Summary
{
    QString currency;
    Part companies;
    Part subFunds;
    Part all;
    QHash<QString, Part> rows; ///< by key
};

/// One filter as the window takes it and as the command line spells it.
struct Case
{
    QString name;
    Filter filter;
    QStringList options;
};

} // namespace

class TestFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void splitDoesNotDependOnTheGrouping();
    void splitWordsNameBothParts();
    void everySurfaceAgrees();

private:
    Summary summary(const QString &by, const QStringList &options);
    QByteArray run(const QStringList &arguments);
    QList<Case> cases() const;
    void checkWindow(const Case &c, const Summary &byPhase, const Summary &byFund);
    void checkHoldingsExport(const Case &c, const Summary &s);
    void checkReport(const Case &c, const Summary &s);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MainWindow> m_window;
    QString m_path;
};

void TestFigures::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FundscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_figures"));
    QSettings().clear();
    QVERIFY(QFile::exists(QStringLiteral(FUNDSCOPE_BINARY)));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sample.db"));
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(BrowseTestData::openSample(*m_db, m_path, &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(*m_db);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->analytics().waitForLoad();
    QVERIFY(m_window->analytics().isReady());
}

void TestFigures::cleanupTestCase()
{
    if (m_window)
        m_window->close();
    m_window.reset();
    m_db.reset();
    m_dir.reset();
    QSettings().clear();
}

QByteArray TestFigures::run(const QStringList &arguments)
{
    const CommandRun::Result r = CommandRun::run(QStringLiteral(FUNDSCOPE_BINARY),
                                                 arguments + QStringList { QStringLiteral("--db"), m_path }, m_dir->path());
    if (r.exitCode != 0) {
        qWarning("fundscope %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(r.err));
        return {};
    }
    return r.out.toUtf8();
}

Summary TestFigures::summary(const QString &by, const QStringList &options)
{
    const QByteArray out = run(QStringList { QStringLiteral("summary"), QStringLiteral("--by"), by,
                                             QStringLiteral("--format"), QStringLiteral("json") }
                               + options);
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    Summary s;
    s.currency = json.value(QStringLiteral("currency")).toString();
    const QJsonObject figures = json.value(QStringLiteral("figures")).toObject();
    s.companies = part(figures.value(QStringLiteral("in_companies")).toObject());
    s.subFunds = part(figures.value(QStringLiteral("into_sub_funds")).toObject());
    s.all = part(figures.value(QStringLiteral("all")).toObject());
    for (const QJsonValue &row : json.value(QStringLiteral("rows")).toArray())
        s.rows.insert(row.toObject().value(QStringLiteral("key")).toString(), part(row.toObject()));
    return s;
}

QList<Case> TestFigures::cases() const
{
    QList<Case> list;
    list.append({ QStringLiteral("no filter"), Filter(), {} });
    const Lookup lookup(*m_db);
    for (const FundRecord &fund : FundRepository(*m_db).all()) {
        Filter f;
        f.funds = { fund.id };
        list.append({ QStringLiteral("fund ") + fund.name, f, { QStringLiteral("--fund"), fund.name } });
        for (const PhaseRecord &phase : fund.phases) {
            Filter p;
            p.phases = { phase.id };
            list.append({ QStringLiteral("phase %1 / %2").arg(fund.name, phase.label), p,
                          { QStringLiteral("--fund"), fund.name, QStringLiteral("--phase"), phase.label } });
        }
    }
    Filter sector;
    sector.sectors = { *lookup.sectorId(QStringLiteral("Semiconductors")) };
    list.append({ QStringLiteral("sector"), sector, { QStringLiteral("--sector"), QStringLiteral("Semiconductors") } });
    Filter province;
    province.regions = { *lookup.regionId(QStringLiteral("Hubei")) };
    list.append({ QStringLiteral("province"), province, { QStringLiteral("--region"), QStringLiteral("Hubei") } });
    Filter dates;
    dates.from = QStringLiteral("2019");
    dates.to = QStringLiteral("2023-06");
    list.append({ QStringLiteral("date range"), dates,
                  { QStringLiteral("--from"), QStringLiteral("2019"), QStringLiteral("--to"), QStringLiteral("2023-06") } });
    Filter usd;
    usd.currency = QStringLiteral("USD");
    list.append({ QStringLiteral("USD"), usd, { QStringLiteral("--currency"), QStringLiteral("USD") } });
    Filter bigFundUsd;
    bigFundUsd.currency = QStringLiteral("USD");
    bigFundUsd.funds = { *lookup.fundId(QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)")) };
    list.append({ QStringLiteral("Big Fund in USD"), bigFundUsd,
                  { QStringLiteral("--currency"), QStringLiteral("USD"), QStringLiteral("--fund"),
                    QStringLiteral("China Integrated Circuit Industry Investment Fund (Big Fund)") } });
    return list;
}

void TestFigures::splitDoesNotDependOnTheGrouping()
{
    // The same filter grouped two ways: flows into sub-funds inside the rows (phase) or apart
    // (sector). Figures must not see the difference.
    Filter filter;
    AggregateResult byPhase;
    AggregateResult bySector;
    QString error;
    const AggregationEngine engine(*m_db);
    QVERIFY2(engine.aggregate(Dimension::Phase, filter, &byPhase, &error), qPrintable(error));
    QVERIFY2(engine.aggregate(Dimension::Sector, filter, &bySector, &error), qPrintable(error));
    QVERIFY(byPhase.subFundFlowsInRows);
    QVERIFY(!bySector.subFundFlowsInRows);
    QVERIFY2(byPhase.subFundFlows.events > 0, "the sample must hold flows into sub-funds for this test to mean anything");
    const Figures a = Figures::of(byPhase);
    const Figures b = Figures::of(bySector);
    for (const auto &[x, y] : { std::pair { a.companies, b.companies }, std::pair { a.subFunds, b.subFunds },
                                std::pair { a.all, b.all } }) {
        QCOMPARE(cents(x.invested), cents(y.invested));
        QCOMPARE(cents(x.committed), cents(y.committed));
        QCOMPARE(cents(x.divested), cents(y.divested));
        QCOMPARE(x.events, y.events);
        QCOMPARE(x.investees, y.investees);
        QCOMPARE(x.undisclosed, y.undisclosed);
        QCOMPARE(x.withoutRate, y.withoutRate);
    }
    QCOMPARE(cents(a.all.invested), cents(a.companies.invested + a.subFunds.invested));
    QCOMPARE(a.all.events, a.companies.events + a.subFunds.events);
}

void TestFigures::splitWordsNameBothParts()
{
    Figures f;
    f.currency = QStringLiteral("CNY");
    f.companies.invested = 289e9;
    f.subFunds.invested = 4.5e9;
    const auto value = [](double v) { return Format::money(v); };
    QCOMPARE(f.split(Figures::Measure::Invested, value),
             QStringLiteral("CNY 289,000,000,000.00 in companies · 4,500,000,000.00 into sub-funds"));
    QCOMPARE(f.split(Figures::Measure::Committed, value), QStringLiteral("CNY 0.00 in companies"));
    QVERIFY(f.leftOutNote(value).isEmpty());
    f.subFunds.events = 3;
    QVERIFY(f.leftOutNote(value).startsWith(QStringLiteral("3 flows into sub-funds (CNY 4,500,000,000.00 invested)")));
}

void TestFigures::everySurfaceAgrees()
{
    const QList<Case> list = cases();
    QVERIFY(list.size() > 20);
    int withSubFunds = 0;
    for (const Case &c : list) {
        const Summary byPhase = summary(QStringLiteral("phase"), c.options);
        QVERIFY2(!byPhase.currency.isEmpty(), qPrintable(c.name));
        if (byPhase.subFunds.events > 0)
            ++withSubFunds;
        // The figures do not depend on the grouping: by sector they are the same.
        const Summary bySector = summary(QStringLiteral("sector"), c.options);
        QCOMPARE(cents(bySector.companies.invested), cents(byPhase.companies.invested));
        QCOMPARE(cents(bySector.subFunds.committed), cents(byPhase.subFunds.committed));
        QCOMPARE(bySector.all.events, byPhase.all.events);
        // The navigator and the Funds page list every fund: they take the filter without its funds.
        QStringList everyFund;
        for (qsizetype i = 0; i < c.options.size(); i += 2) {
            if (c.options.at(i) != QLatin1String("--fund") && c.options.at(i) != QLatin1String("--phase"))
                everyFund << c.options.at(i) << c.options.at(i + 1);
        }
        const Summary byFund = summary(QStringLiteral("fund"), everyFund);
        checkWindow(c, byPhase, byFund);
        if (QTest::currentTestFailed())
            return;
        if (c.name == QLatin1String("no filter") || c.name == QLatin1String("USD") || c.name.startsWith(QLatin1String("Big Fund"))) {
            checkHoldingsExport(c, byPhase);
            checkReport(c, byPhase);
            if (QTest::currentTestFailed())
                return;
        }
    }
    QVERIFY2(withSubFunds >= 3, "too few filters hold flows into sub-funds to test that they are kept");
}

void TestFigures::checkWindow(const Case &c, const Summary &s, const Summary &byFund)
{
    const QByteArray where = c.name.toUtf8();
    m_window->sharedFilter().setFilter(c.filter);

    // Dashboard: the tiles state both parts, to the cent in their tooltips.
    m_window->pages()->setCurrentWidget(m_window->dashboardPage());
    QTRY_VERIFY(!m_window->followUpPending());
    const auto tile = [this](const char *name) {
        auto *label = m_window->dashboardPage()->findChild<QLabel *>(QString::fromLatin1(name));
        return label ? label->toolTip() + QLatin1Char('|') + label->text() : QString();
    };
    const auto expectSplit = [&](const QString &text, double companies, double subFunds) {
        const QString first = QStringLiteral("%1 %2 in companies").arg(s.currency, Format::money(companies));
        QVERIFY2(text.startsWith(first), qPrintable(c.name + QStringLiteral(": '") + text + QStringLiteral("' lacks ") + first));
        const QString second = Format::money(subFunds) + QStringLiteral(" into sub-funds");
        const QRegularExpression separate(QStringLiteral("(·|\\n)\\s*") + QRegularExpression::escape(second));
        QVERIFY2((subFunds == 0) != text.contains(separate),
                 qPrintable(c.name + QStringLiteral(": '") + text + QStringLiteral("' and ") + second));
    };
    expectSplit(tile("tileInvested"), s.companies.invested, s.subFunds.invested);
    expectSplit(tile("tileCommitted"), s.companies.committed, s.subFunds.committed);
    QVERIFY2(tile("tileEvents").endsWith(QLatin1Char('|') + QLocale().toString(s.all.events)), where);

    // The phase chart: every phase shown carries what summary --by phase gives it, invested in
    // its stack (sub-fund flows as their own set) and committed as its marker.
    QChart *chart = m_window->dashboardPage()->chartView(ChartBuilder::Kind::Phase)->chart();
    QVERIFY2(chart, where);
    AggregateResult names;
    QString error;
    QVERIFY2(m_window->analytics().aggregate(Dimension::Phase, c.filter, &names, &error), qPrintable(error));
    QHash<qint64, QString> keyOf;
    for (const AggregateRow &row : std::as_const(names.rows))
        keyOf.insert(row.keyId, row.key);
    const double unit = m_window->dashboardPage()->theme().unitScale();
    int shown = 0;
    for (QAbstractSeries *series : chart->series()) {
        const QVariantList keys = series->property("keyIds").toList();
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (qsizetype i = 0; i < keys.size(); ++i) {
                double stack = 0;
                for (QBarSet *set : bars->barSets())
                    stack += set->at(int(i));
                const Part expected = s.rows.value(keyOf.value(keys.at(i).toLongLong()));
                QVERIFY2(cents(stack * unit) == cents(expected.invested),
                         qPrintable(QStringLiteral("%1: phase %2 invested %3 in the chart, %4 in summary")
                                            .arg(c.name, keyOf.value(keys.at(i).toLongLong()))
                                            .arg(stack * unit, 0, 'f', 2)
                                            .arg(expected.invested, 0, 'f', 2)));
                ++shown;
            }
        } else if (qobject_cast<QScatterSeries *>(series) && series->property("measure") == QStringLiteral("committed")) {
            const QVariantList values = series->property("values").toList();
            for (qsizetype i = 0; i < keys.size(); ++i) {
                const Part expected = s.rows.value(keyOf.value(keys.at(i).toLongLong()));
                QVERIFY2(cents(values.at(i).toDouble()) == cents(expected.committed),
                         qPrintable(QStringLiteral("%1: phase %2 committed %3 in the chart, %4 in summary")
                                            .arg(c.name, keyOf.value(keys.at(i).toLongLong()))
                                            .arg(values.at(i).toDouble(), 0, 'f', 2)
                                            .arg(expected.committed, 0, 'f', 2)));
            }
        }
    }
    // Every phase with money (up to the chart's limit) is on the chart, commitments only or not.
    int withMoney = 0;
    for (const Part &row : s.rows)
        withMoney += row.invested > 0 || row.committed > 0;
    QVERIFY2(shown == std::min(withMoney, ChartBuilder::MaxPhases) || withMoney == 0,
             qPrintable(QStringLiteral("%1: %2 phases on the chart, %3 with money").arg(c.name).arg(shown).arg(withMoney)));

    // Chart footnotes that leave sub-fund flows out say so, with the amount.
    ChartRenderer::Context context;
    const ChartRenderer renderer(m_window->dashboardPage()->data(), m_window->dashboardPage()->theme(), context);
    const QString sectorNote = renderer.footnote(ChartBuilder::Kind::Sector);
    QVERIFY2((s.subFunds.events > 0) == sectorNote.contains(QStringLiteral("into sub-funds")), qPrintable(c.name + sectorNote));

    // Holdings: the heading and the table.
    m_window->pages()->setCurrentWidget(m_window->holdingsPage());
    QTRY_VERIFY(!m_window->followUpPending());
    QString heading;
    for (const QLabel *label : m_window->holdingsPage()->findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("Holdings of")))
            heading = label->text();
    }
    const qsizetype committedAt = heading.indexOf(QStringLiteral("Committed:"));
    QVERIFY2(committedAt > 0, qPrintable(c.name + heading));
    const qsizetype investedAt = heading.indexOf(QStringLiteral("Invested: ")) + 10;
    expectSplit(heading.mid(investedAt, committedAt - investedAt), s.companies.invested, s.subFunds.invested);
    expectSplit(heading.mid(committedAt + 11).section(QStringLiteral(" undisclosed"), 0, 0), s.companies.committed,
                s.subFunds.committed);
    const QAbstractItemModel *holdings = m_window->holdingsPage()->findChild<QTableView *>()->model();
    double invested = 0;
    double committed = 0;
    for (int row = 0; row < holdings->rowCount(); ++row) {
        invested += holdings->index(row, InvesteeTableModel::Invested).data(InvesteeTableModel::SortRole).toDouble();
        committed += holdings->index(row, InvesteeTableModel::Committed).data(InvesteeTableModel::SortRole).toDouble();
    }
    QVERIFY2(cents(invested) == cents(s.all.invested), where);
    QVERIFY2(cents(committed) == cents(s.all.committed), where);

    // The Funds page and the navigator: each fund as summary --by fund gives it.
    m_window->pages()->setCurrentWidget(m_window->fundsPage());
    QTRY_VERIFY(!m_window->followUpPending());
    const QAbstractItemModel *funds = m_window->fundsPage()->findChild<QTableView *>()->model();
    QVERIFY(funds->rowCount() > 0);
    for (int row = 0; row < funds->rowCount(); ++row) {
        const QString name = funds->index(row, FundTableModel::Name).data().toString();
        const Part expected = byFund.rows.value(name);
        QVERIFY2(cents(funds->index(row, FundTableModel::Invested).data(FundTableModel::SortRole).toDouble())
                         == cents(expected.invested),
                 qPrintable(c.name + QStringLiteral(": Funds page, ") + name));
        QVERIFY2(cents(funds->index(row, FundTableModel::Committed).data(FundTableModel::SortRole).toDouble())
                         == cents(expected.committed),
                 qPrintable(c.name + QStringLiteral(": Funds page, ") + name));
    }
    const QAbstractItemModel *tree = m_window->navigator()->findChild<QTreeView *>()->model();
    for (int row = 0; row < tree->rowCount(); ++row) {
        const QString name = tree->index(row, FundTreeModel::Name).data().toString(); // "Name  中文名"
        const double shownInvested = tree->index(row, FundTreeModel::Invested).data(FundTreeModel::SortRole).toDouble();
        bool found = false;
        for (auto it = byFund.rows.cbegin(); it != byFund.rows.cend(); ++it) {
            if (name.startsWith(it.key() + QStringLiteral("  ")) || name == it.key()) {
                found = true;
                QVERIFY2(cents(shownInvested) == cents(it.value().invested),
                         qPrintable(c.name + QStringLiteral(": navigator, ") + name));
            }
        }
        QVERIFY2(found || shownInvested == 0, qPrintable(c.name + QStringLiteral(": navigator, ") + name));
    }

    // The status bar counts the events in view.
    QString status;
    for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
        status += label->text() + QLatin1Char('\n');
    QVERIFY2(status.contains(QStringLiteral("%1 disbursements in view").arg(QLocale().toString(s.all.events))),
             qPrintable(c.name + QStringLiteral(": ") + status));
}

void TestFigures::checkHoldingsExport(const Case &c, const Summary &s)
{
    const QString out = m_dir->filePath(QStringLiteral("holdings.csv"));
    QFile::remove(out);
    run(QStringList { QStringLiteral("export-table"), QStringLiteral("--table"), QStringLiteral("holdings"),
                      QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), out }
        + c.options);
    QFile file(out);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(c.name));
    CsvReader reader(&file, out);
    QVERIFY(reader.next());
    const QStringList header = reader.fields();
    const qsizetype investedAt = header.indexOf(QStringLiteral("invested"));
    const qsizetype committedAt = header.indexOf(QStringLiteral("committed"));
    QVERIFY2(investedAt >= 0 && committedAt >= 0, qPrintable(header.join(QLatin1Char(','))));
    double invested = 0;
    double committed = 0;
    qint64 rows = 0;
    while (reader.next()) {
        invested += reader.fields().at(investedAt).toDouble();
        committed += reader.fields().at(committedAt).toDouble();
        ++rows;
    }
    // Each row is rounded to the cent on its own, so their sum may stray from the total by half a
    // cent a row; a dropped or doubled sub-fund flow is billions.
    const auto near = [rows](double sum, double total) { return std::abs(cents(sum) - cents(total)) <= (rows + 1) / 2; };
    QVERIFY2(near(invested, s.all.invested),
             qPrintable(QStringLiteral("%1: holdings invested %2, summary %3").arg(c.name).arg(invested, 0, 'f', 2).arg(s.all.invested, 0, 'f', 2)));
    QVERIFY2(near(committed, s.all.committed),
             qPrintable(QStringLiteral("%1: holdings committed %2, summary %3").arg(c.name).arg(committed, 0, 'f', 2).arg(s.all.committed, 0, 'f', 2)));
}

void TestFigures::checkReport(const Case &c, const Summary &s)
{
    const QString out = m_dir->filePath(QStringLiteral("report.pdf"));
    QFile::remove(out);
    run(QStringList { QStringLiteral("report"), QStringLiteral("--out"), out } + c.options);
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), QStringLiteral("-l"), QStringLiteral("1"),
                                                   out, QStringLiteral("-") });
    QVERIFY(pdftotext.waitForFinished(60000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).simplified();
    ChartTheme theme;
    const auto expect = [&](const QString &label, double value) {
        const QString line = QStringLiteral("%1 %2 %3").arg(label, s.currency, theme.valueText(value));
        QVERIFY2(text.contains(line), qPrintable(c.name + QStringLiteral(": the report lacks '") + line + QLatin1Char('\'')));
    };
    expect(Figures::companiesLabel(Figures::Measure::Invested), s.companies.invested);
    expect(Figures::companiesLabel(Figures::Measure::Committed), s.companies.committed);
    if (s.subFunds.invested != 0)
        expect(Figures::subFundsLabel(Figures::Measure::Invested), s.subFunds.invested);
    if (s.subFunds.committed != 0)
        expect(Figures::subFundsLabel(Figures::Measure::Committed), s.subFunds.committed);
}

QTEST_MAIN(TestFigures)
#include "tst_figures.moc"
