#include "DashboardPage.h"

#include "DashboardChartView.h"
#include "Format.h"

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
#include <QPieSeries>
#include <QPieSlice>
#include <QScrollArea>
#include <QSettings>
#include <QToolTip>
#include <QVBoxLayout>

using Kind = ChartBuilder::Kind;

namespace {

const Kind allKinds[] = { Kind::Sector, Kind::Region, Kind::Phase, Kind::Year, Kind::TopInvestees };

} // namespace

DashboardPage::DashboardPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_theme = ChartTheme::fromSystem();
    m_theme.chineseUnits = QSettings().value(QStringLiteral("dashboard/chineseUnits"), false).toBool();

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
    m_units = new QComboBox(this);
    m_units->addItem(tr("Billions"));
    m_units->addItem(tr("亿 (100 million)"));
    m_units->setCurrentIndex(m_theme.chineseUnits ? 1 : 0);
    m_units->setToolTip(tr("Units for chart values"));
    connect(m_units, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_theme.chineseUnits = index == 1;
        QSettings().setValue(QStringLiteral("dashboard/chineseUnits"), m_theme.chineseUnits);
        if (m_hasData)
            setData(DashboardData(m_data)); // the key figures are in the units too
    });
    m_status = new QLabel(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_breadcrumb, 1);
    top->addWidget(m_status);
    top->addWidget(new QLabel(tr("Units:"), this));
    top->addWidget(m_units);

    auto *tiles = new QGridLayout;
    tiles->setSpacing(6);
    tiles->addWidget(tile(tr("Invested"), &m_invested), 0, 0);
    tiles->addWidget(tile(tr("Committed"), &m_committed), 0, 1);
    tiles->addWidget(tile(tr("Funds"), &m_funds), 0, 2);
    tiles->addWidget(tile(tr("Phases"), &m_phases), 0, 3);
    tiles->addWidget(tile(tr("Investees"), &m_investees), 1, 0);
    tiles->addWidget(tile(tr("Events in view"), &m_events), 1, 1);
    tiles->addWidget(tile(tr("Undisclosed amounts"), &m_undisclosed), 1, 2);
    tiles->addWidget(tile(tr("Without a rate"), &m_withoutRate), 1, 3);

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
    updateBreadcrumb();
}

QWidget *DashboardPage::tile(const QString &title, QLabel **value)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *caption = new QLabel(title, frame);
    caption->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    *value = new QLabel(QStringLiteral("—"), frame);
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
    const QString currency = data.sectors.currency;
    const AggregateRow &companies = data.sectors.totals;
    m_invested->setText(currency + QLatin1Char(' ') + m_theme.valueText(companies.invested));
    m_invested->setToolTip(currency + QLatin1Char(' ') + Format::money(companies.invested));
    m_committed->setText(currency + QLatin1Char(' ') + m_theme.valueText(companies.committed));
    m_committed->setToolTip(currency + QLatin1Char(' ') + Format::money(companies.committed));
    m_funds->setText(QLocale().toString(data.fundCount()));
    m_phases->setText(QLocale().toString(data.phaseCount()));
    m_investees->setText(QLocale().toString(companies.investees));
    m_events->setText(QLocale().toString(data.events()));
    const AggregateRow &all = data.phasesBySector.totals;
    m_undisclosed->setText(QLocale().toString(all.undisclosed));
    m_withoutRate->setText(QLocale().toString(all.withoutRate));
    m_withoutRate->setStyleSheet(all.withoutRate ? QStringLiteral("color: #b00020") : QString());

    QStringList notes;
    notes.append(tr("Amounts in %1, converted at each value date's yearly rate. Invested = disbursements, equity "
                    "purchases, loans and grants; committed and divested are kept apart; cancelled events are left out "
                    "unless the filter asks for them.")
                         .arg(currency));
    if (data.sectors.subFundFlows.events > 0)
        notes.append(tr("%1 flows into sub-funds (%2 %3) are left out of the sector, region, year and investee figures "
                        "(the sub-funds' own investments reach the companies) but included in the phase chart.")
                             .arg(data.sectors.subFundFlows.events)
                             .arg(currency, Format::money(data.sectors.subFundFlows.invested)));
    if (all.undisclosed || all.withoutRate)
        notes.append(tr("%1 undisclosed amounts and %2 amounts without a %3 rate are counted apart, not as zero.")
                             .arg(all.undisclosed)
                             .arg(all.withoutRate)
                             .arg(currency));
    if (!data.sectors.ratesUsed.isEmpty())
        notes.append(tr("Rates used (CNY per unit): %1.").arg(data.sectors.ratesUsed.join(QStringLiteral(", "))));
    if (!data.sectors.ratesMissing.isEmpty())
        notes.append(tr("Rates missing: %1.").arg(data.sectors.ratesMissing.join(QStringLiteral(", "))));
    m_footnote->setText(notes.join(QLatin1Char(' ')));
    rebuildCharts();
    updateBreadcrumb();
}

void DashboardPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
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
                    QString text = set->label() + QStringLiteral("\n") + m_data.sectors.currency + QLatin1Char(' ')
                            + Format::money(major);
                    const QVariantList events = bars->property("events").toList();
                    const double total = bars->property("total").toDouble();
                    if (total > 0)
                        text += tr(" · %1% of the total").arg(major / total * 100, 0, 'f', 1);
                    if (index < events.size())
                        text += tr(" · %1 events").arg(events.at(index).toLongLong());
                    QToolTip::showText(QCursor::pos(), text);
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
    m_breadcrumb->setText(tr("Drill-down: ") + parts.join(QStringLiteral(" › ")));
    m_breadcrumb->setToolTip(tr("Click a slice or bar to narrow every page to it; click a step to go back."));
}
