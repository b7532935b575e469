#include "InterchangeLoader.h"

#include "AmountParser.h"
#include "CsvReader.h"
#include "Database.h"
#include "FormulaGuard.h"
#include "TextEncoding.h"
#include "TranscodingDevice.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace {

// --- The format -------------------------------------------------------------------------------

enum FileKind { Funds, Phases, Investees, Disbursements, ExchangeRates, KindCount };

namespace FundCol {
enum { Name, NameZh, Kind, Level, Country, Province, City, ParentFund, Manager, Notes, SourceUrl };
}
namespace PhaseCol {
enum { Fund, Phase, StartDate, Capital, Currency, CapitalBasis, SourceUrl };
}
namespace InvesteeCol {
enum { Name, NameZh, Kind, Sector, Segment, Country, Province, City, Ticker, Founded, Notes, SourceUrl };
}
namespace DisbCol {
enum { Fund, Phase, Investee, Date, Type, Amount, Currency, StakePct, Status, Confidence, SourceUrl, Notes };
}
namespace RateCol {
enum { Currency, Year, CnyPerUnit, Source };
}

struct KindInfo
{
    const char *name;
    std::vector<const char *> columns;
    std::vector<const char *> required;
};

const std::array<KindInfo, KindCount> &kindInfo()
{
    static const std::array<KindInfo, KindCount> info = { {
            { "funds",
              { "name", "name_zh", "kind", "level", "country", "province", "city", "parent_fund", "manager",
                "notes", "source_url" },
              { "name", "kind", "level" } },
            { "phases",
              { "fund", "phase", "start_date", "capital", "currency", "capital_basis", "source_url" },
              { "fund", "phase" } },
            { "investees",
              { "name", "name_zh", "kind", "sector", "segment", "country", "province", "city", "ticker", "founded",
                "notes", "source_url" },
              { "name", "kind" } },
            { "disbursements",
              { "fund", "phase", "investee", "date", "type", "amount", "currency", "stake_pct", "status",
                "confidence", "source_url", "notes" },
              { "fund", "phase", "investee", "date", "type", "amount", "currency", "status" } },
            { "exchange_rates", { "currency", "year", "cny_per_unit", "source" }, { "currency", "year", "cny_per_unit" } },
    } };
    return info;
}

const std::vector<const char *> FundKinds = { "fund", "platform", "bank", "soe" };
const std::vector<const char *> FundLevels = { "national", "provincial", "municipal", "district" };
const std::vector<const char *> InvesteeKinds = { "company", "fund" };
const std::vector<const char *> EventTypes = { "commitment", "disbursement", "equity purchase",
                                               "equity sale", "loan", "grant" };
const std::vector<const char *> Statuses = { "announced", "committed", "completed", "cancelled" };
const std::vector<const char *> Confidences = { "high", "medium", "low" };

QString wordList(const std::vector<const char *> &words)
{
    QStringList list;
    for (const char *w : words)
        list.append(QString::fromLatin1(w));
    return list.join(QStringLiteral(", "));
}

// --- Small byte helpers -----------------------------------------------------------------------

QByteArrayView trimmed(QByteArrayView v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '\t'))
        ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t'))
        --e;
    return v.sliced(b, e - b);
}

QString text(QByteArrayView v)
{
    return QString::fromUtf8(v.data(), v.size());
}

// A lookup key that borrows the bytes: no allocation per row.
QByteArray borrowed(QByteArrayView v)
{
    return QByteArray::fromRawData(v.data(), v.size());
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int matchWord(QByteArrayView v, const std::vector<const char *> &words)
{
    for (size_t i = 0; i < words.size(); ++i) {
        if (v.compare(QByteArrayView(words[i]), Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

// A plain decimal for stakes and rates; *negative tells a minus sign apart from garbage.
bool parseDecimal(QByteArrayView t, double *out, bool *negative)
{
    qsizetype i = 0;
    *negative = false;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) {
        *negative = t[i] == '-';
        ++i;
    }
    qsizetype digits = 0;
    for (; i < t.size() && isDigit(t[i]); ++i)
        ++digits;
    if (i < t.size() && t[i] == '.') {
        for (++i; i < t.size() && isDigit(t[i]); ++i)
            ++digits;
    }
    if (i != t.size() || digits == 0)
        return false;
    bool ok = false;
    *out = t.toByteArray().toDouble(&ok);
    return ok;
}

// 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' to yyyymmdd with zeros for the missing parts (so that the
// precision stays part of the value); empty string on success, else the reason.
QString parsePartialDate(QByteArrayView t, int *packed)
{
    const auto shown = [t] { return text(t); };
    const auto shapeOk = [&]() {
        if (t.size() != 4 && t.size() != 7 && t.size() != 10)
            return false;
        for (qsizetype i = 0; i < t.size(); ++i) {
            const bool dash = i == 4 || i == 7;
            if (dash ? t[i] != '-' : !isDigit(t[i]))
                return false;
        }
        return true;
    };
    if (!shapeOk())
        return QCoreApplication::translate(
            "InterchangeLoader", "'%1' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            .arg(shown());
    const int year = t.sliced(0, 4).toInt();
    const int month = t.size() >= 7 ? t.sliced(5, 2).toInt() : 0;
    const int day = t.size() == 10 ? t.sliced(8, 2).toInt() : 0;
    if (year < 1000 || year > 2999)
        return QCoreApplication::translate("InterchangeLoader", "'%1': year %2 is out of range")
            .arg(shown())
            .arg(year);
    if (t.size() >= 7 && (month < 1 || month > 12))
        return QCoreApplication::translate(
            "InterchangeLoader", "'%1' is an impossible date: there is no month %2")
            .arg(shown())
            .arg(month);
    if (t.size() == 10 && !QDate(year, month, day).isValid())
        return QCoreApplication::translate("InterchangeLoader", "'%1' is an impossible date: %2 has %3 days")
            .arg(shown(), QDate(year, month, 1).toString(QStringLiteral("yyyy-MM")))
            .arg(QDate(year, month, 1).daysInMonth());
    *packed = year * 10000 + month * 100 + day;
    return QString();
}

// --- Duplicate disbursements ------------------------------------------------------------------

struct EventKey
{
    qint64 phase;
    qint64 investee;
    qint64 amount; ///< -1 when undisclosed
    int date;      ///< packed, 0 when unknown
    int type;
    int currency;  ///< index, -1 when undisclosed

    bool operator==(const EventKey &) const = default;
};

size_t qHash(const EventKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.phase, k.investee, k.amount, k.date, k.type, k.currency);
}

// --- SQLite -----------------------------------------------------------------------------------

struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    Statement() = default;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement() { sqlite3_finalize(stmt); }
};

// A connection setting (a pragma that reads back as one number) changed for a while: the old
// value goes back on restore() or at the end of the scope. Errors are ignored either way (the
// settings only make a load faster).
class PragmaSetting
{
public:
    PragmaSetting() = default;
    PragmaSetting(const PragmaSetting &) = delete;
    PragmaSetting &operator=(const PragmaSetting &) = delete;
    ~PragmaSetting() { restore(); }

    /// True when the pragma took the value.
    bool set(sqlite3 *db, const char *name, qint64 value)
    {
        restore();
        const QByteArray pragma = QByteArray("PRAGMA ") + name;
        sqlite3_stmt *read = nullptr;
        qint64 old = 0;
        bool known = false;
        if (sqlite3_prepare_v2(db, pragma.constData(), -1, &read, nullptr) == SQLITE_OK
            && sqlite3_step(read) == SQLITE_ROW) {
            old = sqlite3_column_int64(read, 0);
            known = true;
        }
        sqlite3_finalize(read);
        if (!known
            || sqlite3_exec(db, QByteArray(pragma + " = " + QByteArray::number(value)).constData(), nullptr, nullptr,
                            nullptr)
                    != SQLITE_OK)
            return false;
        m_db = db;
        m_restore = pragma + " = " + QByteArray::number(old);
        return true;
    }
    /// Puts the old value back; when SQLite refuses now, the end of the scope tries again.
    void restore()
    {
        if (m_db && sqlite3_exec(m_db, m_restore.constData(), nullptr, nullptr, nullptr) == SQLITE_OK)
            m_db = nullptr;
    }

private:
    sqlite3 *m_db = nullptr;
    QByteArray m_restore;
};

} // namespace

// --- LoadIssue / LoadReport -------------------------------------------------------------------

QString LoadIssue::toString() const
{
    QString out = file;
    if (line > 0)
        out += QStringLiteral(":%1").arg(line);
    if (!out.isEmpty())
        out += QStringLiteral(": ");
    if (!column.isEmpty())
        out += column + QStringLiteral(": ");
    return out + reason;
}

qint64 LoadReport::totalInserted() const
{
    qint64 total = 0;
    for (qint64 n : inserted)
        total += n;
    return total;
}

QString UnknownName::key(const QString &kind, const QString &fund, const QString &name)
{
    return kind + QLatin1Char('\x1f') + fund + QLatin1Char('\x1f') + name;
}

QStringList LoadReport::rejectedLines() const
{
    QStringList lines;
    for (const LoadIssue &issue : rejected)
        lines.append(issue.toString());
    if (unlistedRejected > 0)
        lines.append(QCoreApplication::translate("InterchangeLoader", "... and %1 more problems")
                         .arg(unlistedRejected));
    return lines;
}

QStringList LoadReport::errorLines() const
{
    QStringList lines;
    for (const LoadIssue &issue : errors)
        lines.append(issue.toString());
    if (unlistedErrors > 0)
        lines.append(
            QCoreApplication::translate("InterchangeLoader", "... and %1 more errors").arg(unlistedErrors));
    return lines;
}

// --- The load ---------------------------------------------------------------------------------

namespace {

using NameMap = QHash<QByteArray, qint64>;

struct CurrencyInfo
{
    int index = -1;
    int minorDigits = 2;
};

struct SourceFile
{
    QString path;
    ImportSource source;
    QString encoding;
    FileKind kind = KindCount;
    std::unique_ptr<QIODevice> device;
    TranscodingDevice *transcoder = nullptr; ///< the device, when the file is not UTF-8
    std::unique_ptr<CsvReader> reader;
    std::vector<int> columnOf;   ///< kind column -> position in the record, or -1
    qsizetype headerWidth = 0;
    qint64 headerLine = 1;
    qint64 size = 0;
    bool usable = false;
    bool pendingFirst = false;   ///< no header: the record read first is data
    qint64 order = 0;
    qint64 rejected = 0;
    qint64 duplicates = 0;
    qint64 lastRejectedLine = -1;

    /// Bytes of the file read so far.
    qint64 position() const
    {
        if (transcoder)
            return transcoder->sourcePosition();
        return reader ? reader->bytesConsumed() : 0;
    }
};

class Load
{
public:
    Load(Database &db, const ImportOptions &options, LoadReport &report)
        : m_db(db), m_sql(db.handle()), m_options(options), m_report(report)
    {
        m_report.dryRun = options.dryRun;
    }

    void run(const QList<ImportSource> &sources);

private:
    // Problems
    void issue(const QString &file, qint64 line, const QString &column, const QString &reason);
    void rowIssue(int column, const QString &reason);
    void checkSources(int column);
    /// A problem of one row: an error, or with skipInvalid a rejected row.
    void rowProblem(qint64 line, const QString &column, const QString &reason);
    /// A duplicate left out (DuplicatePolicy::Skip, or a named row under Keep).
    void skipDuplicate(const QString &column, const QString &reason);
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(std::memory_order_relaxed); }
    void reportProgress(ImportProgress::Stage stage, bool force);
    /// An unknown name: resolved by ImportOptions::names (0 when it is not, after noting it).
    qint64 resolveName(const QString &kind, QByteArrayView fund, qint64 fundId, QByteArrayView name);
    void noteUnknown(const QString &kind, QByteArrayView fund, QByteArrayView name);
    qint64 createFund(QByteArrayView name);
    qint64 createPhase(qint64 fundId, QByteArrayView label);
    qint64 createInvestee(QByteArrayView name);
    /// `message` about an unknown name, saying where its own row was rejected when it was.
    QString rejectedHint(
        const QString &message, const QHash<QByteArray, QString> &rejected, QByteArrayView key) const;
    /// The current row's file and line packed in one number, for the duplicate maps.
    qint64 here() const;
    /// "line 12" within the current file, "other.csv:12" in another one.
    QString place(qint64 packed) const;

    // Set-up
    void openFile(const ImportSource &source);
    bool mapColumns(SourceFile &file, const QList<QByteArray> &header);
    bool prepare(Statement &s, const char *sql);
    bool exec(const QByteArray &sql);
    bool preload(bool withEvents);
    bool step(Statement &s);
    /// Binds, remembering the first code that is not SQLITE_OK (SQLITE_TOOBIG, SQLITE_RANGE …):
    /// a failed bind leaves the parameter NULL, so the row must not be stored.
    void bound(int rc);
    void bindText(sqlite3_stmt *s, int i, QByteArrayView v);
    void bindWord(sqlite3_stmt *s, int i, const char *w);
    void bindId(sqlite3_stmt *s, int i, qint64 id);
    /// True (the row reported, the statement reset) when a bind since the last step failed.
    bool bindsFailed(Statement &s);
    /// For an SQLite error: true, with the load stopped and the reason reported once, when the
    /// file is damaged or SQLite ended the transaction; false when only the row is at fault.
    bool stopOn(int rc, const QString &why);
    /// The fields of the current row that SQLite could not hold (over SQLITE_LIMIT_LENGTH) are
    /// reported by line and column; false when there is one.
    bool fieldsFit();

    // Rows
    QByteArrayView value(int column) const;
    void loadFile(SourceFile &file);
    void fundRow();
    void resolveFundParents();
    void phaseRow();
    void investeeRow();
    void disbursementRow();
    void rateRow();

    struct Region
    {
        qint64 country = 0;
        qint64 province = 0;
        qint64 city = 0;
        qint64 cityParent = 0;  ///< a city to create on first use, once the row is valid
        QByteArrayView cityName;
    };
    Region resolveRegion(int countryCol, int provinceCol, int cityCol);
    /// Creates the row's new city, if any; false when the database refused it (reported).
    bool materialize(Region &region);
    qint64 cityId(qint64 parent, QByteArrayView name);
    qint64 segmentId(qint64 sector, QByteArrayView name);
    /// Reads amount and currency columns; false on any problem (already reported).
    bool readMoney(int amountCol, int currencyCol, qint64 *amount, QByteArray *currency, int *currencyIndex);

    bool dropDisbursementIndexes();
    bool recreateIndexes();

    Database &m_db;
    sqlite3 *m_sql;
    const ImportOptions &m_options;
    LoadReport &m_report;
    std::vector<SourceFile> m_files;
    QElapsedTimer m_clock;
    qint64 m_lastProgressMs = -1000;
    qint64 m_rowsRead = 0;
    qint64 m_totalBytes = 0;
    qint64 m_doneBytes = 0; ///< of the files finished
    QHash<QString, qsizetype> m_unknownIndex;

    // The row being read
    SourceFile *m_file = nullptr;
    bool m_rowOk = true;
    bool m_transactionLost = false; ///< SQLite rolled back on its own, or the file is damaged: stop writing
    int m_bindRc = 0;               ///< the first failed bind of the row being stored (SQLITE_OK = 0)
    qint64 m_maxLength = 0;         ///< SQLITE_LIMIT_LENGTH of the connection
    qint64 m_inserted = 0;

    // Names to ids, from the database and from the rows loaded so far
    NameMap m_funds;
    QHash<qint64, qint64> m_fundParent;
    QHash<qint64, QByteArray> m_fundName;
    QHash<qint64, NameMap> m_phasesByFund;
    NameMap m_investees;
    NameMap m_sectors;
    QHash<qint64, NameMap> m_segmentsBySector;
    NameMap m_countries;
    QHash<qint64, NameMap> m_provincesByCountry;
    NameMap m_provincesAnywhere;
    QHash<qint64, qint64> m_provinceCountry;
    QHash<qint64, NameMap> m_citiesByParent;
    QHash<QByteArray, CurrencyInfo> m_currencies;
    QList<QByteArray> m_currencyCodes;
    // Where each row came from, as here() packs it; 0 = stored before this load.
    QHash<QByteArray, qint64> m_rateLines; ///< "USD:2014" ->
    QHash<EventKey, qint64> m_events;      ///< stored before this load: -1
    QHash<QByteArray, qint64> m_fundLines, m_investeeLines;
    QHash<qint64, QHash<QByteArray, qint64>> m_phaseLines;

    // Rows rejected in this load, so that a reference to them can say so ("file:line")
    QHash<QByteArray, QString> m_rejectedFunds, m_rejectedInvestees, m_rejectedPhases;

    struct PendingParent
    {
        qint64 fund;
        QByteArray parent;
        QString file;
        qint64 line;
    };
    std::vector<PendingParent> m_pendingParents;

    Statement m_insertFund, m_setParent, m_insertPhase, m_insertInvestee, m_insertEvent, m_insertRate,
            m_insertCity, m_insertSegment, m_createFund, m_createPhase, m_createInvestee;
    QList<QByteArray> m_droppedIndexSql;
    QList<QByteArray> m_droppedTriggerSql; ///< the revision triggers of disbursements, while dropped
    qint64 m_eventsBeforeDrop = 0;        ///< disbursements stored when they were dropped
    bool m_dropped = false;               ///< the indexes and triggers above are dropped
};

void Load::issue(const QString &file, qint64 line, const QString &column, const QString &reason)
{
    if (m_report.errors.size() < InterchangeLoader::maxListedErrors())
        m_report.errors.append({ file, line, column, reason });
    else
        ++m_report.unlistedErrors;
}

void Load::rowIssue(int column, const QString &reason)
{
    m_rowOk = false;
    const QString name = column >= 0 ? QString::fromLatin1(kindInfo()[m_file->kind].columns[size_t(column)])
                                     : QString();
    rowProblem(m_file->reader->line(), name, reason);
}

// Only web addresses (http, https) are stored as sources: a javascript:, file:, data: or
// scheme-less address is refused, as the forms and cell edits refuse it (Validation).
void Load::checkSources(int column)
{
    const QByteArrayView bytes = value(column);
    if (bytes.isEmpty())
        return;
    if (const QString why = Validation::sourceUrls(text(bytes)); !why.isEmpty())
        rowIssue(column, why);
}

void Load::rowProblem(qint64 line, const QString &column, const QString &reason)
{
    m_rowOk = false;
    if (!m_options.skipInvalid) {
        issue(m_file->path, line, column, reason);
        return;
    }
    if (m_file->reader->line() != m_file->lastRejectedLine) {
        m_file->lastRejectedLine = m_file->reader->line();
        ++m_file->rejected;
        ++m_report.rejectedRows;
    }
    if (m_report.rejected.size() < InterchangeLoader::maxListedErrors())
        m_report.rejected.append({ m_file->path, line, column, reason });
    else
        ++m_report.unlistedRejected;
}

void Load::skipDuplicate(const QString &column, const QString &reason)
{
    m_rowOk = false;
    ++m_file->duplicates;
    ++m_report.duplicateRows;
    if (m_report.duplicates.size() < InterchangeLoader::maxListedErrors())
        m_report.duplicates.append({ m_file->path, m_file->reader->line(), column, reason });
}

void Load::reportProgress(ImportProgress::Stage stage, bool force)
{
    if (!m_options.progress)
        return;
    const qint64 now = m_clock.elapsed();
    if (!force && now - m_lastProgressMs < 100)
        return;
    m_lastProgressMs = now;
    ImportProgress p;
    p.stage = stage;
    p.rows = m_rowsRead;
    p.bytes = m_doneBytes + (m_file && stage == ImportProgress::Stage::Reading ? m_file->position() : 0);
    if (stage != ImportProgress::Stage::Reading)
        p.bytes = m_totalBytes;
    p.totalBytes = m_totalBytes;
    p.elapsedMs = now;
    p.file = m_file ? m_file->path : QString();
    m_options.progress(p);
}

void Load::noteUnknown(const QString &kind, QByteArrayView fund, QByteArrayView name)
{
    const QString key = UnknownName::key(kind, text(fund), text(name));
    auto it = m_unknownIndex.constFind(key);
    if (it == m_unknownIndex.constEnd()) {
        UnknownName unknown;
        unknown.kind = kind;
        unknown.name = text(name);
        unknown.fund = text(fund);
        unknown.firstPlace = QStringLiteral("%1:%2").arg(m_file->path).arg(m_file->reader->line());
        it = m_unknownIndex.insert(key, m_report.unknownNames.size());
        m_report.unknownNames.append(unknown);
    }
    ++m_report.unknownNames[*it].rows;
}

// An unknown name the user has answered for: the id it maps to or was created as; 0 otherwise.
qint64 Load::resolveName(const QString &kind, QByteArrayView fund, qint64 fundId, QByteArrayView name)
{
    const auto answer = m_options.names.constFind(UnknownName::key(kind, text(fund), text(name)));
    if (answer == m_options.names.constEnd()) {
        noteUnknown(kind, fund, name);
        return 0;
    }
    const bool isFund = kind == QLatin1String("fund");
    const bool isPhase = kind == QLatin1String("phase");
    if (answer->action == NameResolution::Action::MapTo) {
        const QByteArray target = answer->target.trimmed().toUtf8();
        const qint64 id = isFund ? m_funds.value(target)
                : isPhase        ? m_phasesByFund.value(fundId).value(target)
                                 : m_investees.value(target);
        if (id == 0)
            noteUnknown(kind, fund, name);
        return id;
    }
    if (isPhase && fundId == 0)
        return 0;
    const qint64 id = isFund ? createFund(name) : isPhase ? createPhase(fundId, name) : createInvestee(name);
    return id;
}

qint64 Load::createFund(QByteArrayView name)
{
    bindText(m_createFund.stmt, 1, name);
    if (bindsFailed(m_createFund))
        return 0;
    const int rc = sqlite3_step(m_createFund.stmt);
    sqlite3_reset(m_createFund.stmt);
    if (rc != SQLITE_DONE) {
        stopOn(rc, QString::fromUtf8(sqlite3_errmsg(m_sql)));
        return 0;
    }
    const qint64 id = sqlite3_last_insert_rowid(m_sql);
    const QByteArray key = name.toByteArray();
    m_funds.insert(key, id);
    m_fundName.insert(id, key);
    m_fundParent.insert(id, 0);
    m_report.imported.add(QStringLiteral("funds"), id);
    ++m_report.created[QStringLiteral("funds")];
    return id;
}

qint64 Load::createPhase(qint64 fundId, QByteArrayView label)
{
    bound(sqlite3_bind_int64(m_createPhase.stmt, 1, fundId));
    bindText(m_createPhase.stmt, 2, label);
    if (bindsFailed(m_createPhase))
        return 0;
    const int rc = sqlite3_step(m_createPhase.stmt);
    sqlite3_reset(m_createPhase.stmt);
    if (rc != SQLITE_DONE) {
        stopOn(rc, QString::fromUtf8(sqlite3_errmsg(m_sql)));
        return 0;
    }
    const qint64 id = sqlite3_last_insert_rowid(m_sql);
    m_phasesByFund[fundId].insert(label.toByteArray(), id);
    m_report.imported.add(QStringLiteral("phases"), id);
    ++m_report.created[QStringLiteral("phases")];
    return id;
}

qint64 Load::createInvestee(QByteArrayView name)
{
    bindText(m_createInvestee.stmt, 1, name);
    if (bindsFailed(m_createInvestee))
        return 0;
    const int rc = sqlite3_step(m_createInvestee.stmt);
    sqlite3_reset(m_createInvestee.stmt);
    if (rc != SQLITE_DONE) {
        stopOn(rc, QString::fromUtf8(sqlite3_errmsg(m_sql)));
        return 0;
    }
    const qint64 id = sqlite3_last_insert_rowid(m_sql);
    m_investees.insert(name.toByteArray(), id);
    m_report.imported.add(QStringLiteral("investees"), id);
    ++m_report.created[QStringLiteral("investees")];
    return id;
}

QString Load::rejectedHint(
    const QString &message, const QHash<QByteArray, QString> &rejected, QByteArrayView key) const
{
    const auto it = rejected.constFind(borrowed(key));
    if (it == rejected.constEnd())
        return message;
    return QCoreApplication::translate("InterchangeLoader", "%1 (its row at %2 was rejected)")
        .arg(message, it.value());
}

qint64 Load::here() const
{
    return (qint64(m_file - m_files.data()) + 1) << 40 | m_file->reader->line();
}

QString Load::place(qint64 packed) const
{
    const qint64 file = (packed >> 40) - 1;
    const qint64 line = packed & ((qint64(1) << 40) - 1);
    if (file == qint64(m_file - m_files.data()))
        return QCoreApplication::translate("InterchangeLoader", "line %1").arg(line);
    return QStringLiteral("%1:%2").arg(m_files[size_t(file)].path).arg(line);
}

QByteArrayView Load::value(int column) const
{
    const int at = m_file->columnOf[size_t(column)];
    if (at < 0)
        return QByteArrayView();
    // Exports guard formula-like text with an apostrophe and write it quoted (FormulaGuard);
    // reading drops that apostrophe again, from quoted fields only: an unquoted '=1+1 was typed.
    const QByteArrayView text = trimmed(m_file->reader->fieldBytes(at));
    return m_file->reader->fieldWasQuoted(at) ? FormulaGuard::unguard(text) : text;
}

// The kind whose columns the header (lower-case, trimmed) matches best; the file name settles a
// tie. -1 when nothing matches or the tie stays.
int kindOfHeader(const QList<QByteArray> &header, const QString &path)
{
    const QString base = QFileInfo(path).completeBaseName().toLower();
    std::array<int, KindCount> score {};
    for (int k = 0; k < KindCount; ++k) {
        for (const char *c : kindInfo()[size_t(k)].columns)
            score[size_t(k)] += header.contains(QByteArray(c)) ? 1 : 0;
    }
    const int top = *std::max_element(score.begin(), score.end());
    QList<int> candidates, named;
    for (int k = 0; k < KindCount; ++k) {
        if (top > 0 && score[size_t(k)] == top) {
            candidates.append(k);
            if (base.contains(QString::fromLatin1(kindInfo()[size_t(k)].name)))
                named.append(k);
        }
    }
    return candidates.size() == 1 ? candidates.front() : (named.size() == 1 ? named.front() : -1);
}

// Opens the file in its encoding, reads the header (unless there is none), tells the kind from it
// (unless given) and maps its columns.
void Load::openFile(const ImportSource &source)
{
    SourceFile file;
    const QString path = source.path;
    file.path = path;
    file.source = source;
    file.order = qint64(m_files.size());
    file.size = QFileInfo(path).size();
    QString error;
    QString doubt;
    qint64 doubtLine = 0;
    file.encoding = source.encoding.isEmpty() ? TextEncoding::detectFile(path, &error, &doubt, &doubtLine)
                                              : source.encoding;
    if (!error.isEmpty()) {
        issue(path, 0, QString(), error.mid(path.size() + 2));
        m_files.push_back(std::move(file));
        return;
    }
    if (!doubt.isEmpty()) {
        issue(path, doubtLine, QString(), doubt);
        m_files.push_back(std::move(file));
        return;
    }
    file.device = TextEncoding::openAsUtf8(path, file.encoding, &error);
    if (!file.device) {
        issue(path, 0, QString(), error);
        m_files.push_back(std::move(file));
        return;
    }
    file.transcoder = dynamic_cast<TranscodingDevice *>(file.device.get());
    file.reader = std::make_unique<CsvReader>(file.device.get(), path);
    CsvReader &reader = *file.reader;
    if (file.transcoder)
        reader.setSourceEncoding(file.encoding);
    reader.setDelimiter(source.delimiter ? source.delimiter : ',');
    if (!reader.next()) {
        if (reader.hasError())
            issue(path, reader.errorLine(), QString(), reader.errorMessage());
        else
            issue(path, 0, QString(),
                QCoreApplication::translate(
                    "InterchangeLoader", "the file is empty: expected a header row and data rows"));
        m_files.push_back(std::move(file));
        return;
    }
    file.headerLine = source.hasHeader ? reader.line() : 0;
    file.headerWidth = reader.fieldCount();
    file.pendingFirst = !source.hasHeader;
    if (source.hasHeader && !reader.recordError().isEmpty()) {
        issue(path, reader.recordErrorLine(), QString(), reader.recordError());
        m_files.push_back(std::move(file));
        return;
    }
    QList<QByteArray> header;
    for (qsizetype i = 0; source.hasHeader && i < reader.fieldCount(); ++i)
        header.append(trimmed(reader.fieldBytes(i)).toByteArray().toLower());

    int best = -1;
    for (int k = 0; k < KindCount; ++k) {
        if (!source.kind.isEmpty() && source.kind == QLatin1String(kindInfo()[size_t(k)].name))
            best = k;
    }
    if (!source.kind.isEmpty() && best < 0) {
        issue(path, 0, QString(),
            QCoreApplication::translate(
                "InterchangeLoader", "unknown kind of file '%1' (expected one of: %2)")
                .arg(source.kind, InterchangeLoader::kinds().join(QStringLiteral(", "))));
        m_files.push_back(std::move(file));
        return;
    }
    if (best < 0 && !source.hasHeader) {
        issue(path, 0, QString(),
            QCoreApplication::translate(
                "InterchangeLoader", "a file without a header needs its kind and column mapping given"));
        m_files.push_back(std::move(file));
        return;
    }
    if (best < 0)
        best = kindOfHeader(header, path);
    if (best < 0) {
        QStringList names;
        for (const KindInfo &k : kindInfo())
            names.append(QString::fromLatin1(k.name));
        issue(path, file.headerLine, QString(),
            QCoreApplication::translate("InterchangeLoader",
                "cannot tell what this file holds from its header; expected the header of one of: "
                "%1 (see the interchange format)")
                .arg(names.join(QStringLiteral(", "))));
        m_files.push_back(std::move(file));
        return;
    }
    file.kind = FileKind(best);
    file.usable = mapColumns(file, header);
    m_files.push_back(std::move(file));
}

// Kind column -> record position, from the header or from the source's mapping.
bool Load::mapColumns(SourceFile &file, const QList<QByteArray> &header)
{
    const KindInfo &info = kindInfo()[size_t(file.kind)];
    const QString &path = file.path;
    file.columnOf.assign(info.columns.size(), -1);
    bool usable = true;
    const auto columnName = [&](qsizetype i) {
        const QString shown = i < header.size() ? text(header.at(i)) : QString();
        return shown.isEmpty()
            ? QCoreApplication::translate("InterchangeLoader", "column %1").arg(i + 1)
            : QCoreApplication::translate("InterchangeLoader", "column %1 ('%2')").arg(i + 1).arg(shown);
    };
    if (!file.source.mapping.isEmpty()) {
        QHash<int, QString> fieldOfColumn;
        for (auto it = file.source.mapping.cbegin(); it != file.source.mapping.cend(); ++it) {
            const QByteArray field = it.key().toUtf8();
            const auto c = std::find_if(info.columns.begin(), info.columns.end(),
                                        [&](const char *name) { return field == name; });
            if (c == info.columns.end()) {
                issue(path, file.headerLine, it.key(),
                    QCoreApplication::translate(
                        "InterchangeLoader", "no such field in a %1 file (its fields are: %2)")
                        .arg(QString::fromLatin1(info.name), wordList(info.columns)));
                usable = false;
                continue;
            }
            const int at = it.value();
            if (at < 0 || at >= file.headerWidth) {
                issue(path, file.headerLine, it.key(),
                    QCoreApplication::translate(
                        "InterchangeLoader", "mapped to column %1, but the file has %2 columns")
                        .arg(at + 1)
                        .arg(file.headerWidth));
                usable = false;
                continue;
            }
            if (fieldOfColumn.contains(at)) {
                issue(path, file.headerLine, columnName(at),
                    QCoreApplication::translate("InterchangeLoader",
                        "the column is mapped twice: to %1 and to %2 (map each column to one field)")
                        .arg(fieldOfColumn.value(at), it.key()));
                usable = false;
                continue;
            }
            fieldOfColumn.insert(at, it.key());
            file.columnOf[size_t(c - info.columns.begin())] = at;
        }
    } else {
        for (qsizetype i = 0; i < header.size(); ++i) {
            const QString shown = text(header.at(i));
            const auto it = std::find_if(info.columns.begin(), info.columns.end(),
                                         [&](const char *c) { return header.at(i) == c; });
            if (it == info.columns.end()) {
                issue(path, file.headerLine,
                    shown.isEmpty() ? QCoreApplication::translate("InterchangeLoader", "column %1").arg(i + 1)
                                    : shown,
                    QCoreApplication::translate(
                        "InterchangeLoader", "unknown column in a %1 file (its columns are: %2)")
                        .arg(QString::fromLatin1(info.name), wordList(info.columns)));
                continue;
            }
            int &slot = file.columnOf[size_t(it - info.columns.begin())];
            if (slot >= 0) {
                issue(path, file.headerLine, shown,
                    QCoreApplication::translate(
                        "InterchangeLoader", "the column appears twice in the header"));
                usable = false;
                continue;
            }
            slot = int(i);
        }
    }
    for (const char *required : info.required) {
        const auto it = std::find_if(info.columns.begin(), info.columns.end(),
                                     [&](const char *c) { return qstrcmp(c, required) == 0; });
        if (file.columnOf[size_t(it - info.columns.begin())] < 0) {
            issue(path, file.headerLine, QString::fromLatin1(required),
                file.source.mapping.isEmpty() ? QCoreApplication::translate(
                    "InterchangeLoader", "required column missing from the header of this %1 file")
                                                    .arg(QString::fromLatin1(info.name))
                                              : QCoreApplication::translate("InterchangeLoader",
                                                  "required field of a %1 file is not mapped to a column")
                                                    .arg(QString::fromLatin1(info.name)));
            usable = false;
        }
    }
    return usable;
}

bool Load::prepare(Statement &s, const char *sql)
{
    const int rc = sqlite3_prepare_v3(m_sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &s.stmt, nullptr);
    if (rc == SQLITE_OK)
        return true;
    if (!stopOn(rc, QString::fromUtf8(sqlite3_errmsg(m_sql))))
        issue(m_db.path(), 0, QString(),
            QCoreApplication::translate("InterchangeLoader", "cannot prepare the import: %1")
                .arg(QString::fromUtf8(sqlite3_errmsg(m_sql))));
    return false;
}

bool Load::exec(const QByteArray &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_sql, sql.constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return true;
    const QString why = QString::fromUtf8(message ? message : sqlite3_errmsg(m_sql));
    sqlite3_free(message);
    if (!stopOn(rc, why))
        issue(m_db.path(), 0, QString(), m_db.describeError(rc, why));
    return false;
}

// Runs an insert; a refusal (a constraint the validation did not foresee) is reported on the row.
bool Load::step(Statement &s)
{
    if (bindsFailed(s))
        return false;
    const int rc = sqlite3_step(s.stmt);
    sqlite3_reset(s.stmt);
    sqlite3_clear_bindings(s.stmt);
    if (rc == SQLITE_DONE)
        return true;
    const QString why = QString::fromUtf8(sqlite3_errmsg(m_sql));
    if (!stopOn(rc, why))
        rowIssue(-1,
            QCoreApplication::translate("InterchangeLoader", "the database refused the row: %1").arg(why));
    return false;
}

void Load::bound(int rc)
{
    if (rc != SQLITE_OK && m_bindRc == SQLITE_OK)
        m_bindRc = rc;
}

void Load::bindText(sqlite3_stmt *s, int i, QByteArrayView v)
{
    if (v.isEmpty())
        bound(sqlite3_bind_null(s, i));
    else
        bound(sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_STATIC));
}

void Load::bindWord(sqlite3_stmt *s, int i, const char *w)
{
    bound(sqlite3_bind_text(s, i, w, -1, SQLITE_STATIC));
}

void Load::bindId(sqlite3_stmt *s, int i, qint64 id)
{
    if (id > 0)
        bound(sqlite3_bind_int64(s, i, id));
    else
        bound(sqlite3_bind_null(s, i));
}

bool Load::bindsFailed(Statement &s)
{
    if (m_bindRc == SQLITE_OK)
        return false;
    const int rc = m_bindRc;
    m_bindRc = SQLITE_OK;
    sqlite3_reset(s.stmt);
    sqlite3_clear_bindings(s.stmt);
    const QString why = QString::fromUtf8(sqlite3_errstr(rc));
    if (stopOn(rc, why))
        return true;
    if (m_file)
        rowIssue(-1,
            QCoreApplication::translate(
                "InterchangeLoader", "the database cannot take a value of this row: %1")
                .arg(why));
    else
        issue(m_db.path(), 0, QString(),
            QCoreApplication::translate("InterchangeLoader", "the database cannot take a value: %1")
                .arg(why));
    return true;
}

bool Load::stopOn(int rc, const QString &why)
{
    if (Database::isDamage(rc)) {
        if (!m_transactionLost)
            issue(m_db.path(), 0, QString(),
                QCoreApplication::translate("InterchangeLoader", "%1; nothing was changed")
                    .arg(m_db.describeError(rc, why)));
        m_transactionLost = true;
        m_rowOk = false;
        return true;
    }
    if (!sqlite3_get_autocommit(m_sql))
        return false;
    // SQLite rolled the whole transaction back (an I/O error, a full disk, an interrupt):
    // nothing more may be written, or it would be saved outside the import's transaction.
    if (!m_transactionLost && !cancelled()) // a cancel interrupts SQLite too; the cancel is reported
        issue(m_db.path(), 0, QString(),
            QCoreApplication::translate(
                "InterchangeLoader", "the database ended the import: %1; nothing was changed")
                .arg(why));
    m_transactionLost = true;
    m_rowOk = false;
    return true;
}

QByteArray columnBytes(sqlite3_stmt *s, int i)
{
    return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(s, i)), sqlite3_column_bytes(s, i));
}

void addName(NameMap &map, const QByteArray &name, qint64 id)
{
    if (!name.isEmpty() && !map.contains(name))
        map.insert(name, id);
}

bool Load::preload(bool withEvents)
{
    Statement q;
    // A read that ends in an error would leave a name out, and its rows "unknown": it stops the load.
    auto query = [&](const char *sql, auto &&row) {
        if (!prepare(q, sql))
            return false;
        int rc;
        while ((rc = sqlite3_step(q.stmt)) == SQLITE_ROW)
            row(q.stmt);
        const QString why = QString::fromUtf8(sqlite3_errmsg(m_sql));
        sqlite3_finalize(q.stmt);
        q.stmt = nullptr;
        if (rc == SQLITE_DONE)
            return true;
        if (!stopOn(rc, why))
            issue(m_db.path(), 0, QString(), m_db.describeError(rc, why));
        return false;
    };
    bool ok = query("SELECT code, minor_digits FROM currencies ORDER BY code", [&](sqlite3_stmt *s) {
        const QByteArray code = columnBytes(s, 0);
        m_currencies.insert(code, { int(m_currencyCodes.size()), sqlite3_column_int(s, 1) });
        m_currencyCodes.append(code);
    });
    ok = ok && query("SELECT id, kind, parent_id, name, name_zh FROM regions ORDER BY id", [&](sqlite3_stmt *s) {
        const qint64 id = sqlite3_column_int64(s, 0);
        const QByteArray kind = columnBytes(s, 1);
        const qint64 parent = sqlite3_column_int64(s, 2);
        const QByteArray name = columnBytes(s, 3);
        const QByteArray nameZh = columnBytes(s, 4);
        if (kind == "country") {
            m_countries.insert(name, id);
            addName(m_countries, nameZh, id);
        } else if (kind == "province") {
            NameMap &m = m_provincesByCountry[parent];
            m.insert(name, id);
            addName(m, nameZh, id);
            addName(m_provincesAnywhere, name, id);
            addName(m_provincesAnywhere, nameZh, id);
            m_provinceCountry.insert(id, parent);
        } else {
            NameMap &m = m_citiesByParent[parent];
            m.insert(name, id);
            addName(m, nameZh, id);
        }
    });
    ok = ok && query("SELECT id, name, name_zh FROM sectors", [&](sqlite3_stmt *s) {
        m_sectors.insert(columnBytes(s, 1), sqlite3_column_int64(s, 0));
    });
    ok = ok && query("SELECT id, name, name_zh FROM sectors", [&](sqlite3_stmt *s) {
        addName(m_sectors, columnBytes(s, 2), sqlite3_column_int64(s, 0));
    });
    ok = ok && query("SELECT id, sector_id, name, name_zh FROM segments", [&](sqlite3_stmt *s) {
        NameMap &m = m_segmentsBySector[sqlite3_column_int64(s, 1)];
        m.insert(columnBytes(s, 2), sqlite3_column_int64(s, 0));
        addName(m, columnBytes(s, 3), sqlite3_column_int64(s, 0));
    });
    ok = ok && query("SELECT id, name, parent_fund_id FROM funds", [&](sqlite3_stmt *s) {
        const qint64 id = sqlite3_column_int64(s, 0);
        m_funds.insert(columnBytes(s, 1), id);
        m_fundName.insert(id, columnBytes(s, 1));
        m_fundParent.insert(id, sqlite3_column_int64(s, 2));
    });
    ok = ok && query("SELECT id, name_zh FROM funds", [&](sqlite3_stmt *s) {
        addName(m_funds, columnBytes(s, 1), sqlite3_column_int64(s, 0));
    });
    ok = ok && query("SELECT id, fund_id, label FROM phases", [&](sqlite3_stmt *s) {
        m_phasesByFund[sqlite3_column_int64(s, 1)].insert(columnBytes(s, 2), sqlite3_column_int64(s, 0));
    });
    ok = ok && query("SELECT id, name FROM investees", [&](sqlite3_stmt *s) {
        m_investees.insert(columnBytes(s, 1), sqlite3_column_int64(s, 0));
    });
    ok = ok && query("SELECT id, name_zh FROM investees", [&](sqlite3_stmt *s) {
        addName(m_investees, columnBytes(s, 1), sqlite3_column_int64(s, 0));
    });
    ok = ok && query("SELECT currency, year FROM exchange_rates", [&](sqlite3_stmt *s) {
        m_rateLines.insert(columnBytes(s, 0) + ':' + QByteArray::number(sqlite3_column_int(s, 1)), 0);
    });
    if (ok && withEvents) {
        ok = query("SELECT phase_id, investee_id, value_date, type, amount_minor, currency FROM disbursements",
                   [&](sqlite3_stmt *s) {
                       EventKey key { sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), -1, 0, -1, -1 };
                       const QByteArray date = columnBytes(s, 2);
                       if (!date.isEmpty())
                           parsePartialDate(date, &key.date);
                       key.type = matchWord(columnBytes(s, 3), EventTypes);
                       if (sqlite3_column_type(s, 4) != SQLITE_NULL)
                           key.amount = sqlite3_column_int64(s, 4);
                       if (sqlite3_column_type(s, 5) != SQLITE_NULL)
                           key.currency = m_currencies.value(columnBytes(s, 5)).index;
                       m_events.insert(key, -1);
                   });
    }
    return ok
            && prepare(m_insertFund,
                       "INSERT INTO funds(name, name_zh, kind, level, country_id, province_id, city_id, manager, "
                       "notes, source_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
            && prepare(m_setParent, "UPDATE funds SET parent_fund_id = ?1 WHERE id = ?2")
            && prepare(m_insertPhase,
                       "INSERT INTO phases(fund_id, label, start_date, capital_minor, currency, capital_basis, "
                       "source_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            && prepare(m_insertInvestee,
                       "INSERT INTO investees(name, name_zh, kind, fund_id, sector_id, segment_id, country_id, "
                       "province_id, city_id, ticker, founded, notes, source_url) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
            && prepare(m_insertEvent,
                       "INSERT INTO disbursements(phase_id, investee_id, value_date, type, amount_minor, currency, "
                       "stake_pct, status, confidence, source_url, notes) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
            && prepare(m_insertRate,
                       "INSERT INTO exchange_rates(currency, year, cny_per_unit, source) VALUES (?1, ?2, ?3, ?4)")
            && prepare(m_insertCity, "INSERT INTO regions(kind, parent_id, name) VALUES ('city', ?1, ?2)")
            && prepare(m_insertSegment, "INSERT INTO segments(sector_id, name) VALUES (?1, ?2)")
            && prepare(m_createFund, "INSERT INTO funds(name, kind, level) VALUES (?1, 'fund', 'national')")
            && prepare(m_createPhase, "INSERT INTO phases(fund_id, label) VALUES (?1, ?2)")
            && prepare(m_createInvestee, "INSERT INTO investees(name, kind) VALUES (?1, 'company')");
}

qint64 Load::cityId(qint64 parent, QByteArrayView name)
{
    NameMap &cities = m_citiesByParent[parent];
    if (const qint64 id = cities.value(borrowed(name)); id > 0)
        return id;
    bindId(m_insertCity.stmt, 1, parent);
    bindText(m_insertCity.stmt, 2, name);
    if (!step(m_insertCity))
        return 0;
    const qint64 id = sqlite3_last_insert_rowid(m_sql);
    cities.insert(name.toByteArray(), id);
    m_report.imported.add(QStringLiteral("regions"), id);
    ++m_report.created[QStringLiteral("cities")];
    return id;
}

qint64 Load::segmentId(qint64 sector, QByteArrayView name)
{
    NameMap &segments = m_segmentsBySector[sector];
    if (const qint64 id = segments.value(borrowed(name)); id > 0)
        return id;
    bindId(m_insertSegment.stmt, 1, sector);
    bindText(m_insertSegment.stmt, 2, name);
    if (!step(m_insertSegment))
        return 0;
    const qint64 id = sqlite3_last_insert_rowid(m_sql);
    segments.insert(name.toByteArray(), id);
    m_report.imported.add(QStringLiteral("segments"), id);
    ++m_report.created[QStringLiteral("segments")];
    return id;
}

Load::Region Load::resolveRegion(int countryCol, int provinceCol, int cityCol)
{
    Region r;
    const QByteArrayView country = value(countryCol);
    QByteArrayView province = value(provinceCol);
    const QByteArrayView city = value(cityCol);
    bool ok = true;
    if (!country.isEmpty()) {
        r.country = m_countries.value(borrowed(country));
        if (r.country == 0) {
            rowIssue(countryCol,
                QCoreApplication::translate("InterchangeLoader",
                    "unknown country '%1' (use its English short name, e.g. China, "
                    "United States)")
                    .arg(text(country)));
            ok = false;
        }
    }
    // "China, (no province), Shanghai": the city names a province-level city.
    if (province.isEmpty() && !city.isEmpty() && r.country > 0
        && m_provincesByCountry.value(r.country).contains(borrowed(city)))
        province = city;
    if (!province.isEmpty()) {
        if (r.country > 0) {
            r.province = m_provincesByCountry.value(r.country).value(borrowed(province));
            if (r.province == 0) {
                const bool elsewhere = m_provincesAnywhere.contains(borrowed(province));
                rowIssue(provinceCol,
                    elsewhere ? QCoreApplication::translate("InterchangeLoader", "province '%1' is not in %2")
                                    .arg(text(province), text(country))
                              : QCoreApplication::translate("InterchangeLoader",
                                  "unknown province '%1' (a province-level "
                                  "division of China in English, e.g. Guangdong)")
                                    .arg(text(province)));
                ok = false;
            }
        } else if (ok) {
            r.province = m_provincesAnywhere.value(borrowed(province));
            if (r.province == 0) {
                rowIssue(provinceCol,
                    QCoreApplication::translate("InterchangeLoader",
                        "unknown province '%1' (a province-level division of China "
                        "in English, e.g. Guangdong)")
                        .arg(text(province)));
                ok = false;
            } else {
                r.country = m_provinceCountry.value(r.province);
            }
        }
    }
    if (!city.isEmpty() && ok) {
        const qint64 parent = r.province > 0 ? r.province : r.country;
        if (parent == 0)
            rowIssue(cityCol,
                QCoreApplication::translate("InterchangeLoader", "city '%1' needs a province or a country")
                    .arg(text(city)));
        else if ((r.city = m_citiesByParent.value(parent).value(borrowed(city))) == 0) {
            r.cityParent = parent;
            r.cityName = city;
        }
    }
    return r;
}

bool Load::materialize(Region &region)
{
    if (region.cityName.isEmpty())
        return true;
    region.city = cityId(region.cityParent, region.cityName);
    return region.city > 0;
}

bool Load::readMoney(int amountCol, int currencyCol, qint64 *amount, QByteArray *currency, int *currencyIndex)
{
    const QByteArrayView amountText = value(amountCol);
    // Upper-cased on the stack: no allocation per row for the usual three letters.
    const QByteArrayView codeText = value(currencyCol);
    char upper[8];
    QByteArray code;
    if (codeText.size() <= qsizetype(sizeof upper)) {
        for (qsizetype i = 0; i < codeText.size(); ++i)
            upper[i] = (codeText[i] >= 'a' && codeText[i] <= 'z') ? char(codeText[i] - 32) : codeText[i];
        code = QByteArray::fromRawData(upper, codeText.size());
    } else {
        code = codeText.toByteArray().toUpper();
    }
    bool ok = true;
    CurrencyInfo cur;
    if (!code.isEmpty()) {
        const auto it = m_currencies.constFind(code);
        if (it == m_currencies.constEnd()) {
            rowIssue(currencyCol,
                QCoreApplication::translate(
                    "InterchangeLoader", "unknown currency '%1' (an ISO 4217 code such as CNY, USD, HKD)")
                    .arg(text(value(currencyCol))));
            ok = false;
        } else {
            cur = it.value();
        }
    }
    *amount = -1;
    currency->clear();
    *currencyIndex = -1;
    if (amountText.isEmpty())
        return ok; // undisclosed: a currency on its own is dropped
    // Without a known currency the precision cannot be judged: the amount's form still is.
    const int digits = cur.index >= 0 ? cur.minorDigits : 0;
    const AmountParser::Result parsed = AmountParser::parseUtf8(amountText, digits);
    if (parsed.ok) {
        *amount = parsed.minor;
    } else if (cur.index >= 0 || parsed.problem != AmountParser::Problem::TooPrecise) {
        // The parser's words suit a form; in a file, undisclosed is spelled as an empty field.
        rowIssue(amountCol,
            parsed.problem == AmountParser::Problem::Zero ? QCoreApplication::translate(
                "InterchangeLoader", "amount '%1' is zero (leave it empty when it is undisclosed)")
                                                                .arg(text(amountText))
                                                          : parsed.error);
        ok = false;
    }
    if (code.isEmpty()) {
        rowIssue(currencyCol,
            QCoreApplication::translate("InterchangeLoader", "the amount %1 has no currency")
                .arg(text(amountText)));
        ok = false;
    }
    if (ok) {
        *currency = m_currencyCodes.at(cur.index); // shared, unlike the stack bytes of code
        *currencyIndex = cur.index;
    }
    return ok;
}

void Load::fundRow()
{
    using namespace FundCol;
    const QByteArrayView name = value(Name);
    const int kind = matchWord(value(Kind), FundKinds);
    const int level = matchWord(value(Level), FundLevels);
    const qint64 line = m_file->reader->line();
    bool duplicate = false;
    if (name.isEmpty()) {
        rowIssue(Name, QCoreApplication::translate("InterchangeLoader", "the fund has no name"));
    } else if (m_funds.value(borrowed(name)) > 0) {
        const qint64 first = m_fundLines.value(borrowed(name), 0);
        const QString why = first > 0
            ? QCoreApplication::translate("InterchangeLoader", "duplicate fund '%1' (already on %2)")
                  .arg(text(name), place(first))
            : QCoreApplication::translate("InterchangeLoader", "fund '%1' is already in the database")
                  .arg(text(name));
        if (m_options.duplicates != DuplicatePolicy::Fail) {
            skipDuplicate(QStringLiteral("name"), why);
            return;
        }
        rowIssue(Name, why);
        duplicate = true;
    }
    if (kind < 0)
        rowIssue(Kind,
            QCoreApplication::translate("InterchangeLoader", "unknown fund kind '%1' (expected one of: %2)")
                .arg(text(value(Kind)), wordList(FundKinds)));
    if (level < 0)
        rowIssue(Level,
            QCoreApplication::translate("InterchangeLoader", "unknown level '%1' (expected one of: %2)")
                .arg(text(value(Level)), wordList(FundLevels)));
    Region region = resolveRegion(Country, Province, City);
    checkSources(SourceUrl);
    if (!m_rowOk) {
        if (!name.isEmpty() && !duplicate)
            m_rejectedFunds.insert(name.toByteArray(), QStringLiteral("%1:%2").arg(m_file->path).arg(line));
        return;
    }
    if (!materialize(region))
        return;
    sqlite3_stmt *s = m_insertFund.stmt;
    bindText(s, 1, name);
    bindText(s, 2, value(NameZh));
    bindWord(s, 3, FundKinds[size_t(kind)]);
    bindWord(s, 4, FundLevels[size_t(level)]);
    bindId(s, 5, region.country);
    bindId(s, 6, region.province);
    bindId(s, 7, region.city);
    bindText(s, 8, value(Manager));
    bindText(s, 9, value(Notes));
    bindText(s, 10, value(SourceUrl));
    if (!step(m_insertFund))
        return;
    const qint64 id = sqlite3_last_insert_rowid(m_sql);
    m_report.imported.add(QStringLiteral("funds"), id);
    const QByteArray key = name.toByteArray();
    m_funds.insert(key, id);
    addName(m_funds, value(NameZh).toByteArray(), id);
    m_fundName.insert(id, key);
    m_fundParent.insert(id, 0);
    m_fundLines.insert(key, here());
    if (!value(ParentFund).isEmpty())
        m_pendingParents.push_back({ id, value(ParentFund).toByteArray(), m_file->path, line });
    ++m_inserted;
}

// The second pass over funds: a parent may be any fund, including one further down the file.
void Load::resolveFundParents()
{
    const QString column = QStringLiteral("parent_fund");
    // With skipInvalid the fund stays, without its parent; the problem is listed with the rejected.
    const auto problem = [&](const PendingParent &p, const QString &reason, bool unlink) {
        if (!m_options.skipInvalid) {
            issue(p.file, p.line, column, reason);
            return;
        }
        if (unlink) {
            bound(sqlite3_bind_null(m_setParent.stmt, 1));
            bound(sqlite3_bind_int64(m_setParent.stmt, 2, p.fund));
            if (!bindsFailed(m_setParent)) {
                const int rc = sqlite3_step(m_setParent.stmt);
                sqlite3_reset(m_setParent.stmt);
                if (rc != SQLITE_DONE && stopOn(rc, QString::fromUtf8(sqlite3_errmsg(m_sql))))
                    return;
            }
            m_fundParent.insert(p.fund, 0);
        }
        const QString kept = QCoreApplication::translate(
            "InterchangeLoader", "%1; the fund was imported without a parent fund")
                                 .arg(reason);
        if (m_report.rejected.size() < InterchangeLoader::maxListedErrors())
            m_report.rejected.append({ p.file, p.line, column, kept });
        else
            ++m_report.unlistedRejected;
    };
    std::vector<size_t> linked;
    for (const PendingParent &p : m_pendingParents) {
        const qint64 parent = m_funds.value(p.parent);
        if (parent == 0) {
            problem(p,
                rejectedHint(QCoreApplication::translate("InterchangeLoader", "unknown parent fund '%1'")
                                 .arg(text(p.parent)),
                    m_rejectedFunds, p.parent),
                false);
            continue;
        }
        if (parent == p.fund) {
            problem(p,
                QCoreApplication::translate("InterchangeLoader", "a fund cannot be its own parent fund"),
                false);
            continue;
        }
        bound(sqlite3_bind_int64(m_setParent.stmt, 1, parent));
        bound(sqlite3_bind_int64(m_setParent.stmt, 2, p.fund));
        if (bindsFailed(m_setParent))
            continue;
        const int rc = sqlite3_step(m_setParent.stmt);
        sqlite3_reset(m_setParent.stmt);
        if (rc != SQLITE_DONE) {
            if (stopOn(rc, QString::fromUtf8(sqlite3_errmsg(m_sql))))
                return;
            problem(p,
                QCoreApplication::translate("InterchangeLoader", "the database refused the parent fund: %1")
                    .arg(QString::fromUtf8(sqlite3_errmsg(m_sql))),
                false);
            continue;
        }
        m_fundParent.insert(p.fund, parent);
        linked.push_back(size_t(&p - m_pendingParents.data()));
    }
    for (size_t i : linked) {
        const PendingParent &p = m_pendingParents[i];
        QStringList chain { text(m_fundName.value(p.fund)) };
        qint64 at = m_fundParent.value(p.fund);
        for (qsizetype steps = 0; at > 0 && steps <= m_fundParent.size(); ++steps) {
            chain.append(text(m_fundName.value(at)));
            if (at == p.fund) {
                problem(p,
                    QCoreApplication::translate("InterchangeLoader", "parent funds form a cycle: %1")
                        .arg(chain.join(QStringLiteral(" -> "))),
                    true);
                break;
            }
            at = m_fundParent.value(at);
        }
    }
}

void Load::phaseRow()
{
    using namespace PhaseCol;
    const QByteArrayView fund = value(Fund);
    const QByteArrayView label = value(Phase);
    const qint64 line = m_file->reader->line();
    qint64 fundId = fund.isEmpty() ? 0 : m_funds.value(borrowed(fund));
    if (!fund.isEmpty() && fundId == 0 && !m_rejectedFunds.contains(borrowed(fund)))
        fundId = resolveName(QStringLiteral("fund"), QByteArrayView(), 0, fund);
    if (fund.isEmpty())
        rowIssue(Fund, QCoreApplication::translate("InterchangeLoader", "the phase has no fund"));
    else if (fundId == 0)
        rowIssue(Fund,
            rejectedHint(
                QCoreApplication::translate("InterchangeLoader", "unknown fund '%1'").arg(text(fund)),
                m_rejectedFunds, fund));
    bool duplicate = false;
    if (label.isEmpty()) {
        rowIssue(Phase, QCoreApplication::translate("InterchangeLoader", "the phase has no label"));
    } else if (fundId > 0 && m_phasesByFund.value(fundId).contains(borrowed(label))) {
        const qint64 first = m_phaseLines.value(fundId).value(borrowed(label), 0);
        const QString why = first > 0
            ? QCoreApplication::translate("InterchangeLoader", "duplicate phase '%1' of '%2' (already on %3)")
                  .arg(text(label), text(fund), place(first))
            : QCoreApplication::translate(
                "InterchangeLoader", "phase '%1' of '%2' is already in the database")
                  .arg(text(label), text(fund));
        if (m_options.duplicates != DuplicatePolicy::Fail && m_rowOk) {
            skipDuplicate(QStringLiteral("phase"), why);
            return;
        }
        rowIssue(Phase, why);
        duplicate = true;
    }
    int date = 0;
    if (!value(StartDate).isEmpty()) {
        if (const QString why = parsePartialDate(value(StartDate), &date); !why.isEmpty())
            rowIssue(StartDate, why);
    }
    qint64 capital = -1;
    QByteArray currency;
    int currencyIndex = -1;
    readMoney(Capital, Currency, &capital, &currency, &currencyIndex);
    checkSources(SourceUrl);
    if (!m_rowOk) {
        if (!fund.isEmpty() && !label.isEmpty() && !duplicate)
            m_rejectedPhases.insert(fund.toByteArray() + '\x1f' + label.toByteArray(),
                                    QStringLiteral("%1:%2").arg(m_file->path).arg(line));
        return;
    }
    sqlite3_stmt *s = m_insertPhase.stmt;
    bindId(s, 1, fundId);
    bindText(s, 2, label);
    bindText(s, 3, value(StartDate));
    if (capital > 0)
        bound(sqlite3_bind_int64(s, 4, capital));
    else
        bound(sqlite3_bind_null(s, 4));
    bindText(s, 5, currency);
    bindText(s, 6, value(CapitalBasis));
    bindText(s, 7, value(SourceUrl));
    if (!step(m_insertPhase))
        return;
    const QByteArray key = label.toByteArray();
    m_report.imported.add(QStringLiteral("phases"), sqlite3_last_insert_rowid(m_sql));
    m_phasesByFund[fundId].insert(key, sqlite3_last_insert_rowid(m_sql));
    m_phaseLines[fundId].insert(key, here());
    ++m_inserted;
}

void Load::investeeRow()
{
    using namespace InvesteeCol;
    const QByteArrayView name = value(Name);
    const int kind = matchWord(value(Kind), InvesteeKinds);
    const qint64 line = m_file->reader->line();
    bool duplicate = false;
    if (name.isEmpty()) {
        rowIssue(Name, QCoreApplication::translate("InterchangeLoader", "the investee has no name"));
    } else if (m_investees.value(borrowed(name)) > 0) {
        const qint64 first = m_investeeLines.value(borrowed(name), 0);
        const QString why = first > 0
            ? QCoreApplication::translate("InterchangeLoader", "duplicate investee '%1' (already on %2)")
                  .arg(text(name), place(first))
            : QCoreApplication::translate("InterchangeLoader", "investee '%1' is already in the database")
                  .arg(text(name));
        if (m_options.duplicates != DuplicatePolicy::Fail) {
            skipDuplicate(QStringLiteral("name"), why);
            return;
        }
        rowIssue(Name, why);
        duplicate = true;
    }
    if (kind < 0)
        rowIssue(Kind,
            QCoreApplication::translate(
                "InterchangeLoader", "unknown investee kind '%1' (expected one of: %2)")
                .arg(text(value(Kind)), wordList(InvesteeKinds)));
    const QByteArrayView sector = value(Sector);
    const QByteArrayView segment = value(Segment);
    qint64 sectorId = 0;
    if (!sector.isEmpty()) {
        sectorId = m_sectors.value(borrowed(sector));
        if (sectorId == 0) {
            QStringList known;
            for (auto it = m_sectors.cbegin(); it != m_sectors.cend(); ++it) {
                if (!it.key().isEmpty() && uchar(it.key().front()) < 0x80)
                    known.append(text(it.key()));
            }
            known.sort();
            rowIssue(Sector,
                QCoreApplication::translate("InterchangeLoader", "unknown sector '%1' (known: %2)")
                    .arg(text(sector), known.join(QStringLiteral(", "))));
        }
    } else if (!segment.isEmpty()) {
        rowIssue(Segment,
            QCoreApplication::translate("InterchangeLoader", "segment '%1' needs a sector")
                .arg(text(segment)));
    }
    int founded = 0;
    if (!value(Founded).isEmpty()) {
        if (const QString why = parsePartialDate(value(Founded), &founded); !why.isEmpty())
            rowIssue(Founded, why);
    }
    Region region = resolveRegion(Country, Province, City);
    checkSources(SourceUrl);
    if (!m_rowOk) {
        if (!name.isEmpty() && !duplicate)
            m_rejectedInvestees.insert(name.toByteArray(), QStringLiteral("%1:%2").arg(m_file->path).arg(line));
        return;
    }
    const qint64 segmentRow = (sectorId > 0 && !segment.isEmpty()) ? segmentId(sectorId, segment) : 0;
    if ((sectorId > 0 && !segment.isEmpty() && segmentRow == 0) || !materialize(region))
        return;
    const qint64 fundId = kind == 1 ? m_funds.value(borrowed(name)) : 0;
    sqlite3_stmt *s = m_insertInvestee.stmt;
    bindText(s, 1, name);
    bindText(s, 2, value(NameZh));
    bindWord(s, 3, InvesteeKinds[size_t(kind)]);
    bindId(s, 4, fundId);
    bindId(s, 5, sectorId);
    bindId(s, 6, segmentRow);
    bindId(s, 7, region.country);
    bindId(s, 8, region.province);
    bindId(s, 9, region.city);
    bindText(s, 10, value(Ticker));
    bindText(s, 11, value(Founded));
    bindText(s, 12, value(Notes));
    bindText(s, 13, value(SourceUrl));
    if (!step(m_insertInvestee))
        return;
    const qint64 id = sqlite3_last_insert_rowid(m_sql);
    m_report.imported.add(QStringLiteral("investees"), id);
    const QByteArray key = name.toByteArray();
    m_investees.insert(key, id);
    addName(m_investees, value(NameZh).toByteArray(), id);
    m_investeeLines.insert(key, here());
    ++m_inserted;
}

void Load::disbursementRow()
{
    using namespace DisbCol;
    const QByteArrayView fund = value(Fund);
    const QByteArrayView phase = value(Phase);
    const QByteArrayView investee = value(Investee);
    EventKey key { 0, 0, -1, 0, -1, -1 };

    qint64 fundId = fund.isEmpty() ? 0 : m_funds.value(borrowed(fund));
    const bool fundRejected = fundId == 0 && !fund.isEmpty() && m_rejectedFunds.contains(borrowed(fund));
    if (fundId == 0 && !fund.isEmpty() && !fundRejected)
        fundId = resolveName(QStringLiteral("fund"), QByteArrayView(), 0, fund);
    if (fund.isEmpty())
        rowIssue(Fund, QCoreApplication::translate("InterchangeLoader", "no fund given"));
    else if (fundId == 0)
        rowIssue(Fund,
            rejectedHint(
                QCoreApplication::translate("InterchangeLoader", "unknown fund '%1'").arg(text(fund)),
                m_rejectedFunds, fund));
    if (phase.isEmpty()) {
        rowIssue(Phase,
            QCoreApplication::translate(
                "InterchangeLoader", "no phase given (use 'Unattributed' when the source does not say)"));
    } else if (fundId > 0) {
        const auto phases = m_phasesByFund.constFind(fundId);
        key.phase = phases == m_phasesByFund.constEnd() ? 0 : phases->value(borrowed(phase));
        if (key.phase == 0) {
            const QByteArray rejectedKey = fund.toByteArray() + '\x1f' + phase.toByteArray();
            if (!m_rejectedPhases.contains(rejectedKey))
                key.phase = resolveName(QStringLiteral("phase"), fund, fundId, phase);
            if (key.phase == 0)
                rowIssue(Phase,
                    rejectedHint(
                        QCoreApplication::translate("InterchangeLoader", "unknown phase '%1' of fund '%2'")
                            .arg(text(phase), text(fund)),
                        m_rejectedPhases, rejectedKey));
        }
    } else if (!fundRejected) {
        noteUnknown(QStringLiteral("phase"), fund, phase); // the fund's phases are unknown too
    }
    if (investee.isEmpty()) {
        rowIssue(Investee, QCoreApplication::translate("InterchangeLoader", "no investee given"));
    } else {
        key.investee = m_investees.value(borrowed(investee));
        if (key.investee == 0 && !m_rejectedInvestees.contains(borrowed(investee)))
            key.investee = resolveName(QStringLiteral("investee"), QByteArrayView(), 0, investee);
        if (key.investee == 0)
            rowIssue(Investee,
                rejectedHint(QCoreApplication::translate("InterchangeLoader", "unknown investee '%1'")
                                 .arg(text(investee)),
                    m_rejectedInvestees, investee));
    }
    const QByteArrayView date = value(Date);
    if (!date.isEmpty()) {
        if (const QString why = parsePartialDate(date, &key.date); !why.isEmpty())
            rowIssue(Date, why);
    }
    key.type = matchWord(value(Type), EventTypes);
    if (key.type < 0)
        rowIssue(Type,
            QCoreApplication::translate("InterchangeLoader", "unknown type '%1' (expected one of: %2)")
                .arg(text(value(Type)), wordList(EventTypes)));
    QByteArray currency;
    readMoney(Amount, Currency, &key.amount, &currency, &key.currency);

    const QByteArrayView stakeText = value(StakePct);
    double stake = -1;
    if (!stakeText.isEmpty()) {
        QByteArrayView number = stakeText;
        if (number.endsWith('%'))
            number = trimmed(number.chopped(1));
        bool negative = false;
        if (!parseDecimal(number, &stake, &negative))
            rowIssue(StakePct,
                QCoreApplication::translate(
                    "InterchangeLoader", "stake '%1' is not a number (a percentage such as 15.9)")
                    .arg(text(stakeText)));
        else if (negative && stake != 0)
            rowIssue(StakePct,
                QCoreApplication::translate("InterchangeLoader", "negative stake '%1'").arg(text(stakeText)));
        else if (stake > 100)
            rowIssue(StakePct,
                QCoreApplication::translate("InterchangeLoader", "stake '%1' is over 100 %")
                    .arg(text(stakeText)));
    }
    const int status = matchWord(value(Status), Statuses);
    if (status < 0)
        rowIssue(Status,
            QCoreApplication::translate("InterchangeLoader", "unknown status '%1' (expected one of: %2)")
                .arg(text(value(Status)), wordList(Statuses)));
    int confidence = 1;
    if (!value(Confidence).isEmpty()) {
        confidence = matchWord(value(Confidence), Confidences);
        if (confidence < 0)
            rowIssue(Confidence,
                QCoreApplication::translate(
                    "InterchangeLoader", "unknown confidence '%1' (expected one of: %2)")
                    .arg(text(value(Confidence)), wordList(Confidences)));
    }
    checkSources(SourceUrl);
    if (!m_rowOk)
        return;

    // One hash lookup finds a twin and claims the slot: at a million rows it is the costliest step.
    qint64 &seen = m_events[key];
    if (seen != 0 && m_options.duplicates != DuplicatePolicy::Keep) {
        const QString why = seen > 0 ? QCoreApplication::translate("InterchangeLoader",
                                "duplicate row: same fund, phase, investee, date, type, amount and "
                                "currency as %1")
                                           .arg(place(seen))
                                     : QCoreApplication::translate("InterchangeLoader",
                                         "duplicate row: the database already has an event with the same "
                                         "fund, phase, investee, date, type, amount and currency");
        if (m_options.duplicates == DuplicatePolicy::Skip)
            skipDuplicate(QString(), why);
        else
            rowIssue(-1, why);
        return;
    }
    const bool firstOfItsKind = seen == 0;
    if (firstOfItsKind)
        seen = here();
    sqlite3_stmt *s = m_insertEvent.stmt;
    bound(sqlite3_bind_int64(s, 1, key.phase));
    bound(sqlite3_bind_int64(s, 2, key.investee));
    bindText(s, 3, date);
    bindWord(s, 4, EventTypes[size_t(key.type)]);
    if (key.amount > 0) {
        bound(sqlite3_bind_int64(s, 5, key.amount));
        bound(sqlite3_bind_text(s, 6, currency.constData(), int(currency.size()), SQLITE_STATIC));
    } else {
        bound(sqlite3_bind_null(s, 5));
        bound(sqlite3_bind_null(s, 6));
    }
    if (stake >= 0)
        bound(sqlite3_bind_double(s, 7, stake));
    else
        bound(sqlite3_bind_null(s, 7));
    bindWord(s, 8, Statuses[size_t(status)]);
    bindWord(s, 9, Confidences[size_t(confidence)]);
    bindText(s, 10, value(SourceUrl));
    bindText(s, 11, value(Notes));
    if (!step(m_insertEvent)) {
        if (firstOfItsKind)
            m_events.remove(key);
        return;
    }
    m_report.imported.add(QStringLiteral("disbursements"), sqlite3_last_insert_rowid(m_sql));
    ++m_inserted;
}

void Load::rateRow()
{
    using namespace RateCol;
    const QByteArray code = value(Currency).toByteArray().toUpper();
    if (code.isEmpty())
        rowIssue(Currency, QCoreApplication::translate("InterchangeLoader", "no currency given"));
    else if (!m_currencies.contains(code))
        rowIssue(Currency,
            QCoreApplication::translate(
                "InterchangeLoader", "unknown currency '%1' (an ISO 4217 code such as USD, HKD)")
                .arg(text(value(Currency))));
    const QByteArrayView yearText = value(Year);
    bool yearOk = yearText.size() == 4 && std::all_of(yearText.begin(), yearText.end(), isDigit);
    const int year = yearOk ? yearText.toInt() : 0;
    if (!yearOk || year < 1900 || year > 2200)
        rowIssue(Year,
            QCoreApplication::translate("InterchangeLoader", "'%1' is not a year between 1900 and 2200")
                .arg(text(yearText)));
    double rate = 0;
    bool negative = false;
    const QByteArrayView rateText = value(CnyPerUnit);
    if (!parseDecimal(rateText, &rate, &negative))
        rowIssue(CnyPerUnit,
            QCoreApplication::translate(
                "InterchangeLoader", "rate '%1' is not a number (CNY per unit, e.g. 7.1217)")
                .arg(text(rateText)));
    else if (negative || rate <= 0)
        rowIssue(CnyPerUnit,
            QCoreApplication::translate("InterchangeLoader", "rate '%1' must be greater than zero")
                .arg(text(rateText)));
    if (!m_rowOk)
        return;
    const QByteArray key = code + ':' + QByteArray::number(year);
    if (const qint64 first = m_rateLines.value(key, -1); first >= 0) {
        const QString why = first > 0
            ? QCoreApplication::translate("InterchangeLoader", "duplicate rate for %1 %2 (already on %3)")
                  .arg(text(code))
                  .arg(year)
                  .arg(place(first))
            : QCoreApplication::translate("InterchangeLoader", "the database already has a rate for %1 %2")
                  .arg(text(code))
                  .arg(year);
        if (m_options.duplicates != DuplicatePolicy::Fail)
            skipDuplicate(QStringLiteral("year"), why);
        else
            rowIssue(Year, why);
        return;
    }
    sqlite3_stmt *s = m_insertRate.stmt;
    bound(sqlite3_bind_text(s, 1, code.constData(), int(code.size()), SQLITE_STATIC));
    bound(sqlite3_bind_int(s, 2, year));
    bound(sqlite3_bind_double(s, 3, rate));
    bindText(s, 4, value(Source));
    if (!step(m_insertRate))
        return;
    m_report.imported.addRate(text(code), year);
    m_rateLines.insert(key, here());
    ++m_inserted;
}

bool Load::fieldsFit()
{
    const std::vector<int> &columnOf = m_file->columnOf;
    for (size_t c = 0; c < columnOf.size(); ++c) {
        // The field as read: what is bound is at most this long (trimmed, unguarded).
        const qsizetype size = columnOf[c] < 0 ? 0 : m_file->reader->fieldBytes(columnOf[c]).size();
        if (size > m_maxLength)
            rowIssue(int(c),
                QCoreApplication::translate("InterchangeLoader",
                    "the field is %1 bytes long; SQLite holds at most %2 bytes in one value")
                    .arg(size)
                    .arg(m_maxLength));
    }
    return m_rowOk;
}

void Load::loadFile(SourceFile &file)
{
    m_file = &file;
    m_inserted = 0;
    CsvReader &reader = *file.reader;
    const auto &columns = kindInfo()[file.kind].columns;
    bool first = file.pendingFirst;
    while (first || reader.next()) {
        first = false;
        m_rowOk = true;
        ++m_rowsRead;
        if (cancelled() || m_transactionLost)
            return;
        if ((m_rowsRead & 1023) == 0)
            reportProgress(ImportProgress::Stage::Reading, false);
        if (reader.fieldCount() == 1 && trimmed(reader.fieldBytes(0)).isEmpty() && file.headerWidth > 1)
            continue; // a line of spaces
        if (!reader.recordError().isEmpty()) {
            const qsizetype at = reader.recordErrorField();
            const auto it = std::find(file.columnOf.begin(), file.columnOf.end(), int(at));
            const QString column = it != file.columnOf.end()
                ? QString::fromLatin1(columns[size_t(it - file.columnOf.begin())])
                : (at >= 0 ? QCoreApplication::translate("InterchangeLoader", "column %1").arg(at + 1)
                           : QString());
            // Text that does not decode in a detected encoding may mean the guess is wrong: the
            // file is refused whole. Only an encoding the user gave lets --skip-invalid pass over it.
            if (reader.recordErrorIsUndecodable() && file.source.encoding.isEmpty())
                issue(file.path, reader.recordErrorLine(), column, reader.recordError());
            else
                rowProblem(reader.recordErrorLine(), column, reader.recordError());
            continue;
        }
        if (reader.fieldCount() != file.headerWidth) {
            const bool fewer = reader.fieldCount() < file.headerWidth;
            QString column;
            if (fewer) {
                const auto it = std::find(file.columnOf.begin(), file.columnOf.end(), int(reader.fieldCount()));
                column = it != file.columnOf.end()
                    ? QString::fromLatin1(columns[size_t(it - file.columnOf.begin())])
                    : QCoreApplication::translate("InterchangeLoader", "column %1")
                          .arg(reader.fieldCount() + 1);
            } else {
                column
                    = QCoreApplication::translate("InterchangeLoader", "column %1").arg(file.headerWidth + 1);
            }
            rowProblem(reader.line(), column,
                (fewer ? QCoreApplication::translate("InterchangeLoader",
                     "wrong number of columns: the row has %1, the header has %2 (a comma too few, or "
                     "an unquoted line break?)")
                       : QCoreApplication::translate("InterchangeLoader",
                           "wrong number of columns: the row has %1, the header has %2 (an unquoted comma?)"))
                    .arg(reader.fieldCount())
                    .arg(file.headerWidth));
            continue;
        }
        if (!fieldsFit())
            continue;
        switch (file.kind) {
        case Funds:
            fundRow();
            break;
        case Phases:
            phaseRow();
            break;
        case Investees:
            investeeRow();
            break;
        case Disbursements:
            disbursementRow();
            break;
        case ExchangeRates:
            rateRow();
            break;
        case KindCount:
            break;
        }
    }
    if (reader.hasError())
        issue(file.path, reader.errorLine(), QString(), reader.errorMessage());
    const QString kind = QString::fromLatin1(kindInfo()[file.kind].name);
    m_report.files.append({ file.path, kind, m_inserted, file.encoding, file.rejected, file.duplicates });
    m_report.inserted[kind] += m_inserted;
    m_doneBytes += file.size;
}

// For big loads, building each index once at the end beats updating nine B-trees per row.
// The triggers that raise data_revision (schema step 4) go too, for the same transaction: a
// trigger gives every row's INSERT a statement journal (two page writes a row, 21 s instead of
// 10 for a million rows); the revision is raised once by the rows stored instead. Definitions are
// read back from sqlite_master, and a failed or cancelled load rolls the drops back with the rows.
bool Load::dropDisbursementIndexes()
{
    Statement q;
    if (!prepare(q, "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                    " AND tbl_name = 'disbursements' AND sql IS NOT NULL"))
        return false;
    QList<QByteArray> drops;
    while (sqlite3_step(q.stmt) == SQLITE_ROW) {
        const bool index = columnBytes(q.stmt, 0) == "index";
        drops.append((index ? "DROP INDEX \"" : "DROP TRIGGER \"") + columnBytes(q.stmt, 1) + '"');
        (index ? m_droppedIndexSql : m_droppedTriggerSql).append(columnBytes(q.stmt, 2));
    }
    for (const QByteArray &drop : std::as_const(drops)) {
        if (!exec(drop))
            return false;
    }
    m_eventsBeforeDrop = m_report.inserted.value(QStringLiteral("disbursements"));
    m_dropped = true;
    return true;
}

bool Load::recreateIndexes()
{
    for (const QByteArray &sql : std::as_const(m_droppedIndexSql) + std::as_const(m_droppedTriggerSql)) {
        if (!exec(sql))
            return false;
    }
    const qint64 stored = m_report.inserted.value(QStringLiteral("disbursements")) - m_eventsBeforeDrop;
    if (!m_droppedTriggerSql.isEmpty() && stored > 0
        && !exec("UPDATE data_revision SET revision = revision + " + QByteArray::number(stored)
                 + ", token = lower(hex(randomblob(16)))"))
        return false;
    m_droppedIndexSql.clear();
    m_droppedTriggerSql.clear();
    m_dropped = false;
    return true;
}

void Load::run(const QList<ImportSource> &sources)
{
    m_clock.start();
    if (!m_sql) {
        issue(m_db.path(), 0, QString(),
            QCoreApplication::translate("InterchangeLoader", "the database is not open"));
        return;
    }
    if (sources.isEmpty()) {
        issue(QString(), 0, QString(), QCoreApplication::translate("InterchangeLoader", "no files to load"));
        return;
    }
    for (const ImportSource &source : sources)
        openFile(source);
    for (const SourceFile &f : m_files)
        m_totalBytes += f.size;
    std::stable_sort(m_files.begin(), m_files.end(),
                     [](const SourceFile &a, const SourceFile &b) { return a.kind < b.kind; });

    qint64 eventBytes = 0;
    for (const SourceFile &f : m_files) {
        if (f.usable && f.kind == Disbursements)
            eventBytes += f.size;
    }
    // Rough rows-to-come from the file size (a disbursement row is 100-300 bytes).
    const qint64 estimatedRows = eventBytes / 150;
    const bool bulk = estimatedRows >= 50000;
    // A big load checks its references itself (every id it binds comes from the name maps, read
    // under the write lock, or from its own inserts), so SQLite's per-row foreign key lookups
    // (random reads in phases, investees and currencies) are switched off for it. The pragma is
    // a no-op inside a transaction: it is set before and restored after (the guard outlives the
    // transaction).
    struct ForeignKeyGuard
    {
        sqlite3 *sql = nullptr;
        ~ForeignKeyGuard()
        {
            if (sql)
                sqlite3_exec(sql, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
        }
    } foreignKeyGuard;
    if (bulk && exec("PRAGMA foreign_keys = OFF"))
        foreignKeyGuard.sql = m_sql;
    // In WAL mode every page of a big load is written twice: into the log, then by the
    // checkpoint into the file. When no other connection has the file open (the command line),
    // the load runs with a rollback journal instead, where pages appended to the file need no
    // journal at all, and synchronous FULL, which that mode needs to survive a power cut. The
    // switch is refused (SQLite answers "wal") while anyone else has the file open, and then
    // the load simply stays in WAL mode. The guard returns to WAL after the transaction; a
    // killed load leaves a hot journal that the next open rolls back, and Database::open turns
    // WAL on again.
    struct JournalGuard
    {
        sqlite3 *sql = nullptr;
        ~JournalGuard()
        {
            if (!sql)
                return;
            sqlite3_exec(sql, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
            sqlite3_exec(sql, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr);
        }
    } journalGuard;
    if (bulk && !m_options.dryRun) {
        // Asked without waiting: another connection means WAL, not a busy timeout's delay.
        Statement timeout;
        const int waitMs = prepare(timeout, "PRAGMA busy_timeout") && sqlite3_step(timeout.stmt) == SQLITE_ROW
                ? sqlite3_column_int(timeout.stmt, 0)
                : 5000;
        sqlite3_busy_timeout(m_sql, 0);
        Statement mode;
        if (prepare(mode, "PRAGMA journal_mode = DELETE") && sqlite3_step(mode.stmt) == SQLITE_ROW
            && qstrcmp(reinterpret_cast<const char *>(sqlite3_column_text(mode.stmt, 0)), "delete") == 0) {
            journalGuard.sql = m_sql;
            exec("PRAGMA synchronous = FULL");
        }
        sqlite3_busy_timeout(m_sql, waitMs);
    }

    // (The disbursements' revision triggers are dropped for a bulk load, see
    // dropDisbursementIndexes(); the other files' rows still fire theirs.)
    // A statement that fires a trigger (schema step 4 raises data_revision on every insert) keeps
    // a statement journal: the first time it changes a page, the page's old content is copied
    // there. Once that journal has outgrown its 64 kB buffer it is a temporary file, and every
    // row of a big load wrote two pages to it (5 million writes at a million rows; 15.6 s -> 6.6 s
    // for reading and inserting them). With temp_store = MEMORY, set before BEGIN, the journal
    // stays in memory for the whole transaction. Each statement's journal is emptied when it
    // ends, so it holds a few pages per row; but CREATE INDEX copies every free page it reuses,
    // up to the size of the indexes dropped, and in memory that would grow with what the
    // database already holds. So only a database that is still small (at most 64 MB before the
    // load, which bounds the pages that can be free at the end) gets the in-memory journal.
    PragmaSetting tempStore;
    if (bulk) {
        Statement pages;
        Statement pageSize;
        if (prepare(pages, "PRAGMA page_count") && sqlite3_step(pages.stmt) == SQLITE_ROW
            && prepare(pageSize, "PRAGMA page_size") && sqlite3_step(pageSize.stmt) == SQLITE_ROW
            && sqlite3_column_int64(pages.stmt, 0) * sqlite3_column_int64(pageSize.stmt, 0) <= (qint64(64) << 20))
            tempStore.set(m_sql, "temp_store", 2);
    }

    // Every import is a bulk write: the file is checked inside the transaction first.
    Transaction transaction(m_db, Database::WriteKind::Bulk);
    if (!transaction.isActive()) {
        issue(m_db.path(), 0, QString(), m_db.errorString());
        return;
    }
    // Lets a cancel interrupt SQLite too, during the index builds that take seconds.
    struct ProgressHandler
    {
        sqlite3 *sql;
        ~ProgressHandler() { sqlite3_progress_handler(sql, 0, nullptr, nullptr); }
    } progressHandler { m_sql };
    if (m_options.cancel) {
        sqlite3_progress_handler(
                m_sql, 100000,
                [](void *flag) { return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0; },
                const_cast<std::atomic_bool *>(m_options.cancel));
    }
    m_maxLength = sqlite3_limit(m_sql, SQLITE_LIMIT_LENGTH, -1);
    if (!preload(eventBytes > 0))
        return;

    // A big load rebuilds the indexes once at the end, when it is big compared with what is
    // stored, and leaves CHECK constraints to the validation above: SQLite evaluates each `x IN (...)` CHECK
    // through a temporary b-tree built for every row, which costs more than the insert itself.
    // Every CHECKed column is validated here first (tst_interchangeloader covers each), and the
    // flag is the connection's, so it is switched back whatever happens.
    const bool rebuildIndexes = bulk && estimatedRows >= qint64(m_events.size()) / 2;
    struct CheckGuard
    {
        Load *load = nullptr;
        ~CheckGuard()
        {
            if (load)
                load->exec("PRAGMA ignore_check_constraints = OFF");
        }
    } checkGuard;
    // The page cache is the connection's 2 MB otherwise: a big load would spill and re-read
    // pages all along. It goes back before the indexes are built, whose sorts run slower with a
    // big cache (measured: 5.3 s with 2 MB, 10 s with 64 MB for the nine indexes of 1M rows).
    struct CacheGuard
    {
        sqlite3 *sql = nullptr;
        QByteArray restore;
        void reset()
        {
            if (sql)
                sqlite3_exec(sql, restore.constData(), nullptr, nullptr, nullptr);
            sql = nullptr;
        }
        ~CacheGuard() { reset(); }
    } cacheGuard;
    if (bulk) {
        m_events.reserve(m_events.size() + estimatedRows);
        if (!exec("PRAGMA ignore_check_constraints = ON"))
            return;
        checkGuard.load = this;
        m_report.bulk = rebuildIndexes;
        Statement size;
        if (prepare(size, "PRAGMA cache_size") && sqlite3_step(size.stmt) == SQLITE_ROW) {
            cacheGuard.restore = "PRAGMA cache_size = " + QByteArray::number(sqlite3_column_int64(size.stmt, 0));
            if (exec("PRAGMA cache_size = -65536"))
                cacheGuard.sql = m_sql;
        }
    }

    bool fundsDone = false;
    for (SourceFile &file : m_files) {
        if (!file.usable)
            continue;
        if (!fundsDone && file.kind > Funds) {
            resolveFundParents();
            fundsDone = true;
        }
        if (file.kind == Disbursements && rebuildIndexes && !m_dropped) {
            if (!dropDisbursementIndexes())
                return;
        }
        m_file = &file;
        reportProgress(ImportProgress::Stage::Reading, true);
        loadFile(file);
        if (cancelled() || m_transactionLost)
            break;
    }
    m_file = nullptr;
    const auto stopIfCancelled = [&] {
        if (!cancelled())
            return false;
        m_report.cancelled = true;
        issue(QString(), 0, QString(),
            QCoreApplication::translate(
                "InterchangeLoader", "the import was cancelled; nothing was changed"));
        return true;
    };
    if (stopIfCancelled() || m_transactionLost)
        return;
    if (!fundsDone)
        resolveFundParents();
    if (m_dropped && m_report.ok() && !m_report.dryRun) {
        reportProgress(ImportProgress::Stage::Indexing, true);
        cacheGuard.reset();
        // The sorts of CREATE INDEX look at temp_store too: with MEMORY they sort a million
        // keys in one piece, which measured slower (the nine indexes: 9.4 s against 5.3 s in
        // 2 MB runs merged from temporary files). The setting may change inside the
        // transaction (no TEMP table is open); the statement journal stays in memory, as it
        // was chosen at BEGIN.
        tempStore.restore();
        if (!recreateIndexes()) {
            stopIfCancelled();
            return;
        }
    }

    for (Statement *s : { &m_insertFund, &m_setParent, &m_insertPhase, &m_insertInvestee, &m_insertEvent,
                          &m_insertRate, &m_insertCity, &m_insertSegment, &m_createFund, &m_createPhase,
                          &m_createInvestee }) {
        sqlite3_finalize(s->stmt);
        s->stmt = nullptr;
    }
    if (stopIfCancelled())
        return;
    if (m_report.ok() && !m_report.dryRun) {
        reportProgress(ImportProgress::Stage::Saving, true);
        if (!transaction.commit()) {
            issue(m_db.path(), 0, QString(),
                QCoreApplication::translate("InterchangeLoader", "saving the import failed: %1")
                    .arg(m_db.errorString()));
            m_db.rollback();
        }
    }
    // Otherwise the transaction rolls back as it goes out of scope, indexes included.
}

} // namespace

InterchangeLoader::InterchangeLoader(Database &db) : m_db(db) { }

QStringList InterchangeLoader::kinds()
{
    QStringList list;
    for (const KindInfo &k : kindInfo())
        list.append(QString::fromLatin1(k.name));
    return list;
}

QString InterchangeLoader::kindOfHeader(const QStringList &header, const QString &fileName)
{
    QList<QByteArray> names;
    for (const QString &h : header)
        names.append(h.trimmed().toLower().toUtf8());
    const int kind = ::kindOfHeader(names, fileName);
    return kind < 0 ? QString() : QString::fromLatin1(kindInfo()[size_t(kind)].name);
}

QStringList InterchangeLoader::requiredColumns(const QString &kind)
{
    QStringList list;
    for (const KindInfo &k : kindInfo()) {
        if (kind == QLatin1String(k.name)) {
            for (const char *c : k.required)
                list.append(QString::fromLatin1(c));
        }
    }
    return list;
}

QStringList InterchangeLoader::columns(const QString &kind)
{
    QStringList list;
    for (const KindInfo &k : kindInfo()) {
        if (kind == QLatin1String(k.name)) {
            for (const char *c : k.columns)
                list.append(QString::fromLatin1(c));
        }
    }
    return list;
}

LoadReport InterchangeLoader::load(const QStringList &files)
{
    QList<ImportSource> sources;
    for (const QString &file : files) {
        ImportSource source;
        source.path = file;
        sources.append(source);
    }
    return load(sources);
}

LoadReport InterchangeLoader::load(const QList<ImportSource> &sources)
{
    LoadReport report;
    {
        Load load(m_db, m_options, report);
        load.run(sources);
    }
    if (!report.ok() || report.dryRun)
        report.imported = ImportedRows();
    else
        report.imported.setDatabasePath(m_db.path());
    if (!report.ok()) {
        report.inserted.clear();
        report.created.clear();
        for (LoadReport::FileResult &f : report.files)
            f.rows = 0;
    }
    return report;
}
