// Graph export of a synthetic organization: GraphML and DOT of the whole hierarchy into a
// string (counters: output bytes, nodes, edges), the same with grades, and the two pictures.
#include <cstdint>
#include <map>
#include <string>

#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/chain.h"
#include "zeren/graph_export.h"
#include "zeren/picture.h"
#include "zeren/snapshot.h"

namespace zeren::bench {
namespace {

constexpr uint32_t kFanOut = 8;
constexpr Date kDay = 19500;

const Snapshot& SnapshotOf(uint32_t units) {
  static auto* cache = new std::map<uint32_t, Snapshot>;
  auto it = cache->find(units);
  if (it == cache->end()) {
    it = cache->emplace(units, *Snapshot::Compile(SyntheticOrganization(units, kFanOut, 7))).first;
  }
  return it->second;
}

void Export(benchmark::State& state, GraphFormat format, bool graded) {
  const Snapshot& s = SnapshotOf(static_cast<uint32_t>(state.range(0)));
  const absl::StatusOr<Assessment> assessment = Assess(s);
  GraphExportOptions options;
  options.as_of = kDay;
  options.format = format;
  options.assessment = graded ? &*assessment : nullptr;
  size_t bytes = 0;
  for (auto _ : state) {
    absl::StatusOr<std::string> text = ExportGraph(s, options);
    bytes = text->size();
    benchmark::DoNotOptimize(text->data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["output_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["units/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * s.unit_count()),
                         benchmark::Counter::kIsRate);
}

void BM_ExportGraphMl(benchmark::State& state) { Export(state, GraphFormat::kGraphMl, false); }
void BM_ExportGraphMlGraded(benchmark::State& state) { Export(state, GraphFormat::kGraphMl, true); }
void BM_ExportDot(benchmark::State& state) { Export(state, GraphFormat::kDot, false); }
BENCHMARK(BM_ExportGraphMl)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportGraphMlGraded)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportDot)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_ChainToDot(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(100'000);
  const Chain chain = *ChainOf(s, s.unit_count() - 1, kDay);
  for (auto _ : state) benchmark::DoNotOptimize(ChainToDot(s, chain));
}
BENCHMARK(BM_ChainToDot);

void BM_AccountingToDot(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(100'000);
  Accountant accountant(s);
  Accounting accounting;
  accountant.Account(0, &accounting);
  for (auto _ : state) benchmark::DoNotOptimize(AccountingToDot(s, accounting));
}
BENCHMARK(BM_AccountingToDot);

}  // namespace
}  // namespace zeren::bench
