#pragma once

#include "FundRecord.h"

#include <QList>
#include <QString>

class Database;

/// Reads funds and their phases. Funds number in the thousands at most, so they are read whole.
class FundRepository
{
public:
    explicit FundRepository(Database &db) : m_db(db) { }

    /// Every fund ordered by name, each with its phases ordered by start date then label.
    QList<FundRecord> all(QString *error = nullptr) const;

private:
    Database &m_db;
};
