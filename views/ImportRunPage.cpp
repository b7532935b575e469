#include "ImportRunPage.h"

#include "Database.h"
#include "EditSession.h"
#include "ImportRecords.h"
#include "ImportRunner.h"
#include "ImportWizard.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Import"));
    setSubTitle(tr("All rows go in one transaction: a cancelled or failed import changes nothing."));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 1000);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel = new QPushButton(tr("&Cancel import"), this);
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling…"));
        m_wizard->runner().cancel();
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addLayout(row);
    layout->addWidget(m_result);
    layout->addStretch(1);
}

void ImportRunPage::initializePage()
{
    m_report = LoadReport();
    m_result->clear();
    ImportOptions options = m_wizard->options();
    options.dryRun = false;
    // The check page let the user choose; the engine is the one the command line uses.
    options.skipInvalid = m_wizard->field(QStringLiteral("importValidRows")).toBool();
    ImportRunner &runner = m_wizard->runner();
    disconnect(&runner, nullptr, this, nullptr);
    connect(&runner, &ImportRunner::progress, this, [this](const ImportProgress &p, double rate) {
        m_progress->setValue(p.totalBytes > 0 ? int(1000 * p.bytes / p.totalBytes) : 0);
        switch (p.stage) {
        case ImportProgress::Stage::Reading:
            m_status->setText(tr("%L1 rows read · %L2 rows/s").arg(p.rows).arg(qRound64(rate)));
            break;
        case ImportProgress::Stage::Indexing:
            m_status->setText(
                tr("%L1 rows read · %L2 rows/s · building indexes…").arg(p.rows).arg(qRound64(rate)));
            break;
        case ImportProgress::Stage::Saving:
            m_status->setText(tr("%L1 rows · saving…").arg(p.rows));
            break;
        }
    });
    connect(&runner, &ImportRunner::finished, this, &ImportRunPage::finished);
    m_running = runner.start(m_wizard->database().path(), m_wizard->sources(), options);
    m_cancel->setEnabled(m_running);
    m_progress->setValue(0);
    m_status->setText(tr("Starting…"));
    Q_EMIT completeChanged();
}

void ImportRunPage::finished(const LoadReport &report)
{
    disconnect(&m_wizard->runner(), nullptr, this, nullptr);
    m_running = false;
    m_report = report;
    m_cancel->setEnabled(false);
    if (report.cancelled) {
        m_status->setText(tr("Cancelled."));
        m_result->setText(tr("The import was cancelled; the database was not changed."));
    } else if (!report.ok()) {
        m_status->setText(tr("Failed."));
        m_result->setText(
            tr("<b>Nothing was imported.</b><br>%1")
                .arg(report.errorLines().mid(0, 20).join(QStringLiteral("<br>")).toHtmlEscaped()));
    } else {
        m_progress->setValue(1000);
        const qint64 rows = report.totalInserted();
        // Sentences one after another, with the space (or none, in Chinese) the language puts
        // between them.
        const auto then = [](const QString &text, const QString &next) {
            return tr("%1 %2", "one sentence, then the next").arg(text, next);
        };
        QString text = tr("<b>Imported %Ln row(s).</b>", nullptr, int(rows));
        if (report.rejectedRows > 0)
            text = then(text, tr("%Ln row(s) with problems left out.", nullptr, int(report.rejectedRows)));
        if (report.duplicateRows > 0)
            text = then(text, tr("%Ln duplicate(s) skipped.", nullptr, int(report.duplicateRows)));
        if (EditSession *session = m_wizard->session(); session && !report.imported.isEmpty()) {
            QStringList names;
            for (const LoadReport::FileResult &f : report.files)
                names.append(QFileInfo(f.file).fileName());
            // The undo step's name, in the Undo History and the Edit menu.
            const QString label
                = tr("Import %1 (%Ln row(s))", nullptr, int(rows)).arg(QLocale().createSeparatedList(names));
            if (session->push(new ImportRecords(*session, report.imported, label)))
                text = then(text, tr("Edit → Undo takes it back."));
        }
        m_status->setText(tr("Done."));
        m_result->setText(text);
        Q_EMIT m_wizard->imported(report);
    }
    Q_EMIT completeChanged();
}

bool ImportRunPage::isComplete() const
{
    return !m_running;
}
