#pragma once

#include <QString>

/// A company or sub-fund that receives money, names resolved.
struct InvesteeRecord
{
    qint64 id = 0;
    QString name;
    QString nameZh;
    QString kind;          ///< "company" or "fund"
    qint64 fundId = 0;     ///< for kind "fund": the fund record it is (look-through); 0 if none
    QString sector;
    QString sectorZh;
    QString segment;
    QString region;        ///< province, or country outside China
    QString regionZh;
    QString city;
    QString ticker;
    QString founded;
    QString notes;
    QString sourceUrl;
};
