#include "ChildProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

ChildProcess::Outcome ChildProcess::run(const QString &program, const QStringList &arguments,
    const QString &stdinFile, const QString &stdoutFile, const QString &stderrFile,
    const QStringList &environment)
{
    Outcome outcome;
    const QByteArray devNull("/dev/null");
    const QByteArray in = stdinFile.isEmpty() ? devNull : QFile::encodeName(stdinFile);
    const QByteArray out = stdoutFile.isEmpty() ? devNull : QFile::encodeName(stdoutFile);
    const QByteArray err = stderrFile.isEmpty() ? devNull : QFile::encodeName(stderrFile);

    QList<QByteArray> argStorage { QFile::encodeName(program) };
    for (const QString &a : arguments)
        argStorage.append(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argStorage)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    QList<QByteArray> envStorage;
    for (const QString &e : QProcessEnvironment::systemEnvironment().toStringList() + environment)
        envStorage.append(e.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &e : envStorage)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.constData(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        outcome.error = QStringLiteral("cannot start %1: %2")
                            .arg(program, QString::fromLocal8Bit(std::strerror(spawned)));
        return outcome;
    }
    outcome.started = true;
    int status = 0;
    rusage usage {};
    pid_t done = -1;
    do {
        done = wait4(pid, &status, 0, &usage);
    } while (done < 0 && errno == EINTR);
    outcome.wallMs = double(timer.nsecsElapsed()) / 1e6;
    if (done < 0) {
        outcome.error
            = QStringLiteral("waiting for %1: %2").arg(program, QString::fromLocal8Bit(std::strerror(errno)));
        return outcome;
    }
    outcome.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (WIFSIGNALED(status))
        outcome.error = QStringLiteral("%1 was killed by signal %2").arg(program).arg(WTERMSIG(status));
    outcome.userMs = double(usage.ru_utime.tv_sec) * 1e3 + double(usage.ru_utime.tv_usec) / 1e3;
    outcome.systemMs = double(usage.ru_stime.tv_sec) * 1e3 + double(usage.ru_stime.tv_usec) / 1e3;
    outcome.peakRssKb = usage.ru_maxrss;
    return outcome;
}
