#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

/// The built fundscope binary run as a user would from a script: headless (no display), its data,
/// settings and cache kept in `home` rather than the user's own, waited for up to two minutes.
/// The command line speaks the system locale's language (docs/translation.md), so the child gets
/// `lang` as LANG and none of LANGUAGE, LC_ALL and LC_MESSAGES: English (C.UTF-8) unless a test asks
/// for another, whatever the developer's own locale.
namespace CommandRun {

/// Makes `env` a child's environment in the locale `lang` only: LANG set, LANGUAGE, LC_ALL and
/// LC_MESSAGES (which would win over it) removed.
inline void setLanguage(QProcessEnvironment &env, const QString &lang = QStringLiteral("C.UTF-8"))
{
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("LANG"), lang);
}

struct Result
{
    int exitCode = -1; ///< -1 when it crashed, did not start or did not finish
    QString out;
    QString err;
};

inline Result run(const QString &binary, const QStringList &arguments, const QString &home,
                  const QString &lang = QStringLiteral("C.UTF-8"))
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    setLanguage(env, lang);
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
