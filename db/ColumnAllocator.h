#pragma once

#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace ColumnMemory {
/// The untyped halves of ColumnAllocator (ColumnAllocator.cpp).
void *allocate(std::size_t bytes, std::size_t alignment);
void deallocate(void *p, std::size_t bytes, std::size_t alignment) noexcept;
} // namespace ColumnMemory

/// An allocator for large in-memory columns (AggregationCache): resize() leaves new elements
/// uninitialised, since the columns are sized and then written in full, and blocks of 512 KB or
/// more are 2 MB-aligned and asked of Linux as transparent huge pages. At a million rows the
/// cache's ~70 MB otherwise cost ~18,000 page faults and as many TLB misses on first touch:
/// measured, the load went from 850 to 560 ms with huge pages. Only for trivially constructible
/// element types.
template <typename T> class ColumnAllocator
{
public:
    using value_type = T;

    ColumnAllocator() noexcept = default;
    template <typename U> ColumnAllocator(const ColumnAllocator<U> &) noexcept { }

    T *allocate(std::size_t n)
    {
        if (n > std::size_t(-1) / sizeof(T))
            throw std::bad_array_new_length();
        return static_cast<T *>(ColumnMemory::allocate(n * sizeof(T), alignof(T)));
    }
    void deallocate(T *p, std::size_t n) noexcept { ColumnMemory::deallocate(p, n * sizeof(T), alignof(T)); }

    /// Default-initialises: for the trivial types of the columns, that is no write at all.
    template <typename U> void construct(U *p) noexcept { ::new (static_cast<void *>(p)) U; }
    template <typename U, typename... Args> void construct(U *p, Args &&...args)
    {
        ::new (static_cast<void *>(p)) U(std::forward<Args>(args)...);
    }

    template <typename U> bool operator==(const ColumnAllocator<U> &) const noexcept { return true; }
};

/// A column of a million-row table: see ColumnAllocator.
template <typename T> using Column = std::vector<T, ColumnAllocator<T>>;
