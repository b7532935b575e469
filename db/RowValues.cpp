#include "RowValues.h"

#include <QCoreApplication>

namespace {

QString joinedAnd(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.value(0);
    return QCoreApplication::translate("Dependents", "%1 and %2")
        .arg(parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")), parts.constLast());
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
        parts.append(disbursements == 1
                ? QCoreApplication::translate("Dependents", "1 disbursement")
                : QCoreApplication::translate("Dependents", "%1 disbursements").arg(disbursements));
    if (phases)
        parts.append(phases == 1 ? QCoreApplication::translate("Dependents", "1 phase")
                                 : QCoreApplication::translate("Dependents", "%1 phases").arg(phases));
    return joinedAnd(parts);
}

QString Dependents::unlinkedText() const
{
    QStringList parts;
    if (childFunds)
        parts.append(childFunds == 1
                ? QCoreApplication::translate("Dependents", "1 fund names it as parent")
                : QCoreApplication::translate("Dependents", "%1 funds name it as parent").arg(childFunds));
    if (lookThrough)
        parts.append(lookThrough == 1
                ? QCoreApplication::translate("Dependents", "1 sub-fund investee looks through to it")
                : QCoreApplication::translate("Dependents", "%1 sub-fund investees look through to it")
                      .arg(lookThrough));
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
