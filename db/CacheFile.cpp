#include "CacheFile.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QStandardPaths>

namespace CacheFile {

QString canonicalPath(const QString &databasePath)
{
    const QFileInfo info(databasePath);
    const QString resolved = info.canonicalFilePath();
    return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
}

QString pathFor(const QString &databasePath, const QString &folder)
{
    if (databasePath.isEmpty() || databasePath == QLatin1String(":memory:"))
        return QString();
    const QByteArray key
        = QCryptographicHash::hash(canonicalPath(databasePath).toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QLatin1Char('/') + folder
        + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".bin");
}

} // namespace CacheFile
