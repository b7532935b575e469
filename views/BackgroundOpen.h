#pragma once

#include "Database.h"

#include <QString>

class QWidget;

/// Opens a database file once on a worker thread — creating, upgrading and checking it for
/// damage, as Database::open() does — while the window keeps painting and, when it takes a
/// moment, a window-modal dialog says what is going on. A file of tens of MB is checked whole
/// when opened (Database::checkAtOpen()), which would otherwise hold up the UI thread; the
/// window's own connection then opens the file without checking it again
/// (Database::skipNextOpenCheck()).
class BackgroundOpen
{
public:
    struct Result
    {
        Database::Status status = Database::Status::Failed;
        QString error;
    };

    /// Returns when the worker is done. Input to the application waits meanwhile (there is
    /// nothing to cancel: a check of a file this size ends within seconds, and an upgrade must
    /// not be cut short). With showDialog false another dialog (UpgradeNotice) already says it.
    static Result run(const QString &path, Database::OpenMode mode, QWidget *parent, bool showDialog = true);
};
