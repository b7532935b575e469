#include "BenchCommands.h"

#include <cmath>
#include <limits>

namespace BenchCommands {

namespace {

// The name every message starts with, as "fundscope-bench: <message>".
const QString program = QStringLiteral("fundscope-bench");

int report(ExitCode code, const QString &message)
{
    printError(program + QStringLiteral(": ") + message);
    return code;
}

} // namespace

int usageError(const QString &message)
{
    return report(UsageError, message);
}

int failure(const QString &message)
{
    return report(Failure, message);
}

void describeSubcommand(QCommandLineParser &parser, const QString &subcommand, const QString &description)
{
    CommandLine::describeCommand(parser, subcommand, description, QStringLiteral("The subcommand."));
}

bool parse(QCommandLineParser &parser, const QStringList &arguments)
{
    return CommandLine::parse(parser, arguments, program);
}

bool parseSubcommand(QCommandLineParser &parser, const QStringList &arguments)
{
    return CommandLine::parseCommand(
        parser, arguments, program, QStringLiteral("%1: unexpected argument '%2'"));
}

bool parseCount(const QString &text, qint64 *value)
{
    QString digits = text.trimmed();
    qint64 factor = 1;
    if (digits.endsWith(QLatin1Char('k'), Qt::CaseInsensitive))
        factor = 1000;
    else if (digits.endsWith(QLatin1Char('M')))
        factor = 1000000;
    if (factor != 1)
        digits.chop(1);
    bool ok = false;
    const qint64 whole = digits.toLongLong(&ok);
    if (ok) {
        if (whole < 0 || whole > std::numeric_limits<qint64>::max() / factor)
            return false;
        *value = whole * factor;
        return true;
    }
    // 1e6, 2.5M: a decimal that must come out whole.
    const double number = digits.toDouble(&ok) * double(factor);
    if (!ok || number < 0 || number > 9.0e15 || number != std::floor(number))
        return false;
    *value = qint64(number);
    return true;
}

} // namespace BenchCommands
