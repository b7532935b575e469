#include "ImportMappingPage.h"

#include "ImportWizard.h"
#include "InterchangeLoader.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

const QString PresetGroup = QStringLiteral("importPresets");

} // namespace

ImportMappingPage::ImportMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Columns"));
    setSubTitle(tr("Which column holds which field. Columns whose header names a field are mapped already; "
                   "fields in bold are required."));
    m_file = new QComboBox(this);
    m_file->setObjectName(QStringLiteral("mappingFile"));
    m_presets = new QComboBox(this);
    m_presets->setObjectName(QStringLiteral("mappingPresets"));
    auto *apply = new QPushButton(tr("A&pply preset"), this);
    auto *save = new QPushButton(tr("&Save as preset…"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("&File:"), this));
    top->addWidget(m_file, 1);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Preset:"), this));
    top->addWidget(m_presets);
    top->addWidget(apply);
    top->addWidget(save);
    static_cast<QLabel *>(top->itemAt(0)->widget())->setBuddy(m_file);

    m_fields = new QWidget(this);
    m_form = new QFormLayout(m_fields);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_fields);
    scroll->setWidgetResizable(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("mappingProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_problem->setWordWrap(true);
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("mappingPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scroll);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({ 300, 200 });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_problem);

    connect(m_file, &QComboBox::currentIndexChanged, this, &ImportMappingPage::showFile);
    connect(apply, &QPushButton::clicked, this, [this] { applyPreset(m_presets->currentText()); });
    connect(save, &QPushButton::clicked, this, &ImportMappingPage::saveCurrentPreset);
}

void ImportMappingPage::initializePage()
{
    m_current = -1;
    m_file->blockSignals(true);
    m_file->clear();
    for (const ImportWizard::File &f : m_wizard->files())
        m_file->addItem(tr("%1 (%2)", "file name (what it holds)")
                            .arg(QFileInfo(f.path).fileName(), ImportWizard::kindLabel(f.kind)));
    m_file->blockSignals(false);
    m_presets->clear();
    m_presets->addItems(presetNames());
    showFile(0);
}

QComboBox *ImportMappingPage::fieldCombo(const QString &field) const
{
    for (QComboBox *combo : m_combos) {
        if (combo->property("field").toString() == field)
            return combo;
    }
    return nullptr;
}

void ImportMappingPage::showFile(int index)
{
    if (index < 0 || index >= m_wizard->files().size())
        return;
    m_current = index;
    const ImportWizard::File &file = m_wizard->files().at(index);
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_combos.clear();
    const QStringList labels = ImportWizard::columnLabels(file);
    const QStringList required = InterchangeLoader::requiredColumns(file.kind);
    for (const QString &field : InterchangeLoader::columns(file.kind)) {
        auto *combo = new QComboBox(m_fields);
        combo->setObjectName(QStringLiteral("field_%1").arg(field));
        combo->setProperty("field", field);
        combo->addItem(tr("(not imported)"), -1);
        for (int c = 0; c < labels.size(); ++c)
            combo->addItem(labels.at(c), c);
        combo->setCurrentIndex(qMax(0, combo->findData(file.mapping.value(field, -1))));
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportMappingPage::fieldChanged);
        auto *label = new QLabel(field, m_fields);
        if (required.contains(field)) {
            QFont bold = label->font();
            bold.setBold(true);
            label->setFont(bold);
        }
        label->setBuddy(combo);
        m_form->addRow(label, combo);
        m_combos.append(combo);
    }
    fieldChanged();
}

QString ImportMappingPage::problem() const
{
    if (m_current < 0 || m_current >= m_wizard->files().size())
        return QString();
    const ImportWizard::File &file = m_wizard->files().at(m_current);
    const QStringList labels = ImportWizard::columnLabels(file);
    QHash<int, QString> fieldOf;
    for (auto it = file.mapping.cbegin(); it != file.mapping.cend(); ++it) {
        if (fieldOf.contains(it.value()))
            return tr("Column %1 is mapped twice: to %2 and to %3. Map each column to one field.")
                .arg(labels.value(it.value()), fieldOf.value(it.value()), it.key());
        fieldOf.insert(it.value(), it.key());
    }
    QStringList missing;
    for (const QString &field : InterchangeLoader::requiredColumns(file.kind)) {
        if (!file.mapping.contains(field))
            missing.append(field);
    }
    if (!missing.isEmpty())
        return tr("Required fields without a column: %1.").arg(QLocale().createSeparatedList(missing));
    return QString();
}

bool ImportMappingPage::isComplete() const
{
    // Every file's mapping must hold, not only the one shown.
    for (int i = 0; i < m_wizard->files().size(); ++i) {
        const ImportWizard::File &file = m_wizard->files().at(i);
        QSet<int> used;
        for (int column : file.mapping) {
            if (used.contains(column))
                return false;
            used.insert(column);
        }
        for (const QString &field : InterchangeLoader::requiredColumns(file.kind)) {
            if (!file.mapping.contains(field))
                return false;
        }
    }
    return !m_wizard->files().isEmpty();
}

void ImportMappingPage::fieldChanged()
{
    if (m_current < 0)
        return;
    ImportWizard::File &file = m_wizard->files()[m_current];
    file.mapping.clear();
    for (QComboBox *combo : std::as_const(m_combos)) {
        const int column = combo->currentData().toInt();
        if (column >= 0)
            file.mapping.insert(combo->property("field").toString(), column);
    }
    m_problem->setText(problem());
    updatePreview();
    Q_EMIT completeChanged();
}

void ImportMappingPage::updatePreview()
{
    const ImportWizard::File &file = m_wizard->files().at(m_current);
    const QStringList fields = file.mapping.keys();
    QStringList ordered;
    for (const QString &field : InterchangeLoader::columns(file.kind)) {
        if (fields.contains(field))
            ordered.append(field);
    }
    const qsizetype firstData = file.hasHeader ? 1 : 0;
    const qsizetype rows = qMax<qsizetype>(0, qMin<qsizetype>(file.preview.size() - firstData, 10));
    m_preview->clear();
    m_preview->setColumnCount(int(ordered.size()));
    m_preview->setRowCount(int(rows));
    m_preview->setHorizontalHeaderLabels(ordered);
    for (qsizetype r = 0; r < rows; ++r) {
        const QStringList &record = file.preview.at(r + firstData);
        for (qsizetype c = 0; c < ordered.size(); ++c)
            m_preview->setItem(
                int(r), int(c), new QTableWidgetItem(record.value(file.mapping.value(ordered.at(c)))));
    }
    QStringList lineLabels;
    for (qsizetype r = 0; r < rows; ++r)
        lineLabels.append(QString::number(r + firstData + 1));
    m_preview->setVerticalHeaderLabels(lineLabels);
    m_preview->resizeColumnsToContents();
}

void ImportMappingPage::savePreset(
    const QString &name, const QString &kind, const QMap<QString, QString> &fields)
{
    QSettings settings;
    settings.beginGroup(PresetGroup);
    settings.beginGroup(name);
    settings.setValue(QStringLiteral("kind"), kind);
    QVariantMap map;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        map.insert(it.key(), it.value());
    settings.setValue(QStringLiteral("fields"), map);
}

QStringList ImportMappingPage::presetNames()
{
    QSettings settings;
    settings.beginGroup(PresetGroup);
    return settings.childGroups();
}

void ImportMappingPage::saveCurrentPreset()
{
    if (m_current < 0)
        return;
    const ImportWizard::File &file = m_wizard->files().at(m_current);
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save preset"), tr("Name of the preset:"),
        QLineEdit::Normal, QFileInfo(file.path).completeBaseName(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    QMap<QString, QString> fields;
    const QStringList header
        = file.hasHeader && !file.preview.isEmpty() ? file.preview.first() : QStringList();
    for (auto it = file.mapping.cbegin(); it != file.mapping.cend(); ++it)
        fields.insert(
            it.key(), file.hasHeader ? header.value(it.value()).trimmed() : QString::number(it.value()));
    savePreset(name, file.kind, fields);
    m_presets->clear();
    m_presets->addItems(presetNames());
    m_presets->setCurrentText(name);
}

// A preset names header texts (or column numbers for files without a header), so it fits any
// file whose header has the same names in any order.
void ImportMappingPage::applyPreset(const QString &name)
{
    if (m_current < 0 || name.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(PresetGroup);
    settings.beginGroup(name);
    const QVariantMap fields = settings.value(QStringLiteral("fields")).toMap();
    ImportWizard::File &file = m_wizard->files()[m_current];
    const QString kind = settings.value(QStringLiteral("kind")).toString();
    if (!kind.isEmpty())
        file.kind = kind;
    const QStringList header
        = file.hasHeader && !file.preview.isEmpty() ? file.preview.first() : QStringList();
    file.mapping.clear();
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QString wanted = it.value().toString();
        int column = -1;
        if (file.hasHeader) {
            for (qsizetype c = 0; c < header.size() && column < 0; ++c) {
                if (header.at(c).trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
                    column = int(c);
            }
        } else {
            bool ok = false;
            column = wanted.toInt(&ok);
            if (!ok)
                column = -1;
        }
        if (column >= 0)
            file.mapping.insert(it.key(), column);
    }
    m_file->setItemText(m_current,
        tr("%1 (%2)", "file name (what it holds)")
            .arg(QFileInfo(file.path).fileName(), ImportWizard::kindLabel(file.kind)));
    showFile(m_current);
}
