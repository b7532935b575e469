#pragma once

#include "Measurement.h"
#include "ProbeOptions.h"

#include <QList>

/// Importing the interchange CSV of the dataset into a new, empty database the way the import
/// wizard does: ImportRunner runs InterchangeLoader (the engine `fundscope import` runs too: every
/// row validated, one transaction, indexes rebuilt) on a worker with its own connection while
/// this thread's event loop runs. Timed from start() to finished(); the longest the event loop
/// went without turning is recorded beside it (the UI's responsiveness). Creating the empty
/// database is not timed. Needs a Q(Core)Application.
class ImportProbe
{
public:
    static bool run(const ProbeOptions &options, QList<Measurement> *out, QString *error);
};
