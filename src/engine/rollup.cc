#include "src/engine/rollup.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace zeren::rollup {
namespace {

// A reusable barrier for a few threads. It spins briefly, then yields: a level of the
// roll-up takes microseconds, less than a condition variable's wake-up.
class Barrier {
 public:
  explicit Barrier(int threads) : threads_(threads) {}

  void Wait() {
    const uint32_t generation = generation_.load(std::memory_order_acquire);
    if (arrived_.fetch_add(1, std::memory_order_acq_rel) + 1 == threads_) {
      arrived_.store(0, std::memory_order_relaxed);
      generation_.store(generation + 1, std::memory_order_release);
      return;
    }
    for (int spin = 0; generation_.load(std::memory_order_acquire) == generation; ++spin) {
      if (spin >= 64) std::this_thread::yield();
    }
  }

 private:
  const int threads_;
  std::atomic<int> arrived_{0};
  std::atomic<uint32_t> generation_{0};
};

// Runs worker(t) for t in [0, threads), worker(0) on the calling thread.
void RunThreads(int threads, absl::FunctionRef<void(int)> worker) {
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (int t = 1; t < threads; ++t) pool.emplace_back([&worker, t] { worker(t); });
  worker(0);
  for (std::thread& thread : pool) thread.join();
}

// Where chunk t of `threads` starts in [begin, end): chunks of equal cost, a unit costing
// 1 plus its weight (children or members) from the cumulative `weight_start`.
uint32_t SplitPoint(absl::Span<const uint32_t> weight_start, uint32_t begin, uint32_t end, int t,
                    int threads) {
  auto cost = [&](uint32_t u) -> uint64_t {
    return u + (weight_start.empty() ? 0 : uint64_t{weight_start[u]});
  };
  const uint64_t target = cost(begin) + (cost(end) - cost(begin)) * t / threads;
  uint32_t lo = begin, hi = end;  // the first u with cost(u) >= target
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    if (cost(mid) < target) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// The sum and count of the appraisals of u's members holding their post on a day of
// [first, last], in member order. Raw pointers: the loop is then as plain as a hand-written
// one (four accumulators were measured slower: the pass waits on memory, not on additions).
inline void SumMembersOf(const MemberTable& m, Date first, Date last, uint32_t u, double* sum,
                         uint32_t* count) {
  const uint32_t begin = m.member_start[u], end = m.member_start[u + 1];
  const float* appraisal = m.appraisal.data();
  const int32_t* from = m.held_from.data();
  const int32_t* to = m.held_to.data();
  double s = 0;
  uint32_t c = 0;
  for (uint32_t k = begin; k < end; ++k) {
    const bool held = from[k] <= last && first < to[k];
    s += held ? appraisal[k] : 0.0f;
    c += held;
  }
  *sum = s;
  *count = c;
}

}  // namespace

std::vector<uint32_t> LevelStarts(absl::Span<const uint32_t> unit_level) {
  std::vector<uint32_t> start{0};
  for (uint32_t u = 1; u < unit_level.size(); ++u) {
    if (unit_level[u] != unit_level[u - 1]) start.push_back(u);
  }
  if (!unit_level.empty()) start.push_back(static_cast<uint32_t>(unit_level.size()));
  return start;
}

int ThreadsFor(int requested, uint32_t units) {
  if (requested > 0) return requested;
  if (units < 65536) return 1;
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
}

void RollUp(const UnitTree& tree, const Rule& rule, const Columns& columns, int threads) {
  if (threads <= 1) {
    for (uint32_t u = tree.unit_count(); u-- > 0;) RollUpUnit(tree, rule, columns, u);
    return;
  }
  const absl::Span<const uint32_t> level = tree.level_start;
  Barrier barrier(threads);
  RunThreads(threads, [&](int t) {
    for (size_t l = level.size() - 1; l-- > 0;) {
      const uint32_t begin = SplitPoint(tree.child_start, level[l], level[l + 1], t, threads);
      const uint32_t end = SplitPoint(tree.child_start, level[l], level[l + 1], t + 1, threads);
      for (uint32_t u = end; u-- > begin;) RollUpUnit(tree, rule, columns, u);
      barrier.Wait();  // the next level up reads this one's totals
    }
  });
}

void ParallelRanges(uint32_t n, absl::Span<const uint32_t> weight_start, int threads,
                    absl::FunctionRef<void(int, uint32_t, uint32_t)> body) {
  if (threads <= 1) return body(0, 0, n);
  RunThreads(threads, [&](int t) {
    body(t, SplitPoint(weight_start, 0, n, t, threads), SplitPoint(weight_start, 0, n, t + 1, threads));
  });
}

void OwnFromMembers(const MemberTable& members, const Interval& period, const OwnParts& parts,
                    absl::Span<double> own, int threads) {
  const Date first = period.from, last = period.to - 1;
  const uint32_t units = static_cast<uint32_t>(own.size());
  ParallelRanges(units, members.member_start, threads, [&](int, uint32_t begin, uint32_t end) {
    for (uint32_t u = begin; u < end; ++u) {
      double sum;
      uint32_t count;
      SumMembersOf(members, first, last, u, &sum, &count);
      double weighted = parts.weighted[u], weights = parts.weights[u];
      if (count > 0) {  // `members` comes last among the components, as in Assess
        weighted += parts.members_weight * (sum / count);
        weights += parts.members_weight;
      }
      own[u] = weights > 0 ? weighted / weights : parts.daily[u];
    }
  });
}

void RollUpAncestors(const UnitTree& tree, const Rule& rule, const Columns& columns, uint32_t u,
                     std::vector<uint32_t>* touched) {
  touched->assign(1, u);
  for (size_t k = 0; k < touched->size(); ++k) {  // superiors, breadth first
    const uint32_t v = (*touched)[k];
    for (uint32_t p = tree.parent_start[v]; p < tree.parent_start[v + 1]; ++p) {
      touched->push_back(tree.parent[p]);
    }
  }
  // Level order puts subordinates after superiors: descending indices recompute every
  // unit after all of its touched subordinates. (Dual leadership can reach one twice.)
  std::sort(touched->begin(), touched->end(), std::greater<uint32_t>());
  touched->erase(std::unique(touched->begin(), touched->end()), touched->end());
  for (uint32_t v : *touched) RollUpUnit(tree, rule, columns, v);
}

}  // namespace zeren::rollup
