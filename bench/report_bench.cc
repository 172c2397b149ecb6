// `zeren report`'s rendering: the demo organization and synthetic ones of 100,000 units and
// more, with the page's size as a counter. Every stage after loading is included: assessing,
// accounting every incident, ledger, audit and the HTML itself.
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "tools/report/report.h"
#include "zeren/model_json.h"
#include "zeren/snapshot.h"

namespace zeren::bench {
namespace {

const Snapshot& SyntheticSnapshot(uint32_t units) {
  static auto* cache = new std::map<uint32_t, Snapshot>;
  auto it = cache->find(units);
  if (it == cache->end()) {
    it = cache->emplace(units, *Snapshot::Compile(SyntheticOrganization(units, 8, 7))).first;
  }
  return it->second;
}

void Run(benchmark::State& state, const Snapshot& s, Date as_of) {
  report::ReportOptions options;
  options.title = "bench";
  options.as_of = as_of;
  size_t bytes = 0;
  for (auto _ : state) bytes = report::RenderReport(s, options).size();
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["units"] = s.unit_count();
}

void BM_Report_Demo(benchmark::State& state) {
  static const Snapshot* s = new Snapshot(*Snapshot::Compile(*LoadModelFile(ZEREN_DEMO_MODEL)));
  Run(state, *s, *ParseDate("2025-06-30"));
}
BENCHMARK(BM_Report_Demo)->Unit(benchmark::kMillisecond);

void BM_Report_Synthetic(benchmark::State& state) {
  Run(state, SyntheticSnapshot(static_cast<uint32_t>(state.range(0))), 19400);
}
BENCHMARK(BM_Report_Synthetic)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Report_Synthetic)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace zeren::bench
