#include "CheckReport.h"

#include "Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>

// The messages keep the "Maintenance" context they had before the report left db/sqlite/.
QString CheckReport::text() const
{
    const QLocale c = QLocale::c();
    QString out = QStringLiteral("%1\n").arg(QDir::toNativeSeparators(path));
    if (!error.isEmpty())
        return out + error + QLatin1Char('\n');
    const QString file = fundscope
        ? QCoreApplication::translate("Maintenance", "file: %1 bytes in pages of %2, schema version %3")
        : QCoreApplication::translate("Maintenance",
            "file: %1 bytes in pages of %2, schema version %3 (not marked as a Fundscope database)");
    out += QStringLiteral("  %1\n").arg(file.arg(c.toString(bytes), c.toString(pageSize)).arg(schemaVersion));
    const QString integrityLine = integrity.isEmpty()
        ? QCoreApplication::translate("Maintenance", "integrity: ok")
        : integrity.size() == 1
        ? QCoreApplication::translate("Maintenance", "integrity: 1 problem")
        : QCoreApplication::translate("Maintenance", "integrity: %1 problems").arg(integrity.size());
    out += QStringLiteral("  %1\n").arg(integrityLine);
    for (const QString &line : integrity)
        out += QStringLiteral("    %1\n").arg(line);
    const QString keysLine = foreignKeys.isEmpty()
        ? QCoreApplication::translate("Maintenance", "foreign keys: ok")
        : foreignKeys.size() == 1
        ? QCoreApplication::translate("Maintenance", "foreign keys: 1 row points at rows that do not exist")
        : QCoreApplication::translate("Maintenance", "foreign keys: %1 rows point at rows that do not exist")
              .arg(foreignKeys.size());
    out += QStringLiteral("  %1\n").arg(keysLine);
    for (const QString &line : foreignKeys)
        out += QStringLiteral("    %1\n").arg(line);
    if (!integrity.isEmpty())
        out += Database::damagedMessage(path);
    else if (!foreignKeys.isEmpty())
        out += QCoreApplication::translate("Maintenance", "%1: its rows refer to rows that do not exist")
                   .arg(path);
    else
        out += QCoreApplication::translate("Maintenance", "%1: no damage and no broken references found")
                   .arg(path);
    out += QLatin1Char('\n');
    return out;
}
