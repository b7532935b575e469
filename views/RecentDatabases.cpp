#include "RecentDatabases.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace {

constexpr int MaxRecent = 8;

} // namespace

RecentDatabases::RecentDatabases(QMenu *menu, QObject *parent) : QObject(parent), m_menu(menu)
{
    rebuild();
}

void RecentDatabases::remember(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentDatabases")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentDatabases"), recent);
    settings.setValue(QStringLiteral("lastDatabase"), absolute);
    rebuild();
}

void RecentDatabases::rebuild()
{
    m_menu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentDatabases")).toStringList();
    for (const QString &path : recent)
        m_menu->addAction(path, this, [this, path] { Q_EMIT picked(path); });
    m_menu->setEnabled(!recent.isEmpty());
}
