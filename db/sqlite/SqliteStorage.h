#pragma once

#include "StorageBackend.h"

/// The SQLite backend: the dialect of SqliteDialect, ColumnLoader's parallel read, the bulk load
/// of InterchangeSession and its row loaders (InterchangeLoad.cpp), import undo through an
/// attached scratch database (ImportedRowsTransfer.cpp), and Maintenance's checks and backups.
class SqliteStorage final : public StorageBackend
{
public:
    static const SqliteStorage &instance();

    const SqlDialect &dialect() const override;
    bool defineExactSum(Database &db, QString *error) const override;
    bool loadColumns(Database &db, ColumnStore &store, QString *error, qint64 splitFrom) const override;
    void loadInterchange(Database &db, const QList<ImportSource> &sources, const ImportOptions &options,
        LoadReport &report) const override;
    bool moveImportedRows(Database &db, const ImportedRows &rows, const QString &scratchFolder, bool out,
        QString *error) const override;
    CheckReport check(const QString &path, int limit) const override;
    bool backup(const QString &path, const QString &copy, QString *error, qint64 *bytes) const override;
};
