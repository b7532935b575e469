#pragma once

#include "InterchangeRowLoader.h"

#include <vector>

/// Loads the rows of a funds file. A fund's parent_fund is linked in a second pass,
/// resolveParents(), once every fund of the load is stored: it may name a fund further down the
/// file. Cycles of parents are refused.
class FundRowLoader : public InterchangeRowLoader
{
public:
    using InterchangeRowLoader::InterchangeRowLoader;

    bool prepare() override;
    void loadRow() override;
    /// Links every fund loaded to its parent fund (the funds are all in by now).
    void resolveParents();

private:
    struct PendingParent
    {
        qint64 fund;
        QByteArray parent;
        QString file;
        qint64 line;
    };
    /// A parent that cannot be linked: an error, or with skipInvalid a fund kept without its
    /// parent (`unlink`: the link already stored is taken back).
    void parentProblem(const PendingParent &p, const QString &reason, bool unlink);
    /// Runs the parent update for `fund`; false with the SQLite code in *rc when refused.
    bool setParent(qint64 fund, qint64 parent, int *rc);

    SqliteStatement m_insertFund, m_setParent;
    QHash<QByteArray, qint64> m_fundLines; ///< where each fund of this load is, as here() packs it
    std::vector<PendingParent> m_pendingParents;
};
