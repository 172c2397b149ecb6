// HugePageAllocator: small arrays, and arrays of types that own memory, as std::allocator
// gives them; large ones on 2 MiB boundaries, zeroed, advised to use huge pages, and kept
// across growth, copies and moves.
#include "zeren/huge_page_allocator.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <new>
#include <numeric>
#include <sstream>
#include <string>
#include <utility>

#include "gtest/gtest.h"

namespace zeren {
namespace {

constexpr size_t kLarge = (size_t{3} << 20) / sizeof(uint32_t);  // 3 MiB of uint32_t

bool OnHugePageBoundary(const void* p) {
  return reinterpret_cast<uintptr_t>(p) % huge_pages_internal::kHugePage == 0;
}

// The VmFlags of the mapping holding `p`, from /proc/self/smaps ("" when not found).
std::string MappingFlags(const void* p) {
  const uintptr_t at = reinterpret_cast<uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin, end;
    char dash;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

TEST(HugePageAllocator, SmallArraysKeepTheirValuesAsAnyVectorDoes) {
  HugePageVector<uint32_t> small(100);
  std::iota(small.begin(), small.end(), 7u);
  small.push_back(1);
  EXPECT_EQ(small.size(), 101u);
  EXPECT_EQ(small[0], 7u);
  EXPECT_EQ(small[99], 106u);
  EXPECT_EQ(small[100], 1u);
}

#if defined(__linux__)

TEST(HugePageAllocator, LargeArraysStartOnAHugePageBoundaryZeroedAndAdvised) {
  HugePageVector<uint32_t> large(kLarge);
  EXPECT_TRUE(OnHugePageBoundary(large.data()));
  EXPECT_EQ(std::count(large.begin(), large.end(), 0u), static_cast<ptrdiff_t>(kLarge));
  // "hg": madvise(MADV_HUGEPAGE) holds for the whole array, first and last page alike.
  const std::string flags = MappingFlags(large.data());
  EXPECT_NE(flags.find(" hg"), std::string::npos) << flags;
  EXPECT_EQ(MappingFlags(&large.back()), flags);
}

TEST(HugePageAllocator, SmallArraysAreNotAdvised) {
  HugePageVector<uint32_t> small(1000);
  EXPECT_EQ(MappingFlags(small.data()).find(" hg"), std::string::npos);
}

// Strings own heap blocks, and a leak checker looks for pointers to them only in memory
// that malloc gave: however many, they come from std::allocator.
TEST(HugePageAllocator, ArraysOfTypesThatOwnMemoryAreNotMapped) {
  HugePageVector<std::string> texts(kLarge / 4, std::string(40, 'x'));
  ASSERT_GE(texts.size() * sizeof(std::string), huge_pages_internal::kHugePage);
  EXPECT_EQ(MappingFlags(texts.data()).find(" hg"), std::string::npos);
  EXPECT_EQ(texts.back(), std::string(40, 'x'));
}

#endif

TEST(HugePageAllocator, GrowingPastTheThresholdKeepsEveryValue) {
  HugePageVector<uint32_t> grown;
  for (uint32_t i = 0; i < kLarge; ++i) grown.push_back(i * 3);
  ASSERT_EQ(grown.size(), kLarge);
  for (uint32_t i = 0; i < kLarge; i += 4099) ASSERT_EQ(grown[i], i * 3) << i;
  EXPECT_EQ(grown.back(), static_cast<uint32_t>(kLarge - 1) * 3);
  grown.resize(10);
  grown.shrink_to_fit();  // back below the threshold: from std::allocator again
  EXPECT_EQ(grown[9], 27u);
}

TEST(HugePageAllocator, CopiesAndMovesKeepTheValues) {
  HugePageVector<uint64_t> original(kLarge);
  std::iota(original.begin(), original.end(), uint64_t{1});
  HugePageVector<uint64_t> copy = original;
  EXPECT_EQ(copy, original);
  const uint64_t* const data = original.data();
  HugePageVector<uint64_t> moved = std::move(original);
  EXPECT_EQ(moved.data(), data);  // a move hands over the mapping
  EXPECT_EQ(moved, copy);
  copy = HugePageVector<uint64_t>(3, 5);
  EXPECT_EQ(copy, (HugePageVector<uint64_t>{5, 5, 5}));
}

// Sizes no memory can hold throw as std::allocator does rather than map something
// smaller: one the address space cannot hold, one whose rounding to huge pages would wrap
// around, and one whose byte count overflows.
TEST(HugePageAllocator, ImpossibleSizesThrow) {
  EXPECT_THROW(HugePageAllocator<char>().allocate(size_t{1} << 48), std::bad_alloc);
  EXPECT_THROW(HugePageAllocator<char>().allocate(SIZE_MAX - 100), std::bad_alloc);
  EXPECT_THROW(HugePageAllocator<uint64_t>().allocate(SIZE_MAX / 4), std::bad_array_new_length);
}

}  // namespace
}  // namespace zeren
