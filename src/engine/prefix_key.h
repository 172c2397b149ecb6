// A text's first 8 bytes as a number, for sorting by text without reading it every time.
#ifndef ZEREN_SRC_ENGINE_PREFIX_KEY_H_
#define ZEREN_SRC_ENGINE_PREFIX_KEY_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace zeren {

// The first 8 bytes of `text` (zeros past its end) as a big-endian number: prefixes order
// as the texts' first 8 bytes do, which string comparison looks at first (as unsigned
// bytes), and texts without NUL that are equal in them are equal when both are shorter.
inline uint64_t PrefixKey(absl::string_view text) {
  uint64_t key = 0;
  for (size_t i = 0; i < 8; ++i) {
    key = key << 8 | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0u);
  }
  return key;
}

}  // namespace zeren

#endif  // ZEREN_SRC_ENGINE_PREFIX_KEY_H_
