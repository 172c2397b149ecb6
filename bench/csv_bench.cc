// Import and export of a model as a CSV folder, in memory (no disk), beside the JSON
// document of the same model: rows (records) per second and bytes per second of CSV.
#include <cstdint>
#include <map>
#include <string>

#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "zeren/model_csv.h"
#include "zeren/model_json.h"

namespace zeren::bench {
namespace {

struct Fixture {
  Model model;
  std::map<std::string, std::string> files;
  std::string json;
  int64_t bytes = 0;
  int64_t rows = 0;  // records, headers left out
};

const Fixture& FixtureOf(uint32_t units) {
  static auto* cache = new std::map<uint32_t, Fixture>;
  auto it = cache->find(units);
  if (it == cache->end()) {
    Fixture f;
    f.model = SyntheticOrganization(units, 8, 7);
    f.files = *ExportCsvFiles(f.model);
    f.json = ModelToJson(f.model);
    for (const auto& [name, text] : f.files) {
      f.bytes += static_cast<int64_t>(text.size());
      for (char c : text) f.rows += c == '\n';
      f.rows -= 1;  // the header
    }
    it = cache->emplace(units, std::move(f)).first;
  }
  return it->second;
}

void Report(benchmark::State& state, const Fixture& f, int64_t bytes) {
  state.SetItemsProcessed(state.iterations() * f.rows);
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["rows"] = static_cast<double>(f.rows);
}

void BM_CsvImport(benchmark::State& state) {
  const Fixture& f = FixtureOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ImportCsvFiles(f.files));
  Report(state, f, f.bytes);
}
BENCHMARK(BM_CsvImport)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_CsvExport(benchmark::State& state) {
  const Fixture& f = FixtureOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ExportCsvFiles(f.model));
  Report(state, f, f.bytes);
}
BENCHMARK(BM_CsvExport)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// Peers: the same model through the JSON document (bytes are the JSON text's).
void BM_JsonParse(benchmark::State& state) {
  const Fixture& f = FixtureOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ParseModelJson(f.json));
  Report(state, f, static_cast<int64_t>(f.json.size()));
}
BENCHMARK(BM_JsonParse)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_JsonWrite(benchmark::State& state) {
  const Fixture& f = FixtureOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ModelToJson(f.model));
  Report(state, f, static_cast<int64_t>(f.json.size()));
}
BENCHMARK(BM_JsonWrite)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// Validation alone (Model::Create), which both imports include.
void BM_Validate(benchmark::State& state) {
  const Fixture& f = FixtureOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(Validate(f.model.data()));
  Report(state, f, 0);
}
BENCHMARK(BM_Validate)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zeren::bench
