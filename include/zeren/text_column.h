// Many short texts held back to back in one buffer, each ending in a NUL byte, with 32-bit
// end offsets: about length + 5 bytes a text, against a std::string's 32 bytes plus, past
// 15 bytes, a heap block of its own. The snapshot holds its ids and names this way; at
// national scale that is tens of millions of texts.
#ifndef ZEREN_TEXT_COLUMN_H_
#define ZEREN_TEXT_COLUMN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "zeren/huge_page_allocator.h"

namespace zeren {

class TextColumn {
 public:
  // The most bytes a column holds, the NULs included: its end offsets are 32-bit.
  static constexpr size_t kMaxBytes = 0xFFFFFFFFu;

  uint32_t size() const { return static_cast<uint32_t>(end_.size()); }
  bool empty() const { return end_.empty(); }

  // Text i. It ends in a NUL byte past the view, so data() is a C string.
  absl::string_view operator[](uint32_t i) const {
    const uint32_t begin = i == 0 ? 0 : end_[i - 1];
    return absl::string_view(bytes_.data() + begin, end_[i] - begin - 1);
  }

  // Room for `texts` texts of `bytes` bytes in all, their NULs included; optional.
  void Reserve(size_t texts, size_t bytes);

  // Appends a text: false, and nothing added, when the column would pass kMaxBytes.
  [[nodiscard]] bool Add(absl::string_view text);

  // Bytes held, slack included.
  size_t ByteSize() const { return bytes_.capacity() + end_.capacity() * sizeof(uint32_t); }

 private:
  HugePageVector<char> bytes_;
  HugePageVector<uint32_t> end_;  // offset just past text i's NUL
};

}  // namespace zeren

#endif  // ZEREN_TEXT_COLUMN_H_
