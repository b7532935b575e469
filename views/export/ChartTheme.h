#pragma once

#include "VocabularyRepository.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>

class QChart;

/// The one place charts get their look (STYLE 16): light or dark palette, fonts with CJK
/// coverage, one colour per sector kept the same in every chart, and value units (billions or
/// 亿). Used by the dashboard and by every export alike.
class ChartTheme
{
public:
    bool dark = false;
    bool chineseUnits = false; ///< 亿 (1e8) instead of billions (1e9)

    /// Dark when the application palette's window colour is dark.
    static ChartTheme fromSystem();

    QColor sectorColor(qint64 sectorId, const QList<VocabularyItem> &sectors) const;
    /// The i-th of twelve distinct colours (segments of a sector), repeating after twelve.
    QColor categoryColor(int i) const;
    /// The colour of money into sub-funds, apart from every sector's and from "no sector".
    QColor subFundColor() const;
    QColor accent() const;
    QColor text() const;
    QColor mutedText() const;
    QColor background() const;
    /// A font family list that renders Latin and Chinese text, and whose Chinese extracts as the
    /// right characters from PDFs (see the definition).
    static QFont font(qreal pointSize, bool bold = false);

    /// Values in charts are divided by this (1e9 or 1e8).
    double unitScale() const { return chineseUnits ? 1e8 : 1e9; }
    /// "CNY bn" or "亿元" / "亿美元".
    QString unitLabel(const QString &currency) const;
    /// "12.3 bn" / "123.4 亿" for labels and tooltips.
    QString valueText(double major) const;

    /// Names in the order the interface language reads them: "Semiconductors 半导体" in English,
    /// "半导体 Semiconductors" in Chinese (InterfaceLanguage::isChinese()); one name when the
    /// other is empty or the same. Charts, the detail pane and the report share this order.
    static QString bilingual(const QString &name, const QString &nameZh,
                             const QString &separator = QStringLiteral(" "));
    /// The same with the other name in brackets: "Hubei (湖北)" / "湖北 (Hubei)".
    static QString bracketed(const QString &name, const QString &nameZh);
    /// The one name that fits where only one does: the Chinese name in Chinese when there is one.
    static QString preferred(const QString &name, const QString &nameZh);
    /// The name preferred() leaves out (empty when there is only one).
    static QString other(const QString &name, const QString &nameZh);

    /// Theme, background, title and legend fonts: call before adding series (the Qt theme
    /// resets series colours).
    void prepare(QChart *chart) const;
    /// Axis fonts and colours: call once the axes exist.
    void styleAxes(QChart *chart) const;
};
