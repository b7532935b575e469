#include "CommandLine.h"

#include <cstdio>

namespace CommandLine {

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void printError(const QString &line)
{
    const QByteArray bytes
        = (QString(line).replace(QChar(0), QStringLiteral("\\0")) + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void describeCommand(QCommandLineParser &parser, const QString &command, const QString &description,
    const QString &commandText)
{
    parser.setApplicationDescription(description);
    parser.addPositionalArgument(command, commandText, command);
}

bool parse(QCommandLineParser &parser, const QStringList &arguments, const QString &program)
{
    parser.addHelpOption();
    // The command word is the first positional argument; QCommandLineParser sees it as such.
    if (!parser.parse(arguments)) {
        printError(program + QStringLiteral(": ") + parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    return true;
}

bool parseCommand(QCommandLineParser &parser, const QStringList &arguments, const QString &program,
    const QString &unexpected)
{
    if (!parse(parser, arguments, program))
        return false;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        printError(program + QStringLiteral(": ") + unexpected.arg(positional.at(0), positional.at(1)));
        return false;
    }
    return true;
}

} // namespace CommandLine
