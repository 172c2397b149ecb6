// The ledger and the audit as of a day: whole passes over the snapshot, reported per unit;
// and the on-time rates beside a plain loop over flat task arrays (the same counting, with
// no snapshot accessors).
#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "zeren/audit.h"
#include "zeren/ledger.h"
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

void BM_Ledger(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(LedgerAsOf(s, 19400));
  state.SetItemsProcessed(state.iterations() * s.task_count());
  state.counters["tasks"] = s.task_count();
}
BENCHMARK(BM_Ledger)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_Audit(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(AuditAsOf(s, 19400));
  state.SetItemsProcessed(state.iterations() * s.unit_count());
}
BENCHMARK(BM_Audit)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_OnTimeRates(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(OnTimeRates(s, Interval{19000, 19365}));
  state.SetItemsProcessed(state.iterations() * s.unit_count());
}
BENCHMARK(BM_OnTimeRates)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Peer: the same rates from flat arrays indexed by task, accumulated per unit in one loop.
void BM_OnTimeRates_HandLoop(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint32_t>(state.range(0)));
  std::vector<uint32_t> unit(s.task_count());
  std::vector<Date> due(s.task_count()), completed(s.task_count());
  std::vector<uint8_t> status(s.task_count());
  for (TaskIndex t = 0; t < s.task_count(); ++t) {
    unit[t] = s.task_unit(t);
    due[t] = s.task_due(t);
    completed[t] = s.task_completed(t);
    status[t] = static_cast<uint8_t>(s.task_status(t));
  }
  std::vector<uint32_t> counted(s.unit_count()), on_time(s.unit_count());
  std::vector<double> rates(s.unit_count());
  for (auto _ : state) {
    std::fill(counted.begin(), counted.end(), 0);
    std::fill(on_time.begin(), on_time.end(), 0);
    for (size_t t = 0; t < unit.size(); ++t) {
      if (status[t] == 4 || due[t] < 19000 || due[t] >= 19365) continue;
      ++counted[unit[t]];
      on_time[unit[t]] += (status[t] == 2 || status[t] == 3) && completed[t] <= due[t];
    }
    for (size_t u = 0; u < rates.size(); ++u) {
      rates[u] = counted[u] ? static_cast<double>(on_time[u]) / counted[u] : 1.0;
    }
    benchmark::DoNotOptimize(rates.data());
  }
  state.SetItemsProcessed(state.iterations() * s.unit_count());
}
BENCHMARK(BM_OnTimeRates_HandLoop)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zeren::bench
