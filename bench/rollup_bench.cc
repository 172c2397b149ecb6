// The roll-up at 1 M and 10 M nodes (units + members, national shape: bench/synthetic_org.h)
// beside its peers, all in one run so that their ratios hold whatever the machine's load:
//   Stream*          STREAM copy and triad over arrays of the data's size: the bandwidth bound
//   Scatter          a hand-written loop over a parent array of all nodes (the floor)
//   PullLevelOrder   a sequential pull over level-ordered CSR children, members as nodes
//   TwoLevelPlain    the two-level layout by a plain hand-written loop (one accumulator,
//                    the held test as × 0 or 1 rather than a branch, as in every peer)
//   TwoLevelZeren/T  zeren's kernels (src/engine/rollup.h) on T threads
//   AssessRollUp/T   the roll-up as Assess runs it over a Snapshot (units only: a Snapshot
//                    keeps members as counts), items = units
// Every peer computes the same thing — each unit's members' appraisal mean (members holding
// their post in the period), own(u), m(u) and total(u) — and is checked against zeren's.
// Items are nodes; bytes_per_second of the Stream rows is the bandwidth.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>

#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "src/engine/rollup.h"
#include "zeren/assessment.h"
#include "zeren/snapshot.h"

namespace zeren::bench {
namespace {

constexpr double kOwn = 0.7, kSub = 0.3, kMembersWeight = 0.2;
constexpr Interval kPeriod{19000, 19365};
constexpr rollup::Rule kRule{kOwn, kSub, true};

struct Data {
  FlatOrganization org;
  std::vector<double> expected_total;  // zeren's, one thread
  explicit Data(uint64_t nodes) : org(NationalShapeOfNodes(nodes, 42), 42) {}
  uint64_t nodes() const { return org.unit_count() + org.member_count(); }
};

rollup::UnitTree TreeOf(const FlatOrganization& o) {
  return {o.child_start, o.child, o.child_weight, o.parent_start, o.parent, o.level_start};
}

// own(u) from the member sums, as rollup::OwnFromMembers finishes it.
inline double FinishOwn(const FlatOrganization& o, uint32_t u, double sum, uint32_t count) {
  double weighted = o.weighted[u], weights = o.weights[u];
  if (count > 0) {
    weighted += kMembersWeight * (sum / count);
    weights += kMembersWeight;
  }
  return weights > 0 ? weighted / weights : o.daily[u];
}

// Runs zeren's two passes; `own`, `m`, `total` sized by the caller.
void ZerenRollUp(const FlatOrganization& o, int threads, std::vector<double>* own,
                 std::vector<double>* m, std::vector<double>* total) {
  const rollup::MemberTable members{o.member_start, o.appraisal, o.held_from, o.held_to};
  rollup::OwnFromMembers(members, kPeriod, {o.daily, o.weighted, o.weights, kMembersWeight},
                         absl::MakeSpan(*own), threads);
  rollup::RollUp(TreeOf(o), kRule, {*own, o.members, absl::MakeSpan(*m), absl::MakeSpan(*total)},
                 threads);
}

Data& DataOf(uint64_t nodes) {
  static auto* cache = new std::map<uint64_t, std::unique_ptr<Data>>;
  std::unique_ptr<Data>& d = (*cache)[nodes];
  if (!d) {
    cache->clear();  // one size in memory at a time
    std::unique_ptr<Data>& fresh = (*cache)[nodes];
    fresh = std::make_unique<Data>(nodes);
    const uint32_t n = fresh->org.unit_count();
    std::vector<double> own(n), m(n);
    fresh->expected_total.resize(n);
    ZerenRollUp(fresh->org, 1, &own, &m, &fresh->expected_total);
    return *fresh;
  }
  return *d;
}

// Fails the benchmark when a peer's totals drift from zeren's (peers add in other orders).
void Check(benchmark::State& state, const Data& d, const std::vector<double>& total) {
  for (uint32_t u = 0; u < total.size(); u += 97) {
    if (std::abs(total[u] - d.expected_total[u]) > 1e-9 * std::abs(d.expected_total[u])) {
      state.SkipWithError("totals differ from zeren's");
      return;
    }
  }
}

void Describe(benchmark::State& state, const Data& d) {
  state.SetItemsProcessed(state.iterations() * d.nodes());
  state.counters["units"] = d.org.unit_count();
  state.counters["members"] = static_cast<double>(d.org.member_count());
  state.counters["ns_per_node"] = benchmark::Counter(
      static_cast<double>(d.nodes()), benchmark::Counter::kIsIterationInvariantRate |
                                          benchmark::Counter::kInvert);
}

// ---- bandwidth ----------------------------------------------------------------------------

// Arrays of doubles, one per node: 8 bytes a node, of the order of the two-level layout's
// 12 bytes a member.
void BM_StreamCopy(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<double> a(n, 1.0), c(n, 0.0);
  for (auto _ : state) {
    std::copy(a.begin(), a.end(), c.begin());
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * n * 2 * sizeof(double));
}

void BM_StreamTriad(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
  for (auto _ : state) {
    for (size_t k = 0; k < n; ++k) a[k] = b[k] + 3.0 * c[k];
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * n * 3 * sizeof(double));
}

// ---- peers -------------------------------------------------------------------------------

// Every node (units in level order, then members by unit) with its parent: what a table of
// nodes gives. Sums are scattered into the parents' accumulators.
void BM_Scatter(benchmark::State& state) {
  const Data& d = DataOf(static_cast<uint64_t>(state.range(0)));
  const FlatOrganization& o = d.org;
  const uint32_t n = o.unit_count();
  const uint64_t members = o.member_count();
  std::vector<uint32_t> member_parent(members);
  for (uint32_t u = 0; u < n; ++u) {
    for (uint32_t k = o.member_start[u]; k < o.member_start[u + 1]; ++k) member_parent[k] = u;
  }
  std::vector<double> sum(n), below(n), weights(n), weighted(n), m(n), total(n);
  std::vector<uint32_t> count(n);
  const Date first = kPeriod.from, last = kPeriod.to - 1;
  for (auto _ : state) {
    std::fill(sum.begin(), sum.end(), 0.0);
    std::fill(count.begin(), count.end(), 0u);
    std::fill(below.begin(), below.end(), 0.0);
    std::fill(weights.begin(), weights.end(), 0.0);
    std::fill(weighted.begin(), weighted.end(), 0.0);
    for (uint64_t k = members; k-- > 0;) {
      const uint32_t held = (o.held_from[k] <= last) & (first < o.held_to[k]);
      sum[member_parent[k]] += o.appraisal[k] * static_cast<double>(held);
      count[member_parent[k]] += held;
    }
    for (uint32_t u = n; u-- > 0;) {
      const double own = FinishOwn(o, u, sum[u], count[u]);
      m[u] = o.members[u] + below[u];
      total[u] = weights[u] == 0 ? own : kOwn * own + kSub * weighted[u] / weights[u];
      for (uint32_t k = o.parent_start[u]; k < o.parent_start[u + 1]; ++k) {
        const uint32_t p = o.parent[k];
        const double w = o.parent_weight[k] * m[u];
        below[p] += w;
        weights[p] += w;
        weighted[p] += w * total[u];
      }
    }
    benchmark::DoNotOptimize(total.data());
  }
  Check(state, d, total);
  Describe(state, d);
}

// All nodes in one level-ordered CSR: units first, members as leaf nodes after them, each
// unit's children (units, then its members) contiguous. Each unit pulls from its children.
void BM_PullLevelOrder(benchmark::State& state) {
  const Data& d = DataOf(static_cast<uint64_t>(state.range(0)));
  const FlatOrganization& o = d.org;
  const uint32_t n = o.unit_count();
  std::vector<uint32_t> start{0}, child;
  std::vector<double> weight;
  child.reserve(o.child.size() + o.member_count());
  for (uint32_t u = 0; u < n; ++u) {
    for (uint32_t k = o.child_start[u]; k < o.child_start[u + 1]; ++k) {
      child.push_back(o.child[k]);
      weight.push_back(o.child_weight[k]);
    }
    for (uint32_t k = o.member_start[u]; k < o.member_start[u + 1]; ++k) {
      child.push_back(n + k);
      weight.push_back(1.0);
    }
    start.push_back(static_cast<uint32_t>(child.size()));
  }
  std::vector<double> m(n), total(n);
  const Date first = kPeriod.from, last = kPeriod.to - 1;
  for (auto _ : state) {
    for (uint32_t u = n; u-- > 0;) {
      double sum = 0, below = 0, weights = 0, weighted = 0;
      uint32_t count = 0;
      for (uint32_t k = start[u]; k < start[u + 1]; ++k) {
        const uint32_t c = child[k];
        if (c >= n) {
          const uint32_t x = c - n;
          const uint32_t held = (o.held_from[x] <= last) & (first < o.held_to[x]);
          sum += o.appraisal[x] * static_cast<double>(held);
          count += held;
          continue;
        }
        const double w = weight[k] * m[c];
        below += w;
        weights += w;
        weighted += w * total[c];
      }
      const double own = FinishOwn(o, u, sum, count);
      m[u] = o.members[u] + below;
      total[u] = weights == 0 ? own : kOwn * own + kSub * weighted / weights;
    }
    benchmark::DoNotOptimize(total.data());
  }
  Check(state, d, total);
  Describe(state, d);
}

// The two-level layout written plainly: one pass over the members summing per unit with one
// accumulator, one reverse pass over the units.
// Every peer tests "held" without a branch (× 0 or 1): member dates are spread over years,
// so a branch on them is mispredicted often, and any careful hand-written loop avoids it.
void BM_TwoLevelPlain(benchmark::State& state) {
  const Data& d = DataOf(static_cast<uint64_t>(state.range(0)));
  const FlatOrganization& o = d.org;
  const uint32_t n = o.unit_count();
  std::vector<double> own(n), m(n), total(n);
  const Date first = kPeriod.from, last = kPeriod.to - 1;
  for (auto _ : state) {
    for (uint32_t u = 0; u < n; ++u) {
      double sum = 0;
      uint32_t count = 0;
      for (uint32_t k = o.member_start[u]; k < o.member_start[u + 1]; ++k) {
        const uint32_t held = (o.held_from[k] <= last) & (first < o.held_to[k]);
        sum += o.appraisal[k] * static_cast<double>(held);
        count += held;
      }
      own[u] = FinishOwn(o, u, sum, count);
    }
    for (uint32_t u = n; u-- > 0;) {
      double below = 0, weights = 0, weighted = 0;
      for (uint32_t k = o.child_start[u]; k < o.child_start[u + 1]; ++k) {
        const double w = o.child_weight[k] * m[o.child[k]];
        below += w;
        weights += w;
        weighted += w * total[o.child[k]];
      }
      m[u] = o.members[u] + below;
      total[u] = weights == 0 ? own[u] : kOwn * own[u] + kSub * weighted / weights;
    }
    benchmark::DoNotOptimize(total.data());
  }
  Check(state, d, total);
  Describe(state, d);
}

void BM_TwoLevelZeren(benchmark::State& state) {
  const Data& d = DataOf(static_cast<uint64_t>(state.range(0)));
  const int threads = static_cast<int>(state.range(1));
  const uint32_t n = d.org.unit_count();
  std::vector<double> own(n), m(n), total(n);
  for (auto _ : state) {
    ZerenRollUp(d.org, threads, &own, &m, &total);
    benchmark::DoNotOptimize(total.data());
  }
  if (total != d.expected_total) state.SkipWithError("not bit-identical to one thread");
  Describe(state, d);
}

// ---- the roll-up inside Assess, over a Snapshot --------------------------------------------

const Snapshot& SnapshotOf(uint64_t nodes) {
  static auto* cache = new std::map<uint64_t, std::unique_ptr<Snapshot>>;
  std::unique_ptr<Snapshot>& s = (*cache)[nodes];
  if (!s) {
    cache->clear();
    std::unique_ptr<Snapshot>& fresh = (*cache)[nodes];
    fresh = std::make_unique<Snapshot>(
        *Snapshot::Compile(ShapedOrganization(NationalShapeOfNodes(nodes, 42), 42)));
    return *fresh;
  }
  return *s;
}

// Just the roll-up pass Assess makes (rollup::RollUp over the snapshot's arrays); items are
// units, the only nodes a Snapshot has.
void BM_AssessRollUp(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint64_t>(state.range(0)));
  const int threads = static_cast<int>(state.range(1));
  const uint32_t n = s.unit_count();
  const std::vector<uint32_t> levels = rollup::LevelStarts(s.unit_levels());
  const rollup::UnitTree tree{s.child_starts(), s.child_array(),  s.child_weight_array(),
                              s.parent_starts(), s.parent_array(), levels};
  std::vector<double> own(n), members(n), m(n), total(n);
  for (UnitIndex u = 0; u < n; ++u) {
    own[u] = 40 + u % 60;
    members[u] = static_cast<double>(s.unit_members(u));
  }
  for (auto _ : state) {
    rollup::RollUp(tree, kRule, {own, members, absl::MakeSpan(m), absl::MakeSpan(total)}, threads);
    benchmark::DoNotOptimize(total.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["units"] = n;
  state.counters["ns_per_unit"] = benchmark::Counter(
      n, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// The whole assessment (components, accountability of the period's incidents, vetoes,
// quotas, ranks, people), for context; items are units.
void BM_AssessFull(benchmark::State& state) {
  const Snapshot& s = SnapshotOf(static_cast<uint64_t>(state.range(0)));
  const int threads = static_cast<int>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(Assess(s, s.scheme(), {threads}));
  state.SetItemsProcessed(state.iterations() * s.unit_count());
  state.counters["units"] = s.unit_count();
}

// ---- memory --------------------------------------------------------------------------------

// Bytes per unit and per member of the two-level layout (the arrays the roll-up reads and
// writes), and per unit of a Snapshot's roll-up arrays.
void BM_LayoutBytes(benchmark::State& state) {
  const Data& d = DataOf(static_cast<uint64_t>(state.range(0)));
  const FlatOrganization& o = d.org;
  for (auto _ : state) benchmark::DoNotOptimize(o.unit_count());
  const double units = o.unit_count(), edges = static_cast<double>(o.child.size());
  // child_start + member_start + level (amortized 0) per unit; child + weight per edge;
  // own, members, m, total, daily/weighted/weights inputs per unit.
  const double unit_bytes =
      (2 * sizeof(uint32_t) + 7 * sizeof(double)) + edges / units * (sizeof(uint32_t) + sizeof(double));
  state.counters["bytes_per_unit"] = unit_bytes;
  state.counters["bytes_per_member"] = sizeof(float) + 2 * sizeof(int32_t);
}

constexpr int64_t kM = 1'000'000;

BENCHMARK(BM_StreamCopy)->Arg(16 * kM)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_StreamTriad)->Arg(16 * kM)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Scatter)
    ->Arg(1 * kM)->Arg(10 * kM)->Arg(105 * kM)
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PullLevelOrder)
    ->Arg(1 * kM)->Arg(10 * kM)->Arg(105 * kM)
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_TwoLevelPlain)
    ->Arg(1 * kM)->Arg(10 * kM)->Arg(105 * kM)
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_TwoLevelZeren)
    ->Args({1 * kM, 1})->Args({1 * kM, 2})->Args({10 * kM, 1})->Args({10 * kM, 2})
    ->Args({105 * kM, 1})->Args({105 * kM, 2})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LayoutBytes)->Arg(10 * kM)->Iterations(1);
BENCHMARK(BM_AssessRollUp)
    ->Args({1 * kM, 1})->Args({1 * kM, 2})->Args({10 * kM, 1})->Args({10 * kM, 2})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_AssessFull)->Args({1 * kM, 1})->Args({1 * kM, 2})
    ->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
}  // namespace zeren::bench
