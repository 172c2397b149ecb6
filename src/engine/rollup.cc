#include "src/engine/rollup.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstring>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The members of a unit are summed in four lanes: the member at position i of the unit's
// range goes to lane i % 4, and the lanes are combined as (0 + 1) + (2 + 3) at the end. So the
// sum depends on the unit's members alone, never on the thread count, and the additions form
// independent chains, two SSE2 registers of two lanes each (SSE2 is the x86-64 baseline;
// elsewhere the same lanes are summed by scalar code, to the same doubles). The held test is
// a mask over the appraisal's bits, not a branch: member dates are spread over years, so a
// branch on them is mispredicted about as often as it is taken.
// For appraisals of a few significant digits (a float holds 24 bits, a double 53) the sum is
// exact in any order, so the lanes give the same double as one accumulator in member order.
struct LaneSums {
  double sum[4] = {};
  uint32_t count[4] = {};
};

// Adds member j of the n <= 4 at `appraisal` to lane j (with SSE2, only for the last
// members of a table of fewer than four).
inline void AddMembers(const float* appraisal, const int32_t* from, const int32_t* to,
                       Date first, Date last, size_t n, LaneSums* lanes) {
  for (size_t j = 0; j < n; ++j) {
    const uint32_t held =
        static_cast<uint32_t>(from[j] <= last) & static_cast<uint32_t>(first < to[j]);
    uint32_t bits;
    std::memcpy(&bits, &appraisal[j], sizeof bits);
    bits &= 0u - held;  // the appraisal, or +0.0f when the post is not held
    float value;
    std::memcpy(&value, &bits, sizeof value);
    lanes->sum[j] += static_cast<double>(value);
    lanes->count[j] += held;
  }
}

#if defined(__SSE2__)
// Four members' appraisals where their post is held on a day of [first, last], +0.0f where
// not; `held` gets all-ones lanes where it is held (and `valid`, all-ones where to count).
inline __m128 HeldAppraisals(const float* appraisal, const int32_t* from, const int32_t* to,
                             __m128i first, __m128i last, __m128i valid, __m128i* held) {
  const __m128i from_day = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
  const __m128i to_day = _mm_loadu_si128(reinterpret_cast<const __m128i*>(to));
  *held = _mm_and_si128(valid, _mm_andnot_si128(_mm_cmpgt_epi32(from_day, last),
                                                _mm_cmpgt_epi32(to_day, first)));
  return _mm_and_ps(_mm_loadu_ps(appraisal), _mm_castsi128_ps(*held));
}
#endif

// The sum and count of the appraisals of u's members holding their post on a day of
// [first, last], in lanes as above.
inline void SumMembersOf(const MemberTable& m, Date first, Date last, uint32_t u, double* sum,
                         uint32_t* count) {
  const size_t begin = m.member_start[u], n = m.member_start[u + 1] - begin;
  const float* appraisal = m.appraisal.data() + begin;
  const int32_t* from = m.held_from.data() + begin;
  const int32_t* to = m.held_to.data() + begin;
  LaneSums lanes;
  size_t k = 0;
#if defined(__SSE2__)
  const __m128i first_day = _mm_set1_epi32(first), last_day = _mm_set1_epi32(last);
  const __m128i all = _mm_set1_epi32(-1);
  __m128d sum01 = _mm_setzero_pd(), sum23 = _mm_setzero_pd();
  __m128i held_count = _mm_setzero_si128(), held;
  for (; n - k >= 4; k += 4) {
    const __m128 value =
        HeldAppraisals(appraisal + k, from + k, to + k, first_day, last_day, all, &held);
    sum01 = _mm_add_pd(sum01, _mm_cvtps_pd(value));
    sum23 = _mm_add_pd(sum23, _mm_cvtps_pd(_mm_movehl_ps(value, value)));
    held_count = _mm_sub_epi32(held_count, held);  // all-ones is -1
  }
  _mm_storeu_pd(lanes.sum, sum01);
  _mm_storeu_pd(lanes.sum + 2, sum23);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes.count), held_count);
  if (begin + n >= 4) {
    // The last n - k < 4 members without a loop, whose exit the branch predictor would miss
    // once a unit: the four members ending at the unit's end (the first of them may be
    // earlier members, or another unit's, masked out). Slot j is the member at position
    // n - 4 + j, so it goes to lane (n + j) % 4. Masked slots add +0.0, which changes no
    // lane: a lane starts at +0.0, and a sum that starts at +0.0 is never -0.0.
    const ptrdiff_t last4 = static_cast<ptrdiff_t>(n) - 4;
    const __m128i rest = _mm_cmpgt_epi32(_mm_setr_epi32(0, 1, 2, 3),
                                         _mm_set1_epi32(3 - static_cast<int32_t>(n - k)));
    const __m128 value = HeldAppraisals(appraisal + last4, from + last4, to + last4, first_day,
                                        last_day, rest, &held);
    double tail[4];
    uint32_t tail_held[4];
    _mm_storeu_pd(tail, _mm_cvtps_pd(value));
    _mm_storeu_pd(tail + 2, _mm_cvtps_pd(_mm_movehl_ps(value, value)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(tail_held),
                     _mm_sub_epi32(_mm_setzero_si128(), held));
    for (size_t j = 0; j < 4; ++j) {
      lanes.sum[(n + j) % 4] += tail[j];
      lanes.count[(n + j) % 4] += tail_held[j];
    }
    k = n;
  }
#else
  for (; n - k >= 4; k += 4) AddMembers(appraisal + k, from + k, to + k, first, last, 4, &lanes);
#endif
  AddMembers(appraisal + k, from + k, to + k, first, last, n - k, &lanes);
  *sum = (lanes.sum[0] + lanes.sum[1]) + (lanes.sum[2] + lanes.sum[3]);
  *count = (lanes.count[0] + lanes.count[1]) + (lanes.count[2] + lanes.count[3]);
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
