#include "PhaseForm.h"

#include "AmountEdit.h"
#include "EditSession.h"
#include "FundRepository.h"
#include "PhaseRepository.h"
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
    Database &db = session.database();
    m_fund = new RecordPicker(
        [&db](const QString &text, int limit) { return FundRepository(db).search(text, limit); }, this);
    m_fund->setObjectName(QStringLiteral("fund"));
    m_fund->setPlaceholderText(tr("type a fund's name (English or Chinese)"));
    m_label = lineEdit(QStringLiteral("label"), tr("Phase I, Phase II, …"));
    m_start = lineEdit(QStringLiteral("startDate"), tr("YYYY, YYYY-MM or YYYY-MM-DD"));
    m_capital = new AmountEdit(session.currencyDigits(), this);
    m_capital->setObjectName(QStringLiteral("capital"));
    m_capital->setUndisclosedText(tr("not known"));
    m_basis = lineEdit(QStringLiteral("capitalBasis"), tr("registered, paid-in, target …"));
    m_source = lineEdit(QStringLiteral("source"), tr("https://… (several: separate with “ | ”)"));

    addRow(tr("&Fund"), m_fund, { QStringLiteral("fund_id") });
    addRow(tr("&Label"), m_label, { QStringLiteral("label") });
    addRow(tr("S&tart"), m_start, { QStringLiteral("start_date") });
    addRow(tr("&Capital"), m_capital, { QStringLiteral("capital_minor"), QStringLiteral("currency") },
        { m_capital->amountEdit(), m_capital->currencyBox(), m_capital->undisclosedBox() });
    addRow(tr("Capital &basis"), m_basis, { QStringLiteral("capital_basis") });
    addRow(tr("&Source"), m_source, { QStringLiteral("source_url") });

    const auto row = phaseId != 0 ? PhaseRepository(db).values(phaseId) : std::nullopt;
    const qint64 owner = row ? row->number(QStringLiteral("fund_id")) : fundId;
    if (owner != 0) {
        if (const auto fund = FundRepository(db).values(owner))
            m_fund->setRecord(owner, fund->text(QStringLiteral("name")));
    }
    if (row) {
        m_label->setText(row->text(QStringLiteral("label")));
        m_start->setText(row->text(QStringLiteral("start_date")));
        const QVariant capital = row->value(QStringLiteral("capital_minor"));
        m_capital->setAmount(capital.isValid() ? std::optional<qint64>(capital.toLongLong()) : std::nullopt,
            row->text(QStringLiteral("currency")));
        m_basis->setText(row->text(QStringLiteral("capital_basis")));
        m_source->setText(row->text(QStringLiteral("source_url")));
    } else {
        m_capital->setAmount(std::nullopt, QStringLiteral("CNY"));
        m_capital->undisclosedBox()->setChecked(false);
    }
    if (row && !row->value(QStringLiteral("capital_minor")).isValid())
        m_capital->undisclosedBox()->setChecked(false); // shown as an empty amount: "not known"

    connect(m_fund, &QLineEdit::textChanged, this, [this] { touched({ QStringLiteral("fund_id") }); });
    connect(m_fund, &RecordPicker::recordChanged, this, [this] { touched({ QStringLiteral("fund_id") }); });
    connect(m_label, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("label") }); });
    connect(m_start, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("start_date") }); });
    connect(m_capital, &AmountEdit::changed, this, [this] {
        touched({ QStringLiteral("capital_minor"), QStringLiteral("currency") });
    });
    connect(m_basis, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("capital_basis") }); });
    connect(m_source, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("source_url") }); });
    finishSetup();
}

RowValues PhaseForm::values() const
{
    RowValues row;
    row.kind = RecordKind::Phase;
    row.id = m_id;
    row.set(QStringLiteral("fund_id"), m_fund->recordId());
    row.set(QStringLiteral("label"), textOrNull(m_label->text()));
    row.set(QStringLiteral("start_date"), textOrNull(Validation::normalizedDate(m_start->text())));
    const std::optional<qint64> capital = m_capital->minor();
    row.set(QStringLiteral("capital_minor"), capital ? QVariant(*capital) : QVariant());
    row.set(QStringLiteral("currency"), capital ? QVariant(m_capital->currency()) : QVariant());
    row.set(QStringLiteral("capital_basis"), textOrNull(m_basis->text()));
    row.set(QStringLiteral("source_url"), textOrNull(m_source->text()));
    return row;
}

QList<FieldIssue> PhaseForm::formIssues() const
{
    QList<FieldIssue> issues;
    if (const QString why = m_fund->problem(RecordKind::Fund); !why.isEmpty())
        issues.append({ QStringLiteral("fund_id"), why });
    // Capital is often not reported: an empty amount simply means "not known".
    if (const QString why = m_capital->problem();
        !why.isEmpty() && !m_capital->amountEdit()->text().trimmed().isEmpty())
        issues.append({ QStringLiteral("capital_minor"), why });
    return issues;
}
