#pragma once

#include "AggregationEngine.h"
#include "DisbursementRecord.h"
#include "FundRecord.h"
#include "InvesteeRecord.h"
#include "InvesteeRepository.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

/// The detail pane's HTML for an investee and for a fund, built from records already read: no
/// database here, so what the pane says is tested on plain values (tst_detailhtml).
class DetailHtml
{
    Q_DECLARE_TR_FUNCTIONS(DetailHtml)
public:
    /// What the pane shows of one investee.
    struct Investee
    {
        InvesteeRecord investee;
        QList<InvesteeRepository::Payer> payers;
        /// For a sub-fund, its own holdings under the filter (the first 25 shown); an empty
        /// result says none are recorded. Unset for a company.
        std::optional<AggregateResult> lookThrough;
        /// Its events, cancelled ones too, in the order shown; their sources follow the
        /// investee's own, each once.
        QList<DisbursementRecord> timeline;
    };

    static QString investee(const Investee &details);
    static QString fund(const FundRecord &fund);
};
