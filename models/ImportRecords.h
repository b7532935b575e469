#pragma once

#include "EditCommand.h"
#include "ImportedRows.h"

/// ImportRecords: one CSV import as one undo step. The import itself runs on a worker
/// (ImportRunner) and is already stored when this command is pushed, so its first application
/// writes nothing; undo deletes exactly the imported rows (ImportedRows::remove) and redo puts
/// them back with the same ids. Models reload the kinds it touched.
class ImportRecords : public EditCommand
{
public:
    /// text: what the Edit menu shows, e.g. "Import 3 files (1,204 rows)".
    ImportRecords(EditSession &session, const ImportedRows &rows, const QString &text);

protected:
    bool apply(bool forward, EditOutcome *outcome, QString *error) override;

private:
    ImportedRows m_rows;
    bool m_stored = true; ///< the import left the rows in the database
};
