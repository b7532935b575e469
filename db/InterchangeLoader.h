#pragma once

#include "ImportOptions.h"
#include "ImportedRows.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

class Database;

/// One rejected input: where (file, physical line, column) and why.
struct LoadIssue
{
    QString file;
    qint64 line = 0; ///< 0 when the problem concerns the whole file (or the database)
    QString column;  ///< empty when no single column is at fault
    QString reason;

    /// "file:line: column: reason", leaving out the parts that are not known.
    QString toString() const;
};

/// A fund, phase or investee name that no stored or imported row has, with how often it is used.
struct UnknownName
{
    QString kind;  ///< "fund", "phase" or "investee"
    QString name;  ///< as written in the file
    QString fund;  ///< for a phase: its fund's name as written
    qint64 rows = 0;
    QString firstPlace; ///< "file:line" of its first use

    /// The key ImportOptions::names is looked up by.
    static QString key(const QString &kind, const QString &fund, const QString &name);
    QString key() const { return key(kind, fund, name); }
};

/// What a load did, or on a dry run would do.
struct LoadReport
{
    struct FileResult
    {
        QString file;
        QString kind; ///< "funds", "phases", "investees", "disbursements" or "exchange_rates"
        qint64 rows = 0;
        QString encoding;      ///< the encoding the file was read in
        qint64 rejected = 0;   ///< rows left out (skipInvalid)
        qint64 duplicates = 0; ///< duplicate rows skipped
    };

    /// Rows stored by kind. Empty when the load failed (nothing was stored); on a dry run, the
    /// rows that would have been stored.
    QMap<QString, qint64> inserted;
    /// Vocabulary created on first use: "cities", "segments". Same rules as `inserted`.
    QMap<QString, qint64> created;
    /// One entry per file, in the order the files were loaded (funds first, see kinds()).
    QList<FileResult> files;
    /// Every problem found, in load order. Past InterchangeLoader::maxListedErrors() they are
    /// only counted, in unlistedErrors.
    QList<LoadIssue> errors;
    qint64 unlistedErrors = 0;
    /// With skipInvalid: every problem of the rows left out (the load itself went ahead).
    QList<LoadIssue> rejected;
    qint64 unlistedRejected = 0;
    qint64 rejectedRows = 0;
    /// Duplicates left out under DuplicatePolicy::Skip (or named rows under Keep), one each.
    QList<LoadIssue> duplicates;
    qint64 duplicateRows = 0;
    /// Names no row has, in order of first use (also reported as errors or rejected rows).
    QList<UnknownName> unknownNames;
    /// The load was cancelled (ImportOptions::cancel) and rolled back.
    bool cancelled = false;
    /// The rows stored, for undo. Empty on a dry run or a failed load.
    ImportedRows imported;
    bool dryRun = false;
    /// The big-load path ran: disbursement indexes rebuilt once at the end (see the class).
    bool bulk = false;
    /// Indexes left for DeferredIndexes::build() (ImportOptions::deferSortIndexes).
    QStringList deferredIndexes;

    bool ok() const { return errors.isEmpty(); }
    qint64 totalInserted() const;
    /// Every error on its own line, plus a line counting the unlisted ones.
    QStringList errorLines() const;
    /// The same for the rejected rows.
    QStringList rejectedLines() const;
};

/// Loads the five files of the CSV interchange format (shared/data/README.md: funds, phases,
/// investees, disbursements, exchange_rates) into a Fundscope database.
///
/// - The kind of each file is read from its header row (column order is free; unknown columns
///   and missing required ones are errors). Files load in reference order (funds, phases,
///   investees, disbursements; exchange rates any time) whatever order they are given in, and a
///   fund's parent_fund may name a fund further down the same file.
/// - Every row is validated and *every* problem is reported with file, line, column and reason.
/// - A load is all or nothing: one transaction, rolled back on any error (or on a dry run).
/// - References are by name: the English name, exactly (case-sensitive), or the Chinese name.
///   Sectors, provinces and countries must exist; cities and segments are created on first use.
/// - Amounts are parsed from their decimal text into integer minor units (never through a
///   double); an empty amount is undisclosed (NULL), never 0.
/// - A field that Fundscope's exports guarded against formula injection (an apostrophe before
///   = + - @, see FormulaGuard) is read without that apostrophe, so an export re-imports exactly.
///
/// Beyond the interchange format as it is, an ImportSource may name another encoding (detected by
/// uchardet unless given), another delimiter, no header, and a mapping of columns to fields; and
/// ImportOptions may let the valid rows in while reporting the rest, skip or keep duplicates,
/// create or map unknown names, report progress and cancel. LoadReport::imported lists every row
/// stored, so that the import can be undone as one step.
///
/// It speaks to SQLite directly through Database::handle() with statements prepared once, for
/// million-row files; such loads rebuild the disbursement indexes once at the end instead of
/// updating them row by row (inside the same transaction).
class InterchangeLoader
{
public:
    explicit InterchangeLoader(Database &db);

    /// Validate and insert everything, then roll back: the report says what would be stored.
    void setDryRun(bool dryRun) { m_options.dryRun = dryRun; }
    bool isDryRun() const { return m_options.dryRun; }
    /// Skip-invalid, duplicates, names, progress and cancel (see ImportOptions).
    void setOptions(const ImportOptions &options) { m_options = options; }
    const ImportOptions &options() const { return m_options; }

    /// Files may be paths or Qt resource paths (":/..."), in any order; each is read with the
    /// defaults of ImportSource (encoding detected).
    LoadReport load(const QStringList &files);
    /// The same with the format and column mapping of each file given.
    LoadReport load(const QList<ImportSource> &sources);

    /// The file kinds, in the order they are loaded.
    static QStringList kinds();
    /// The columns of a kind's header, in the interchange format's order.
    static QStringList columns(const QString &kind);
    /// The columns a file of the kind must have.
    static QStringList requiredColumns(const QString &kind);
    /// The kind a header names best (the file name settles a tie); empty when it names none.
    static QString kindOfHeader(const QStringList &header, const QString &fileName);
    /// How many errors a report lists before it only counts them.
    static constexpr int maxListedErrors() { return 10000; }

private:
    Database &m_db;
    ImportOptions m_options;
};
