#include "MainWindowLauncher.h"

#include "CommandSupport.h"
#include "Database.h"
#include "InterfaceLanguage.h"
#include "MainWindow.h"
#include "RestoreOffer.h"
#include "UpgradeNotice.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QProgressDialog>
#include <QSettings>

int MainWindowLauncher::run(const QStringList &arguments)
{
    // The command names stay as typed; only what they do is translated.
    static const struct
    {
        const char *name;
        const char *what;
    } commands[] = {
        { "summary",
            QT_TRANSLATE_NOOP("MainWindowLauncher",
                "print totals grouped by sector, segment, region, phase, fund or year") },
        { "init",
            QT_TRANSLATE_NOOP(
                "MainWindowLauncher", "create a new database (--sample adds the sourced sample rows)") },
        { "import", QT_TRANSLATE_NOOP("MainWindowLauncher", "load interchange CSV files, all or nothing") },
        { "export-chart",
            QT_TRANSLATE_NOOP("MainWindowLauncher",
                "write a dashboard chart as PNG, SVG or PDF with title, filter and sources") },
        { "export-table",
            QT_TRANSLATE_NOOP("MainWindowLauncher", "write a table's rows under the filter as CSV or XLSX") },
        { "report",
            QT_TRANSLATE_NOOP("MainWindowLauncher", "write the dashboard report as a multi-page PDF") },
        { "check",
            QT_TRANSLATE_NOOP(
                "MainWindowLauncher", "check a database file for damage and broken references") },
        { "backup",
            QT_TRANSLATE_NOOP("MainWindowLauncher", "copy a database consistently, also while it is open") },
    };
    QStringList list;
    for (const auto &command : commands)
        list.append(QStringLiteral("  %1  %2")
                        .arg(QLatin1String(command.name), -12)
                        .arg(QApplication::translate("MainWindowLauncher", command.what)));
    QCommandLineParser parser;
    const QString description = QApplication::translate("MainWindowLauncher",
        "Fundscope: state-led technology investment, by fund, sector, region and phase.\n\n"
        "Commands (run 'fundscope COMMAND --help' for their options):\n%1");
    parser.setApplicationDescription(description.arg(list.join(QLatin1Char('\n'))));
    parser.addVersionOption();
    CommandSupport::addDatabaseOption(parser);
    if (!CommandSupport::parse(parser, arguments))
        return CommandSupport::UsageError;
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return CommandSupport::usageError(
                QApplication::translate("MainWindowLauncher", "unknown command '%1' (try --help)")
                        .arg(parser.positionalArguments().constFirst()));

    // The window speaks the language chosen in it (View → Language), the system's by default:
    // before the first dialog.
    InterfaceLanguage::apply(InterfaceLanguage::saved());

    Database db;
    // Without --db the window reopens the database used last, when it still opens.
    const QString last = QSettings().value(QStringLiteral("lastDatabase")).toString();
    const bool useLast = !parser.isSet(QStringLiteral("db")) && !last.isEmpty() && QFileInfo::exists(last);
    {
        const auto notice = UpgradeNotice::showIfNeeded(useLast ? last
                : parser.isSet(QStringLiteral("db"))                 ? parser.value(QStringLiteral("db"))
                                                                      : CommandSupport::defaultDatabasePath());
        Database::Status lastStatus
                = useLast ? db.open(last, Database::OpenMode::OpenExisting) : Database::Status::NotFound;
        // A damaged file is not passed over in silence for the default database (issue 15): the
        // window says so and offers the newest rolling backup that passes the check.
        if (lastStatus == Database::Status::Corrupt && RestoreOffer::offer(last, db.errorString()))
            lastStatus = db.open(last, Database::OpenMode::OpenExisting);
        const bool reopened = lastStatus == Database::Status::Ok;
        if (!reopened && !CommandSupport::openDatabase(parser, db))
            return CommandSupport::Failure;
    }
    MainWindow window(db);
    window.show();
    return QApplication::exec();
}
