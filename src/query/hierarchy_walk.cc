#include "src/query/hierarchy_walk.h"

#include <algorithm>


namespace zeren::walk {

void AncestorsByDistance(const Snapshot& snapshot, UnitIndex u, Date first, Date last,
                         std::vector<Reached>* out) {
  std::vector<Reached>& reached = *out;
  reached.clear();
  reached.push_back({u, 0});
  // Ancestors are few (the depth, plus what dual leadership adds), so a linear search of
  // what was reached beats a hash set here.
  auto seen = [&](UnitIndex unit) {
    return std::any_of(reached.begin(), reached.end(),
                       [unit](const Reached& r) { return r.unit == unit; });
  };
  // Breadth first: reached[begin, end) is the frontier at one distance.
  for (size_t begin = 0; begin < reached.size();) {
    const size_t end = reached.size();
    const uint32_t distance = reached[begin].distance + 1;
    for (size_t i = begin; i < end; ++i) {
      for (UnitIndex parent : snapshot.parents(reached[i].unit)) {
        if (snapshot.unit_exists(parent).Touches(first, last) && !seen(parent)) {
          reached.push_back({parent, distance});
        }
      }
    }
    if (reached.size() - end > 1) {
      std::sort(reached.begin() + end, reached.end(),
                [](const Reached& x, const Reached& y) { return x.unit < y.unit; });
    }
    begin = end;
  }
}

void NearestCovering(const Snapshot& snapshot, const std::vector<Reached>& ancestors,
                     LinkKind kind, Date first, Date last, std::vector<Covering>* out) {
  std::vector<Covering>& found = *out;
  found.clear();
  for (const Reached& r : ancestors) {
    if (!found.empty() && r.distance > found.front().distance) break;
    for (LinkIndex l : snapshot.links_to(r.unit)) {
      if (snapshot.link_kind(l) == kind && snapshot.link_valid(l).Touches(first, last)) {
        found.push_back({l, r.distance});
      }
    }
  }
  // All at one distance: in link (document) order.
  std::sort(found.begin(), found.end(),
            [](const Covering& x, const Covering& y) { return x.link < y.link; });
}

std::vector<PostIndex> PostsHeld(const Snapshot& snapshot, UnitIndex u, Role role, Date first,
                                 Date last) {
  std::vector<PostIndex> held;
  for (PostIndex p : snapshot.posts_in(u, role)) {
    if (snapshot.post_held(p).Touches(first, last)) held.push_back(p);
  }
  return held;
}

}  // namespace zeren::walk
