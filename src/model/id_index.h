// Hash indexes of records by id that hold positions, not copies of the ids: 4 bytes a
// record in the table, where a map from string_view takes 24 and one from std::string 40.
//
// The validator builds them while it checks a document, and a Model created from that
// document keeps them (zeren/model.h), so each id is hashed once.
#ifndef ZEREN_SRC_MODEL_ID_INDEX_H_
#define ZEREN_SRC_MODEL_ID_INDEX_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "zeren/huge_page_allocator.h"
#include "zeren/records.h"

namespace zeren {

// Positions of `records`, hashed and compared by the ids they hold. The functors point at
// the first record: the index stays valid as long as the vector's buffer does, which a move
// of the vector keeps.
template <typename Record>
class IdIndex {
 public:
  // Empty, with room for every record.
  explicit IdIndex(const std::vector<Record>& records)
      : set_(records.size(), Hash{records.data()}, Equal{records.data()}) {}

  // Adds position i; false, and nothing added, when its id is in the index already.
  bool Insert(uint32_t i) { return set_.insert(i).second; }

  std::optional<uint32_t> Find(absl::string_view id) const {
    auto it = set_.find(id);
    if (it == set_.end()) return std::nullopt;
    return *it;
  }

  size_t size() const { return set_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    const Record* records;
    size_t operator()(uint32_t i) const { return (*this)(records[i].id); }
    size_t operator()(absl::string_view id) const { return absl::Hash<absl::string_view>{}(id); }
  };
  struct Equal {
    using is_transparent = void;
    const Record* records;
    // Positions are equal when their ids are: inserting a repeated id finds the first.
    bool operator()(uint32_t a, uint32_t b) const { return records[a].id == records[b].id; }
    bool operator()(uint32_t i, absl::string_view id) const { return records[i].id == id; }
    bool operator()(absl::string_view id, uint32_t i) const { return records[i].id == id; }
  };

  absl::flat_hash_set<uint32_t, Hash, Equal, HugePageAllocator<uint32_t>> set_;
};

// The indexes a Model keeps, over one ModelData.
struct ModelIndexes {
  // Empty indexes over `data`'s records.
  explicit ModelIndexes(const ModelData& data)
      : units(data.units), people(data.people), duties(data.duties), incidents(data.incidents) {}

  // Indexes every record of a valid `data` (the one they were made over).
  void AddAll(const ModelData& data) {
    for (uint32_t i = 0; i < data.units.size(); ++i) units.Insert(i);
    for (uint32_t i = 0; i < data.people.size(); ++i) people.Insert(i);
    for (uint32_t i = 0; i < data.duties.size(); ++i) duties.Insert(i);
    for (uint32_t i = 0; i < data.incidents.size(); ++i) incidents.Insert(i);
  }

  IdIndex<Unit> units;
  IdIndex<Person> people;
  IdIndex<Duty> duties;
  IdIndex<Incident> incidents;
};

}  // namespace zeren

#endif  // ZEREN_SRC_MODEL_ID_INDEX_H_
