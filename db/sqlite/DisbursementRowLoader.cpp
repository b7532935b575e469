#include "DisbursementRowLoader.h"

#include "InterchangeFields.h"

#include <QCoreApplication>

using namespace InterchangeFields;

bool DisbursementRowLoader::prepare()
{
    if (m_readStored
        && !m_session.query(
                "SELECT phase_id, investee_id, value_date, type, amount_minor, currency FROM disbursements",
                [&](sqlite3_stmt *s) {
                    EventKey key { sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), -1, 0, -1, -1 };
                    const QByteArray date = InterchangeSession::columnBytes(s, 2);
                    if (!date.isEmpty())
                        parsePartialDate(date, &key.date);
                    key.type = matchWord(InterchangeSession::columnBytes(s, 3), EventTypes);
                    if (sqlite3_column_type(s, 4) != SQLITE_NULL)
                        key.amount = sqlite3_column_int64(s, 4);
                    if (sqlite3_column_type(s, 5) != SQLITE_NULL)
                        key.currency = m_names.currencies().value(InterchangeSession::columnBytes(s, 5)).index;
                    m_events.insert(key, -1);
                }))
        return false;
    return m_session.prepareKept(m_insertEvent,
                                 "INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor, "
                                 "currency, stake_pct, status, confidence, source_url, notes) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
}

qint64 DisbursementRowLoader::readPhase(qint64 fundId, bool fundRejected)
{
    using namespace InterchangeColumns::DisbCol;
    const QByteArrayView fund = value(Fund);
    const QByteArrayView phase = value(Phase);
    if (phase.isEmpty()) {
        rowIssue(Phase,
            QCoreApplication::translate(
                "InterchangeLoader", "no phase given (use 'Unattributed' when the source does not say)"));
        return 0;
    }
    if (fundId == 0) {
        if (!fundRejected)
            m_names.noteUnknown(QStringLiteral("phase"), fund, phase); // the fund's phases are unknown too
        return 0;
    }
    const auto phases = m_names.phasesByFund().constFind(fundId);
    qint64 id = phases == m_names.phasesByFund().constEnd() ? 0 : phases->value(borrowed(phase));
    if (id > 0)
        return id;
    const QByteArray rejectedKey = fund.toByteArray() + '\x1f' + phase.toByteArray();
    if (!m_names.rejectedPhases().contains(rejectedKey))
        id = m_names.resolveName(QStringLiteral("phase"), fund, fundId, phase);
    if (id == 0)
        rowIssue(Phase,
            m_names.rejectedHint(QCoreApplication::translate("InterchangeLoader", "unknown phase '%1' of fund '%2'")
                                     .arg(text(phase), text(fund)),
                m_names.rejectedPhases(), rejectedKey));
    return id;
}

qint64 DisbursementRowLoader::readInvestee()
{
    using namespace InterchangeColumns::DisbCol;
    const QByteArrayView investee = value(Investee);
    if (investee.isEmpty()) {
        rowIssue(Investee, QCoreApplication::translate("InterchangeLoader", "no investee given"));
        return 0;
    }
    qint64 id = m_names.investees().value(borrowed(investee));
    if (id == 0 && !m_names.rejectedInvestees().contains(borrowed(investee)))
        id = m_names.resolveName(QStringLiteral("investee"), QByteArrayView(), 0, investee);
    if (id == 0)
        rowIssue(Investee,
            m_names.rejectedHint(
                QCoreApplication::translate("InterchangeLoader", "unknown investee '%1'").arg(text(investee)),
                m_names.rejectedInvestees(), investee));
    return id;
}

double DisbursementRowLoader::readStake()
{
    using namespace InterchangeColumns::DisbCol;
    const QByteArrayView stakeText = value(StakePct);
    double stake = -1;
    if (stakeText.isEmpty())
        return stake;
    QByteArrayView number = stakeText;
    if (number.endsWith('%'))
        number = trimmed(number.chopped(1));
    bool negative = false;
    if (!parseDecimal(number, &stake, &negative))
        rowIssue(StakePct,
            QCoreApplication::translate(
                "InterchangeLoader", "stake '%1' is not a number (a percentage such as 15.9)")
                .arg(text(stakeText)));
    else if (negative && stake != 0)
        rowIssue(StakePct,
            QCoreApplication::translate("InterchangeLoader", "negative stake '%1'").arg(text(stakeText)));
    else if (stake > 100)
        rowIssue(StakePct,
            QCoreApplication::translate("InterchangeLoader", "stake '%1' is over 100 %").arg(text(stakeText)));
    return stake;
}

void DisbursementRowLoader::loadRow()
{
    using namespace InterchangeColumns::DisbCol;
    const QByteArrayView fund = value(Fund);
    EventKey key { 0, 0, -1, 0, -1, -1 };

    const qint64 fundId = readFund(Fund, QCoreApplication::translate("InterchangeLoader", "no fund given"));
    const bool fundRejected = fundId == 0 && !fund.isEmpty() && m_names.rejectedFunds().contains(borrowed(fund));
    key.phase = readPhase(fundId, fundRejected);
    key.investee = readInvestee();
    readDate(Date, &key.date);
    key.type = readWord(Type, EventTypes,
                        QT_TRANSLATE_NOOP("InterchangeLoader", "unknown type '%1' (expected one of: %2)"));
    QByteArray currency;
    readMoney(Amount, Currency, &key.amount, &currency, &key.currency);
    const double stake = readStake();
    const int status = readWord(Status, Statuses,
                                QT_TRANSLATE_NOOP("InterchangeLoader", "unknown status '%1' (expected one of: %2)"));
    const int confidence = value(Confidence).isEmpty()
        ? 1
        : readWord(Confidence, Confidences,
                   QT_TRANSLATE_NOOP("InterchangeLoader", "unknown confidence '%1' (expected one of: %2)"));
    m_session.checkSources(SourceUrl);
    if (!m_session.rowOk())
        return;
    bool first = false;
    if (claim(key, &first) && !store(key, currency, stake, status, confidence) && first)
        m_events.remove(key);
}

bool DisbursementRowLoader::claim(const EventKey &key, bool *first)
{
    // One hash lookup finds a twin and claims the slot.
    qint64 &seen = m_events[key];
    if (seen != 0 && m_session.options().duplicates != DuplicatePolicy::Keep) {
        const QString why = seen > 0 ? QCoreApplication::translate("InterchangeLoader",
                                "duplicate row: same fund, phase, investee, date, type, amount and "
                                "currency as %1")
                                           .arg(m_session.place(seen))
                                     : QCoreApplication::translate("InterchangeLoader",
                                         "duplicate row: the database already has an event with the same "
                                         "fund, phase, investee, date, type, amount and currency");
        if (m_session.options().duplicates == DuplicatePolicy::Skip)
            m_session.skipDuplicate(QString(), why);
        else
            rowIssue(-1, why);
        return false;
    }
    *first = seen == 0;
    if (*first)
        seen = m_session.here();
    return true;
}

bool DisbursementRowLoader::store(const EventKey &key, const QByteArray &currency, double stake, int status,
                                  int confidence)
{
    using namespace InterchangeColumns::DisbCol;
    sqlite3_stmt *s = m_insertEvent.handle();
    m_session.bound(sqlite3_bind_int64(s, 1, key.phase));
    m_session.bound(sqlite3_bind_int64(s, 2, key.investee));
    m_session.bindText(s, 3, value(Date));
    m_session.bindWord(s, 4, EventTypes[size_t(key.type)]);
    if (key.amount > 0) {
        m_session.bound(sqlite3_bind_int64(s, 5, key.amount));
        m_session.bound(sqlite3_bind_text(s, 6, currency.constData(), int(currency.size()), SQLITE_STATIC));
    } else {
        m_session.bound(sqlite3_bind_null(s, 5));
        m_session.bound(sqlite3_bind_null(s, 6));
    }
    if (stake >= 0)
        m_session.bound(sqlite3_bind_double(s, 7, stake));
    else
        m_session.bound(sqlite3_bind_null(s, 7));
    m_session.bindWord(s, 8, Statuses[size_t(status)]);
    m_session.bindWord(s, 9, Confidences[size_t(confidence)]);
    m_session.bindText(s, 10, value(SourceUrl));
    m_session.bindText(s, 11, value(Notes));
    if (!m_session.step(m_insertEvent))
        return false;
    m_session.stored(QStringLiteral("disbursements"), m_session.lastId());
    return true;
}
