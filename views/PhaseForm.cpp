#include "PhaseForm.h"

#include "AmountEdit.h"
#include "EditSession.h"
#include "RecordPicker.h"
#include "Validation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>

PhaseForm::PhaseForm(EditSession &session, qint64 phaseId, qint64 fundId, QWidget *parent)
    : RecordForm(session, RecordKind::Phase, phaseId, parent)
{
    setObjectName(QStringLiteral("phaseForm"));
    setWindowTitle(phaseId == 0 ? tr("Add phase") : tr("Edit phase"));
    const RecordLookup records = session.records();
    m_fund = new RecordPicker(
        [records](const QString &text, int limit) { return records.searchFunds(text, limit); }, this);
    m_fund->setObjectName(QStringLiteral("fund"));
    m_fund->setPlaceholderText(tr("type a fund's name (English or Chinese)"));
    m_label = lineEdit(QStringLiteral("label"), tr("Phase I, Phase II, …"));
    m_start = lineEdit(QStringLiteral("startDate"), tr("YYYY, YYYY-MM or YYYY-MM-DD"));
    m_capital = new AmountEdit(session.currencyDigits(), this);
    m_capital->setObjectName(QStringLiteral("capital"));
    m_capital->setUndisclosedText(tr("not known"));
    m_basis = lineEdit(QStringLiteral("capitalBasis"), tr("registered, paid-in, target …"));
    m_source = lineEdit(QStringLiteral("source"), tr("https://… (several: separate with “ | ”)"));

    addRow(tr("&Fund"), m_fund, columnsOf({ PhaseField::Fund }));
    addRow(tr("&Label"), m_label, columnsOf({ PhaseField::Label }));
    addRow(tr("S&tart"), m_start, columnsOf({ PhaseField::Start }));
    addRow(tr("&Capital"), m_capital, columnsOf({ PhaseField::Capital, PhaseField::Currency }),
        { m_capital->amountEdit(), m_capital->currencyBox(), m_capital->undisclosedBox() });
    addRow(tr("Capital &basis"), m_basis, columnsOf({ PhaseField::CapitalBasis }));
    addRow(tr("&Source"), m_source, columnsOf({ PhaseField::Source }));

    const auto row = phaseId != 0 ? records.values(RecordKind::Phase, phaseId) : std::nullopt;
    const qint64 owner = row ? row->number(PhaseField::Fund) : fundId;
    if (owner != 0) {
        if (const auto fund = records.values(RecordKind::Fund, owner))
            m_fund->setRecord(owner, fund->text(FundField::Name));
    }
    if (row) {
        m_label->setText(row->text(PhaseField::Label));
        m_start->setText(row->text(PhaseField::Start));
        m_capital->setStored(row->value(PhaseField::Capital), row->text(PhaseField::Currency));
        m_basis->setText(row->text(PhaseField::CapitalBasis));
        m_source->setText(row->text(PhaseField::Source));
    } else {
        m_capital->startEmpty();
    }
    if (row && !row->value(PhaseField::Capital).isValid())
        m_capital->undisclosedBox()->setChecked(false); // shown as an empty amount: "not known"

    connect(m_fund, &QLineEdit::textChanged, this, [this] { touched(PhaseField::Fund); });
    connect(m_fund, &RecordPicker::recordChanged, this, [this] { touched(PhaseField::Fund); });
    connect(m_label, &QLineEdit::textEdited, this, [this] { touched(PhaseField::Label); });
    connect(m_start, &QLineEdit::textEdited, this, [this] { touched(PhaseField::Start); });
    connect(m_capital, &AmountEdit::changed, this, [this] {
        touched(PhaseField::Capital, PhaseField::Currency);
    });
    connect(m_basis, &QLineEdit::textEdited, this, [this] { touched(PhaseField::CapitalBasis); });
    connect(m_source, &QLineEdit::textEdited, this, [this] { touched(PhaseField::Source); });
    finishSetup();
}

RowValues PhaseForm::values() const
{
    RowValues row = emptyRow();
    row.set(PhaseField::Fund, m_fund->recordId());
    row.set(PhaseField::Label, textOrNull(m_label->text()));
    row.set(PhaseField::Start, textOrNull(Validation::normalizedDate(m_start->text())));
    row.set(PhaseField::Capital, m_capital->storedAmount());
    row.set(PhaseField::Currency, m_capital->storedCurrency());
    row.set(PhaseField::CapitalBasis, textOrNull(m_basis->text()));
    row.set(PhaseField::Source, textOrNull(m_source->text()));
    return row;
}

QList<FieldIssue> PhaseForm::formIssues() const
{
    QList<FieldIssue> issues;
    if (const QString why = m_fund->problem(RecordKind::Fund); !why.isEmpty())
        issues.append({ columnOf(PhaseField::Fund), why });
    // Capital is often not reported: an empty amount simply means "not known".
    if (const QString why = m_capital->problem();
        !why.isEmpty() && !m_capital->amountEdit()->text().trimmed().isEmpty())
        issues.append({ columnOf(PhaseField::Capital), why });
    return issues;
}
