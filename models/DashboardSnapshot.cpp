#include "DashboardSnapshot.h"

#include "CacheFile.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace {

constexpr quint32 Magic = 0x46534442; // "FSDB"
// Raise with any change to what is written, so an older file is simply not used.
// 2: sub-fund parts of a split by sector carry AggregateRow::SubFundsPart, no longer -1.
constexpr quint32 Format = 2;

QDataStream &operator<<(QDataStream &out, const AggregateRow &r)
{
    out << r.keyId << r.parentId << r.key << r.keyZh << r.invested << r.committed << r.divested << r.events
        << r.investees << r.undisclosed << r.withoutRate << r.funds << r.firstDate << r.lastDate
        << r.latestStake.has_value() << r.latestStake.value_or(0.0) << r.sectorId;
    return out;
}

QDataStream &operator>>(QDataStream &in, AggregateRow &r)
{
    bool hasStake = false;
    double stake = 0;
    in >> r.keyId >> r.parentId >> r.key >> r.keyZh >> r.invested >> r.committed >> r.divested >> r.events
            >> r.investees >> r.undisclosed >> r.withoutRate >> r.funds >> r.firstDate >> r.lastDate >> hasStake
            >> stake >> r.sectorId;
    r.latestStake = hasStake ? std::optional<double>(stake) : std::nullopt;
    return in;
}

QDataStream &operator<<(QDataStream &out, const AggregateResult &r)
{
    out << qint32(r.dimension) << r.currency << qint64(r.rows.size());
    for (const AggregateRow &row : r.rows)
        out << row;
    out << r.totals << r.subFundFlows << r.subFundFlowsInRows << r.ratesUsed << r.ratesMissing;
    return out;
}

QDataStream &operator>>(QDataStream &in, AggregateResult &r)
{
    qint32 dimension = 0;
    qint64 rows = 0;
    in >> dimension >> r.currency >> rows;
    if (dimension < qint32(Dimension::Sector) || dimension > qint32(Dimension::City) || rows < 0 || rows > 10'000'000) {
        in.setStatus(QDataStream::ReadCorruptData);
        return in;
    }
    r.dimension = Dimension(dimension);
    r.rows.resize(rows);
    for (AggregateRow &row : r.rows)
        in >> row;
    in >> r.totals >> r.subFundFlows >> r.subFundFlowsInRows >> r.ratesUsed >> r.ratesMissing;
    return in;
}

QDataStream &operator<<(QDataStream &out, const VocabularyItem &v)
{
    return out << v.id << v.parentId << v.name << v.nameZh;
}

QDataStream &operator>>(QDataStream &in, VocabularyItem &v)
{
    return in >> v.id >> v.parentId >> v.name >> v.nameZh;
}

} // namespace

QString DashboardSnapshot::filePath(const QString &databasePath)
{
    return CacheFile::pathFor(databasePath, QStringLiteral("dashboards"));
}

bool DashboardSnapshot::save(const QString &databasePath, const DataRevision &revision, const DashboardData &data,
                             QString *error)
{
    const QString path = filePath(databasePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << Magic << Format << CacheFile::canonicalPath(databasePath) << revision.token << revision.revision;
    out << data.filter.currency << data.sectors << data.regions << data.phasesBySector << data.yearsBySector
        << data.investees << qint64(data.sectorNames.size());
    for (const VocabularyItem &v : data.sectorNames)
        out << v;
    if (out.status() != QDataStream::Ok || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<DashboardData> DashboardSnapshot::load(const QString &databasePath, const DataRevision &revision)
{
    QFile file(filePath(databasePath));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 format = 0;
    QString path;
    DataRevision stamp;
    in >> magic >> format;
    if (magic != Magic || format != Format)
        return std::nullopt;
    in >> path >> stamp.token >> stamp.revision;
    if (in.status() != QDataStream::Ok || path != CacheFile::canonicalPath(databasePath) || !(stamp == revision))
        return std::nullopt;
    DashboardData data;
    qint64 sectors = 0;
    in >> data.filter.currency >> data.sectors >> data.regions >> data.phasesBySector >> data.yearsBySector
            >> data.investees >> sectors;
    if (in.status() != QDataStream::Ok || sectors < 0 || sectors > 10'000)
        return std::nullopt;
    data.sectorNames.resize(sectors);
    for (VocabularyItem &v : data.sectorNames)
        in >> v;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return data;
}
