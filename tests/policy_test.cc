// The accountability policy (spec/model-format.md, "Policy (accountability)"): the library's
// default, its JSON form, partial overrides, and every problem a policy can have, with its
// JSON path and message.
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
#include "zeren/policy.h"
#include "zeren/problem.h"
#include "zeren/vocabulary.h"

namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using zeren::Category;
using zeren::CircumstanceKind;
using zeren::Form;
using zeren::ParsePolicy;
using zeren::Policy;
using zeren::Severity;

constexpr Severity kMinor = Severity::kMinor;
constexpr Severity kSerious = Severity::kSerious;
constexpr Severity kGrave = Severity::kGrave;

// Every field, compared exactly.
void ExpectSamePolicy(const Policy& a, const Policy& b) {
  for (int c = 0; c < zeren::kCategoryCount; ++c) {
    SCOPED_TRACE(zeren::Name(static_cast<Category>(c)));
    EXPECT_EQ(a.degrees[c], b.degrees[c]);
    for (int s = 0; s < 3; ++s) EXPECT_EQ(a.forms[c][s], b.forms[c][s]) << "severity " << s;
  }
  EXPECT_EQ(a.upward_min_severity, b.upward_min_severity);
  EXPECT_EQ(a.upward_decay, b.upward_decay);
  EXPECT_EQ(a.upward_max_levels, b.upward_max_levels);
  for (int k = 0; k < 8; ++k) {
    SCOPED_TRACE(zeren::Name(static_cast<CircumstanceKind>(k)));
    EXPECT_EQ(a.circumstances[k].exempt, b.circumstances[k].exempt);
    EXPECT_EQ(a.circumstances[k].step, b.circumstances[k].step);
  }
}

// The problems of a policy that must be rejected, as "path: message".
std::vector<std::string> Problems(absl::string_view text, absl::string_view path = "policy") {
  zeren::ProblemList problems;
  absl::StatusOr<Policy> policy = ParsePolicy(text, path, &problems);
  EXPECT_FALSE(policy.ok()) << text;
  std::vector<std::string> out;
  for (const zeren::Problem& p : problems.kept()) out.push_back(p.ToString());
  EXPECT_EQ(problems.total(), out.size());
  return out;
}

constexpr char kForms[] =
    "none, self_examination, circulated_notice, reorganization, admonishment, "
    "organizational_adjustment, disciplinary_sanction";

// ---- the default ---------------------------------------------------------------------------

TEST(Policy, DefaultDegrees) {
  const Policy& p = zeren::DefaultPolicy();
  EXPECT_EQ(p.degree(Category::kDirect), 1.0);
  EXPECT_EQ(p.degree(Category::kMainLeadership), 0.6);
  EXPECT_EQ(p.degree(Category::kImportantLeadership), 0.3);
  EXPECT_EQ(p.degree(Category::kOverallLeadership), 0.8);
  EXPECT_EQ(p.degree(Category::kSupervisory), 0.4);
  EXPECT_EQ(p.degree(Category::kGuidance), 0.3);
  EXPECT_EQ(p.degree(Category::kUpward), 0.5);
}

TEST(Policy, DefaultUpward) {
  const Policy& p = zeren::DefaultPolicy();
  EXPECT_EQ(p.upward_min_severity, kGrave);
  EXPECT_EQ(p.upward_decay, 0.5);
  EXPECT_EQ(p.upward_max_levels, 2);
}

TEST(Policy, DefaultForms) {
  const Policy& p = zeren::DefaultPolicy();
  EXPECT_EQ(p.form(Category::kDirect, kMinor), Form::kAdmonishment);
  EXPECT_EQ(p.form(Category::kDirect, kSerious), Form::kDisciplinarySanction);
  EXPECT_EQ(p.form(Category::kDirect, kGrave), Form::kDisciplinarySanction);
  EXPECT_EQ(p.form(Category::kMainLeadership, kMinor), Form::kCirculatedNotice);
  EXPECT_EQ(p.form(Category::kMainLeadership, kSerious), Form::kAdmonishment);
  EXPECT_EQ(p.form(Category::kMainLeadership, kGrave), Form::kOrganizationalAdjustment);
  EXPECT_EQ(p.form(Category::kImportantLeadership, kMinor), Form::kNone);
  EXPECT_EQ(p.form(Category::kImportantLeadership, kSerious), Form::kCirculatedNotice);
  EXPECT_EQ(p.form(Category::kImportantLeadership, kGrave), Form::kAdmonishment);
  EXPECT_EQ(p.form(Category::kOverallLeadership, kMinor), Form::kSelfExamination);
  EXPECT_EQ(p.form(Category::kOverallLeadership, kSerious), Form::kCirculatedNotice);
  EXPECT_EQ(p.form(Category::kOverallLeadership, kGrave), Form::kReorganization);
  EXPECT_EQ(p.form(Category::kSupervisory, kMinor), Form::kNone);
  EXPECT_EQ(p.form(Category::kSupervisory, kSerious), Form::kCirculatedNotice);
  EXPECT_EQ(p.form(Category::kSupervisory, kGrave), Form::kAdmonishment);
  EXPECT_EQ(p.form(Category::kGuidance, kMinor), Form::kNone);
  EXPECT_EQ(p.form(Category::kGuidance, kSerious), Form::kCirculatedNotice);
  EXPECT_EQ(p.form(Category::kGuidance, kGrave), Form::kAdmonishment);
  EXPECT_EQ(p.form(Category::kUpward, kMinor), Form::kNone);
  EXPECT_EQ(p.form(Category::kUpward, kSerious), Form::kCirculatedNotice);
  EXPECT_EQ(p.form(Category::kUpward, kGrave), Form::kAdmonishment);
}

TEST(Policy, DefaultCircumstanceSteps) {
  const Policy& p = zeren::DefaultPolicy();
  struct Expected {
    CircumstanceKind kind;
    bool exempt;
    int step;
  };
  for (const Expected& e : {Expected{CircumstanceKind::kRepeat, false, 1},
                            Expected{CircumstanceKind::kConcealment, false, 1},
                            Expected{CircumstanceKind::kObstruction, false, 1},
                            Expected{CircumstanceKind::kRefusedRectification, false, 1},
                            Expected{CircumstanceKind::kSelfReport, false, -1},
                            Expected{CircumstanceKind::kPromptRectification, false, -1},
                            Expected{CircumstanceKind::kDueDiligence, false, -1},
                            Expected{CircumstanceKind::kObjectionOnRecord, true, 0}}) {
    SCOPED_TRACE(zeren::Name(e.kind));
    EXPECT_EQ(p.circumstance(e.kind).exempt, e.exempt);
    EXPECT_EQ(p.circumstance(e.kind).step, e.step);
  }
}

TEST(Policy, DefaultIsWhatParsingDefaultOrAnEmptyObjectGives) {
  absl::StatusOr<Policy> named = ParsePolicy(R"("default")");
  ASSERT_TRUE(named.ok()) << named.status();
  ExpectSamePolicy(*named, zeren::DefaultPolicy());
  absl::StatusOr<Policy> empty = ParsePolicy("{}");
  ASSERT_TRUE(empty.ok()) << empty.status();
  ExpectSamePolicy(*empty, zeren::DefaultPolicy());
}

TEST(Policy, LaddersAndNames) {
  using zeren::Ladder;
  EXPECT_EQ(zeren::LadderOf(Category::kOverallLeadership), Ladder::kUnits);
  EXPECT_EQ(zeren::LadderOf(Category::kDirect), Ladder::kPeople);
  EXPECT_EQ(zeren::LadderOf(Category::kUpward), Ladder::kPeople);
  ASSERT_EQ(zeren::RungCount(Ladder::kUnits), 4);
  ASSERT_EQ(zeren::RungCount(Ladder::kPeople), 5);
  const Form units[] = {Form::kNone, Form::kSelfExamination, Form::kCirculatedNotice,
                        Form::kReorganization};
  const Form people[] = {Form::kNone, Form::kCirculatedNotice, Form::kAdmonishment,
                         Form::kOrganizationalAdjustment, Form::kDisciplinarySanction};
  for (int r = 0; r < 4; ++r) {
    EXPECT_EQ(zeren::FormAt(Ladder::kUnits, r), units[r]);
    EXPECT_EQ(zeren::RungOf(Ladder::kUnits, units[r]), r);
  }
  for (int r = 0; r < 5; ++r) {
    EXPECT_EQ(zeren::FormAt(Ladder::kPeople, r), people[r]);
    EXPECT_EQ(zeren::RungOf(Ladder::kPeople, people[r]), r);
  }
  EXPECT_EQ(zeren::RungOf(Ladder::kUnits, Form::kAdmonishment), -1);
  EXPECT_EQ(zeren::RungOf(Ladder::kPeople, Form::kReorganization), -1);
  EXPECT_EQ(zeren::RungOf(Ladder::kPeople, Form::kSelfExamination), -1);
  EXPECT_EQ(zeren::Name(Category::kImportantLeadership), "important_leadership");
  EXPECT_EQ(zeren::Name(Form::kOrganizationalAdjustment), "organizational_adjustment");
  EXPECT_EQ(zeren::ParseCategory("guidance"), Category::kGuidance);
  EXPECT_EQ(zeren::ParseCategory("boss"), std::nullopt);
  EXPECT_EQ(zeren::ParseForm("self_examination"), Form::kSelfExamination);
  EXPECT_EQ(zeren::ParseForm("jail"), std::nullopt);
  EXPECT_EQ(zeren::Spellings(Form::kNone), kForms);
}

// ---- JSON -----------------------------------------------------------------------------------

TEST(Policy, DefaultToJsonParsesBackToTheSamePolicy) {
  const std::string text = zeren::PolicyToJson(zeren::DefaultPolicy());
  absl::StatusOr<Policy> back = ParsePolicy(text);
  ASSERT_TRUE(back.ok()) << back.status() << "\n" << text;
  ExpectSamePolicy(*back, zeren::DefaultPolicy());
  // A complete object: every section, every category, severity and circumstance.
  json::value v = json::parse(text);
  const json::object& o = v.as_object();
  EXPECT_EQ(o.size(), 4u);
  EXPECT_EQ(o.at("degrees").as_object().size(), 7u);
  EXPECT_EQ(o.at("forms").as_object().size(), 7u);
  EXPECT_EQ(o.at("forms").at("main_leadership").as_object().size(), 3u);
  EXPECT_EQ(o.at("circumstances").as_object().size(), 8u);
  EXPECT_EQ(o.at("upward").as_object().size(), 3u);
  EXPECT_EQ(o.at("upward").at("min_severity").as_string(), "grave");
  EXPECT_EQ(o.at("upward").at("max_levels").to_number<int64_t>(), 2);
  EXPECT_EQ(o.at("degrees").at("main_leadership").to_number<double>(), 0.6);
  EXPECT_EQ(o.at("forms").at("overall_leadership").at("grave").as_string(), "reorganization");
  EXPECT_EQ(o.at("circumstances").at("objection_on_record").as_string(), "exempt");
  EXPECT_EQ(o.at("circumstances").at("self_report").to_number<int64_t>(), -1);
}

TEST(Policy, AnyPolicyToJsonParsesBackToTheSamePolicy) {
  absl::StatusOr<Policy> custom = ParsePolicy(R"({
    "degrees": {"direct": 0.3333333333, "upward": 0.1},
    "upward": {"min_severity": "minor", "decay": 1, "max_levels": 0},
    "forms": {"overall_leadership": {"minor": "none"}, "direct": {"grave": "circulated_notice"}},
    "circumstances": {"repeat": "exempt", "objection_on_record": 0, "self_report": -100,
                      "concealment": 100}})");
  ASSERT_TRUE(custom.ok()) << custom.status();
  absl::StatusOr<Policy> back = ParsePolicy(zeren::PolicyToJson(*custom));
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSamePolicy(*back, *custom);
  EXPECT_EQ(back->degree(Category::kDirect), 0.3333333333);
  EXPECT_EQ(back->upward_min_severity, kMinor);
  EXPECT_EQ(back->upward_max_levels, 0);
  EXPECT_TRUE(back->circumstance(CircumstanceKind::kRepeat).exempt);
  EXPECT_FALSE(back->circumstance(CircumstanceKind::kObjectionOnRecord).exempt);
  EXPECT_EQ(back->circumstance(CircumstanceKind::kObjectionOnRecord).step, 0);
  EXPECT_EQ(back->circumstance(CircumstanceKind::kSelfReport).step, -100);
  EXPECT_EQ(back->circumstance(CircumstanceKind::kConcealment).step, 100);
}

TEST(Policy, PartialObjectsOverrideOnlyTheKeysTheyName) {
  {
    absl::StatusOr<Policy> p = ParsePolicy(R"({"degrees": {"direct": 0.9}})");
    ASSERT_TRUE(p.ok()) << p.status();
    Policy expected = zeren::DefaultPolicy();
    expected.degrees[static_cast<int>(Category::kDirect)] = 0.9;
    ExpectSamePolicy(*p, expected);
  }
  {
    absl::StatusOr<Policy> p = ParsePolicy(R"({"forms": {"upward": {"grave": "none"}}})");
    ASSERT_TRUE(p.ok()) << p.status();
    Policy expected = zeren::DefaultPolicy();
    expected.forms[static_cast<int>(Category::kUpward)][static_cast<int>(kGrave)] = Form::kNone;
    ExpectSamePolicy(*p, expected);
  }
  {
    absl::StatusOr<Policy> p = ParsePolicy(R"({"upward": {"max_levels": 7}})");
    ASSERT_TRUE(p.ok()) << p.status();
    Policy expected = zeren::DefaultPolicy();
    expected.upward_max_levels = 7;
    ExpectSamePolicy(*p, expected);
  }
  {
    absl::StatusOr<Policy> p = ParsePolicy(R"({"circumstances": {"due_diligence": "exempt"}})");
    ASSERT_TRUE(p.ok()) << p.status();
    Policy expected = zeren::DefaultPolicy();
    expected.circumstances[static_cast<int>(CircumstanceKind::kDueDiligence)] = {true, 0};
    ExpectSamePolicy(*p, expected);
  }
}

TEST(Policy, BoundaryValuesAreAccepted) {
  absl::StatusOr<Policy> p = ParsePolicy(R"({"degrees": {"direct": 1, "guidance": 1e-9},
      "upward": {"decay": 1, "max_levels": 1000},
      "circumstances": {"repeat": 100, "self_report": -100}})");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->degree(Category::kDirect), 1.0);
  EXPECT_EQ(p->degree(Category::kGuidance), 1e-9);
  EXPECT_EQ(p->upward_decay, 1.0);
  EXPECT_EQ(p->upward_max_levels, 1000);
  EXPECT_EQ(p->circumstance(CircumstanceKind::kRepeat).step, 100);
  EXPECT_EQ(p->circumstance(CircumstanceKind::kSelfReport).step, -100);
  absl::StatusOr<Policy> whole = ParsePolicy(R"({"circumstances": {"repeat": 2.0, "obstruction": 1e0}})");
  ASSERT_TRUE(whole.ok()) << whole.status();
  EXPECT_EQ(whole->circumstance(CircumstanceKind::kRepeat).step, 2);
  EXPECT_EQ(whole->circumstance(CircumstanceKind::kObstruction).step, 1);
  absl::StatusOr<Policy> zero_levels = ParsePolicy(R"({"upward": {"max_levels": 0}})");
  ASSERT_TRUE(zero_levels.ok()) << zero_levels.status();
  EXPECT_EQ(zero_levels->upward_max_levels, 0);
}

TEST(Policy, ExtensionKeysAreAcceptedAndKeptInTheModel) {
  absl::StatusOr<Policy> p =
      ParsePolicy(R"({"x_note": "ours", "degrees": {"x_why": 1, "direct": 0.9}})");
  ASSERT_TRUE(p.ok()) << p.status();
  Policy expected = zeren::DefaultPolicy();
  expected.degrees[static_cast<int>(Category::kDirect)] = 0.9;
  ExpectSamePolicy(*p, expected);

  absl::StatusOr<zeren::Model> model = zeren::ParseModelJson(
      R"({"format": "zeren-model", "version": 1,
          "units": [{"id": "b", "name": "Branch", "kind": "branch"}],
          "policy": {"x_note": "ours", "degrees": {"direct": 0.9}}})");
  ASSERT_TRUE(model.ok()) << model.status();
  json::value saved = json::parse(zeren::ModelToJson(*model));
  EXPECT_EQ(saved.at("policy").at("x_note").as_string(), "ours");
  EXPECT_EQ(saved.at("policy").at("degrees").at("direct").to_number<double>(), 0.9);
}

// ---- problems -------------------------------------------------------------------------------

TEST(Policy, UnknownCategoryKeys) {
  EXPECT_THAT(Problems(R"({"degrees": {"boss": 0.5}})"),
              ElementsAre("policy.degrees.boss: unknown key \"boss\""));
  EXPECT_THAT(Problems(R"({"forms": {"boss": {"minor": "none"}}})"),
              ElementsAre("policy.forms.boss: unknown key \"boss\""));
}

TEST(Policy, UnknownFormName) {
  EXPECT_THAT(Problems(R"({"forms": {"direct": {"minor": "jail"}}})"),
              ElementsAre(absl::StrCat("policy.forms.direct.minor: unknown minor \"jail\" "
                                       "(expected one of ",
                                       kForms, ")")));
}

TEST(Policy, FormOnTheWrongLadder) {
  EXPECT_THAT(Problems(R"({"forms": {"main_leadership": {"serious": "reorganization"}}})"),
              ElementsAre("policy.forms.main_leadership.serious: form \"reorganization\" is not "
                          "on the people's ladder"));
  EXPECT_THAT(Problems(R"({"forms": {"direct": {"minor": "self_examination"}}})"),
              ElementsAre("policy.forms.direct.minor: form \"self_examination\" is not on the "
                          "people's ladder"));
  EXPECT_THAT(Problems(R"({"forms": {"overall_leadership": {"grave": "admonishment"}}})"),
              ElementsAre("policy.forms.overall_leadership.grave: form \"admonishment\" is not "
                          "on the units' ladder"));
}

TEST(Policy, UnknownSeverity) {
  EXPECT_THAT(Problems(R"({"forms": {"direct": {"extreme": "none"}}})"),
              ElementsAre("policy.forms.direct.extreme: unknown key \"extreme\""));
  EXPECT_THAT(Problems(R"({"upward": {"min_severity": "extreme"}})"),
              ElementsAre("policy.upward.min_severity: unknown min_severity \"extreme\" "
                          "(expected one of minor, serious, grave)"));
}

TEST(Policy, DegreesMustBeInZeroToOne) {
  EXPECT_THAT(Problems(R"({"degrees": {"direct": 0}})"),
              ElementsAre("policy.degrees.direct: must be in (0, 1], found 0"));
  EXPECT_THAT(Problems(R"({"degrees": {"main_leadership": 1.5}})"),
              ElementsAre("policy.degrees.main_leadership: must be in (0, 1], found 1.5"));
  EXPECT_THAT(Problems(R"({"degrees": {"upward": -0.2}})"),
              ElementsAre("policy.degrees.upward: must be in (0, 1], found -0.2"));
  EXPECT_THAT(Problems(R"({"degrees": {"guidance": "high"}})"),
              ElementsAre("policy.degrees.guidance: expected a number, found a string"));
}

TEST(Policy, DecayMustBeInZeroToOne) {
  EXPECT_THAT(Problems(R"({"upward": {"decay": 0}})"),
              ElementsAre("policy.upward.decay: must be in (0, 1], found 0"));
  EXPECT_THAT(Problems(R"({"upward": {"decay": 1.2}})"),
              ElementsAre("policy.upward.decay: must be in (0, 1], found 1.2"));
}

TEST(Policy, MaxLevelsMustBeANonNegativeInteger) {
  EXPECT_THAT(Problems(R"({"upward": {"max_levels": -1}})"),
              ElementsAre("policy.upward.max_levels: must be an integer from 0 to 1000"));
  EXPECT_THAT(Problems(R"({"upward": {"max_levels": 1001}})"),
              ElementsAre("policy.upward.max_levels: must be an integer from 0 to 1000"));
  EXPECT_THAT(Problems(R"({"upward": {"max_levels": 2.5}})"),
              ElementsAre("policy.upward.max_levels: expected an integer, found a fraction"));
  EXPECT_THAT(Problems(R"({"upward": {"max_levels": 1e300}})"),
              ElementsAre("policy.upward.max_levels: expected an integer within "
                          "±9007199254740992"));
}

TEST(Policy, StepsAreIntegersOrExempt) {
  const std::string message = "expected an integer step from -100 to 100 or \"exempt\"";
  EXPECT_THAT(Problems(R"({"circumstances": {"repeat": 1.5}})"),
              ElementsAre("policy.circumstances.repeat: " + message));
  EXPECT_THAT(Problems(R"({"circumstances": {"due_diligence": "sometimes"}})"),
              ElementsAre("policy.circumstances.due_diligence: " + message));
  EXPECT_THAT(Problems(R"({"circumstances": {"self_report": -101}})"),
              ElementsAre("policy.circumstances.self_report: " + message));
  EXPECT_THAT(Problems(R"({"circumstances": {"flattery": 1}})"),
              ElementsAre("policy.circumstances.flattery: unknown key \"flattery\""));
}

TEST(Policy, PolicyMustBeDefaultOrAnObject) {
  EXPECT_THAT(Problems(R"("strict")"), ElementsAre("policy: expected \"default\" or an object"));
  EXPECT_THAT(Problems("42"), ElementsAre("policy: expected \"default\" or an object"));
}

TEST(Policy, UnknownTopLevelKey) {
  EXPECT_THAT(Problems(R"({"severity": {"minor": 1}})"),
              ElementsAre("policy.severity: unknown key \"severity\""));
}

TEST(Policy, SectionsMustBeObjects) {
  EXPECT_THAT(Problems(R"({"forms": {"direct": "none"}})"),
              ElementsAre("policy.forms.direct: expected an object, found a string"));
}

TEST(Policy, EveryProblemIsReportedWithThePathPrefixGiven) {
  EXPECT_THAT(Problems(R"({"degrees": {"direct": 0, "upward": 2},
                           "upward": {"decay": 0},
                           "circumstances": {"repeat": "often"}})",
                       "assessment.policy"),
              ElementsAre("assessment.policy.degrees.direct: must be in (0, 1], found 0",
                          "assessment.policy.degrees.upward: must be in (0, 1], found 2",
                          "assessment.policy.upward.decay: must be in (0, 1], found 0",
                          "assessment.policy.circumstances.repeat: expected an integer step "
                          "from -100 to 100 or \"exempt\""));
  absl::StatusOr<Policy> p = ParsePolicy(R"({"degrees": {"direct": 0, "upward": 2}})");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(p.status().message(),
            "policy.degrees.direct: must be in (0, 1], found 0 (and 1 more problems)");
}

// ---- in a model document --------------------------------------------------------------------

std::vector<std::string> ModelProblems(absl::string_view policy) {
  const std::string doc = absl::StrCat(
      R"({"format": "zeren-model", "version": 1,
          "units": [{"id": "b", "name": "Branch", "kind": "branch"}], "policy": )",
      policy, "}");
  zeren::ProblemList problems;
  absl::StatusOr<zeren::Model> model = zeren::ParseModelJson(doc, &problems);
  EXPECT_FALSE(model.ok());
  std::vector<std::string> out;
  for (const zeren::Problem& p : problems.kept()) out.push_back(p.ToString());
  return out;
}

TEST(Policy, InvalidPolicyFailsTheModelWithItsPath) {
  EXPECT_THAT(ModelProblems(R"({"degrees": {"direct": 0}})"),
              ElementsAre("policy.degrees.direct: must be in (0, 1], found 0"));
  EXPECT_THAT(ModelProblems(R"({"upward": {"max_levels": -1}})"),
              ElementsAre("policy.upward.max_levels: must be an integer from 0 to 1000"));
  EXPECT_THAT(ModelProblems(R"({"forms": {"overall_leadership": {"grave": "admonishment"}}})"),
              ElementsAre("policy.forms.overall_leadership.grave: form \"admonishment\" is not "
                          "on the units' ladder"));
  EXPECT_THAT(ModelProblems(R"({"circumstances": {"repeat": "sometimes"}})"),
              ElementsAre("policy.circumstances.repeat: expected an integer step from -100 to "
                          "100 or \"exempt\""));
  EXPECT_THAT(ModelProblems(R"("strict")"),
              ElementsAre("policy: expected \"default\" or an object"));
  EXPECT_THAT(ModelProblems("42"), ElementsAre("policy: expected \"default\" or an object"));

  zeren::ProblemList problems;
  absl::StatusOr<zeren::Model> model = zeren::ParseModelJson(
      R"({"format": "zeren-model", "version": 1,
          "units": [{"id": "b", "name": "Branch", "kind": "branch"}],
          "policy": {"degrees": {"direct": 0}}})",
      &problems);
  ASSERT_FALSE(model.ok());
  EXPECT_THAT(std::string(model.status().message()), HasSubstr("policy.degrees.direct"));
  ASSERT_EQ(problems.kept().size(), 1u);
  EXPECT_EQ(problems.kept()[0].path, "policy.degrees.direct");
}

}  // namespace
