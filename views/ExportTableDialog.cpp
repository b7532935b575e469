#include "ExportTableDialog.h"

#include "ExportFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QSettings>

using Table = TableExporter::Table;

namespace {

QString key(const char *name)
{
    return QStringLiteral("export/table/") + QLatin1String(name);
}

const Table tables[] = { Table::Disbursements, Table::Holdings, Table::Investees, Table::Funds, Table::Phases };

} // namespace

ExportTableDialog::ExportTableDialog(Table table, QWidget *parent)
    : ExportDialog(QStringLiteral("exportTableDialog"), tr("Export table"),
        tr("Choose a file name to save the table as."), parent)
{
    const QSettings settings;

    m_table = new QComboBox(this);
    m_table->setObjectName(QStringLiteral("table"));
    m_table->addItem(tr("Disbursements (interchange format: re-imports)"));
    m_table->addItem(tr("Holdings: investees with totals under the filter"));
    m_table->addItem(tr("Investees (interchange format)"));
    m_table->addItem(tr("Funds (interchange format)"));
    m_table->addItem(tr("Phases (interchange format)"));
    for (int i = 0; i < int(std::size(tables)); ++i) {
        if (tables[i] == table)
            m_table->setCurrentIndex(i);
    }

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("CSV (UTF-8)"), QStringLiteral("csv"));
    m_format->addItem(tr("Excel workbook (XLSX)"), QStringLiteral("xlsx"));
    m_format->setCurrentIndex(std::max(0, m_format->findData(settings.value(key("format"), QStringLiteral("csv")))));

    m_bom = new QCheckBox(tr("Start with a byte order mark, so that Excel reads UTF-8"), this);
    m_bom->setChecked(settings.value(key("bom"), false).toBool());

    auto *form = new QFormLayout;
    form->addRow(tr("&Table:"), m_table);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(QString(), m_bom);
    const QString folder = ExportFile::startFolder(settings.value(key("folder")).toString());
    addPathRow(form, tr("Save &as:"),
        QDir(folder).filePath(TableExporter::tableName(table) + QStringLiteral(".csv")), tr("Browse…"),
        [this] {
            // Whole descriptions with their patterns, so each reads right once translated.
            return m_format->currentData() == QLatin1String("xlsx") ? tr("Excel workbooks (*.xlsx)")
                                                                    : tr("CSV files (*.csv)");
        });
    finishLayout(form);

    connect(m_table, &QComboBox::currentIndexChanged, this, &ExportTableDialog::updateSuffix);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportTableDialog::updateSuffix);
    connect(m_format, &QComboBox::currentIndexChanged, this,
            [this] { m_bom->setEnabled(m_format->currentData() == QLatin1String("csv")); });
    m_bom->setEnabled(m_format->currentData() == QLatin1String("csv"));
    updateSuffix();
}

void ExportTableDialog::updateSuffix()
{
    const QFileInfo info(path());
    QString base = info.completeBaseName();
    bool suggested = base.isEmpty();
    for (Table t : tables)
        suggested = suggested || base == TableExporter::tableName(t);
    if (suggested)
        base = TableExporter::tableName(table());
    m_path->setText(QDir(info.absolutePath()).filePath(base + QLatin1Char('.') + m_format->currentData().toString()));
}

Table ExportTableDialog::table() const
{
    return tables[std::clamp(m_table->currentIndex(), 0, int(std::size(tables)) - 1)];
}

TableExporter::Options ExportTableDialog::options() const
{
    TableExporter::Options options;
    options.format = m_format->currentData() == QLatin1String("xlsx") ? TableExporter::Format::Xlsx
                                                                     : TableExporter::Format::Csv;
    options.byteOrderMark = options.format == TableExporter::Format::Csv && m_bom->isChecked();
    return options;
}

void ExportTableDialog::remember() const
{
    QSettings settings;
    settings.setValue(key("format"), m_format->currentData());
    settings.setValue(key("bom"), m_bom->isChecked());
    settings.setValue(key("folder"), QFileInfo(path()).absolutePath());
}
