#pragma once

#include "InterchangeRowLoader.h"

/// Loads the rows of an investees file: sectors must exist, segments are created on first use,
/// and an investee of kind 'fund' is linked to the fund of its name.
class InvesteeRowLoader : public InterchangeRowLoader
{
public:
    using InterchangeRowLoader::InterchangeRowLoader;

    bool prepare() override;
    void loadRow() override;

private:
    /// The sector column as an id; 0 (reported) when unknown or, with a segment, empty.
    qint64 readSector();

    SqliteStatement m_insertInvestee;
    QHash<QByteArray, qint64> m_investeeLines; ///< where each investee of this load is, as here() packs it
};
