#pragma once

#include "ChartBuilder.h"
#include "ChartRenderer.h"
#include "ExportDialog.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

/// File → Export chart…: which chart, the format, size, DPI, background, palette (as the window
/// shows it, or light for print) and an optional title, and where to write it (the documents
/// folder at first). Accepting checks that the file can be written; a save that fails later is
/// reported with setProblem() and the same dialog shown again, every choice as it was. Every
/// choice and the folder are remembered in QSettings once a save succeeds (remember()).
class ExportChartDialog : public ExportDialog
{
    Q_OBJECT
public:
    /// A chart kind as the dialog offers it: the dashboard's kinds plus the segment level.
    struct Choice
    {
        ChartBuilder::Kind kind = ChartBuilder::Kind::Sector;
        bool segments = false; ///< the sector chart split into segments across every sector
    };
    /// The chart's colours: the window's (dark in the dark theme), or the light palette, which
    /// prints well.
    enum class ChartPalette { AsShown, LightForPrint };

    explicit ExportChartDialog(QWidget *parent = nullptr);

    Choice choice() const;
    ChartRenderer::Format format() const;
    ChartRenderer::Options options() const;
    ChartPalette chartPalette() const;

    /// The remembered size, DPI and background, for Edit → Copy chart.
    static ChartRenderer::Options rememberedOptions();
    /// The remembered palette (light for print until another is chosen), for Edit → Copy chart.
    static ChartPalette rememberedChartPalette();

    /// Stores every choice and the folder for the next export.
    void remember() const;

private:
    void updateSuffix();
    void updateBackgroundText();

    QComboBox *m_chart = nullptr;
    QComboBox *m_format = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QSpinBox *m_dpi = nullptr;
    QComboBox *m_background = nullptr;
    QComboBox *m_palette = nullptr;
    QLineEdit *m_title = nullptr;
};
