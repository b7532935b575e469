#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

/// The built fundscope binary run as a user would from a script: headless (no display), its data,
/// settings and cache kept in `home` rather than the user's own, waited for up to two minutes.
namespace CommandRun {

struct Result
{
    int exitCode = -1; ///< -1 when it crashed, did not start or did not finish
    QString out;
    QString err;
};

inline Result run(const QString &binary, const QStringList &arguments, const QString &home)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
    process.setProcessEnvironment(env);
    process.start(binary, arguments);
    Result result;
    if (!process.waitForStarted(10000)) {
        result.err = QStringLiteral("fundscope did not start: ") + process.errorString();
        return result;
    }
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("fundscope did not finish");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace CommandRun
