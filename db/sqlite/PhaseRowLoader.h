#pragma once

#include "InterchangeRowLoader.h"

/// Loads the rows of a phases file: a phase belongs to a fund named in the same load or stored.
class PhaseRowLoader : public InterchangeRowLoader
{
public:
    using InterchangeRowLoader::InterchangeRowLoader;

    bool prepare() override;
    void loadRow() override;

private:
    SqliteStatement m_insertPhase;
    /// Where each phase of this load is, by fund, as InterchangeSession::here() packs it.
    QHash<qint64, QHash<QByteArray, qint64>> m_phaseLines;
};
