// The allocator of the big columns: the snapshot's and the member roster's. At national
// scale a query reads a few bytes here and there in gigabytes of arrays, and with 4 KiB
// pages nearly every read also misses the TLB and walks the page table. Arrays of 2 MiB or
// more are therefore mapped on 2 MiB boundaries and advised to use transparent huge pages
// (Linux, madvise(MADV_HUGEPAGE)), which the common "madvise" setting of
// /sys/kernel/mm/transparent_hugepage/enabled grants only to memory that asks. Smaller
// arrays, arrays of types that own memory (a leak checker does not look inside mappings
// for the pointers they hold) and every array on other systems come from std::allocator.
#ifndef ZEREN_HUGE_PAGE_ALLOCATOR_H_
#define ZEREN_HUGE_PAGE_ALLOCATOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

namespace zeren {

namespace huge_pages_internal {

inline constexpr size_t kHugePage = size_t{2} << 20;

// A zeroed mapping of `bytes`, rounded up to whole huge pages, starting on a huge-page
// boundary; throws std::bad_alloc when there is no memory for it.
void* Map(size_t bytes);
// Releases what Map(bytes) returned.
void Unmap(void* p, size_t bytes) noexcept;

}  // namespace huge_pages_internal

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;
  using propagate_on_container_move_assignment = std::true_type;
  using is_always_equal = std::true_type;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT: rebinding converts

  // Throws std::bad_alloc when there is no memory, and std::bad_array_new_length when
  // n * sizeof(T) bytes cannot be counted, as std::allocator does.
  T* allocate(size_t n) {
    if (!IsLarge(n)) return std::allocator<T>().allocate(n);
    if (n > SIZE_MAX / sizeof(T)) throw std::bad_array_new_length();
    return static_cast<T*>(huge_pages_internal::Map(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) noexcept {
    if (!IsLarge(n)) return std::allocator<T>().deallocate(p, n);
    huge_pages_internal::Unmap(p, n * sizeof(T));
  }

  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
  friend bool operator!=(const HugePageAllocator&, const HugePageAllocator&) { return false; }

 private:
  static bool IsLarge(size_t n) {
#if defined(__linux__)
    return std::is_trivially_copyable_v<T> && n >= huge_pages_internal::kHugePage / sizeof(T);
#else
    (void)n;
    return false;
#endif
  }
};

// A vector whose large arrays sit on huge pages.
template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace zeren

#endif  // ZEREN_HUGE_PAGE_ALLOCATOR_H_
