#include "BackgroundOpen.h"

#include <QApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

BackgroundOpen::Result BackgroundOpen::run(const QString &path, Database::OpenMode mode, QWidget *parent,
                                           bool showDialog)
{
    std::unique_ptr<QProgressDialog> busy;
    if (showDialog) {
        busy = std::make_unique<QProgressDialog>(
            QApplication::translate("BackgroundOpen", "Opening %1 and checking it for damage…")
                .arg(QFileInfo(path).fileName()),
            QString(), 0, 0, parent);
        busy->setWindowTitle(QApplication::translate("BackgroundOpen", "Opening database"));
        busy->setWindowModality(Qt::WindowModal);
        // Shown by itself only if the open is still going then: most opens never show it.
        busy->setMinimumDuration(400);
    }

    QFutureWatcher<Result> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    // The connection is made, used and removed on the worker: Qt SQL connections belong to the
    // thread that made them.
    watcher.setFuture(QtConcurrent::run([path, mode] {
        Database probe;
        Result result;
        result.status = probe.open(path, mode);
        result.error = probe.errorString();
        return result;
    }));
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return watcher.result();
}
