#include "BackgroundWork.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#ifdef Q_OS_LINUX
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace BackgroundWork {

QThreadPool *pool()
{
    // One thread: a check and a backup never compete with each other either. The pool's threads
    // are lowered for good (an unprivileged thread may not raise itself again), so no other task
    // may run on them. The application owns the pool: destroying it waits for a task still
    // running, before anything the task uses is torn down (as Qt does for its global pool).
    static QPointer<QThreadPool> threads;
    if (!threads) {
        threads = new QThreadPool(QCoreApplication::instance());
        threads->setMaxThreadCount(1);
    }
    return threads;
}

void lowerThisThread()
{
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        const sched_param param {};
        sched_setscheduler(pid_t(syscall(SYS_gettid)), SCHED_IDLE, &param);
    }
#endif
}

} // namespace BackgroundWork
