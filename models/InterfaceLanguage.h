#pragma once

#include <QString>

/// The interface language: the system locale's, English or Simplified Chinese. Applying a choice
/// installs (or removes) the Fundscope and Qt catalogues and sets the default QLocale; Qt then
/// sends every widget a LanguageChange event, so a running window re-translates itself. The window's
/// choice is kept in the settings under SettingsKey; the command line follows the system locale.
namespace InterfaceLanguage {

enum class Choice { System, English, Chinese };

inline constexpr const char *SettingsKey = "view/language";

/// Installs the catalogues for the choice and makes the matching locale the default one. Returns
/// false (and falls back to English) when the Chinese catalogue cannot be loaded.
bool apply(Choice choice);
/// Whether the language in effect is Chinese.
bool isChinese();
/// The remembered choice; System when none.
Choice saved();
/// Remembers the choice (for the next start and other windows).
void save(Choice choice);
/// "system", "en" or "zh_CN": the settings value.
QString key(Choice choice);

} // namespace InterfaceLanguage
