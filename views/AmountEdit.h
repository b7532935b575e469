#pragma once

#include <QHash>
#include <QVariant>
#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

/// Money as researchers type it: an amount ("1,234.5", "12.3亿", "1.2bn", "350m", "5万"; a
/// currency typed with it, "USD 1.2bn" or "$5m", switches the currency picker), a currency
/// picker, and an "undisclosed" box that stores no amount at all (never zero). Underneath, the
/// exact value it will store, so "12.3亿" is seen to mean 1,230,000,000.00.
class AmountEdit : public QWidget
{
    Q_OBJECT
public:
    /// `currencyDigits`: every known currency code with its minor digits.
    explicit AmountEdit(const QHash<QString, int> &currencyDigits, QWidget *parent = nullptr);

    /// Also the label of the checkbox ("undisclosed" for an event, "not known" for capital).
    void setUndisclosedText(const QString &text);
    void setAmount(const std::optional<qint64> &minor, const QString &currency);
    /// A stored amount column (NULL: undisclosed) and its currency, as the forms load a record.
    void setStored(const QVariant &amount, const QString &currency);
    /// A new record's: no amount yet, in CNY, not marked undisclosed.
    void startEmpty();
    bool isUndisclosed() const;
    /// The minor units typed, nullopt when undisclosed or not readable.
    std::optional<qint64> minor() const;
    QString currency() const;
    /// The amount and currency columns as the forms store them: both NULL without an amount.
    QVariant storedAmount() const;
    QVariant storedCurrency() const;
    /// What is wrong with the text, in plain words; empty when it reads (or is undisclosed).
    QString problem() const;

    QLineEdit *amountEdit() const { return m_amount; }
    QComboBox *currencyBox() const { return m_currency; }
    QCheckBox *undisclosedBox() const { return m_undisclosed; }

Q_SIGNALS:
    void changed();

private:
    void update();

    QHash<QString, int> m_digits;
    QLineEdit *m_amount = nullptr;
    QComboBox *m_currency = nullptr;
    QCheckBox *m_undisclosed = nullptr;
    QLabel *m_preview = nullptr;
    std::optional<qint64> m_minor;
    QString m_problem;
};
