// Walks up the `leads` links, shared by the chain, accountability and audit queries.
#ifndef ZEREN_SRC_QUERY_HIERARCHY_WALK_H_
#define ZEREN_SRC_QUERY_HIERARCHY_WALK_H_

#include <cstdint>
#include <vector>

#include "zeren/date.h"
#include "zeren/snapshot.h"

namespace zeren::walk {

struct Reached {
  UnitIndex unit;
  uint32_t distance;  // fewest steps up over every parent path
};

// Fills `out` with u itself (distance 0), then every ancestor once, by distance, then by
// unit index, climbing only through units that exist on some day of [first, last]. Reuses
// out's capacity.
void AncestorsByDistance(const Snapshot& snapshot, UnitIndex u, Date first, Date last,
                         std::vector<Reached>* out);

inline std::vector<Reached> AncestorsByDistance(const Snapshot& snapshot, UnitIndex u, Date day) {
  std::vector<Reached> out;
  AncestorsByDistance(snapshot, u, day, day, &out);
  return out;
}

struct Covering {
  LinkIndex link;
  uint32_t distance;
};

// Fills `out` with the `kind` links into the first units of `ancestors` (as given by
// AncestorsByDistance) that have one holding on some day of [first, last]: the unit's own,
// or failing that its nearest ancestors' (all at that fewest distance), in link order.
void NearestCovering(const Snapshot& snapshot, const std::vector<Reached>& ancestors,
                     LinkKind kind, Date first, Date last, std::vector<Covering>* out);

// The posts of unit u in `role` held on some day of [first, last], by start date.
std::vector<PostIndex> PostsHeld(const Snapshot& snapshot, UnitIndex u, Role role, Date first,
                                 Date last);

}  // namespace zeren::walk

#endif  // ZEREN_SRC_QUERY_HIERARCHY_WALK_H_
