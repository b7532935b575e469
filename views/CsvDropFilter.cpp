#include "CsvDropFilter.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

CsvDropFilter::CsvDropFilter(QWidget *window)
    : QObject(window)
{
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

QStringList CsvDropFilter::csvFiles(const QList<QUrl> &urls)
{
    QStringList paths;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv")
            || suffix == QLatin1String("txt"))
            paths.append(path);
    }
    return paths;
}

bool CsvDropFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto *drag = static_cast<QDropEvent *>(event);
        if (drag->mimeData()->hasUrls() && !csvFiles(drag->mimeData()->urls()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files
            = drop->mimeData()->hasUrls() ? csvFiles(drop->mimeData()->urls()) : QStringList();
        if (!files.isEmpty()) {
            drop->acceptProposedAction();
            Q_EMIT filesDropped(files);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}
