// Every class of validation error: its JSON path, its id and its exact message.
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "zeren/model_json.h"

namespace zeren {
namespace {

// A document from its collections; each argument is the JSON text of an array.
std::string Doc(const std::string& units, const std::string& people = "[]",
                const std::string& posts = "[]", const std::string& links = "[]",
                const std::string& more = "") {
  return absl::StrCat(R"({"format": "zeren-model", "version": 1, "units": )", units,
                      R"(, "people": )", people, R"(, "posts": )", posts, R"(, "links": )", links,
                      more, "}");
}

const std::string kTwoUnits =
    R"([{"id": "org", "name": "Org", "kind": "leading_group"},
        {"id": "b1", "name": "B1", "kind": "branch", "parents": ["org"]}])";
const std::string kTwoPeople = R"([{"id": "p1", "name": "P1"}, {"id": "p2", "name": "P2"}])";

ProblemList ProblemsOf(const std::string& text) {
  ProblemList problems;
  absl::StatusOr<Model> model = ParseModelJson(text, &problems);
  EXPECT_FALSE(model.ok()) << text;
  return problems;
}

// The problems of an invalid document, one "path: message" line each.
std::vector<std::string> ProblemLines(const std::string& text) {
  const ProblemList problems = ProblemsOf(text);
  std::vector<std::string> lines;
  for (const Problem& p : problems.kept()) lines.push_back(p.ToString());
  return lines;
}

struct Case {
  const char* name;
  std::string document;
  std::string path;
  std::string id;
  std::string message;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ValidationCase : public testing::TestWithParam<Case> {};

TEST_P(ValidationCase, ReportsPathIdAndMessage) {
  const Case& c = GetParam();
  ProblemList problems = ProblemsOf(c.document);
  ASSERT_EQ(problems.total(), 1u) << (problems.empty() ? "" : problems.kept()[0].ToString());
  const Problem& p = problems.kept()[0];
  EXPECT_EQ(p.path, c.path);
  EXPECT_EQ(p.id, c.id);
  EXPECT_EQ(p.message, c.message);
}

const std::string kPost = R"({"person": "p1", "unit": "b1", "role": "secretary", "from": "2024-01-01"})";

INSTANTIATE_TEST_SUITE_P(
    EveryErrorClass, ValidationCase,
    testing::Values(
        Case{"UnknownParent",
             Doc(R"([{"id": "b1", "name": "B", "kind": "branch", "parents": ["zz"]}])"),
             "units[0].parents[0]", "zz", "unknown unit \"zz\""},
        Case{"DuplicateUnitId",
             Doc(R"([{"id": "b1", "name": "B", "kind": "branch"}, {"id": "b1", "name": "C", "kind": "branch"}])"),
             "units[1].id", "b1", "duplicate id \"b1\" (first at units[0])"},
        Case{"DuplicatePersonId", Doc(kTwoUnits, R"([{"id": "p1", "name": "A"}, {"id": "p1", "name": "B"}])"),
             "people[1].id", "p1", "duplicate id \"p1\" (first at people[0])"},
        Case{"EmptyId", Doc(R"([{"id": "", "name": "B", "kind": "branch"}])"), "units[0].id", "",
             "id must be a non-empty string"},
        Case{"CycleNamesItsUnits",
             Doc(R"([{"id": "a", "name": "A", "kind": "k", "parents": ["c"]},
                     {"id": "b", "name": "B", "kind": "k", "parents": ["a"]},
                     {"id": "c", "name": "C", "kind": "k", "parents": ["b"]}])"),
             "units[0].parents", "a", "`leads` links form a cycle: a -> b -> c -> a"},
        Case{"UnitLeadsItself", Doc(R"([{"id": "a", "name": "A", "kind": "k", "parents": ["a"]}])"),
             "units[0].parents[0]", "a", "unit \"a\" leads itself"},
        Case{"MalformedDate",
             Doc(kTwoUnits, kTwoPeople, R"([{"person": "p1", "unit": "b1", "role": "member", "from": "2025-02-30"}])"),
             "posts[0].from", "p1", "malformed date \"2025-02-30\" (expected YYYY-MM-DD)"},
        Case{"ToNotAfterFrom",
             Doc(kTwoUnits, kTwoPeople,
                 R"([{"person": "p1", "unit": "b1", "role": "member", "from": "2025-01-01", "to": "2025-01-01"}])"),
             "posts[0].to", "p1", "`to` 2025-01-01 is not after `from` 2025-01-01"},
        Case{"LinkDatesOutOfOrder",
             Doc(kTwoUnits, kTwoPeople, "[]",
                 R"([{"kind": "guides", "from": "p1", "to": "b1", "from_date": "2025-02-01", "to_date": "2025-01-01"}])"),
             "links[0].to_date", "p1", "`to_date` 2025-01-01 is not after `from_date` 2025-02-01"},
        Case{"OverlappingSecretaries",
             Doc(kTwoUnits, kTwoPeople,
                 R"([{"person": "p1", "unit": "b1", "role": "secretary", "from": "2024-01-01", "to": "2025-03-02"},
                     {"person": "p2", "unit": "b1", "role": "secretary", "from": "2025-03-01"}])"),
             "posts[1]", "b1",
             "secretary posts of unit \"b1\" overlap: \"p1\" (posts[0], 2024-01-01 to 2025-03-02) and "
             "\"p2\" (2025-03-01 to …)"},
        Case{"OverlappingHeads",
             Doc(kTwoUnits, kTwoPeople,
                 R"([{"person": "p1", "unit": "b1", "role": "head", "from": "2024-01-01"},
                     {"person": "p2", "unit": "b1", "role": "head", "from": "2024-06-01", "to": "2024-07-01"}])"),
             "posts[1]", "b1",
             "head posts of unit \"b1\" overlap: \"p1\" (posts[0], 2024-01-01 to …) and \"p2\" "
             "(2024-06-01 to 2024-07-01)"},
        Case{"OverlappingDisciplineSecretaries",
             Doc(kTwoUnits, kTwoPeople,
                 R"([{"person": "p1", "unit": "org", "role": "discipline_secretary", "from": "2024-01-01"},
                     {"person": "p2", "unit": "org", "role": "discipline_secretary", "from": "2023-01-01"}])"),
             "posts[0]", "org",
             "discipline_secretary posts of unit \"org\" overlap: \"p2\" (posts[1], 2023-01-01 to …) "
             "and \"p1\" (2024-01-01 to …)"},
        Case{"MixedWeightedParents",
             Doc(R"([{"id": "a", "name": "A", "kind": "k"}, {"id": "b", "name": "B", "kind": "k"},
                     {"id": "c", "name": "C", "kind": "k", "parents": [{"unit": "a", "weight": 0.5}, "b"]}])"),
             "units[2].parents", "c",
             "parents of unit \"c\" mix weighted and unweighted entries: give every parent a weight or none"},
        Case{"NonPositiveWeight",
             Doc(R"([{"id": "a", "name": "A", "kind": "k"},
                     {"id": "c", "name": "C", "kind": "k", "parents": [{"unit": "a", "weight": 0}]}])"),
             "units[1].parents[0].weight", "c",
             "weight of parent \"a\" of unit \"c\" must be a finite number > 0"},
        Case{"NonFiniteWeight",
             Doc(R"([{"id": "a", "name": "A", "kind": "k"},
                     {"id": "c", "name": "C", "kind": "k", "parents": [{"unit": "a", "weight": 1e400}]}])"),
             "", "", "units[1].parents[0].weight: number 1e400 is out of range for a finite double"},
        Case{"InvalidUtf8", Doc("[{\"id\": \"a\", \"name\": \"\xE4\xB8\", \"kind\": \"k\"}]"), "", "",
             "line 1, column 72: invalid UTF-8"},
        Case{"DuplicateJsonKey", Doc(R"([{"id": "a", "name": "A", "name": "B", "kind": "k"}])"), "", "",
             "units[0].name: duplicate key \"name\""},
        Case{"UnknownKey", Doc(R"([{"id": "a", "name": "A", "kind": "k", "colour": "red", "x_colour": "ok"}])"),
             "units[0].colour", "a", "unknown key \"colour\""},
        Case{"UnknownTopLevelKey", Doc("[]", "[]", "[]", "[]", R"(, "extra": 1)"), "extra", "",
             "unknown key \"extra\""},
        Case{"WrongType", Doc(R"([{"id": "a", "name": "A", "kind": "k", "members": "12"}])"),
             "units[0].members", "a", "expected an integer, found a string"},
        Case{"WrongTypeArray", Doc(R"({"id": "a"})"), "units", "", "expected an array, found an object"},
        Case{"NegativeMembers", Doc(R"([{"id": "a", "name": "A", "kind": "k", "members": -1}])"),
             "units[0].members", "a", "members must be from 0 to 2^53"},
        Case{"HugeInteger", Doc(R"([{"id": "a", "name": "A", "kind": "k", "members": 1e300}])"),
             "units[0].members", "a", "expected an integer within ±9007199254740992"},
        Case{"ReachOutOfRange",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "directives": [{"id": "dv", "issued_by": "org", "date": "2025-01-01", "reach": 99999999999}])"),
             "directives[0].reach", "dv", "integer 99999999999 is out of range"},
        Case{"InChargeListedTwice",
             Doc(kTwoUnits, kTwoPeople,
                 R"([{"person": "p1", "unit": "org", "role": "member", "from": "2024-01-01", "in_charge_of": ["b1", "b1"]}])"),
             "posts[0].in_charge_of[1]", "b1", "unit \"b1\" is listed twice"},
        Case{"ReviewOfAnotherDirectivesTask",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "directives": [{"id": "a", "issued_by": "org", "date": "2025-01-01",
                      "tasks": [{"id": "t", "unit": "b1", "due": "2025-02-01", "status": "open"}]},
                     {"id": "b", "issued_by": "org", "date": "2025-01-01",
                      "reviews": [{"date": "2025-03-01", "task": "t", "result": "pass"}]}])"),
             "directives[1].reviews[0].task", "t",
             "task \"t\" belongs to another directive (directives[0].tasks[0])"},
        Case{"SubtasksTooDeep",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 absl::StrCat(R"(, "directives": [{"id": "dv", "issued_by": "org", "date": "2025-01-01", "tasks": )",
                              [] {
                                std::string tasks = "[]";
                                for (int depth = 21; depth > 0; --depth) {
                                  tasks = absl::StrCat(R"([{"id": "t)", depth,
                                                       R"(", "unit": "b1", "due": "2025-02-01", "status": "open", "subtasks": )",
                                                       tasks, "}]");
                                }
                                return tasks;
                              }(),
                              "}]")),
             "directives[0].tasks", "dv", "subtasks nest deeper than 20 levels"},
        Case{"MissingRequiredKey", Doc(R"([{"id": "a", "kind": "k"}])"), "units[0].name", "a",
             "missing required key \"name\""},
        Case{"UnknownRole",
             Doc(kTwoUnits, kTwoPeople, R"([{"person": "p1", "unit": "b1", "role": "chief", "from": "2024-01-01"}])"),
             "posts[0].role", "p1",
             "unknown role \"chief\" (expected one of secretary, head, deputy, member, "
             "discipline_secretary, staff)"},
        Case{"UnknownLinkKind", Doc(kTwoUnits, kTwoPeople, "[]", R"([{"kind": "oversees", "from": "org", "to": "b1"}])"),
             "links[0].kind", "", "unknown kind \"oversees\" (expected one of supervises, specializes, guides)"},
        Case{"UnknownDutyCategory",
             Doc(kTwoUnits, "[]", "[]", "[]", R"(, "duties": [{"id": "d", "holder": {"unit": "b1"}, "category": "main"}])"),
             "duties[0].category", "d",
             "unknown category \"main\" (expected one of principal, first_responsible, dual_post, "
             "supervisory, specialized)"},
        Case{"UnknownSeverity",
             Doc(kTwoUnits, "[]", "[]", "[]", R"(, "incidents": [{"id": "i", "unit": "b1", "date": "2025-01-01", "severity": "huge"}])"),
             "incidents[0].severity", "i", "unknown severity \"huge\" (expected one of minor, serious, grave)"},
        Case{"UnknownStatus",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "directives": [{"id": "dv", "issued_by": "org", "date": "2025-01-01",
                      "tasks": [{"id": "t", "unit": "b1", "due": "2025-02-01", "status": "late"}]}])"),
             "directives[0].tasks[0].status", "t",
             "unknown status \"late\" (expected one of open, in_progress, done, verified, cancelled)"},
        Case{"UnknownCircumstance",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "incidents": [{"id": "i", "unit": "b1", "date": "2025-01-01", "severity": "minor",
                      "circumstances": [{"kind": "luck"}]}])"),
             "incidents[0].circumstances[0].kind", "i",
             "unknown kind \"luck\" (expected one of repeat, concealment, obstruction, "
             "refused_rectification, self_report, prompt_rectification, due_diligence, "
             "objection_on_record)"},
        Case{"UnknownReviewResult",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "directives": [{"id": "dv", "issued_by": "org", "date": "2025-01-01",
                      "reviews": [{"date": "2025-03-01", "result": "meh"}]}])"),
             "directives[0].reviews[0].result", "", "unknown result \"meh\" (expected one of pass, fail)"},
        Case{"UnknownPersonInPost", Doc(kTwoUnits, kTwoPeople, R"([{"person": "p9", "unit": "b1", "role": "staff", "from": "2024-01-01"}])"),
             "posts[0].person", "p9", "unknown person \"p9\""},
        Case{"UnknownUnitInCharge",
             Doc(kTwoUnits, kTwoPeople,
                 R"([{"person": "p1", "unit": "org", "role": "member", "from": "2024-01-01", "in_charge_of": ["b9"]}])"),
             "posts[0].in_charge_of[0]", "b9", "unknown unit \"b9\""},
        Case{"StaffInCharge",
             Doc(kTwoUnits, kTwoPeople,
                 R"([{"person": "p1", "unit": "org", "role": "staff", "from": "2024-01-01", "in_charge_of": ["b1"]}])"),
             "posts[0].in_charge_of", "p1", "only a leadership post can be in charge of units (role is staff)"},
        Case{"GuideMustBeAPerson", Doc(kTwoUnits, kTwoPeople, "[]", R"([{"kind": "guides", "from": "org", "to": "b1"}])"),
             "links[0].from", "org", "unknown person \"org\""},
        Case{"TaskOutsideIssuer",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "directives": [{"id": "dv", "issued_by": "b1", "date": "2025-01-01",
                      "tasks": [{"id": "t", "unit": "org", "due": "2025-02-01", "status": "open"}]}])"),
             "directives[0].tasks[0].unit", "t",
             "task \"t\" targets unit \"org\", which is not the issuing unit \"b1\" or below it"},
        Case{"DoneTaskWithoutCompleted",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "directives": [{"id": "dv", "issued_by": "org", "date": "2025-01-01",
                      "tasks": [{"id": "t", "unit": "b1", "due": "2025-02-01", "status": "done"}]}])"),
             "directives[0].tasks[0].completed", "t", "task \"t\" is done but has no `completed` date"},
        Case{"DuplicateTaskAcrossDirectives",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "directives": [{"id": "a", "issued_by": "org", "date": "2025-01-01",
                      "tasks": [{"id": "t", "unit": "b1", "due": "2025-02-01", "status": "open"}]},
                     {"id": "b", "issued_by": "org", "date": "2025-01-01",
                      "tasks": [{"id": "t", "unit": "b1", "due": "2025-02-01", "status": "open"}]}])"),
             "directives[1].tasks[0].id", "t", "duplicate task id \"t\" (first at directives[0].tasks[0])"},
        Case{"SinceAfterDate",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "incidents": [{"id": "i", "unit": "b1", "date": "2025-01-01", "since": "2025-02-01", "severity": "minor"}])"),
             "incidents[0].since", "i", "`since` 2025-02-01 is after `date` 2025-01-01"},
        Case{"EmptyOptionalReference",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "incidents": [{"id": "i", "unit": "b1", "date": "2025-01-01", "severity": "minor", "duty": ""}])"),
             "incidents[0].duty", "i", "must be a non-empty id"},
        Case{"EmptyGradeIdInScheme",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
                      "scheme": {"grades": [{"id": "", "min": 0}], "vetoes": []}})"),
             "assessment.scheme.grades[0].id", "", "must be a non-empty id"},
        Case{"UnknownDutyInIncident",
             Doc(kTwoUnits, "[]", "[]", "[]",
                 R"(, "incidents": [{"id": "i", "unit": "b1", "date": "2025-01-01", "severity": "minor", "duty": "d9"}])"),
             "incidents[0].duty", "d9", "unknown duty \"d9\""},
        Case{"PolicyMustBeDefaultOrObject", Doc("[]", "[]", "[]", "[]", R"(, "policy": "strict")"),
             "policy", "", "expected \"default\" or an object"},
        Case{"UnsupportedVersion",
             R"({"format": "zeren-model", "version": 2, "units": []})", "version", "",
             "unsupported format version 2 (this library reads version 1)"},
        Case{"AssessmentPeriodOrder",
             Doc("[]", "[]", "[]", "[]", R"(, "assessment": {"period": {"from": "2025-01-01", "to": "2024-01-01"}})"),
             "assessment.period.to", "", "`to` 2024-01-01 is not after `from` 2025-01-01"}),
    [](const testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(Validation, ReportsEveryProblemOfADocumentAtOnce) {
  ProblemList problems = ProblemsOf(Doc(
      R"([{"id": "a", "name": "A", "kind": "k", "parents": ["x"]},
          {"id": "a", "name": "B", "kind": "k", "members": -3}])",
      "[]", R"([{"person": "nobody", "unit": "a", "role": "staff", "from": "2024-01-01"}])"));
  ASSERT_EQ(problems.total(), 4u);
  std::vector<std::string> lines;
  for (const Problem& p : problems.kept()) lines.push_back(p.ToString());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "units[1].id: duplicate id \"a\" (first at units[0])",
                       "units[0].parents[0]: unknown unit \"x\"",
                       "units[1].members: members must be from 0 to 2^53",
                       "posts[0].person: unknown person \"nobody\""}));
}

TEST(Validation, KeepsTheFirstHundredProblemsAndCountsTheRest) {
  std::string units = "[";
  for (int i = 0; i < 150; ++i) {
    absl::StrAppend(&units, i ? ", " : "", R"({"id": "u", "name": "U", "kind": "k"})");
  }
  units += "]";
  ProblemList problems = ProblemsOf(Doc(units));
  EXPECT_EQ(problems.total(), 149u);
  EXPECT_EQ(problems.kept().size(), ProblemList::kMaxKept);
  absl::StatusOr<Model> model = ParseModelJson(Doc(units));
  EXPECT_EQ(model.status().message(),
            "units[1].id: duplicate id \"u\" (first at units[0]) (and 148 more problems)");
}

TEST(Validation, AcceptsAdjacentPostsAndUnitKindsOutsideTheList) {
  ProblemList problems;
  absl::StatusOr<Model> model = ParseModelJson(
      Doc(R"([{"id": "org", "name": "Org", "kind": "bureau_of_anything"}])", kTwoPeople,
          R"([{"person": "p1", "unit": "org", "role": "secretary", "from": "2024-01-01", "to": "2025-03-01"},
              {"person": "p2", "unit": "org", "role": "secretary", "from": "2025-03-01"},
              {"person": "p1", "unit": "org", "role": "deputy", "from": "2025-03-01"},
              {"person": "p2", "unit": "org", "role": "deputy", "from": "2025-03-01"}])"),
      &problems);
  EXPECT_TRUE(model.ok()) << model.status();
  EXPECT_TRUE(problems.empty());
}

// Posts and appraisals listed in the order of their people and units, then out of it: the
// same lookups, guessed or hashed, find the same records and miss the same unknown ids.
TEST(Validation, FindsReferencesInAnyOrder) {
  const std::string units = R"([{"id": "org", "name": "Org", "kind": "leading_group"},
      {"id": "b1", "name": "B1", "kind": "branch", "parents": ["org"]},
      {"id": "b2", "name": "B2", "kind": "branch", "parents": ["org"]}])";
  const std::string people = R"([{"id": "p1", "name": "P1"}, {"id": "p2", "name": "P2"},
      {"id": "p3", "name": "P3"}])";
  const std::vector<std::string> lines = ProblemLines(Doc(
      units, people,
      R"([{"person": "p1", "unit": "org", "role": "member", "from": "2024-01-01"},
          {"person": "p2", "unit": "b1", "role": "member", "from": "2024-01-01"},
          {"person": "p3", "unit": "b2", "role": "member", "from": "2024-01-01"},
          {"person": "p3", "unit": "b3", "role": "member", "from": "2024-01-01"},
          {"person": "p4", "unit": "b2", "role": "member", "from": "2024-01-01"},
          {"person": "p1", "unit": "b1", "role": "member", "from": "2024-01-01"},
          {"person": "p2", "unit": "org", "role": "member", "from": "2024-01-01"},
          {"person": "", "unit": "", "role": "member", "from": "2024-01-01"}])"));
  EXPECT_EQ(lines, (std::vector<std::string>{"posts[3].unit: unknown unit \"b3\"",
                                             "posts[4].person: unknown person \"p4\"",
                                             "posts[7].person: unknown person \"\"",
                                             "posts[7].unit: unknown unit \"\""}));
}

// With a unit id repeated, posts naming it are one unit's posts: the third post's unit
// follows the second's in the document, but a guess must not land on the repeat. Posts of
// an unknown unit are reported as such and not compared.
TEST(Validation, ComparesPostsOfARepeatedUnitIdAndNotOfAnUnknownOne) {
  const std::vector<std::string> lines = ProblemLines(Doc(
      R"([{"id": "b1", "name": "B1", "kind": "branch"}, {"id": "c", "name": "C", "kind": "branch"},
          {"id": "b1", "name": "B1", "kind": "branch"}])",
      kTwoPeople,
      R"([{"person": "p1", "unit": "b1", "role": "secretary", "from": "2024-01-01"},
          {"person": "p1", "unit": "c", "role": "member", "from": "2024-01-01"},
          {"person": "p2", "unit": "b1", "role": "secretary", "from": "2024-06-01"},
          {"person": "p1", "unit": "zz", "role": "head", "from": "2024-01-01"},
          {"person": "p2", "unit": "zz", "role": "head", "from": "2024-06-01"}])"));
  EXPECT_EQ(lines,
            (std::vector<std::string>{
                "units[2].id: duplicate id \"b1\" (first at units[0])",
                "posts[3].unit: unknown unit \"zz\"", "posts[4].unit: unknown unit \"zz\"",
                "posts[2]: secretary posts of unit \"b1\" overlap: \"p1\" (posts[0], 2024-01-01 "
                "to …) and \"p2\" (2024-06-01 to …)"}));
}

// A repeat is found in lists of any length: a short scan, a hash set past 16 entries. A
// unit listed three times is reported at its second and third places.
TEST(Validation, FindsRepeatsInLongLists) {
  std::string units = R"([{"id": "org", "name": "Org", "kind": "leading_group"})";
  std::string many;
  for (int i = 0; i < 40; ++i) {
    absl::StrAppend(&units, R"(, {"id": "b)", i,
                    R"(", "name": "B", "kind": "branch", "parents": ["org"]})");
    absl::StrAppend(&many, i ? ", " : "", "\"b", i, "\"");
  }
  absl::StrAppend(&units, R"(, {"id": "multi", "name": "M", "kind": "group", "parents": [)", many,
                  R"(, "b3", "b7", "b3"]}])");
  const std::string post = absl::StrCat(
      R"([{"person": "p1", "unit": "org", "role": "member", "from": "2024-01-01",)"
      R"( "in_charge_of": [)",
      many, R"(, "b39", "b0"]}])");
  const std::vector<std::string> lines = ProblemLines(Doc(units, kTwoPeople, post));
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "units[41].parents[40]: parent \"b3\" is listed twice",
                       "units[41].parents[41]: parent \"b7\" is listed twice",
                       "units[41].parents[42]: parent \"b3\" is listed twice",
                       "posts[0].in_charge_of[40]: unit \"b39\" is listed twice",
                       "posts[0].in_charge_of[41]: unit \"b0\" is listed twice"}));
}

TEST(Validation, FindsARepeatInAShortParentList) {
  const std::vector<std::string> lines = ProblemLines(Doc(
      R"([{"id": "a", "name": "A", "kind": "k"}, {"id": "b", "name": "B", "kind": "k"},
          {"id": "c", "name": "C", "kind": "k", "parents": ["a", "b", "a"]}])"));
  EXPECT_EQ(lines, std::vector<std::string>{"units[2].parents[2]: parent \"a\" is listed twice"});
}

}  // namespace
}  // namespace zeren
