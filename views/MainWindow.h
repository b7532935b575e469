#pragma once

#include <QMainWindow>

class Database;

/// The application shell: menus, pages, status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Database &db, QWidget *parent = nullptr);

private:
    Database &m_db;
};
