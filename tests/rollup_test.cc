// The roll-up kernels (src/engine/rollup.h): parallel and incremental results equal one
// full single-threaded pass bit for bit, on a synthetic organization of national shape.
// Suites: RollUpKernel (flat arrays), RollUpAssess (through Assess), AssessmentState.
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "bench/synthetic_org.h"
#include "gtest/gtest.h"
#include "src/engine/rollup.h"
#include "zeren/assessment.h"
#include "zeren/assessment_state.h"
#include "zeren/generate.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"

namespace zeren {
namespace {

uint64_t Bits(double x) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

// Index of the first element whose bits differ, or -1.
int64_t FirstDifference(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return 0;
  for (size_t k = 0; k < a.size(); ++k) {
    if (Bits(a[k]) != Bits(b[k])) return static_cast<int64_t>(k);
  }
  return -1;
}

using bench::FlatOrganization;

rollup::UnitTree TreeOf(const FlatOrganization& org) {
  return {org.child_start, org.child, org.child_weight, org.parent_start, org.parent, org.level_start};
}

rollup::MemberTable MembersOf(const FlatOrganization& org) {
  return {org.member_start, org.appraisal, org.held_from, org.held_to};
}

constexpr rollup::Rule kRule{0.7, 0.3, true};

TEST(RollUpKernel, TwoAndThreeThreadsEqualOneBitForBit) {
  const FlatOrganization org(bench::NationalShape(60'000, 5), 1);
  const uint32_t n = static_cast<uint32_t>(org.unit_count());
  ASSERT_EQ(org.level_start.size(), 9u);  // 8 levels
  std::vector<double> m1(n), t1(n);
  rollup::RollUp(TreeOf(org), kRule, {org.daily, org.members, absl::MakeSpan(m1), absl::MakeSpan(t1)}, 1);
  for (int threads : {2, 3}) {
    std::vector<double> m(n), t(n);
    rollup::RollUp(TreeOf(org), kRule, {org.daily, org.members, absl::MakeSpan(m), absl::MakeSpan(t)},
                   threads);
    EXPECT_EQ(FirstDifference(m, m1), -1) << threads;
    EXPECT_EQ(FirstDifference(t, t1), -1) << threads;
  }
  // The root's m counts every member once: all edges of a dual leadership weigh 1/2.
  double all = 0;
  for (double x : org.members) all += x;
  EXPECT_NEAR(m1[0], all, all * 1e-12);
}

TEST(RollUpKernel, EqualWeightsTwoThreadsEqualOne) {
  const FlatOrganization org(bench::NationalShape(30'000, 6), 2);
  const uint32_t n = static_cast<uint32_t>(org.unit_count());
  const rollup::Rule rule{0.6, 0.4, false};
  std::vector<double> m1(n), t1(n), m2(n), t2(n);
  rollup::RollUp(TreeOf(org), rule, {org.daily, org.members, absl::MakeSpan(m1), absl::MakeSpan(t1)}, 1);
  rollup::RollUp(TreeOf(org), rule, {org.daily, org.members, absl::MakeSpan(m2), absl::MakeSpan(t2)}, 2);
  EXPECT_EQ(FirstDifference(t2, t1), -1);
  EXPECT_EQ(FirstDifference(m2, m1), -1);
}

// The member pass against the plainest loop: one accumulator, members in order. The kernel
// adds in four lanes, but these appraisals (50 to 102 in steps of 1/97, as floats) have sums
// that a double holds exactly, so every order gives the same bits.
TEST(RollUpKernel, OwnFromMembersEqualsPlainLoopOnAnyThreadCount) {
  const FlatOrganization org(bench::NationalShape(20'000, 7), 3);
  const uint32_t n = static_cast<uint32_t>(org.unit_count());
  const Interval period{19000, 19365};
  const std::vector<double>&weighted = org.weighted, &weights = org.weights;
  const rollup::OwnParts parts{org.daily, weighted, weights, 0.5};
  std::vector<double> expected(n);
  for (uint32_t u = 0; u < n; ++u) {
    double sum = 0;
    uint32_t count = 0;
    for (uint32_t k = org.member_start[u]; k < org.member_start[u + 1]; ++k) {
      if (org.held_from[k] <= period.to - 1 && period.from < org.held_to[k]) {
        sum += org.appraisal[k];
        ++count;
      }
    }
    expected[u] = count == 0 ? weighted[u] / weights[u]
                             : (weighted[u] + 0.5 * (sum / count)) / (weights[u] + 0.5);
  }
  for (int threads : {1, 2, 3}) {
    std::vector<double> own(n);
    rollup::OwnFromMembers(MembersOf(org), period, parts, absl::MakeSpan(own), threads);
    EXPECT_EQ(FirstDifference(own, expected), -1) << threads;
  }
}

// Where the order of additions matters (2^60 + 1 == 2^60 in a double), the sum is the
// documented one: member i of a unit to lane i % 4, lanes combined as (0 + 1) + (2 + 3).
// Members not holding their post in the period add nothing, however large their appraisal.
TEST(RollUpKernel, OwnFromMembersSumsInFourLanes) {
  const float big = 0x1p60f;
  // Unit 0: 9 members (two blocks of four and one in the tail); unit 1: none; unit 2: 3
  // (the tail alone), one of them not held; unit 3: 4, none held.
  const std::vector<uint32_t> member_start{0, 9, 9, 12, 16};
  const std::vector<float> appraisal{big, 1, 1, 1, -big, 1, 2, 3, 5, 7, big, 11, 1, 2, 3, 4};
  const int32_t in = 19000, out = 19400;  // held from these days to 19500
  const std::vector<int32_t> from{in, in, in, in, in, in, in, in, in, in, out, in, out, out, out, out};
  const std::vector<int32_t> to(16, 19500);
  const rollup::MemberTable members{member_start, appraisal, from, to};
  const std::vector<double> daily{10, 20, 30, 40}, weighted{0, 0, 0, 0}, weights{0, 0, 0, 0};
  const rollup::OwnParts parts{daily, weighted, weights, 1.0};
  // Lanes of unit 0: big + -big + 5 = 5, 1 + 1 = 2, 1 + 2 = 3, 1 + 3 = 4. One accumulator in
  // member order would lose the three 1s to big and give 1 + 2 + 3 + 5 = 11.
  const double unit0 = ((5.0 + 2.0) + (3.0 + 4.0)) / 9;
  for (int threads : {1, 2, 3}) {
    std::vector<double> own(4);
    rollup::OwnFromMembers(members, {19000, 19365}, parts, absl::MakeSpan(own), threads);
    EXPECT_EQ(own, (std::vector<double>{unit0, 20, (7.0 + 11.0) / 2, 40})) << threads;
  }
}

TEST(RollUpKernel, LevelStarts) {
  const std::vector<uint32_t> levels{0, 1, 1, 2, 2, 2, 3};
  EXPECT_EQ(rollup::LevelStarts(levels), (std::vector<uint32_t>{0, 1, 3, 6, 7}));
  EXPECT_EQ(rollup::LevelStarts({}), (std::vector<uint32_t>{0}));
}

TEST(RollUpKernel, ThreadsFor) {
  EXPECT_EQ(rollup::ThreadsFor(3, 10), 3);
  EXPECT_EQ(rollup::ThreadsFor(0, 1000), 1);
  EXPECT_GE(rollup::ThreadsFor(0, 1'000'000), 1);
  EXPECT_LE(rollup::ThreadsFor(0, 1'000'000), 8);
}

// ---- through Assess ----------------------------------------------------------------------

const Snapshot& ShapedSnapshot() {
  static const Snapshot* s = new Snapshot(
      *Snapshot::Compile(bench::ShapedOrganization(bench::NationalShape(4'000, 3), 3)));
  return *s;
}

std::vector<double> Totals(const Assessment& a) {
  std::vector<double> out;
  for (const UnitAssessment& ua : a.units) out.push_back(ua.total);
  return out;
}

std::vector<double> SubtreeMembers(const Assessment& a) {
  std::vector<double> out;
  for (const UnitAssessment& ua : a.units) out.push_back(ua.subtree_members);
  return out;
}

TEST(RollUpAssess, TwoThreadsGiveTheSameAssessmentAsOne) {
  const Snapshot& s = ShapedSnapshot();
  const absl::StatusOr<Assessment> one = Assess(s, s.scheme(), {1});
  const absl::StatusOr<Assessment> two = Assess(s, s.scheme(), {2});
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(FirstDifference(Totals(*two), Totals(*one)), -1);
  EXPECT_EQ(FirstDifference(SubtreeMembers(*two), SubtreeMembers(*one)), -1);
  EXPECT_EQ(AssessmentToJson(s, *two), AssessmentToJson(s, *one));
}

// A generated organization has leaders, roster members with appraisals, incidents and
// vetoes: every part of Assess that threads split (own results, the accountability batch,
// people's scores) gives the same on 1, 2 and 3 threads.
TEST(RollUpAssess, ThreadsGiveTheSameAssessmentOfAGeneratedOrganization) {
  GenerateOptions options;
  options.units = 1000;
  options.seed = 7;
  absl::StatusOr<Model> model = GenerateModel(options);
  ASSERT_TRUE(model.ok()) << model.status();
  const Snapshot s = *Snapshot::Compile(*model);
  ASSERT_GT(s.roster().size(), 10000u);
  const absl::StatusOr<Assessment> one = Assess(s, s.scheme(), {1});
  ASSERT_TRUE(one.ok()) << one.status();
  ASSERT_GT(one->people.size(), s.roster().size());
  const std::string expected = AssessmentToJson(s, *one);
  for (int threads : {2, 3}) {
    const absl::StatusOr<Assessment> many = Assess(s, s.scheme(), {threads});
    ASSERT_TRUE(many.ok()) << many.status();
    EXPECT_EQ(AssessmentToJson(s, *many), expected) << threads;
  }
}

// ---- AssessmentState ---------------------------------------------------------------------

// A full roll-up over the snapshot with the given own scores and member counts.
void FullRollUp(const Snapshot& s, const std::vector<double>& own, const std::vector<double>& members,
                std::vector<double>* m, std::vector<double>* total) {
  const std::vector<uint32_t> levels = rollup::LevelStarts(s.unit_levels());
  const rollup::UnitTree tree{s.child_starts(), s.child_array(),  s.child_weight_array(),
                              s.parent_starts(), s.parent_array(), levels};
  m->assign(own.size(), 0);
  total->assign(own.size(), 0);
  const Scheme& scheme = s.scheme();
  rollup::RollUp(tree, {scheme.rollup_own, scheme.rollup_subordinates, scheme.weight_by_members},
                 {own, members, absl::MakeSpan(*m), absl::MakeSpan(*total)}, 1);
}

TEST(AssessmentState, RandomUpdatesEqualAFullRollUpBitForBit) {
  const Snapshot& s = ShapedSnapshot();
  absl::StatusOr<AssessmentState> state = AssessmentState::Create(s, s.scheme());
  ASSERT_TRUE(state.ok()) << state.status();
  const uint32_t n = s.unit_count();
  std::vector<double> own(n), members(n);
  for (UnitIndex u = 0; u < n; ++u) {
    own[u] = state->assessment().units[u].own;
    members[u] = static_cast<double>(s.unit_members(u));
  }
  std::mt19937_64 random(99);
  for (int round = 0; round < 5; ++round) {
    for (int k = 0; k < 400; ++k) {
      const UnitIndex u = static_cast<UnitIndex>(random() % n);
      if (random() % 4 == 0) {
        members[u] = static_cast<double>(random() % 3000);
        ASSERT_TRUE(state->UpdateMembers(u, static_cast<int64_t>(members[u])).ok());
      } else {
        own[u] = static_cast<double>(random() % 10000) / 101;
        ASSERT_TRUE(state->UpdateOwn(u, own[u]).ok());
      }
    }
    std::vector<double> m, total;
    FullRollUp(s, own, members, &m, &total);
    EXPECT_EQ(FirstDifference(Totals(state->assessment()), total), -1) << round;
    EXPECT_EQ(FirstDifference(SubtreeMembers(state->assessment()), m), -1) << round;
  }
}

TEST(AssessmentState, UndoneUpdatesAndRegradeGiveAssessExactly) {
  const Snapshot& s = ShapedSnapshot();
  const absl::StatusOr<Assessment> expected = Assess(s);
  absl::StatusOr<AssessmentState> state = AssessmentState::Create(s, s.scheme());
  ASSERT_TRUE(expected.ok() && state.ok());
  std::mt19937_64 random(5);
  std::vector<UnitIndex> changed;
  for (int k = 0; k < 300; ++k) {
    changed.push_back(static_cast<UnitIndex>(random() % s.unit_count()));
    ASSERT_TRUE(state->UpdateOwn(changed.back(), 100).ok());
    ASSERT_TRUE(state->UpdateMembers(changed.back(), 1).ok());
  }
  state->Regrade();
  EXPECT_NE(AssessmentToJson(s, state->assessment()), AssessmentToJson(s, *expected));
  for (UnitIndex u : changed) {
    ASSERT_TRUE(state->UpdateOwn(u, expected->units[u].own).ok());
    ASSERT_TRUE(state->UpdateMembers(u, s.unit_members(u)).ok());
  }
  state->Regrade();
  EXPECT_EQ(AssessmentToJson(s, state->assessment()), AssessmentToJson(s, *expected));
}

TEST(AssessmentState, RegradeFollowsANewTotal) {
  const Snapshot& s = ShapedSnapshot();
  absl::StatusOr<AssessmentState> state = AssessmentState::Create(s, s.scheme());
  ASSERT_TRUE(state.ok());
  // A leaf unit with no incident: its total is its own score, its grade the threshold's.
  UnitIndex leaf = s.unit_count() - 1;
  while (!s.incidents_at(leaf).empty()) --leaf;
  ASSERT_TRUE(state->UpdateOwn(leaf, 0).ok());
  EXPECT_EQ(state->assessment().units[leaf].total, 0);
  state->Regrade();
  const int32_t last = static_cast<int32_t>(s.scheme().grades.size()) - 1;
  EXPECT_EQ(state->assessment().units[leaf].threshold_grade, last);
  EXPECT_EQ(state->assessment().units[leaf].grade, last);
}

TEST(AssessmentState, RejectsUnknownUnitsAndNegativeMembers) {
  const Snapshot& s = ShapedSnapshot();
  absl::StatusOr<AssessmentState> state = AssessmentState::Create(s, s.scheme());
  ASSERT_TRUE(state.ok());
  const absl::Status own = state->UpdateOwn(s.unit_count(), 50);
  EXPECT_EQ(own.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(own.message(), absl::StrCat("unit index ", s.unit_count(), " is out of range (",
                                        s.unit_count(), " units)"));
  const absl::Status members = state->UpdateMembers(2, -1);
  EXPECT_EQ(members.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(members.message(), "members of Unit 2 (u2) must be >= 0, not -1");
}

TEST(AssessmentState, FailsLikeAssessWithoutAssessment) {
  const Snapshot s = *Snapshot::Compile(*Model::Create(ModelData{}));
  const absl::StatusOr<AssessmentState> state = AssessmentState::Create(s, s.scheme());
  EXPECT_EQ(state.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(state.status().message(), "the model has no `assessment` section");
}

}  // namespace
}  // namespace zeren
