#pragma once

#include "InterchangeRowLoader.h"

/// Loads the rows of an exchange_rates file: one rate per currency and year.
class ExchangeRateRowLoader : public InterchangeRowLoader
{
public:
    using InterchangeRowLoader::InterchangeRowLoader;

    bool prepare() override;
    void loadRow() override;

private:
    SqliteStatement m_insertRate;
    /// "USD:2014" -> where its rate is, as here() packs it; 0 = stored before this load.
    QHash<QByteArray, qint64> m_rateLines;
};
