#include "Figures.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Figures", text);
}

void addMoney(AggregateRow &to, const AggregateRow &part, int sign)
{
    to.invested += sign * part.invested;
    to.committed += sign * part.committed;
    to.divested += sign * part.divested;
    to.events += sign * part.events;
    // Companies and sub-funds are different investees, so their distinct counts add up.
    to.investees += sign * part.investees;
    to.undisclosed += sign * part.undisclosed;
    to.withoutRate += sign * part.withoutRate;
}

AggregateRow moneyOf(const AggregateRow &row)
{
    AggregateRow out;
    addMoney(out, row, 1);
    return out;
}

} // namespace

Figures Figures::of(const AggregateResult &result)
{
    Figures f;
    f.currency = result.currency;
    f.subFunds = moneyOf(result.subFundFlows);
    if (result.subFundFlowsInRows) {
        f.all = moneyOf(result.totals);
        f.companies = f.all;
        addMoney(f.companies, f.subFunds, -1);
    } else {
        f.companies = moneyOf(result.totals);
        f.all = f.companies;
        addMoney(f.all, f.subFunds, 1);
    }
    return f;
}

double Figures::amount(const AggregateRow &row, Measure measure)
{
    switch (measure) {
    case Measure::Invested:
        return row.invested;
    case Measure::Committed:
        return row.committed;
    case Measure::Divested:
        return row.divested;
    }
    return 0;
}

QString Figures::measureName(Measure measure)
{
    switch (measure) {
    case Measure::Invested:
        return tr("Invested");
    case Measure::Committed:
        return tr("Committed");
    case Measure::Divested:
        return tr("Divested");
    }
    return {};
}

QString Figures::columnTitle(Measure measure, const QString &currency)
{
    return QStringLiteral("%1 (%2)").arg(measureName(measure), currency);
}

QString Figures::measureMeaning(Measure measure)
{
    switch (measure) {
    case Measure::Invested:
        return tr("disbursements, equity purchases, loans and grants");
    case Measure::Committed:
        return tr("commitments, kept apart from money invested");
    case Measure::Divested:
        return tr("equity sales");
    }
    return {};
}

QString Figures::companiesLabel(Measure measure)
{
    switch (measure) {
    case Measure::Invested:
        return tr("Invested in companies");
    case Measure::Committed:
        return tr("Committed to companies");
    case Measure::Divested:
        return tr("Divested from companies");
    }
    return {};
}

QString Figures::subFundsLabel(Measure measure)
{
    switch (measure) {
    case Measure::Invested:
        return tr("Invested into sub-funds");
    case Measure::Committed:
        return tr("Committed into sub-funds");
    case Measure::Divested:
        return tr("Divested from sub-funds");
    }
    return {};
}

QString Figures::split(Measure measure, const std::function<QString(double)> &value, const QString &separator) const
{
    const QString inCompanies = tr("%1 %2 in companies").arg(currency, value(amount(companies, measure)));
    const double intoSubFunds = amount(subFunds, measure);
    if (intoSubFunds == 0)
        return inCompanies;
    return inCompanies + separator + tr("%1 into sub-funds").arg(value(intoSubFunds));
}

QString Figures::leftOutNote(const std::function<QString(double)> &value) const
{
    if (subFunds.events == 0)
        return {};
    QStringList amounts;
    for (Measure measure : { Measure::Invested, Measure::Committed, Measure::Divested }) {
        const double v = amount(subFunds, measure);
        if (v != 0)
            amounts.append(tr("%1 %2").arg(value(v), measureName(measure).toLower()));
    }
    if (subFunds.undisclosed > 0)
        amounts.append(tr("%1 undisclosed").arg(subFunds.undisclosed));
    const QString what = amounts.isEmpty() ? QString() : QStringLiteral(" (%1 %2)").arg(currency, amounts.join(QStringLiteral(", ")));
    if (subFunds.events == 1)
        return tr("1 flow into sub-funds%1 left out: the sub-fund's own investments reach the companies.").arg(what);
    return tr("%1 flows into sub-funds%2 left out: the sub-funds' own investments reach the companies.")
            .arg(subFunds.events)
            .arg(what);
}
