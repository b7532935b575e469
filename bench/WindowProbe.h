#pragma once

#include "Measurement.h"
#include "ProbeOptions.h"

#include <QList>

/// The real main window, offscreen: opening the database to the first paint of the Disbursements
/// page and of the dashboard's charts, then filter, sort and jump-to-last-row changes timed to
/// the repaint they cause. Needs a QApplication (QT_QPA_PLATFORM=offscreen).
class WindowProbe
{
public:
    static bool run(const ProbeOptions &options, QList<Measurement> *out, QString *error);
};
