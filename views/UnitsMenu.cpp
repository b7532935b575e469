#include "UnitsMenu.h"

#include "Retranslator.h"
#include "UnitsChoice.h"

#include <QActionGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QMenu>

namespace UnitsMenu {

QMenu *addTo(QMenu *view, UnitsChoice &choice)
{
    QMenu *menu = view->addMenu(QString());
    menu->setObjectName(QStringLiteral("unitsMenu"));
    auto *group = new QActionGroup(menu);
    QList<QAction *> actions;
    for (const Units units : Units::all()) {
        QAction *action = menu->addAction(QString());
        actions.append(action);
        action->setObjectName(QStringLiteral("units_") + units.key());
        action->setCheckable(true);
        action->setChecked(units == choice.units());
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, &choice, [&choice, units] { choice.setUnits(units); });
        QObject::connect(&choice, &UnitsChoice::changed, action,
                         [action, units](Units now) { action->setChecked(now == units); });
    }
    Retranslator::follow(menu, [menu, actions] {
        menu->setTitle(QCoreApplication::translate("UnitsMenu", "&Units"));
        for (qsizetype i = 0; i < actions.size(); ++i)
            actions.at(i)->setText(Units::all().value(i).title());
    });
    return menu;
}

void bindCombo(QComboBox *combo, UnitsChoice &choice)
{
    if (!combo)
        return;
    combo->setCurrentIndex(int(Units::all().indexOf(choice.units())));
    QObject::connect(combo, &QComboBox::currentIndexChanged, &choice, [&choice](int index) {
        if (index >= 0 && index < Units::all().size())
            choice.setUnits(Units::all().at(index));
    });
    QObject::connect(&choice, &UnitsChoice::changed, combo,
                     [combo](Units units) { combo->setCurrentIndex(int(Units::all().indexOf(units))); });
}

} // namespace UnitsMenu
