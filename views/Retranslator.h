#pragma once

#include <functional>

class QWidget;

/// For texts that a widget class does not own (actions added to a menu by ImportActions, a menu's
/// title): `retranslate` sets them now and again whenever `watched` receives a LanguageChange
/// event, that is after every change of the interface language. Widget classes re-translate in
/// their own changeEvent() instead; see docs/translation.md.
namespace Retranslator {

void follow(QWidget *watched, std::function<void()> retranslate);

} // namespace Retranslator
