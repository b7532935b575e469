#pragma once

#include "Units.h"

#include <QObject>

/// The user's one Units choice for the window: the tables' amount columns, the History page and
/// the Dashboard read it; View → Units and the Dashboard's combo set it. Kept in QSettings
/// (SettingsKey), so the next start and every other window open with it.
class UnitsChoice : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *SettingsKey = "view/units";

    /// Starts from the stored choice (stored()).
    explicit UnitsChoice(QObject *parent = nullptr);

    Units units() const { return m_units; }
    /// Stores the choice and emits changed() once; nothing when it is the current one.
    void setUnits(Units units);

    /// The interface language changed: without a choice of the user's in the settings, the units
    /// become the new language's default (亿 in Chinese, billions in English); changed() if so.
    void followLanguage();

    /// What settings hold: SettingsKey; else the Dashboard's old two-way switch
    /// ("dashboard/chineseUnits": 亿 or billions); else Units::defaultFor() the system locale.
    static Units stored();

Q_SIGNALS:
    void changed(Units units);

private:
    Units m_units;
};
