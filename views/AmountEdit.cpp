#include "AmountEdit.h"

#include "AmountParser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

AmountEdit::AmountEdit(const QHash<QString, int> &currencyDigits, QWidget *parent)
    : QWidget(parent)
    , m_digits(currencyDigits)
{
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("amount"));
    m_amount->setPlaceholderText(tr("e.g. 1,234.5 · 12.3亿 · 1.2bn · 350m · 5万"));
    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("currency"));
    QStringList codes = currencyDigits.keys();
    codes.sort();
    // The currencies Chinese state funds report in come first.
    for (const QString &first : { QStringLiteral("USD"), QStringLiteral("CNY") }) {
        if (codes.removeOne(first))
            codes.prepend(first);
    }
    m_currency->addItems(codes);
    m_undisclosed = new QCheckBox(tr("undisclosed"), this);
    m_undisclosed->setObjectName(QStringLiteral("undisclosed"));
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("amountPreview"));
    m_preview->setStyleSheet(QStringLiteral("color: gray"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_amount, 0, 0);
    layout->addWidget(m_currency, 0, 1);
    layout->addWidget(m_undisclosed, 0, 2);
    layout->addWidget(m_preview, 1, 0, 1, 3);
    layout->setColumnStretch(0, 1);
    setFocusProxy(m_amount);

    connect(m_amount, &QLineEdit::textChanged, this, &AmountEdit::update);
    connect(m_currency, &QComboBox::currentIndexChanged, this, &AmountEdit::update);
    connect(m_undisclosed, &QCheckBox::toggled, this, [this](bool on) {
        m_amount->setEnabled(!on);
        m_currency->setEnabled(!on);
        update();
    });
    update();
}

void AmountEdit::setUndisclosedText(const QString &text)
{
    m_undisclosed->setText(text);
}

void AmountEdit::setAmount(const std::optional<qint64> &minor, const QString &currency)
{
    if (!currency.isEmpty())
        m_currency->setCurrentText(currency);
    m_undisclosed->setChecked(!minor);
    m_amount->setText(minor ? AmountParser::toText(*minor, m_digits.value(this->currency(), 2)) : QString());
    update();
}

void AmountEdit::setStored(const QVariant &amount, const QString &currency)
{
    setAmount(amount.isValid() ? std::optional<qint64>(amount.toLongLong()) : std::nullopt, currency);
}

void AmountEdit::startEmpty()
{
    setAmount(std::nullopt, QStringLiteral("CNY"));
    m_undisclosed->setChecked(false);
}

bool AmountEdit::isUndisclosed() const
{
    return m_undisclosed->isChecked();
}

std::optional<qint64> AmountEdit::minor() const
{
    return isUndisclosed() ? std::nullopt : m_minor;
}

QString AmountEdit::currency() const
{
    return m_currency->currentText();
}

QVariant AmountEdit::storedAmount() const
{
    const std::optional<qint64> amount = minor();
    return amount ? QVariant(*amount) : QVariant();
}

QVariant AmountEdit::storedCurrency() const
{
    return minor() ? QVariant(currency()) : QVariant();
}

QString AmountEdit::problem() const
{
    return isUndisclosed() ? QString() : m_problem;
}

void AmountEdit::update()
{
    m_minor.reset();
    m_problem.clear();
    if (isUndisclosed()) {
        m_preview->setText(tr("Stored as undisclosed: no amount, never zero."));
        Q_EMIT changed();
        return;
    }
    const AmountParser::Result r = AmountParser::parseWithCurrency(m_amount->text(), m_digits, currency());
    if (r.ok && r.currency != currency()) {
        // "USD 1.2bn" typed: the picker follows the text.
        const QSignalBlocker blocker(m_currency);
        m_currency->setCurrentText(r.currency);
    }
    if (r.ok) {
        m_minor = r.minor;
        m_preview->setText(
            tr("= %1 %2").arg(r.currency, AmountParser::toText(r.minor, m_digits.value(r.currency, 2))));
    } else {
        m_problem = r.error;
        m_preview->clear();
    }
    Q_EMIT changed();
}
