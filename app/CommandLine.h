#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

/// What fundscope's commands and fundscope-bench's subcommands share in reading their command
/// lines and writing their output. Each program names itself in its messages ("fundscope:",
/// "fundscope-bench:"), so the functions that report a usage error take that name.
namespace CommandLine {

/// Writes UTF-8 text to stdout and flushes.
void printOut(const QString &text);
/// Prints one line on stderr, whole: a NUL in it is shown as \0 instead of ending it.
void printError(const QString &line);

/// The help's description and the command word, the first positional argument, described as
/// `commandText`.
void describeCommand(QCommandLineParser &parser, const QString &command, const QString &description,
    const QString &commandText);
/// Adds --help and parses `arguments` (argv[0], command word, options); on a bad option prints
/// "<program>: <message>" and returns false. --help prints the help and exits.
bool parse(QCommandLineParser &parser, const QStringList &arguments, const QString &program);
/// parse(), then refuses an argument after the command word: prints "<program>: " and
/// `unexpected` with %1 the command word and %2 the argument, and returns false.
bool parseCommand(QCommandLineParser &parser, const QStringList &arguments, const QString &program,
    const QString &unexpected);

} // namespace CommandLine
