#pragma once

#include "RecordForm.h"

class RecordPicker;

/// Adds or edits a fund: names in English and Chinese, kind, level, region, parent fund (for a
/// fund of funds, picked by name), manager, sources and notes.
class FundForm : public RecordForm
{
    Q_OBJECT
public:
    /// fundId 0: a new fund.
    FundForm(EditSession &session, qint64 fundId, QWidget *parent = nullptr);

    RowValues values() const override;

protected:
    QList<FieldIssue> formIssues() const override;

private:
    QLineEdit *m_name = nullptr;
    QLineEdit *m_nameZh = nullptr;
    QComboBox *m_kindBox = nullptr;
    QComboBox *m_level = nullptr;
    RegionBoxes m_region;
    RecordPicker *m_parent = nullptr;
    QLineEdit *m_manager = nullptr;
    QLineEdit *m_source = nullptr;
    QPlainTextEdit *m_notes = nullptr;
};
