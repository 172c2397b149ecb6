// The assessment scheme (spec/model-format.md, "Scheme (assessment)"): the library's default,
// its JSON form, partial overrides (objects merge key by key, arrays replace), and every
// problem a scheme can have, with its JSON path and message — alone and inside a model.
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/problem.h"
#include "zeren/scheme.h"
#include "zeren/vocabulary.h"

namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using zeren::CircumstanceKind;
using zeren::ParseScheme;
using zeren::Scheme;
using zeren::Severity;

int K(CircumstanceKind k) { return static_cast<int>(k); }
int S(Severity s) { return static_cast<int>(s); }

// Every field, compared exactly.
void ExpectSameScheme(const Scheme& a, const Scheme& b) {
  ASSERT_EQ(a.dimensions.size(), b.dimensions.size());
  for (size_t d = 0; d < a.dimensions.size(); ++d) {
    SCOPED_TRACE(a.dimensions[d].id);
    EXPECT_EQ(a.dimensions[d].id, b.dimensions[d].id);
    EXPECT_EQ(a.dimensions[d].name, b.dimensions[d].name);
    EXPECT_EQ(a.dimensions[d].weight, b.dimensions[d].weight);
    ASSERT_EQ(a.dimensions[d].indicators.size(), b.dimensions[d].indicators.size());
    for (size_t i = 0; i < a.dimensions[d].indicators.size(); ++i) {
      EXPECT_EQ(a.dimensions[d].indicators[i].id, b.dimensions[d].indicators[i].id);
      EXPECT_EQ(a.dimensions[d].indicators[i].max, b.dimensions[d].indicators[i].max);
      EXPECT_EQ(a.dimensions[d].indicators[i].from_ledger, b.dimensions[d].indicators[i].from_ledger);
    }
  }
  EXPECT_EQ(a.daily_weight, b.daily_weight);
  EXPECT_EQ(a.review_weight, b.review_weight);
  EXPECT_EQ(a.ballot_weight, b.ballot_weight);
  EXPECT_EQ(a.members_weight, b.members_weight);
  EXPECT_EQ(a.ballot_values, b.ballot_values);
  EXPECT_EQ(a.deductions, b.deductions);
  EXPECT_EQ(a.deduction_cap, b.deduction_cap);
  EXPECT_EQ(a.factors, b.factors);
  EXPECT_EQ(a.bonus_cap, b.bonus_cap);
  ASSERT_EQ(a.vetoes.size(), b.vetoes.size());
  for (size_t v = 0; v < a.vetoes.size(); ++v) {
    EXPECT_EQ(a.vetoes[v].severity, b.vetoes[v].severity);
    EXPECT_EQ(a.vetoes[v].max_grade, b.vetoes[v].max_grade);
  }
  EXPECT_EQ(a.rollup_own, b.rollup_own);
  EXPECT_EQ(a.rollup_subordinates, b.rollup_subordinates);
  EXPECT_EQ(a.weight_by_members, b.weight_by_members);
  ASSERT_EQ(a.grades.size(), b.grades.size());
  for (size_t g = 0; g < a.grades.size(); ++g) {
    EXPECT_EQ(a.grades[g].id, b.grades[g].id);
    EXPECT_EQ(a.grades[g].min, b.grades[g].min);
    EXPECT_EQ(a.grades[g].quota, b.grades[g].quota);
  }
  ASSERT_EQ(a.flags.size(), b.flags.size());
  for (size_t f = 0; f < a.flags.size(); ++f) {
    EXPECT_EQ(a.flags[f].id, b.flags[f].id);
    EXPECT_EQ(a.flags[f].grades, b.flags[f].grades);
    EXPECT_EQ(a.flags[f].held_accountable, b.flags[f].held_accountable);
    EXPECT_EQ(a.flags[f].incident_at_least, b.flags[f].incident_at_least);
  }
}

Scheme Parsed(absl::string_view text) {
  zeren::ProblemList problems;
  absl::StatusOr<Scheme> scheme = ParseScheme(text, "assessment.scheme", &problems);
  EXPECT_TRUE(scheme.ok()) << text << "\n" << scheme.status();
  return scheme.ok() ? *std::move(scheme) : Scheme{};
}

// The problems of a scheme that must be rejected, as "path: message".
std::vector<std::string> Problems(absl::string_view text,
                                  absl::string_view path = "assessment.scheme") {
  zeren::ProblemList problems;
  absl::StatusOr<Scheme> scheme = ParseScheme(text, path, &problems);
  EXPECT_FALSE(scheme.ok()) << text;
  std::vector<std::string> out;
  for (const zeren::Problem& p : problems.kept()) out.push_back(p.ToString());
  EXPECT_EQ(problems.total(), out.size());
  return out;
}

// The problems of a whole model document with the given assessment, as "path: message".
std::vector<std::string> ModelProblems(absl::string_view assessment) {
  const std::string doc = absl::StrCat(R"({"format": "zeren-model", "version": 1,
    "units": [{"id": "b1", "name": "B1", "kind": "branch"}],
    "assessment": )", assessment, "}");
  zeren::ProblemList problems;
  absl::StatusOr<zeren::Model> model = zeren::ParseModelJson(doc, &problems);
  EXPECT_FALSE(model.ok()) << doc;
  std::vector<std::string> out;
  for (const zeren::Problem& p : problems.kept()) out.push_back(p.ToString());
  return out;
}

// ---- the default ---------------------------------------------------------------------------

TEST(Scheme, DefaultDimensions) {
  const Scheme& s = zeren::DefaultScheme();
  ASSERT_EQ(s.dimensions.size(), 2u);
  EXPECT_EQ(s.dimensions[0].id, "integrity");
  EXPECT_EQ(s.dimensions[0].name, "党风廉政建设");
  EXPECT_EQ(s.dimensions[0].weight, 0.3);
  ASSERT_EQ(s.dimensions[0].indicators.size(), 2u);
  EXPECT_EQ(s.dimensions[0].indicators[0].id, "integrity.meetings");
  EXPECT_EQ(s.dimensions[0].indicators[0].max, 40.0);
  EXPECT_FALSE(s.dimensions[0].indicators[0].from_ledger);
  EXPECT_EQ(s.dimensions[0].indicators[1].id, "integrity.education");
  EXPECT_EQ(s.dimensions[0].indicators[1].max, 60.0);
  EXPECT_FALSE(s.dimensions[0].indicators[1].from_ledger);
  EXPECT_EQ(s.dimensions[1].id, "grassroots");
  EXPECT_EQ(s.dimensions[1].name, "基层党建工作");
  EXPECT_EQ(s.dimensions[1].weight, 0.7);
  ASSERT_EQ(s.dimensions[1].indicators.size(), 1u);
  EXPECT_EQ(s.dimensions[1].indicators[0].id, "grassroots.on_time");
  EXPECT_EQ(s.dimensions[1].indicators[0].max, 100.0);
  EXPECT_TRUE(s.dimensions[1].indicators[0].from_ledger);
}

TEST(Scheme, DefaultNumbers) {
  const Scheme& s = zeren::DefaultScheme();
  EXPECT_EQ(s.daily_weight, 0.6);
  EXPECT_EQ(s.review_weight, 0.2);
  EXPECT_EQ(s.ballot_weight, 0.1);
  EXPECT_EQ(s.members_weight, 0.1);
  EXPECT_THAT(s.ballot_values, ElementsAre(100.0, 80.0, 60.0, 0.0));
  EXPECT_EQ(s.deductions[S(Severity::kMinor)], 2.0);
  EXPECT_EQ(s.deductions[S(Severity::kSerious)], 5.0);
  EXPECT_EQ(s.deductions[S(Severity::kGrave)], 10.0);
  EXPECT_EQ(s.deduction_cap, 30.0);
  for (int k = 0; k < 8; ++k) {
    SCOPED_TRACE(zeren::Name(static_cast<CircumstanceKind>(k)));
    const double expected = k == K(CircumstanceKind::kSelfReport)    ? 0.5
                            : k == K(CircumstanceKind::kConcealment) ? 2.0
                                                                     : 1.0;
    EXPECT_EQ(s.factors[k], expected);
  }
  EXPECT_EQ(s.bonus_cap, 5.0);
  EXPECT_EQ(s.rollup_own, 0.7);
  EXPECT_EQ(s.rollup_subordinates, 0.3);
  EXPECT_TRUE(s.weight_by_members);
}

TEST(Scheme, DefaultGradesVetoesAndFlags) {
  const Scheme& s = zeren::DefaultScheme();
  ASSERT_EQ(s.grades.size(), 4u);
  EXPECT_EQ(s.grades[0].id, "good");
  EXPECT_EQ(s.grades[0].min, 90.0);
  EXPECT_EQ(s.grades[0].quota, 0.3);
  EXPECT_EQ(s.grades[1].id, "fairly_good");
  EXPECT_EQ(s.grades[1].min, 80.0);
  EXPECT_FALSE(s.grades[1].quota.has_value());
  EXPECT_EQ(s.grades[2].id, "average");
  EXPECT_EQ(s.grades[2].min, 60.0);
  EXPECT_FALSE(s.grades[2].quota.has_value());
  EXPECT_EQ(s.grades[3].id, "poor");
  EXPECT_EQ(s.grades[3].min, 0.0);
  EXPECT_FALSE(s.grades[3].quota.has_value());
  ASSERT_EQ(s.vetoes.size(), 1u);
  EXPECT_EQ(s.vetoes[0].severity, Severity::kGrave);
  EXPECT_EQ(s.vetoes[0].max_grade, 3);
  ASSERT_EQ(s.flags.size(), 3u);
  EXPECT_EQ(s.flags[0].id, "talk_required");
  EXPECT_THAT(s.flags[0].grades, ElementsAre(2, 3));
  EXPECT_FALSE(s.flags[0].held_accountable.has_value());
  EXPECT_FALSE(s.flags[0].incident_at_least.has_value());
  EXPECT_EQ(s.flags[1].id, "no_excellent");
  EXPECT_THAT(s.flags[1].grades, IsEmpty());
  EXPECT_EQ(s.flags[1].held_accountable, true);
  EXPECT_FALSE(s.flags[1].incident_at_least.has_value());
  EXPECT_EQ(s.flags[2].id, "eligible_for_honours");
  EXPECT_THAT(s.flags[2].grades, ElementsAre(0));
  EXPECT_EQ(s.flags[2].held_accountable, false);
  EXPECT_FALSE(s.flags[2].incident_at_least.has_value());
}

TEST(Scheme, DefaultSpelledOutIsTheDefault) {
  ExpectSameScheme(Parsed("\"default\""), zeren::DefaultScheme());
  ExpectSameScheme(Parsed("{}"), zeren::DefaultScheme());
}

TEST(Scheme, ToJsonParsesBackToTheSameScheme) {
  const std::string text = zeren::SchemeToJson(zeren::DefaultScheme());
  // A complete object: every key of the format.
  const json::value doc = json::parse(text);
  std::vector<std::string> keys;
  for (const auto& member : doc.as_object()) keys.emplace_back(member.key());
  EXPECT_THAT(keys, ElementsAre("dimensions", "components", "ballot_values", "deductions",
                                "bonus_cap", "vetoes", "rollup", "grades", "peer_groups",
                                "flags"));
  EXPECT_EQ(doc.at("peer_groups").as_string(), "kind");
  EXPECT_EQ(doc.at("rollup").at("weight_by").as_string(), "members");
  EXPECT_EQ(doc.at("dimensions").at(1).at("indicators").at(0).at("from").as_string(),
            "ledger.on_time_rate");
  ExpectSameScheme(Parsed(text), zeren::DefaultScheme());
}

TEST(Scheme, ToJsonOfAPartialSchemeParsesBack) {
  const Scheme partial = Parsed(R"({"rollup": {"weight_by": "equal"}, "bonus_cap": 2,
      "deductions": {"factors": {"repeat": 1.5}},
      "grades": [{"id": "a", "min": 50, "quota": 0.25}, {"id": "b", "min": 0}],
      "vetoes": [{"severity": "serious", "max_grade": "b"}],
      "flags": [{"id": "f", "grades": ["b"], "incident_at_least": "minor"}]})");
  ExpectSameScheme(Parsed(zeren::SchemeToJson(partial)), partial);
}

// SchemeToJson gives "the scheme as a complete JSON object": parsed back (over the default),
// it must give the same scheme — also when a factor the default sets is set back to 1.
TEST(Scheme, ToJsonKeepsAFactorSetBackToOne) {
  const Scheme s = Parsed(R"({"deductions": {"factors": {"concealment": 1}}})");
  EXPECT_EQ(s.factors[K(CircumstanceKind::kConcealment)], 1.0);
  const Scheme back = Parsed(zeren::SchemeToJson(s));
  EXPECT_EQ(back.factors[K(CircumstanceKind::kConcealment)], 1.0);
  ExpectSameScheme(back, s);
}

// ---- partial schemes -------------------------------------------------------------------------

TEST(Scheme, PartialOverridesOnlyBonusCap) {
  const Scheme s = Parsed(R"({"bonus_cap": 7.5})");
  EXPECT_EQ(s.bonus_cap, 7.5);
  Scheme expected = zeren::DefaultScheme();
  expected.bonus_cap = 7.5;
  ExpectSameScheme(s, expected);
}

TEST(Scheme, PartialOverridesOnlyWeightBy) {
  const Scheme s = Parsed(R"({"rollup": {"weight_by": "equal"}})");
  EXPECT_FALSE(s.weight_by_members);
  EXPECT_EQ(s.rollup_own, 0.7);
  EXPECT_EQ(s.rollup_subordinates, 0.3);
  Scheme expected = zeren::DefaultScheme();
  expected.weight_by_members = false;
  ExpectSameScheme(s, expected);
}

TEST(Scheme, PartialMergesAtAnyDepth) {
  const Scheme s = Parsed(R"({"components": {"review": 0.3},
                              "deductions": {"serious": 6, "factors": {"repeat": 1.5}}})");
  Scheme expected = zeren::DefaultScheme();
  expected.review_weight = 0.3;
  expected.deductions[S(Severity::kSerious)] = 6;
  expected.factors[K(CircumstanceKind::kRepeat)] = 1.5;
  ExpectSameScheme(s, expected);
  // The default factors stay.
  EXPECT_EQ(s.factors[K(CircumstanceKind::kSelfReport)], 0.5);
  EXPECT_EQ(s.factors[K(CircumstanceKind::kConcealment)], 2.0);
}

TEST(Scheme, ArraysReplaceAndGradesDropTheDefaultVetoesAndFlags) {
  const Scheme s = Parsed(R"({"grades": [{"id": "excellent", "min": 95, "quota": 0.1},
                                          {"id": "pass", "min": 50}, {"id": "poor", "min": 0}]})");
  ASSERT_EQ(s.grades.size(), 3u);
  EXPECT_EQ(s.grades[0].id, "excellent");
  EXPECT_EQ(s.grades[0].min, 95.0);
  EXPECT_EQ(s.grades[0].quota, 0.1);
  EXPECT_EQ(s.grades[1].id, "pass");
  EXPECT_FALSE(s.grades[1].quota.has_value());
  EXPECT_EQ(s.grades[2].id, "poor");
  // The default vetoes and flags name the default grades: dropped.
  EXPECT_THAT(s.flags, IsEmpty());
  EXPECT_THAT(s.vetoes, IsEmpty());
  // Given with the grades, they are kept and resolved against them.
  const Scheme with = Parsed(R"({"grades": [{"id": "pass", "min": 50}, {"id": "fail", "min": 0}],
                                 "vetoes": [{"severity": "serious", "max_grade": "fail"}]})");
  ASSERT_EQ(with.vetoes.size(), 1u);
  EXPECT_EQ(with.vetoes[0].max_grade, 1);
  // Everything else is the default's.
  EXPECT_EQ(s.dimensions.size(), 2u);
  EXPECT_EQ(s.bonus_cap, 5.0);
}

TEST(Scheme, GradesWithFlagsKeepTheGivenFlags) {
  const Scheme s = Parsed(R"({"grades": [{"id": "top", "min": 90}, {"id": "poor", "min": 0}],
                              "flags": [{"id": "praise", "grades": ["top"]}]})");
  ASSERT_EQ(s.flags.size(), 1u);
  EXPECT_EQ(s.flags[0].id, "praise");
  EXPECT_THAT(s.flags[0].grades, ElementsAre(0));
}

TEST(Scheme, DimensionsReplace) {
  const Scheme s = Parsed(R"({"dimensions": [{"id": "d", "weight": 2,
      "indicators": [{"id": "d.a", "max": 10}, {"id": "d.r", "max": 5, "from": "ledger.on_time_rate"}]}]})");
  ASSERT_EQ(s.dimensions.size(), 1u);
  EXPECT_EQ(s.dimensions[0].id, "d");
  EXPECT_EQ(s.dimensions[0].name, "");
  EXPECT_EQ(s.dimensions[0].weight, 2.0);
  ASSERT_EQ(s.dimensions[0].indicators.size(), 2u);
  EXPECT_FALSE(s.dimensions[0].indicators[0].from_ledger);
  EXPECT_TRUE(s.dimensions[0].indicators[1].from_ledger);
  EXPECT_EQ(s.dimensions[0].indicators[1].max, 5.0);
}

// ---- problems ---------------------------------------------------------------------------

constexpr char kOneIndicator[] = R"([{"id": "ok.x", "max": 10}])";

TEST(Scheme, NegativeDimensionWeight) {
  EXPECT_THAT(Problems(absl::StrCat(
                  R"({"dimensions": [{"id": "a", "weight": -0.5, "indicators": [{"id": "a.x", "max": 10}]},
                                     {"id": "ok", "weight": 1, "indicators": )",
                  kOneIndicator, "}]}")),
              ElementsAre("assessment.scheme.dimensions[0].weight: must not be negative, found -0.5"));
}

TEST(Scheme, DimensionWeightsSummingToZero) {
  EXPECT_THAT(Problems(R"({"dimensions": [{"id": "a", "weight": 0, "indicators": [{"id": "a.x", "max": 10}]},
                                          {"id": "b", "weight": 0, "indicators": [{"id": "b.x", "max": 10}]}]})"),
              ElementsAre("assessment.scheme.dimensions: dimension weights must have a positive sum"));
}

TEST(Scheme, DimensionWithoutIndicators) {
  EXPECT_THAT(Problems(absl::StrCat(R"({"dimensions": [{"id": "ok", "weight": 1, "indicators": )",
                                    kOneIndicator,
                                    R"(}, {"id": "empty", "weight": 1, "indicators": []}]})")),
              ElementsAre("assessment.scheme.dimensions[1].indicators: a dimension needs at least "
                          "one indicator"));
}

TEST(Scheme, IndicatorMaxNotPositive) {
  EXPECT_THAT(
      Problems(R"({"dimensions": [{"id": "a", "weight": 1, "indicators": [
                    {"id": "a.x", "max": 10}, {"id": "a.y", "max": 0}, {"id": "a.z", "max": -5}]}]})"),
      ElementsAre("assessment.scheme.dimensions[0].indicators[1].max: must be greater than 0",
                  "assessment.scheme.dimensions[0].indicators[2].max: must be greater than 0"));
}

TEST(Scheme, DuplicateIndicator) {
  EXPECT_THAT(
      Problems(R"({"dimensions": [{"id": "a", "weight": 1, "indicators": [{"id": "x", "max": 10}]},
                                  {"id": "b", "weight": 1, "indicators": [{"id": "x", "max": 20}]}]})"),
      ElementsAre("assessment.scheme.dimensions[1].indicators[0].id: duplicate indicator \"x\""));
}

TEST(Scheme, UnknownIndicatorSource) {
  EXPECT_THAT(
      Problems(R"({"dimensions": [{"id": "a", "weight": 1,
                    "indicators": [{"id": "a.x", "max": 10, "from": "ledger.late_rate"}]}]})"),
      ElementsAre("assessment.scheme.dimensions[0].indicators[0].from: unknown source "
                  "\"ledger.late_rate\" (expected ledger.on_time_rate)"));
}

TEST(Scheme, NegativeComponentWeight) {
  EXPECT_THAT(Problems(R"({"components": {"review": -0.1}})"),
              ElementsAre("assessment.scheme.components.review: must not be negative, found -0.1"));
}

TEST(Scheme, GradesNotStrictlyDecreasing) {
  EXPECT_THAT(Problems(R"({"grades": [{"id": "good", "min": 90}, {"id": "fairly_good", "min": 90},
                                      {"id": "poor", "min": 0}]})"),
              ElementsAre("assessment.scheme.grades[1].min: grades must be ordered by strictly "
                          "decreasing min"));
  EXPECT_THAT(Problems(R"({"grades": [{"id": "good", "min": 80}, {"id": "better", "min": 90},
                                      {"id": "poor", "min": 0}]})"),
              ElementsAre("assessment.scheme.grades[1].min: grades must be ordered by strictly "
                          "decreasing min"));
}

TEST(Scheme, LastGradeWithQuota) {
  EXPECT_THAT(Problems(R"({"grades": [{"id": "good", "min": 90}, {"id": "poor", "min": 0, "quota": 0.5}]})"),
              ElementsAre("assessment.scheme.grades[1].quota: the last grade takes everyone left "
                          "and has no quota"));
}

TEST(Scheme, QuotaOutsideZeroToOne) {
  EXPECT_THAT(Problems(R"({"grades": [{"id": "good", "min": 90, "quota": 1.5}, {"id": "poor", "min": 0}]})"),
              ElementsAre("assessment.scheme.grades[0].quota: must be in [0, 1], found 1.5"));
  EXPECT_THAT(Problems(R"({"grades": [{"id": "good", "min": 90, "quota": -0.25}, {"id": "poor", "min": 0}]})"),
              ElementsAre("assessment.scheme.grades[0].quota: must be in [0, 1], found -0.25"));
  // The ends are allowed.
  Parsed(R"({"grades": [{"id": "a", "min": 90, "quota": 0}, {"id": "b", "min": 80, "quota": 1},
                        {"id": "poor", "min": 0}]})");
}

TEST(Scheme, UnknownSeverityInDeductions) {
  EXPECT_THAT(Problems(R"({"deductions": {"severe": 3}})"),
              ElementsAre("assessment.scheme.deductions.severe: unknown key \"severe\""));
  EXPECT_THAT(Problems(R"({"deductions": {"factors": {"bribery": 2}}})"),
              ElementsAre("assessment.scheme.deductions.factors.bribery: unknown key \"bribery\""));
}

TEST(Scheme, UnknownSeverityInVetoes) {
  EXPECT_THAT(Problems(R"({"vetoes": [{"severity": "severe", "max_grade": "poor"}]})"),
              ElementsAre("assessment.scheme.vetoes[0].severity: unknown severity \"severe\" "
                          "(expected one of minor, serious, grave)"));
}

TEST(Scheme, VetoNamingAnUnknownGrade) {
  EXPECT_THAT(Problems(R"({"vetoes": [{"severity": "grave", "max_grade": "terrible"}]})"),
              ElementsAre("assessment.scheme.vetoes[0].max_grade: unknown grade \"terrible\""));
  // New grades start without the default veto, which named "poor": no problem.
  EXPECT_TRUE(ParseScheme(R"({"grades": [{"id": "pass", "min": 60}, {"id": "fail", "min": 0}]})").ok());
}

TEST(Scheme, FlagNamingAnUnknownGrade) {
  EXPECT_THAT(Problems(R"({"flags": [{"id": "f", "grades": ["good", "excellent"]}]})"),
              ElementsAre("assessment.scheme.flags[0].grades[1]: unknown grade \"excellent\""));
}

TEST(Scheme, UnknownWeightBy) {
  EXPECT_THAT(Problems(R"({"rollup": {"weight_by": "size"}})"),
              ElementsAre("assessment.scheme.rollup.weight_by: unknown weighting \"size\" "
                          "(expected members, equal)"));
}

TEST(Scheme, UnknownPeerGroups) {
  EXPECT_THAT(Problems(R"({"peer_groups": "level"})"),
              ElementsAre("assessment.scheme.peer_groups: unknown peer grouping \"level\" "
                          "(expected kind)"));
}

TEST(Scheme, UnknownKey) {
  EXPECT_THAT(Problems(R"({"bonus": 3})"),
              ElementsAre("assessment.scheme.bonus: unknown key \"bonus\""));
  EXPECT_THAT(Problems(R"({"rollup": {"weight": 1}})"),
              ElementsAre("assessment.scheme.rollup.weight: unknown key \"weight\""));
}

TEST(Scheme, NeitherDefaultNorObject) {
  EXPECT_THAT(Problems("42"), ElementsAre("assessment.scheme: expected \"default\" or an object"));
  EXPECT_THAT(Problems("\"custom\""),
              ElementsAre("assessment.scheme: expected \"default\" or an object"));
}

TEST(Scheme, PathsStartWithTheGivenPath) {
  EXPECT_THAT(Problems(R"({"bonus_cap": -1})", "scheme"),
              ElementsAre("scheme.bonus_cap: must not be negative, found -1"));
}

TEST(Scheme, ProblemsInAModel) {
  EXPECT_THAT(ModelProblems(R"({"period": {"from": "2025-01-01", "to": "2026-01-01"}, "scheme": 42})"),
              ElementsAre("assessment.scheme: expected \"default\" or an object"));
  EXPECT_THAT(ModelProblems(R"({"period": {"from": "2025-01-01", "to": "2026-01-01"},
                                "scheme": {"bonus_cap": -1}})"),
              ElementsAre("assessment.scheme.bonus_cap: must not be negative, found -1"));
}

TEST(Scheme, PointsNamingAnUnknownIndicator) {
  EXPECT_THAT(ModelProblems(R"({"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "points": [{"unit": "b1", "indicator": "integrity.meetings", "value": 10},
                 {"unit": "b1", "indicator": "nope", "value": 1}]})"),
              ElementsAre("assessment.points[1].indicator: unknown indicator \"nope\""));
  // A custom scheme's indicators replace the default's.
  EXPECT_THAT(ModelProblems(R"({"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "scheme": {"dimensions": [{"id": "d", "weight": 1, "indicators": [{"id": "d.x", "max": 10}]}]},
      "points": [{"unit": "b1", "indicator": "d.x", "value": 10},
                 {"unit": "b1", "indicator": "integrity.meetings", "value": 1}]})"),
              ElementsAre("assessment.points[1].indicator: unknown indicator \"integrity.meetings\""));
}

TEST(Scheme, PointsNamingALedgerIndicator) {
  EXPECT_THAT(ModelProblems(R"({"period": {"from": "2025-01-01", "to": "2026-01-01"},
      "points": [{"unit": "b1", "indicator": "grassroots.on_time", "value": 50}]})"),
              ElementsAre("assessment.points[0].indicator: indicator \"grassroots.on_time\" comes "
                          "from the ledger and takes no points"));
}

}  // namespace
