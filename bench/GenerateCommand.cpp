#include "BenchCommands.h"

#include "DatasetGenerator.h"

#include <QElapsedTimer>

#include <limits>

int BenchCommands::generate(const QStringList &arguments)
{
    QCommandLineParser parser;
    describeSubcommand(parser, QStringLiteral("generate"),
        QStringLiteral("Writes a synthetic Fundscope database, the same rows for the same seed."));
    parser.addOption({ QStringLiteral("disbursements"), QStringLiteral("Number of disbursements (e.g. 1M)."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("investees"), QStringLiteral("Number of investees (e.g. 50k)."),
        QStringLiteral("M") });
    parser.addOption({ QStringLiteral("phases"), QStringLiteral("Number of fund phases (e.g. 2000)."),
        QStringLiteral("P") });
    parser.addOption({ QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
        QStringLiteral("S"), QStringLiteral("1") });
    parser.addOption({ QStringLiteral("out"), QStringLiteral("The database file to create (must not exist)."),
        QStringLiteral("FILE.db") });
    parser.addOption({ QStringLiteral("csv"),
        QStringLiteral("Also write the five interchange CSV files into this folder."),
        QStringLiteral("DIR") });
    if (!parseSubcommand(parser, arguments))
        return UsageError;

    DatasetGenerator::Spec spec;
    for (const QString &name : { QStringLiteral("disbursements"), QStringLiteral("investees"),
             QStringLiteral("phases"), QStringLiteral("out") }) {
        if (!parser.isSet(name))
            return usageError(QStringLiteral("generate: --%1 is required").arg(name));
    }
    qint64 disbursements = 0;
    qint64 investees = 0;
    qint64 phases = 0;
    if (!parseCount(parser.value(QStringLiteral("disbursements")), &disbursements))
        return usageError(QStringLiteral("generate: --disbursements wants a count, not '%1'")
                              .arg(parser.value(QStringLiteral("disbursements"))));
    if (!parseCount(parser.value(QStringLiteral("investees")), &investees)
        || investees > std::numeric_limits<int>::max())
        return usageError(QStringLiteral("generate: --investees wants a count, not '%1'")
                              .arg(parser.value(QStringLiteral("investees"))));
    if (!parseCount(parser.value(QStringLiteral("phases")), &phases)
        || phases > std::numeric_limits<int>::max())
        return usageError(QStringLiteral("generate: --phases wants a count, not '%1'")
                              .arg(parser.value(QStringLiteral("phases"))));
    bool seedOk = false;
    spec.seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk)
        return usageError(QStringLiteral("generate: --seed wants a non-negative integer, not '%1'")
                              .arg(parser.value(QStringLiteral("seed"))));
    spec.disbursements = disbursements;
    spec.investees = int(investees);
    spec.phases = int(phases);
    if (const QString problem = DatasetGenerator::checkSpec(spec); !problem.isEmpty())
        return usageError(QStringLiteral("generate: ") + problem);
    const QString out = parser.value(QStringLiteral("out"));
    const QString csv = parser.value(QStringLiteral("csv"));
    if (out.isEmpty())
        return usageError(QStringLiteral("generate: --out needs a file name"));

    QElapsedTimer timer;
    timer.start();
    DatasetGenerator generator(spec);
    if (!generator.generate(out, csv))
        return failure(generator.errorString());
    const DatasetGenerator::Counts counts = generator.counts();
    printOut(
        QStringLiteral("generated %1 disbursements, %2 investees, %3 phases, %4 funds (%5 fund-of-funds), "
                       "%6 exchange rates into %7%8 in %9 s (seed %10)\n")
            .arg(counts.disbursements)
            .arg(counts.investees)
            .arg(counts.phases)
            .arg(counts.funds)
            .arg(counts.fundOfFundsLinks)
            .arg(counts.exchangeRates)
            .arg(out, csv.isEmpty() ? QString() : QStringLiteral(" and %1/").arg(csv))
            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
            .arg(spec.seed));
    return Success;
}
