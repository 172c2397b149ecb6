#include "src/query/hierarchy_walk.h"

#include <algorithm>


namespace zeren::walk {

std::vector<Reached> AncestorsByDistance(const Snapshot& snapshot, UnitIndex u) {
  std::vector<Reached> reached;
  reached.reserve(16);
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
        if (!seen(parent)) reached.push_back({parent, distance});
      }
    }
    if (reached.size() - end > 1) {
      std::sort(reached.begin() + end, reached.end(),
                [](const Reached& x, const Reached& y) { return x.unit < y.unit; });
    }
    begin = end;
  }
  return reached;
}

std::vector<Covering> NearestCovering(const Snapshot& snapshot, UnitIndex u, LinkKind kind,
                                      Date first, Date last) {
  std::vector<Covering> found;
  for (const Reached& r : AncestorsByDistance(snapshot, u)) {
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
  return found;
}

std::vector<PostIndex> PostsHeld(const Snapshot& snapshot, UnitIndex u, Role role, Date first,
                                 Date last) {
  std::vector<PostIndex> held;
  for (PostIndex p : snapshot.posts_in(u)) {
    if (snapshot.post_role(p) == role && snapshot.post_held(p).Touches(first, last)) {
      held.push_back(p);
    }
  }
  return held;
}

}  // namespace zeren::walk
