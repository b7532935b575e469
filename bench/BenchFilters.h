#pragma once

#include "Filter.h"

#include <QString>

class Database;

/// The filters the benchmarks apply, chosen once per dataset from its own figures so that they
/// mean the same at 100k, 1M and 5M rows: the fund with the most events (a broad result), a
/// fund with about 1 % of the events (a narrow one), the sector with the most events, each with
/// a three-year date range where the issue asks for one, and a text search.
class BenchFilters
{
public:
    qint64 largeFund = 0;
    QString largeFundName;
    qint64 largeFundEvents = 0;
    qint64 smallFund = 0;
    QString smallFundName;
    qint64 smallFundEvents = 0;
    qint64 sector = 0;
    QString sectorName;
    QString text = QStringLiteral("Memory");
    QString from = QStringLiteral("2019");
    QString to = QStringLiteral("2021");

    /// Ranks funds and sectors by events (through an aggregation cache loaded for the purpose).
    static bool choose(Database &db, BenchFilters *filters, QString *error);

    Filter largeFundAndDates() const;
    Filter smallFundAndDates() const;
    Filter oneSector() const;
    Filter textSearch() const;

    bool save(const QString &path, QString *error) const;
    static bool load(const QString &path, BenchFilters *filters, QString *error);
    /// One Markdown paragraph naming each filter.
    QString describe() const;

private:
    Filter fundAndDates(qint64 fund) const;
};
