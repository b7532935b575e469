#include "DeferredIndexBuilder.h"

#include "BackgroundWork.h"
#include "Database.h"
#include "DeferredIndexes.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

DeferredIndexBuilder::DeferredIndexBuilder(QObject *parent) : QObject(parent) { }

DeferredIndexBuilder::~DeferredIndexBuilder()
{
    stop();
}

void DeferredIndexBuilder::stop()
{
    if (m_stop)
        m_stop->store(true);
    m_build.waitForFinished();
    m_running = false;
}

void DeferredIndexBuilder::start(const QString &path, bool fileChecked)
{
    if (m_running)
        return;
    m_running = true;
    m_stop = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    QPointer<DeferredIndexBuilder> self(this);
    auto report = [self, generation](int done, int total) {
        // On the worker: the numbers go to this object's thread. stop() waits for the worker,
        // so this object outlives every call posted here.
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, done, total] {
                if (self && self->m_generation == generation && self->m_running)
                    Q_EMIT self->progress(done, total);
            },
            Qt::QueuedConnection);
    };
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || !m_running)
            return; // stopped: its end is nobody's news
        m_running = false;
        Q_EMIT finished(watcher->result());
    });
    m_build = QtConcurrent::run(BackgroundWork::pool(), [path, fileChecked, stop = m_stop, report]() -> QString {
        // Stopped before it started: a wait runs a queued task on the waiting thread, which
        // must not then build indexes there.
        if (stop->load())
            return QString();
        BackgroundWork::lowerThisThread();
        Database db;
        if (db.open(path, Database::OpenMode::OpenExisting) != Database::Status::Ok)
            return db.errorString();
        if (fileChecked)
            db.markChecked();
        QString error;
        if (DeferredIndexes::build(db, stop.get(), report, &error) || stop->load())
            return QString();
        return error;
    });
    watcher->setFuture(m_build);
}
