#pragma once

#include "InterchangeLoader.h"

#include <QWizardPage>

class ImportWizard;
class QLabel;
class QProgressBar;
class QPushButton;

/// The import wizard's last page: the import itself on the worker, with a progress bar, rows
/// per second and Cancel (which rolls everything back). When it is stored, it goes on the undo
/// stack as one step (ImportRecords) and the wizard says imported().
class ImportRunPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportRunPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    bool isRunning() const { return m_running; }
    const LoadReport &report() const { return m_report; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *status() const { return m_status; }

private:
    void finished(const LoadReport &report);

    ImportWizard *m_wizard;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_cancel = nullptr;
    LoadReport m_report;
    bool m_running = false;
};
