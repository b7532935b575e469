#include "Commands.h"

#include "CommandSupport.h"

// Placeholder: the foundation issue's summary command is being built.
int Commands::summary(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    return CommandSupport::failure(QStringLiteral("'summary' is not built yet"));
}
