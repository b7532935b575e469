#include "PhaseRowLoader.h"

#include "InterchangeFields.h"

#include <QCoreApplication>

using InterchangeFields::borrowed;
using InterchangeFields::text;

bool PhaseRowLoader::prepare()
{
    return m_session.prepareKept(m_insertPhase,
                                 "INSERT INTO phases(fund_id, label, start_date, capital_minor, currency, "
                                 "capital_basis, source_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
}

void PhaseRowLoader::loadRow()
{
    using namespace InterchangeColumns::PhaseCol;
    const QByteArrayView fund = value(Fund);
    const QByteArrayView label = value(Phase);
    const qint64 fundId = readFund(Fund, QCoreApplication::translate("InterchangeLoader", "the phase has no fund"));
    bool duplicate = false;
    if (label.isEmpty()) {
        rowIssue(Phase, QCoreApplication::translate("InterchangeLoader", "the phase has no label"));
    } else if (fundId > 0 && m_names.phasesByFund().value(fundId).contains(borrowed(label))) {
        const qint64 first = m_phaseLines.value(fundId).value(borrowed(label), 0);
        const QString why = first > 0
            ? QCoreApplication::translate("InterchangeLoader", "duplicate phase '%1' of '%2' (already on %3)")
                  .arg(text(label), text(fund), m_session.place(first))
            : QCoreApplication::translate(
                "InterchangeLoader", "phase '%1' of '%2' is already in the database")
                  .arg(text(label), text(fund));
        if (skipRepeat(Phase, QStringLiteral("phase"), why))
            return;
        duplicate = true;
    }
    int date = 0;
    readDate(StartDate, &date);
    qint64 capital = -1;
    QByteArray currency;
    int currencyIndex = -1;
    readMoney(Capital, Currency, &capital, &currency, &currencyIndex);
    m_session.checkSources(SourceUrl);
    if (!m_session.rowOk()) {
        if (!fund.isEmpty() && !label.isEmpty() && !duplicate)
            rememberRejected(m_names.rejectedPhases(), fund.toByteArray() + '\x1f' + label.toByteArray());
        return;
    }
    sqlite3_stmt *s = m_insertPhase.handle();
    m_session.bindId(s, 1, fundId);
    m_session.bindText(s, 2, label);
    m_session.bindText(s, 3, value(StartDate));
    m_session.bindId(s, 4, capital); // NULL when undisclosed
    m_session.bindText(s, 5, currency);
    m_session.bindText(s, 6, value(CapitalBasis));
    m_session.bindText(s, 7, value(SourceUrl));
    if (!m_session.step(m_insertPhase))
        return;
    const qint64 id = m_session.lastId();
    const QByteArray key = label.toByteArray();
    m_session.stored(QStringLiteral("phases"), id);
    m_names.phasesByFund()[fundId].insert(key, id);
    m_phaseLines[fundId].insert(key, m_session.here());
}
