#pragma once

#include "Filter.h"

#include <QCommandLineParser>
#include <QString>

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
void printOut(const QString &text);
/// Prints one line on stderr, whole: a NUL in it is shown as \0 instead of ending it.
void printError(const QString &line);

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

void addDatabaseOption(QCommandLineParser &parser);
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
