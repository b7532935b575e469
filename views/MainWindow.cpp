#include "MainWindow.h"

#include "Database.h"

#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

MainWindow::MainWindow(Database &db, QWidget *parent) : QMainWindow(parent), m_db(db)
{
    setWindowTitle(tr("Fundscope"));
    menuBar()->addMenu(tr("&File"))->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    statusBar()->addWidget(new QLabel(m_db.path()));
    resize(1280, 800);
}
