#include "CommandSupport.h"

#include "Database.h"
#include "Lookup.h"
#include "SampleDatabase.h"
#include "Vocabulary.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cstdio>

namespace CommandSupport {

void printError(const QString &line)
{
    const QByteArray bytes = (QString(line).replace(QChar(0), QStringLiteral("\\0")) + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString &message)
{
    printError(QStringLiteral("fundscope: ") + message);
    return UsageError;
}

int failure(const QString &message)
{
    const QStringList damaged = Database::damagedFiles();
    if (!damaged.isEmpty() && !message.contains(Database::damagedWords()))
        printError(QStringLiteral("fundscope: ") + Database::damagedMessage(damaged.constFirst(), message));
    else
        printError(QStringLiteral("fundscope: ") + message);
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
    // The command word is the first positional argument; QCommandLineParser sees it as such.
    if (!parser.parse(arguments)) {
        usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    return true;
}

bool parseCommand(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parse(parser, arguments))
        return false;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        usageError(QCoreApplication::translate("CommandSupport", "%1: unexpected argument '%2'")
                       .arg(positional.at(0), positional.at(1)));
        return false;
    }
    return true;
}

QString requiredOut(const QCommandLineParser &parser, const QString &missing)
{
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        usageError(missing);
    return out;
}

QString formatOrSuffix(const QCommandLineParser &parser, const QString &out)
{
    return parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QFileInfo(out).suffix();
}

void addDatabaseOption(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("db"),
        QCoreApplication::translate("CommandSupport", "The database file (default: %1).")
            .arg(defaultDatabasePath()),
        QStringLiteral("FILE") });
}

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/fundscope.db");
}

bool openDatabase(const QCommandLineParser &parser, Database &db)
{
    if (parser.isSet(QStringLiteral("db"))) {
        if (db.open(parser.value(QStringLiteral("db")), Database::OpenMode::OpenExisting) != Database::Status::Ok) {
            failure(db.errorString());
            return false;
        }
        return true;
    }
    const QString path = defaultDatabasePath();
    QString error;
    if (!SampleDatabase::openOrCreateDefault(db, path, &error)) {
        failure(error);
        return false;
    }
    return true;
}

void addFilterOptions(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("currency"),
        QCoreApplication::translate("CommandSupport", "Base currency for totals: CNY or USD."),
        QStringLiteral("CNY|USD"), QStringLiteral("CNY") });
    parser.addOption({ QStringLiteral("from"),
        QCoreApplication::translate("CommandSupport", "Earliest value date, YYYY[-MM[-DD]], inclusive."),
        QStringLiteral("DATE") });
    parser.addOption({ QStringLiteral("to"),
        QCoreApplication::translate("CommandSupport", "Latest value date, YYYY[-MM[-DD]], inclusive."),
        QStringLiteral("DATE") });
    parser.addOption({ QStringLiteral("fund"),
        QCoreApplication::translate(
            "CommandSupport", "Only this fund (English or Chinese name); repeatable."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("phase"),
        QCoreApplication::translate("CommandSupport",
            "Only phases with this label (e.g. \"Phase II\"), within --fund if given; "
            "repeatable."),
        QStringLiteral("LABEL") });
    parser.addOption({ QStringLiteral("sector"),
        QCoreApplication::translate("CommandSupport", "Only this sector; repeatable."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("region"),
        QCoreApplication::translate("CommandSupport", "Only this country, province or city; repeatable."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("type"),
        QCoreApplication::translate("CommandSupport",
            "Only this event type (commitment, disbursement, equity purchase, equity sale, "
            "loan, grant); repeatable."),
        QStringLiteral("TYPE") });
    parser.addOption({ QStringLiteral("status"),
        QCoreApplication::translate("CommandSupport",
            "Only this status (announced, committed, completed, cancelled); repeatable. "
            "Cancelled events are left out unless asked for."),
        QStringLiteral("STATUS") });
}

namespace {

bool validPartialDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const auto m = shape.match(text);
    if (!m.hasMatch())
        return false;
    const int month = m.captured(2).isEmpty() ? 1 : m.captured(2).toInt();
    const int day = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
    return QDate(m.captured(1).toInt(), month, day).isValid();
}

bool checkWords(const QStringList &values, const QStringList &allowed, const QString &option, QString *error)
{
    for (const QString &v : values) {
        if (!allowed.contains(v)) {
            *error = QCoreApplication::translate("CommandSupport", "unknown --%1 '%2' (expected one of: %3)")
                         .arg(option, v, allowed.join(QStringLiteral(", ")));
            return false;
        }
    }
    return true;
}

} // namespace

int openWithFilter(const QCommandLineParser &parser, Database &db, Filter &filter)
{
    if (!openDatabase(parser, db))
        return Failure;
    QString error;
    if (!readFilter(parser, db, filter, &error))
        return usageError(error);
    return Success;
}

bool readFilter(const QCommandLineParser &parser, Database &db, Filter &filter, QString *error)
{
    const Lookup lookup(db);
    filter.currency = parser.value(QStringLiteral("currency")).toUpper();
    if (filter.currency != QLatin1String("CNY") && filter.currency != QLatin1String("USD")) {
        *error
            = QCoreApplication::translate("CommandSupport", "unknown --currency '%1' (expected CNY or USD)")
                  .arg(parser.value(QStringLiteral("currency")));
        return false;
    }
    for (const char *option : { "from", "to" }) {
        const QString name = QString::fromLatin1(option);
        const QString value = parser.value(name);
        if (!value.isEmpty() && !validPartialDate(value)) {
            *error = QCoreApplication::translate(
                "CommandSupport", "--%1 '%2' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
                         .arg(name, value);
            return false;
        }
    }
    filter.from = parser.value(QStringLiteral("from"));
    filter.to = parser.value(QStringLiteral("to"));

    for (const QString &name : parser.values(QStringLiteral("fund"))) {
        const auto id = lookup.fundId(name);
        if (!id) {
            *error = QCoreApplication::translate("CommandSupport", "unknown fund '%1'").arg(name);
            return false;
        }
        filter.funds.append(*id);
    }
    for (const QString &label : parser.values(QStringLiteral("phase"))) {
        const QList<qint64> ids = lookup.phaseIds(label, filter.funds);
        if (ids.isEmpty()) {
            *error = filter.funds.isEmpty()
                ? QCoreApplication::translate("CommandSupport", "unknown phase '%1'").arg(label)
                : QCoreApplication::translate("CommandSupport", "unknown phase '%1' in the given fund")
                      .arg(label);
            return false;
        }
        filter.phases.append(ids);
    }
    for (const QString &name : parser.values(QStringLiteral("sector"))) {
        const auto id = lookup.sectorId(name);
        if (!id) {
            *error = QCoreApplication::translate("CommandSupport", "unknown sector '%1'").arg(name);
            return false;
        }
        filter.sectors.append(*id);
    }
    for (const QString &name : parser.values(QStringLiteral("region"))) {
        const auto id = lookup.regionId(name);
        if (!id) {
            *error = QCoreApplication::translate("CommandSupport", "unknown region '%1'").arg(name);
            return false;
        }
        filter.regions.append(*id);
    }
    filter.types = parser.values(QStringLiteral("type"));
    filter.statuses = parser.values(QStringLiteral("status"));
    return checkWords(filter.types, Vocabulary::eventTypes(), QStringLiteral("type"), error)
            && checkWords(filter.statuses, Vocabulary::statuses(), QStringLiteral("status"), error);
}

} // namespace CommandSupport
