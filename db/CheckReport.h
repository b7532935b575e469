#pragma once

#include <QString>
#include <QStringList>

/// What a check of a whole database found (StorageBackend::check(), `fundscope check`).
struct CheckReport
{
    QString path;
    qint64 bytes = 0; ///< page count × page size
    qint64 pageSize = 0;
    int schemaVersion = -1; ///< PRAGMA user_version
    bool fundscope = false; ///< application_id marks a Fundscope database
    /// PRAGMA integrity_check's findings, SQLite's own words; empty when it answered "ok".
    QStringList integrity;
    /// One line per row whose foreign key points at no row ("disbursements row 12: phase_id
    /// points at no row of phases"); empty when every reference resolves.
    QStringList foreignKeys;
    /// Set when the file could not be checked at all (missing, not SQLite, locked, unreadable).
    QString error;

    bool ok() const { return error.isEmpty() && integrity.isEmpty() && foreignKeys.isEmpty(); }
    /// The plain report `fundscope check` prints: the file, each check's verdict with its
    /// findings, and a last line with the conclusion.
    QString text() const;
};
