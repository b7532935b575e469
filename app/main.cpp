#include "Commands.h"
#include "MainWindowLauncher.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // Headless commands must work without a display: they render through the offscreen platform.
    const bool headless = Commands::isCommand(arguments) || arguments.contains(QStringLiteral("--help"))
            || arguments.contains(QStringLiteral("-h")) || arguments.contains(QStringLiteral("--version"))
            || arguments.contains(QStringLiteral("-v"));
    if (headless) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    } else if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
               && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fputs("fundscope: no display found, so the window cannot open.\n"
                   "Headless commands work without one, for example:\n"
                   "  fundscope summary --by sector\n"
                   "(run 'fundscope --help' for every command)\n",
                   stderr);
        return 1;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Fundscope"));
    QApplication::setOrganizationName(QStringLiteral("Fundscope"));
    QApplication::setApplicationVersion(QStringLiteral(FUNDSCOPE_VERSION));

    if (Commands::isCommand(arguments))
        return Commands::run(arguments);
    return MainWindowLauncher::run(arguments);
}
