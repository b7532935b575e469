#pragma once

#include <QtGlobal>

/// Reads this process's memory from /proc/self (Linux). The peak is the kernel's high-water mark
/// (VmHWM), which resetPeak() lowers to the current resident size, so the peak of one
/// measurement can be taken inside a long-running process.
class MemoryProbe
{
public:
    /// Lowers the high-water mark to the current RSS (writes 5 to /proc/self/clear_refs).
    static bool resetPeak();
    /// VmHWM in KiB, 0 when unknown.
    static qint64 peakKb();
    /// VmRSS in KiB, 0 when unknown.
    static qint64 residentKb();
    /// ru_maxrss of this process (KiB): the peak since it started, unaffected by resetPeak().
    static qint64 processPeakKb();
};
