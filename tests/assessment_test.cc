// Integrated assessment (spec/model-format.md, "Scheme (assessment)" and "Outputs"): every
// component of a unit's score, deductions and bonuses with their caps, the own score, the
// roll-up over subordinates, grades with vetoes and quotas, ranks, people's scores, linkage
// flags, the readable reasons (Explain) and the JSON shape of AssessmentToJson — on small
// organizations built inline.
//
// Suites: Assessment (components, deductions, bonuses, flags, Explain, JSON), Rollup,
// Grades (thresholds, vetoes, quotas, ranks) and PersonScore.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "zeren/assessment.h"
#include "zeren/date.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/problem.h"
#include "zeren/result_json.h"
#include "zeren/scheme.h"
#include "zeren/snapshot.h"

namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using zeren::Assessment;
using zeren::Model;
using zeren::Snapshot;
using zeren::UnitAssessment;
using zeren::UnitIndex;

constexpr double kTol = 1e-9;

// ---- helpers ---------------------------------------------------------------------------

// A model document: `body` holds the members after "format" and "version".
std::string Doc(absl::string_view body) {
  return absl::StrCat(R"({"format": "zeren-model", "version": 1, )", body, "}");
}

std::optional<Snapshot> Compile(absl::string_view body) {
  zeren::ProblemList problems;
  absl::StatusOr<Model> model = zeren::ParseModelJson(Doc(body), &problems);
  if (!model.ok()) {
    std::string all;
    for (const zeren::Problem& p : problems.kept()) absl::StrAppend(&all, "\n  ", p.ToString());
    ADD_FAILURE() << "model rejected: " << model.status() << all;
    return std::nullopt;
  }
  absl::StatusOr<Snapshot> snapshot = Snapshot::Compile(*model);
  if (!snapshot.ok()) {
    ADD_FAILURE() << snapshot.status();
    return std::nullopt;
  }
  return *std::move(snapshot);
}

// A compiled model and its assessment.
struct Result {
  Snapshot s;
  Assessment a;

  UnitIndex Index(absl::string_view id) const {
    const std::optional<UnitIndex> u = s.FindUnit(id);
    EXPECT_TRUE(u.has_value()) << "no unit " << id;
    return u.value_or(0);
  }
  const UnitAssessment& U(absl::string_view id) const { return a.units[Index(id)]; }
  std::vector<zeren::SubordinateContribution> Subordinates(absl::string_view id) const {
    return zeren::SubordinatesOf(s, a, Index(id));
  }
  std::string Grade(absl::string_view id) const { return a.scheme.grades[U(id).grade].id; }
  std::string Threshold(absl::string_view id) const {
    return a.scheme.grades[U(id).threshold_grade].id;
  }
  std::optional<std::string> CutFrom(absl::string_view id) const {
    const UnitAssessment& ua = U(id);
    if (!ua.quota_cut_from) return std::nullopt;
    return a.scheme.grades[*ua.quota_cut_from].id;
  }
  std::vector<std::string> Flags(absl::string_view id) const {
    std::vector<std::string> out;
    for (int32_t f : U(id).flags) out.push_back(a.scheme.flags[f].id);
    return out;
  }
  std::vector<std::string> Order() const {
    std::vector<std::string> out;
    for (UnitIndex u : a.order) out.emplace_back(s.unit_id(u));
    return out;
  }
  std::vector<std::string> Why(absl::string_view id) const {
    return zeren::Explain(s, a, Index(id));
  }
  // "person=score" for each person scored, in the assessment's order.
  std::vector<std::string> PeopleIds() const {
    std::vector<std::string> out;
    for (const zeren::PersonScore& p : a.people) out.push_back(std::string(s.person_id(p.person)));
    return out;
  }
  std::optional<double> PersonScore(absl::string_view id) const {
    for (const zeren::PersonScore& p : a.people) {
      if (s.person_id(p.person) == id) return p.score;
    }
    return std::nullopt;
  }
};

std::optional<Result> Assessed(absl::string_view body) {
  std::optional<Snapshot> s = Compile(body);
  if (!s) return std::nullopt;
  absl::StatusOr<Assessment> a = zeren::Assess(*s);
  if (!a.ok()) {
    ADD_FAILURE() << a.status();
    return std::nullopt;
  }
  return Result{*std::move(s), *std::move(a)};
}

double Num(const json::value& v) { return v.to_number<double>(); }
std::string Str(const json::value& v) {
  const json::string& s = v.as_string();
  return std::string(s.data(), s.size());
}
std::set<std::string> Keys(const json::value& v) {
  std::set<std::string> out;
  for (const auto& member : v.as_object()) out.emplace(member.key().data(), member.key().size());
  return out;
}

// A scheme whose daily score is the points of one indicator (max 100) and whose own score is
// the daily score alone (weight 1, the others 0): own == daily == points, exactly.
constexpr char kPointsScheme[] = R"(
  "dimensions": [{"id": "d", "weight": 1, "indicators": [{"id": "d.x", "max": 100}]}],
  "components": {"daily": 1, "review": 0, "ballot": 0, "members": 0})";

constexpr char kPeriod[] = R"("period": {"from": "2025-01-01", "to": "2026-01-01"})";

// An assessment section with kPointsScheme plus `more_scheme` and the given lists.
std::string PointsAssessment(absl::string_view more_scheme, absl::string_view lists) {
  return absl::StrCat(R"("assessment": {)", kPeriod, R"(, "scheme": {)", kPointsScheme,
                      more_scheme, "}", lists, "}");
}

// ---- Assessment: components --------------------------------------------------------------

TEST(Assessment, DailyFromIndicatorsWithDimensionWeights) {
  const std::optional<Result> r = Assessed(R"(
    "units": [{"id": "u1", "name": "U1", "kind": "branch"},
              {"id": "u2", "name": "U2", "kind": "branch"},
              {"id": "u3", "name": "U3", "kind": "branch"}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "scheme": {"dimensions": [
        {"id": "c", "weight": 3, "indicators": [{"id": "c.a", "max": 60}, {"id": "c.b", "max": 40}]},
        {"id": "g", "weight": 1, "indicators": [{"id": "g.a", "max": 50}]}]},
      "points": [{"unit": "u1", "indicator": "c.a", "value": 30},
                 {"unit": "u1", "indicator": "c.b", "value": 40},
                 {"unit": "u1", "indicator": "g.a", "value": 25},
                 {"unit": "u3", "indicator": "g.a", "value": 50}]})");
  ASSERT_TRUE(r);
  // u1: (3 × 100 × 70/100 + 1 × 100 × 25/50) / 4 = (210 + 50) / 4.
  EXPECT_EQ(r->U("u1").indicators, 65.0);
  EXPECT_EQ(r->U("u1").daily, 65.0);
  // No points at all: 0.
  EXPECT_EQ(r->U("u2").indicators, 0.0);
  EXPECT_EQ(r->U("u2").daily, 0.0);
  // (3 × 0 + 1 × 100) / 4.
  EXPECT_EQ(r->U("u3").daily, 25.0);
  // No other component: own is the daily score (0.6 × d / 0.6).
  EXPECT_NEAR(r->U("u1").own, 65.0, kTol);
  EXPECT_FALSE(r->U("u1").review.has_value());
  EXPECT_FALSE(r->U("u1").ballot.has_value());
  EXPECT_FALSE(r->U("u1").members.has_value());
}

TEST(Assessment, DefaultSchemeDaily) {
  // The default: integrity (0.3; meetings 40 + education 60) and grassroots (0.7; on-time
  // rate × 100). Without tasks the rate is 1.
  const std::optional<Result> r = Assessed(R"(
    "units": [{"id": "a", "name": "A", "kind": "branch"},
              {"id": "b", "name": "B", "kind": "branch"}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"}, "scheme": "default",
      "points": [{"unit": "b", "indicator": "integrity.meetings", "value": 20},
                 {"unit": "b", "indicator": "integrity.education", "value": 30}]})");
  ASSERT_TRUE(r);
  // (0.3 × 0 + 0.7 × 100) / 1.
  EXPECT_NEAR(r->U("a").daily, 70.0, kTol);
  // (0.3 × 100 × 50/100 + 0.7 × 100) / 1.
  EXPECT_NEAR(r->U("b").daily, 85.0, kTol);
}

TEST(Assessment, IndicatorPointsAddUpThenClampToZeroAndMax) {
  const std::optional<Result> r = Assessed(R"(
    "units": [{"id": "over", "name": "Over", "kind": "branch"},
              {"id": "sum", "name": "Sum", "kind": "branch"},
              {"id": "neg", "name": "Neg", "kind": "branch"}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "scheme": {"dimensions": [{"id": "d", "weight": 1,
                   "indicators": [{"id": "d.x", "max": 50}, {"id": "d.y", "max": 50}]}]},
      "points": [{"unit": "over", "indicator": "d.x", "value": 30},
                 {"unit": "over", "indicator": "d.x", "value": 40},
                 {"unit": "over", "indicator": "d.y", "value": -10},
                 {"unit": "sum", "indicator": "d.x", "value": 20},
                 {"unit": "sum", "indicator": "d.x", "value": 15},
                 {"unit": "sum", "indicator": "d.y", "value": 10},
                 {"unit": "neg", "indicator": "d.x", "value": -5},
                 {"unit": "neg", "indicator": "d.x", "value": 25}]})");
  ASSERT_TRUE(r);
  // d.x: 30 + 40 = 70, clamped to 50; d.y: -10 clamped to 0.
  EXPECT_EQ(r->U("over").daily, 50.0);
  // d.x: 20 + 15 = 35; d.y: 10.
  EXPECT_EQ(r->U("sum").daily, 45.0);
  // The entries add up before the clamp: -5 + 25 = 20 (not 0 + 25).
  EXPECT_EQ(r->U("neg").daily, 20.0);
}

TEST(Assessment, DailyClampedToZeroAndHundred) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "hi", "name": "Hi", "kind": "branch"},
              {"id": "lo", "name": "Lo", "kind": "branch"}],
    "incidents": [{"id": "i1", "unit": "lo", "date": "2025-03-01", "severity": "grave"}],
    )", PointsAssessment("", R"(,
      "points": [{"unit": "hi", "indicator": "d.x", "value": 100},
                 {"unit": "lo", "indicator": "d.x", "value": 5}],
      "bonuses": [{"unit": "hi", "points": 4}])")));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->U("hi").indicators, 100.0);
  EXPECT_EQ(r->U("hi").bonus, 4.0);
  EXPECT_FALSE(r->U("hi").bonus_capped);
  EXPECT_EQ(r->U("hi").daily, 100.0);  // 104 clamped
  EXPECT_EQ(r->U("lo").indicators, 5.0);
  EXPECT_EQ(r->U("lo").deducted, 10.0);
  EXPECT_EQ(r->U("lo").daily, 0.0);  // -5 clamped
  EXPECT_EQ(r->U("lo").own, 0.0);
}

TEST(Assessment, LedgerRateIndicator) {
  const std::optional<Result> r = Assessed(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "b1", "name": "B1", "kind": "branch", "parents": ["org"]},
              {"id": "b2", "name": "B2", "kind": "branch", "parents": ["org"]}],
    "directives": [{"id": "dv", "title": "T", "issued_by": "org", "date": "2025-01-05",
      "tasks": [
        {"id": "t1", "unit": "b1", "due": "2025-03-01", "status": "done", "completed": "2025-02-20"},
        {"id": "t2", "unit": "b1", "due": "2025-03-01", "status": "verified", "completed": "2025-03-01"},
        {"id": "t3", "unit": "b1", "due": "2025-03-01", "status": "done", "completed": "2025-03-05"},
        {"id": "t4", "unit": "b1", "due": "2025-04-01", "status": "open"},
        {"id": "t5", "unit": "b1", "due": "2025-04-01", "status": "cancelled"},
        {"id": "t6", "unit": "b1", "due": "2026-01-01", "status": "open"}]}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "scheme": {"dimensions": [{"id": "d", "weight": 1, "indicators": [
        {"id": "d.pts", "max": 60}, {"id": "d.rate", "max": 40, "from": "ledger.on_time_rate"}]}]},
      "points": [{"unit": "b1", "indicator": "d.pts", "value": 30},
                 {"unit": "b2", "indicator": "d.pts", "value": 30}]})");
  ASSERT_TRUE(r);
  // b1: tasks due in the period, cancelled left out: t1..t4; on time: t1, t2 → rate 0.5
  // (t6 is due on the period's `to`, outside it). 30 + 40 × 0.5 = 50 of 100.
  EXPECT_EQ(r->U("b1").daily, 50.0);
  // b2 has no task: rate 1. 30 + 40 = 70.
  EXPECT_EQ(r->U("b2").daily, 70.0);
  // org: no points, no task: 0 + 40.
  EXPECT_EQ(r->U("org").daily, 40.0);
}

TEST(Assessment, ReviewBallotAndMembersComponents) {
  const std::optional<Result> r = Assessed(R"(
    "units": [{"id": "a", "name": "A", "kind": "branch"},
              {"id": "b", "name": "B", "kind": "branch"},
              {"id": "c", "name": "C", "kind": "branch"}],
    "people": [{"id": "s", "name": "S"}, {"id": "w", "name": "W"}, {"id": "x", "name": "X"},
               {"id": "y", "name": "Y"}, {"id": "z", "name": "Z"}, {"id": "q", "name": "Q"}],
    "posts": [
      {"person": "s", "unit": "a", "role": "secretary", "from": "2020-01-01"},
      {"person": "w", "unit": "a", "role": "staff", "from": "2020-01-01"},
      {"person": "x", "unit": "a", "role": "staff", "from": "2020-01-01"},
      {"person": "y", "unit": "a", "role": "staff", "from": "2020-01-01", "to": "2025-01-01"},
      {"person": "z", "unit": "a", "role": "deputy", "from": "2025-01-01", "to": "2025-06-01"},
      {"person": "z", "unit": "a", "role": "member", "from": "2025-06-01"},
      {"person": "q", "unit": "a", "role": "staff", "from": "2026-01-01"},
      {"person": "s", "unit": "b", "role": "staff", "from": "2025-02-01"},
      {"person": "x", "unit": "c", "role": "secretary", "from": "2020-01-01"}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "scheme": {"dimensions": [{"id": "d", "weight": 1, "indicators": [{"id": "d.x", "max": 100}]}]},
      "points": [{"unit": "a", "indicator": "d.x", "value": 80},
                 {"unit": "b", "indicator": "d.x", "value": 60},
                 {"unit": "c", "indicator": "d.x", "value": 40}],
      "reviews": [{"unit": "a", "score": 88}, {"unit": "a", "score": 91}],
      "ballots": [{"subject": {"unit": "a", "role": "secretary"}, "good": 3, "fairly_good": 1},
                  {"subject": {"unit": "a"}, "average": 2, "poor": 2},
                  {"subject": {"unit": "b", "role": "head"}, "good": 1, "poor": 1}],
      "appraisals": [{"person": "s", "score": 90}, {"person": "s", "score": 80},
                     {"person": "w", "score": 70}, {"person": "y", "score": 10},
                     {"person": "z", "score": 60}, {"person": "q", "score": 0}]})");
  ASSERT_TRUE(r);
  const UnitAssessment& a = r->U("a");
  EXPECT_EQ(a.daily, 80.0);
  // Mean of 88 and 91.
  ASSERT_TRUE(a.review.has_value());
  EXPECT_EQ(*a.review, 89.5);
  // Both ballots name a (with and without a role): (3×100 + 1×80 + 2×60 + 2×0) / 8.
  ASSERT_TRUE(a.ballot.has_value());
  EXPECT_EQ(*a.ballot, 62.5);
  // s (90, 80), w (70), z once for two posts (60); x has no entry, y's post ended before the
  // period, q's starts after it: (90 + 80 + 70 + 60) / 4.
  ASSERT_TRUE(a.members.has_value());
  EXPECT_EQ(*a.members, 75.0);
  // (0.6 × 80 + 0.2 × 89.5 + 0.1 × 62.5 + 0.1 × 75) / 1.
  EXPECT_NEAR(a.own, 79.65, kTol);

  const UnitAssessment& b = r->U("b");
  EXPECT_FALSE(b.review.has_value());
  ASSERT_TRUE(b.ballot.has_value());
  EXPECT_EQ(*b.ballot, 50.0);  // (100 + 0) / 2
  ASSERT_TRUE(b.members.has_value());
  EXPECT_EQ(*b.members, 85.0);  // s's entries, flat: (90 + 80) / 2
  // Only the components present: (0.6 × 60 + 0.1 × 50 + 0.1 × 85) / 0.8.
  EXPECT_NEAR(b.own, 61.875, kTol);

  // c: x has no appraisal: no members component, and no other data.
  const UnitAssessment& c = r->U("c");
  EXPECT_FALSE(c.review.has_value());
  EXPECT_FALSE(c.ballot.has_value());
  EXPECT_FALSE(c.members.has_value());
  EXPECT_NEAR(c.own, 40.0, kTol);

  EXPECT_THAT(r->Why("a"),
              ElementsAre("daily 80.00 = indicators 80.00",
                          "own 79.65 from daily 80.00, on-site review 89.50, ballots 62.50, "
                          "member appraisals 75.00",
                          "total 79.65 reaches average (min 60.00)", "flag: talk_required"));
}

TEST(Assessment, OwnIsDailyAloneWhenThePresentWeightsAreZero) {
  constexpr char kBody[] = R"(
    "units": [{"id": "a", "name": "A", "kind": "branch"},
              {"id": "b", "name": "B", "kind": "branch"}],
    "people": [{"id": "p", "name": "P"}],
    "posts": [{"person": "p", "unit": "b", "role": "secretary", "from": "2020-01-01"}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "scheme": {"dimensions": [{"id": "d", "weight": 1, "indicators": [{"id": "d.x", "max": 100}]}],
                 "components": %s},
      "points": [{"unit": "a", "indicator": "d.x", "value": 80},
                 {"unit": "b", "indicator": "d.x", "value": 30}],
      "reviews": [{"unit": "a", "score": 50}],
      "ballots": [{"subject": {"unit": "a"}, "poor": 3}],
      "appraisals": [{"person": "p", "score": 66}]})";
  auto with = [&](absl::string_view components) {
    std::string body = kBody;
    body.replace(body.find("%s"), 2, std::string(components));
    return body;
  };
  {
    SCOPED_TRACE("only daily weighs");
    const std::optional<Result> r =
        Assessed(with(R"({"daily": 0.6, "review": 0, "ballot": 0, "members": 0})"));
    ASSERT_TRUE(r);
    EXPECT_EQ(*r->U("a").review, 50.0);
    EXPECT_EQ(*r->U("a").ballot, 0.0);
    EXPECT_NEAR(r->U("a").own, 80.0, kTol);
    EXPECT_NEAR(r->U("b").own, 30.0, kTol);
  }
  {
    SCOPED_TRACE("only members weighs");
    const std::optional<Result> r =
        Assessed(with(R"({"daily": 0, "review": 0, "ballot": 0, "members": 1})"));
    ASSERT_TRUE(r);
    // a has review and ballot, weighing 0 like daily: the present weights sum to 0.
    EXPECT_EQ(r->U("a").own, 80.0);
    // b has members: 1 × 66 / 1.
    EXPECT_EQ(r->U("b").own, 66.0);
  }
}

// ---- Assessment: deductions and bonuses -------------------------------------------------

TEST(Assessment, DeductionFactorsOverDistinctKindsWhateverPerson) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "u", "name": "U", "kind": "branch"}],
    "people": [{"id": "p1", "name": "P1"}, {"id": "p2", "name": "P2"}],
    "incidents": [
      {"id": "i1", "unit": "u", "date": "2025-03-01", "severity": "serious",
       "circumstances": [{"kind": "concealment", "person": "p1"},
                         {"kind": "concealment", "person": "p2"}, {"kind": "repeat"}]},
      {"id": "i2", "unit": "u", "date": "2025-04-01", "severity": "minor",
       "circumstances": [{"kind": "self_report", "person": "p1"}, {"kind": "concealment"}]},
      {"id": "i3", "unit": "u", "date": "2024-12-31", "severity": "grave"}],
    )", PointsAssessment("", R"(,
      "points": [{"unit": "u", "indicator": "d.x", "value": 100}])")));
  ASSERT_TRUE(r);
  const UnitAssessment& u = r->U("u");
  // i3 is dated before the period: not listed.
  ASSERT_EQ(u.deductions.size(), 2u);
  // serious 5 × concealment 2 (once, though twice) × repeat (no factor: 1).
  EXPECT_EQ(r->s.incident_id(u.deductions[0].incident), "i1");
  EXPECT_EQ(u.deductions[0].base, 5.0);
  EXPECT_EQ(u.deductions[0].factor, 2.0);
  EXPECT_EQ(u.deductions[0].points, 10.0);
  EXPECT_TRUE(u.deductions[0].counted);
  // minor 2 × self_report 0.5 × concealment 2.
  EXPECT_EQ(r->s.incident_id(u.deductions[1].incident), "i2");
  EXPECT_EQ(u.deductions[1].base, 2.0);
  EXPECT_EQ(u.deductions[1].factor, 1.0);
  EXPECT_EQ(u.deductions[1].points, 2.0);
  EXPECT_TRUE(u.deductions[1].counted);
  EXPECT_EQ(u.deducted, 12.0);
  EXPECT_FALSE(u.deduction_capped);
  EXPECT_EQ(u.daily, 88.0);
}

TEST(Assessment, FactorGivenByAPartialSchemeMultipliesWithTheDefaultOnes) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "u", "name": "U", "kind": "branch"}],
    "incidents": [{"id": "i1", "unit": "u", "date": "2025-03-01", "severity": "serious",
                   "circumstances": [{"kind": "concealment"}, {"kind": "repeat"}]}],
    )", PointsAssessment(R"(, "deductions": {"factors": {"repeat": 1.5}})", R"(,
      "points": [{"unit": "u", "indicator": "d.x", "value": 100}])")));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->U("u").deductions.size(), 1u);
  EXPECT_EQ(r->U("u").deductions[0].factor, 3.0);  // 2 × 1.5
  EXPECT_EQ(r->U("u").deducted, 15.0);
  EXPECT_EQ(r->U("u").daily, 85.0);
}

TEST(Assessment, CaseDeductsOncePerUnitTheLargest) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "u", "name": "U", "kind": "branch"},
              {"id": "v", "name": "V", "kind": "branch"},
              {"id": "w", "name": "W", "kind": "branch"}],
    "incidents": [
      {"id": "c1a", "unit": "u", "date": "2025-02-01", "severity": "serious", "case": "c7"},
      {"id": "c1b", "unit": "u", "date": "2025-03-01", "severity": "grave", "case": "c7"},
      {"id": "c1c", "unit": "u", "date": "2025-04-01", "severity": "minor", "case": "c7"},
      {"id": "i4", "unit": "u", "date": "2025-05-01", "severity": "minor"},
      {"id": "c1d", "unit": "v", "date": "2025-02-01", "severity": "serious", "case": "c7"},
      {"id": "w1", "unit": "w", "date": "2025-02-01", "severity": "serious", "case": "c9"},
      {"id": "w2", "unit": "w", "date": "2025-03-01", "severity": "serious", "case": "c9"}],
    )", PointsAssessment("", R"(,
      "points": [{"unit": "u", "indicator": "d.x", "value": 100},
                 {"unit": "v", "indicator": "d.x", "value": 100},
                 {"unit": "w", "indicator": "d.x", "value": 100}])")));
  ASSERT_TRUE(r);
  const UnitAssessment& u = r->U("u");
  ASSERT_EQ(u.deductions.size(), 4u);
  std::vector<bool> counted;
  for (const zeren::Deduction& d : u.deductions) counted.push_back(d.counted);
  EXPECT_THAT(counted, ElementsAre(false, true, false, true));
  // Case c7: the grave 10 only; plus the minor 2 without a case.
  EXPECT_EQ(u.deducted, 12.0);
  EXPECT_EQ(u.daily, 88.0);
  // The same case at another unit deducts there too (once per unit).
  EXPECT_EQ(r->U("v").deducted, 5.0);
  EXPECT_EQ(r->U("v").daily, 95.0);
  // Equal deductions of one case: one counts.
  ASSERT_EQ(r->U("w").deductions.size(), 2u);
  EXPECT_NE(r->U("w").deductions[0].counted, r->U("w").deductions[1].counted);
  EXPECT_EQ(r->U("w").deducted, 5.0);
}

TEST(Assessment, DeductionCap) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "u", "name": "U", "kind": "branch"},
              {"id": "v", "name": "V", "kind": "branch"}],
    "incidents": [
      {"id": "u1", "unit": "u", "date": "2025-02-01", "severity": "grave"},
      {"id": "u2", "unit": "u", "date": "2025-03-01", "severity": "grave"},
      {"id": "u3", "unit": "u", "date": "2025-04-01", "severity": "grave"},
      {"id": "u4", "unit": "u", "date": "2025-05-01", "severity": "grave"},
      {"id": "v1", "unit": "v", "date": "2025-02-01", "severity": "grave"},
      {"id": "v2", "unit": "v", "date": "2025-03-01", "severity": "grave"},
      {"id": "v3", "unit": "v", "date": "2025-04-01", "severity": "grave"}],
    )", PointsAssessment("", R"(,
      "points": [{"unit": "u", "indicator": "d.x", "value": 100},
                 {"unit": "v", "indicator": "d.x", "value": 100}])")));
  ASSERT_TRUE(r);
  // 4 × 10 = 40, capped at the default 30.
  EXPECT_EQ(r->U("u").deducted, 30.0);
  EXPECT_TRUE(r->U("u").deduction_capped);
  EXPECT_EQ(r->U("u").daily, 70.0);
  // 3 × 10 = 30: at the cap, not over it.
  EXPECT_EQ(r->U("v").deducted, 30.0);
  EXPECT_FALSE(r->U("v").deduction_capped);
  EXPECT_EQ(r->U("v").daily, 70.0);
}

TEST(Assessment, BonusCap) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "u", "name": "U", "kind": "branch"},
              {"id": "v", "name": "V", "kind": "branch"},
              {"id": "w", "name": "W", "kind": "branch"}],
    )", PointsAssessment("", R"(,
      "points": [{"unit": "u", "indicator": "d.x", "value": 80},
                 {"unit": "v", "indicator": "d.x", "value": 80},
                 {"unit": "w", "indicator": "d.x", "value": 80}],
      "bonuses": [{"unit": "u", "points": 3, "reason": "r1"}, {"unit": "u", "points": 4},
                  {"unit": "v", "points": 2}, {"unit": "w", "points": 5}])")));
  ASSERT_TRUE(r);
  // 3 + 4 = 7, capped at the default 5.
  EXPECT_EQ(r->U("u").bonus, 5.0);
  EXPECT_TRUE(r->U("u").bonus_capped);
  EXPECT_EQ(r->U("u").daily, 85.0);
  EXPECT_EQ(r->U("v").bonus, 2.0);
  EXPECT_FALSE(r->U("v").bonus_capped);
  EXPECT_EQ(r->U("v").daily, 82.0);
  EXPECT_EQ(r->U("w").bonus, 5.0);
  EXPECT_FALSE(r->U("w").bonus_capped);
  EXPECT_EQ(r->U("w").daily, 85.0);
}

// ---- Assessment: preconditions, flags, reasons, JSON ------------------------------------

TEST(Assessment, FailedPreconditionWithoutAssessment) {
  const std::optional<Snapshot> s = Compile(R"(
    "units": [{"id": "u", "name": "U", "kind": "branch"}])");
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->has_assessment());
  const absl::StatusOr<Assessment> a = zeren::Assess(*s);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(a.status().message(), "the model has no `assessment` section");
  const absl::StatusOr<Assessment> b = zeren::Assess(*s, zeren::DefaultScheme());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(Assessment, PeriodAndUnits) {
  const std::optional<Result> r = Assessed(R"(
    "units": [{"id": "u", "name": "U", "kind": "branch"}],
    "assessment": {"period": {"from": "2025-04-01", "to": "2025-07-01"}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(zeren::FormatDate(r->a.period.from), "2025-04-01");
  EXPECT_EQ(zeren::FormatDate(r->a.period.to), "2025-07-01");
  ASSERT_EQ(r->a.units.size(), 1u);
  EXPECT_EQ(r->a.units[0].unit, 0u);
  EXPECT_THAT(r->Order(), ElementsAre("u"));
  EXPECT_THAT(r->a.people, IsEmpty());
}

// The default scheme's flags: talk_required (average, poor), no_excellent (held to account
// as a unit by an incident of the period, form other than none), eligible_for_honours (good
// and not held to account). Every unit is a root; peer groups of 4 or 5 keep one good.
TEST(Assessment, DefaultFlags) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "b1", "name": "B1", "kind": "branch"},
              {"id": "b2", "name": "B2", "kind": "branch"},
              {"id": "b3", "name": "B3", "kind": "branch"},
              {"id": "b4", "name": "B4", "kind": "branch"},
              {"id": "b5", "name": "B5", "kind": "branch"},
              {"id": "d1", "name": "D1", "kind": "department"},
              {"id": "d2", "name": "D2", "kind": "department"},
              {"id": "d3", "name": "D3", "kind": "department"},
              {"id": "d4", "name": "D4", "kind": "department"},
              {"id": "o1", "name": "O1", "kind": "office"},
              {"id": "o2", "name": "O2", "kind": "office"},
              {"id": "o3", "name": "O3", "kind": "office"},
              {"id": "o4", "name": "O4", "kind": "office"}],
    "incidents": [
      {"id": "k2", "unit": "b2", "date": "2024-06-01", "severity": "serious"},
      {"id": "k4", "unit": "b4", "date": "2025-03-01", "severity": "serious"},
      {"id": "k5", "unit": "b5", "date": "2025-03-01", "severity": "grave"},
      {"id": "kd", "unit": "d1", "date": "2025-03-01", "severity": "minor"},
      {"id": "ko", "unit": "o1", "date": "2025-03-01", "severity": "minor",
       "circumstances": [{"kind": "objection_on_record"}]}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "scheme": {)", kPointsScheme, R"(},
      "points": [{"unit": "b1", "indicator": "d.x", "value": 100},
                 {"unit": "b2", "indicator": "d.x", "value": 70},
                 {"unit": "b3", "indicator": "d.x", "value": 30},
                 {"unit": "b4", "indicator": "d.x", "value": 90},
                 {"unit": "b5", "indicator": "d.x", "value": 60},
                 {"unit": "d1", "indicator": "d.x", "value": 100},
                 {"unit": "d2", "indicator": "d.x", "value": 50},
                 {"unit": "d3", "indicator": "d.x", "value": 50},
                 {"unit": "d4", "indicator": "d.x", "value": 50},
                 {"unit": "o1", "indicator": "d.x", "value": 100},
                 {"unit": "o2", "indicator": "d.x", "value": 85},
                 {"unit": "o3", "indicator": "d.x", "value": 85},
                 {"unit": "o4", "indicator": "d.x", "value": 85}]})"));
  ASSERT_TRUE(r);
  // b1: good, no incident.
  EXPECT_EQ(r->Grade("b1"), "good");
  EXPECT_THAT(r->Flags("b1"), ElementsAre("eligible_for_honours"));
  // b2: average; its incident is before the period: not held to account, no deduction.
  EXPECT_EQ(r->U("b2").total, 70.0);
  EXPECT_EQ(r->Grade("b2"), "average");
  EXPECT_THAT(r->Flags("b2"), ElementsAre("talk_required"));
  EXPECT_EQ(r->Grade("b3"), "poor");
  EXPECT_THAT(r->Flags("b3"), ElementsAre("talk_required"));
  // b4: 90 − 5 = 85, fairly_good; held to account (circulated_notice).
  EXPECT_EQ(r->U("b4").total, 85.0);
  EXPECT_EQ(r->Grade("b4"), "fairly_good");
  EXPECT_THAT(r->Flags("b4"), ElementsAre("no_excellent"));
  // b5: 60 − 10 = 50, poor (and vetoed); held to account.
  EXPECT_EQ(r->Grade("b5"), "poor");
  EXPECT_THAT(r->Flags("b5"), ElementsAre("talk_required", "no_excellent"));
  // d1: 100 − 2 = 98, good, but held to account (self_examination): not eligible.
  EXPECT_EQ(r->U("d1").total, 98.0);
  EXPECT_EQ(r->Grade("d1"), "good");
  EXPECT_THAT(r->Flags("d1"), ElementsAre("no_excellent"));
  EXPECT_THAT(r->Flags("d2"), ElementsAre("talk_required"));
  // o1: 98, good; the objection on record exempts every party (form none): eligible.
  EXPECT_EQ(r->U("o1").total, 98.0);
  EXPECT_EQ(r->Grade("o1"), "good");
  EXPECT_THAT(r->Flags("o1"), ElementsAre("eligible_for_honours"));
  EXPECT_EQ(r->Grade("o2"), "fairly_good");
  EXPECT_THAT(r->Flags("o2"), IsEmpty());
}

// A unit holding the incident's duty ({unit} holder) is held to account as an organization
// too, though the incident happened elsewhere.
TEST(Assessment, HeldToAccountThroughADuty) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "a", "name": "A", "kind": "branch"},
              {"id": "b", "name": "B", "kind": "branch"},
              {"id": "c", "name": "C", "kind": "branch"}],
    "duties": [{"id": "du", "holder": {"unit": "b"}, "category": "principal", "text": "T"}],
    "incidents": [{"id": "i1", "unit": "a", "date": "2025-03-01", "severity": "minor", "duty": "du"}],
    )", PointsAssessment("", R"(,
      "points": [{"unit": "a", "indicator": "d.x", "value": 85},
                 {"unit": "b", "indicator": "d.x", "value": 85},
                 {"unit": "c", "indicator": "d.x", "value": 85}])")));
  ASSERT_TRUE(r);
  EXPECT_THAT(r->Flags("a"), ElementsAre("no_excellent"));
  EXPECT_THAT(r->Flags("b"), ElementsAre("no_excellent"));
  EXPECT_THAT(r->Flags("c"), IsEmpty());
  // Only the incident's own unit loses points.
  EXPECT_EQ(r->U("a").daily, 83.0);
  EXPECT_EQ(r->U("b").daily, 85.0);
}

TEST(Assessment, WithAGivenScheme) {
  const std::optional<Snapshot> s = Compile(absl::StrCat(R"(
    "units": [{"id": "u", "name": "U", "kind": "branch"}],
    )", PointsAssessment(R"(, "bonus_cap": 1)", R"(,
      "points": [{"unit": "u", "indicator": "d.x", "value": 80}],
      "bonuses": [{"unit": "u", "points": 3}])")));
  ASSERT_TRUE(s);
  const absl::StatusOr<Assessment> own = zeren::Assess(*s);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->units[0].daily, 81.0);
  EXPECT_EQ(own->scheme.bonus_cap, 1.0);
  // The default scheme has no indicator d.x: its points are ignored; grassroots' on-time
  // rate is 1 without tasks: (0.3 × 0 + 0.7 × 100) / 1 + bonus 3 (cap 5).
  const absl::StatusOr<Assessment> other = zeren::Assess(*s, zeren::DefaultScheme());
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->scheme.bonus_cap, 5.0);
  EXPECT_NEAR(other->units[0].daily, 73.0, kTol);
}

TEST(Assessment, CustomFlagIncidentAtLeast) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "a", "name": "A", "kind": "branch"},
              {"id": "b", "name": "B", "kind": "branch"},
              {"id": "c", "name": "C", "kind": "branch"}],
    "incidents": [{"id": "i1", "unit": "a", "date": "2025-03-01", "severity": "serious"},
                  {"id": "i2", "unit": "b", "date": "2025-03-01", "severity": "minor"},
                  {"id": "i3", "unit": "c", "date": "2024-03-01", "severity": "grave"}],
    )", PointsAssessment(R"(,
      "flags": [{"id": "review_case", "incident_at_least": "serious"},
                {"id": "top_clean", "grades": ["good", "fairly_good"], "held_accountable": false}])",
                         R"(,
      "points": [{"unit": "a", "indicator": "d.x", "value": 95},
                 {"unit": "b", "indicator": "d.x", "value": 50},
                 {"unit": "c", "indicator": "d.x", "value": 95}])")));
  ASSERT_TRUE(r);
  EXPECT_THAT(r->Flags("a"), ElementsAre("review_case"));
  EXPECT_THAT(r->Flags("b"), IsEmpty());
  // c's grave incident is outside the period; c (95) keeps good (quota 0.3 of 3 keeps none:
  // it moves to fairly_good) and is not held to account.
  EXPECT_EQ(r->Grade("c"), "fairly_good");
  EXPECT_THAT(r->Flags("c"), ElementsAre("top_clean"));
}

// A unit with a capped deduction, a capped bonus, a case counted once, a veto and a quota
// cut, and a peer that keeps the grade.
constexpr char kExplainModel[] = R"(
    "units": [{"id": "x", "name": "Branch X", "kind": "branch"},
              {"id": "y", "name": "Branch Y", "kind": "branch"}],
    "people": [{"id": "px", "name": "PX"}, {"id": "nobody", "name": "Nobody"}],
    "posts": [{"person": "px", "unit": "x", "role": "secretary", "from": "2024-01-01"}],
    "incidents": [
      {"id": "s1", "unit": "x", "date": "2025-02-01", "severity": "serious",
       "circumstances": [{"kind": "concealment"}]},
      {"id": "s2", "unit": "x", "date": "2025-03-01", "severity": "serious", "case": "c1"},
      {"id": "s3", "unit": "x", "date": "2025-04-01", "severity": "minor", "case": "c1"},
      {"id": "y1", "unit": "y", "date": "2025-05-01", "severity": "serious"}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "scheme": {
        "dimensions": [{"id": "d", "weight": 1, "indicators": [{"id": "d.x", "max": 100}]}],
        "components": {"daily": 1, "review": 0, "ballot": 0, "members": 0},
        "deductions": {"cap": 12},
        "vetoes": [{"severity": "serious", "max_grade": "fairly_good"}],
        "grades": [{"id": "good", "min": 90}, {"id": "fairly_good", "min": 80, "quota": 0.5},
                   {"id": "average", "min": 60}, {"id": "poor", "min": 0}]},
      "points": [{"unit": "x", "indicator": "d.x", "value": 100},
                 {"unit": "y", "indicator": "d.x", "value": 100}],
      "bonuses": [{"unit": "x", "points": 3}, {"unit": "x", "points": 4}]})";

TEST(Assessment, ExplainDeductionCapVetoAndQuotaCut) {
  const std::optional<Result> r = Assessed(kExplainModel);
  ASSERT_TRUE(r);
  // x: 100 − min(10 + 5, 12) + min(7, 5) = 93; good by threshold, vetoed to fairly_good,
  // where y (95) keeps the one place: x moves to average.
  EXPECT_EQ(r->U("x").total, 93.0);
  EXPECT_EQ(r->Threshold("x"), "good");
  EXPECT_EQ(r->Grade("x"), "average");
  EXPECT_EQ(r->CutFrom("x"), "fairly_good");
  EXPECT_EQ(r->U("x").rank, 2u);
  EXPECT_THAT(
      r->Why("x"),
      ElementsAre(
          "daily 93.00 = indicators 100.00 − deductions 12.00 (capped at 12.00) + bonus 5.00 "
          "(capped at 5.00)",
          "incident s1 (serious) deducts 5.00 × 2.00 = 10.00",
          "incident s2 (serious) deducts 5.00",
          "incident s3 (minor) deducts 2.00, not counted: case c1 deducts once, the largest",
          "own 93.00 from daily 93.00", "total 93.00 reaches good (min 90.00)",
          "veto: incident s1 (serious) caps the grade at fairly_good",
          "quota: only 50.00% of the branch peer group may keep fairly_good; rank 2 moves to "
          "average"));
  EXPECT_EQ(r->Grade("y"), "fairly_good");
  EXPECT_FALSE(r->CutFrom("y").has_value());
  EXPECT_THAT(r->Why("y"),
              ElementsAre("daily 95.00 = indicators 100.00 − deductions 5.00",
                          "incident y1 (serious) deducts 5.00", "own 95.00 from daily 95.00",
                          "total 95.00 reaches good (min 90.00)",
                          "veto: incident y1 (serious) caps the grade at fairly_good"));
}

TEST(Assessment, ToJson) {
  const std::optional<Result> r = Assessed(kExplainModel);
  ASSERT_TRUE(r);
  const json::value doc = json::parse(zeren::AssessmentToJson(r->s, r->a));
  EXPECT_EQ(Keys(doc), (std::set<std::string>{"period", "units", "people"}));
  EXPECT_EQ(Str(doc.at("period").at("from")), "2025-01-01");
  EXPECT_EQ(Str(doc.at("period").at("to")), "2026-01-01");
  const json::array& units = doc.at("units").as_array();
  ASSERT_EQ(units.size(), 2u);
  // By peer group, then rank.
  EXPECT_EQ(Str(units[0].at("unit")), "y");
  EXPECT_EQ(Str(units[1].at("unit")), "x");
  EXPECT_EQ(Keys(units[0]),
            (std::set<std::string>{"unit", "peer_group", "own", "total", "grade", "rank",
                                   "components", "deductions", "vetoes", "flags",
                                   "subordinates", "why"}));
  const json::value& x = units[1];
  EXPECT_EQ(Keys(x), (std::set<std::string>{"unit", "peer_group", "own", "total", "grade",
                                            "rank", "components", "deductions", "vetoes",
                                            "flags", "subordinates", "quota_cut_from", "why"}));
  EXPECT_EQ(Str(x.at("peer_group")), "branch");
  EXPECT_EQ(Num(x.at("own")), 93.0);
  EXPECT_EQ(Num(x.at("total")), 93.0);
  EXPECT_EQ(Str(x.at("grade")), "average");
  EXPECT_EQ(Num(x.at("rank")), 2.0);
  EXPECT_EQ(Str(x.at("quota_cut_from")), "fairly_good");
  EXPECT_EQ(Keys(x.at("components")), (std::set<std::string>{"daily"}));
  EXPECT_EQ(Num(x.at("components").at("daily")), 93.0);
  const json::array& deductions = x.at("deductions").as_array();
  ASSERT_EQ(deductions.size(), 3u);
  EXPECT_EQ(Str(deductions[0].at("incident")), "s1");
  EXPECT_EQ(Num(deductions[0].at("points")), 10.0);
  EXPECT_EQ(Str(deductions[1].at("incident")), "s2");
  EXPECT_EQ(Num(deductions[1].at("points")), 5.0);
  EXPECT_EQ(Str(deductions[2].at("incident")), "s3");
  EXPECT_EQ(Num(deductions[2].at("points")), 2.0);
  const json::array& vetoes = x.at("vetoes").as_array();
  ASSERT_EQ(vetoes.size(), 1u);
  EXPECT_EQ(Str(vetoes[0].at("incident")), "s1");
  EXPECT_EQ(Str(vetoes[0].at("max_grade")), "fairly_good");
  EXPECT_TRUE(x.at("flags").as_array().empty());
  EXPECT_TRUE(x.at("subordinates").as_array().empty());
  const std::vector<std::string> why = r->Why("x");
  const json::array& why_json = x.at("why").as_array();
  ASSERT_EQ(why_json.size(), why.size());
  for (size_t k = 0; k < why.size(); ++k) EXPECT_EQ(Str(why_json[k]), why[k]);
  // People holding a post in the period: px, secretary of x.
  const json::array& people = doc.at("people").as_array();
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(Keys(people[0]), (std::set<std::string>{"person", "score"}));
  EXPECT_EQ(Str(people[0].at("person")), "px");
  EXPECT_EQ(Num(people[0].at("score")), 93.0);
}

TEST(Assessment, ToJsonOnlyOneUnit) {
  const std::optional<Result> r = Assessed(kExplainModel);
  ASSERT_TRUE(r);
  const json::value doc = json::parse(zeren::AssessmentToJson(r->s, r->a, r->Index("x")));
  const json::array& units = doc.at("units").as_array();
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(Str(units[0].at("unit")), "x");
  EXPECT_EQ(Str(units[0].at("grade")), "average");
  // No people.
  EXPECT_TRUE(!doc.as_object().contains("people") || doc.at("people").as_array().empty());
  EXPECT_EQ(Str(doc.at("period").at("from")), "2025-01-01");
}

// ---- Rollup -----------------------------------------------------------------------------

// org (2 members) ─┬─ a (10) ─┬─ a1 (5)
//                  │          └─ a2 (15)
//                  └─ b (3)
// own: org 70, a 90, a1 60, a2 80, b 50.
std::string TreeModel(absl::string_view weight_by) {
  return absl::StrCat(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group", "members": 2},
              {"id": "a", "name": "A", "kind": "general_branch", "parents": ["org"], "members": 10},
              {"id": "a1", "name": "A1", "kind": "branch", "parents": ["a"], "members": 5},
              {"id": "a2", "name": "A2", "kind": "branch", "parents": ["a"], "members": 15},
              {"id": "b", "name": "B", "kind": "branch", "parents": ["org"], "members": 3}],
    )", PointsAssessment(absl::StrCat(R"(, "rollup": {"weight_by": ")", weight_by, R"("})"), R"(,
      "points": [{"unit": "org", "indicator": "d.x", "value": 70},
                 {"unit": "a", "indicator": "d.x", "value": 90},
                 {"unit": "a1", "indicator": "d.x", "value": 60},
                 {"unit": "a2", "indicator": "d.x", "value": 80},
                 {"unit": "b", "indicator": "d.x", "value": 50}])"));
}

std::optional<zeren::SubordinateContribution> Contribution(const Result& r, absl::string_view parent,
                                                          absl::string_view child) {
  for (const zeren::SubordinateContribution& c : r.Subordinates(parent)) {
    if (r.s.unit_id(c.unit) == child) return c;
  }
  ADD_FAILURE() << child << " is not listed under " << parent;
  return std::nullopt;
}

TEST(Rollup, WeightedByMembers) {
  const std::optional<Result> r = Assessed(TreeModel("members"));
  ASSERT_TRUE(r);
  // m(c) = members + Σ weight × m(d).
  EXPECT_EQ(r->U("a1").subtree_members, 5.0);
  EXPECT_EQ(r->U("a2").subtree_members, 15.0);
  EXPECT_EQ(r->U("a").subtree_members, 30.0);
  EXPECT_EQ(r->U("b").subtree_members, 3.0);
  EXPECT_EQ(r->U("org").subtree_members, 35.0);
  // Leaves: total = own.
  EXPECT_EQ(r->U("a1").total, 60.0);
  EXPECT_EQ(r->U("a2").total, 80.0);
  EXPECT_EQ(r->U("b").total, 50.0);
  EXPECT_TRUE(r->Subordinates("b").empty());
  // a: 0.7 × 90 + 0.3 × (5 × 60 + 15 × 80) / 20.
  EXPECT_NEAR(r->U("a").total, 85.5, kTol);
  // org: 0.7 × 70 + 0.3 × (30 × 85.5 + 3 × 50) / 33.
  EXPECT_NEAR(r->U("org").total, 49.0 + 0.3 * 2715.0 / 33.0, kTol);
  EXPECT_NEAR(r->U("org").total, 73.68181818181818, kTol);
  EXPECT_EQ(r->U("org").own, 70.0);
  ASSERT_EQ(r->Subordinates("org").size(), 2u);
  const std::optional<zeren::SubordinateContribution> ca = Contribution(*r, "org", "a");
  const std::optional<zeren::SubordinateContribution> cb = Contribution(*r, "org", "b");
  ASSERT_TRUE(ca && cb);
  EXPECT_EQ(ca->weight, 30.0);
  EXPECT_NEAR(ca->total, 85.5, kTol);
  EXPECT_EQ(cb->weight, 3.0);
  EXPECT_EQ(cb->total, 50.0);
  // Explain: weights as shares of their sum.
  const std::vector<std::string> why = r->Why("org");
  ASSERT_EQ(why.size(), 5u);
  EXPECT_THAT(why[2], ::testing::AnyOf(
                          "total 73.68 = 0.70 × own + 0.30 × the weighted mean of subordinates: "
                          "A (a) 85.50 (share 0.91); B (b) 50.00 (share 0.09)",
                          "total 73.68 = 0.70 × own + 0.30 × the weighted mean of subordinates: "
                          "B (b) 50.00 (share 0.09); A (a) 85.50 (share 0.91)"));
  EXPECT_EQ(why[3], "total 73.68 reaches average (min 60.00)");
  EXPECT_EQ(why[4], "flag: talk_required");
  // JSON subordinates.
  const json::value doc = json::parse(zeren::AssessmentToJson(r->s, r->a, r->Index("org")));
  const json::array& subs = doc.at("units").at(0).at("subordinates").as_array();
  ASSERT_EQ(subs.size(), 2u);
  for (const json::value& sub : subs) {
    EXPECT_EQ(Keys(sub), (std::set<std::string>{"unit", "weight", "total"}));
    if (Str(sub.at("unit")) == "a") {
      EXPECT_EQ(Num(sub.at("weight")), 30.0);
      EXPECT_NEAR(Num(sub.at("total")), 85.5, kTol);
    } else {
      EXPECT_EQ(Str(sub.at("unit")), "b");
      EXPECT_EQ(Num(sub.at("weight")), 3.0);
      EXPECT_EQ(Num(sub.at("total")), 50.0);
    }
  }
}

TEST(Rollup, WeightedEqually) {
  const std::optional<Result> r = Assessed(TreeModel("equal"));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->a.scheme.weight_by_members);
  // a: 0.7 × 90 + 0.3 × (60 + 80) / 2.
  EXPECT_NEAR(r->U("a").total, 84.0, kTol);
  // org: 0.7 × 70 + 0.3 × (84 + 50) / 2.
  EXPECT_NEAR(r->U("org").total, 69.1, kTol);
  const std::optional<zeren::SubordinateContribution> ca = Contribution(*r, "org", "a");
  ASSERT_TRUE(ca);
  EXPECT_EQ(ca->weight, 1.0);
  EXPECT_EQ(r->U("b").total, 50.0);
}

TEST(Rollup, OwnAndSubordinateShares) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "p", "name": "P", "kind": "leading_group"},
              {"id": "c", "name": "C", "kind": "branch", "parents": ["p"], "members": 4}],
    )", PointsAssessment(R"(, "rollup": {"own": 0.5, "subordinates": 0.5})", R"(,
      "points": [{"unit": "p", "indicator": "d.x", "value": 80},
                 {"unit": "c", "indicator": "d.x", "value": 40}])")));
  ASSERT_TRUE(r);
  // 0.5 × 80 + 0.5 × 40.
  EXPECT_EQ(r->U("p").total, 60.0);
}

// p1 and p2 both lead j (0.7 / 0.3); p2 also leads k.
std::string DualModel(absl::string_view weight_by) {
  return absl::StrCat(R"(
    "units": [{"id": "p1", "name": "P1", "kind": "leading_group"},
              {"id": "p2", "name": "P2", "kind": "general_branch"},
              {"id": "j", "name": "J", "kind": "branch", "members": 10,
               "parents": [{"unit": "p1", "weight": 0.7}, {"unit": "p2", "weight": 0.3}]},
              {"id": "k", "name": "K", "kind": "branch", "parents": ["p2"], "members": 30}],
    )", PointsAssessment(absl::StrCat(R"(, "rollup": {"weight_by": ")", weight_by, R"("})"), R"(,
      "points": [{"unit": "p1", "indicator": "d.x", "value": 50},
                 {"unit": "p2", "indicator": "d.x", "value": 50},
                 {"unit": "j", "indicator": "d.x", "value": 90},
                 {"unit": "k", "indicator": "d.x", "value": 70}])"));
}

TEST(Rollup, DualParentContributesToBoth) {
  const std::optional<Result> r = Assessed(DualModel("members"));
  ASSERT_TRUE(r);
  // Members counted once at the roots: 0.7 × 10 and 0.3 × 10 + 30.
  EXPECT_NEAR(r->U("p1").subtree_members, 7.0, kTol);
  EXPECT_NEAR(r->U("p2").subtree_members, 33.0, kTol);
  const std::optional<zeren::SubordinateContribution> j1 = Contribution(*r, "p1", "j");
  const std::optional<zeren::SubordinateContribution> j2 = Contribution(*r, "p2", "j");
  const std::optional<zeren::SubordinateContribution> k2 = Contribution(*r, "p2", "k");
  ASSERT_TRUE(j1 && j2 && k2);
  EXPECT_NEAR(j1->weight, 7.0, kTol);
  EXPECT_NEAR(j2->weight, 3.0, kTol);
  EXPECT_EQ(k2->weight, 30.0);
  // p1: 0.7 × 50 + 0.3 × 90.
  EXPECT_NEAR(r->U("p1").total, 62.0, kTol);
  // p2: 0.7 × 50 + 0.3 × (3 × 90 + 30 × 70) / 33.
  EXPECT_NEAR(r->U("p2").total, 35.0 + 0.3 * 2370.0 / 33.0, kTol);
  EXPECT_NEAR(r->U("p2").total, 56.54545454545455, kTol);
  EXPECT_EQ(r->U("j").total, 90.0);
}

TEST(Rollup, DualParentWeightedEqually) {
  const std::optional<Result> r = Assessed(DualModel("equal"));
  ASSERT_TRUE(r);
  const std::optional<zeren::SubordinateContribution> j2 = Contribution(*r, "p2", "j");
  ASSERT_TRUE(j2);
  EXPECT_NEAR(j2->weight, 0.3, kTol);
  EXPECT_NEAR(r->U("p1").total, 62.0, kTol);
  // p2: 0.7 × 50 + 0.3 × (0.3 × 90 + 1 × 70) / 1.3.
  EXPECT_NEAR(r->U("p2").total, 35.0 + 0.3 * 97.0 / 1.3, kTol);
  EXPECT_NEAR(r->U("p2").total, 57.38461538461539, kTol);
}

TEST(Rollup, NoMembersBelowMeansTotalIsOwn) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "p", "name": "P", "kind": "leading_group", "members": 5},
              {"id": "c", "name": "C", "kind": "branch", "parents": ["p"]}],
    )", PointsAssessment("", R"(,
      "points": [{"unit": "p", "indicator": "d.x", "value": 80},
                 {"unit": "c", "indicator": "d.x", "value": 40}])")));
  ASSERT_TRUE(r);
  // Weighted by members and c's subtree has none: Σ w = 0, total = own.
  EXPECT_EQ(r->U("p").total, 80.0);
  EXPECT_EQ(r->U("p").subtree_members, 5.0);
  ASSERT_EQ(r->Subordinates("p").size(), 1u);
  EXPECT_EQ(r->Subordinates("p")[0].weight, 0.0);
}

// ---- Grades -----------------------------------------------------------------------------

// Branches with the given points, named by their ids, all roots; kPointsScheme plus `more`.
std::string Branches(const std::vector<std::pair<std::string, int>>& units,
                     absl::string_view more, absl::string_view incidents = "",
                     absl::string_view kind_of_o = "branch") {
  std::string list, points;
  for (const auto& [id, value] : units) {
    const absl::string_view kind = id[0] == 'o' ? kind_of_o : "branch";
    absl::StrAppend(&list, list.empty() ? "" : ", ", R"({"id": ")", id, R"(", "name": ")", id,
                    R"(", "kind": ")", kind, R"("})");
    absl::StrAppend(&points, points.empty() ? "" : ", ", R"({"unit": ")", id,
                    R"(", "indicator": "d.x", "value": )", value, "}");
  }
  return absl::StrCat(R"("units": [)", list, "], ",
                      incidents.empty() ? "" : absl::StrCat(R"("incidents": [)", incidents, "], "),
                      PointsAssessment(more, absl::StrCat(R"(, "points": [)", points, "]")));
}

constexpr char kNoQuotaGrades[] = R"(,
  "vetoes": [],
  "grades": [{"id": "good", "min": 90}, {"id": "fairly_good", "min": 80},
             {"id": "average", "min": 60}, {"id": "poor", "min": 10}])";

TEST(Grades, Thresholds) {
  const std::optional<Result> r = Assessed(Branches(
      {{"g90", 90}, {"f80", 80}, {"a79", 79}, {"a60", 60}, {"p10", 10}, {"p5", 5}},
      kNoQuotaGrades));
  ASSERT_TRUE(r);
  // The first grade whose min <= total; the last grade when none.
  EXPECT_EQ(r->Grade("g90"), "good");
  EXPECT_EQ(r->Grade("f80"), "fairly_good");
  EXPECT_EQ(r->Grade("a79"), "average");
  EXPECT_EQ(r->Grade("a60"), "average");
  EXPECT_EQ(r->Grade("p10"), "poor");
  EXPECT_EQ(r->Grade("p5"), "poor");
  EXPECT_EQ(r->Threshold("p5"), "poor");
  for (const UnitAssessment& ua : r->a.units) {
    EXPECT_EQ(ua.grade, ua.threshold_grade);
    EXPECT_FALSE(ua.quota_cut_from.has_value());
  }
}

TEST(Grades, VetoCapsTheGradeForIncidentsOfThePeriod) {
  const std::optional<Result> r = Assessed(Branches(
      {{"v1", 95}, {"v2", 95}, {"v3", 95}, {"v4", 95}, {"v5", 50}},
      R"(,
  "deductions": {"minor": 0, "serious": 0, "grave": 0},
  "vetoes": [{"severity": "serious", "max_grade": "average"}],
  "grades": [{"id": "good", "min": 90}, {"id": "fairly_good", "min": 80},
             {"id": "average", "min": 60}, {"id": "poor", "min": 0}])",
      R"({"id": "i1", "unit": "v1", "date": "2025-06-01", "severity": "grave"},
         {"id": "i2", "unit": "v2", "date": "2025-06-01", "severity": "serious"},
         {"id": "i3", "unit": "v3", "date": "2025-06-01", "severity": "minor"},
         {"id": "i4", "unit": "v4", "date": "2024-12-31", "severity": "grave"},
         {"id": "i5", "unit": "v4", "date": "2026-01-01", "severity": "grave"},
         {"id": "i6", "unit": "v5", "date": "2025-06-01", "severity": "grave"})"));
  ASSERT_TRUE(r);
  // At least as severe as the veto's: capped at average.
  EXPECT_EQ(r->Threshold("v1"), "good");
  EXPECT_EQ(r->Grade("v1"), "average");
  ASSERT_EQ(r->U("v1").vetoes.size(), 1u);
  EXPECT_EQ(r->U("v1").vetoes[0].veto, 0);
  EXPECT_EQ(r->s.incident_id(r->U("v1").vetoes[0].incident), "i1");
  EXPECT_EQ(r->Grade("v2"), "average");
  // Less severe: no veto.
  EXPECT_EQ(r->Grade("v3"), "good");
  EXPECT_TRUE(r->U("v3").vetoes.empty());
  // Outside the period (before `from`, on `to`): no veto.
  EXPECT_EQ(r->Grade("v4"), "good");
  EXPECT_TRUE(r->U("v4").vetoes.empty());
  // A cap, not a floor: poor stays poor.
  EXPECT_EQ(r->Grade("v5"), "poor");
  EXPECT_EQ(r->U("v5").vetoes.size(), 1u);
}

TEST(Grades, EveryApplicableVetoCaps) {
  const std::optional<Result> r = Assessed(Branches(
      {{"v1", 95}, {"v2", 95}},
      R"(,
  "deductions": {"minor": 0, "serious": 0, "grave": 0},
  "vetoes": [{"severity": "minor", "max_grade": "fairly_good"},
             {"severity": "grave", "max_grade": "poor"}],
  "grades": [{"id": "good", "min": 90}, {"id": "fairly_good", "min": 80},
             {"id": "average", "min": 60}, {"id": "poor", "min": 0}])",
      R"({"id": "i1", "unit": "v1", "date": "2025-06-01", "severity": "grave"},
         {"id": "i2", "unit": "v2", "date": "2025-06-01", "severity": "serious"})"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Grade("v1"), "poor");
  ASSERT_EQ(r->U("v1").vetoes.size(), 2u);
  EXPECT_EQ(r->U("v1").vetoes[0].veto, 0);
  EXPECT_EQ(r->U("v1").vetoes[1].veto, 1);
  EXPECT_EQ(r->Grade("v2"), "fairly_good");
  ASSERT_EQ(r->U("v2").vetoes.size(), 1u);
}

constexpr char kHalfGoodQuota[] = R"(,
  "vetoes": [],
  "grades": [{"id": "good", "min": 90, "quota": 0.5}, {"id": "fairly_good", "min": 80},
             {"id": "average", "min": 60}, {"id": "poor", "min": 0}])";

TEST(Grades, QuotaHalfOfThreeKeepsOne) {
  const std::optional<Result> r = Assessed(Branches({{"q1", 95}, {"q2", 93}, {"q3", 91}}, kHalfGoodQuota));
  ASSERT_TRUE(r);
  // floor(0.5 × 3) = 1.
  EXPECT_EQ(r->Grade("q1"), "good");
  EXPECT_FALSE(r->CutFrom("q1").has_value());
  EXPECT_EQ(r->Grade("q2"), "fairly_good");
  EXPECT_EQ(r->CutFrom("q2"), "good");
  EXPECT_EQ(r->Grade("q3"), "fairly_good");
  EXPECT_EQ(r->CutFrom("q3"), "good");
  EXPECT_EQ(r->U("q1").rank, 1u);
  EXPECT_EQ(r->U("q2").rank, 2u);
  EXPECT_EQ(r->U("q3").rank, 3u);
}

TEST(Grades, QuotaTiesBrokenById) {
  const std::optional<Result> r =
      Assessed(Branches({{"t_b", 95}, {"t_a", 95}, {"t_c", 91}}, kHalfGoodQuota));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Grade("t_a"), "good");
  EXPECT_EQ(r->Grade("t_b"), "fairly_good");
  EXPECT_EQ(r->CutFrom("t_b"), "good");
  EXPECT_EQ(r->Grade("t_c"), "fairly_good");
  EXPECT_EQ(r->U("t_a").rank, 1u);
  EXPECT_EQ(r->U("t_b").rank, 2u);
  EXPECT_EQ(r->U("t_c").rank, 3u);
  EXPECT_THAT(r->Order(), ElementsAre("t_a", "t_b", "t_c"));
}

TEST(Grades, QuotaCountsEveryUnitOfThePeerGroup) {
  // n = 4 (the vetoed unit too): floor(0.5 × 4) = 2 keep good.
  const std::optional<Result> r = Assessed(Branches(
      {{"w1", 98}, {"w2", 95}, {"w3", 93}, {"w4", 91}},
      R"(,
  "deductions": {"minor": 0, "serious": 0, "grave": 0},
  "vetoes": [{"severity": "grave", "max_grade": "fairly_good"}],
  "grades": [{"id": "good", "min": 90, "quota": 0.5}, {"id": "fairly_good", "min": 80},
             {"id": "average", "min": 60}, {"id": "poor", "min": 0}])",
      R"({"id": "i1", "unit": "w1", "date": "2025-06-01", "severity": "grave"})"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Grade("w1"), "fairly_good");
  EXPECT_FALSE(r->CutFrom("w1").has_value());
  EXPECT_EQ(r->Grade("w2"), "good");
  EXPECT_EQ(r->Grade("w3"), "good");
  EXPECT_EQ(r->Grade("w4"), "fairly_good");
  EXPECT_EQ(r->CutFrom("w4"), "good");
  EXPECT_EQ(r->U("w1").rank, 1u);
}

TEST(Grades, CutUnitsCountInTheNextGradeAndMayBeCutAgain) {
  const std::optional<Result> r = Assessed(Branches(
      {{"b1", 95}, {"b2", 93}, {"b3", 91}, {"o1", 95}, {"o2", 92}, {"o3", 85}},
      R"(,
  "vetoes": [],
  "grades": [{"id": "good", "min": 90, "quota": 0.5}, {"id": "fairly_good", "min": 80, "quota": 0.5},
             {"id": "average", "min": 60}, {"id": "poor", "min": 0}])",
      "", "office"));
  ASSERT_TRUE(r);
  // Branches: good keeps b1; b2, b3 move to fairly_good, which keeps one (b2); b3 moves on.
  EXPECT_EQ(r->Grade("b1"), "good");
  EXPECT_EQ(r->Grade("b2"), "fairly_good");
  EXPECT_EQ(r->CutFrom("b2"), "good");
  EXPECT_EQ(r->Grade("b3"), "average");
  EXPECT_EQ(r->CutFrom("b3"), "good");
  // Offices: o2, cut from good, takes fairly_good's one place; o3 (85) moves to average.
  EXPECT_EQ(r->Grade("o1"), "good");
  EXPECT_EQ(r->Grade("o2"), "fairly_good");
  EXPECT_EQ(r->CutFrom("o2"), "good");
  EXPECT_EQ(r->Threshold("o3"), "fairly_good");
  EXPECT_EQ(r->Grade("o3"), "average");
  EXPECT_EQ(r->CutFrom("o3"), "fairly_good");
  // Ranks per peer group; order by peer group name, then rank.
  EXPECT_EQ(r->U("o1").rank, 1u);
  EXPECT_EQ(r->U("o3").rank, 3u);
  EXPECT_THAT(r->Order(), ElementsAre("b1", "b2", "b3", "o1", "o2", "o3"));
}

TEST(Grades, QuotaZeroAndOne) {
  {
    const std::optional<Result> r = Assessed(Branches(
        {{"a", 95}, {"b", 92}},
        R"(, "vetoes": [], "grades": [{"id": "good", "min": 90, "quota": 0}, {"id": "rest", "min": 0}])"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->Grade("a"), "rest");
    EXPECT_EQ(r->Grade("b"), "rest");
  }
  {
    const std::optional<Result> r = Assessed(Branches(
        {{"a", 95}, {"b", 92}},
        R"(, "vetoes": [], "grades": [{"id": "good", "min": 90, "quota": 1}, {"id": "rest", "min": 0}])"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->Grade("a"), "good");
    EXPECT_EQ(r->Grade("b"), "good");
  }
}

TEST(Grades, RanksPerPeerGroupTiesById) {
  const std::optional<Result> r = Assessed(Branches(
      {{"bz", 70}, {"by", 80}, {"bx", 70}, {"oa", 10}, {"ob", 99}}, kNoQuotaGrades, "",
      "department"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->U("by").rank, 1u);
  EXPECT_EQ(r->U("bx").rank, 2u);
  EXPECT_EQ(r->U("bz").rank, 3u);
  EXPECT_EQ(r->U("ob").rank, 1u);
  EXPECT_EQ(r->U("oa").rank, 2u);
  // "branch" < "department".
  EXPECT_THAT(r->Order(), ElementsAre("by", "bx", "bz", "ob", "oa"));
}

// Equal totals go by id byte by byte: ids alike in their first 8 bytes, one a prefix of
// another, and bytes above 0x7F (after ASCII, as unsigned bytes).
TEST(Grades, EqualTotalsByIdBeyondTheFirstEightBytes) {
  const std::optional<Result> r = Assessed(Branches(
      {{"branch-0010", 70}, {"branch-0002", 70}, {"branch-001", 70}, {"b\xE6\x9D\x8E", 70},
       {"bz", 70}, {"b", 70}},
      kNoQuotaGrades));
  ASSERT_TRUE(r);
  EXPECT_THAT(r->Order(), ElementsAre("b", "branch-0002", "branch-001", "branch-0010", "bz",
                                      "b\xE6\x9D\x8E"));
  EXPECT_EQ(r->U("branch-001").rank, 3u);
}

// Peer groups go by kind name, not by the order kinds first appear; equal totals by id.
TEST(Grades, PeerGroupsByKindNameWhateverOrderTheyAppear) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "z2", "name": "Z2", "kind": "zeta"},
              {"id": "z1", "name": "Z1", "kind": "zeta"},
              {"id": "m1", "name": "M1", "kind": "mu"},
              {"id": "a1", "name": "A1", "kind": "alpha"},
              {"id": "a0", "name": "A0", "kind": "alpha"}],
    )", PointsAssessment("", R"(,
      "points": [{"unit": "z2", "indicator": "d.x", "value": 80},
                 {"unit": "z1", "indicator": "d.x", "value": 80},
                 {"unit": "m1", "indicator": "d.x", "value": 10},
                 {"unit": "a1", "indicator": "d.x", "value": 90},
                 {"unit": "a0", "indicator": "d.x", "value": 70}])")));
  ASSERT_TRUE(r);
  EXPECT_THAT(r->Order(), ElementsAre("a1", "a0", "m1", "z1", "z2"));
  EXPECT_EQ(r->U("a1").rank, 1u);
  EXPECT_EQ(r->U("a0").rank, 2u);
  EXPECT_EQ(r->U("m1").rank, 1u);
  EXPECT_EQ(r->U("z1").rank, 1u);
  EXPECT_EQ(r->U("z2").rank, 2u);
}

// ---- PersonScore -------------------------------------------------------------------------

TEST(PersonScore, ByRoleAndPost) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "a", "name": "A", "kind": "branch", "parents": ["org"]},
              {"id": "b", "name": "B", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "ps", "name": "PS"}, {"id": "ph", "name": "PH"}, {"id": "pm", "name": "PM"},
               {"id": "pd", "name": "PD"}, {"id": "pmix", "name": "PMIX"},
               {"id": "psec2", "name": "PSEC2"}, {"id": "pst", "name": "PST"},
               {"id": "pold", "name": "POLD"}, {"id": "pfut", "name": "PFUT"},
               {"id": "pnone", "name": "PNONE"}, {"id": "pboth", "name": "PBOTH"}],
    "posts": [
      {"person": "ps", "unit": "a", "role": "secretary", "from": "2020-01-01"},
      {"person": "ph", "unit": "b", "role": "head", "from": "2020-01-01"},
      {"person": "pm", "unit": "org", "role": "member", "from": "2020-01-01", "in_charge_of": ["a", "b"]},
      {"person": "pd", "unit": "org", "role": "deputy", "from": "2020-01-01"},
      {"person": "pmix", "unit": "a", "role": "head", "from": "2020-01-01", "to": "2025-07-01"},
      {"person": "pmix", "unit": "org", "role": "member", "from": "2025-07-01", "in_charge_of": ["b"]},
      {"person": "psec2", "unit": "b", "role": "secretary", "from": "2020-01-01", "in_charge_of": ["a"]},
      {"person": "pst", "unit": "b", "role": "staff", "from": "2020-01-01"},
      {"person": "pold", "unit": "a", "role": "deputy", "from": "2020-01-01", "to": "2025-01-01"},
      {"person": "pfut", "unit": "b", "role": "deputy", "from": "2026-01-01"},
      {"person": "pboth", "unit": "org", "role": "secretary", "from": "2020-01-01"},
      {"person": "pboth", "unit": "a", "role": "deputy", "from": "2020-01-01"}],
    )", PointsAssessment(R"(, "rollup": {"own": 1, "subordinates": 0})", R"(,
      "points": [{"unit": "org", "indicator": "d.x", "value": 64},
                 {"unit": "a", "indicator": "d.x", "value": 90},
                 {"unit": "b", "indicator": "d.x", "value": 50}])")));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->U("org").total, 64.0);
  EXPECT_EQ(r->U("a").total, 90.0);
  EXPECT_EQ(r->U("b").total, 50.0);
  // People holding a post on some day of the period, in person order.
  EXPECT_THAT(r->PeopleIds(),
              ElementsAre("ps", "ph", "pm", "pd", "pmix", "psec2", "pst", "pboth"));
  // Secretary / head: their unit's total.
  EXPECT_EQ(r->PersonScore("ps"), 90.0);
  EXPECT_EQ(r->PersonScore("ph"), 50.0);
  // Other roles: the mean total of the units in charge of.
  EXPECT_EQ(r->PersonScore("pm"), 70.0);
  // ... or the post's unit when none.
  EXPECT_EQ(r->PersonScore("pd"), 64.0);
  EXPECT_EQ(r->PersonScore("pst"), 50.0);
  // Mean over the posts of the period: head of a (90), then member in charge of b (50).
  EXPECT_EQ(r->PersonScore("pmix"), 70.0);
  // A secretary's in_charge_of does not matter: b's total.
  EXPECT_EQ(r->PersonScore("psec2"), 50.0);
  // Secretary of org (64) and deputy of a (90).
  EXPECT_EQ(r->PersonScore("pboth"), 77.0);
  EXPECT_FALSE(r->PersonScore("pold").has_value());
  EXPECT_FALSE(r->PersonScore("pfut").has_value());
  EXPECT_FALSE(r->PersonScore("pnone").has_value());
  for (const zeren::PersonScore& p : r->a.people) {
    EXPECT_EQ(p.posts.size(), r->s.person_id(p.person) == "pmix" || r->s.person_id(p.person) == "pboth" ? 2u : 1u)
        << r->s.person_id(p.person);
  }
}

TEST(PersonScore, UsesRolledUpTotals) {
  const std::optional<Result> r = Assessed(absl::StrCat(R"(
    "units": [{"id": "p", "name": "P", "kind": "leading_group"},
              {"id": "c", "name": "C", "kind": "branch", "parents": ["p"], "members": 4}],
    "people": [{"id": "s", "name": "S"}, {"id": "m", "name": "M"}],
    "posts": [{"person": "s", "unit": "p", "role": "secretary", "from": "2020-01-01"},
              {"person": "m", "unit": "p", "role": "member", "from": "2020-01-01", "in_charge_of": ["c"]}],
    )", PointsAssessment(R"(, "rollup": {"own": 0.5, "subordinates": 0.5})", R"(,
      "points": [{"unit": "p", "indicator": "d.x", "value": 80},
                 {"unit": "c", "indicator": "d.x", "value": 40}])")));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->PersonScore("s"), 60.0);  // 0.5 × 80 + 0.5 × 40
  EXPECT_EQ(r->PersonScore("m"), 40.0);
}

}  // namespace
