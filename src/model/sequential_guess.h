// Id lookups that try the position found last, and the one after it, before a hash index.
//
// Model documents list records in runs: a unit's posts together, posts and appraisals in
// the order of their people, assessment points unit by unit. So most references name the
// record the previous one named, or the next record. At national scale a hashed lookup is
// several cache misses into tables of millions of entries; the guesses read ids beside the
// last one, which are usually in cache.
#ifndef ZEREN_SRC_MODEL_SEQUENTIAL_GUESS_H_
#define ZEREN_SRC_MODEL_SEQUENTIAL_GUESS_H_

#include <cstdint>
#include <optional>

#include "absl/strings/string_view.h"

namespace zeren {

class SequentialGuess {
 public:
  // The position of `id` among `size` ids: `id_at(i)` is the id at position i, and
  // `find(id)` the hashed lookup, a std::optional<uint32_t>. When ids repeat, the position
  // found may be any of that id's.
  template <typename IdAt, typename HashedFind>
  std::optional<uint32_t> Find(absl::string_view id, uint32_t size, const IdAt& id_at,
                               const HashedFind& find) {
    if (last_ < size && id_at(last_) == id) return last_;
    if (last_ + 1 < size && id_at(last_ + 1) == id) return ++last_;
    std::optional<uint32_t> found = find(id);
    if (found) last_ = *found;
    return found;
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX - 1;  // kNone + 1 is still no position
  uint32_t last_ = kNone;
};

}  // namespace zeren

#endif  // ZEREN_SRC_MODEL_SEQUENTIAL_GUESS_H_
