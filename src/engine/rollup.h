// The assessment roll-up as kernels over flat arrays (internal to the library).
//
// Why this layout. At national scale (5 M units, 100 M members) the roll-up reads every node
// once and does a few flops per node, so its speed is set by memory bandwidth and by how
// predictable the accesses are. Hence:
// * Units are in level order (every superior before its subordinates, each level one
//   contiguous range), with children as CSR (`child_start`, `child`, `child_weight`). A
//   sweep from the last unit to the first finds every subordinate final before its superior
//   reads it, and reads the CSR arrays front to back (backwards), which the prefetcher follows.
//   Units of one level never read each other, so a level can be split between threads.
// * Members are leaves and the bulk of the nodes: they never need a tree walk. They are kept
//   as one contiguous range per unit (CSR by unit: `member_start`) over flat per-member
//   columns (appraisal as float, post dates as int32 days: 12 bytes a member), so summing them
//   per unit is one sequential streaming pass, split between threads by member count.
// * Each unit's total is *recomputed* from its children in child order, never patched with
//   deltas or reassociated, so any thread count and any incremental update give the same
//   IEEE doubles as one full pass in the spec's order (spec/model-format.md, "total(u)").
#ifndef ZEREN_SRC_ENGINE_ROLLUP_H_
#define ZEREN_SRC_ENGINE_ROLLUP_H_

#include <cstdint>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/types/span.h"
#include "zeren/date.h"

namespace zeren::rollup {

// A non-owning view of level-ordered units.
struct UnitTree {
  absl::Span<const uint32_t> child_start;  // unit_count + 1 offsets into child
  absl::Span<const uint32_t> child;
  absl::Span<const double> child_weight;    // weight of each child's edge to its parent
  absl::Span<const uint32_t> parent_start;  // unit_count + 1; only incremental updates read it
  absl::Span<const uint32_t> parent;
  absl::Span<const uint32_t> level_start;   // level_count + 1 offsets into the units

  uint32_t unit_count() const { return static_cast<uint32_t>(child_start.size() - 1); }
};

// The scheme's `rollup` section.
struct Rule {
  double own_share;
  double subordinates_share;
  bool weight_by_members;
};

// Per-unit columns of the roll-up. `own` and `members` are inputs; `subtree_members` (m(u))
// and `total` are written.
struct Columns {
  absl::Span<const double> own;
  absl::Span<const double> members;
  absl::Span<double> subtree_members;
  absl::Span<double> total;
};

// Members as contiguous per-unit ranges over flat columns. A unit's members are summed by one
// thread, whatever the thread count, in four lanes (member i of the unit to lane i % 4, the
// lanes combined as (0 + 1) + (2 + 3)), so the sums never change with the thread count.
struct MemberTable {
  absl::Span<const uint32_t> member_start;  // unit_count + 1 offsets
  absl::Span<const float> appraisal;
  absl::Span<const int32_t> held_from, held_to;  // the post's days [from, to)
};

// The per-unit weighted sum and weight sum of the components before `members` (daily,
// review, ballot), so that own(u) can be finished where the members are summed.
struct OwnParts {
  absl::Span<const double> daily;  // own(u) when no component has weight
  absl::Span<const double> weighted;
  absl::Span<const double> weights;
  double members_weight;
};

// Offsets of each level's units, from unit levels in ascending order.
std::vector<uint32_t> LevelStarts(absl::Span<const uint32_t> unit_level);

// The thread count to use: `requested` when > 0; otherwise the hardware's, capped at 8
// (the sweep is bandwidth-bound well before that), and 1 for fewer than 65536 units where
// starting threads costs more than it saves.
int ThreadsFor(int requested, uint32_t units);

// One unit's m(u) and total(u) from its children's, in the spec's order of operations.
// Raw pointers in the child loop: a hardened Span checks every index, which costs more than
// the loop's arithmetic (the CSR arrays are consistent by construction).
inline void RollUpUnit(const UnitTree& t, const Rule& r, const Columns& c, uint32_t u) {
  const uint32_t begin = t.child_start[u], end = t.child_start[u + 1];
  const uint32_t* child = t.child.data();
  const double* child_weight = t.child_weight.data();
  const double* subtree_members = c.subtree_members.data();
  const double* total = c.total.data();
  double below = 0, weights = 0, weighted = 0;
  for (uint32_t k = begin; k < end; ++k) {
    const double m = subtree_members[child[k]];
    below += child_weight[k] * m;
    const double w = r.weight_by_members ? child_weight[k] * m : child_weight[k];
    weights += w;
    weighted += w * total[child[k]];
  }
  c.subtree_members[u] = c.members[u] + below;
  c.total[u] = begin == end || weights == 0
                   ? c.own[u]
                   : r.own_share * c.own[u] + r.subordinates_share * weighted / weights;
}

// Every unit's m(u) and total(u): one sweep in reverse level order. With threads > 1 each
// level's units are split between the threads, which meet at a barrier after each level.
void RollUp(const UnitTree& tree, const Rule& rule, const Columns& columns, int threads);

// own(u) for every unit: one sequential pass over the members summing the appraisals of
// those holding their post on any day of [period.from, period.to), the mean of which is the
// `members` component, added last to `parts` as Assess does (own = Σ w × score / Σ w).
void OwnFromMembers(const MemberTable& members, const Interval& period, const OwnParts& parts,
                    absl::Span<double> own, int threads);

// Recomputes m and total of u and of all its superiors (transitively), subordinates
// first, each from its children as RollUp does, so the result equals a full RollUp bit for
// bit. Costs O(ancestors × fan-out). `touched` receives the recomputed units, descending.
void RollUpAncestors(const UnitTree& tree, const Rule& rule, const Columns& columns, uint32_t u,
                     std::vector<uint32_t>* touched);

// Runs body(thread, begin, end) on `threads` threads over [0, n) split into contiguous
// chunks where `weight_start` (n + 1 cumulative weights, or empty for equal weights)
// balances them; the calling thread takes chunk 0.
void ParallelRanges(uint32_t n, absl::Span<const uint32_t> weight_start, int threads,
                    absl::FunctionRef<void(int, uint32_t, uint32_t)> body);

}  // namespace zeren::rollup

#endif  // ZEREN_SRC_ENGINE_ROLLUP_H_
