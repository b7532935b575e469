#pragma once

class QMenu;

/// View → Language: System, English, 简体中文. A pick applies at once (the open window
/// re-translates, no restart) and is remembered (InterfaceLanguage).
namespace LanguageMenu {

void addTo(QMenu *view);

} // namespace LanguageMenu
