#pragma once

#include <QString>

/// A named vocabulary entry: a sector, segment, country, province or city.
struct VocabularyItem
{
    qint64 id = 0;
    qint64 parentId = 0; ///< the segment's sector, the province's country, the city's province; 0 if none
    QString name;
    QString nameZh;
};
