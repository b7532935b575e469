#include "MainWindowLauncher.h"

#include "CommandSupport.h"
#include "Database.h"
#include "MainWindow.h"
#include "UpgradeNotice.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

int MainWindowLauncher::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Fundscope: state-led technology investment, by fund, sector, region and phase.\n\n"
                           "Commands (run 'fundscope COMMAND --help' for their options):\n"
                           "  summary       print totals grouped by sector, segment, region, phase, fund or year\n"
                           "  init          create a new database (--sample adds the sourced sample rows)\n"
                           "  import        load interchange CSV files, all or nothing\n"
                           "  export-chart  write a dashboard chart as PNG, SVG or PDF with title, filter and sources\n"
                           "  export-table  write a table's rows under the filter as CSV or XLSX\n"
                           "  report        write the dashboard report as a multi-page PDF\n"
                           "  check         check a database file for damage and broken references\n"
                           "  backup        copy a database consistently, also while it is open"));
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
    // Without --db the window reopens the database used last, when it still opens.
    const QString last = QSettings().value(QStringLiteral("lastDatabase")).toString();
    const bool useLast = !parser.isSet(QStringLiteral("db")) && !last.isEmpty() && QFileInfo::exists(last);
    {
        const auto notice = UpgradeNotice::showIfNeeded(useLast ? last
                : parser.isSet(QStringLiteral("db"))                 ? parser.value(QStringLiteral("db"))
                                                                      : CommandSupport::defaultDatabasePath());
        const Database::Status lastStatus
                = useLast ? db.open(last, Database::OpenMode::OpenExisting) : Database::Status::NotFound;
        // A damaged file is not passed over in silence for the default database (issue 15).
        if (lastStatus == Database::Status::Corrupt)
            QMessageBox::warning(nullptr, QStringLiteral("Fundscope"),
                                 QApplication::translate("MainWindowLauncher",
                                                         "%1\n\nIt was not opened and nothing in it was changed. "
                                                         "'fundscope check --db FILE' lists what is damaged.")
                                         .arg(db.errorString()));
        const bool reopened = lastStatus == Database::Status::Ok;
        if (!reopened && !CommandSupport::openDatabase(parser, db))
            return CommandSupport::Failure;
    }
    MainWindow window(db);
    window.show();
    return QApplication::exec();
}
