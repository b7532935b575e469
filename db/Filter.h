#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// What the user narrowed the data to. A plain value shared by the aggregation engine, the page
/// models and the command line; empty lists mean "no restriction". Ids are database row ids;
/// names given on the command line are resolved to ids by the repositories first.
struct Filter
{
    QString text;               ///< matches English or Chinese investee/fund names and tickers
    QList<qint64> funds;
    QList<qint64> phases;
    QList<qint64> sectors;
    QList<qint64> segments;
    QList<qint64> investees;    ///< a company's (or sub-fund's) own events: detail panes, drill-down
    QList<qint64> regions;      ///< countries, provinces or cities: matched at their own level
    QString from;               ///< partial ISO date, inclusive; empty = open
    QString to;                 ///< partial ISO date, inclusive; empty = open
    QStringList types;          ///< interchange words: "equity purchase", "loan", ...
    QStringList statuses;       ///< cancelled events are left out unless listed here
    QStringList confidences;
    QString currency = QStringLiteral("CNY"); ///< base currency for totals: CNY or USD

    bool operator==(const Filter &) const = default;
    /// True when nothing narrows the data (the base currency does not count).
    bool isEmpty() const
    {
        return text.isEmpty() && funds.isEmpty() && phases.isEmpty() && sectors.isEmpty()
                && segments.isEmpty() && investees.isEmpty() && regions.isEmpty() && from.isEmpty() && to.isEmpty()
                && types.isEmpty() && statuses.isEmpty() && confidences.isEmpty();
    }
};
