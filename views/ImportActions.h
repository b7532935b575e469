#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class Database;
class ImportWizard;
class MainWindow;
class QAction;
class QMenu;

/// The window's way into the import wizard: File → Import CSV… (Ctrl+I) and CSV files dropped
/// on the window. A finished import goes on the window's undo stack (EditSession) as one step;
/// the session then refreshes the models and totals.
class ImportActions : public QObject
{
    Q_OBJECT
public:
    ImportActions(Database &db, MainWindow &window);

    void addFileActions(QMenu *file);
    /// Opens the wizard (or brings the open one forward) with these files added.
    void openWizard(const QStringList &files = {});
    ImportWizard *wizard() const;
    QAction *importAction() const { return m_import; }

private:
    Database &m_db;
    MainWindow &m_window;
    QAction *m_import = nullptr;
    QPointer<ImportWizard> m_wizard;
};
