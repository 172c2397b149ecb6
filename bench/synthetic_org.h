// A deterministic synthetic organization for benchmarks: a tree of units with a few dual
// leaderships, a secretary and a member in charge per unit, and guides on the leaves.
#ifndef ZEREN_BENCH_SYNTHETIC_ORG_H_
#define ZEREN_BENCH_SYNTHETIC_ORG_H_

#include <cstdint>
#include <vector>

#include "src/engine/rollup.h"

#include "zeren/model.h"

namespace zeren::bench {

// The shape of a national organization, units in level order: depth 7 (8 levels), fan-out
// from 0 (an early leaf) or 2 to several hundred (log-normal), members 3–30 per unit for 97%
// of units and a Pareto tail (from 31, alpha 1.5) to 5000 for the rest — about 19 members a
// unit on average, as 100 M members over 5 M units. Every 97th unit below level 1 also
// answers to the unit before its parent: dual leadership, each edge weighted 1/2.
struct Shape {
  std::vector<uint32_t> parent_start;  // unit_count + 1; CSR of each unit's parents
  std::vector<uint32_t> parent;
  std::vector<double> parent_weight;
  std::vector<uint32_t> level;
  std::vector<uint32_t> members;

  uint32_t unit_count() const { return static_cast<uint32_t>(level.size()); }
  uint64_t member_count() const;
};

Shape NationalShape(uint32_t units, uint64_t seed);
// About `nodes` nodes, units and members together.
Shape NationalShapeOfNodes(uint64_t nodes, uint64_t seed);

// The shape as flat arrays, the two-level layout of src/engine/rollup.h: units with CSR
// children, and members as per-unit ranges with an appraisal (quantized) and post dates
// scattered around the year 2022 (days 18800..20100), so that some members fall outside a
// period of that year. `own_*` are the other components' parts of own(u).
struct FlatOrganization {
  std::vector<uint32_t> child_start, child, parent_start, parent, level_start;
  std::vector<double> child_weight, parent_weight, members;
  std::vector<double> daily, weighted, weights;
  std::vector<uint32_t> member_start;
  std::vector<float> appraisal;
  std::vector<int32_t> held_from, held_to;

  FlatOrganization(const Shape& shape, uint64_t seed);
  uint32_t unit_count() const { return static_cast<uint32_t>(members.size()); }
  uint64_t member_count() const { return appraisal.size(); }
};

// A model of that shape: ids u0.., a secretary (with an appraisal) per unit, members as
// counts, points for every unit, reviews, ballots and one incident per ten units.
Model ShapedOrganization(const Shape& shape, uint64_t seed);

// `units` units, each with `fan_out` children until the count is reached (breadth first).
Model SyntheticOrganization(uint32_t units, uint32_t fan_out, uint64_t seed);

}  // namespace zeren::bench

#endif  // ZEREN_BENCH_SYNTHETIC_ORG_H_
