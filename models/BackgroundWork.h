#pragma once

class QThreadPool;

/// The pool for background maintenance (the check of a large file after its totals load, the
/// daily backup). Its threads run in Linux's idle
/// scheduling class, below even the totals load (nice 19, AnalyticsService), so maintenance takes
/// only the time nothing else wants: at a million rows the check at normal priority took the cores
/// from the next totals load and slowed the first dashboard paint (docs/benchmark-findings.md).
/// A task on it must be waited for before the application is destroyed (Workspace interrupts and
/// waits for its check, RollingBackups waits for its backup): the application unloads the SQL
/// driver plugins before its children go.
namespace BackgroundWork {

QThreadPool *pool();
/// Every task on pool() calls this first; it lowers its thread once.
void lowerThisThread();

} // namespace BackgroundWork
