#pragma once

#include <QList>
#include <QString>
#include <optional>

/// A fund's capital-raising round as stored.
struct PhaseRecord
{
    qint64 id = 0;
    qint64 fundId = 0;
    QString label;
    QString startDate;
    std::optional<qint64> capitalMinor; ///< nullopt = not known
    QString currency;
    int minorDigits = 2;
    QString capitalBasis;
    QString sourceUrl;
};

/// A state fund or funding body with its phases, names resolved.
struct FundRecord
{
    qint64 id = 0;
    QString name;
    QString nameZh;
    QString kind;
    QString level;
    QString region;     ///< province, or country
    QString regionZh;
    QString city;
    std::optional<qint64> parentId;
    QString parentName;
    QString manager;
    QString notes;
    QString sourceUrl;
    QList<PhaseRecord> phases;
};
