#include "Commands.h"

#include "CommandSupport.h"

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
        return CommandSupport::usageError(QStringLiteral("unknown command '%1'").arg(arguments.value(1)));
    return it->second(arguments);
}

} // namespace Commands
