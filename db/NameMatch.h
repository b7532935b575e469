#pragma once

#include <QString>

/// One answer of a name search for pickers: the row and how to show it.
struct NameMatch
{
    qint64 id = 0;
    QString name;
    QString nameZh;
    QString detail; ///< a short hint to tell similar names apart ("Semiconductors · Shanghai")
};
