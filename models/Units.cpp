#include "Units.h"

#include <QCoreApplication>
#include <QLocale>

QList<Units> Units::all()
{
    return { Full, Millions, Billions, Yi, Wan };
}

QString Units::key() const
{
    switch (m_scale) {
    case Full: return QStringLiteral("full");
    case Millions: return QStringLiteral("millions");
    case Billions: return QStringLiteral("billions");
    case Yi: return QStringLiteral("yi");
    case Wan: return QStringLiteral("wan");
    }
    return QStringLiteral("billions");
}

std::optional<Units> Units::fromKey(const QString &key)
{
    for (const Units units : all()) {
        if (units.key() == key)
            return units;
    }
    return std::nullopt;
}

QString Units::title() const
{
    switch (m_scale) {
    case Full: return QCoreApplication::translate("Units", "Full amounts");
    case Millions: return QCoreApplication::translate("Units", "Millions");
    case Billions: return QCoreApplication::translate("Units", "Billions");
    case Yi: return QCoreApplication::translate("Units", "亿 (100 million)");
    case Wan: return QCoreApplication::translate("Units", "万 (10 thousand)");
    }
    return {};
}

QString Units::suffix() const
{
    switch (m_scale) {
    case Full: return {};
    case Millions: return QStringLiteral("m");
    case Billions: return QStringLiteral("bn");
    case Yi: return QStringLiteral("亿");
    case Wan: return QStringLiteral("万");
    }
    return {};
}

int Units::power() const
{
    switch (m_scale) {
    case Full: return 0;
    case Millions: return 6;
    case Billions: return 9;
    case Yi: return 8;
    case Wan: return 4;
    }
    return 0;
}

bool Units::isChinese() const
{
    return m_scale == Yi || m_scale == Wan;
}

Units Units::defaultFor(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese ? Yi : Billions;
}
