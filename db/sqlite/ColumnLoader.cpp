#include "ColumnLoader.h"

#include "ColumnStore.h"
#include "Database.h"
#include "SqliteStatement.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <span>
#include <thread>

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

// The statement readRows() steps, on the connection `handle`.
bool prepareRows(sqlite3 *handle, SqliteStatement &s, QString *error)
{
    if (s.prepare(handle,
            "SELECT investee_id, phase_id, value_date, type, status, confidence, amount_minor, "
            "currency, stake_pct FROM disbursements WHERE rowid BETWEEN ? AND ?")
        == SQLITE_OK)
        return true;
    *error = QString::fromUtf8(sqlite3_errmsg(handle));
    return false;
}

// Rowids a chunk of the load spans at most (readDisbursements()).
constexpr quint64 ChunkRowids = 32768;

// A second connection to the same file that reads chunks of the rows on a thread of its own
// (SQLite serializes one connection, so a second core needs a second connection). Both readers
// must see one snapshot: the helper notes PRAGMA data_version before load()'s snapshot begins
// and again after its own reads end, and its chunks are used only when no other connection
// committed in between. Otherwise load() reads those chunks again itself.
class HelperConnection
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
        SqliteStatement s;
        if (s.prepare(m_handle, "PRAGMA data_version") != SQLITE_OK
            || sqlite3_step(s.handle()) != SQLITE_ROW)
            return -1;
        return sqlite3_column_int64(s.handle(), 0);
    }

    sqlite3 *m_handle = nullptr;
    qint64 m_version = -1;
};

// One disbursement as read, before the counting sort puts it in investee order.
struct Raw
{
    qint64 investee; ///< the id as read; then the dense index (-1: no such investee)
    qint64 amount;
    int32_t phase, dateKey;
    float stake;
    uint8_t type, status, confidence, currency;
};

// Appends the disbursements with rowid in [fromRowid, toRowid] to `raw`, in rowid order, with
// the investee's id (load() makes it an index). Rows whose phase is missing (only possible with
// foreign keys off) are left out. Reads only members set before the scan, so two threads may
// read chunks at once, each with a statement of its own connection (prepareRows()).
bool readRows(const ColumnStore &store, sqlite3_stmt *stmt, qint64 fromRowid, qint64 toRowid, Column<Raw> &raw,
    QString *error)
{
    sqlite3_reset(stmt);
    sqlite3_bind_int64(stmt, 1, fromRowid);
    sqlite3_bind_int64(stmt, 2, toRowid);
    static const Words types(Vocabulary::eventTypes());
    static const Words statuses(Vocabulary::statuses());
    static const Words confidences(Vocabulary::confidences());
    const Words currencies(store.currencyCodes);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        Raw r;
        r.investee = sqlite3_column_int64(stmt, 0);
        r.phase = store.phaseIndex.find(sqlite3_column_int64(stmt, 1));
        if (r.phase < 0)
            continue;
        // Texts by their terminating NUL rather than sqlite3_column_bytes(), and a NULL date by
        // its null pointer rather than sqlite3_column_type(): fewer calls into SQLite a row.
        const auto *d = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2));
        r.dateKey = d ? dateKeyOfBytes(d, int(std::strlen(d))) : -1;
        r.type = types.indexOf(sqlite3_column_text(stmt, 3));
        r.status = statuses.indexOf(sqlite3_column_text(stmt, 4));
        r.confidence = confidences.indexOf(sqlite3_column_text(stmt, 5));
        if (sqlite3_column_type(stmt, 6) == SQLITE_NULL) {
            r.currency = ColumnStore::Undisclosed;
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

bool readDisbursements(Database &db, ColumnStore &store, HelperConnection *helper, QString *error)
{
    sqlite3 *handle = db.handle();
    auto fail = [&](const QString &what) {
        *error = QStringLiteral("%1: %2: %3").arg(db.path(), what, QString::fromUtf8(sqlite3_errmsg(handle)));
        return false;
    };
    auto prepare = [&](SqliteStatement &s, const char *sql) {
        return s.prepare(handle, sql) == SQLITE_OK;
    };
    auto text = [](sqlite3_stmt *stmt, int column) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
            sqlite3_column_bytes(stmt, column));
    };
    auto rowid = [&](const char *sql, qint64 *value) {
        SqliteStatement s;
        if (!prepare(s, sql) || sqlite3_step(s.handle()) != SQLITE_ROW)
            return false;
        *value = sqlite3_column_int64(s.handle(), 0);
        return true;
    };

    QHash<QString, int> minorDigits;
    {
        SqliteStatement s;
        if (!prepare(s, "SELECT code, minor_digits FROM currencies"))
            return fail(QCoreApplication::translate("AggregationCache", "reading currencies"));
        int rc;
        while ((rc = sqlite3_step(s.handle())) == SQLITE_ROW) {
            minorDigits.insert(text(s.handle(), 0), sqlite3_column_int(s.handle(), 1));
            store.currencyCodes.append(text(s.handle(), 0));
        }
        if (rc != SQLITE_DONE)
            return fail(QCoreApplication::translate("AggregationCache", "reading currencies"));
    }
    {
        SqliteStatement s;
        if (!prepare(s, "SELECT currency, year, cny_per_unit FROM exchange_rates"))
            return fail(QCoreApplication::translate("AggregationCache", "reading exchange rates"));
        int rc;
        while ((rc = sqlite3_step(s.handle())) == SQLITE_ROW)
            store.rates.insert(
                text(s.handle(), 0) + QLatin1Char(' ') + text(s.handle(), 1), sqlite3_column_double(s.handle(), 2));
        if (rc != SQLITE_DONE)
            return fail(QCoreApplication::translate("AggregationCache", "reading exchange rates"));
    }
    {
        SqliteStatement s;
        if (!prepare(s, "SELECT id, fund_id FROM phases ORDER BY id"))
            return fail(QCoreApplication::translate("AggregationCache", "reading phases"));
        int rc;
        while ((rc = sqlite3_step(s.handle())) == SQLITE_ROW) {
            store.phaseId.push_back(sqlite3_column_int64(s.handle(), 0));
            store.phaseFund.push_back(sqlite3_column_int64(s.handle(), 1));
        }
        if (rc != SQLITE_DONE)
            return fail(QCoreApplication::translate("AggregationCache", "reading phases"));
    }
    store.phaseIndex.build(store.phaseId);

    // Ids run from 1 with few gaps, so the largest is a close upper bound on the row count (a
    // count(*) would walk a whole index); only a reservation hint.
    qint64 lowestRowid = 0;
    qint64 highestRowid = 0;
    if (!rowid("SELECT min(rowid) FROM disbursements", &lowestRowid)
        || !rowid("SELECT max(rowid) FROM disbursements", &highestRowid))
        return fail(QCoreApplication::translate("AggregationCache", "reading disbursements"));
    const size_t expected = size_t(std::clamp<qint64>(highestRowid, 0, qint64(1) << 28));

    // Rows are read in storage order with the raw SQLite API (a sequential scan; reading in
    // investee order through the index costs far more in random page reads), in chunks
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
    // columns come as huge pages (ColumnAllocator), and only the pages written are ever touched
    // (a column per chunk, from the heap, cost a page fault every 4 KB).
    struct Chunk
    {
        int reader = 0; ///< 0: this thread, 1: the helper
        size_t first = 0;
        size_t count = 0;
    };
    std::vector<Chunk> chunks(static_cast<size_t>(chunkCount));
    // A cache line each: the two threads append at once, and sharing a line makes the column's
    // end pointer bounce between the cores on every row.
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
        const bool ok = readRows(store, stmt, from, to, rows, why);
        chunks[k].count = rows.size() - chunks[k].first;
        return ok;
    };
    // Reads chunks until none is left; false (with *why) when a read failed.
    const auto readChunks = [&](sqlite3 *on, int reader, QString *why) {
        SqliteStatement s;
        if (!prepareRows(on, s, why))
            return false;
        for (size_t k; (k = nextChunk.fetch_add(1)) < chunks.size();) {
            if (!readChunk(s.handle(), k, reader, why))
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
        SqliteStatement s;
        if (!prepare(s,
                "SELECT i.id, i.sector_id, i.segment_id, coalesce(i.province_id, cr.parent_id, "
                "i.country_id), "
                "i.country_id, i.province_id, i.city_id, i.kind = 'fund' "
                "FROM investees i LEFT JOIN regions cr ON cr.id = i.city_id ORDER BY i.id")) {
            stopHelper();
            return fail(QCoreApplication::translate("AggregationCache", "reading investees"));
        }
        int rc;
        while ((rc = sqlite3_step(s.handle())) == SQLITE_ROW) {
            store.investeeId.push_back(sqlite3_column_int64(s.handle(), 0));
            store.investeeSector.push_back(s.idOrNone(1));
            store.investeeSegment.push_back(s.idOrNone(2));
            store.investeeRegion.push_back(s.idOrNone(3));
            store.investeeCountry.push_back(s.idOrNone(4));
            store.investeeProvince.push_back(s.idOrNone(5));
            store.investeeCity.push_back(s.idOrNone(6));
            store.investeeIsFund.push_back(sqlite3_column_int(s.handle(), 7) != 0);
        }
        if (rc != SQLITE_DONE) {
            stopHelper();
            return fail(QCoreApplication::translate("AggregationCache", "reading investees"));
        }
    }
    store.investeeIndex.build(store.investeeId);

    if (!readChunks(handle, 0, error)) {
        stopHelper();
        *error = QCoreApplication::translate("AggregationCache", "%1: reading disbursements: %2")
                     .arg(db.path(), *error);
        return false;
    }
    stopHelper();
    if (helper && !helperRead) {
        // A commit came between the two snapshots (or the helper failed): read its chunks here.
        SqliteStatement s;
        bool ok = prepareRows(handle, s, error);
        for (size_t k = 0; ok && k < chunks.size(); ++k) {
            if (chunks[k].reader == 1)
                ok = readChunk(s.handle(), k, 0, error);
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
    std::vector<double> rateTable(size_t(store.currencyCodes.size()) * YearCount, nan);
    for (auto it = store.rates.cbegin(); it != store.rates.cend(); ++it) {
        const qsizetype c = store.currencyCodes.indexOf(it.key().section(QLatin1Char(' '), 0, 0));
        const int year = it.key().section(QLatin1Char(' '), 1, 1).toInt();
        if (c >= 0 && year >= FirstYear && year < FirstYear + YearCount)
            rateTable[size_t(c) * YearCount + size_t(year - FirstYear)] = it.value();
    }
    std::vector<double> scaleOf(size_t(store.currencyCodes.size()), 100.0);
    for (qsizetype c = 0; c < store.currencyCodes.size(); ++c) {
        const int digits = minorDigits.value(store.currencyCodes.at(c), 2);
        scaleOf[size_t(c)] = digits == 0 ? 1.0 : digits == 1 ? 10.0 : digits == 2 ? 100.0 : digits == 3 ? 1000.0 : 10000.0;
    }
    const int cnyIndex = int(store.currencyCodes.indexOf(QStringLiteral("CNY")));
    const int usdIndex = int(store.currencyCodes.indexOf(QStringLiteral("USD")));
    const auto rate = [&](int currency, int year) {
        return year < FirstYear || year >= FirstYear + YearCount ? nan
                                                                 : rateTable[size_t(currency) * YearCount + size_t(year - FirstYear)];
    };

    // Rows are placed in investee order, and in rowid order within an investee (a counting sort),
    // straight from the chunks into the columns: on two threads, each placing the rows of half
    // the investees. (Sorting through buckets first, to write where the caches are, cost more in
    // a large buffer's fresh pages than it saved.)
    // Investee ids become dense indexes here rather than during the scan: there, SQLite's pages
    // stream through the cache and push the id table out of it (two cache misses a row).
    const size_t investees = store.investeeId.size();
    // start[i + 1] counts investee i's rows; as prefix sums, each investee's first slot.
    std::vector<size_t> start(investees + 1, 0);
    for (size_t k = 0; k < chunks.size(); ++k) {
        for (Raw &r : chunkRows(k)) {
            r.investee = store.investeeIndex.find(r.investee);
            if (r.investee >= 0)
                ++start[size_t(r.investee) + 1];
        }
    }
    for (size_t i = 1; i < start.size(); ++i)
        start[i] += start[i - 1];
    const size_t n = start.back();
    store.investee.resize(n);
    store.phase.resize(n);
    store.dateKeys.resize(n);
    store.year.resize(n);
    store.type.resize(n);
    store.status.resize(n);
    store.confidence.resize(n);
    store.currency.resize(n);
    store.valueCny.resize(n);
    store.valueUsd.resize(n);
    store.stake.resize(n);
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
                store.investee[at] = int32_t(r.investee);
                store.phase[at] = r.phase;
                store.dateKeys[at] = r.dateKey;
                store.year[at] = int16_t(year);
                latest = std::max(latest, year);
                store.type[at] = r.type;
                store.status[at] = r.status;
                store.confidence[at] = r.confidence;
                store.currency[at] = r.currency;
                store.stake[at] = r.stake;
                if (r.currency == ColumnStore::Undisclosed) {
                    store.valueCny[at] = nan;
                    store.valueUsd[at] = nan;
                    continue;
                }
                const double major = double(r.amount) / scaleOf[r.currency];
                // The same arithmetic, in the same order, as AggregationEngine's SQL.
                const double inCny = r.currency == cnyIndex ? major : major * rate(r.currency, year);
                store.valueCny[at] = inCny;
                store.valueUsd[at] = r.currency == usdIndex ? major
                                                        : (r.currency == cnyIndex ? major * 1.0 : inCny)
                        / (year == 0 ? nan : rate(usdIndex, year));
            }
        }
        return latest;
    };
    // The investee whose rows start nearest the middle splits the work.
    int64_t middleInvestee = int64_t(investees);
    if (qint64(n) >= store.passSplitFrom && std::thread::hardware_concurrency() >= 2)
        middleInvestee = std::upper_bound(start.begin(), start.end() - 1, n / 2) - start.begin();
    int upperLatest = 0;
    {
        std::jthread upper;
        if (middleInvestee < int64_t(investees))
            upper = std::jthread([&] { upperLatest = place(middleInvestee, int64_t(investees)); });
        store.latestYear = place(0, middleInvestee);
    }
    store.latestYear = std::max(store.latestYear, upperLatest);
    return true;
}

} // namespace

bool ColumnLoader::load(Database &db, ColumnStore &store, QString *error, qint64 splitFrom)
{
    store.clear();
    store.passSplitFrom = splitFrom;
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
        SqliteStatement s;
        if (s.prepare(handle, "SELECT max(rowid) FROM disbursements")
                == SQLITE_OK
            && sqlite3_step(s.handle()) == SQLITE_ROW && sqlite3_column_int64(s.handle(), 0) >= splitFrom) {
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
    const bool ok = readDisbursements(db, store, helper.get(), error);
    sqlite3_exec(handle, "RELEASE fundscope_cache_load", nullptr, nullptr, nullptr);
    if (!ok)
        store.clear();
    return ok;
}
