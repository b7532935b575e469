#pragma once

#include <QList>
#include <QObject>

#include <functional>

class EditActions;
class ExportActions;
class FilterBar;
class ImportActions;
class QAction;
class QComboBox;
class QMainWindow;
class QMenu;
class QTabWidget;
class RecentDatabases;
class Workspace;

/// The window's menu bar: File, Edit, View, Help. It holds its own actions' texts and sets them
/// again in retranslate(); the action classes it places (imports, exports, edits) translate their
/// own actions. It reaches the window only through Parts.
class MainMenus : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QMainWindow *window = nullptr;
        QTabWidget *pages = nullptr;
        FilterBar *filterBar = nullptr;
        Workspace *workspace = nullptr;
        EditActions *edits = nullptr;
        ImportActions *imports = nullptr;
        ExportActions *exports = nullptr;
        QComboBox *unitsCombo = nullptr; ///< the Dashboard's, bound to the same Units choice
        std::function<QString()> databasePath; ///< the open database's file
        std::function<bool(const QString &path, bool create)> openDatabase;
    };

    explicit MainMenus(const Parts &parts, QObject *parent = nullptr);

    /// File → Open recent.
    RecentDatabases *recent() const { return m_recent; }
    /// Sets every text again in the language now in effect; the window calls it on LanguageChange
    /// after re-titling its pages, whose titles the View menu repeats.
    void retranslate();

private:
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();

    Parts m_parts;
    RecentDatabases *m_recent = nullptr;
    QMenu *m_file = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_edit = nullptr;
    QMenu *m_view = nullptr;
    QMenu *m_help = nullptr;
    QAction *m_newDatabase = nullptr;
    QAction *m_openDatabase = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_find = nullptr;
    QAction *m_clearFilter = nullptr;
    QList<QAction *> m_pageActions;
    QAction *m_refresh = nullptr;
    QAction *m_about = nullptr;
};
