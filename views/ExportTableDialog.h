#pragma once

#include "TableExporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

/// File → Export table…: which table (the current page's by default), CSV or XLSX, the byte
/// order mark for Excel, and where to write it. Choices and the last folder are remembered.
class ExportTableDialog : public QDialog
{
    Q_OBJECT
public:
    ExportTableDialog(TableExporter::Table table, QWidget *parent = nullptr);

    TableExporter::Table table() const;
    TableExporter::Options options() const;
    QString path() const;

    void accept() override;

private:
    void updateSuffix();

    QComboBox *m_table = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_bom = nullptr;
    QLineEdit *m_path = nullptr;
};
