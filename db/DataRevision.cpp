#include "DataRevision.h"

#include "Database.h"

#include <QSqlQuery>
#include <QVariant>

std::optional<DataRevision> DataRevision::read(Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT token, revision FROM data_revision WHERE id = 1")) || !q.next())
        return std::nullopt;
    return DataRevision { q.value(0).toString(), q.value(1).toLongLong() };
}
