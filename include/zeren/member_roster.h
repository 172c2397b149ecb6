// The member roster (党员名册): branch members held column by column.
//
// At national scale almost every person is a plain member: someone who holds one `staff`
// post and has at most one appraisal score. Held as Person, Post and Appraisal records they
// cost about 300 bytes and five allocations each; a roster row costs about 40 bytes and
// none. Row r means exactly these records, and nothing else:
//
//   Person    {id(r), name(r)}
//   Post      {person: id(r), unit: unit_id(r), role: staff, held(r)}
//   Appraisal {person: id(r), score: appraisal(r)}   (only when has_appraisal(r))
//
// The JSON and CSV writers write a roster out as those records, and the snapshot gives each
// row a person and a post like any other. Other records may name a row's id (a leadership
// post, an incident's direct person), as they may name any person.
//
// A roster is immutable and shared: copying one, or a ModelData holding one, copies a pointer.
#ifndef ZEREN_MEMBER_ROSTER_H_
#define ZEREN_MEMBER_ROSTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "zeren/date.h"
#include "zeren/huge_page_allocator.h"

namespace zeren {

class MemberRoster {
 public:
  // The empty roster.
  MemberRoster();

  uint32_t size() const { return static_cast<uint32_t>(c_->from.size()); }
  bool empty() const { return c_->from.empty(); }

  // Both end in a NUL byte (not part of the view), so data() is a C string.
  absl::string_view id(uint32_t r) const { return Text(c_->id_bytes, c_->id_end, r); }
  absl::string_view name(uint32_t r) const { return Text(c_->name_bytes, c_->name_end, r); }
  // The row's unit as an index into unit_ids(); rows of one unit share it.
  uint32_t unit(uint32_t r) const { return c_->unit[r]; }
  const std::vector<std::string>& unit_ids() const { return c_->unit_ids; }
  const std::string& unit_id(uint32_t r) const { return c_->unit_ids[c_->unit[r]]; }
  Interval held(uint32_t r) const { return Interval{c_->from[r], c_->to[r]}; }
  bool has_appraisal(uint32_t r) const { return c_->appraisal[r] == c_->appraisal[r]; }
  // The appraisal score; NaN when the row has none.
  double appraisal(uint32_t r) const { return c_->appraisal[r]; }

  // The row whose id is `id`: a binary search over the ids in byte order.
  std::optional<uint32_t> Find(absl::string_view id) const;
  // Row numbers in id order (byte-wise, ties in row order): checks for duplicate ids walk
  // this instead of hashing a hundred million strings.
  uint32_t by_id(uint32_t k) const { return c_->order.empty() ? k : c_->order[k]; }
  // The smallest and largest id; both "" when the roster is empty.
  absl::string_view first_id() const { return empty() ? "" : id(by_id(0)); }
  absl::string_view last_id() const { return empty() ? "" : id(by_id(size() - 1)); }

  // Bytes held by the columns (ids and names included).
  size_t ByteSize() const;

  // The columns as they are stored, for the archive (src/io).
  struct Columns {
    // Every id (name) back to back, each ending in NUL, and the offset just past row r's.
    HugePageVector<char> id_bytes, name_bytes;
    HugePageVector<uint32_t> id_end, name_end;
    std::vector<std::string> unit_ids;
    HugePageVector<uint32_t> unit;       // into unit_ids
    HugePageVector<Date> from, to;
    HugePageVector<double> appraisal;    // NaN: none
    HugePageVector<uint32_t> order;      // rows in id order; empty when that is row order
  };
  const Columns& columns() const { return *c_; }
  // A roster over `columns`, or InvalidArgument when they do not fit together (lengths,
  // offsets, unit indices, a wrong id order). The archive loader calls this; anything
  // else builds rosters with MemberRosterBuilder.
  static absl::Status FromColumns(Columns columns, MemberRoster* roster);

 private:
  friend class MemberRosterBuilder;
  explicit MemberRoster(std::shared_ptr<const Columns> columns) : c_(std::move(columns)) {}

  static absl::string_view Text(const HugePageVector<char>& bytes,
                                const HugePageVector<uint32_t>& end, uint32_t r) {
    const uint32_t begin = r == 0 ? 0 : end[r - 1];
    return absl::string_view(bytes.data() + begin, end[r] - begin - 1);
  }

  std::shared_ptr<const Columns> c_;
};

// Builds a roster row by row. Rows of one unit need not be adjacent, and ids need not come
// in order (Build sorts an order for lookups when they do not). Nothing is checked here
// beyond what the columns can hold; Validate checks the rest with the rows' paths.
class MemberRosterBuilder {
 public:
  // Room for `rows` rows with ids and names of these total sizes, their NULs included;
  // optional.
  void Reserve(size_t rows, size_t id_bytes, size_t name_bytes);

  // Appends a row. ResourceExhausted, and nothing added, beyond 2^32 - 2 rows or 4 GiB of
  // ids or of names.
  absl::Status Add(absl::string_view id, absl::string_view name, absl::string_view unit_id,
                   Interval held, std::optional<double> appraisal = std::nullopt);

  uint32_t size() const { return static_cast<uint32_t>(c_.from.size()); }

  // The roster; the builder is left empty.
  MemberRoster Build();

 private:
  uint32_t UnitSlot(absl::string_view unit_id);

  MemberRoster::Columns c_;
  bool in_order_ = true;
  absl::flat_hash_map<std::string, uint32_t> unit_slot_;
};

}  // namespace zeren

#endif  // ZEREN_MEMBER_ROSTER_H_
