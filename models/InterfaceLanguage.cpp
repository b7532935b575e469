#include "InterfaceLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace InterfaceLanguage {

namespace {

// One set of catalogues for the process: installing a second would translate twice.
std::unique_ptr<QTranslator> &applicationCatalogue()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator> &qtCatalogue()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

bool chineseInEffect = false;

void remove(std::unique_ptr<QTranslator> &translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator.get());
        translator.reset();
    }
}

bool wantsChinese(Choice choice)
{
    if (choice == Choice::System) {
        // uiLanguages() puts LANGUAGE (zh_CN:en) before LC_ALL/LC_MESSAGES/LANG.
        const QStringList preferred = QLocale::system().uiLanguages();
        return !preferred.isEmpty() && preferred.constFirst().startsWith(QLatin1String("zh"));
    }
    return choice == Choice::Chinese;
}

} // namespace

bool apply(Choice choice)
{
    remove(applicationCatalogue());
    remove(qtCatalogue());
    chineseInEffect = false;
    // An English interface keeps the system's number and date formats, unless they are Chinese.
    const QLocale system = QLocale::system();
    QLocale::setDefault(system.language() == QLocale::Chinese ? QLocale(QLocale::English, QLocale::UnitedStates) : system);
    if (!wantsChinese(choice)) {
        // English reads its sources, except for plurals: "%n row(s)" becomes "1 row", "2 rows".
        // The catalogue is built into the window and the command line (fundscope_views).
        auto plurals = std::make_unique<QTranslator>();
        if (plurals->load(QStringLiteral(":/i18n/fundscope_en.qm"))) {
            QCoreApplication::installTranslator(plurals.get());
            applicationCatalogue() = std::move(plurals);
        }
        return true;
    }

    auto ours = std::make_unique<QTranslator>();
    if (!ours->load(QStringLiteral(":/i18n/fundscope_zh_CN.qm")))
        return false;
    const QLocale chinese(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    QLocale::setDefault(chinese);
    chineseInEffect = true;
    // Qt's own strings (standard buttons, file dialogs); a missing qt6-translations-l10n leaves
    // them English and is no reason to refuse Chinese.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(chinese, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtCatalogue() = std::move(qt);
    }
    QCoreApplication::installTranslator(ours.get());
    applicationCatalogue() = std::move(ours);
    return true;
}

bool isChinese()
{
    return chineseInEffect;
}

Choice saved()
{
    const QString value = QSettings().value(QLatin1String(SettingsKey)).toString();
    if (value == key(Choice::English))
        return Choice::English;
    if (value == key(Choice::Chinese))
        return Choice::Chinese;
    return Choice::System;
}

void save(Choice choice)
{
    QSettings().setValue(QLatin1String(SettingsKey), key(choice));
}

QString key(Choice choice)
{
    switch (choice) {
    case Choice::English: return QStringLiteral("en");
    case Choice::Chinese: return QStringLiteral("zh_CN");
    case Choice::System: break;
    }
    return QStringLiteral("system");
}

} // namespace InterfaceLanguage
