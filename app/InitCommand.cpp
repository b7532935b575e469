#include "Commands.h"

#include "CommandSupport.h"

// Placeholder: the foundation issue's init command is being built.
int Commands::init(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    return CommandSupport::failure(QStringLiteral("'init' is not built yet"));
}
