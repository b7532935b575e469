#pragma once

// Shared by the form tests: keyboard helpers that act on whatever has the focus, as a person
// typing would.

#include <QApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QTest>
#include <QWidget>

namespace FormTestSupport {

inline QWidget *focused()
{
    return QApplication::focusWidget();
}

/// Types into the focused widget: ASCII as key presses, anything else (Chinese) the way an input
/// method commits it.
inline void type(const QString &text)
{
    QString run;
    auto commit = [&] {
        if (run.isEmpty())
            return;
        QInputMethodEvent event;
        event.setCommitString(run);
        QApplication::sendEvent(focused(), &event);
        run.clear();
    };
    for (const QChar c : text) {
        if (c.unicode() < 128) {
            commit();
            QTest::keyClick(focused(), char(c.unicode()));
        } else {
            run.append(c);
        }
    }
    commit();
}

/// Presses a key on the focused widget.
inline void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(focused(), key, modifiers);
}

inline void tab(int times = 1)
{
    for (int i = 0; i < times; ++i)
        press(Qt::Key_Tab);
}

/// The inline message shown under a form field for `column` (empty when hidden).
inline QString message(QWidget *form, const QString &column)
{
    auto *label = form->findChild<QLabel *>(QStringLiteral("message_") + column);
    return label && label->isVisible() ? label->text() : QString();
}

} // namespace FormTestSupport
