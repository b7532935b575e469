#include "MemoryProbe.h"

#include <QByteArray>
#include <QFile>

#include <sys/resource.h>

namespace {

qint64 statusField(const char *name)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray key = QByteArray(name) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace

bool MemoryProbe::resetPeak()
{
    QFile file(QStringLiteral("/proc/self/clear_refs"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write("5") == 1;
}

qint64 MemoryProbe::peakKb()
{
    return statusField("VmHWM");
}

qint64 MemoryProbe::residentKb()
{
    return statusField("VmRSS");
}

qint64 MemoryProbe::processPeakKb()
{
    rusage usage {};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return usage.ru_maxrss;
}
