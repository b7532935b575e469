#include "Retranslator.h"

#include <QEvent>
#include <QWidget>

namespace {

// A child of the watched widget, so it goes with it.
class LanguageChangeFilter : public QObject
{
public:
    LanguageChangeFilter(QWidget *watched, std::function<void()> retranslate)
        : QObject(watched), m_retranslate(std::move(retranslate))
    {
        watched->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            m_retranslate();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_retranslate;
};

} // namespace

namespace Retranslator {

void follow(QWidget *watched, std::function<void()> retranslate)
{
    retranslate();
    new LanguageChangeFilter(watched, std::move(retranslate));
}

} // namespace Retranslator
