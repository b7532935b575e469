#pragma once

#include "RecordForm.h"

#include <optional>

class AmountEdit;
class QPushButton;
class RecordPicker;

/// Adds or edits a disbursement: the paying fund (by name) and its phase, the investee (by
/// name, or "New investee…" to create one, added with the disbursement as one undo step), the
/// date at year, month or day precision, type, amount with currency or undisclosed, stake,
/// status, confidence, sources and notes.
class DisbursementForm : public RecordForm
{
    Q_OBJECT
public:
    /// disbursementId 0: a new disbursement; `phaseId` / `investeeId` preselect (0: none).
    DisbursementForm(EditSession &session, qint64 disbursementId, qint64 phaseId = 0, qint64 investeeId = 0,
        QWidget *parent = nullptr);

    RowValues values() const override;
    /// The investee to create with the disbursement ("New investee…"), if any.
    const std::optional<RowValues> &newInvestee() const { return m_newInvestee; }
    /// Opens the investee form (non-modal for tests: returned, finished later).
    class InvesteeForm *openNewInvestee();

protected:
    QList<FieldIssue> formIssues() const override;
    bool ignores(const FieldIssue &issue) const override;
    bool submit(RowValues row, QString *error) override;

private:
    void loadPhases(qint64 selectPhase);
    void setNewInvestee(const RowValues &investee);

    RecordPicker *m_fund = nullptr;
    QComboBox *m_phase = nullptr;
    RecordPicker *m_investee = nullptr;
    QPushButton *m_createInvestee = nullptr;
    QLineEdit *m_date = nullptr;
    QComboBox *m_type = nullptr;
    AmountEdit *m_amount = nullptr;
    QLineEdit *m_stake = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_confidence = nullptr;
    QLineEdit *m_source = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    std::optional<RowValues> m_newInvestee;
};
