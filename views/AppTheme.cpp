#include "AppTheme.h"

#include "Retranslator.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QPalette>
#include <QSettings>
#include <QStyle>

namespace AppTheme {

namespace {

const char *const Key = "window/theme";

} // namespace

void apply(const QString &mode)
{
    static const QPalette systemPalette = QApplication::palette();
    static const QString systemStyle = QApplication::style()->name();
    if (mode == QLatin1String("dark")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
        dark.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3a));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb4));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3a));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xf0));
        for (QPalette::ColorRole role : { QPalette::Text, QPalette::ButtonText, QPalette::WindowText })
            dark.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
        QApplication::setPalette(dark);
    } else if (mode == QLatin1String("light")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setStyle(systemStyle);
        QApplication::setPalette(systemPalette);
    }
}

QString saved()
{
    return QSettings().value(QLatin1String(Key), QStringLiteral("system")).toString();
}

void addMenu(QMenu *view)
{
    QMenu *theme = view->addMenu(QString());
    auto *themes = new QActionGroup(theme);
    const QString current = saved();
    // Each choice is the key kept in the settings; its title follows the interface language.
    const std::pair<QString, const char *> choices[] = {
        { QStringLiteral("system"), QT_TRANSLATE_NOOP("AppTheme", "Follow the &system") },
        { QStringLiteral("light"), QT_TRANSLATE_NOOP("AppTheme", "&Light") },
        { QStringLiteral("dark"), QT_TRANSLATE_NOOP("AppTheme", "&Dark") },
    };
    QList<std::pair<QAction *, const char *>> titled;
    for (const auto &[key, title] : choices) {
        QAction *action = theme->addAction(QString());
        titled.append({ action, title });
        action->setCheckable(true);
        action->setChecked(key == current);
        themes->addAction(action);
        QObject::connect(action, &QAction::triggered, theme, [key] {
            QSettings().setValue(QLatin1String(Key), key);
            apply(key);
        });
    }
    Retranslator::follow(theme, [theme, titled] {
        theme->setTitle(QApplication::translate("AppTheme", "&Theme"));
        for (const auto &[action, title] : titled)
            action->setText(QApplication::translate("AppTheme", title));
    });
}

} // namespace AppTheme
