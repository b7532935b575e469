#include "PhaseRepository.h"

#include "Database.h"
#include "RecordStore.h"

#include <QSqlQuery>

QString PhaseRepository::selectPhases()
{
    return QStringLiteral(
        "SELECT p.id, p.fund_id, p.label, p.start_date, p.capital_minor, p.currency, coalesce(c.minor_digits, 2), "
        "p.capital_basis, p.source_url "
        "FROM phases p LEFT JOIN currencies c ON c.code = p.currency ");
}

PhaseRecord PhaseRepository::readPhase(const QSqlQuery &q)
{
    PhaseRecord p;
    p.id = q.value(0).toLongLong();
    p.fundId = q.value(1).toLongLong();
    p.label = q.value(2).toString();
    p.startDate = q.value(3).toString();
    if (!q.value(4).isNull())
        p.capitalMinor = q.value(4).toLongLong();
    p.currency = q.value(5).toString();
    p.minorDigits = q.value(6).toInt();
    p.capitalBasis = q.value(7).toString();
    p.sourceUrl = q.value(8).toString();
    return p;
}

QList<PhaseRecord> PhaseRepository::ofFund(qint64 fundId) const
{
    QList<PhaseRecord> phases;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(selectPhases()
        + QStringLiteral("WHERE p.fund_id = ? ORDER BY p.start_date IS NULL, p.start_date, p.label"));
    q.addBindValue(fundId);
    if (q.exec()) {
        while (q.next())
            phases.append(readPhase(q));
    }
    return phases;
}

std::optional<PhaseRecord> PhaseRepository::byId(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(selectPhases() + QStringLiteral("WHERE p.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readPhase(q);
}
