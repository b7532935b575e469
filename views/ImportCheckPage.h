#pragma once

#include "InterchangeLoader.h"

#include <QWizardPage>

class ImportWizard;
class QButtonGroup;
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
    enum ProblemColumn { FileColumn, LineColumn, FieldColumn, ReasonColumn };
    enum NameColumn { NameKindColumn, NameColumn, NameRowsColumn, NameActionColumn, NameTargetColumn };

    explicit ImportCheckPage(ImportWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    /// Runs the dry run with the current choices.
    void check();
    bool isChecking() const { return m_checking; }
    const LoadReport &report() const { return m_report; }

    QTableWidget *problems() const { return m_problems; }
    QTableWidget *names() const { return m_names; }
    QRadioButton *importValidRows() const { return m_validRows; }
    QRadioButton *importNothing() const { return m_nothing; }
    QComboBox *duplicates() const { return m_duplicates; }

private:
    void finished(const LoadReport &report);
    void fillNames();
    void updateOptions();
    QStringList existingNames(const QString &kind, const QString &fund) const;

    ImportWizard *m_wizard;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableWidget *m_problems = nullptr;
    QTableWidget *m_names = nullptr;
    QRadioButton *m_nothing = nullptr;
    QRadioButton *m_validRows = nullptr;
    QComboBox *m_duplicates = nullptr;
    QPushButton *m_again = nullptr;
    LoadReport m_report;
    bool m_checking = false;
    bool m_checked = false;
};
