#pragma once

#include <QStringList>

/// Starts the GUI: parses --db/--help/--version, checks that there is a display, opens the
/// database (the default one, created from the embedded sample on first start) and shows the
/// main window.
namespace MainWindowLauncher {
int run(const QStringList &arguments);
}
