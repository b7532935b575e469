#pragma once

#include "DisbursementTableModel.h"

/// The sorts the browse and window probes time, one per sortable column of the Disbursements
/// page (and the amount both ways); `key` names the measurement ("browse.sort.<key>").
struct BenchSort
{
    const char *key;
    int column;
    Qt::SortOrder order;
};

inline constexpr BenchSort benchSorts[] = {
    { "date", DisbursementTableModel::Date, Qt::AscendingOrder },
    { "fund", DisbursementTableModel::Fund, Qt::AscendingOrder },
    { "phase", DisbursementTableModel::Phase, Qt::AscendingOrder },
    { "investee", DisbursementTableModel::Investee, Qt::AscendingOrder },
    { "sector", DisbursementTableModel::Sector, Qt::AscendingOrder },
    { "region", DisbursementTableModel::Region, Qt::AscendingOrder },
    { "type", DisbursementTableModel::Type, Qt::AscendingOrder },
    { "amount", DisbursementTableModel::Amount, Qt::AscendingOrder },
    { "amount_desc", DisbursementTableModel::Amount, Qt::DescendingOrder },
    { "stake", DisbursementTableModel::Stake, Qt::AscendingOrder },
    { "status", DisbursementTableModel::Status, Qt::AscendingOrder },
    { "confidence", DisbursementTableModel::Confidence, Qt::AscendingOrder },
};
