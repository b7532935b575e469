#include "ImportRunner.h"

#include "Database.h"

#include <QEventLoop>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

ImportRunner::ImportRunner(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<LoadReport>(this))
{
    connect(m_watcher, &QFutureWatcher<LoadReport>::finished, this, [this] {
        m_running = false;
        Q_EMIT finished(m_watcher->result());
    });
}

ImportRunner::~ImportRunner()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher->disconnect(this);
    m_watcher->waitForFinished();
}

bool ImportRunner::isRunning() const
{
    return m_running;
}

void ImportRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool ImportRunner::start(const QString &databasePath, const QList<ImportSource> &sources,
    const ImportOptions &options, int busyTimeoutMs)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 job = ++m_job;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    QPointer<ImportRunner> self(this);
    ImportOptions workerOptions = options;
    workerOptions.cancel = cancel.get();
    // The data is usable once the rows commit; the window's Workspace builds the sort indexes
    // afterwards (DeferredIndexBuilder), while its pages already show the import.
    workerOptions.deferSortIndexes = true;
    workerOptions.progress = [self, job](const ImportProgress &p) {
        // Runs on the worker: hand the numbers to the runner's thread. The runner waits for the
        // worker in its destructor, so it outlives every event posted here.
        const double seconds = qMax<qint64>(p.elapsedMs, 1) / 1000.0;
        const double rate = p.rows / seconds;
        QMetaObject::invokeMethod(
            self.data(),
            [self, job, p, rate] {
                if (self && self->m_job == job && self->m_running)
                    Q_EMIT self->progress(p, rate);
            },
            Qt::QueuedConnection);
    };
    m_watcher->setFuture(QtConcurrent::run([databasePath, sources, workerOptions, busyTimeoutMs, cancel]() {
        Database db;
        LoadReport report;
        report.dryRun = workerOptions.dryRun;
        if (db.open(databasePath, Database::OpenMode::OpenExisting, busyTimeoutMs) != Database::Status::Ok) {
            report.errors.append({ databasePath, 0, QString(), db.errorString() });
            return report;
        }
        InterchangeLoader loader(db);
        loader.setOptions(workerOptions);
        return loader.load(sources);
    }));
    return true;
}

void ImportRunner::waitForFinished()
{
    if (!m_running)
        return;
    QEventLoop loop;
    connect(this, &ImportRunner::finished, &loop, &QEventLoop::quit);
    if (m_running)
        loop.exec();
}
