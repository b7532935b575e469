#include "ChartTheme.h"

#include "Format.h"
#include "InterfaceLanguage.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QPalette>

#include <cstdlib>

ChartTheme ChartTheme::fromSystem()
{
    ChartTheme theme;
    theme.dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    return theme;
}

QColor ChartTheme::sectorColor(qint64 sectorId, const QList<VocabularyItem> &sectors) const
{
    // Okabe–Ito-like hues: distinguishable for colour-blind readers and in greyscale print.
    static const QColor light[] = { QColor(0x1f, 0x5f, 0xa8), QColor(0xe0, 0x7b, 0x00), QColor(0x7b, 0x4f, 0xa6),
                                    QColor(0x2e, 0x8b, 0x57), QColor(0x00, 0x9e, 0xb0), QColor(0xc4, 0x3c, 0x5c),
                                    QColor(0x8c, 0x6d, 0x31), QColor(0x4d, 0x4d, 0x4d) };
    static const QColor darkHues[] = { QColor(0x6f, 0xa8, 0xef), QColor(0xff, 0xa6, 0x3d), QColor(0xb3, 0x8c, 0xe0),
                                       QColor(0x6c, 0xcf, 0x94), QColor(0x4f, 0xd6, 0xe6), QColor(0xf0, 0x7a, 0x94),
                                       QColor(0xd1, 0xb0, 0x6b), QColor(0xb0, 0xb0, 0xb0) };
    for (qsizetype i = 0; i < sectors.size(); ++i) {
        if (sectors.at(i).id == sectorId)
            return dark ? darkHues[i % 8] : light[i % 8];
    }
    return dark ? QColor(0x80, 0x80, 0x80) : QColor(0xa0, 0xa0, 0xa0);
}

QColor ChartTheme::categoryColor(int i) const
{
    // Tableau's 10 plus two, distinguishable side by side; lighter variants on a dark background.
    static const QColor hues[] = { QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                                   QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                                   QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                                   QColor(0xba, 0xb0, 0xac), QColor(0x1f, 0x4e, 0x79), QColor(0x8c, 0xd1, 0x7d) };
    const QColor colour = hues[std::abs(i) % 12];
    return dark ? colour.lighter(120) : colour;
}

QColor ChartTheme::subFundColor() const
{
    return dark ? QColor(0xcf, 0xd8, 0xdc) : QColor(0x37, 0x47, 0x4f);
}

QColor ChartTheme::accent() const
{
    return dark ? QColor(0x6f, 0xa8, 0xef) : QColor(0x1f, 0x5f, 0xa8);
}

QColor ChartTheme::text() const
{
    return dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(0x20, 0x20, 0x20);
}

QColor ChartTheme::mutedText() const
{
    return dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x60, 0x60, 0x60);
}

QColor ChartTheme::background() const
{
    return dark ? QColor(0x26, 0x28, 0x2b) : QColor(Qt::white);
}

QFont ChartTheme::font(qreal pointSize, bool bold)
{
    QFont f;
    // Chinese comes from Droid Sans Fallback: Noto Sans CJK maps Kangxi radicals (U+2F00…) to
    // the same glyphs as the ideographs, and Qt's PDF writer names each glyph by the lowest code
    // point that maps to it, so text from a PDF would extract as look-alike radicals (⾦ for 金),
    // breaking search and copy-paste. Latin text comes from the first family that has it.
    f.setFamilies({ QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans"), QStringLiteral("Droid Sans Fallback"),
                    QStringLiteral("Noto Sans CJK SC") });
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // No ligatures: an "fi" glyph would extract from PDFs as U+FB01, and "filter" would not be found.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

QString ChartTheme::unitLabel(const QString &currency) const
{
    // The 亿 units read the same in either language; "bn" is an English word.
    if (!chineseUnits)
        return QCoreApplication::translate("ChartTheme", "%1 bn", "a currency in billions, as an axis title")
                .arg(currency);
    if (currency == QLatin1String("CNY"))
        return QStringLiteral("亿元");
    if (currency == QLatin1String("USD"))
        return QStringLiteral("亿美元");
    return QStringLiteral("亿 ") + currency;
}

QString ChartTheme::valueText(double major) const
{
    const double scaled = major / unitScale();
    const int decimals = std::abs(scaled) >= 100 ? 0 : std::abs(scaled) >= 10 ? 1 : 2;
    const QString number = QString::number(scaled, 'f', decimals);
    return chineseUnits ? number + QStringLiteral(" 亿")
                        : QCoreApplication::translate("ChartTheme", "%1 bn", "an amount in billions").arg(number);
}

QString ChartTheme::bilingual(const QString &name, const QString &nameZh, const QString &separator)
{
    const QString second = other(name, nameZh);
    return second.isEmpty() ? preferred(name, nameZh) : preferred(name, nameZh) + separator + second;
}

QString ChartTheme::bracketed(const QString &name, const QString &nameZh)
{
    const QString second = other(name, nameZh);
    return second.isEmpty() ? preferred(name, nameZh)
                            : QStringLiteral("%1 (%2)").arg(preferred(name, nameZh), second);
}

QString ChartTheme::preferred(const QString &name, const QString &nameZh)
{
    // A record may have only a Chinese name (or only an English one): never show nothing.
    if (name.isEmpty())
        return nameZh;
    return InterfaceLanguage::isChinese() && !nameZh.isEmpty() ? nameZh : name;
}

QString ChartTheme::other(const QString &name, const QString &nameZh)
{
    if (name.isEmpty() || nameZh.isEmpty() || name == nameZh)
        return {};
    return InterfaceLanguage::isChinese() ? name : nameZh;
}

void ChartTheme::prepare(QChart *chart) const
{
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(background());
    chart->setBackgroundRoundness(0);
    chart->setTitleFont(font(11, true));
    chart->setTitleBrush(text());
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->legend()->setFont(font(9));
    chart->legend()->setLabelColor(text());
}

void ChartTheme::styleAxes(QChart *chart) const
{
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(font(8.5));
        axis->setLabelsColor(text());
        axis->setTitleFont(font(9));
        axis->setTitleBrush(mutedText());
        axis->setGridLineColor(dark ? QColor(0x44, 0x44, 0x44) : QColor(0xe4, 0xe4, 0xe4));
        axis->setLinePenColor(dark ? QColor(0x66, 0x66, 0x66) : QColor(0xb0, 0xb0, 0xb0));
    }
}
