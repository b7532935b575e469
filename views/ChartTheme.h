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

    /// Theme, background, title and legend fonts: call before adding series (the Qt theme
    /// resets series colours).
    void prepare(QChart *chart) const;
    /// Axis fonts and colours: call once the axes exist.
    void styleAxes(QChart *chart) const;
};
