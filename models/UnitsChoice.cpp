#include "UnitsChoice.h"

#include <QLocale>
#include <QSettings>

UnitsChoice::UnitsChoice(QObject *parent) : QObject(parent), m_units(stored()) { }

void UnitsChoice::setUnits(Units units)
{
    if (units == m_units)
        return;
    m_units = units;
    QSettings().setValue(QLatin1String(SettingsKey), units.key());
    Q_EMIT changed(units);
}

void UnitsChoice::followLanguage()
{
    const Units units = stored();
    if (units == m_units)
        return;
    m_units = units;
    Q_EMIT changed(units);
}

Units UnitsChoice::stored()
{
    const QSettings settings;
    if (const auto units = Units::fromKey(settings.value(QLatin1String(SettingsKey)).toString()))
        return *units;
    // Before the one choice, the Dashboard had its own switch; a user who picked 亿 keeps it.
    const QString before = QStringLiteral("dashboard/chineseUnits");
    if (settings.contains(before))
        return settings.value(before).toBool() ? Units::Yi : Units::Billions;
    return Units::defaultFor(QLocale());
}
