#include "SetExchangeRate.h"

#include <QCoreApplication>

SetExchangeRate::SetExchangeRate(EditSession &session, const QString &currency, int year,
    const std::optional<ExchangeRate> &rate, QUndoCommand *parent)
    : EditCommand(session,
        rate ? QCoreApplication::translate("EditCommand", "Set exchange rate %1 %2").arg(currency).arg(year)
             : QCoreApplication::translate("EditCommand", "Delete exchange rate %1 %2")
                   .arg(currency)
                   .arg(year),
        parent)
    , m_currency(currency)
    , m_year(year)
    , m_after(rate)
{
    if (m_after) {
        m_after->currency = currency;
        m_after->year = year;
    }
}

bool SetExchangeRate::write(const std::optional<ExchangeRate> &rate, QString *error)
{
    ExchangeRateRepository rates(database());
    if (rate)
        return rates.set(*rate, error);
    if (!rates.find(m_currency, m_year))
        return true;
    return rates.remove(m_currency, m_year, error);
}

bool SetExchangeRate::apply(bool forward, EditOutcome *outcome, QString *error)
{
    if (!m_applied) {
        m_before = ExchangeRateRepository(database()).find(m_currency, m_year);
        if (m_before == m_after)
            setChangedNothing();
    }
    if (!write(forward ? m_after : m_before, error))
        return false;
    m_applied = true;
    outcome->rates = true;
    outcome->totals = true;
    return true;
}
