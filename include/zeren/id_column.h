// Ids held as a TextColumn, with a hash index for finding one. The index holds 32-bit
// positions and hashes the ids it points at: 5 to 11 bytes an id, where a hash map from
// string_view takes 28 to 57 and the ids as std::strings 32 more.
//
// An IdColumn is immutable and cheap to copy: copies share the texts and their index.
#ifndef ZEREN_ID_COLUMN_H_
#define ZEREN_ID_COLUMN_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "zeren/text_column.h"

namespace zeren {

class IdColumn {
 public:
  // No ids.
  IdColumn();
  // Indexes `ids`. When an id repeats, Find gives its first position.
  explicit IdColumn(TextColumn ids);

  uint32_t size() const { return c_->ids.size(); }
  bool empty() const { return c_->ids.empty(); }
  // Id i; data() is a C string.
  absl::string_view operator[](uint32_t i) const { return c_->ids[i]; }
  const TextColumn& texts() const { return c_->ids; }

  // The position of `id`, or nullopt.
  std::optional<uint32_t> Find(absl::string_view id) const;

  // Bytes held by the ids and the index.
  size_t ByteSize() const;

 private:
  // Positions hashed and compared by the ids they point at, so that the index can be
  // probed with an id.
  struct Hash {
    using is_transparent = void;
    const TextColumn* ids;
    size_t operator()(uint32_t i) const { return (*this)((*ids)[i]); }
    size_t operator()(absl::string_view id) const;
  };
  struct Equal {
    using is_transparent = void;
    const TextColumn* ids;
    // Positions are equal when their ids are: inserting a repeated id finds the first.
    bool operator()(uint32_t a, uint32_t b) const { return (*ids)[a] == (*ids)[b]; }
    bool operator()(uint32_t i, absl::string_view id) const { return (*ids)[i] == id; }
    bool operator()(absl::string_view id, uint32_t i) const { return (*ids)[i] == id; }
  };
  // Built once on the heap and never moved: the index's functors point at `ids`.
  struct Indexed {
    explicit Indexed(TextColumn texts);
    TextColumn ids;
    absl::flat_hash_set<uint32_t, Hash, Equal, HugePageAllocator<uint32_t>> index;
  };

  std::shared_ptr<const Indexed> c_;
};

}  // namespace zeren

#endif  // ZEREN_ID_COLUMN_H_
