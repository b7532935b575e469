#include "AggregationCache.h"

#include "AggregationEngine.h"

#include "Database.h"
#include "ExactSum.h"
#include "FilterSql.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSemaphore>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <numeric>
#include <span>
#include <thread>

namespace {

const QStringList &typeWords()
{
    static const QStringList words = { QStringLiteral("commitment"), QStringLiteral("disbursement"),
                                       QStringLiteral("equity purchase"), QStringLiteral("equity sale"),
                                       QStringLiteral("loan"), QStringLiteral("grant") };
    return words;
}

const QStringList &statusWords()
{
    static const QStringList words = { QStringLiteral("announced"), QStringLiteral("committed"),
                                       QStringLiteral("completed"), QStringLiteral("cancelled") };
    return words;
}

const QStringList &confidenceWords()
{
    static const QStringList words = { QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low") };
    return words;
}

constexpr uint8_t Undisclosed = 255;
constexpr int MeasureCommitment = 0;
constexpr int MeasureEquitySale = 3;

// "2020" -> 20200000, "2020-05" -> 20200500, "2020-05-99" -> 20200599: the same order as the
// ISO text comparison SQL does, so filter bounds from FilterSql keep their meaning.
int32_t dateKey(const QString &text)
{
    if (text.size() < 4)
        return -1;
    int32_t key = text.left(4).toInt() * 10000;
    if (text.size() >= 7)
        key += text.mid(5, 2).toInt() * 100;
    if (text.size() >= 10)
        key += text.mid(8, 2).toInt();
    return key;
}

QString rateText(double rate)
{
    return QString::number(rate, 'g', 12);
}

bool runQuery(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec();
}

} // namespace

struct AggregationCache::Masks
{
    std::vector<uint8_t> investeeAllowed;
    std::vector<uint8_t> phaseAllowed;
    bool text = false;
    std::vector<uint8_t> investeeText;
    std::vector<uint8_t> phaseText;
    bool typeOk[8] = {};
    bool statusOk[8] = {};
    bool confidenceOk[8] = {};
    int32_t from = std::numeric_limits<int32_t>::min();
    int32_t to = std::numeric_limits<int32_t>::max();
    bool hasFrom = false;
    bool hasTo = false;
};

QString AggregationCache::dateText(int32_t key)
{
    if (key < 0)
        return QString();
    const int year = key / 10000;
    const int month = key / 100 % 100;
    const int day = key % 100;
    QString text = QString::number(year);
    if (month > 0)
        text += QStringLiteral("-%1").arg(month, 2, 10, QLatin1Char('0'));
    if (day > 0)
        text += QStringLiteral("-%1").arg(day, 2, 10, QLatin1Char('0'));
    return text;
}

inline bool AggregationCache::admits(const Masks &m, size_t r) const
{
    const int32_t inv = m_investee[r];
    const int32_t ph = m_phase[r];
    if (!m.investeeAllowed[size_t(inv)] || !m.phaseAllowed[size_t(ph)])
        return false;
    if (m.text && !m.investeeText[size_t(inv)] && !m.phaseText[size_t(ph)])
        return false;
    if (!m.typeOk[m_type[r]] || !m.statusOk[m_status[r]] || !m.confidenceOk[m_confidence[r]])
        return false;
    const int32_t date = m_dateKey[r];
    return !((m.hasFrom && (date < 0 || date < m.from)) || (m.hasTo && (date < 0 || date > m.to)));
}

bool AggregationCache::count(Database &db, const Filter &filter, qint64 *count, QString *error) const
{
    if (!m_loaded) {
        *error = QCoreApplication::translate("AggregationCache", "the aggregation cache is not loaded");
        return false;
    }
    Masks m;
    if (!buildMasks(db, filter, m, error))
        return false;
    qint64 n = 0;
    const size_t rows = m_investee.size();
    for (size_t r = 0; r < rows; ++r)
        n += admits(m, r) ? 1 : 0;
    *count = n;
    return true;
}

bool AggregationCache::supportsCurrency(const QString &currency)
{
    return currency.isEmpty() || currency == QLatin1String("CNY") || currency == QLatin1String("USD");
}

void AggregationCache::IdIndex::clear()
{
    m_dense = true;
    m_byId = {};
    m_sparse.clear();
}

void AggregationCache::IdIndex::build(const std::vector<qint64> &ids)
{
    clear();
    qint64 lowest = 0;
    qint64 highest = -1;
    for (const qint64 id : ids) {
        lowest = std::min(lowest, id);
        highest = std::max(highest, id);
    }
    // Four bytes per possible id: dense while that stays within a few times the hash's size.
    m_dense = lowest >= 0 && highest < 4 * qint64(ids.size()) + 4096;
    if (m_dense) {
        m_byId.assign(size_t(highest + 1), -1);
        for (size_t i = 0; i < ids.size(); ++i)
            m_byId[size_t(ids[i])] = int32_t(i);
    } else {
        m_sparse.reserve(qsizetype(ids.size()));
        for (size_t i = 0; i < ids.size(); ++i)
            m_sparse.insert(ids[i], int32_t(i));
    }
}

namespace {

// "2020" -> 20200000, "2020-05" -> 20200500, "2020-05-17" -> 20200517, straight from the bytes
// SQLite returns (the schema admits only these shapes). The same key as dateKey(QString).
int32_t dateKeyOfBytes(const char *d, int length)
{
    if (length < 4)
        return -1;
    auto two = [d](int at) { return (d[at] - '0') * 10 + (d[at + 1] - '0'); };
    int32_t key = (two(0) * 100 + two(2)) * 10000;
    if (length >= 7)
        key += two(5) * 100;
    if (length >= 10)
        key += two(8);
    return key;
}

// A short ASCII word as numbers: its length and first sixteen bytes, for comparing the words
// of SQLite's text without a memcmp call per column.
struct WordKey
{
    quint64 head = 0;
    quint64 rest = 0;
    int length = 0;

    bool operator==(const WordKey &) const = default;
};

WordKey wordKey(const unsigned char *text, int length)
{
    WordKey k;
    k.length = length;
    std::memcpy(&k.head, text, size_t(std::clamp(length, 0, 8)));
    std::memcpy(&k.rest, text + 8, size_t(std::clamp(length - 8, 0, 8)));
    return k;
}

// The words of a vocabulary, matched by WordKey (bytes past the sixteenth compared too).
struct Words
{
    std::vector<QByteArray> words;
    std::vector<WordKey> keys;

    explicit Words(const QStringList &list)
    {
        for (const QString &w : list) {
            words.push_back(w.toLatin1());
            keys.push_back(wordKey(
                reinterpret_cast<const unsigned char *>(words.back().constData()), int(words.back().size())));
        }
    }

    // The index of the NUL-terminated word, 0 when it is none of them (the schema's CHECKs admit
    // only these).
    uint8_t indexOf(const unsigned char *text) const
    {
        if (!text)
            return 0;
        const int length = int(std::strlen(reinterpret_cast<const char *>(text)));
        const WordKey k = wordKey(text, length);
        for (size_t i = 0; i < keys.size(); ++i) {
            if (keys[i] == k
                && (length <= 16
                    || std::memcmp(words[i].constData() + 16, text + 16, size_t(length - 16)) == 0))
                return uint8_t(i);
        }
        return 0;
    }
};

// A prepared statement that finalizes itself.
struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    Statement() = default;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement() { sqlite3_finalize(stmt); }
};

qint64 idOrNone(sqlite3_stmt *stmt, int column)
{
    return sqlite3_column_type(stmt, column) == SQLITE_NULL ? qint64(-1) : sqlite3_column_int64(stmt, column);
}

// The statement AggregationCache::readRows() steps, on the connection `handle`.
bool prepareRows(sqlite3 *handle, Statement &s, QString *error)
{
    if (sqlite3_prepare_v2(handle,
            "SELECT investee_id, phase_id, value_date, type, status, confidence, amount_minor, "
            "currency, stake_pct FROM disbursements WHERE rowid BETWEEN ? AND ?",
            -1, &s.stmt, nullptr)
        == SQLITE_OK)
        return true;
    *error = QString::fromUtf8(sqlite3_errmsg(handle));
    return false;
}

// Rowids a chunk of the load spans at most (AggregationCache::readDisbursements).
constexpr quint64 ChunkRowids = 32768;

} // namespace

// A second connection to the same file that reads chunks of the rows on a thread of its own
// (SQLite serializes one connection, so a second core needs a second connection). Both readers
// must see one snapshot: the helper notes PRAGMA data_version before load()'s snapshot begins
// and again after its own reads end, and its chunks are used only when no other connection
// committed in between. Otherwise load() reads those chunks again itself.
class AggregationCache::HelperConnection
{
public:
    HelperConnection() = default;
    HelperConnection(const HelperConnection &) = delete;
    HelperConnection &operator=(const HelperConnection &) = delete;
    ~HelperConnection() { sqlite3_close_v2(m_handle); }

    bool open(const QString &path)
    {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_handle,
                SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
            != SQLITE_OK)
            return false;
        sqlite3_busy_timeout(m_handle, 2000);
        m_version = dataVersion();
        return m_version >= 0;
    }
    sqlite3 *handle() const { return m_handle; }
    /// True when nothing was committed by another connection since open().
    bool unchanged() { return m_version >= 0 && dataVersion() == m_version; }
    bool exec(const char *sql) { return sqlite3_exec(m_handle, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

private:
    qint64 dataVersion()
    {
        Statement s;
        if (sqlite3_prepare_v2(m_handle, "PRAGMA data_version", -1, &s.stmt, nullptr) != SQLITE_OK
            || sqlite3_step(s.stmt) != SQLITE_ROW)
            return -1;
        return sqlite3_column_int64(s.stmt, 0);
    }

    sqlite3 *m_handle = nullptr;
    qint64 m_version = -1;
};

// One disbursement as read, before the counting sort puts it in investee order.
struct AggregationCache::Raw
{
    qint64 investee; ///< the id as read; then the dense index (-1: no such investee)
    qint64 amount;
    int32_t phase, dateKey;
    float stake;
    uint8_t type, status, confidence, currency;
};

bool AggregationCache::load(Database &db, QString *error, qint64 splitFrom)
{
    m_loaded = false;
    m_passSplitFrom = splitFrom;
    for (auto *v : { &m_investee, &m_phase, &m_dateKey })
        *v = {};
    m_year = {};
    m_latestYear = 0;
    for (auto *v : { &m_type, &m_status, &m_confidence, &m_currency })
        *v = {};
    m_valueCny = {};
    m_valueUsd = {};
    m_stake = {};
    m_investeeIsFund = {};
    for (auto *v : { &m_investeeId, &m_investeeSector, &m_investeeSegment, &m_investeeRegion, &m_investeeCountry,
                     &m_investeeProvince, &m_investeeCity, &m_phaseId, &m_phaseFund })
        *v = {};
    m_investeeIndex.clear();
    m_phaseIndex.clear();
    m_currencyCodes.clear();
    m_rates.clear();
    {
        QMutexLocker lock(&m_namesMutex);
        m_names.clear();
    }
    sqlite3 *handle = db.handle();
    if (!handle) {
        *error = QCoreApplication::translate(
            "AggregationCache", "%1: reading the aggregation cache: the database is not open")
                     .arg(db.path());
        return false;
    }
    // A large table is read in two halves on two connections (see HelperConnection), opened
    // before the snapshot below begins. Not inside a caller's transaction: the helper could not
    // see its uncommitted changes.
    std::unique_ptr<HelperConnection> helper;
    if (sqlite3_get_autocommit(handle) && std::thread::hardware_concurrency() >= 2
        && QFileInfo(db.path()).isFile()) {
        Statement s;
        if (sqlite3_prepare_v2(handle, "SELECT max(rowid) FROM disbursements", -1, &s.stmt, nullptr)
                == SQLITE_OK
            && sqlite3_step(s.stmt) == SQLITE_ROW && sqlite3_column_int64(s.stmt, 0) >= splitFrom) {
            helper = std::make_unique<HelperConnection>();
            if (!helper->open(db.path()))
                helper.reset();
        }
    }
    // Every read below sees one snapshot, so a writer committing meanwhile cannot leave an event
    // whose investee or phase was not read. A savepoint nests inside a caller's transaction.
    if (sqlite3_exec(handle, "SAVEPOINT fundscope_cache_load", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = QCoreApplication::translate("AggregationCache", "%1: reading the aggregation cache: %2")
                     .arg(db.path(), QString::fromUtf8(sqlite3_errmsg(handle)));
        return false;
    }
    const bool ok = readDisbursements(db, helper.get(), error);
    sqlite3_exec(handle, "RELEASE fundscope_cache_load", nullptr, nullptr, nullptr);
    if (!ok) {
        for (auto *v : { &m_investeeId, &m_phaseId })
            *v = {};
        return false;
    }
    m_loaded = true;
    return true;
}

bool AggregationCache::readDisbursements(Database &db, HelperConnection *helper, QString *error)
{
    sqlite3 *handle = db.handle();
    auto fail = [&](const QString &what) {
        *error = QStringLiteral("%1: %2: %3").arg(db.path(), what, QString::fromUtf8(sqlite3_errmsg(handle)));
        return false;
    };
    auto prepare = [&](Statement &s, const char *sql) {
        return sqlite3_prepare_v2(handle, sql, -1, &s.stmt, nullptr) == SQLITE_OK;
    };
    auto text = [](sqlite3_stmt *stmt, int column) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
            sqlite3_column_bytes(stmt, column));
    };
    auto rowid = [&](const char *sql, qint64 *value) {
        Statement s;
        if (!prepare(s, sql) || sqlite3_step(s.stmt) != SQLITE_ROW)
            return false;
        *value = sqlite3_column_int64(s.stmt, 0);
        return true;
    };

    QHash<QString, int> minorDigits;
    {
        Statement s;
        if (!prepare(s, "SELECT code, minor_digits FROM currencies"))
            return fail(QCoreApplication::translate("AggregationCache", "reading currencies"));
        int rc;
        while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW) {
            minorDigits.insert(text(s.stmt, 0), sqlite3_column_int(s.stmt, 1));
            m_currencyCodes.append(text(s.stmt, 0));
        }
        if (rc != SQLITE_DONE)
            return fail(QCoreApplication::translate("AggregationCache", "reading currencies"));
    }
    {
        Statement s;
        if (!prepare(s, "SELECT currency, year, cny_per_unit FROM exchange_rates"))
            return fail(QCoreApplication::translate("AggregationCache", "reading exchange rates"));
        int rc;
        while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW)
            m_rates.insert(
                text(s.stmt, 0) + QLatin1Char(' ') + text(s.stmt, 1), sqlite3_column_double(s.stmt, 2));
        if (rc != SQLITE_DONE)
            return fail(QCoreApplication::translate("AggregationCache", "reading exchange rates"));
    }
    {
        Statement s;
        if (!prepare(s, "SELECT id, fund_id FROM phases ORDER BY id"))
            return fail(QCoreApplication::translate("AggregationCache", "reading phases"));
        int rc;
        while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW) {
            m_phaseId.push_back(sqlite3_column_int64(s.stmt, 0));
            m_phaseFund.push_back(sqlite3_column_int64(s.stmt, 1));
        }
        if (rc != SQLITE_DONE)
            return fail(QCoreApplication::translate("AggregationCache", "reading phases"));
    }
    m_phaseIndex.build(m_phaseId);

    // Ids run from 1 with few gaps, so the largest is a close upper bound on the row count (a
    // count(*) walks a whole index: 50-90 ms at a million rows); only a reservation hint.
    qint64 lowestRowid = 0;
    qint64 highestRowid = 0;
    if (!rowid("SELECT min(rowid) FROM disbursements", &lowestRowid)
        || !rowid("SELECT max(rowid) FROM disbursements", &highestRowid))
        return fail(QCoreApplication::translate("AggregationCache", "reading disbursements"));
    const size_t expected = size_t(std::clamp<qint64>(highestRowid, 0, qint64(1) << 28));

    // Rows are read in storage order with the raw SQLite API (a sequential scan; reading in
    // investee order through the index costs five times as much in random page reads), in chunks
    // of rowids. With a helper, this thread and the helper's take the chunks in turn, whichever is
    // free reading the next: both stay busy to the end although this one reads the investees
    // first, and although the UI thread may take a core meanwhile. Who read a chunk does not
    // matter: the chunks are placed in rowid order.
    constexpr qint64 Lowest = std::numeric_limits<qint64>::min();
    constexpr qint64 Highest = std::numeric_limits<qint64>::max();
    const quint64 span = highestRowid >= lowestRowid ? quint64(highestRowid) - quint64(lowestRowid) + 1 : 0;
    quint64 chunkCount = helper ? std::clamp<quint64>(span / ChunkRowids, 16, 64) : 1;
    chunkCount = std::clamp<quint64>(std::min(chunkCount, span), 1, chunkCount);
    const quint64 chunkSpan = span / chunkCount + 1;
    // Each reader appends its chunks to a column of its own, reserved for all the rows: large
    // columns come as huge pages (ColumnAllocator), and only the pages written are ever touched.
    // A column per chunk (1 MB, from the heap) cost a page fault every 4 KB: 8,000 at a million
    // rows, at ~16 µs each on the reference VM.
    struct Chunk
    {
        int reader = 0; ///< 0: this thread, 1: the helper
        size_t first = 0;
        size_t count = 0;
    };
    std::vector<Chunk> chunks(static_cast<size_t>(chunkCount));
    // A cache line each: the two threads append at once, and sharing a line made the column's
    // end pointer bounce between the cores on every row (half of all the time spent reading).
    struct alignas(64) ReaderRows
    {
        Column<Raw> rows;
    };
    ReaderRows readBy[2];
    readBy[0].rows.reserve(expected + 1024);
    if (helper)
        readBy[1].rows.reserve(expected + 1024);
    const auto chunkRows = [&](size_t k) {
        const Chunk &c = chunks[k];
        return std::span<Raw>(readBy[c.reader].rows.data() + c.first, c.count);
    };
    std::atomic<size_t> nextChunk = 0;
    // Reads chunk k, appending its rows to the reader's column.
    const auto readChunk = [&](sqlite3_stmt *stmt, size_t k, int reader, QString *why) {
        const qint64 from = k == 0 ? Lowest : qint64(quint64(lowestRowid) + k * chunkSpan);
        const qint64 to = k + 1 == chunks.size() ? Highest : qint64(quint64(lowestRowid) + (k + 1) * chunkSpan - 1);
        Column<Raw> &rows = readBy[reader].rows;
        chunks[k].reader = reader;
        chunks[k].first = rows.size();
        const bool ok = readRows(stmt, from, to, rows, why);
        chunks[k].count = rows.size() - chunks[k].first;
        return ok;
    };
    // Reads chunks until none is left; false (with *why) when a read failed.
    const auto readChunks = [&](sqlite3 *on, int reader, QString *why) {
        Statement s;
        if (!prepareRows(on, s, why))
            return false;
        for (size_t k; (k = nextChunk.fetch_add(1)) < chunks.size();) {
            if (!readChunk(s.stmt, k, reader, why))
                return false;
        }
        return true;
    };
    bool helperRead = false;
    std::jthread helperThread;
    if (helper) {
        helperThread = std::jthread([helper, &readChunks, &helperRead] {
            QString ignored; // on failure this thread's chunks are read again below
            helperRead = helper->exec("BEGIN") && readChunks(helper->handle(), 1, &ignored);
            helper->exec("COMMIT");
            helperRead = helperRead && helper->unchanged();
        });
    }
    // Stops the helper (it takes no further chunk) and waits for it.
    const auto stopHelper = [&] {
        nextChunk = chunks.size();
        if (helperThread.joinable())
            helperThread.join();
    };

    {
        Statement s;
        if (!prepare(s,
                "SELECT i.id, i.sector_id, i.segment_id, coalesce(i.province_id, cr.parent_id, "
                "i.country_id), "
                "i.country_id, i.province_id, i.city_id, i.kind = 'fund' "
                "FROM investees i LEFT JOIN regions cr ON cr.id = i.city_id ORDER BY i.id")) {
            stopHelper();
            return fail(QCoreApplication::translate("AggregationCache", "reading investees"));
        }
        int rc;
        while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW) {
            m_investeeId.push_back(sqlite3_column_int64(s.stmt, 0));
            m_investeeSector.push_back(idOrNone(s.stmt, 1));
            m_investeeSegment.push_back(idOrNone(s.stmt, 2));
            m_investeeRegion.push_back(idOrNone(s.stmt, 3));
            m_investeeCountry.push_back(idOrNone(s.stmt, 4));
            m_investeeProvince.push_back(idOrNone(s.stmt, 5));
            m_investeeCity.push_back(idOrNone(s.stmt, 6));
            m_investeeIsFund.push_back(sqlite3_column_int(s.stmt, 7) != 0);
        }
        if (rc != SQLITE_DONE) {
            stopHelper();
            return fail(QCoreApplication::translate("AggregationCache", "reading investees"));
        }
    }
    m_investeeIndex.build(m_investeeId);

    if (!readChunks(handle, 0, error)) {
        stopHelper();
        *error = QCoreApplication::translate("AggregationCache", "%1: reading disbursements: %2")
                     .arg(db.path(), *error);
        return false;
    }
    stopHelper();
    if (helper && !helperRead) {
        // A commit came between the two snapshots (or the helper failed): read its chunks here.
        Statement s;
        bool ok = prepareRows(handle, s, error);
        for (size_t k = 0; ok && k < chunks.size(); ++k) {
            if (chunks[k].reader == 1)
                ok = readChunk(s.stmt, k, 0, error);
        }
        if (!ok) {
            *error = QCoreApplication::translate("AggregationCache", "%1: reading disbursements: %2")
                         .arg(db.path(), *error);
            return false;
        }
    }

    // Rates as a dense table [currency][year], so a row converts without hashing.
    constexpr int FirstYear = 1900;
    constexpr int YearCount = 301;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> rateTable(size_t(m_currencyCodes.size()) * YearCount, nan);
    for (auto it = m_rates.cbegin(); it != m_rates.cend(); ++it) {
        const qsizetype c = m_currencyCodes.indexOf(it.key().section(QLatin1Char(' '), 0, 0));
        const int year = it.key().section(QLatin1Char(' '), 1, 1).toInt();
        if (c >= 0 && year >= FirstYear && year < FirstYear + YearCount)
            rateTable[size_t(c) * YearCount + size_t(year - FirstYear)] = it.value();
    }
    std::vector<double> scaleOf(size_t(m_currencyCodes.size()), 100.0);
    for (qsizetype c = 0; c < m_currencyCodes.size(); ++c) {
        const int digits = minorDigits.value(m_currencyCodes.at(c), 2);
        scaleOf[size_t(c)] = digits == 0 ? 1.0 : digits == 1 ? 10.0 : digits == 2 ? 100.0 : digits == 3 ? 1000.0 : 10000.0;
    }
    const int cnyIndex = int(m_currencyCodes.indexOf(QStringLiteral("CNY")));
    const int usdIndex = int(m_currencyCodes.indexOf(QStringLiteral("USD")));
    const auto rate = [&](int currency, int year) {
        return year < FirstYear || year >= FirstYear + YearCount ? nan
                                                                 : rateTable[size_t(currency) * YearCount + size_t(year - FirstYear)];
    };

    // Rows are placed in investee order, and in rowid order within an investee (a counting sort),
    // straight from the chunks into the columns: on two threads, each placing the rows of half
    // the investees. (Sorting through buckets first, to write where the caches are, cost more in
    // a 32 MB buffer's fresh pages than it saved: on this VM a page first touched costs ~16 µs,
    // or 1.5-3.5 ms for a huge page, which the columns' writes mostly are.)
    // Investee ids become dense indexes here rather than during the scan: there, SQLite's pages
    // stream through the cache and push the id table out of it (two cache misses a row).
    const size_t investees = m_investeeId.size();
    // start[i + 1] counts investee i's rows; as prefix sums, each investee's first slot.
    std::vector<size_t> start(investees + 1, 0);
    for (size_t k = 0; k < chunks.size(); ++k) {
        for (Raw &r : chunkRows(k)) {
            r.investee = m_investeeIndex.find(r.investee);
            if (r.investee >= 0)
                ++start[size_t(r.investee) + 1];
        }
    }
    for (size_t i = 1; i < start.size(); ++i)
        start[i] += start[i - 1];
    const size_t n = start.back();
    m_investee.resize(n);
    m_phase.resize(n);
    m_dateKey.resize(n);
    m_year.resize(n);
    m_type.resize(n);
    m_status.resize(n);
    m_confidence.resize(n);
    m_currency.resize(n);
    m_valueCny.resize(n);
    m_valueUsd.resize(n);
    m_stake.resize(n);
    // Places the rows of investees [fromInvestee, toInvestee); returns the latest year met. Two
    // calls on disjoint investees write disjoint slots, so they may run on two threads.
    const auto place = [&](int64_t fromInvestee, int64_t toInvestee) {
        int latest = 0;
        std::vector<size_t> next(start.begin() + fromInvestee, start.begin() + toInvestee);
        for (size_t k = 0; k < chunks.size(); ++k) {
            for (const Raw &r : chunkRows(k)) {
                if (r.investee < fromInvestee || r.investee >= toInvestee)
                    continue; // another thread's, or a broken foreign key (SQL's join leaves it out too)
                const size_t at = next[size_t(r.investee - fromInvestee)]++;
                const int year = r.dateKey < 0 ? 0 : r.dateKey / 10000;
                m_investee[at] = int32_t(r.investee);
                m_phase[at] = r.phase;
                m_dateKey[at] = r.dateKey;
                m_year[at] = int16_t(year);
                latest = std::max(latest, year);
                m_type[at] = r.type;
                m_status[at] = r.status;
                m_confidence[at] = r.confidence;
                m_currency[at] = r.currency;
                m_stake[at] = r.stake;
                if (r.currency == Undisclosed) {
                    m_valueCny[at] = nan;
                    m_valueUsd[at] = nan;
                    continue;
                }
                const double major = double(r.amount) / scaleOf[r.currency];
                // The same arithmetic, in the same order, as AggregationEngine's SQL.
                const double inCny = r.currency == cnyIndex ? major : major * rate(r.currency, year);
                m_valueCny[at] = inCny;
                m_valueUsd[at] = r.currency == usdIndex ? major
                                                        : (r.currency == cnyIndex ? major * 1.0 : inCny)
                        / (year == 0 ? nan : rate(usdIndex, year));
            }
        }
        return latest;
    };
    // The investee whose rows start nearest the middle splits the work.
    int64_t middleInvestee = int64_t(investees);
    if (qint64(n) >= m_passSplitFrom && std::thread::hardware_concurrency() >= 2)
        middleInvestee = std::upper_bound(start.begin(), start.end() - 1, n / 2) - start.begin();
    int upperLatest = 0;
    {
        std::jthread upper;
        if (middleInvestee < int64_t(investees))
            upper = std::jthread([&] { upperLatest = place(middleInvestee, int64_t(investees)); });
        m_latestYear = place(0, middleInvestee);
    }
    m_latestYear = std::max(m_latestYear, upperLatest);
    return true;
}

// Appends the disbursements with rowid in [fromRowid, toRowid] to `raw`, in rowid order, with
// the investee's id (load() makes it an index). Rows whose phase is missing (only possible with
// foreign keys off) are left out. Reads only members set before the scan, so two threads may
// read chunks at once, each with a statement of its own connection (prepareRows()).
bool AggregationCache::readRows(
    sqlite3_stmt *stmt, qint64 fromRowid, qint64 toRowid, Column<Raw> &raw, QString *error) const
{
    sqlite3_reset(stmt);
    sqlite3_bind_int64(stmt, 1, fromRowid);
    sqlite3_bind_int64(stmt, 2, toRowid);
    static const Words types(typeWords());
    static const Words statuses(statusWords());
    static const Words confidences(confidenceWords());
    const Words currencies(m_currencyCodes);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        Raw r;
        r.investee = sqlite3_column_int64(stmt, 0);
        r.phase = m_phaseIndex.find(sqlite3_column_int64(stmt, 1));
        if (r.phase < 0)
            continue;
        // Texts by their terminating NUL rather than sqlite3_column_bytes(), and a NULL date by
        // its null pointer rather than sqlite3_column_type(): seven of the eighteen calls into
        // SQLite a row took (perf put about a sixth of the load in `sqlite3_column_*`).
        const auto *d = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2));
        r.dateKey = d ? dateKeyOfBytes(d, int(std::strlen(d))) : -1;
        r.type = types.indexOf(sqlite3_column_text(stmt, 3));
        r.status = statuses.indexOf(sqlite3_column_text(stmt, 4));
        r.confidence = confidences.indexOf(sqlite3_column_text(stmt, 5));
        if (sqlite3_column_type(stmt, 6) == SQLITE_NULL) {
            r.currency = Undisclosed;
            r.amount = 0;
        } else {
            r.amount = sqlite3_column_int64(stmt, 6);
            r.currency = currencies.indexOf(sqlite3_column_text(stmt, 7));
        }
        r.stake = sqlite3_column_type(stmt, 8) == SQLITE_NULL ? std::numeric_limits<float>::quiet_NaN()
                                                              : float(sqlite3_column_double(stmt, 8));
        raw.push_back(r);
    }
    if (rc != SQLITE_DONE) {
        *error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(stmt)));
        return false;
    }
    return true;
}

bool AggregationCache::buildMasks(Database &db, const Filter &f, Masks &m, QString *error) const
{
    QSqlQuery q(db.connection());
    auto fail = [&](const QString &what) {
        *error = QStringLiteral("%1: %2: %3").arg(db.path(), what, q.lastError().text());
        return false;
    };
    const size_t investees = m_investeeId.size();
    const size_t phases = m_phaseId.size();
    m.investeeAllowed.assign(investees, 1);
    m.phaseAllowed.assign(phases, 1);

    if (!f.funds.isEmpty() || !f.phases.isEmpty()) {
        const QSet<qint64> funds(f.funds.cbegin(), f.funds.cend());
        const QSet<qint64> chosen(f.phases.cbegin(), f.phases.cend());
        for (size_t p = 0; p < phases; ++p) {
            const bool fundOk = funds.isEmpty() || funds.contains(m_phaseFund[p]);
            const bool phaseOk = chosen.isEmpty() || chosen.contains(m_phaseId[p]);
            m.phaseAllowed[p] = fundOk && phaseOk;
        }
    }
    QSet<qint64> regions;
    if (!f.regions.isEmpty()) {
        QStringList marks;
        QVariantList binds;
        for (qint64 id : f.regions) {
            marks.append(QStringLiteral("?"));
            binds.append(id);
        }
        if (!runQuery(q, QStringLiteral("WITH RECURSIVE within(id) AS (SELECT id FROM regions WHERE id IN (%1)"
                                        " UNION SELECT r.id FROM regions r JOIN within w ON r.parent_id = w.id)"
                                        " SELECT id FROM within")
                                 .arg(marks.join(QLatin1Char(','))),
                      binds))
            return fail(QCoreApplication::translate("AggregationCache", "resolving regions"));
        while (q.next())
            regions.insert(q.value(0).toLongLong());
    }
    const QSet<qint64> sectors(f.sectors.cbegin(), f.sectors.cend());
    const QSet<qint64> segments(f.segments.cbegin(), f.segments.cend());
    const QSet<qint64> chosenInvestees(f.investees.cbegin(), f.investees.cend());
    if (!sectors.isEmpty() || !segments.isEmpty() || !f.regions.isEmpty() || !chosenInvestees.isEmpty()) {
        for (size_t i = 0; i < investees; ++i) {
            bool ok = sectors.isEmpty() || sectors.contains(m_investeeSector[i]);
            ok = ok && (chosenInvestees.isEmpty() || chosenInvestees.contains(m_investeeId[i]));
            ok = ok && (segments.isEmpty() || segments.contains(m_investeeSegment[i]));
            ok = ok
                    && (f.regions.isEmpty() || regions.contains(m_investeeCountry[i])
                        || regions.contains(m_investeeProvince[i]) || regions.contains(m_investeeCity[i]));
            m.investeeAllowed[i] = ok;
        }
    }
    const QString text = f.text.trimmed();
    if (!text.isEmpty()) {
        m.text = true;
        m.investeeText.assign(investees, 0);
        m.phaseText.assign(phases, 0);
        const QString like = FilterSql::containsPattern(text);
        if (!runQuery(q, QStringLiteral("SELECT id FROM investees WHERE name LIKE ? ESCAPE '\\'"
                                        " OR name_zh LIKE ? ESCAPE '\\' OR ticker LIKE ? ESCAPE '\\'"),
                      { like, like, like }))
            return fail(QCoreApplication::translate("AggregationCache", "searching investees"));
        while (q.next()) {
            const int32_t at = m_investeeIndex.find(q.value(0).toLongLong());
            if (at >= 0)
                m.investeeText[size_t(at)] = 1;
        }
        if (!runQuery(q, QStringLiteral("SELECT p.id FROM phases p JOIN funds fu ON fu.id = p.fund_id"
                                        " WHERE fu.name LIKE ? ESCAPE '\\' OR fu.name_zh LIKE ? ESCAPE '\\'"),
                      { like, like }))
            return fail(QCoreApplication::translate("AggregationCache", "searching funds"));
        while (q.next()) {
            const int32_t at = m_phaseIndex.find(q.value(0).toLongLong());
            if (at >= 0)
                m.phaseText[size_t(at)] = 1;
        }
    }
    auto words = [](bool *ok, const QStringList &all, const QStringList &chosen) {
        for (int i = 0; i < all.size(); ++i)
            ok[i] = chosen.isEmpty() || chosen.contains(all.at(i));
    };
    words(m.typeOk, typeWords(), f.types);
    words(m.statusOk, statusWords(), f.statuses);
    if (f.statuses.isEmpty())
        m.statusOk[statusWords().indexOf(QStringLiteral("cancelled"))] = false;
    words(m.confidenceOk, confidenceWords(), f.confidences);
    if (!f.from.isEmpty()) {
        m.hasFrom = true;
        m.from = dateKey(FilterSql::lowerBound(f.from));
    }
    if (!f.to.isEmpty()) {
        m.hasTo = true;
        m.to = dateKey(FilterSql::upperBound(f.to));
    }
    return true;
}

bool AggregationCache::aggregate(Database &db, Key key, const Filter &filter, bool subFundFlowsInGroups,
                                 Result *result, QString *error) const
{
    QList<Result> results;
    if (!aggregateMany(db, { { key, false, subFundFlowsInGroups } }, filter, &results, error))
        return false;
    *result = std::move(results.first());
    return true;
}

namespace {

using Group = AggregationCache::Group;

// sum (with its tail) += x, as an ExactSum.
inline void addExactly(double &sum, double &tail, double x)
{
    ExactSum s(sum, tail);
    s.add(x);
    sum = s.value();
    tail = s.tail();
}

inline void addExactly(double &sum, double &tail, double partSum, double partTail)
{
    ExactSum s(sum, tail);
    s.add(ExactSum(partSum, partTail));
    sum = s.value();
    tail = s.tail();
}

// Inlined: it runs once a row for the totals and once for each grouping.
[[gnu::always_inline]] inline void accumulate(Group &g, int measure, double value, bool undisclosed)
{
    ++g.events;
    if (undisclosed)
        ++g.undisclosed;
    else if (std::isnan(value))
        ++g.withoutRate;
    else if (measure == MeasureCommitment)
        addExactly(g.committed, g.committedTail, value);
    else if (measure == MeasureEquitySale)
        addExactly(g.divested, g.divestedTail, value);
    else
        addExactly(g.invested, g.investedTail, value);
}

void addInto(Group &sum, const Group &part)
{
    addExactly(sum.invested, sum.investedTail, part.invested, part.investedTail);
    addExactly(sum.committed, sum.committedTail, part.committed, part.committedTail);
    addExactly(sum.divested, sum.divestedTail, part.divested, part.divestedTail);
    sum.events += part.events;
    sum.investees += part.investees;
    sum.undisclosed += part.undisclosed;
    sum.withoutRate += part.withoutRate;
}

} // namespace

// One grouping's working state during the pass: a dense index per row (from a per-investee,
// per-phase or per-year table, times the sector split when asked) maps to its group, so the pass
// itself does no hashing.
struct AggregationCache::Pass
{
    Request request;
    bool byInvestee = false;
    bool byPhase = false;
    std::vector<int32_t> baseOfInvestee; ///< byInvestee: the investee's base index
    std::vector<int32_t> baseOfPhase;    ///< byPhase: the phase's base index
    std::vector<qint64> keyOfBase;
    std::vector<qint64> parentOfBase;
    int32_t sectorCount = 1;
    std::vector<int32_t> groupOfDense;   ///< -1 until the group is first seen
    Column<Group> groups;
    std::vector<size_t> denseOfGroup;    ///< per group: its dense index (joining two halves)
    std::vector<int32_t> lastInvestee;   ///< per group (by phase or year): the investee last counted
    std::vector<int32_t> lastInvesteeOfFund; ///< by investee: per fund, the investee last counted
};

// What a pass over a range of rows sums: every grouping's groups, the totals, the flows into
// sub-funds and the rates met. Two ranges split between two investees are summed apart and
// joined (joinInto): no investee has rows in both, so distinct counts add up.
struct AggregationCache::Partial
{
    std::vector<Pass> passes;
    Group totals;       ///< rows into companies
    Group subFundFlows; ///< rows into sub-funds
    std::vector<uint8_t> seenRate; ///< [currency][year]: a row needed that rate
};

namespace {

// The thread that sums a pass's upper half: one kept for the process rather than one started
// per pass, so its malloc arena keeps the memory of the last pass's groups for the next. Fresh
// pages cost a fault each, and a pass at a million rows builds some 15 MB of groups.
QThreadPool &passHelper()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1);
        return p;
    }();
    return *pool;
}

// `later` into `group`, as if its rows had been summed after the group's own.
void joinGroup(Group &group, const Group &later)
{
    addInto(group, later);
    group.funds += later.funds;
    if (later.firstDate >= 0 && (group.firstDate < 0 || later.firstDate < group.firstDate))
        group.firstDate = later.firstDate;
    group.lastDate = std::max(group.lastDate, later.lastDate);
    // A later row with an equal date wins, as in one pass.
    if (later.latestStakeDate >= 0 && later.latestStakeDate >= group.latestStakeDate) {
        group.latestStakeDate = later.latestStakeDate;
        group.latestStake = later.latestStake;
    }
}

} // namespace

void AggregationCache::joinInto(Partial &lower, const Partial &upper)
{
    joinGroup(lower.totals, upper.totals);
    joinGroup(lower.subFundFlows, upper.subFundFlows);
    for (size_t i = 0; i < lower.seenRate.size(); ++i)
        lower.seenRate[i] |= upper.seenRate[i];
    for (size_t k = 0; k < lower.passes.size(); ++k) {
        Pass &into = lower.passes[k];
        const Pass &from = upper.passes[k];
        // Groups first met in the upper half follow the lower half's, in the order met: the
        // order one pass gives (which ties in the later sort keep).
        for (size_t g = 0; g < from.groups.size(); ++g) {
            const size_t dense = from.denseOfGroup[g];
            const int32_t slot = into.groupOfDense[dense];
            if (slot >= 0) {
                joinGroup(into.groups[size_t(slot)], from.groups[g]);
            } else {
                into.groupOfDense[dense] = int32_t(into.groups.size());
                into.groups.push_back(from.groups[g]);
                into.denseOfGroup.push_back(dense);
            }
        }
    }
}

bool AggregationCache::aggregateMany(Database &db, const QList<Request> &requests, const Filter &filter,
                                     QList<Result> *results, QString *error) const
{
    if (!m_loaded) {
        *error = QCoreApplication::translate("AggregationCache", "the aggregation cache is not loaded");
        return false;
    }
    Masks m;
    if (!buildMasks(db, filter, m, error))
        return false;
    const bool usd = filter.currency == QLatin1String("USD");
    const uint8_t base = uint8_t(m_currencyCodes.indexOf(usd ? QStringLiteral("USD") : QStringLiteral("CNY")));
    const Column<double> &values = usd ? m_valueUsd : m_valueCny;

    // Sectors as a small dense index (0 = none, 1 = the sub-funds' part) for the optional split
    // by sector.
    QHash<qint64, int32_t> sectorIndex;
    std::vector<qint64> sectorOfIndex { -1, AggregateRow::SubFundsPart };
    std::vector<int32_t> investeeSectorIndex(m_investeeId.size(), 0);
    for (size_t i = 0; i < m_investeeId.size(); ++i) {
        if (m_investeeIsFund[i]) {
            investeeSectorIndex[i] = 1;
            continue;
        }
        const qint64 sector = m_investeeSector[i];
        if (sector < 0)
            continue;
        auto it = sectorIndex.constFind(sector);
        if (it == sectorIndex.constEnd()) {
            it = sectorIndex.insert(sector, int32_t(sectorOfIndex.size()));
            sectorOfIndex.push_back(sector);
        }
        investeeSectorIndex[i] = *it;
    }

    std::vector<Pass> passes(size_t(requests.size()));
    qint64 maxFund = 0;
    for (qint64 fund : m_phaseFund)
        maxFund = std::max(maxFund, fund);
    for (qsizetype r = 0; r < requests.size(); ++r) {
        Pass &p = passes[size_t(r)];
        p.request = requests.at(r);
        const Key key = p.request.key;
        p.byInvestee = key == Key::Sector || key == Key::Segment || key == Key::Region || key == Key::Investee
                || key == Key::City;
        p.byPhase = key == Key::Phase || key == Key::Fund;
        QHash<QPair<qint64, qint64>, int32_t> baseOf;
        auto baseFor = [&](qint64 keyId, qint64 parentId) {
            const auto pair = qMakePair(keyId, parentId);
            auto it = baseOf.constFind(pair);
            if (it == baseOf.constEnd()) {
                it = baseOf.insert(pair, int32_t(p.keyOfBase.size()));
                p.keyOfBase.push_back(keyId);
                p.parentOfBase.push_back(parentId);
            }
            return *it;
        };
        if (key == Key::Investee) {
            // Ids are unique: each investee is its own base, without fifty thousand hash inserts
            // in every pass that groups by investee.
            p.baseOfInvestee.resize(m_investeeId.size());
            std::iota(p.baseOfInvestee.begin(), p.baseOfInvestee.end(), 0);
            p.keyOfBase = m_investeeId;
            p.parentOfBase.assign(m_investeeId.size(), -1);
        } else if (p.byInvestee) {
            p.baseOfInvestee.resize(m_investeeId.size());
            for (size_t i = 0; i < m_investeeId.size(); ++i) {
                switch (key) {
                case Key::Sector: p.baseOfInvestee[i] = baseFor(m_investeeSector[i], -1); break;
                case Key::Segment: p.baseOfInvestee[i] = baseFor(m_investeeSegment[i], m_investeeSector[i]); break;
                case Key::Region: p.baseOfInvestee[i] = baseFor(m_investeeRegion[i], -1); break;
                case Key::City:
                default: p.baseOfInvestee[i] = baseFor(m_investeeCity[i], -1); break;
                }
            }
        } else if (p.byPhase) {
            p.baseOfPhase.resize(m_phaseId.size());
            for (size_t ph = 0; ph < m_phaseId.size(); ++ph)
                p.baseOfPhase[ph] = key == Key::Phase ? baseFor(m_phaseId[ph], m_phaseFund[ph])
                                                      : baseFor(m_phaseFund[ph], -1);
        } else {
            // Years: base index = the year itself (0 = unknown), up to the latest loaded.
            p.keyOfBase.resize(size_t(m_latestYear) + 1);
            p.parentOfBase.assign(p.keyOfBase.size(), -1);
            for (size_t y = 0; y < p.keyOfBase.size(); ++y)
                p.keyOfBase[y] = y == 0 ? -1 : qint64(y);
        }
        p.sectorCount = p.request.bySector ? int32_t(sectorOfIndex.size()) : 1;
        p.groupOfDense.assign(p.keyOfBase.size() * size_t(p.sectorCount), -1);
        if (key == Key::Investee)
            p.lastInvesteeOfFund.assign(size_t(maxFund) + 1, -1);
    }

    constexpr int MaxCurrencies = 64;
    constexpr int Years = 3000;
    Partial whole;
    whole.passes = std::move(passes);
    whole.seenRate.assign(size_t(MaxCurrencies) * Years, 0);

    // The group of pass `p` for a row of investee `inv` with base index `baseIndex`, created when
    // first met; its slot in p.groups.
    const auto slotOf = [&](Pass &p, int32_t baseIndex, int32_t inv) {
        const size_t dense = size_t(baseIndex) * size_t(p.sectorCount)
                + (p.request.bySector ? size_t(investeeSectorIndex[size_t(inv)]) : 0);
        int32_t slot = p.groupOfDense[dense];
        if (slot < 0) {
            Group g;
            g.keyId = p.keyOfBase[size_t(baseIndex)];
            g.parentId = p.parentOfBase[size_t(baseIndex)];
            if (p.request.bySector)
                g.sectorId = sectorOfIndex[size_t(investeeSectorIndex[size_t(inv)])];
            slot = int32_t(p.groups.size());
            p.groups.push_back(g);
            p.groupOfDense[dense] = slot;
            p.denseOfGroup.push_back(dense);
            p.lastInvestee.push_back(-1);
        }
        return size_t(slot);
    };
    // A dated row's date (and stake) in its group: first, last, and the stake of the latest row
    // that reports one (a later row with an equal date wins).
    const auto noteDate = [](Group &g, int32_t date, float stake) {
        if (date < 0)
            return;
        if (g.firstDate < 0 || date < g.firstDate)
            g.firstDate = date;
        if (date > g.lastDate)
            g.lastDate = date;
        if (!std::isnan(stake) && date >= g.latestStakeDate) {
            g.latestStakeDate = date;
            g.latestStake = stake;
        }
    };

    // Sums the admitted rows in [from, to) into `part`, one investee's run of rows at a time
    // (the rows are in investee order). A grouping keyed by something of the investee's (sector,
    // segment, region, city, the investee itself) has one group for the whole run: the run is
    // summed once and joined into that group and the totals, as joinInto() joins two halves,
    // instead of every row being added to each of them. Groupings by phase or year take each row.
    const auto sum = [&](Partial &part, size_t from, size_t to) {
        // Room for every group the pass can meet, asked for once: grown by doubling, the groups
        // were copied and their fresh pages faulted in again at every step. Only the pages
        // written are touched, and large blocks come as huge pages (ColumnAllocator).
        for (Pass &p : part.passes) {
            const size_t most = std::min(p.groupOfDense.size(), m_investee.size());
            p.groups.reserve(most);
            p.denseOfGroup.reserve(most);
            p.lastInvestee.reserve(most);
        }
        std::vector<Pass *> byRun;
        std::vector<Pass *> byRow;
        Pass *countsFunds = nullptr; // the grouping by investee, which counts paying funds
        for (Pass &p : part.passes) {
            (p.byInvestee ? byRun : byRow).push_back(&p);
            if (!p.lastInvesteeOfFund.empty())
                countsFunds = &p;
        }
        for (size_t r = from; r < to;) {
            const int32_t inv = m_investee[r];
            size_t end = r + 1;
            while (end < to && m_investee[end] == inv)
                ++end;
            if (!m.investeeAllowed[size_t(inv)]) {
                r = end;
                continue;
            }
            const bool sub = m_investeeIsFund[size_t(inv)];
            Group run;
            qint64 runFunds = 0;
            for (; r < end; ++r) {
                if (!admits(m, r))
                    continue;
                const int32_t ph = m_phase[r];
                const int32_t date = m_dateKey[r];
                const float stake = m_stake[r];
                const uint8_t currency = m_currency[r];
                const bool undisclosed = currency == Undisclosed;
                const double value = values[r];
                const int measure = m_type[r];
                if (!undisclosed && currency != base && currency < MaxCurrencies)
                    part.seenRate[size_t(currency) * Years + size_t(m_year[r])] = 1;
                accumulate(run, measure, value, undisclosed);
                noteDate(run, date, stake);
                if (countsFunds) {
                    int32_t &seen = countsFunds->lastInvesteeOfFund[size_t(m_phaseFund[size_t(ph)])];
                    if (seen != inv) {
                        seen = inv;
                        ++runFunds;
                    }
                }
                for (Pass *p : byRow) {
                    if (sub && !p->request.subFundFlowsInGroups)
                        continue;
                    const size_t slot = slotOf(*p, p->byPhase ? p->baseOfPhase[size_t(ph)] : int32_t(m_year[r]), inv);
                    Group &g = p->groups[slot];
                    accumulate(g, measure, value, undisclosed);
                    if (p->lastInvestee[slot] != inv) {
                        p->lastInvestee[slot] = inv;
                        ++g.investees;
                    }
                    noteDate(g, date, stake);
                }
            }
            if (run.events == 0)
                continue;
            run.investees = 1;
            addInto(sub ? part.subFundFlows : part.totals, run);
            for (Pass *p : byRun) {
                if (sub && !p->request.subFundFlowsInGroups)
                    continue;
                run.funds = p == countsFunds ? runFunds : 0;
                joinGroup(p->groups[slotOf(*p, p->baseOfInvestee[size_t(inv)], inv)], run);
            }
        }
    };

    // A large table is summed in two halves on two threads, split between two investees (the
    // rows are in investee order). The upper half's sums join the lower's as if summed after
    // them, so the result is the one a single pass gives.
    const size_t n = m_investee.size();
    size_t middle = n;
    if (qint64(n) >= m_passSplitFrom && n >= 2 && std::thread::hardware_concurrency() >= 2) {
        middle = n / 2;
        while (middle < n && m_investee[middle] == m_investee[middle - 1])
            ++middle;
    }
    if (middle < n) {
        Partial upper = whole; // the setup, nothing summed yet
        {
            // Out of memory on either thread: rethrown here once both have stopped.
            QSemaphore done;
            std::exception_ptr helperFailed;
            passHelper().start([&] {
                try {
                    sum(upper, middle, n);
                } catch (...) {
                    helperFailed = std::current_exception();
                }
                done.release();
            });
            try {
                sum(whole, 0, middle);
            } catch (...) {
                done.acquire(); // the helper still uses `upper` and `done`
                throw;
            }
            done.acquire();
            if (helperFailed)
                std::rethrow_exception(helperFailed);
        }
        joinInto(whole, upper);
    } else {
        sum(whole, 0, n);
    }
    const Group &totals = whole.totals;
    const Group &subFundFlows = whole.subFundFlows;
    const std::vector<uint8_t> &seenRate = whole.seenRate;

    // Rates, as AggregationEngine reports them: a row needing a missing rate names only what is
    // missing; otherwise the rates it was converted at.
    QSet<QString> used;
    QSet<QString> missing;
    const QString baseCode = m_currencyCodes.value(base);
    for (int c = 0; c < m_currencyCodes.size() && c < MaxCurrencies; ++c) {
        for (int y = 0; y < Years; ++y) {
            if (!seenRate[size_t(c) * Years + size_t(y)])
                continue;
            QStringList needUsed;
            QStringList needMissing;
            for (const QString &code : { m_currencyCodes.at(c), baseCode }) {
                if (code == QLatin1String("CNY"))
                    continue;
                if (y == 0) {
                    needMissing.append(code + QStringLiteral(" (date unknown)"));
                    continue;
                }
                const auto it = m_rates.constFind(code + QLatin1Char(' ') + QString::number(y));
                if (it == m_rates.constEnd())
                    needMissing.append(code + QLatin1Char(' ') + QString::number(y));
                else
                    needUsed.append(code + QLatin1Char(' ') + QString::number(y) + QStringLiteral(": ") + rateText(*it));
            }
            for (const QString &s : std::as_const(needMissing.isEmpty() ? needUsed : needMissing))
                (needMissing.isEmpty() ? used : missing).insert(s);
        }
    }
    QStringList ratesUsed(used.cbegin(), used.cend());
    QStringList ratesMissing(missing.cbegin(), missing.cend());
    ratesUsed.sort();
    ratesMissing.sort();

    results->clear();
    for (Pass &p : whole.passes) {
        Result out;
        out.groups = std::move(p.groups);
        out.totals = totals;
        if (p.request.subFundFlowsInGroups)
            addInto(out.totals, subFundFlows);
        out.subFundFlows = subFundFlows;
        out.ratesUsed = ratesUsed;
        out.ratesMissing = ratesMissing;
        results->append(std::move(out));
    }
    return true;
}
