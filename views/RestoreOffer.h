#pragma once

#include <QString>

class QWidget;

/// What the window says when a database is found damaged as it is opened (Database::Status::
/// Corrupt): that it was not opened and nothing in it changed, and, when a rolling backup of that
/// file passes Maintenance::check (RollingBackups::newestGood), an offer to restore the newest.
/// Restoring keeps the damaged file aside (renamed, never deleted) and copies the backup in; the
/// caller then opens the file again.
class RestoreOffer
{
public:
    /// True when the backup was restored in place of `path`; `damage` is the open's error text.
    static bool offer(const QString &path, const QString &damage, QWidget *parent = nullptr);
};
