#include "ExchangeRateRowLoader.h"

#include "InterchangeFields.h"

#include <QCoreApplication>

#include <algorithm>

using namespace InterchangeFields;

bool ExchangeRateRowLoader::prepare()
{
    return m_session.query("SELECT currency, year FROM exchange_rates",
                           [&](sqlite3_stmt *s) {
                               m_rateLines.insert(InterchangeSession::columnBytes(s, 0) + ':'
                                                      + QByteArray::number(sqlite3_column_int(s, 1)),
                                                  0);
                           })
        && m_session.prepareKept(
               m_insertRate, "INSERT INTO exchange_rates(currency, year, cny_per_unit, source) VALUES (?1, ?2, ?3, ?4)");
}

void ExchangeRateRowLoader::loadRow()
{
    using namespace InterchangeColumns::RateCol;
    const QByteArray code = value(Currency).toByteArray().toUpper();
    if (code.isEmpty())
        rowIssue(Currency, QCoreApplication::translate("InterchangeLoader", "no currency given"));
    else if (!m_names.currencies().contains(code))
        rowIssue(Currency,
            QCoreApplication::translate(
                "InterchangeLoader", "unknown currency '%1' (an ISO 4217 code such as USD, HKD)")
                .arg(text(value(Currency))));
    const QByteArrayView yearText = value(Year);
    bool yearOk = yearText.size() == 4 && std::all_of(yearText.begin(), yearText.end(), isDigit);
    const int year = yearOk ? yearText.toInt() : 0;
    if (!yearOk || year < 1900 || year > 2200)
        rowIssue(Year,
            QCoreApplication::translate("InterchangeLoader", "'%1' is not a year between 1900 and 2200")
                .arg(text(yearText)));
    double rate = 0;
    bool negative = false;
    const QByteArrayView rateText = value(CnyPerUnit);
    if (!parseDecimal(rateText, &rate, &negative))
        rowIssue(CnyPerUnit,
            QCoreApplication::translate(
                "InterchangeLoader", "rate '%1' is not a number (CNY per unit, e.g. 7.1217)")
                .arg(text(rateText)));
    else if (negative || rate <= 0)
        rowIssue(CnyPerUnit,
            QCoreApplication::translate("InterchangeLoader", "rate '%1' must be greater than zero")
                .arg(text(rateText)));
    if (!m_session.rowOk())
        return;
    const QByteArray key = code + ':' + QByteArray::number(year);
    if (const qint64 first = m_rateLines.value(key, -1); first >= 0) {
        const QString why = first > 0
            ? QCoreApplication::translate("InterchangeLoader", "duplicate rate for %1 %2 (already on %3)")
                  .arg(text(code))
                  .arg(year)
                  .arg(m_session.place(first))
            : QCoreApplication::translate("InterchangeLoader", "the database already has a rate for %1 %2")
                  .arg(text(code))
                  .arg(year);
        skipRepeat(Year, QStringLiteral("year"), why);
        return;
    }
    sqlite3_stmt *s = m_insertRate.handle();
    m_session.bound(sqlite3_bind_text(s, 1, code.constData(), int(code.size()), SQLITE_STATIC));
    m_session.bound(sqlite3_bind_int(s, 2, year));
    m_session.bound(sqlite3_bind_double(s, 3, rate));
    m_session.bindText(s, 4, value(Source));
    if (!m_session.step(m_insertRate))
        return;
    m_session.storedRate(text(code), year);
    m_rateLines.insert(key, m_session.here());
}
