#pragma once

#include <QList>
#include <QString>
#include <optional>

class Database;

/// Resolves names as users type them (English or Chinese, case-insensitive, surrounding spaces
/// ignored) to row ids, for the command line and pickers.
class Lookup
{
public:
    explicit Lookup(Database &db) : m_db(db) { }

    std::optional<qint64> fundId(const QString &name) const;
    /// Phases with this label, within the given funds (all funds when empty).
    QList<qint64> phaseIds(const QString &label, const QList<qint64> &funds) const;
    std::optional<qint64> sectorId(const QString &name) const;
    std::optional<qint64> segmentId(const QString &name) const;
    /// A country, province or city; a province wins over a city of the same name.
    std::optional<qint64> regionId(const QString &name) const;
    std::optional<qint64> investeeId(const QString &name) const;

private:
    std::optional<qint64> single(const QString &sql, const QString &name) const;
    Database &m_db;
};
