#pragma once

#include <QList>
#include <QString>
#include <optional>

class Database;

/// CNY per unit of a currency in one year, as the totals use it.
struct ExchangeRate
{
    QString currency;
    int year = 0;
    double cnyPerUnit = 0;
    QString source;

    bool operator==(const ExchangeRate &) const = default;
};

/// Reads and writes exchange rates. Each write is one transaction with its history entries; a
/// rate's history row id is rowKey(currency, year), since the table is keyed by the pair.
class ExchangeRateRepository
{
public:
    explicit ExchangeRateRepository(Database &db)
        : m_db(db)
    {
    }

    /// A number standing for (currency, year) in history.row_id: the three letters in base 26,
    /// times 10,000, plus the year. describeKey() turns it back into "USD 2021".
    static qint64 rowKey(const QString &currency, int year);
    static QString describeKey(qint64 key);

    /// Every rate, by currency then year.
    QList<ExchangeRate> all(QString *error = nullptr) const;
    std::optional<ExchangeRate> find(const QString &currency, int year) const;
    /// Plain-words problems with a rate (unknown currency, year out of range, rate not above 0).
    QString validate(const ExchangeRate &rate) const;
    /// Inserts the rate or changes the stored one (history: one insert, or one update per field).
    bool set(const ExchangeRate &rate, QString *error);
    /// Deletes the rate of a currency and year (false when there is none).
    bool remove(const QString &currency, int year, QString *error);

private:
    Database &m_db;
};
