#pragma once

#include "InterchangeRowLoader.h"

/// Loads the rows of a disbursements file: each names its fund, phase and investee, and a row
/// with the same fund, phase, investee, date, type, amount and currency as one stored (before or
/// in this load) is a duplicate.
class DisbursementRowLoader : public InterchangeRowLoader
{
public:
    using InterchangeRowLoader::InterchangeRowLoader;

    /// Whether prepare() reads the stored disbursements (only needed when some are loaded).
    void setReadStored(bool read) { m_readStored = read; }
    bool prepare() override;
    void loadRow() override;

    /// Disbursements known: stored before the load and loaded so far.
    qint64 known() const { return qint64(m_events.size()); }
    /// Room for `rows` more, so that a big load does not rehash as it goes.
    void reserve(qint64 rows) { m_events.reserve(m_events.size() + rows); }

private:
    struct EventKey
    {
        qint64 phase;
        qint64 investee;
        qint64 amount; ///< -1 when undisclosed
        int date;      ///< packed, 0 when unknown
        int type;
        int currency;  ///< index, -1 when undisclosed

        bool operator==(const EventKey &) const = default;
        friend size_t qHash(const EventKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.phase, k.investee, k.amount, k.date, k.type, k.currency);
        }
    };

    /// The phase column of the fund's phases; 0 (reported, or noted as unknown) when none.
    qint64 readPhase(qint64 fundId, bool fundRejected);
    /// The investee column; 0 (reported) when unknown.
    qint64 readInvestee();
    /// The stake column, -1 when empty; a problem is reported on the row.
    double readStake();
    /// False (reported, or skipped) when the row repeats one known; otherwise the key is claimed.
    bool claim(const EventKey &key, bool *first);
    /// Stores the row; false when refused (reported).
    bool store(const EventKey &key, const QByteArray &currency, double stake, int status, int confidence);

    bool m_readStored = false;
    SqliteStatement m_insertEvent;
    QHash<EventKey, qint64> m_events; ///< where each is, as here() packs it; stored before this load: -1
};
