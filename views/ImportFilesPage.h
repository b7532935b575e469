#pragma once

#include <QWizardPage>

class ImportWizard;
class QTableWidget;

/// The import wizard's first page: the files, each with its detected encoding, delimiter,
/// header and kind, every one of which can be overridden.
class ImportFilesPage : public QWizardPage
{
    Q_OBJECT
public:
    enum Column { FileColumn, EncodingColumn, DelimiterColumn, HeaderColumn, KindColumn, ColumnCount };

    explicit ImportFilesPage(ImportWizard *wizard);

    bool isComplete() const override;
    QTableWidget *table() const { return m_table; }

private:
    void rebuild();
    void addFiles();

    ImportWizard *m_wizard;
    QTableWidget *m_table = nullptr;
};
