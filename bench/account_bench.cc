// Accountability: incidents answered per second over one snapshot, with and without the
// readable `because` text.
#include <cstdint>
#include <map>

#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "zeren/accountability.h"
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

void BM_Account(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint32_t>(state.range(0)));
  Accountant accountant(s);
  Accounting result;
  IncidentIndex i = 0;
  for (auto _ : state) {
    accountant.Account(i, &result);
    benchmark::DoNotOptimize(result.parties.data());
    if (++i == s.incident_count()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Account)->Arg(10'000)->Arg(1'000'000);

void BM_AccountWithBecause(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint32_t>(state.range(0)));
  Accountant accountant(s);
  Accounting result;
  IncidentIndex i = 0;
  for (auto _ : state) {
    accountant.Account(i, &result);
    size_t bytes = 0;
    for (const AccountableParty& p : result.parties) {
      for (const ReachPath& path : result.PathsOf(p)) bytes += Describe(s, i, p.party, path).size();
    }
    benchmark::DoNotOptimize(bytes);
    if (++i == s.incident_count()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AccountWithBecause)->Arg(10'000);

}  // namespace
}  // namespace zeren::bench
