#include "MainWindowLauncher.h"

#include "CommandSupport.h"
#include "Database.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int MainWindowLauncher::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Fundscope: state-led technology investment, by fund, sector, region and phase.\n\n"
                           "Commands (run 'fundscope COMMAND --help' for their options):\n"
                           "  summary   print totals grouped by sector, segment, region, phase, fund or year\n"
                           "  init      create a new database (--sample adds the sourced sample rows)\n"
                           "  import    load interchange CSV files, all or nothing"));
    parser.addVersionOption();
    CommandSupport::addDatabaseOption(parser);
    if (!CommandSupport::parse(parser, arguments))
        return CommandSupport::UsageError;
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return CommandSupport::usageError(QStringLiteral("unknown command '%1' (try --help)")
                                                  .arg(parser.positionalArguments().constFirst()));

    Database db;
    if (!CommandSupport::openDatabase(parser, db))
        return CommandSupport::Failure;
    MainWindow window(db);
    window.show();
    return QApplication::exec();
}
