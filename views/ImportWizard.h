#pragma once

#include "ImportOptions.h"
#include "InterchangeLoader.h"

#include <QList>
#include <QStringList>
#include <QWizard>

class Database;
class EditSession;
class ImportRunner;

/// File → Import CSV…: pick files (or drop them on the window), check the detected encoding,
/// delimiter, header and kind, map columns to fields (with saved presets), preview, read the
/// validation report (every problem by file, line and column), choose what to do with invalid
/// rows, duplicates and unknown names, then import on a worker with a progress bar, rows per
/// second and Cancel. A finished import is one undo step (ImportRecords on the EditSession).
///
/// Both the check and the import run on ImportRunner's worker thread with their own
/// connection; the pages only show what its signals bring.
class ImportWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilesPage, MappingPage, CheckPage, RunPage };

    /// One input file and how it is read, as the pages edit it.
    struct File
    {
        QString path;
        QString encoding;
        char delimiter = ',';
        bool hasHeader = true;
        QString kind;
        QList<QStringList> preview; ///< first rows as read (the header included)
        QMap<QString, int> mapping; ///< field -> column
        QString error; ///< the file cannot be read
    };

    /// session may be null (then the import is not undoable).
    ImportWizard(Database &db, EditSession *session, QWidget *parent = nullptr);
    ~ImportWizard() override;

    /// Adds files (detecting their format and mapping columns by header names).
    void addFiles(const QStringList &paths);
    void removeFile(int index);
    QList<File> &files() { return m_files; }
    /// Re-reads a file's preview after its encoding, delimiter or header setting changed, and
    /// maps its columns afresh.
    void reread(int index);
    /// Columns to fields by header name (case and surrounding spaces ignored).
    static QMap<QString, int> mapByHeader(const File &file);
    /// The source columns of a file, as "N: header" (or "column N" without a header).
    static QStringList columnLabels(const File &file);
    /// What a kind of file holds, in words ("Disbursements" for "disbursements"): the kinds
    /// themselves are the interchange format's names and stay as they are.
    static QString kindLabel(const QString &kind);

    QList<ImportSource> sources() const;
    /// The options the check page's choices make (skip-invalid, duplicates, names).
    ImportOptions &options() { return m_options; }

    Database &database() const { return m_db; }
    EditSession *session() const { return m_session; }
    ImportRunner &runner() const { return *m_runner; }

Q_SIGNALS:
    void filesChanged();
    /// The import was stored (and pushed on the undo stack).
    void imported(const LoadReport &report);

protected:
    void reject() override;

private:
    Database &m_db;
    EditSession *m_session = nullptr;
    ImportRunner *m_runner = nullptr;
    QList<File> m_files;
    ImportOptions m_options;
};
