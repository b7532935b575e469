#pragma once

/// How the process's allocator treats large blocks, set once at start by the programs that hold
/// an aggregation cache (the app and the benchmark, so that both measure the same thing).
namespace ProcessMemory {

/// Serves blocks up to 32 MB from the heap and keeps up to 256 MB of freed heap for reuse.
///
/// Why: by default glibc gives each block above 128 KB (a threshold it raises only after such a
/// block is freed) its own mapping and returns it on free, so every cache load and every first
/// pass over a million rows touches fresh pages, at a page fault each — about 10 µs apiece on a
/// virtual machine. The cache's load (some 75 MB), the groups of a pass (some 15 MB) and a
/// reload after an edit then reuse memory the process already holds (its largest blocks, a
/// half of the rows as read, are 16 MB at a million rows). On the benchmark's 2-core
/// VM the first dashboard paint on a database never opened before went from 770-850 ms to
/// 490-650 ms. The price is resident memory kept after a peak, not a higher peak.
/// Does nothing where the C library is not glibc.
void keepFreedBlocks();

} // namespace ProcessMemory
