#include "BenchCommands.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace BenchCommands {

int usageError(const QString &message)
{
    std::fprintf(stderr, "fundscope-bench: %s\n", qUtf8Printable(message));
    return UsageError;
}

int failure(const QString &message)
{
    std::fprintf(stderr, "fundscope-bench: %s\n", qUtf8Printable(message));
    return Failure;
}

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

bool parse(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    return true;
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
