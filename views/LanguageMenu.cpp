#include "LanguageMenu.h"

#include "InterfaceLanguage.h"
#include "Retranslator.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>

namespace LanguageMenu {

void addTo(QMenu *view)
{
    using InterfaceLanguage::Choice;
    QMenu *menu = view->addMenu(QString());
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const Choice current = InterfaceLanguage::saved();
    QAction *system = nullptr;
    for (const Choice choice : { Choice::System, Choice::English, Choice::Chinese }) {
        // Each language is named in itself, so a user who cannot read the current one finds theirs.
        QAction *action = menu->addAction(choice == Choice::English ? QStringLiteral("English")
                                                  : choice == Choice::Chinese ? QStringLiteral("简体中文")
                                                                              : QString());
        action->setObjectName(QStringLiteral("language-") + InterfaceLanguage::key(choice));
        action->setCheckable(true);
        action->setChecked(choice == current);
        group->addAction(action);
        if (choice == Choice::System)
            system = action;
        QObject::connect(action, &QAction::triggered, menu, [menu, choice] {
            InterfaceLanguage::save(choice);
            if (!InterfaceLanguage::apply(choice))
                QMessageBox::warning(menu->window(), QStringLiteral("Fundscope"),
                                     QApplication::translate("LanguageMenu",
                                                             "The Chinese catalogue could not be loaded; "
                                                             "the interface stays in English."));
        });
    }
    Retranslator::follow(menu, [menu, system] {
        menu->setTitle(QApplication::translate("LanguageMenu", "&Language"));
        system->setText(QApplication::translate("LanguageMenu", "Follow the &system"));
    });
}

} // namespace LanguageMenu
