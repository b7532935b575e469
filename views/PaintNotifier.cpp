#include "PaintNotifier.h"

#include <QEvent>
#include <QWidget>

void PaintNotifier::watch(QWidget *widget)
{
    widget->installEventFilter(this);
}

bool PaintNotifier::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint)
        Q_EMIT painted();
    return QObject::eventFilter(watched, event);
}
