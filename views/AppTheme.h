#pragma once

#include <QString>

class QMenu;

/// The application palette: the system's, or Fusion in light or dark (charts follow it through
/// ChartTheme::fromSystem()). The choice is kept in the settings under window/theme.
namespace AppTheme {

/// "system", "light" or "dark".
void apply(const QString &mode);
/// The remembered choice; "system" when none.
QString saved();
/// Adds View → Theme with the three choices, remembered and applied when picked.
void addMenu(QMenu *view);

} // namespace AppTheme
