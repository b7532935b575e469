#include "ColumnSnapshot.h"

#include "CacheFile.h"
#include "ColumnStore.h"
#include "Vocabulary.h"

#include <QBuffer>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cstring>

namespace {

constexpr quint32 Magic = 0x46534343; // "FSCC"
// Raise with any change to ColumnStore or to what is written, so an older file is not used.
constexpr quint32 Format = 1;
// Written in the machine's own order: a file from a machine of the other order reads back wrong.
constexpr quint32 ByteOrderMark = 0x01020304;

// The arrays are written raw, in the machine's own layout, after this header and the metadata
// (a QDataStream block: path, stamp, currencies, rates).
struct Header
{
    quint32 magic = Magic;
    quint32 format = Format;
    quint32 byteOrder = ByteOrderMark;
    quint32 metaBytes = 0;
    quint64 rows = 0;
    quint64 investees = 0;
    quint64 phases = 0;
    quint64 checksum = 0; ///< of the metadata and every array
};
static_assert(sizeof(Header) == 48);

// How many snapshots the folder keeps (the most recently written).
constexpr qsizetype KeptFiles = 8;

// Bounds a damaged header cannot get past: the dense indexes are int32, and the metadata is a
// few currencies and rates.
constexpr quint64 MaxCount = quint64(1) << 31;
constexpr quint32 MaxMetaBytes = 64u << 20;

// The arrays of each length, in file order. `visit` gets each array (a Column or std::vector).
template<typename Store, typename Visit>
void visitRowArrays(Store &s, Visit visit)
{
    visit(s.investee);
    visit(s.phase);
    visit(s.dateKeys);
    visit(s.year);
    visit(s.type);
    visit(s.status);
    visit(s.confidence);
    visit(s.currency);
    visit(s.valueCny);
    visit(s.valueUsd);
    visit(s.stake);
}

template<typename Store, typename Visit>
void visitInvesteeArrays(Store &s, Visit visit)
{
    visit(s.investeeId);
    visit(s.investeeSector);
    visit(s.investeeSegment);
    visit(s.investeeRegion);
    visit(s.investeeCountry);
    visit(s.investeeProvince);
    visit(s.investeeCity);
    visit(s.investeeIsFund);
}

template<typename Store, typename Visit>
void visitPhaseArrays(Store &s, Visit visit)
{
    visit(s.phaseId);
    visit(s.phaseFund);
}

template<typename Store, typename Visit>
void visitAllArrays(Store &s, Visit visit)
{
    visitRowArrays(s, visit);
    visitInvesteeArrays(s, visit);
    visitPhaseArrays(s, visit);
}

/// Bytes one element of each array family takes.
quint64 elementBytes(auto visitFamily)
{
    ColumnStore probe;
    quint64 bytes = 0;
    visitFamily(probe, [&](auto &array) { bytes += sizeof(array[0]); });
    return bytes;
}

/// A fast 64-bit checksum for finding damage (not tampering): four independent multiply-xor
/// lanes, so it runs at memory speed.
class Checksum
{
public:
    void add(const void *data, size_t bytes)
    {
        const auto *p = static_cast<const unsigned char *>(data);
        size_t i = 0;
        for (; i + 32 <= bytes; i += 32) {
            for (int l = 0; l < 4; ++l) {
                quint64 w;
                std::memcpy(&w, p + i + 8 * size_t(l), 8);
                m_lanes[l] = (m_lanes[l] ^ w) * Prime;
            }
        }
        for (; i < bytes; ++i)
            m_lanes[0] = (m_lanes[0] ^ p[i]) * Prime;
        m_lanes[1] = (m_lanes[1] ^ bytes) * Prime; // where one array ends and the next begins
    }
    quint64 value() const
    {
        quint64 h = 0;
        for (quint64 lane : m_lanes)
            h = (h ^ lane ^ (lane >> 29)) * Prime;
        return h;
    }

private:
    static constexpr quint64 Prime = 0x9E3779B97F4A7C15ull; // odd: each step is a bijection
    quint64 m_lanes[4] = { 0x243F6A8885A308D3ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
                           0x082EFA98EC4E6C89ull };
};

QByteArray metadata(const QString &databasePath, const DataRevision &revision, const ColumnStore &store)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << CacheFile::canonicalPath(databasePath) << revision.token << revision.revision << qint32(store.latestYear)
        << store.currencyCodes << store.rates;
    return bytes;
}

/// Every index of the rows points into its table, and the rows are in investee order (the
/// groupings rely on both).
bool indexesInRange(const ColumnStore &s)
{
    const auto investees = int32_t(s.investeeId.size());
    const auto phases = int32_t(s.phaseId.size());
    const auto currencies = int(s.currencyCodes.size());
    const int types = int(Vocabulary::eventTypes().size());
    const int statuses = int(Vocabulary::statuses().size());
    const int confidences = int(Vocabulary::confidences().size());
    int32_t previousInvestee = 0;
    bool ok = true;
    for (size_t r = 0; r < s.investee.size(); ++r) {
        const int32_t investee = s.investee[r];
        ok &= investee >= previousInvestee && investee < investees;
        previousInvestee = investee;
        ok &= s.phase[r] >= 0 && s.phase[r] < phases;
        ok &= s.type[r] < types && s.status[r] < statuses && s.confidence[r] < confidences;
        ok &= s.currency[r] < currencies || s.currency[r] == ColumnStore::Undisclosed;
        ok &= s.year[r] >= 0 && s.year[r] <= s.latestYear;
    }
    return ok;
}

} // namespace

QString ColumnSnapshot::filePath(const QString &databasePath)
{
    return CacheFile::pathFor(databasePath, QStringLiteral("columns"));
}

bool ColumnSnapshot::save(const QString &file, const QString &databasePath, const DataRevision &revision,
                          const ColumnStore &store, QString *error)
{
    Header header;
    const QByteArray meta = metadata(databasePath, revision, store);
    header.metaBytes = quint32(meta.size());
    header.rows = quint64(store.rowCount());
    header.investees = store.investeeId.size();
    header.phases = store.phaseId.size();
    Checksum sum;
    sum.add(meta.constData(), size_t(meta.size()));
    visitAllArrays(store, [&](const auto &array) { sum.add(array.data(), array.size() * sizeof(array[0])); });
    header.checksum = sum.value();

    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file);
    bool ok = out.open(QIODevice::WriteOnly);
    auto write = [&](const void *data, size_t bytes) {
        ok = ok && out.write(static_cast<const char *>(data), qint64(bytes)) == qint64(bytes);
    };
    write(&header, sizeof header);
    write(meta.constData(), size_t(meta.size()));
    visitAllArrays(store, [&](const auto &array) { write(array.data(), array.size() * sizeof(array[0])); });
    if (!ok || !out.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(file, out.errorString());
        return false;
    }
    // The snapshots of databases deleted, moved or not opened for long would pile up (40 bytes a
    // disbursement each): only the most recently written are kept.
    const QFileInfoList kept = QDir(QFileInfo(file).absolutePath())
                                   .entryInfoList({ QStringLiteral("*.bin") }, QDir::Files, QDir::Time);
    for (qsizetype i = KeptFiles; i < kept.size(); ++i)
        QFile::remove(kept.at(i).absoluteFilePath());
    return true;
}

bool ColumnSnapshot::load(const QString &file, const QString &databasePath, const DataRevision &revision,
                          ColumnStore &store, QString *why)
{
    store.clear();
    auto refuse = [&](const QString &reason) {
        store.clear();
        if (why)
            *why = QStringLiteral("%1: %2").arg(file, reason);
        return false;
    };
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return refuse(in.errorString());
    Header header;
    if (in.read(reinterpret_cast<char *>(&header), sizeof header) != qint64(sizeof header))
        return refuse(QStringLiteral("shorter than its header"));
    if (header.magic != Magic || header.format != Format || header.byteOrder != ByteOrderMark)
        return refuse(QStringLiteral("not a column snapshot of this format and byte order"));
    if (header.rows >= MaxCount || header.investees >= MaxCount || header.phases >= MaxCount
        || header.metaBytes > MaxMetaBytes)
        return refuse(QStringLiteral("counts out of range"));
    static const quint64 rowBytes = elementBytes([](auto &s, auto v) { visitRowArrays(s, v); });
    static const quint64 investeeBytes = elementBytes([](auto &s, auto v) { visitInvesteeArrays(s, v); });
    static const quint64 phaseBytes = elementBytes([](auto &s, auto v) { visitPhaseArrays(s, v); });
    const quint64 expected = sizeof header + header.metaBytes + header.rows * rowBytes
        + header.investees * investeeBytes + header.phases * phaseBytes;
    if (quint64(in.size()) != expected)
        return refuse(QStringLiteral("%1 bytes where its header says %2").arg(in.size()).arg(expected));

    const QByteArray meta = in.read(header.metaBytes);
    QString path;
    DataRevision stamp;
    qint32 latestYear = 0;
    {
        QDataStream stream(meta);
        stream.setVersion(QDataStream::Qt_6_4);
        stream >> path >> stamp.token >> stamp.revision >> latestYear >> store.currencyCodes >> store.rates;
        if (stream.status() != QDataStream::Ok || !stream.atEnd())
            return refuse(QStringLiteral("damaged metadata"));
    }
    if (path != CacheFile::canonicalPath(databasePath))
        return refuse(QStringLiteral("the snapshot of another database (%1)").arg(path));
    if (!(stamp == revision))
        return refuse(QStringLiteral("written from another state of the data"));
    store.latestYear = latestYear;

    Checksum sum;
    sum.add(meta.constData(), size_t(meta.size()));
    bool ok = true;
    auto read = [&](auto &array, quint64 count) {
        array.resize(size_t(count));
        const qint64 bytes = qint64(count * sizeof(array[0]));
        ok = ok && in.read(reinterpret_cast<char *>(array.data()), bytes) == bytes;
        if (ok)
            sum.add(array.data(), size_t(bytes));
    };
    visitRowArrays(store, [&](auto &array) { read(array, header.rows); });
    visitInvesteeArrays(store, [&](auto &array) { read(array, header.investees); });
    visitPhaseArrays(store, [&](auto &array) { read(array, header.phases); });
    if (!ok)
        return refuse(in.errorString());
    if (sum.value() != header.checksum)
        return refuse(QStringLiteral("damaged (checksum mismatch)"));
    if (!indexesInRange(store))
        return refuse(QStringLiteral("an index out of range"));
    store.investeeIndex.build(store.investeeId);
    store.phaseIndex.build(store.phaseId);
    return true;
}
