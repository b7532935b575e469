#include "ImportActions.h"

#include "CsvDropFilter.h"
#include "ImportRunner.h"
#include "ImportWizard.h"
#include "Retranslator.h"

#include <QAction>
#include <QMenu>
#include <QPointer>

namespace {

void nameImportAction(QAction *action)
{
    action->setText(ImportActions::tr("&Import CSV…"));
    action->setStatusTip(
        ImportActions::tr("Import funds, phases, investees, disbursements or exchange rates from CSV files"));
}

} // namespace

ImportActions::ImportActions(Database &db, const Parts &parts)
    : QObject(parts.window)
    , m_db(db)
    , m_parts(parts)
{
    m_import = new QAction(this);
    m_import->setObjectName(QStringLiteral("importCsv"));
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    nameImportAction(m_import);
    connect(m_import, &QAction::triggered, this, [this] { openWizard(); });
    auto *drops = new CsvDropFilter(parts.window);
    connect(
        drops, &CsvDropFilter::filesDropped, this, [this](const QStringList &files) { openWizard(files); });
}

ImportWizard *ImportActions::wizard() const
{
    return m_wizard.data();
}

void ImportActions::addFileActions(QMenu *file)
{
    file->addAction(m_import);
    // The action sits in the window's File menu: named again whenever the menu is told the
    // language changed.
    Retranslator::follow(file, [action = QPointer<QAction>(m_import)] {
        if (action)
            nameImportAction(action);
    });
}

void ImportActions::openWizard(const QStringList &files)
{
    if (!m_wizard) {
        m_wizard = new ImportWizard(m_db, m_parts.session, m_parts.window);
        m_wizard->setAttribute(Qt::WA_DeleteOnClose);
        m_wizard->setWindowModality(Qt::WindowModal);
    }
    if (!files.isEmpty()) {
        if (m_wizard->currentId() > ImportWizard::FilesPage && !m_wizard->runner().isRunning())
            m_wizard->restart();
        m_wizard->addFiles(files);
    }
    m_wizard->show();
    m_wizard->raise();
    m_wizard->activateWindow();
}
