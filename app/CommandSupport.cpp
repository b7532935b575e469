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

namespace CommandSupport {

namespace {

// The name every message starts with, as "fundscope: <message>".
const QString program = QStringLiteral("fundscope");

} // namespace

int usageError(const QString &message)
{
    printError(program + QStringLiteral(": ") + message);
    return UsageError;
}

int failure(const QString &message)
{
    const QStringList damaged = Database::damagedFiles();
    if (!damaged.isEmpty() && !message.contains(Database::damagedWords()))
        printError(program + QStringLiteral(": ") + Database::damagedMessage(damaged.constFirst(), message));
    else
        printError(program + QStringLiteral(": ") + message);
    return Failure;
}

bool parse(QCommandLineParser &parser, const QStringList &arguments)
{
    return CommandLine::parse(parser, arguments, program);
}

bool parseCommand(QCommandLineParser &parser, const QStringList &arguments)
{
    return CommandLine::parseCommand(parser, arguments, program,
        QCoreApplication::translate("CommandSupport", "%1: unexpected argument '%2'"));
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

void describeCommand(QCommandLineParser &parser, const QString &command, const QString &description)
{
    CommandLine::describeCommand(
        parser, command, description, QCoreApplication::translate("Commands", "The command."));
}

void addDatabaseOption(QCommandLineParser &parser)
{
    addDatabaseOption(
        parser, QCoreApplication::translate("CommandSupport", "The database file (default: %1)."));
}

void addDatabaseOption(QCommandLineParser &parser, const QString &description)
{
    parser.addOption(
        { QStringLiteral("db"), description.arg(defaultDatabasePath()), QStringLiteral("FILE") });
}

QString databasePath(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : defaultDatabasePath();
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

namespace {

// The filter options after --currency: name, value name and help (context "CommandSupport").
const struct
{
    const char *name;
    const char *valueName;
    const char *help;
} filterOptions[] = {
    { "from", "DATE",
        QT_TRANSLATE_NOOP("CommandSupport", "Earliest value date, YYYY[-MM[-DD]], inclusive.") },
    { "to", "DATE", QT_TRANSLATE_NOOP("CommandSupport", "Latest value date, YYYY[-MM[-DD]], inclusive.") },
    { "fund", "NAME",
        QT_TRANSLATE_NOOP("CommandSupport", "Only this fund (English or Chinese name); repeatable.") },
    { "phase", "LABEL",
        QT_TRANSLATE_NOOP("CommandSupport",
            "Only phases with this label (e.g. \"Phase II\"), within --fund if given; repeatable.") },
    { "sector", "NAME", QT_TRANSLATE_NOOP("CommandSupport", "Only this sector; repeatable.") },
    { "region", "NAME",
        QT_TRANSLATE_NOOP("CommandSupport", "Only this country, province or city; repeatable.") },
    { "type", "TYPE",
        QT_TRANSLATE_NOOP("CommandSupport",
            "Only this event type (commitment, disbursement, equity purchase, equity sale, loan, grant); "
            "repeatable.") },
    { "status", "STATUS",
        QT_TRANSLATE_NOOP("CommandSupport",
            "Only this status (announced, committed, completed, cancelled); repeatable. Cancelled events are "
            "left out unless asked for.") },
};

} // namespace

void addFilterOptions(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("currency"),
        QCoreApplication::translate("CommandSupport", "Base currency for totals: CNY or USD."),
        QStringLiteral("CNY|USD"), QStringLiteral("CNY") });
    for (const auto &option : filterOptions) {
        parser.addOption(
            { QString::fromLatin1(option.name), QCoreApplication::translate("CommandSupport", option.help),
                QString::fromLatin1(option.valueName) });
    }
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

// The ids of the names given with --`option`, found by `find`; false at the first it does not
// know, with `unknown` (its %1: the name) in *error.
bool readIds(const QCommandLineParser &parser, const QString &option, const Lookup &lookup,
    std::optional<qint64> (Lookup::*find)(const QString &) const, const QString &unknown, QList<qint64> *ids,
    QString *error)
{
    for (const QString &name : parser.values(option)) {
        const std::optional<qint64> id = (lookup.*find)(name);
        if (!id) {
            *error = unknown.arg(name);
            return false;
        }
        ids->append(*id);
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

    if (!readIds(parser, QStringLiteral("fund"), lookup, &Lookup::fundId,
            QCoreApplication::translate("CommandSupport", "unknown fund '%1'"), &filter.funds, error))
        return false;
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
    if (!readIds(parser, QStringLiteral("sector"), lookup, &Lookup::sectorId,
            QCoreApplication::translate("CommandSupport", "unknown sector '%1'"), &filter.sectors, error)
        || !readIds(parser, QStringLiteral("region"), lookup, &Lookup::regionId,
            QCoreApplication::translate("CommandSupport", "unknown region '%1'"), &filter.regions, error))
        return false;
    filter.types = parser.values(QStringLiteral("type"));
    filter.statuses = parser.values(QStringLiteral("status"));
    return checkWords(filter.types, Vocabulary::eventTypes(), QStringLiteral("type"), error)
            && checkWords(filter.statuses, Vocabulary::statuses(), QStringLiteral("status"), error);
}

} // namespace CommandSupport
