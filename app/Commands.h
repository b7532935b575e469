#pragma once

#include <QStringList>

/// Headless commands. Each takes the full argument list (argv[0] and the command word first),
/// parses its own options and returns the process exit code: 0 success, 1 failure (the message
/// names the file and what went wrong), 2 usage error (one line).
namespace Commands {

/// True when arguments.at(1) names a headless command.
bool isCommand(const QStringList &arguments);
int run(const QStringList &arguments);

int summary(const QStringList &arguments);
int init(const QStringList &arguments);
int import(const QStringList &arguments);
int exportChart(const QStringList &arguments);
int exportTable(const QStringList &arguments);
int report(const QStringList &arguments);
int check(const QStringList &arguments);
int backup(const QStringList &arguments);

} // namespace Commands
