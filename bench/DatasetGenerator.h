#pragma once

#include <QString>
#include <QStringList>

/// Builds a synthetic Fundscope database of any size, the same bytes of row content for the same
/// spec and seed: a few huge funds and a long tail (Zipf-like), funds at every level and of every
/// kind, fund-of-funds links with flows to them, investees in every sector, segment and province
/// (and a few abroad) with Chinese and English names, and disbursements with log-normal amounts in
/// CNY, USD, HKD and EUR (about 8 % undisclosed), dates 2010-2026 at mixed precision, every type,
/// status and confidence. The file is created through Database (so schema and vocabularies come
/// from the real migrations) and filled over the raw SQLite handle in one transaction, with the
/// disbursement indexes rebuilt after the bulk insert and ANALYZE run at the end. Optionally the
/// same rows are written as the five interchange CSV files.
class DatasetGenerator
{
public:
    struct Spec
    {
        qint64 disbursements = 0;
        int investees = 0;
        int phases = 0;
        quint64 seed = 1;
    };

    struct Counts
    {
        int funds = 0;
        int phases = 0;
        int investees = 0;
        qint64 disbursements = 0;
        int exchangeRates = 0;
        int fundOfFundsLinks = 0; ///< funds with a parent fund (each is also an investee of kind 'fund')
    };

    explicit DatasetGenerator(const Spec &spec);
    ~DatasetGenerator();
    DatasetGenerator(const DatasetGenerator &) = delete;
    DatasetGenerator &operator=(const DatasetGenerator &) = delete;

    /// A message saying what is wrong with `spec` (sizes out of range), or an empty string.
    static QString checkSpec(const Spec &spec);
    /// The interchange files written to a CSV folder, in writing order.
    static QStringList csvFileNames();

    /// Creates `dbPath` (which must not exist) and, when `csvDir` is not empty, the five CSV
    /// files in it (the folder is created; none of the files may exist). On failure everything
    /// this call created is removed again and errorString() names the file and what went wrong.
    bool generate(const QString &dbPath, const QString &csvDir = QString());

    Counts counts() const { return m_counts; }
    QString errorString() const { return m_error; }

private:
    Spec m_spec;
    Counts m_counts;
    QString m_error;
};
