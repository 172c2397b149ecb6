// Saving and loading .zrn archives of a large synthetic organization (with its snapshot),
// side by side with a raw fwrite / fread of as many bytes: the `vs_raw` counter is the
// archive's throughput over the raw one's (1.0 = as fast as copying the bytes).
// The *_Parts rows split loading: the model alone (decode + validation), JSON for scale,
// and compiling the snapshot instead of loading it.
//   ZEREN_BENCH_DIR (default /tmp) holds the files; they are read from the page cache.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "zeren/archive.h"
#include "zeren/model_json.h"
#include "zeren/snapshot.h"

namespace zeren::bench {
namespace {

struct Org {
  Model model;
  Snapshot snapshot;
  std::string bytes;  // the archive, with the snapshot
};

const Org& OrgOf(uint32_t units) {
  static auto* cache = new std::map<uint32_t, Org>;
  auto it = cache->find(units);
  if (it == cache->end()) {
    Model model = SyntheticOrganization(units, 8, 7);
    Snapshot snapshot = *Snapshot::Compile(model);
    std::string bytes = *ArchiveToBytes(model, &snapshot);
    it = cache->emplace(units, Org{std::move(model), std::move(snapshot), std::move(bytes)}).first;
  }
  return it->second;
}

std::string PathFor(const char* name, uint32_t units) {
  const char* dir = std::getenv("ZEREN_BENCH_DIR");
  return std::string(dir ? dir : "/tmp") + "/zeren-bench-" + name + "-" + std::to_string(units);
}

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// One fwrite of `bytes`, flushed and synced as SaveArchive is.
double RawWrite(const std::string& path, const std::string& bytes) {
  const auto start = Clock::now();
  FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fflush(f);
  ::fsync(fileno(f));
  std::fclose(f);
  return Seconds(start);
}

// One fread of the whole file into a fresh buffer.
double RawRead(const std::string& path, size_t size) {
  const auto start = Clock::now();
  std::unique_ptr<char[]> buffer(new char[size]);
  FILE* f = std::fopen(path.c_str(), "rb");
  const size_t got = std::fread(buffer.get(), 1, size, f);
  std::fclose(f);
  benchmark::DoNotOptimize(got);
  benchmark::DoNotOptimize(buffer.get());
  return Seconds(start);
}

// The best of five raw runs: the ceiling the archive is compared with.
template <typename Run>
double BestOf(Run run) {
  double best = 1e9;
  for (int i = 0; i < 5; ++i) best = std::min(best, run());
  return best;
}

void Report(benchmark::State& state, size_t bytes, double raw_seconds) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  // The raw run's seconds over the archive's per iteration: its throughput over the raw one.
  state.counters["vs_raw"] = benchmark::Counter(raw_seconds * static_cast<double>(state.iterations()),
                                                benchmark::Counter::kIsRate);
}

void BM_Encode(benchmark::State& state) {
  const Org& org = OrgOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ArchiveToBytes(org.model, &org.snapshot));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * org.bytes.size()));
}

void BM_Save(benchmark::State& state) {
  const Org& org = OrgOf(static_cast<uint32_t>(state.range(0)));
  const std::string path = PathFor("save", state.range(0));
  const double raw = BestOf([&] { return RawWrite(path + ".raw", org.bytes); });
  for (auto _ : state) {
    if (!SaveArchive(path, org.model, &org.snapshot).ok()) state.SkipWithError("save failed");
  }
  Report(state, org.bytes.size(), raw);
  std::remove(path.c_str());
  std::remove((path + ".raw").c_str());
}

void BM_Load(benchmark::State& state) {
  const Org& org = OrgOf(static_cast<uint32_t>(state.range(0)));
  const std::string path = PathFor("load", state.range(0));
  if (!SaveArchive(path, org.model, &org.snapshot).ok()) state.SkipWithError("save failed");
  const double raw = BestOf([&] { return RawRead(path, org.bytes.size()); });
  for (auto _ : state) {
    absl::StatusOr<LoadedArchive> loaded = LoadArchive(path);
    if (!loaded.ok() || !loaded->snapshot) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(loaded);
  }
  Report(state, org.bytes.size(), raw);
  std::remove(path.c_str());
}

// A single fread of as many bytes, for the table.
void BM_RawFread(benchmark::State& state) {
  const Org& org = OrgOf(static_cast<uint32_t>(state.range(0)));
  const std::string path = PathFor("raw", state.range(0));
  RawWrite(path, org.bytes);
  for (auto _ : state) benchmark::DoNotOptimize(RawRead(path, org.bytes.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * org.bytes.size()));
  std::remove(path.c_str());
}

void BM_RawFwrite(benchmark::State& state) {
  const Org& org = OrgOf(static_cast<uint32_t>(state.range(0)));
  const std::string path = PathFor("raw-write", state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(RawWrite(path, org.bytes));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * org.bytes.size()));
  std::remove(path.c_str());
}

// Parts of loading, bytes counted as the whole archive's for comparison.
void BM_Parts_LoadModelOnly(benchmark::State& state) {
  const Org& org = OrgOf(static_cast<uint32_t>(state.range(0)));
  const std::string bytes = *ArchiveToBytes(org.model);
  for (auto _ : state) benchmark::DoNotOptimize(ArchiveFromBytes(bytes));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.counters["MB"] = static_cast<double>(bytes.size()) / 1e6;
}

void BM_Parts_ValidateModel(benchmark::State& state) {
  const Org& org = OrgOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    ModelData copy = org.model.data();
    state.ResumeTiming();
    benchmark::DoNotOptimize(Model::Create(std::move(copy)));
  }
}

void BM_Parts_CompileSnapshot(benchmark::State& state) {
  const Org& org = OrgOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(Snapshot::Compile(org.model));
}

void BM_Parts_LoadJson(benchmark::State& state) {
  const Org& org = OrgOf(static_cast<uint32_t>(state.range(0)));
  const std::string json = ModelToJson(org.model);
  for (auto _ : state) benchmark::DoNotOptimize(ParseModelJson(json));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
  state.counters["MB"] = static_cast<double>(json.size()) / 1e6;
}

constexpr int64_t kUnits = 1000000;

BENCHMARK(BM_Encode)->Arg(kUnits)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Save)->Arg(kUnits)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RawFwrite)->Arg(kUnits)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Load)->Arg(kUnits)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RawFread)->Arg(kUnits)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Parts_LoadModelOnly)->Arg(kUnits)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Parts_ValidateModel)->Arg(kUnits)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Parts_CompileSnapshot)->Arg(kUnits)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Parts_LoadJson)->Arg(kUnits)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace
}  // namespace zeren::bench
