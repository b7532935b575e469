#include "ExportChartDialog.h"

#include "ExportFile.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>

using Kind = ChartBuilder::Kind;

namespace {

struct ChartEntry
{
    const char *label;
    Kind kind;
    bool segments;
    const char *file;
};

const ChartEntry charts[] = {
    { QT_TRANSLATE_NOOP("ExportChartDialog", "By sector"), Kind::Sector, false, "by-sector" },
    { QT_TRANSLATE_NOOP("ExportChartDialog", "By segment (every sector)"), Kind::Sector, true, "by-segment" },
    { QT_TRANSLATE_NOOP("ExportChartDialog", "By region"), Kind::Region, false, "by-region" },
    { QT_TRANSLATE_NOOP("ExportChartDialog", "By funding phase"), Kind::Phase, false, "by-phase" },
    { QT_TRANSLATE_NOOP("ExportChartDialog", "Over time"), Kind::Year, false, "by-year" },
    { QT_TRANSLATE_NOOP("ExportChartDialog", "Top investees"), Kind::TopInvestees, false, "top-investees" },
};

QString key(const char *name)
{
    return QStringLiteral("export/chart/") + QLatin1String(name);
}

} // namespace

ExportChartDialog::ExportChartDialog(QWidget *parent)
    : ExportDialog(QStringLiteral("exportChartDialog"), tr("Export chart"),
        tr("Choose a file name to save the chart as."), parent)
{
    const QSettings settings;

    m_chart = new QComboBox(this);
    m_chart->setObjectName(QStringLiteral("chart"));
    for (const ChartEntry &entry : charts)
        m_chart->addItem(tr(entry.label));
    m_chart->setCurrentIndex(std::clamp(settings.value(key("chart"), 0).toInt(), 0, int(std::size(charts)) - 1));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("SVG (vector, text as text)"), QStringLiteral("svg"));
    m_format->addItem(tr("PDF (vector, searchable text)"), QStringLiteral("pdf"));
    m_format->setCurrentIndex(std::max(0, m_format->findData(settings.value(key("format"), QStringLiteral("png")))));

    const ChartRenderer::Options remembered = rememberedOptions();
    m_width = new QSpinBox(this);
    m_width->setObjectName(QStringLiteral("width"));
    m_width->setRange(200, 20000);
    m_width->setSuffix(tr(" px"));
    m_width->setValue(remembered.size.width());
    m_height = new QSpinBox(this);
    m_height->setObjectName(QStringLiteral("height"));
    m_height->setRange(150, 20000);
    m_height->setSuffix(tr(" px"));
    m_height->setValue(remembered.size.height());
    m_dpi = new QSpinBox(this);
    m_dpi->setObjectName(QStringLiteral("dpi"));
    m_dpi->setRange(36, 1200);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setValue(remembered.dpi);
    auto *inches = new QLabel(this);
    const auto updateInches = [this, inches] {
        inches->setText(tr("%1 × %2 in").arg(double(m_width->value()) / m_dpi->value(), 0, 'f', 1)
                                .arg(double(m_height->value()) / m_dpi->value(), 0, 'f', 1));
    };
    for (QSpinBox *box : { m_width, m_height, m_dpi })
        connect(box, &QSpinBox::valueChanged, this, updateInches);
    updateInches();
    auto *size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("×"), this));
    size->addWidget(m_height);
    size->addWidget(m_dpi);
    size->addWidget(inches, 1);

    m_background = new QComboBox(this);
    m_background->setObjectName(QStringLiteral("background"));
    m_background->addItem(tr("White"));
    m_background->addItem(tr("Transparent (PNG, SVG)"));
    m_background->setCurrentIndex(remembered.background == ChartRenderer::Background::Transparent ? 1 : 0);

    m_palette = new QComboBox(this);
    m_palette->setObjectName(QStringLiteral("palette"));
    m_palette->addItem(ChartTheme::fromSystem().dark ? tr("As shown (dark)") : tr("As shown (light)"),
                       int(ChartPalette::AsShown));
    m_palette->addItem(tr("Light, for print"), int(ChartPalette::LightForPrint));
    m_palette->setCurrentIndex(m_palette->findData(int(rememberedChartPalette())));
    m_palette->setToolTip(tr("The colours of the window's theme, or the light palette, which prints well"));

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("The chart's own title"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Chart:"), m_chart);
    form->addRow(tr("&Format:"), m_format);
    auto *sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_width);
    form->addRow(sizeLabel, size);
    form->addRow(tr("&Background:"), m_background);
    form->addRow(tr("&Palette:"), m_palette);
    form->addRow(tr("&Title:"), m_title);
    const QString folder = ExportFile::startFolder(settings.value(key("folder")).toString());
    addPathRow(form, tr("Save &as:"),
        QDir(folder).filePath(QLatin1String(charts[m_chart->currentIndex()].file) + QStringLiteral(".png")),
        tr("Browse…"), [this] {
            const QString format = m_format->currentData().toString();
            // Whole descriptions with their patterns, so each reads right once translated.
            return format == QLatin1String("svg") ? tr("SVG files (*.svg)")
                : format == QLatin1String("pdf")  ? tr("PDF files (*.pdf)")
                                                  : tr("PNG images (*.png)");
        });
    finishLayout(form);

    connect(m_chart, &QComboBox::currentIndexChanged, this, &ExportChartDialog::updateSuffix);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportChartDialog::updateSuffix);
    connect(m_palette, &QComboBox::currentIndexChanged, this, &ExportChartDialog::updateBackgroundText);
    updateSuffix();
    updateBackgroundText();
}

void ExportChartDialog::updateBackgroundText()
{
    // "White" would be untrue of a chart in the dark palette: its solid background is dark.
    const bool dark = chartPalette() == ChartPalette::AsShown && ChartTheme::fromSystem().dark;
    m_background->setItemText(0, dark ? tr("Solid (dark, as shown)") : tr("White"));
}

ExportChartDialog::ChartPalette ExportChartDialog::rememberedChartPalette()
{
    return QSettings().value(key("palette")).toString() == QLatin1String("shown") ? ChartPalette::AsShown
                                                                                   : ChartPalette::LightForPrint;
}

ExportChartDialog::ChartPalette ExportChartDialog::chartPalette() const
{
    return m_palette->currentData().toInt() == int(ChartPalette::AsShown) ? ChartPalette::AsShown : ChartPalette::LightForPrint;
}

ChartRenderer::Options ExportChartDialog::rememberedOptions()
{
    const QSettings settings;
    ChartRenderer::Options options;
    options.size = QSize(settings.value(key("width"), options.size.width()).toInt(),
                         settings.value(key("height"), options.size.height()).toInt());
    options.dpi = settings.value(key("dpi"), options.dpi).toInt();
    options.background = settings.value(key("transparent"), false).toBool() ? ChartRenderer::Background::Transparent
                                                                           : ChartRenderer::Background::White;
    return options;
}

void ExportChartDialog::updateSuffix()
{
    // Suggest a name from the chart and keep the suffix in step with the format.
    const QFileInfo info(path());
    const QString folder = info.absolutePath();
    QString base = info.completeBaseName();
    const bool suggested = base.isEmpty() || std::any_of(std::begin(charts), std::end(charts), [&base](const ChartEntry &e) {
                               return base == QLatin1String(e.file);
                           });
    if (suggested)
        base = QLatin1String(charts[m_chart->currentIndex()].file);
    m_path->setText(QDir(folder).filePath(base + QLatin1Char('.') + m_format->currentData().toString()));
}

ExportChartDialog::Choice ExportChartDialog::choice() const
{
    const ChartEntry &entry = charts[std::clamp(m_chart->currentIndex(), 0, int(std::size(charts)) - 1)];
    return { entry.kind, entry.segments };
}

ChartRenderer::Format ExportChartDialog::format() const
{
    return ChartRenderer::parseFormat(m_format->currentData().toString()).value_or(ChartRenderer::Format::Png);
}

ChartRenderer::Options ExportChartDialog::options() const
{
    ChartRenderer::Options options;
    options.size = QSize(m_width->value(), m_height->value());
    options.dpi = m_dpi->value();
    options.background = m_background->currentIndex() == 1 ? ChartRenderer::Background::Transparent
                                                             : ChartRenderer::Background::White;
    options.title = m_title->text().trimmed();
    return options;
}

void ExportChartDialog::remember() const
{
    QSettings settings;
    settings.setValue(key("chart"), m_chart->currentIndex());
    settings.setValue(key("format"), m_format->currentData());
    settings.setValue(key("width"), m_width->value());
    settings.setValue(key("height"), m_height->value());
    settings.setValue(key("dpi"), m_dpi->value());
    settings.setValue(key("transparent"), m_background->currentIndex() == 1);
    settings.setValue(key("palette"), chartPalette() == ChartPalette::AsShown ? QStringLiteral("shown") : QStringLiteral("print"));
    settings.setValue(key("folder"), QFileInfo(path()).absolutePath());
}
