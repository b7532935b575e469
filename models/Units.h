#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

class QLocale;

/// How money reads in tables: in full ("1,166,000,000.00") or in one unit for a whole column
/// ("1.17" under "Invested (CNY bn)"). A plain value: UnitsChoice holds the user's, Format turns
/// amounts into text in it (Format::scaledMoney, scaledMinor, unitLabel). Charts keep their own
/// scale (billions, or 亿 when the choice is a Chinese unit: isChinese()).
class Units
{
public:
    enum Scale { Full, Millions, Billions, Yi, Wan };

    constexpr Units(Scale scale = Billions) : m_scale(scale) { }
    constexpr Scale scale() const { return m_scale; }

    /// Every choice, in the order menus list them.
    static QList<Units> all();
    /// The word kept in settings: "full", "millions", "billions", "yi", "wan".
    QString key() const;
    static std::optional<Units> fromKey(const QString &key);
    /// What a menu calls it: "Full amounts", "Millions", "Billions", "亿 (100 million)", "万 (10 thousand)".
    QString title() const;
    /// The unit as a column title writes it after the currency: "" (full), "m", "bn", "亿", "万".
    QString suffix() const;
    /// The unit is 10^power(): 0, 6, 9, 8 or 4.
    int power() const;
    /// 亿 and 万, the units Chinese readers count in (the charts then count in 亿).
    bool isChinese() const;
    /// Billions, or 亿 where the interface language is Chinese.
    static Units defaultFor(const QLocale &locale);

    constexpr bool operator==(const Units &) const = default;

private:
    Scale m_scale;
};

Q_DECLARE_METATYPE(Units)
