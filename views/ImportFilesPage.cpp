#include "ImportFilesPage.h"

#include "CsvSniffer.h"
#include "ImportWizard.h"
#include "InterchangeLoader.h"
#include "TextEncoding.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QString delimiterName(char d)
{
    switch (d) {
    case ',':
        return ImportFilesPage::tr("comma");
    case ';':
        return ImportFilesPage::tr("semicolon");
    case '\t':
        return ImportFilesPage::tr("tab");
    case '|':
        return ImportFilesPage::tr("bar |");
    default:
        return QString(QLatin1Char(d));
    }
}

} // namespace

ImportFilesPage::ImportFilesPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Files to import"));
    setSubTitle(
        tr("Interchange CSV files or spreadsheets saved as CSV. The encoding, delimiter and header are "
           "detected; correct them here if they are wrong."));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("importFiles"));
    m_table->setHorizontalHeaderLabels(
        { tr("File"), tr("Encoding"), tr("Delimiter"), tr("Header row"), tr("Holds") });
    m_table->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *add = new QPushButton(tr("&Add files…"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    connect(add, &QPushButton::clicked, this, &ImportFilesPage::addFiles);
    connect(remove, &QPushButton::clicked, this, [this] { m_wizard->removeFile(m_table->currentRow()); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *hint = new QLabel(tr("Tip: you can also drop CSV files on the main window."), this);
    hint->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(hint);
    connect(m_wizard, &ImportWizard::filesChanged, this, &ImportFilesPage::rebuild);
}

void ImportFilesPage::addFiles()
{
    QSettings settings;
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import CSV files"),
        settings.value(QStringLiteral("import/lastFolder")).toString(),
        tr("CSV files (*.csv *.txt *.tsv);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/lastFolder"), QFileInfo(paths.first()).absolutePath());
    m_wizard->addFiles(paths);
}

bool ImportFilesPage::isComplete() const
{
    if (m_wizard->files().isEmpty())
        return false;
    for (const ImportWizard::File &f : m_wizard->files()) {
        if (!f.error.isEmpty() || f.kind.isEmpty())
            return false;
    }
    return true;
}

void ImportFilesPage::rebuild()
{
    const QList<ImportWizard::File> &files = m_wizard->files();
    m_table->setRowCount(int(files.size()));
    static const QStringList common
        = { QStringLiteral("UTF-8"), QStringLiteral("GB18030"), QStringLiteral("BIG5"),
              QStringLiteral("UTF-16LE"), QStringLiteral("UTF-16BE"), QStringLiteral("WINDOWS-1252"),
              QStringLiteral("SHIFT_JIS"), QStringLiteral("EUC-KR"), QStringLiteral("ISO-8859-1") };
    for (int row = 0; row < files.size(); ++row) {
        const ImportWizard::File &f = files.at(row);
        auto *name = new QTableWidgetItem(QFileInfo(f.path).fileName());
        name->setToolTip(f.error.isEmpty() ? f.path : f.error);
        if (!f.error.isEmpty())
            name->setForeground(Qt::red);
        m_table->setItem(row, FileColumn, name);

        auto *encoding = new QComboBox(m_table);
        encoding->setObjectName(QStringLiteral("encoding%1").arg(row));
        encoding->setEditable(true);
        QStringList items = common;
        if (!items.contains(f.encoding))
            items.prepend(f.encoding);
        encoding->addItems(items);
        encoding->setCurrentText(f.encoding);
        encoding->setToolTip(tr("Detected: %1").arg(f.encoding));
        connect(encoding, &QComboBox::currentTextChanged, this, [this, row](const QString &text) {
            const QString name = TextEncoding::normalized(text);
            if (name.isEmpty() || row >= m_wizard->files().size())
                return; // still typing, or unknown: keep the last good one
            m_wizard->files()[row].encoding = name;
            m_wizard->reread(row);
            Q_EMIT completeChanged();
        });
        m_table->setCellWidget(row, EncodingColumn, encoding);

        auto *delimiter = new QComboBox(m_table);
        delimiter->setObjectName(QStringLiteral("delimiter%1").arg(row));
        for (char d : CsvSniffer::delimiters())
            delimiter->addItem(delimiterName(d), QVariant(int(d)));
        delimiter->setCurrentIndex(qMax(0, delimiter->findData(QVariant(int(f.delimiter)))));
        connect(delimiter, &QComboBox::currentIndexChanged, this, [this, row, delimiter] {
            m_wizard->files()[row].delimiter = char(delimiter->currentData().toInt());
            m_wizard->reread(row);
        });
        m_table->setCellWidget(row, DelimiterColumn, delimiter);

        auto *header = new QCheckBox(m_table);
        header->setObjectName(QStringLiteral("header%1").arg(row));
        header->setChecked(f.hasHeader);
        connect(header, &QCheckBox::toggled, this, [this, row](bool on) {
            m_wizard->files()[row].hasHeader = on;
            m_wizard->reread(row);
        });
        m_table->setCellWidget(row, HeaderColumn, header);

        auto *kind = new QComboBox(m_table);
        kind->setObjectName(QStringLiteral("kind%1").arg(row));
        kind->addItem(tr("(choose)"), QString());
        for (const QString &k : InterchangeLoader::kinds())
            kind->addItem(ImportWizard::kindLabel(k), k);
        kind->setCurrentIndex(qMax(0, kind->findData(f.kind)));
        connect(kind, &QComboBox::currentIndexChanged, this, [this, row, kind] {
            ImportWizard::File &file = m_wizard->files()[row];
            file.kind = kind->currentData().toString();
            file.mapping = ImportWizard::mapByHeader(file);
            Q_EMIT completeChanged();
        });
        m_table->setCellWidget(row, KindColumn, kind);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    Q_EMIT completeChanged();
}
