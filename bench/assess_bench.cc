// The integrated assessment of every unit, per unit, beside a plain hand-written roll-up
// over a parent array (the same weighted means, no components, grades or explanations).
#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "zeren/assessment.h"
#include "zeren/snapshot.h"

namespace zeren::bench {
namespace {

const Snapshot& SnapshotOf(uint32_t units) {
  static auto* cache = new std::map<uint32_t, Snapshot>;
  auto it = cache->find(units);
  if (it == cache->end()) {
    it = cache->emplace(units, *Snapshot::Compile(SyntheticOrganization(units, 8, 7))).first;
  }
  return it->second;
}

void BM_Assess(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(Assess(s));
  state.SetItemsProcessed(state.iterations() * s.unit_count());
}
BENCHMARK(BM_Assess)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Peer: members-weighted roll-up of given own scores over a first-parent array, in reverse
// level order.
void BM_RollUp_HandLoop(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint32_t>(state.range(0)));
  const uint32_t n = s.unit_count();
  std::vector<uint32_t> parent(n, kNoIndex);
  std::vector<double> own(n), members(n);
  for (UnitIndex u = 0; u < n; ++u) {
    if (!s.parents(u).empty()) parent[u] = s.parents(u)[0];
    own[u] = 50 + u % 50;
    members[u] = static_cast<double>(s.unit_members(u));
  }
  std::vector<double> m(n), weights(n), weighted(n), total(n);
  for (auto _ : state) {
    std::copy(members.begin(), members.end(), m.begin());
    std::fill(weights.begin(), weights.end(), 0.0);
    std::fill(weighted.begin(), weighted.end(), 0.0);
    for (uint32_t u = n; u-- > 0;) {
      total[u] = weights[u] == 0 ? own[u] : 0.7 * own[u] + 0.3 * weighted[u] / weights[u];
      if (parent[u] != kNoIndex) {
        m[parent[u]] += m[u];
        weights[parent[u]] += m[u];
        weighted[parent[u]] += m[u] * total[u];
      }
    }
    benchmark::DoNotOptimize(total.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_RollUp_HandLoop)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zeren::bench
