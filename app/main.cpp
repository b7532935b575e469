#include "CommandSupport.h"
#include "Commands.h"
#include "InterfaceLanguage.h"
#include "MainWindowLauncher.h"
#include "ProcessMemory.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIcon>

#include <unistd.h>

int main(int argc, char **argv)
{
    ProcessMemory::keepFreedBlocks(); // before the first allocation it should govern
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // Told once the application (and with it the language) exists.
    const bool unknownCommand = arguments.size() > 1 && !arguments.at(1).startsWith(QLatin1Char('-'))
            && !Commands::isCommand(arguments);
    // Qt warns on stderr when this is unset (as for root and in CI); a private folder keeps the
    // one-line error contract of the commands.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = QDir::tempPath() + QStringLiteral("/fundscope-runtime-") + QString::number(getuid());
        if (QDir().mkpath(runtime)) {
            QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        }
    }
    // Headless commands must work without a display: they render through the offscreen platform.
    const bool headless = unknownCommand || Commands::isCommand(arguments)
            || arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))
            || arguments.contains(QStringLiteral("--version")) || arguments.contains(QStringLiteral("-v"));
    if (headless) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    } else if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
               && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        // No QApplication without a display; a core one is enough to say so in the user's language.
        QCoreApplication core(argc, argv);
        InterfaceLanguage::apply(InterfaceLanguage::Choice::System);
        return CommandSupport::failure(QCoreApplication::translate("main",
                "no display found, so the window cannot open.\n"
                "Headless commands work without one, for example:\n"
                "  fundscope summary --by sector\n"
                "(run 'fundscope --help' for every command)"));
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Fundscope"));
    QApplication::setOrganizationName(QStringLiteral("Fundscope"));
    QApplication::setApplicationVersion(QStringLiteral(FUNDSCOPE_VERSION));
    // The desktop entry and AppStream id (resources/package): how the desktop links window and entry.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.fundscope.fundscope"));
    // The installed theme icon, else the same drawing built in (a run from the build folder).
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.fundscope.fundscope"),
                                                 QIcon(QStringLiteral(":/icons/io.github.fundscope.fundscope.svg"))));

    // The command line (the commands, --help, --version and its errors) speaks the system locale's
    // language; the window applies the language chosen in it (MainWindowLauncher).
    InterfaceLanguage::apply(InterfaceLanguage::Choice::System);
    if (unknownCommand)
        return CommandSupport::usageError(
                QCoreApplication::translate("main", "unknown command '%1' (run 'fundscope --help' for the list)")
                        .arg(arguments.at(1)));
    if (Commands::isCommand(arguments))
        return Commands::run(arguments);
    return MainWindowLauncher::run(arguments);
}
