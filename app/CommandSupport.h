#pragma once

#include "CommandLine.h"
#include "Filter.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>

class Database;

/// Pieces every headless command shares: exit codes, messages, --db handling and the filter
/// options (--from, --to, --fund, --phase, --sector, --region, --type, --status, --currency).
namespace CommandSupport {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

/// Prints "fundscope: <message>" on stderr and returns UsageError.
int usageError(const QString &message);
/// Prints "fundscope: <message>" on stderr and returns Failure. When this process has found a
/// database damaged (Database::damagedFiles()), the message says so first, whatever failed.
int failure(const QString &message);
using CommandLine::printError;
using CommandLine::printOut;

/// Parses `arguments` (argv[0], command word, options); on a bad option prints the one-line
/// message and returns false.
bool parse(QCommandLineParser &parser, const QStringList &arguments);

/// parse(), then refuses an argument after the command word ("<command>: unexpected argument
/// 'x'"). False after printing the usage error.
bool parseCommand(QCommandLineParser &parser, const QStringList &arguments);
/// The value of --out; empty, after printing `missing` as the usage error, when it is not given.
QString requiredOut(const QCommandLineParser &parser, const QString &missing);
/// --format when given, otherwise the suffix of `out` (the export commands).
QString formatOrSuffix(const QCommandLineParser &parser, const QString &out);
/// formatOrSuffix() read by `parse`; nullopt, after printing the usage error, when it names no
/// format: `missing` when --format was not given, else `unknown` (its %1: the text).
template <typename Format>
std::optional<Format> readFormat(const QCommandLineParser &parser, const QString &out,
    std::optional<Format> (*parse)(const QString &), const QString &missing, const QString &unknown)
{
    const QString text = formatOrSuffix(parser, out);
    const std::optional<Format> format = parse(text);
    if (!format)
        usageError(parser.isSet(QStringLiteral("format")) ? unknown.arg(text) : missing);
    return format;
}

/// The help's description and the command word, the first positional argument.
void describeCommand(QCommandLineParser &parser, const QString &command, const QString &description);

void addDatabaseOption(QCommandLineParser &parser);
/// --db FILE described by `description`, whose %1 is the default database path.
void addDatabaseOption(QCommandLineParser &parser, const QString &description);
/// --db when given, otherwise the default database path (for commands that only name the file).
QString databasePath(const QCommandLineParser &parser);
/// Opens --db FILE (which must exist) or the default database (created from the embedded sample
/// on first use). On failure prints the message and returns false.
bool openDatabase(const QCommandLineParser &parser, Database &db);
/// Where the GUI and commands keep the default database (QStandardPaths::AppDataLocation).
QString defaultDatabasePath();

void addFilterOptions(QCommandLineParser &parser);
/// openDatabase(), then readFilter(): Success, or Failure or UsageError after printing why.
int openWithFilter(const QCommandLineParser &parser, Database &db, Filter &filter);
/// Builds the Filter from the options, resolving fund, phase, sector and region names to ids.
/// An unknown name is a usage error: *error names it and returns false.
bool readFilter(const QCommandLineParser &parser, Database &db, Filter &filter, QString *error);

} // namespace CommandSupport
