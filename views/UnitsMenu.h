#pragma once

#include "Units.h"

class QComboBox;
class QMenu;
class UnitsChoice;

/// The widgets that set the one Units choice: View → Units (radio actions) and any combo listing
/// Units::all() in order (the Dashboard's shortcut). Each follows the choice however it changes.
namespace UnitsMenu {

/// Adds a "Units" submenu to `view`, one checkable action per choice.
QMenu *addTo(QMenu *view, UnitsChoice &choice);
/// Keeps `combo` (items in Units::all() order) and `choice` in step, both ways.
void bindCombo(QComboBox *combo, UnitsChoice &choice);

} // namespace UnitsMenu
