#pragma once

#include "EditCommand.h"
#include "ExchangeRateRepository.h"

#include <optional>

/// SetExchangeRate: stores a rate for a currency and year (adding or changing it) or deletes it;
/// undo puts back what was there before, including nothing.
class SetExchangeRate : public EditCommand
{
public:
    SetExchangeRate(EditSession &session, const QString &currency, int year,
        const std::optional<ExchangeRate> &rate, QUndoCommand *parent = nullptr);

protected:
    bool apply(bool forward, EditOutcome *outcome, QString *error) override;

private:
    bool write(const std::optional<ExchangeRate> &rate, QString *error);

    QString m_currency;
    int m_year;
    std::optional<ExchangeRate> m_after;
    std::optional<ExchangeRate> m_before;
    bool m_applied = false;
};
