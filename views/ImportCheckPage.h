#pragma once

#include "InterchangeLoader.h"

#include <QWizardPage>

class ImportIssueModel;
class ImportWizard;
class QButtonGroup;
class QTableView;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;

/// The import wizard's validation page. A dry run on the worker reads and checks every row
/// (nothing is stored) and the page lists every problem by file, line and column with the
/// reason; it then asks what to do: import nothing or only the valid rows, skip or keep
/// duplicates, and for each unknown fund, phase or investee whether to create it or map it to
/// one that exists. "Check again" re-runs the dry run with those answers.
class ImportCheckPage : public QWizardPage
{
    Q_OBJECT
public:
    enum NameColumn { NameKindColumn, NameColumn, NameRowsColumn, NameActionColumn, NameTargetColumn };

    explicit ImportCheckPage(ImportWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    /// Runs the dry run with the current choices.
    void check();
    bool isChecking() const { return m_checking; }
    const LoadReport &report() const { return m_report; }

    /// The problems (ImportIssueModel) and their view.
    QTableView *problems() const { return m_problems; }
    ImportIssueModel *problemModel() const { return m_problemModel; }
    QTableWidget *names() const { return m_names; }
    QRadioButton *importValidRows() const { return m_validRows; }
    QRadioButton *importNothing() const { return m_nothing; }
    QComboBox *duplicates() const { return m_duplicates; }

private:
    void finished(const LoadReport &report);
    void fillNames();
    void updateOptions();
    /// Completion for "map to existing": funds and investees searched in SQL as the user
    /// types (there may be tens of thousands), phases of the fund listed.
    void attachCompleter(class QLineEdit *target, const UnknownName &unknown);

    ImportWizard *m_wizard;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableView *m_problems = nullptr;
    ImportIssueModel *m_problemModel = nullptr;
    QTableWidget *m_names = nullptr;
    QRadioButton *m_nothing = nullptr;
    QRadioButton *m_validRows = nullptr;
    QComboBox *m_duplicates = nullptr;
    QPushButton *m_again = nullptr;
    LoadReport m_report;
    bool m_checking = false;
    bool m_checked = false;
};
