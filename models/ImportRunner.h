#pragma once

#include "ImportOptions.h"
#include "InterchangeLoader.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

/// Runs one import (InterchangeLoader) at a time on a worker thread with its own Database
/// connection, so the event loop is never held up: progress and the result come back as
/// signals on the runner's thread (queued), and cancel() sets the flag the loader checks
/// between rows (and SQLite during index builds); a cancelled import rolls back completely.
///
/// The wizard runs it twice: a dry run for the validation report, then the import itself.
class ImportRunner : public QObject
{
    Q_OBJECT
public:
    explicit ImportRunner(QObject *parent = nullptr);
    /// Cancels a running import and waits for it to roll back.
    ~ImportRunner() override;

    /// Starts loading the sources into the database file. False when an import is already
    /// running. busyTimeoutMs bounds the wait for a database another process holds locked.
    bool start(const QString &databasePath, const QList<ImportSource> &sources, const ImportOptions &options,
        int busyTimeoutMs = 5000);
    /// Asks the running import to stop; finished() follows with LoadReport::cancelled.
    void cancel();
    bool isRunning() const;
    /// Blocks until the running import is done and finished() was emitted (tests, headless use).
    void waitForFinished();

Q_SIGNALS:
    /// About ten times a second while reading, and at each stage change.
    void progress(const ImportProgress &progress, double rowsPerSecond);
    /// The import is over: stored, failed, dry-run or cancelled (see the report).
    void finished(const LoadReport &report);

private:
    QFutureWatcher<LoadReport> *m_watcher = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_job = 0;
    bool m_running = false;
};
