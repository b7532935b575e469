#pragma once

#include "Measurement.h"
#include "ProbeOptions.h"

#include <QList>

/// Exports, through the classes the GUI and `fundscope export-*` use: the sector chart as PNG
/// (3000×2000), SVG and PDF from data already computed (the render and the write are timed);
/// the full PDF report on the embedded sample database and on the dataset (gathering included);
/// every disbursement of the dataset as interchange CSV and as XLSX (streamed from SQL; the
/// peak RSS shows whether memory stays flat). Needs a QApplication.
class ExportProbe
{
public:
    static bool run(const ProbeOptions &options, QList<Measurement> *out, QString *error);
};
