#include "Figures.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

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
        return QCoreApplication::translate("Figures", "Invested");
    case Measure::Committed:
        return QCoreApplication::translate("Figures", "Committed");
    case Measure::Divested:
        return QCoreApplication::translate("Figures", "Divested");
    }
    return {};
}

QString Figures::columnTitle(Measure measure, const QString &currency)
{
    return QCoreApplication::translate("Figures", "%1 (%2)", "a column's title: the measure (its unit)")
        .arg(measureName(measure), currency);
}

QString Figures::measureMeaning(Measure measure)
{
    switch (measure) {
    case Measure::Invested:
        return QCoreApplication::translate("Figures", "disbursements, equity purchases, loans and grants");
    case Measure::Committed:
        return QCoreApplication::translate("Figures", "commitments, kept apart from money invested");
    case Measure::Divested:
        return QCoreApplication::translate("Figures", "equity sales");
    }
    return {};
}

QString Figures::companiesLabel(Measure measure)
{
    switch (measure) {
    case Measure::Invested:
        return QCoreApplication::translate("Figures", "Invested in companies");
    case Measure::Committed:
        return QCoreApplication::translate("Figures", "Committed to companies");
    case Measure::Divested:
        return QCoreApplication::translate("Figures", "Divested from companies");
    }
    return {};
}

QString Figures::subFundsLabel(Measure measure)
{
    switch (measure) {
    case Measure::Invested:
        return QCoreApplication::translate("Figures", "Invested into sub-funds");
    case Measure::Committed:
        return QCoreApplication::translate("Figures", "Committed into sub-funds");
    case Measure::Divested:
        return QCoreApplication::translate("Figures", "Divested from sub-funds");
    }
    return {};
}

QString Figures::split(Measure measure, const std::function<QString(double)> &value, const QString &separator) const
{
    const QString inCompanies = QCoreApplication::translate("Figures", "%1 %2 in companies")
                                    .arg(currency, value(amount(companies, measure)));
    const double intoSubFunds = amount(subFunds, measure);
    if (intoSubFunds == 0)
        return inCompanies;
    return inCompanies + separator
        + QCoreApplication::translate("Figures", "%1 into sub-funds").arg(value(intoSubFunds));
}

QString Figures::leftOutNote(const std::function<QString(double)> &value) const
{
    if (subFunds.events == 0)
        return {};
    QStringList amounts;
    if (subFunds.invested != 0)
        amounts.append(QCoreApplication::translate("Figures", "%1 invested").arg(value(subFunds.invested)));
    if (subFunds.committed != 0)
        amounts.append(QCoreApplication::translate("Figures", "%1 committed").arg(value(subFunds.committed)));
    if (subFunds.divested != 0)
        amounts.append(QCoreApplication::translate("Figures", "%1 divested").arg(value(subFunds.divested)));
    if (subFunds.undisclosed > 0)
        amounts.append(QCoreApplication::translate("Figures", "%1 undisclosed").arg(subFunds.undisclosed));
    if (amounts.isEmpty()) {
        if (subFunds.events == 1)
            return QCoreApplication::translate("Figures",
                "1 flow into sub-funds left out: the sub-fund's own investments reach the companies.");
        return QCoreApplication::translate("Figures",
            "%1 flows into sub-funds left out: the sub-funds' own investments reach the companies.")
            .arg(subFunds.events);
    }
    const QString what = amounts.join(QStringLiteral(", "));
    if (subFunds.events == 1)
        return QCoreApplication::translate("Figures",
            "1 flow into sub-funds (%1 %2) left out: the sub-fund's own investments reach the companies.")
            .arg(currency, what);
    return QCoreApplication::translate("Figures",
        "%1 flows into sub-funds (%2 %3) left out: the sub-funds' own investments reach the companies.")
        .arg(QString::number(subFunds.events), currency, what);
}
