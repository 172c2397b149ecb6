// A national-scale organization end to end (issue 7): generating it, validating it
// (Model::Create), compiling the snapshot, assessing it on 1 and 2 threads (members' scores
// on demand, and once listed), accounting for every incident (one by one, and as a batch on
// 1 and 2 threads), chain queries, and saving and loading the .zrn archive.
//
//   zeren_bench_national [--units=N] [--members=M] [--seed=S] [--member-people=0|1]
//                        [benchmark flags]
//
// Defaults: 1 000 000 units, each branch's natural member count (about 31 a unit; every
// member a roster row). ZEREN_NATIONAL_UNITS / ZEREN_NATIONAL_MEMBERS set them too;
// ZEREN_BENCH_DIR (default /tmp) holds the archive. National scale is --units=5000000
// --members=100000000.
//
// The phases are one-shot and run in this order, each on what the one before made (a phase
// left out by --benchmark_filter is still done, untimed, when a later one needs it). Times
// are manual (wall seconds of the one run). Counters: peak_rss_mb (VmHWM so far),
// rss_mb (VmRSS after the phase), and per phase rates or bytes per unit and per member.
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "benchmark/benchmark.h"
#include "zeren/accountability.h"
#include "zeren/archive.h"
#include "zeren/assessment.h"
#include "zeren/chain.h"
#include "zeren/generate.h"
#include "zeren/model.h"
#include "zeren/snapshot.h"

namespace zeren::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// A field of /proc/self/status in MiB ("VmHWM", "VmRSS"); 0 when unreadable.
double StatusMiB(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const size_t n = std::strlen(field);
  while (std::getline(status, line)) {
    if (line.compare(0, n, field) == 0 && line.size() > n && line[n] == ':') {
      return std::strtod(line.c_str() + n + 1, nullptr) / 1024.0;  // kB
    }
  }
  return 0;
}

struct Config {
  int64_t units = 1'000'000;
  int64_t members = kAutoMembers;
  uint64_t seed = 1;
  int member_people = -1;  // -1: the generator's default (members are roster rows)
};

Config& config() {
  static Config c;
  return c;
}

// Everything the phases hand on, made on demand.
struct State {
  std::optional<ModelData> data;
  std::optional<Model> model;
  std::optional<Snapshot> snapshot;
  int64_t members = 0;
  std::string archive_path;
  bool archive_saved = false;
};

State& state() {
  static State* s = new State;
  return *s;
}

void Fail(benchmark::State& st, const absl::Status& status) {
  st.SkipWithError(std::string(status.message()).c_str());
}

GenerateOptions Options() {
  GenerateOptions options;
  options.units = config().units;
  options.members = config().members;
  options.seed = config().seed;
  if (config().member_people >= 0) options.member_people = config().member_people == 1;
  return options;
}

absl::Status MakeData() {
  if (state().data || state().model) return absl::OkStatus();
  absl::StatusOr<ModelData> data = GenerateModelData(Options());
  if (!data.ok()) return data.status();
  state().members = 0;
  for (const Unit& u : data->units) state().members += u.members;
  state().data = *std::move(data);
  return absl::OkStatus();
}

absl::Status MakeModel() {
  if (state().model) return absl::OkStatus();
  if (absl::Status s = MakeData(); !s.ok()) return s;
  absl::StatusOr<Model> model = Model::Create(*std::move(state().data));
  state().data.reset();
  if (!model.ok()) return model.status();
  state().model = *std::move(model);
  return absl::OkStatus();
}

absl::Status MakeSnapshot() {
  if (state().snapshot) return absl::OkStatus();
  if (absl::Status s = MakeModel(); !s.ok()) return s;
  absl::StatusOr<Snapshot> snapshot = Snapshot::Compile(*state().model);
  if (!snapshot.ok()) return snapshot.status();
  state().snapshot = *std::move(snapshot);
  return absl::OkStatus();
}

// Memory counters common to every phase.
void Memory(benchmark::State& st) {
  st.counters["peak_rss_mb"] = StatusMiB("VmHWM");
  st.counters["rss_mb"] = StatusMiB("VmRSS");
}

// One run of `phase` timed by hand (it is too costly to repeat), or the error it gave.
// Returns the seconds it took (0 on an error): rates are divided by hand, whatever time
// the library would divide them by.
template <typename Phase>
double OneShot(benchmark::State& st, Phase phase) {
  double seconds = 0;
  for (auto _ : st) {
    const auto start = Clock::now();
    const absl::Status status = phase();
    seconds = Seconds(start);
    st.SetIterationTime(seconds);
    if (!status.ok()) {
      Fail(st, status);
      return 0;
    }
  }
  Memory(st);
  return seconds;
}

double Rate(double count, double seconds) { return seconds > 0 ? count / seconds : 0; }

void BM_Generate(benchmark::State& st) {
  state() = State();
  const double rss_before = StatusMiB("VmRSS");
  OneShot(st, MakeData);
  if (!state().data) return;
  const ModelData& d = *state().data;
  const double grown = (StatusMiB("VmRSS") - rss_before) * 1024 * 1024;
  st.counters["units"] = static_cast<double>(d.units.size());
  st.counters["members"] = static_cast<double>(state().members);
  st.counters["roster_rows"] = static_cast<double>(d.roster.size());
  st.counters["record_people"] = static_cast<double>(d.people.size());
  st.counters["incidents"] = static_cast<double>(d.incidents.size());
  if (!d.roster.empty()) {
    st.counters["roster_bytes_per_member"] =
        static_cast<double>(d.roster.ByteSize()) / d.roster.size();
  }
  // What the document holds besides the roster, spread over the units.
  st.counters["data_bytes_per_unit"] =
      (grown - static_cast<double>(d.roster.ByteSize())) / d.units.size();
}

void BM_ModelCreate(benchmark::State& st) {
  if (absl::Status s = MakeData(); !s.ok()) return Fail(st, s);
  const double seconds = OneShot(st, MakeModel);
  st.counters["members_per_s"] = Rate(static_cast<double>(state().members), seconds);
}

void BM_SnapshotCompile(benchmark::State& st) {
  if (absl::Status s = MakeModel(); !s.ok()) return Fail(st, s);
  const double rss_before = StatusMiB("VmRSS");
  OneShot(st, MakeSnapshot);
  if (!state().snapshot) return;
  const double grown = (StatusMiB("VmRSS") - rss_before) * 1024 * 1024;
  st.counters["snapshot_bytes_per_unit"] = grown / state().snapshot->unit_count();
  st.counters["people"] = static_cast<double>(state().snapshot->person_count());
}

void BM_Assess(benchmark::State& st) {
  if (absl::Status s = MakeSnapshot(); !s.ok()) return Fail(st, s);
  const Snapshot& snapshot = *state().snapshot;
  AssessOptions options;
  options.threads = static_cast<int>(st.range(0));
  options.score_members = st.range(1) != 0;
  const double seconds = OneShot(st, [&]() -> absl::Status {
    absl::StatusOr<Assessment> a = Assess(snapshot, snapshot.scheme(), options);
    if (!a.ok()) return a.status();
    benchmark::DoNotOptimize(a->units.data());
    return absl::OkStatus();
  });
  st.counters["units_per_s"] = Rate(snapshot.unit_count(), seconds);
}

// Every incident once, with one Accountant (no text rendered).
void BM_AccountAll(benchmark::State& st) {
  if (absl::Status s = MakeSnapshot(); !s.ok()) return Fail(st, s);
  const Snapshot& snapshot = *state().snapshot;
  size_t parties = 0;
  const double seconds = OneShot(st, [&]() -> absl::Status {
    Accountant accountant(snapshot);
    Accounting accounting;
    for (IncidentIndex i = 0; i < snapshot.incident_count(); ++i) {
      accountant.Account(i, &accounting);
      parties += accounting.parties.size();
    }
    return absl::OkStatus();
  });
  st.counters["incidents_per_s"] = Rate(snapshot.incident_count(), seconds);
  st.counters["parties"] = static_cast<double>(parties);
}

// Every incident once through AccountAll: unit by unit, on 1 or 2 threads.
void BM_AccountBatch(benchmark::State& st) {
  if (absl::Status s = MakeSnapshot(); !s.ok()) return Fail(st, s);
  const Snapshot& snapshot = *state().snapshot;
  std::vector<Accounting> all;
  const double seconds = OneShot(st, [&]() -> absl::Status {
    all = AccountAll(snapshot, snapshot.policy(), static_cast<int>(st.range(0)));
    return absl::OkStatus();
  });
  size_t parties = 0;
  for (const Accounting& a : all) parties += a.parties.size();
  st.counters["incidents_per_s"] = Rate(snapshot.incident_count(), seconds);
  st.counters["parties"] = static_cast<double>(parties);
}

// Chains of units spread over the whole organization, at mid-year.
void BM_Chain(benchmark::State& st) {
  if (absl::Status s = MakeSnapshot(); !s.ok()) return Fail(st, s);
  const Snapshot& snapshot = *state().snapshot;
  const Date as_of = *ParseDate("2025-06-30");
  const uint32_t n = snapshot.unit_count();
  const uint32_t stride = 7919;  // a prime: every unit in turn, in a scattered order
  uint32_t u = 0;
  size_t entries = 0;
  for (auto _ : st) {
    absl::StatusOr<Chain> chain = ChainOf(snapshot, u, as_of);
    if (chain.ok()) entries += chain->entries.size();
    u = static_cast<uint32_t>((uint64_t{u} + stride) % n);
  }
  st.SetItemsProcessed(st.iterations());
  st.counters["entries_per_chain"] = static_cast<double>(entries) / st.iterations();
  Memory(st);
}

std::string ArchivePath() {
  const char* dir = std::getenv("ZEREN_BENCH_DIR");
  return std::string(dir ? dir : "/tmp") + "/zeren-bench-national-" +
         std::to_string(config().units) + ".zrn";
}

size_t FileBytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  return f ? static_cast<size_t>(f.tellg()) : 0;
}

void BM_ArchiveSave(benchmark::State& st) {
  if (absl::Status s = MakeSnapshot(); !s.ok()) return Fail(st, s);
  const std::string path = ArchivePath();
  const double seconds =
      OneShot(st, [&] { return SaveArchive(path, *state().model, &*state().snapshot); });
  state().archive_saved = seconds > 0;
  const double bytes = static_cast<double>(FileBytes(path));
  st.counters["archive_mb"] = bytes / 1e6;
  st.counters["mb_per_s"] = Rate(bytes / 1e6, seconds);
}

// Loading validates the model again and checks the snapshot; what it loads is dropped.
void BM_ArchiveLoad(benchmark::State& st) {
  const std::string path = ArchivePath();
  if (!state().archive_saved) {
    if (absl::Status s = MakeSnapshot(); !s.ok()) return Fail(st, s);
    if (absl::Status s = SaveArchive(path, *state().model, &*state().snapshot); !s.ok()) {
      return Fail(st, s);
    }
    state().archive_saved = true;
  }
  // The loaded copy would sit beside the one in memory: free both to make room (this is
  // the last phase).
  state().snapshot.reset();
  state().model.reset();
  const double seconds = OneShot(st, [&]() -> absl::Status {
    absl::StatusOr<LoadedArchive> loaded = LoadArchive(path);
    return loaded.ok() ? absl::OkStatus() : loaded.status();
  });
  const double bytes = static_cast<double>(FileBytes(path));
  st.counters["mb_per_s"] = Rate(bytes / 1e6, seconds);
  std::remove(path.c_str());
  state().archive_saved = false;
}

BENCHMARK(BM_Generate)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_ModelCreate)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SnapshotCompile)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
// people:0 is the target (components, vetoes, quotas, ranks; members scored on
// demand); people:1 also lists every member's score.
BENCHMARK(BM_Assess)->Args({1, 0})->Args({2, 0})->Args({2, 1})->ArgNames({"threads", "people"})
    ->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_AccountAll)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_AccountBatch)->Arg(1)->Arg(2)->ArgName("threads")->Iterations(1)->UseManualTime()
    ->Unit(benchmark::kSecond);
BENCHMARK(BM_Chain)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ArchiveSave)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_ArchiveLoad)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

// Reads --units=, --members=, --seed= (and the environment), leaving the rest to
// benchmark::Initialize. False, with a message, on a malformed value.
bool ReadFlags(int* argc, char** argv) {
  const auto number = [](const char* text, const char* what, auto* out) {
    if (absl::SimpleAtoi(text, out)) return true;
    std::fprintf(stderr, "zeren_bench_national: %s: malformed number \"%s\"\n", what, text);
    return false;
  };
  if (const char* v = std::getenv("ZEREN_NATIONAL_UNITS")) {
    if (!number(v, "ZEREN_NATIONAL_UNITS", &config().units)) return false;
  }
  if (const char* v = std::getenv("ZEREN_NATIONAL_MEMBERS")) {
    if (!number(v, "ZEREN_NATIONAL_MEMBERS", &config().members)) return false;
  }
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    const std::string arg = argv[i];
    bool ok = true;
    if (arg.rfind("--units=", 0) == 0) {
      ok = number(arg.c_str() + 8, "--units", &config().units);
    } else if (arg.rfind("--members=", 0) == 0) {
      ok = number(arg.c_str() + 10, "--members", &config().members);
    } else if (arg.rfind("--member-people=", 0) == 0) {
      ok = number(arg.c_str() + 16, "--member-people", &config().member_people);
    } else if (arg.rfind("--seed=", 0) == 0) {
      ok = number(arg.c_str() + 7, "--seed", &config().seed);
    } else {
      argv[kept++] = argv[i];
    }
    if (!ok) return false;
  }
  *argc = kept;
  return true;
}

}  // namespace
}  // namespace zeren::bench

int main(int argc, char** argv) {
  if (!zeren::bench::ReadFlags(&argc, argv)) return 2;
  if (absl::Status s = zeren::CheckGenerateOptions(zeren::bench::Options()); !s.ok()) {
    std::fprintf(stderr, "zeren_bench_national: %s\n", std::string(s.message()).c_str());
    return 2;
  }
  benchmark::AddCustomContext("units", std::to_string(zeren::bench::config().units));
  benchmark::AddCustomContext("members", std::to_string(zeren::bench::config().members));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
