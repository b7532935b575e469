#include "Commands.h"

#include "CommandSupport.h"

// Placeholder: the foundation issue's import command is being built.
int Commands::import(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    return CommandSupport::failure(QStringLiteral("'import' is not built yet"));
}
