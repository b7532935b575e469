#pragma once

#include "ExportDialog.h"
#include "TableExporter.h"

class QCheckBox;
class QComboBox;

/// File → Export table…: which table (the current page's by default), CSV or XLSX, the byte
/// order mark for Excel, and where to write it (the documents folder at first). Accepting checks
/// that the file can be written; a save that fails later is reported with setProblem() and the
/// same dialog shown again, every choice as it was. Choices and the folder are remembered once a
/// save succeeds (remember()).
class ExportTableDialog : public ExportDialog
{
    Q_OBJECT
public:
    ExportTableDialog(TableExporter::Table table, QWidget *parent = nullptr);

    TableExporter::Table table() const;
    TableExporter::Options options() const;

    /// Stores the choices and the folder for the next export.
    void remember() const;

private:
    void updateSuffix();

    QComboBox *m_table = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_bom = nullptr;
};
