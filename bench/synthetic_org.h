// A deterministic synthetic organization for benchmarks: a tree of units with a few dual
// leaderships, a secretary and a member in charge per unit, and guides on the leaves.
#ifndef ZEREN_BENCH_SYNTHETIC_ORG_H_
#define ZEREN_BENCH_SYNTHETIC_ORG_H_

#include <cstdint>

#include "zeren/model.h"

namespace zeren::bench {

// `units` units, each with `fan_out` children until the count is reached (breadth first).
Model SyntheticOrganization(uint32_t units, uint32_t fan_out, uint64_t seed);

}  // namespace zeren::bench

#endif  // ZEREN_BENCH_SYNTHETIC_ORG_H_
