#include "DashboardPage.h"

#include "DashboardChartView.h"
#include "Figures.h"
#include "Format.h"
#include "UnitsChoice.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QEvent>
#include <QCursor>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineF>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QScrollArea>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

using Kind = ChartBuilder::Kind;

namespace {

const Kind allKinds[] = { Kind::Sector, Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees };

} // namespace

DashboardPage::DashboardPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_theme = ChartTheme::fromSystem();
    m_theme.chineseUnits = UnitsChoice::stored().isChinese();

    m_breadcrumb = new QLabel(this);
    m_breadcrumb->setObjectName(QStringLiteral("breadcrumb"));
    m_breadcrumb->setTextFormat(Qt::RichText);
    connect(m_breadcrumb, &QLabel::linkActivated, this, [this](const QString &link) {
        const int index = link.toInt();
        if (index < 0 || index >= m_crumbs.size())
            return;
        const Filter target = m_crumbs.at(index).before;
        m_crumbs = m_crumbs.mid(0, index);
        Q_EMIT drillRequested(target);
    });
    // A shortcut to View → Units: the window keeps it in step with the one choice (UnitsMenu).
    m_units = new QComboBox(this);
    m_units->setObjectName(QStringLiteral("unitsCombo"));
    for (qsizetype i = 0; i < Units::all().size(); ++i)
        m_units->addItem(QString()); // named in retranslateUi()
    m_units->setCurrentIndex(int(Units::all().indexOf(UnitsChoice::stored())));
    connect(m_units, &QComboBox::currentIndexChanged, this, [this](int index) {
        const bool chineseUnits = Units::all().value(index).isChinese();
        if (chineseUnits == m_theme.chineseUnits)
            return;
        m_theme.chineseUnits = chineseUnits;
        if (m_hasData)
            setData(DashboardData(m_data)); // the key figures are in the units too
    });
    m_status = new QLabel(this);
    m_unitsLabel = new QLabel(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_breadcrumb, 1);
    top->addWidget(m_status);
    top->addWidget(m_unitsLabel);
    top->addWidget(m_units);

    auto *tiles = new QGridLayout;
    tiles->setSpacing(6);
    tiles->addWidget(tile("tileInvested", &m_invested), 0, 0);
    tiles->addWidget(tile("tileCommitted", &m_committed), 0, 1);
    tiles->addWidget(tile("tileFunds", &m_funds), 0, 2);
    tiles->addWidget(tile("tilePhases", &m_phases), 0, 3);
    tiles->addWidget(tile("tileInvestees", &m_investees), 1, 0);
    tiles->addWidget(tile("tileEvents", &m_events), 1, 1);
    tiles->addWidget(tile("tileUndisclosed", &m_undisclosed), 1, 2);
    tiles->addWidget(tile("tileWithoutRate", &m_withoutRate), 1, 3);

    auto *grid = new QGridLayout;
    grid->setSpacing(6);
    for (Kind kind : allKinds) {
        auto *view = new DashboardChartView(this);
        view->setObjectName(QStringLiteral("chart%1").arg(int(kind)));
        m_views.append(view);
    }
    grid->addWidget(m_views.at(int(Kind::Sector)), 0, 0);
    grid->addWidget(m_views.at(int(Kind::Region)), 0, 1);
    grid->addWidget(m_views.at(int(Kind::Phase)), 1, 0);
    grid->addWidget(m_views.at(int(Kind::TopInvestees)), 1, 1);
    grid->addWidget(m_views.at(int(Kind::Year)), 2, 0, 1, 2);
    for (int row = 0; row < 3; ++row)
        grid->setRowMinimumHeight(row, 430);

    m_footnote = new QLabel(this);
    m_footnote->setWordWrap(true);
    m_footnote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_footnote->setObjectName(QStringLiteral("dashboardFootnote"));

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(tiles);
    contentLayout->addLayout(grid, 1);
    contentLayout->addWidget(m_footnote);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    retranslateUi();
}

void DashboardPage::retranslateUi()
{
    const QStringList captions = { Figures::measureName(Figures::Measure::Invested),
                                   Figures::measureName(Figures::Measure::Committed),
                                   tr("Funds"),
                                   tr("Phases"),
                                   tr("Investees"),
                                   tr("Events in view"),
                                   tr("Undisclosed amounts"),
                                   tr("Without a rate") };
    for (qsizetype i = 0; i < m_captions.size(); ++i)
        m_captions.at(i)->setText(captions.value(i));
    m_unitsLabel->setText(tr("Units:"));
    for (qsizetype i = 0; i < Units::all().size(); ++i)
        m_units->setItemText(int(i), Units::all().at(i).title());
    m_units->setToolTip(tr("Units for amounts (View → Units); charts count in billions, or in 亿 for 亿 and 万"));
    updateBreadcrumb();
    if (m_hasData) {
        showFigures();
        rebuildCharts();
    }
}

QWidget *DashboardPage::tile(const char *objectName, QLabel **value)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *caption = new QLabel(frame);
    m_captions.append(caption);
    caption->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    *value = new QLabel(QStringLiteral("—"), frame);
    (*value)->setObjectName(QString::fromLatin1(objectName));
    QFont big = (*value)->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    (*value)->setFont(big);
    (*value)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(caption);
    layout->addWidget(*value);
    return frame;
}

DashboardChartView *DashboardPage::chartView(Kind kind) const
{
    return m_views.at(int(kind));
}

void DashboardPage::setUnavailable(const QString &message)
{
    m_status->setText(message);
}

void DashboardPage::setData(const DashboardData &data)
{
    if (!m_crumbs.isEmpty() && !(m_crumbs.constLast().after == data.filter))
        m_crumbs.clear(); // the filter moved elsewhere: the drill path no longer describes it
    m_data = data;
    m_hasData = true;
    m_status->clear();
    showFigures();
    rebuildCharts();
    updateBreadcrumb();
}

void DashboardPage::showFigures()
{
    const DashboardData &data = m_data;
    const Figures figures = data.figures();
    const auto compact = [this](double major) { return m_theme.valueText(major); };
    const auto full = [](double major) { return Format::money(major); };
    const auto money = [&](QLabel *label, Figures::Measure measure) {
        label->setText(figures.split(measure, compact, QStringLiteral("\n")));
        label->setToolTip(figures.split(measure, full, QStringLiteral("\n")));
    };
    money(m_invested, Figures::Measure::Invested);
    money(m_committed, Figures::Measure::Committed);
    m_funds->setText(QLocale().toString(data.fundCount()));
    m_phases->setText(QLocale().toString(data.phaseCount()));
    m_investees->setText(figures.subFunds.investees > 0
                                 ? tr("%L1 companies\n%L2 sub-funds").arg(figures.companies.investees).arg(figures.subFunds.investees)
                                 : tr("%L1 companies").arg(figures.companies.investees));
    m_events->setText(QLocale().toString(figures.all.events));
    m_undisclosed->setText(QLocale().toString(figures.all.undisclosed));
    m_withoutRate->setText(QLocale().toString(figures.all.withoutRate));
    m_withoutRate->setStyleSheet(figures.all.withoutRate ? QStringLiteral("color: #b00020") : QString());

    const QString currency = figures.currency;
    QStringList notes;
    notes.append(tr("Amounts in %1, converted at each value date's yearly rate. %2 = %3; %4 and %5 are kept apart; "
                    "cancelled events are left out unless the filter asks for them.")
                         .arg(currency, Figures::measureName(Figures::Measure::Invested),
                              Figures::measureMeaning(Figures::Measure::Invested),
                              Figures::measureName(Figures::Measure::Committed).toLower(),
                              Figures::measureName(Figures::Measure::Divested).toLower()));
    const QString leftOut = figures.leftOutNote(compact);
    if (!leftOut.isEmpty())
        notes.append(tr("Sector, region, year and top-investee charts: %1 The phase chart shows them as their own "
                        "series.")
                             .arg(leftOut));
    if (figures.all.undisclosed || figures.all.withoutRate)
        notes.append(tr("%1 undisclosed amounts and %2 amounts without a %3 rate are counted apart, not as zero.")
                             .arg(figures.all.undisclosed)
                             .arg(figures.all.withoutRate)
                             .arg(currency));
    if (!data.sectors.ratesUsed.isEmpty())
        notes.append(tr("Rates used (CNY per unit): %1.").arg(data.sectors.ratesUsed.join(QStringLiteral(", "))));
    if (!data.sectors.ratesMissing.isEmpty())
        notes.append(tr("Rates missing: %1.").arg(data.sectors.ratesMissing.join(QStringLiteral(", "))));
    m_footnote->setText(notes.join(QLatin1Char(' ')));
}

void DashboardPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::PaletteChange) {
        const bool dark = ChartTheme::fromSystem().dark;
        if (dark != m_theme.dark) {
            m_theme.dark = dark;
            rebuildCharts();
        }
    }
}

void DashboardPage::rebuildCharts()
{
    if (!m_hasData)
        return;
    for (Kind kind : allKinds) {
        QChart *chart = ChartBuilder::build(kind, m_data, m_theme);
        chart->setTitle(ChartBuilder::title(kind, m_data));
        connectChart(kind, chart);
        m_views.at(int(kind))->replaceChart(chart);
    }
}

void DashboardPage::connectChart(Kind kind, QChart *chart)
{
    for (QAbstractSeries *series : chart->series()) {
        const QVariantList keys = series->property("keyIds").toList();
        if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            for (QPieSlice *slice : pie->slices()) {
                connect(slice, &QPieSlice::clicked, this, [this, kind, slice] {
                    drill(kind, slice->property("keyId").toLongLong(), slice->property("name").toString());
                });
                connect(slice, &QPieSlice::hovered, this, [this, slice](bool on) {
                    slice->setExploded(on);
                    if (on)
                        QToolTip::showText(QCursor::pos(),
                                           tr("%1\n%2 %3 · %4% of the total · %5 events")
                                                   .arg(slice->property("legend").toString(), m_data.sectors.currency,
                                                        Format::money(slice->property("invested").toDouble()))
                                                   .arg(slice->property("share").toDouble() * 100, 0, 'f', 1)
                                                   .arg(slice->property("events").toLongLong()));
                });
            }
        } else if (auto *markers = qobject_cast<QScatterSeries *>(series);
                   markers && markers->property("measure").toString() == QLatin1String("committed")) {
            // The committed markers of the phase chart: a click narrows to the phase as its bar does.
            const auto nearest = [markers](const QPointF &point) {
                const QList<QPointF> points = markers->points();
                qsizetype best = -1;
                for (qsizetype i = 0; i < points.size(); ++i) {
                    if (best < 0 || QLineF(points.at(i), point).length() < QLineF(points.at(best), point).length())
                        best = i;
                }
                return best;
            };
            connect(markers, &QScatterSeries::clicked, this, [this, kind, keys, chart, nearest](const QPointF &point) {
                const qsizetype i = nearest(point);
                if (i < 0 || i >= keys.size())
                    return;
                QString label;
                for (QAbstractAxis *axis : chart->axes()) {
                    if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
                        label = categories->at(int(std::lround(point.y())));
                }
                drill(kind, keys.at(i).toLongLong(), label);
            });
            connect(markers, &QScatterSeries::hovered, this, [this, markers, nearest](const QPointF &point, bool on) {
                const qsizetype i = nearest(point);
                const QVariantList values = markers->property("values").toList();
                if (!on || i < 0 || i >= values.size())
                    return;
                QToolTip::showText(QCursor::pos(), tr("%1: %2 %3")
                                                           .arg(Figures::measureName(Figures::Measure::Committed),
                                                                m_data.sectors.currency, Format::money(values.at(i).toDouble())));
            });
        } else if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                connect(set, &QBarSet::clicked, this, [this, kind, keys, chart](int index) {
                    if (index < 0 || index >= keys.size())
                        return;
                    QString label;
                    for (QAbstractAxis *axis : chart->axes()) {
                        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
                            label = categories->at(index);
                    }
                    drill(kind, keys.at(index).toLongLong(), label);
                });
                connect(set, &QBarSet::hovered, this, [this, set, bars](bool on, int index) {
                    if (!on || index < 0 || index >= set->count())
                        return;
                    const double scaled = set->at(index);
                    const double major = scaled * m_theme.unitScale();
                    const QVariantList names = bars->property("names").toList();
                    // Lines of their own and " · "-separated facts, each translated whole.
                    QStringList lines;
                    if (index < names.size())
                        lines.append(names.at(index).toString());
                    lines.append(set->label());
                    QStringList facts { m_data.sectors.currency + QLatin1Char(' ') + Format::money(major) };
                    const QVariantList events = bars->property("events").toList();
                    const double total = bars->property("total").toDouble();
                    if (total > 0)
                        facts.append(tr("%1% of the total").arg(major / total * 100, 0, 'f', 1));
                    if (index < events.size())
                        facts.append(tr("%1 events").arg(events.at(index).toLongLong()));
                    lines.append(facts.join(QStringLiteral(" · ")));
                    QToolTip::showText(QCursor::pos(), lines.join(QLatin1Char('\n')));
                });
            }
        }
    }
}

void DashboardPage::drill(Kind kind, qint64 keyId, const QString &label)
{
    Filter next = m_data.filter;
    switch (kind) {
    case Kind::Sector:
        if (m_data.sectorsAreSegments()) {
            if (keyId == -1)
                return;
            next.segments = { keyId };
        } else {
            if (keyId == -1)
                return;
            next.sectors = { keyId };
            next.segments.clear();
        }
        break;
    case Kind::Region:
        if (keyId == -1)
            return;
        next.regions = { keyId };
        break;
    case Kind::Phase:
        next.phases = { keyId };
        next.funds.clear();
        break;
    case Kind::Year:
        next.from = QString::number(keyId);
        next.to = QString::number(keyId);
        break;
    case Kind::TopInvestees:
        next.investees = { keyId };
        break;
    }
    if (next == m_data.filter)
        return;
    m_crumbs.append({ label, m_data.filter, next });
    Q_EMIT drillRequested(next);
}

void DashboardPage::updateBreadcrumb()
{
    QStringList parts;
    parts.append(m_crumbs.isEmpty() ? tr("<b>All in view</b>") : QStringLiteral("<a href=\"0\">%1</a>").arg(tr("All in view")));
    for (qsizetype i = 0; i < m_crumbs.size(); ++i) {
        const QString label = m_crumbs.at(i).label.toHtmlEscaped();
        parts.append(i + 1 < m_crumbs.size() ? QStringLiteral("<a href=\"%1\">%2</a>").arg(i + 1).arg(label)
                                             : QStringLiteral("<b>%1</b>").arg(label));
    }
    m_breadcrumb->setText(tr("Drill-down: %1", "%1 is the path of steps, linked").arg(parts.join(QStringLiteral(" › "))));
    m_breadcrumb->setToolTip(tr("Click a slice or bar to narrow every page to it; click a step to go back."));
}
