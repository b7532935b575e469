#include "ImportWizard.h"

#include "CsvSniffer.h"
#include "Database.h"
#include "ImportCheckPage.h"
#include "ImportFilesPage.h"
#include "ImportMappingPage.h"
#include "ImportRunPage.h"
#include "ImportRunner.h"

#include <QFileInfo>

ImportWizard::ImportWizard(Database &db, EditSession *session, QWidget *parent)
    : QWizard(parent)
    , m_db(db)
    , m_session(session)
    , m_runner(new ImportRunner(this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import CSV"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setPage(FilesPage, new ImportFilesPage(this));
    setPage(MappingPage, new ImportMappingPage(this));
    setPage(CheckPage, new ImportCheckPage(this));
    setPage(RunPage, new ImportRunPage(this));
    resize(900, 640);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::reject()
{
    // Closing while a check or an import runs cancels it; the runner rolls back.
    if (m_runner->isRunning()) {
        m_runner->cancel();
        m_runner->waitForFinished();
    }
    QWizard::reject();
}

QMap<QString, int> ImportWizard::mapByHeader(const File &file)
{
    QMap<QString, int> mapping;
    if (!file.hasHeader || file.preview.isEmpty() || file.kind.isEmpty())
        return mapping;
    const QStringList header = file.preview.first();
    for (const QString &field : InterchangeLoader::columns(file.kind)) {
        for (qsizetype c = 0; c < header.size(); ++c) {
            if (header.at(c).trimmed().compare(field, Qt::CaseInsensitive) == 0) {
                mapping.insert(field, int(c));
                break;
            }
        }
    }
    return mapping;
}

QStringList ImportWizard::columnLabels(const File &file)
{
    QStringList labels;
    const qsizetype width = file.preview.isEmpty() ? 0 : file.preview.first().size();
    for (qsizetype c = 0; c < width; ++c) {
        labels.append(file.hasHeader
                ? QStringLiteral("%1: %2").arg(c + 1).arg(file.preview.first().at(c).trimmed())
                : tr("column %1").arg(c + 1));
    }
    return labels;
}

QString ImportWizard::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("funds"))
        return tr("Funds");
    if (kind == QLatin1String("phases"))
        return tr("Phases");
    if (kind == QLatin1String("investees"))
        return tr("Investees");
    if (kind == QLatin1String("disbursements"))
        return tr("Disbursements");
    if (kind == QLatin1String("exchange_rates"))
        return tr("Exchange rates");
    return kind;
}

void ImportWizard::addFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        bool known = false;
        for (const File &f : std::as_const(m_files))
            known = known || f.path == absolute;
        if (known)
            continue;
        const CsvSniffer::Result sniff = CsvSniffer::sniff(absolute);
        File file;
        file.path = absolute;
        file.encoding = sniff.encoding;
        file.delimiter = sniff.delimiter;
        file.hasHeader = sniff.hasHeader;
        file.preview = sniff.rows;
        file.error = sniff.error;
        if (file.hasHeader && !file.preview.isEmpty())
            file.kind = InterchangeLoader::kindOfHeader(file.preview.first(), absolute);
        if (file.kind.isEmpty()) {
            const QString base = QFileInfo(absolute).completeBaseName().toLower();
            for (const QString &kind : InterchangeLoader::kinds()) {
                if (base.contains(kind))
                    file.kind = kind;
            }
        }
        file.mapping = mapByHeader(file);
        m_files.append(file);
    }
    Q_EMIT filesChanged();
}

void ImportWizard::removeFile(int index)
{
    if (index >= 0 && index < m_files.size())
        m_files.removeAt(index);
    Q_EMIT filesChanged();
}

void ImportWizard::reread(int index)
{
    if (index < 0 || index >= m_files.size())
        return;
    File &file = m_files[index];
    const CsvSniffer::Result read
        = CsvSniffer::read(file.path, file.encoding, file.delimiter, file.hasHeader);
    file.preview = read.rows;
    file.error = read.error;
    file.mapping = mapByHeader(file);
}

QList<ImportSource> ImportWizard::sources() const
{
    QList<ImportSource> list;
    for (const File &f : m_files) {
        ImportSource source;
        source.path = f.path;
        source.encoding = f.encoding;
        source.delimiter = f.delimiter;
        source.hasHeader = f.hasHeader;
        source.kind = f.kind;
        source.mapping = f.mapping;
        list.append(source);
    }
    return list;
}
