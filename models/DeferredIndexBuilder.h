#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

/// Runs the second stage of a big import (DeferredIndexes::build) on a background thread with a
/// connection of its own, while the window works from what the first stage committed. Stopped
/// and waited for when it goes (a set flag interrupts the index being built; that index stays
/// listed, and the next session builds it).
class DeferredIndexBuilder : public QObject
{
    Q_OBJECT

public:
    explicit DeferredIndexBuilder(QObject *parent = nullptr);
    ~DeferredIndexBuilder() override;

    /// Starts building what the database at `path` lists, unless a build is running.
    /// `fileChecked`: the file passed its check on another connection, so the builder's first
    /// write need not check it again (Database::markChecked()).
    void start(const QString &path, bool fileChecked);
    bool isRunning() const { return m_running; }
    /// Interrupts a running build and waits for it.
    void stop();

Q_SIGNALS:
    /// Before each index: `done` of `total` built.
    void progress(int done, int total);
    /// `error` is empty when every index was built, and for a stop.
    void finished(const QString &error);

private:
    QFuture<QString> m_build;
    std::shared_ptr<std::atomic_bool> m_stop;
    bool m_running = false;
    quint64 m_generation = 0;
};
