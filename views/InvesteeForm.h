#pragma once

#include "RecordForm.h"

class RecordPicker;

/// Adds or edits an investee: names in English and Chinese, kind (company, or a sub-fund with
/// the fund record it looks through to), sector and segment, region, ticker, founding date,
/// sources and notes. From the disbursement form it can only collect the new investee
/// (setCollectOnly), which that form then adds together with the disbursement as one undo step.
class InvesteeForm : public RecordForm
{
    Q_OBJECT
public:
    /// investeeId 0: a new investee.
    InvesteeForm(EditSession &session, qint64 investeeId, QWidget *parent = nullptr);

    /// When on, OK validates and closes the form without writing anything.
    void setCollectOnly(bool collectOnly) { m_collectOnly = collectOnly; }
    /// Starts a new investee with this name (what was typed in the disbursement form).
    void setName(const QString &name);
    RowValues values() const override;

protected:
    QList<FieldIssue> formIssues() const override;
    bool submit(RowValues row, QString *error) override;

private:
    void updateSegments();

    bool m_collectOnly = false;
    QList<VocabularyItem> m_segments;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_nameZh = nullptr;
    QComboBox *m_kindBox = nullptr;
    RecordPicker *m_fund = nullptr;
    QComboBox *m_sector = nullptr;
    QComboBox *m_segment = nullptr;
    RegionBoxes m_region;
    QLineEdit *m_ticker = nullptr;
    QLineEdit *m_founded = nullptr;
    QLineEdit *m_source = nullptr;
    QPlainTextEdit *m_notes = nullptr;
};
