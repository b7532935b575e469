#pragma once

#include "AggregationEngine.h"
#include "DisbursementRecord.h"
#include "InvesteeRecord.h"
#include "InvesteeRepository.h"

#include <QList>

#include <optional>

/// What the detail pane shows of one investee, read by the Workspace and rendered by DetailHtml.
struct InvesteeDetails
{
    InvesteeRecord investee;
    QList<InvesteeRepository::Payer> payers;
    /// For a sub-fund, its own holdings under the filter (the first 25 shown); an empty result
    /// says none are recorded. Unset for a company.
    std::optional<AggregateResult> lookThrough;
    /// Its events, cancelled ones too, in the order shown; their sources follow the investee's
    /// own, each once.
    QList<DisbursementRecord> timeline;
};
