#pragma once

#include "AggregationEngine.h"

#include <QString>

#include <functional>

/// The headline figures of one aggregate, split the one way docs/figures.md defines them: money
/// into companies, money into sub-funds, and the two together (a fund's or a phase's whole
/// outflow). Every surface that states a total — the Dashboard's tiles, chart footnotes, the
/// Holdings heading, the navigator, the Funds page, `summary`, table exports and the PDF report —
/// takes its numbers and its words from here, so no two of them can disagree.
///
/// The split does not depend on the grouping: a result by sector (sub-fund flows reported apart)
/// and one by phase (sub-fund flows inside the rows) under the same filter give equal Figures
/// (tst_figures holds every surface to that).
struct Figures
{
    enum class Measure { Invested, Committed, Divested };

    QString currency;
    AggregateRow companies; ///< events into companies (investees of kind company)
    AggregateRow subFunds;  ///< events into sub-funds (investees of kind fund)
    AggregateRow all;       ///< both; its investees count companies and sub-funds

    /// The figures of everything `result` covers, whichever way it grouped the rows.
    static Figures of(const AggregateResult &result);

    static double amount(const AggregateRow &row, Measure measure);
    /// "Invested", "Committed", "Divested": the one word each measure goes by.
    static QString measureName(Measure measure);
    /// A table column's title: "Invested (CNY)".
    static QString columnTitle(Measure measure, const QString &currency);
    /// What each measure counts: "disbursements, equity purchases, loans and grants", ….
    static QString measureMeaning(Measure measure);
    /// "Invested in companies", "Committed into sub-funds", ….
    static QString companiesLabel(Measure measure);
    static QString subFundsLabel(Measure measure);

    /// One line for a tile or a heading: "CNY 289.0 bn in companies · 4.5 bn into sub-funds"; the
    /// companies part alone when nothing of the measure went into sub-funds. `value` formats an
    /// amount in major units ("289.0 bn", "2,890.0 亿", "289,000,000,000.00").
    QString split(Measure measure, const std::function<QString(double)> &value,
                  const QString &separator = QStringLiteral(" · ")) const;

    /// The note a grouping that leaves sub-fund flows out (sector, segment, region, year, top
    /// investees) carries: "12 flows into sub-funds (CNY 4.5 bn invested, 224.0 bn committed) are
    /// left out: the sub-funds' own investments reach the companies."; empty without such flows.
    QString leftOutNote(const std::function<QString(double)> &value) const;
};
