#pragma once

#include "Filter.h"
#include "FundRecord.h"

#include <QHash>
#include <QString>
#include <QStringList>

class Database;

/// Names for the ids a Filter holds, read once per database (and after edits to funds or
/// vocabularies), so that the filter bar, the status bar and export subtitles can say in words
/// what the data is narrowed to.
class NameCatalog
{
public:
    void load(Database &db);
    /// The same, with the funds the caller has just read (FundRepository::all()).
    void load(Database &db, const QList<FundRecord> &funds);

    QString fundName(qint64 id) const { return m_funds.value(id); }
    QString phaseName(qint64 id) const { return m_phases.value(id); }
    QString sectorName(qint64 id) const { return m_sectors.value(id); }
    QString segmentName(qint64 id) const { return m_segments.value(id); }
    QString regionName(qint64 id) const { return m_regions.value(id); }
    /// Investees are many, so they are looked up when asked for.
    QString investeeName(qint64 id) const;

    /// One short phrase per active restriction: "Fund: …", "Sector: …", "2019 – 2024", ….
    QStringList chips(const Filter &filter) const;
    /// The chips joined with " · ", "All data" when none, and the base currency at the end.
    QString describe(const Filter &filter) const;

private:
    Database *m_db = nullptr;
    QHash<qint64, QString> m_funds;
    QHash<qint64, QString> m_phases;
    QHash<qint64, QString> m_sectors;
    QHash<qint64, QString> m_segments;
    QHash<qint64, QString> m_regions;
};
