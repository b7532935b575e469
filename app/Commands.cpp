#include "Commands.h"

#include "CommandSupport.h"
#include "Database.h"

#include <QCoreApplication>

#include <functional>
#include <map>

namespace Commands {

namespace {

const std::map<QString, std::function<int(const QStringList &)>> &table()
{
    static const std::map<QString, std::function<int(const QStringList &)>> commands = {
        { QStringLiteral("summary"), summary },
        { QStringLiteral("init"), init },
        { QStringLiteral("import"), import },
        { QStringLiteral("export-chart"), exportChart },
        { QStringLiteral("export-table"), exportTable },
        { QStringLiteral("report"), report },
        { QStringLiteral("check"), check },
        { QStringLiteral("backup"), backup },
    };
    return commands;
}

} // namespace

bool isCommand(const QStringList &arguments)
{
    return arguments.size() > 1 && table().count(arguments.at(1)) > 0;
}

int run(const QStringList &arguments)
{
    const auto it = table().find(arguments.value(1));
    if (it == table().end())
        return CommandSupport::usageError(
            QCoreApplication::translate("Commands", "unknown command '%1'").arg(arguments.value(1)));
    const int code = it->second(arguments);
    // Damage SQLite met where no error was looked at (Database::damagedFiles()): what the command
    // printed may be short of rows, so it has not succeeded. A failure has said so already.
    const QStringList damaged = Database::damagedFiles();
    if (damaged.isEmpty() || code == CommandSupport::Failure)
        return code;
    return CommandSupport::failure(Database::damagedMessage(damaged.constFirst(),
        QCoreApplication::translate("Commands", "found while it was read; the output is not complete")));
}

} // namespace Commands
