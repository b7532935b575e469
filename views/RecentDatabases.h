#pragma once

#include <QObject>

class QMenu;

/// File → Open recent: the last eight databases opened, newest first, kept in the settings
/// (recentDatabases; lastDatabase is the one the next start opens).
class RecentDatabases : public QObject
{
    Q_OBJECT
public:
    RecentDatabases(QMenu *menu, QObject *parent = nullptr);

    /// Puts `path` first, remembers it as the last database and rebuilds the menu.
    void remember(const QString &path);

Q_SIGNALS:
    void picked(const QString &path);

private:
    void rebuild();

    QMenu *m_menu = nullptr;
};
