#pragma once

#include <QString>
#include <QStringList>

/// Runs a program to completion and reports what it cost, from the kernel's own accounting
/// (wait4): wall time, user and system CPU, and the child's peak RSS. QProcess reaps its
/// children itself and cannot report their rusage, hence posix_spawn here.
class ChildProcess
{
public:
    struct Outcome
    {
        bool started = false;
        int exitCode = -1; ///< -1 when it did not exit normally (killed by a signal)
        double wallMs = 0;
        double userMs = 0;
        double systemMs = 0;
        qint64 peakRssKb = 0;
        QString error; ///< why it could not be started
        bool ok() const { return started && exitCode == 0; }
    };

    /// Runs `program` with `arguments`; stdin is read from `stdinFile` (or /dev/null), stdout and
    /// stderr are written to the given files (or /dev/null). Extra environment entries
    /// ("NAME=value") are added to this process's environment.
    static Outcome run(const QString &program, const QStringList &arguments,
        const QString &stdinFile = QString(), const QString &stdoutFile = QString(),
        const QString &stderrFile = QString(), const QStringList &environment = QStringList());
};
