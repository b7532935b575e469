#pragma once

#include <QHash>
#include <QMap>
#include <QString>

#include <atomic>
#include <functional>

/// One input file of an import and how to read it. The defaults read an interchange file as it
/// is: encoding detected, comma-separated, header row naming the columns.
struct ImportSource
{
    QString path;
    /// Empty: detected (TextEncoding). Otherwise a name such as "GB18030" or "UTF-8".
    QString encoding;
    char delimiter = ',';
    /// Without a header row, kind and mapping must be given.
    bool hasHeader = true;
    /// "funds", "phases", "investees", "disbursements" or "exchange_rates"; empty: told from the header.
    QString kind;
    /// Field of the kind (InterchangeLoader::columns()) -> 0-based column of the file. Empty: the
    /// header names the fields. When set, unmapped columns are ignored, and a column mapped to two
    /// fields is an error naming both.
    QMap<QString, int> mapping;
};

/// What to do with a row that repeats a stored one or an earlier row of the import: for
/// disbursements the same fund, phase, investee, date, type, amount and currency; for funds and
/// investees the same name, for phases the same fund and label, for rates the same currency and year.
enum class DuplicatePolicy {
    Fail, ///< a duplicate is an error (the default)
    Skip, ///< leave it out and report it
    Keep, ///< store it anyway (disbursements); a name can only be stored once, so named rows are skipped
};

/// The user's answer for a name no stored or imported row has.
struct NameResolution
{
    enum class Action { Create, MapTo };
    Action action = Action::Create;
    /// MapTo: the existing name (a fund's or investee's English or Chinese name, a phase's label).
    QString target;
};

/// How far a running import has come (see ImportOptions::progress).
struct ImportProgress
{
    enum class Stage { Reading, Indexing, Saving };
    Stage stage = Stage::Reading;
    qint64 rows = 0; ///< records read so far, every file together
    qint64 bytes = 0; ///< bytes of the source files read so far
    qint64 totalBytes = 0; ///< size of every source file together
    qint64 elapsedMs = 0;
    QString file;
};

/// Everything about an import beyond its files.
struct ImportOptions
{
    bool dryRun = false;
    /// Store the valid rows and report the rejected ones (LoadReport::rejected) instead of
    /// storing nothing on the first problem.
    bool skipInvalid = false;
    DuplicatePolicy duplicates = DuplicatePolicy::Fail;
    /// Unknown names, by UnknownName::key(). A created fund is a national fund of kind "fund",
    /// a created investee a company, a created phase carries only its label: edit them afterwards.
    QHash<QString, NameResolution> names;
    /// Called on the loading thread about every 100 ms, and once per stage change.
    std::function<void(const ImportProgress &)> progress;
    /// Checked between rows (and by SQLite during index builds); when it turns true the import
    /// stops and rolls back: LoadReport::cancelled.
    const std::atomic_bool *cancel = nullptr;
    /// A big import commits without the indexes only sorts need and lists them in
    /// deferred_indexes, for DeferredIndexes::build() after the commit: the data is usable
    /// sooner. Off, every index is built inside the import's transaction.
    bool deferSortIndexes = false;
};
