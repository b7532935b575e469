#include "DisbursementForm.h"

#include "AmountEdit.h"
#include "EditSession.h"
#include "InvesteeForm.h"
#include "RecordPicker.h"
#include "Validation.h"
#include "Vocabulary.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>

namespace {

// The fund is no column of a disbursement (its phase is): the form's own key for the fund row's
// messages.
QString fundKey()
{
    return QStringLiteral("fund");
}

} // namespace

DisbursementForm::DisbursementForm(
    EditSession &session, qint64 disbursementId, qint64 phaseId, qint64 investeeId, QWidget *parent)
    : RecordForm(session, RecordKind::Disbursement, disbursementId, parent)
{
    setObjectName(QStringLiteral("disbursementForm"));
    setWindowTitle(disbursementId == 0 ? tr("Add disbursement") : tr("Edit disbursement"));
    const RecordLookup records = session.records();
    m_fund = new RecordPicker(
        [records](const QString &text, int limit) { return records.searchFunds(text, limit); }, this);
    m_fund->setObjectName(QStringLiteral("fund"));
    m_fund->setPlaceholderText(tr("type the paying fund's name (English or Chinese)"));
    m_phase = new QComboBox(this);
    m_phase->setObjectName(QStringLiteral("phase"));
    m_investee = new RecordPicker(
        [records](const QString &text, int limit) { return records.searchInvestees(text, limit); }, this);
    m_investee->setObjectName(QStringLiteral("investee"));
    m_investee->setPlaceholderText(tr("type the company's name (English, Chinese or ticker)"));
    m_createInvestee = new QPushButton(tr("&New investee…"), this);
    m_createInvestee->setObjectName(QStringLiteral("newInvestee"));
    m_createInvestee->setAutoDefault(false);
    auto *investeeRow = new QWidget(this);
    auto *investeeLayout = new QHBoxLayout(investeeRow);
    investeeLayout->setContentsMargins(0, 0, 0, 0);
    investeeLayout->addWidget(m_investee, 1);
    investeeLayout->addWidget(m_createInvestee);
    m_date = lineEdit(QStringLiteral("date"), tr("YYYY, YYYY-MM or YYYY-MM-DD (empty: unknown)"));
    m_type = wordBox(
        QStringLiteral("type"), Validation::words(RecordKind::Disbursement, columnOf(DisbursementField::Type)));
    m_amount = new AmountEdit(session.currencyDigits(), this);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_stake
        = lineEdit(QStringLiteral("stake"), tr("percent after the event, e.g. 15.9 (empty: not reported)"));
    m_status = wordBox(
        QStringLiteral("status"), Validation::words(RecordKind::Disbursement, columnOf(DisbursementField::Status)));
    m_confidence = wordBox(QStringLiteral("confidence"),
        Validation::words(RecordKind::Disbursement, columnOf(DisbursementField::Confidence)));
    m_source = lineEdit(QStringLiteral("source"), tr("https://… (several: separate with “ | ”)"));
    m_notes = notesEdit(QStringLiteral("notes"));

    addRow(tr("&Fund"), m_fund, { fundKey() });
    addRow(tr("&Phase"), m_phase, columnsOf({ DisbursementField::Phase }));
    addRow(tr("&Investee"), investeeRow, columnsOf({ DisbursementField::Investee }), { m_investee, m_createInvestee });
    addRow(tr("&Date"), m_date, columnsOf({ DisbursementField::Date }));
    addRow(tr("T&ype"), m_type, columnsOf({ DisbursementField::Type }));
    addRow(tr("&Amount"), m_amount, columnsOf({ DisbursementField::Amount, DisbursementField::Currency }),
        { m_amount->amountEdit(), m_amount->currencyBox(), m_amount->undisclosedBox() });
    addRow(tr("Sta&ke"), m_stake, columnsOf({ DisbursementField::Stake }));
    addRow(tr("Stat&us"), m_status, columnsOf({ DisbursementField::Status }));
    addRow(tr("&Confidence"), m_confidence, columnsOf({ DisbursementField::Confidence }));
    addRow(tr("&Source"), m_source, columnsOf({ DisbursementField::Source }));
    addRow(tr("N&otes"), m_notes, columnsOf({ DisbursementField::Notes }));

    const auto row = disbursementId != 0 ? records.values(RecordKind::Disbursement, disbursementId) : std::nullopt;
    qint64 phase = row ? row->number(DisbursementField::Phase) : phaseId;
    const qint64 investee = row ? row->number(DisbursementField::Investee) : investeeId;
    if (phase != 0) {
        if (const auto p = records.phase(phase)) {
            if (const auto fund = records.values(RecordKind::Fund, p->fundId))
                m_fund->setRecord(p->fundId, fund->text(FundField::Name));
        }
    }
    loadPhases(phase);
    if (investee != 0) {
        if (const auto i = records.values(RecordKind::Investee, investee))
            m_investee->setRecord(investee, i->text(InvesteeField::Name));
    }
    if (row) {
        m_date->setText(row->text(DisbursementField::Date));
        selectWord(m_type, row->text(DisbursementField::Type));
        m_amount->setStored(row->value(DisbursementField::Amount), row->text(DisbursementField::Currency));
        const QVariant stake = row->value(DisbursementField::Stake);
        m_stake->setText(stake.isValid()
                ? QString::number(stake.toDouble(), 'g', QLocale::FloatingPointShortest)
                : QString());
        selectWord(m_status, row->text(DisbursementField::Status));
        selectWord(m_confidence, row->text(DisbursementField::Confidence));
        m_source->setText(row->text(DisbursementField::Source));
        m_notes->setPlainText(row->text(DisbursementField::Notes));
    } else {
        selectWord(m_type, QString::fromLatin1(Vocabulary::word(Vocabulary::EventType::EquityPurchase)));
        m_amount->startEmpty();
        selectWord(m_status, QString::fromLatin1(Vocabulary::word(Vocabulary::Status::Completed)));
        selectWord(m_confidence, QString::fromLatin1(Vocabulary::word(Vocabulary::Confidence::Medium)));
    }

    connect(m_fund, &RecordPicker::recordChanged, this, [this] {
        loadPhases(0);
        touched({ fundKey() });
    });
    connect(m_fund, &QLineEdit::textChanged, this, [this] { touched({ fundKey() }); });
    connect(
        m_phase, &QComboBox::currentIndexChanged, this, [this] { touched(DisbursementField::Phase); });
    connect(m_investee, &QLineEdit::textChanged, this, [this] {
        if (m_newInvestee && m_investee->text() != m_newInvestee->text(InvesteeField::Name))
            m_newInvestee.reset(); // typed over: no longer the new one
        touched(DisbursementField::Investee);
    });
    connect(m_investee, &RecordPicker::recordChanged, this,
        [this] { touched(DisbursementField::Investee); });
    connect(m_createInvestee, &QPushButton::clicked, this, [this] { openNewInvestee(); });
    connect(m_date, &QLineEdit::textEdited, this, [this] { touched(DisbursementField::Date); });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] { touched(DisbursementField::Type); });
    connect(m_amount, &AmountEdit::changed, this, [this] {
        touched(DisbursementField::Amount, DisbursementField::Currency);
    });
    connect(m_stake, &QLineEdit::textEdited, this, [this] { touched(DisbursementField::Stake); });
    connect(
        m_status, &QComboBox::currentIndexChanged, this, [this] { touched(DisbursementField::Status); });
    connect(m_confidence, &QComboBox::currentIndexChanged, this,
        [this] { touched(DisbursementField::Confidence); });
    connect(m_source, &QLineEdit::textEdited, this, [this] { touched(DisbursementField::Source); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { touched(DisbursementField::Notes); });
    finishSetup();
}

void DisbursementForm::loadPhases(qint64 selectPhase)
{
    m_phase->clear();
    if (m_fund->recordId() != 0) {
        for (const PhaseRecord &p : m_session.records().phasesOf(m_fund->recordId()))
            m_phase->addItem(
                p.startDate.isEmpty() ? p.label : tr("%1 (%2)").arg(p.label, p.startDate.left(4)), p.id);
    }
    m_phase->setEnabled(m_phase->count() > 0);
    if (selectPhase != 0)
        selectItem(m_phase, selectPhase);
}

InvesteeForm *DisbursementForm::openNewInvestee()
{
    auto *form = new InvesteeForm(m_session, 0, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->setCollectOnly(true);
    form->setWindowTitle(tr("New investee (added with the disbursement)"));
    if (m_investee->recordId() == 0)
        form->setName(m_investee->text().trimmed());
    connect(form, &QDialog::accepted, this, [this, form] {
        setNewInvestee(form->values());
        m_date->setFocus(Qt::OtherFocusReason);
    });
    form->open();
    return form;
}

void DisbursementForm::setNewInvestee(const RowValues &investee)
{
    m_newInvestee = investee;
    const QSignalBlocker blocker(m_investee);
    m_investee->setRecord(0, investee.text(InvesteeField::Name));
    m_investee->setToolTip(tr("New: added together with this disbursement"));
    touched(DisbursementField::Investee);
}

RowValues DisbursementForm::values() const
{
    RowValues row = emptyRow();
    row.set(DisbursementField::Phase, itemId(m_phase));
    row.set(DisbursementField::Investee, m_investee->recordId());
    row.set(DisbursementField::Date, textOrNull(Validation::normalizedDate(m_date->text())));
    row.set(DisbursementField::Type, word(m_type));
    row.set(DisbursementField::Amount, m_amount->storedAmount());
    row.set(DisbursementField::Currency, m_amount->storedCurrency());
    QVariant stake;
    Validation::parseStake(m_stake->text(), &stake);
    row.set(DisbursementField::Stake, stake);
    row.set(DisbursementField::Status, word(m_status));
    row.set(DisbursementField::Confidence, word(m_confidence));
    row.set(DisbursementField::Source, textOrNull(m_source->text()));
    row.set(DisbursementField::Notes, textOrNull(m_notes->toPlainText()));
    return row;
}

QList<FieldIssue> DisbursementForm::formIssues() const
{
    QList<FieldIssue> issues;
    if (const QString why = m_fund->problem(RecordKind::Fund); !why.isEmpty())
        issues.append({ fundKey(), why });
    else if (m_fund->recordId() == 0)
        issues.append({ fundKey(), tr("Choose the fund that paid.") });
    else if (m_phase->count() == 0)
        issues.append({ columnOf(DisbursementField::Phase),
            tr("This fund has no phase yet: add one first (Data → New phase).") });
    if (!m_newInvestee) {
        if (const QString why = m_investee->problem(RecordKind::Investee); !why.isEmpty())
            issues.append({ columnOf(DisbursementField::Investee), tr("%1 Or create it: New investee…").arg(why) });
    }
    if (const QString why = m_amount->problem(); !why.isEmpty())
        issues.append({ columnOf(DisbursementField::Amount), why });
    QVariant stake;
    if (const QString why = Validation::parseStake(m_stake->text(), &stake); !why.isEmpty())
        issues.append({ columnOf(DisbursementField::Stake), why });
    return issues;
}

bool DisbursementForm::ignores(const FieldIssue &issue) const
{
    // A fund must be chosen before its phase: say that once, at the fund.
    if (issue.column == QLatin1String("phase_id") && m_fund->recordId() == 0)
        return true;
    return issue.column == QLatin1String("investee_id") && m_newInvestee.has_value();
}

bool DisbursementForm::submit(RowValues row, QString *error)
{
    if (!m_newInvestee)
        return RecordForm::submit(row, error);
    RowValues investee = *m_newInvestee;
    investee.id = 0;
    // Checked before the step begins, so a refusal never leaves half a step on the stack.
    if (const QList<FieldIssue> issues = m_session.records().validate(investee);
        !issues.isEmpty()) {
        *error = tr("the new investee: %1").arg(issues.constFirst().message);
        return false;
    }
    m_session.beginMacro(
        m_id == 0 ? tr("Add disbursement and investee") : tr("Edit disbursement, add investee"));
    bool ok = m_session.addRecord(investee);
    if (ok) {
        row.set(DisbursementField::Investee, investee.id);
        ok = RecordForm::submit(row, error);
    } else {
        *error = m_session.lastError();
    }
    m_session.endMacro();
    if (!ok) {
        m_session.undoStack()->undo(); // take back the half that was made
        return false;
    }
    m_newInvestee.reset();
    return true;
}
