#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class Database;
class EditSession;
class ImportWizard;
class QAction;
class QMenu;
class QWidget;

/// The window's way into the import wizard: File → Import CSV… (Ctrl+I) and CSV files dropped
/// on the window. A finished import goes on the window's undo stack (EditSession) as one step;
/// the session then refreshes the models and totals.
class ImportActions : public QObject
{
    Q_OBJECT
public:
    /// What it works with, lent by the window (which builds this; ImportActions never sees it).
    struct Parts
    {
        QWidget *window = nullptr;      ///< takes the dropped files, parents the wizard and this object
        EditSession *session = nullptr; ///< the undo stack a finished import goes on (none: not undoable)
    };

    ImportActions(Database &db, const Parts &parts);

    void addFileActions(QMenu *file);
    /// Opens the wizard (or brings the open one forward) with these files added.
    void openWizard(const QStringList &files = {});
    ImportWizard *wizard() const;
    QAction *importAction() const { return m_import; }

private:
    Database &m_db;
    Parts m_parts;
    QAction *m_import = nullptr;
    QPointer<ImportWizard> m_wizard;
};
