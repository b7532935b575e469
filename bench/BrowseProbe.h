#pragma once

#include "Measurement.h"
#include "ProbeOptions.h"

#include <QList>

/// The Disbursements page's model without a view: a reset and the first 50 rows, a sort by
/// each column, filter changes, and the last 50 rows — what the page asks of the model before
/// it can paint.
class BrowseProbe
{
public:
    static bool run(const ProbeOptions &options, QList<Measurement> *out, QString *error);
};
