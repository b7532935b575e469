#include "ProcessMemory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

void ProcessMemory::keepFreedBlocks()
{
#ifdef __GLIBC__
    // 32 MB is the largest threshold glibc documents for 64-bit systems (older versions refuse
    // more). Setting the trim threshold turns glibc's own raising of the mmap threshold off, so
    // it is set only once the mmap threshold has been taken.
    if (mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1)
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
