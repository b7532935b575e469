#include "DisbursementForm.h"

#include "AmountEdit.h"
#include "DisbursementRepository.h"
#include "EditSession.h"
#include "FundRepository.h"
#include "InvesteeForm.h"
#include "InvesteeRepository.h"
#include "PhaseRepository.h"
#include "RecordPicker.h"
#include "RecordStore.h"
#include "Validation.h"
#include "Vocabulary.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>

DisbursementForm::DisbursementForm(
    EditSession &session, qint64 disbursementId, qint64 phaseId, qint64 investeeId, QWidget *parent)
    : RecordForm(session, RecordKind::Disbursement, disbursementId, parent)
{
    setObjectName(QStringLiteral("disbursementForm"));
    setWindowTitle(disbursementId == 0 ? tr("Add disbursement") : tr("Edit disbursement"));
    Database &db = session.database();
    m_fund = new RecordPicker(
        [&db](const QString &text, int limit) { return FundRepository(db).search(text, limit); }, this);
    m_fund->setObjectName(QStringLiteral("fund"));
    m_fund->setPlaceholderText(tr("type the paying fund's name (English or Chinese)"));
    m_phase = new QComboBox(this);
    m_phase->setObjectName(QStringLiteral("phase"));
    m_investee = new RecordPicker(
        [&db](const QString &text, int limit) { return InvesteeRepository(db).search(text, limit); }, this);
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
        QStringLiteral("type"), Validation::words(RecordKind::Disbursement, QStringLiteral("type")));
    m_amount = new AmountEdit(session.currencyDigits(), this);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_stake
        = lineEdit(QStringLiteral("stake"), tr("percent after the event, e.g. 15.9 (empty: not reported)"));
    m_status = wordBox(
        QStringLiteral("status"), Validation::words(RecordKind::Disbursement, QStringLiteral("status")));
    m_confidence = wordBox(QStringLiteral("confidence"),
        Validation::words(RecordKind::Disbursement, QStringLiteral("confidence")));
    m_source = lineEdit(QStringLiteral("source"), tr("https://… (several: separate with “ | ”)"));
    m_notes = notesEdit(QStringLiteral("notes"));

    addRow(tr("&Fund"), m_fund, { QStringLiteral("fund") });
    addRow(tr("&Phase"), m_phase, { QStringLiteral("phase_id") });
    addRow(tr("&Investee"), investeeRow, { QStringLiteral("investee_id") }, { m_investee, m_createInvestee });
    addRow(tr("&Date"), m_date, { QStringLiteral("value_date") });
    addRow(tr("T&ype"), m_type, { QStringLiteral("type") });
    addRow(tr("&Amount"), m_amount, { QStringLiteral("amount_minor"), QStringLiteral("currency") },
        { m_amount->amountEdit(), m_amount->currencyBox(), m_amount->undisclosedBox() });
    addRow(tr("Sta&ke"), m_stake, { QStringLiteral("stake_pct") });
    addRow(tr("Stat&us"), m_status, { QStringLiteral("status") });
    addRow(tr("&Confidence"), m_confidence, { QStringLiteral("confidence") });
    addRow(tr("&Source"), m_source, { QStringLiteral("source_url") });
    addRow(tr("N&otes"), m_notes, { QStringLiteral("notes") });

    const auto row = disbursementId != 0 ? DisbursementRepository(db).values(disbursementId) : std::nullopt;
    qint64 phase = row ? row->number(QStringLiteral("phase_id")) : phaseId;
    const qint64 investee = row ? row->number(QStringLiteral("investee_id")) : investeeId;
    if (phase != 0) {
        if (const auto p = PhaseRepository(db).byId(phase)) {
            if (const auto fund = FundRepository(db).values(p->fundId))
                m_fund->setRecord(p->fundId, fund->text(QStringLiteral("name")));
        }
    }
    loadPhases(phase);
    if (investee != 0) {
        if (const auto i = InvesteeRepository(db).values(investee))
            m_investee->setRecord(investee, i->text(QStringLiteral("name")));
    }
    if (row) {
        m_date->setText(row->text(QStringLiteral("value_date")));
        selectWord(m_type, row->text(QStringLiteral("type")));
        const QVariant amount = row->value(QStringLiteral("amount_minor"));
        m_amount->setAmount(amount.isValid() ? std::optional<qint64>(amount.toLongLong()) : std::nullopt,
            row->text(QStringLiteral("currency")));
        const QVariant stake = row->value(QStringLiteral("stake_pct"));
        m_stake->setText(stake.isValid()
                ? QString::number(stake.toDouble(), 'g', QLocale::FloatingPointShortest)
                : QString());
        selectWord(m_status, row->text(QStringLiteral("status")));
        selectWord(m_confidence, row->text(QStringLiteral("confidence")));
        m_source->setText(row->text(QStringLiteral("source_url")));
        m_notes->setPlainText(row->text(QStringLiteral("notes")));
    } else {
        selectWord(m_type, QString::fromLatin1(Vocabulary::word(Vocabulary::EventType::EquityPurchase)));
        m_amount->setAmount(std::nullopt, QStringLiteral("CNY"));
        m_amount->undisclosedBox()->setChecked(false);
        selectWord(m_status, QString::fromLatin1(Vocabulary::word(Vocabulary::Status::Completed)));
        selectWord(m_confidence, QString::fromLatin1(Vocabulary::word(Vocabulary::Confidence::Medium)));
    }

    connect(m_fund, &RecordPicker::recordChanged, this, [this] {
        loadPhases(0);
        touched({ QStringLiteral("fund") });
    });
    connect(m_fund, &QLineEdit::textChanged, this, [this] { touched({ QStringLiteral("fund") }); });
    connect(
        m_phase, &QComboBox::currentIndexChanged, this, [this] { touched({ QStringLiteral("phase_id") }); });
    connect(m_investee, &QLineEdit::textChanged, this, [this] {
        if (m_newInvestee && m_investee->text() != m_newInvestee->text(QStringLiteral("name")))
            m_newInvestee.reset(); // typed over: no longer the new one
        touched({ QStringLiteral("investee_id") });
    });
    connect(m_investee, &RecordPicker::recordChanged, this,
        [this] { touched({ QStringLiteral("investee_id") }); });
    connect(m_createInvestee, &QPushButton::clicked, this, [this] { openNewInvestee(); });
    connect(m_date, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("value_date") }); });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] { touched({ QStringLiteral("type") }); });
    connect(m_amount, &AmountEdit::changed, this, [this] {
        touched({ QStringLiteral("amount_minor"), QStringLiteral("currency") });
    });
    connect(m_stake, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("stake_pct") }); });
    connect(
        m_status, &QComboBox::currentIndexChanged, this, [this] { touched({ QStringLiteral("status") }); });
    connect(m_confidence, &QComboBox::currentIndexChanged, this,
        [this] { touched({ QStringLiteral("confidence") }); });
    connect(m_source, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("source_url") }); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { touched({ QStringLiteral("notes") }); });
    finishSetup();
}

void DisbursementForm::loadPhases(qint64 selectPhase)
{
    m_phase->clear();
    if (m_fund->recordId() != 0) {
        for (const PhaseRecord &p : PhaseRepository(m_session.database()).ofFund(m_fund->recordId()))
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
    m_investee->setRecord(0, investee.text(QStringLiteral("name")));
    m_investee->setToolTip(tr("New: added together with this disbursement"));
    touched({ QStringLiteral("investee_id") });
}

RowValues DisbursementForm::values() const
{
    RowValues row;
    row.kind = RecordKind::Disbursement;
    row.id = m_id;
    row.set(QStringLiteral("phase_id"), itemId(m_phase));
    row.set(QStringLiteral("investee_id"), m_investee->recordId());
    row.set(QStringLiteral("value_date"), textOrNull(Validation::normalizedDate(m_date->text())));
    row.set(QStringLiteral("type"), word(m_type));
    const std::optional<qint64> amount = m_amount->minor();
    row.set(QStringLiteral("amount_minor"), amount ? QVariant(*amount) : QVariant());
    row.set(QStringLiteral("currency"), amount ? QVariant(m_amount->currency()) : QVariant());
    QVariant stake;
    Validation::parseStake(m_stake->text(), &stake);
    row.set(QStringLiteral("stake_pct"), stake);
    row.set(QStringLiteral("status"), word(m_status));
    row.set(QStringLiteral("confidence"), word(m_confidence));
    row.set(QStringLiteral("source_url"), textOrNull(m_source->text()));
    row.set(QStringLiteral("notes"), textOrNull(m_notes->toPlainText()));
    return row;
}

QList<FieldIssue> DisbursementForm::formIssues() const
{
    QList<FieldIssue> issues;
    if (const QString why = m_fund->problem(RecordKind::Fund); !why.isEmpty())
        issues.append({ QStringLiteral("fund"), why });
    else if (m_fund->recordId() == 0)
        issues.append({ QStringLiteral("fund"), tr("Choose the fund that paid.") });
    else if (m_phase->count() == 0)
        issues.append({ QStringLiteral("phase_id"),
            tr("This fund has no phase yet: add one first (Data → New phase).") });
    if (!m_newInvestee) {
        if (const QString why = m_investee->problem(RecordKind::Investee); !why.isEmpty())
            issues.append({ QStringLiteral("investee_id"), tr("%1 Or create it: New investee…").arg(why) });
    }
    if (const QString why = m_amount->problem(); !why.isEmpty())
        issues.append({ QStringLiteral("amount_minor"), why });
    QVariant stake;
    if (const QString why = Validation::parseStake(m_stake->text(), &stake); !why.isEmpty())
        issues.append({ QStringLiteral("stake_pct"), why });
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
    if (const QList<FieldIssue> issues = RecordStore(m_session.database()).validate(investee);
        !issues.isEmpty()) {
        *error = tr("the new investee: %1").arg(issues.constFirst().message);
        return false;
    }
    m_session.beginMacro(
        m_id == 0 ? tr("Add disbursement and investee") : tr("Edit disbursement, add investee"));
    bool ok = m_session.addRecord(investee);
    if (ok) {
        row.set(QStringLiteral("investee_id"), investee.id);
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
