#pragma once

#include <QObject>

class QWidget;

/// Tells when any of the widgets it watches paints: how the shell lets the Workspace (which sees
/// no widgets) know that the page in view shows what a change gave it.
class PaintNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void watch(QWidget *widget);

Q_SIGNALS:
    /// A watched widget is about to paint.
    void painted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
