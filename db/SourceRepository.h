#pragma once

#include "Filter.h"

#include <QString>
#include <QStringList>

class Database;

/// The sources behind the numbers: the addresses in the source_url of the disbursements that
/// match a filter. A source_url holds one or more addresses separated by " | "; each address
/// counts once however many events cite it.
class SourceRepository
{
public:
    explicit SourceRepository(Database &db) : m_db(db) { }

    /// Every distinct address, sorted; empty with *error set on failure.
    QStringList sources(const Filter &filter, QString *error = nullptr) const;
    /// How many distinct addresses sources() would list; -1 with *error set on failure.
    qint64 sourceCount(const Filter &filter, QString *error = nullptr) const;

private:
    template<typename Visit> bool visitAddresses(const Filter &filter, Visit visit, QString *error) const;

    Database &m_db;
};
