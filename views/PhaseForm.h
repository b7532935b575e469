#pragma once

#include "RecordForm.h"

class AmountEdit;
class RecordPicker;

/// Adds or edits a phase (a fund's capital-raising round): its fund, label, start date at
/// year, month or day precision, registered capital with currency (or "not known") and basis,
/// and sources.
class PhaseForm : public RecordForm
{
    Q_OBJECT
public:
    /// phaseId 0: a new phase, of `fundId` when given.
    PhaseForm(EditSession &session, qint64 phaseId, qint64 fundId = 0, QWidget *parent = nullptr);

    RowValues values() const override;

protected:
    QList<FieldIssue> formIssues() const override;

private:
    RecordPicker *m_fund = nullptr;
    QLineEdit *m_label = nullptr;
    QLineEdit *m_start = nullptr;
    AmountEdit *m_capital = nullptr;
    QLineEdit *m_basis = nullptr;
    QLineEdit *m_source = nullptr;
};
