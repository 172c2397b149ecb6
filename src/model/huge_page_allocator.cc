#include "zeren/huge_page_allocator.h"

#include <cstdint>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace zeren::huge_pages_internal {
namespace {

uintptr_t RoundUp(uintptr_t n) { return (n + kHugePage - 1) & ~(kHugePage - 1); }

}  // namespace

#if defined(__linux__)

void* Map(size_t bytes) {
  // Beyond this the rounding below would wrap around to a small size.
  if (bytes > SIZE_MAX - 2 * kHugePage) throw std::bad_alloc();
  const size_t size = RoundUp(bytes);
  // One huge page more than needed, trimmed at both ends: the kernel backs only ranges
  // aligned to 2 MiB with huge pages, and mmap aligns to 4 KiB.
  void* raw = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const uintptr_t begin = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = RoundUp(begin);
  if (aligned > begin) munmap(raw, aligned - begin);
  munmap(reinterpret_cast<void*>(aligned + size), begin + kHugePage - aligned);
  void* p = reinterpret_cast<void*>(aligned);
  madvise(p, size, MADV_HUGEPAGE);  // advice: when refused, the pages are small, that is all
  return p;
}

void Unmap(void* p, size_t bytes) noexcept { munmap(p, RoundUp(bytes)); }

#else  // never called: HugePageAllocator maps nothing here

void* Map(size_t bytes) { return ::operator new(bytes); }
void Unmap(void* p, size_t) noexcept { ::operator delete(p); }

#endif

}  // namespace zeren::huge_pages_internal
