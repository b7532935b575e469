#include "ExportTableDialog.h"

#include "ChartTheme.h"
#include "ExportFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using Table = TableExporter::Table;

namespace {

QString key(const char *name)
{
    return QStringLiteral("export/table/") + QLatin1String(name);
}

const Table tables[] = { Table::Disbursements, Table::Holdings, Table::Investees, Table::Funds, Table::Phases };

} // namespace

ExportTableDialog::ExportTableDialog(Table table, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Export table"));
    setObjectName(QStringLiteral("exportTableDialog"));
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

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("path"));
    const QString folder = ExportFile::startFolder(settings.value(key("folder")).toString());
    m_path->setText(QDir(folder).filePath(TableExporter::tableName(table) + QStringLiteral(".csv")));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        // Whole descriptions with their patterns, so each reads right once translated.
        const QString filter = m_format->currentData() == QLatin1String("xlsx")
                ? tr("Excel workbooks (*.xlsx)")
                : tr("CSV files (*.csv)");
        const QString chosen = QFileDialog::getSaveFileName(this, tr("Export table"), path(), filter);
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    auto *where = new QHBoxLayout;
    where->addWidget(m_path, 1);
    where->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Table:"), m_table);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(QString(), m_bom);
    auto *whereLabel = new QLabel(tr("Save &as:"), this);
    whereLabel->setBuddy(m_path);
    form->addRow(whereLabel, where);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(ChartTheme::fromSystem().dark ? QStringLiteral("color: #ff8a80") : QStringLiteral("color: #b00020"));
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportTableDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

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

QString ExportTableDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportTableDialog::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void ExportTableDialog::accept()
{
    const QFileInfo info(path());
    if (info.fileName().isEmpty() || info.isDir()) {
        setProblem(tr("Choose a file name to save the table as."));
        return;
    }
    QString problem;
    if (!ExportFile::confirmTarget(this, info.absoluteFilePath(), &problem)) {
        if (!problem.isEmpty())
            setProblem(problem);
        return;
    }
    setProblem({});
    QDialog::accept();
}

void ExportTableDialog::remember() const
{
    QSettings settings;
    settings.setValue(key("format"), m_format->currentData());
    settings.setValue(key("bom"), m_bom->isChecked());
    settings.setValue(key("folder"), QFileInfo(path()).absolutePath());
}
