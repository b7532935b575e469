#include "RowValues.h"

namespace {

QString counted(qint64 n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

QString joinedAnd(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.value(0);
    return parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + parts.constLast();
}

} // namespace

QString FieldIssue::toString() const
{
    return column.isEmpty() ? message : column + QStringLiteral(": ") + message;
}

QString Dependents::deletedText() const
{
    QStringList parts;
    if (disbursements)
        parts.append(counted(disbursements, "disbursement", "disbursements"));
    if (phases)
        parts.append(counted(phases, "phase", "phases"));
    return joinedAnd(parts);
}

QString Dependents::unlinkedText() const
{
    QStringList parts;
    if (childFunds)
        parts.append(childFunds == 1 ? QStringLiteral("1 fund names it as parent")
                                     : QStringLiteral("%1 funds name it as parent").arg(childFunds));
    if (lookThrough)
        parts.append(lookThrough == 1
                ? QStringLiteral("1 sub-fund investee looks through to it")
                : QStringLiteral("%1 sub-fund investees look through to it").arg(lookThrough));
    return joinedAnd(parts);
}

QList<qint64> Removal::ids(RecordKind kind) const
{
    QList<qint64> result;
    for (const RowValues &row : rows) {
        if (row.kind == kind)
            result.append(row.id);
    }
    return result;
}
