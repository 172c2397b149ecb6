// Walks up the `leads` links, shared by the chain, person and (later) accountability queries.
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

// u itself (distance 0), then every ancestor once, by distance, then by unit index.
std::vector<Reached> AncestorsByDistance(const Snapshot& snapshot, UnitIndex u);

struct Covering {
  LinkIndex link;
  uint32_t distance;
};

// The `kind` links into u that hold on some day of [first, last] or, failing that, those into
// u's nearest ancestors that have one (all ancestors at that fewest distance).
std::vector<Covering> NearestCovering(const Snapshot& snapshot, UnitIndex u, LinkKind kind,
                                      Date first, Date last);

// The posts of unit u in `role` held on some day of [first, last], by start date.
std::vector<PostIndex> PostsHeld(const Snapshot& snapshot, UnitIndex u, Role role, Date first,
                                 Date last);

}  // namespace zeren::walk

#endif  // ZEREN_SRC_QUERY_HIERARCHY_WALK_H_
