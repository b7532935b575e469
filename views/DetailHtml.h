#pragma once

#include "FundRecord.h"
#include "InvesteeDetails.h"

#include <QCoreApplication>
#include <QString>

/// The detail pane's HTML for an investee and for a fund, built from records already read: no
/// database here, so what the pane says is tested on plain values (tst_detailhtml).
class DetailHtml
{
    Q_DECLARE_TR_FUNCTIONS(DetailHtml)
public:
    using Investee = InvesteeDetails;

    static QString investee(const Investee &details);
    static QString fund(const FundRecord &fund);
};
