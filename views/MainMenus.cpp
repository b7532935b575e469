#include "MainMenus.h"

#include "AppTheme.h"
#include "DisbursementTableModel.h"
#include "EditActions.h"
#include "ExportActions.h"
#include "FilterBar.h"
#include "ImportActions.h"
#include "LanguageMenu.h"
#include "RecentDatabases.h"
#include "SharedFilter.h"
#include "TableSupport.h"
#include "UnitsMenu.h"
#include "Workspace.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>

MainMenus::MainMenus(const Parts &parts, QObject *parent) : QObject(parent), m_parts(parts)
{
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createHelpMenu();
    retranslate();
}

void MainMenus::createFileMenu()
{
    QMainWindow *window = m_parts.window;
    m_file = window->menuBar()->addMenu(QString());
    // No shortcut: Ctrl+N adds a record of the current page's kind (EditActions).
    m_newDatabase = m_file->addAction(QString(), this, [this, window] {
        const QString path = QFileDialog::getSaveFileName(window, tr("New database"), QString(),
                                                          tr("Fundscope databases (*.db *.sqlite)"));
        if (!path.isEmpty())
            m_parts.openDatabase(path, true);
    });
    m_openDatabase = m_file->addAction(QString(), QKeySequence::Open, this, [this, window] {
        const QString path = QFileDialog::getOpenFileName(window, tr("Open database"),
                                                          QFileInfo(m_parts.databasePath()).absolutePath(),
                                                          tr("Fundscope databases (*.db *.sqlite);;All files (*)"));
        if (!path.isEmpty())
            m_parts.openDatabase(path, false);
    });
    m_recentMenu = m_file->addMenu(QString());
    m_recent = new RecentDatabases(m_recentMenu, this);
    connect(m_recent, &RecentDatabases::picked, this, [this](const QString &path) { m_parts.openDatabase(path, false); });
    m_file->addSeparator();
    m_parts.imports->addFileActions(m_file);
    m_parts.exports->addFileActions(m_file);
    m_file->addSeparator();
    m_quit = m_file->addAction(QString(), QKeySequence::Quit, window, &QWidget::close);
}

void MainMenus::createEditMenu()
{
    m_edit = m_parts.window->menuBar()->addMenu(QString());
    TableSupport::addCopyActions(m_edit, m_parts.pages);
    m_parts.exports->addEditActions(m_edit);
    m_edit->addSeparator();
    m_find = m_edit->addAction(QString(), QKeySequence::Find, m_parts.filterBar, &FilterBar::focusSearch);
    m_clearFilter = m_edit->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                                      &m_parts.workspace->filter(), &SharedFilter::clear);
}

void MainMenus::createViewMenu()
{
    m_view = m_parts.window->menuBar()->addMenu(QString());
    QTabWidget *pages = m_parts.pages;
    for (int i = 0; i < pages->count(); ++i) {
        m_pageActions.append(m_view->addAction(QString(), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)), pages,
                                               [pages, i] { pages->setCurrentIndex(i); }));
    }
    m_parts.edits->install(m_edit, m_view);
    m_view->addSeparator();
    AppTheme::addMenu(m_view);
    // The one Units choice (the Workspace's): View → Units and the Dashboard's combo set it.
    UnitsMenu::addTo(m_view, m_parts.workspace->units());
    UnitsMenu::bindCombo(m_parts.unitsCombo, m_parts.workspace->units());
    LanguageMenu::addTo(m_view);
    m_view->addSeparator();
    Workspace *workspace = m_parts.workspace;
    m_refresh = m_view->addAction(QString(), QKeySequence::Refresh, this, [workspace] {
        workspace->disbursements().reload();
        workspace->reloadAll();
    });
}

void MainMenus::createHelpMenu()
{
    m_help = m_parts.window->menuBar()->addMenu(QString());
    QMainWindow *window = m_parts.window;
    m_about = m_help->addAction(QString(), this, [window] {
        QMessageBox::about(window, tr("About Fundscope"),
                           tr("<b>Fundscope %1</b><p>State-led technology investment: funds, phases, the "
                                "companies they fund and every commitment and disbursement, with sources.</p>")
                                   .arg(QApplication::applicationVersion()));
    });
}

void MainMenus::retranslate()
{
    m_file->setTitle(tr("&File"));
    m_newDatabase->setText(tr("&New database…"));
    m_openDatabase->setText(tr("&Open database…"));
    m_recentMenu->setTitle(tr("Open &recent"));
    m_quit->setText(tr("&Quit"));
    m_edit->setTitle(tr("&Edit"));
    m_find->setText(tr("&Find…"));
    m_clearFilter->setText(tr("C&lear filter"));
    m_view->setTitle(tr("&View"));
    for (int i = 0; i < m_pageActions.size(); ++i)
        m_pageActions.at(i)->setText(m_parts.pages->tabText(i));
    m_refresh->setText(tr("&Refresh"));
    m_help->setTitle(tr("&Help"));
    m_about->setText(tr("&About Fundscope"));
}
