#pragma once

#include "ChartBuilder.h"
#include "ChartRenderer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

/// File → Export chart…: which chart, the format, size, DPI, background and an optional title,
/// and where to write it. Every choice and the last folder are remembered in QSettings.
class ExportChartDialog : public QDialog
{
    Q_OBJECT
public:
    /// A chart kind as the dialog offers it: the dashboard's kinds plus the segment level.
    struct Choice
    {
        ChartBuilder::Kind kind = ChartBuilder::Kind::Sector;
        bool segments = false; ///< the sector chart split into segments across every sector
    };

    explicit ExportChartDialog(QWidget *parent = nullptr);

    Choice choice() const;
    ChartRenderer::Format format() const;
    ChartRenderer::Options options() const;
    QString path() const;

    /// The remembered size, DPI and background, for Edit → Copy chart.
    static ChartRenderer::Options rememberedOptions();

    void accept() override;

private:
    void updateSuffix();

    QComboBox *m_chart = nullptr;
    QComboBox *m_format = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QSpinBox *m_dpi = nullptr;
    QComboBox *m_background = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_path = nullptr;
};
