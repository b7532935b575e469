#pragma once

#include "CommandLine.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

/// The subcommands of fundscope-bench. Each takes the full argument list (argv[0] and the
/// subcommand word first), parses its own options and returns the process exit code. To add a
/// subcommand, declare it here, implement it in its own <Name>Command.cpp and list it in
/// main.cpp's table.
namespace BenchCommands {

using CommandLine::printError;
using CommandLine::printOut;

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };
/// Print "fundscope-bench: <message>" on stderr and return UsageError, or Failure.
int usageError(const QString &message);
int failure(const QString &message);

/// The help's description and the subcommand word, the first positional argument.
void describeSubcommand(QCommandLineParser &parser, const QString &subcommand, const QString &description);
/// Adds --help, parses `arguments`; on a bad option prints the one-line message and returns false.
bool parse(QCommandLineParser &parser, const QStringList &arguments);
/// parse(), then refuses an argument after the subcommand word ("<subcommand>: unexpected
/// argument 'x'"). False after printing the usage error.
bool parseSubcommand(QCommandLineParser &parser, const QStringList &arguments);
/// Reads a count such as 1000000, 1e6, 50k or 1M; false when it is not a non-negative integer.
bool parseCount(const QString &text, qint64 *value);

/// generate --disbursements N --investees M --phases P --seed S --out FILE.db [--csv DIR]
int generate(const QStringList &arguments);
/// run [--quick] [--out FILE] [--work DIR] ...: every benchmark, printed as a Markdown table
int run(const QStringList &arguments);
/// probe GROUP ...: one group of measurements in this process, written as JSON (used by run)
int probe(const QStringList &arguments);

} // namespace BenchCommands
