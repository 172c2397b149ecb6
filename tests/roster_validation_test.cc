// The member roster in validation and edits: each row is checked as the person, staff post
// and appraisal it stands for, with the row's path, and edits cannot change a row.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "zeren/edit.h"
#include "zeren/member_roster.h"
#include "zeren/model.h"
#include "zeren/model_json.h"

namespace zeren {
namespace {

Interval Held(const char* from, const char* to = nullptr) {
  Interval held;
  held.from = *ParseDate(from);
  if (to != nullptr) held.to = *ParseDate(to);
  return held;
}

// Units org and b1, person record p1; no assessment unless asked for.
ModelData Base(bool with_assessment = false) {
  ModelData data;
  data.units.push_back({"org", "Org", "leading_group", 0, {}, {}, {}});
  data.units.push_back({"b1", "B1", "branch", 0, {ParentRef{"org", std::nullopt, {}}}, {}, {}});
  data.people.push_back({"p1", "P1", {}});
  if (with_assessment) {
    data.assessment.emplace();
    data.assessment->period = Held("2025-01-01", "2026-01-01");
    data.assessment->scheme_json = "\"default\"";
  }
  return data;
}

struct RowSpec {
  std::string id, unit = "b1";
  Interval held = Held("2024-01-01");
  std::optional<double> appraisal;
};

// Every problem of `data` with `rows` as its roster, as "path|id|message".
std::vector<std::string> ProblemsOf(ModelData data, const std::vector<RowSpec>& rows) {
  MemberRosterBuilder builder;
  for (const RowSpec& row : rows) {
    EXPECT_TRUE(builder.Add(row.id, "Name", row.unit, row.held, row.appraisal).ok());
  }
  data.roster = builder.Build();
  ProblemList problems;
  absl::StatusOr<Model> model = Model::Create(std::move(data), &problems);
  std::vector<std::string> out;
  for (const Problem& p : problems.kept()) out.push_back(p.path + "|" + p.id + "|" + p.message);
  EXPECT_EQ(model.ok(), out.empty());
  return out;
}

using Lines = std::vector<std::string>;

TEST(RosterValidation, AValidRosterHasNoProblems) {
  EXPECT_EQ(ProblemsOf(Base(true), {{"m2", "b1", Held("2024-01-01"), 80}, {"m1"}}), Lines{});
}

TEST(RosterValidation, EmptyId) {
  EXPECT_EQ(ProblemsOf(Base(), {{"m1"}, {""}}),
            Lines{"roster[1].id||id must be a non-empty string"});
}

TEST(RosterValidation, DuplicateIdWithinTheRoster) {
  EXPECT_EQ(ProblemsOf(Base(), {{"m2"}, {"m1"}, {"m2"}}),
            Lines{"roster[2].id|m2|duplicate id \"m2\" (first at roster[0])"});
}

TEST(RosterValidation, DuplicateIdOfAPersonRecord) {
  EXPECT_EQ(ProblemsOf(Base(), {{"m1"}, {"p1"}}),
            Lines{"people[0].id|p1|duplicate id \"p1\" (also at roster[1])"});
}

TEST(RosterValidation, UnknownUnitIsReportedOncePerUnit) {
  EXPECT_EQ(ProblemsOf(Base(), {{"m1", "zz"}, {"m2"}, {"m3", "zz"}}),
            Lines{"roster[0].unit|zz|unknown unit \"zz\""});
}

TEST(RosterValidation, MissingFrom) {
  EXPECT_EQ(ProblemsOf(Base(), {{"m1", "b1", Interval{}}}),
            Lines{"roster[0].from|m1|a post needs a `from` date"});
}

TEST(RosterValidation, ToNotAfterFrom) {
  EXPECT_EQ(ProblemsOf(Base(), {{"m1", "b1", Held("2024-01-01", "2023-06-01")}}),
            Lines{"roster[0].to|m1|`to` 2023-06-01 is not after `from` 2024-01-01"});
  EXPECT_EQ(ProblemsOf(Base(), {{"m1", "b1", Held("2024-01-01", "2024-01-01")}}),
            Lines{"roster[0].to|m1|`to` 2024-01-01 is not after `from` 2024-01-01"});
}

TEST(RosterValidation, NonFiniteAppraisal) {
  EXPECT_EQ(ProblemsOf(Base(true), {{"m1", "b1", Held("2024-01-01"),
                                     std::numeric_limits<double>::infinity()}}),
            Lines{"roster[0].appraisal|m1|an appraisal score must be a finite number"});
}

TEST(RosterValidation, AppraisalWithoutAssessment) {
  EXPECT_EQ(ProblemsOf(Base(), {{"m1"}, {"m2", "b1", Held("2024-01-01"), 70}}),
            Lines{"roster[1].appraisal|m2|an appraisal score needs an `assessment` in the model"});
}

TEST(RosterValidation, RecordsMayNameARow) {
  ModelData data = Base();
  Incident incident;
  incident.id = "i1";
  incident.unit = "b1";
  incident.date = *ParseDate("2025-03-01");
  incident.direct = {"m2", "ghost"};
  data.incidents.push_back(incident);
  EXPECT_EQ(ProblemsOf(data, {{"m1"}, {"m2"}}),
            Lines{"incidents[0].direct[1]|ghost|unknown person \"ghost\""});
}

// A model with roster rows m1 and m2 in b1.
Model RosterModel() {
  ModelData data = Base();
  MemberRosterBuilder builder;
  EXPECT_TRUE(builder.Add("m1", "M1", "b1", Held("2024-01-01")).ok());
  EXPECT_TRUE(builder.Add("m2", "M2", "b1", Held("2024-01-01")).ok());
  data.roster = builder.Build();
  absl::StatusOr<Model> model = Model::Create(std::move(data));
  EXPECT_TRUE(model.ok()) << model.status();
  return *std::move(model);
}

Lines EditProblems(Model& model, const Edit& edit) {
  const std::string before = ModelToJson(model);
  ProblemList problems;
  EXPECT_EQ(model.Apply(edit, &problems).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ModelToJson(model), before);
  Lines out;
  for (const Problem& p : problems.kept()) out.push_back(p.path + "|" + p.id + "|" + p.message);
  return out;
}

TEST(RosterEdit, RowsCannotBeRemovedOrTheirPostsEnded) {
  Model model = RosterModel();
  EXPECT_EQ(EditProblems(model, Edit().RemovePerson("m2")),
            Lines{"edit[0]|m2|person \"m2\" is a row of the member roster, which edits cannot "
                  "change"});
  EXPECT_EQ(EditProblems(model, Edit().RemovePerson("p1").EndPost("m1", "b1", Role::kStaff,
                                                                  *ParseDate("2025-01-01"))),
            Lines{"edit[1]|m1|person \"m1\" is a row of the member roster, which edits cannot "
                  "change"});
  // A row has no other post to end: the usual message.
  EXPECT_EQ(EditProblems(model, Edit().EndPost("m1", "b1", Role::kSecretary, 20000)),
            Lines{"edit[0]|m1|no open secretary post of \"m1\" in unit \"b1\" to end"});
  EXPECT_EQ(model.data().roster.size(), 2u);
  EXPECT_EQ(model.data().people.size(), 1u);
}

TEST(RosterEdit, OtherRecordsMayNameARow) {
  Model model = RosterModel();
  Post post;
  post.person = "m1";
  post.unit = "b1";
  post.role = Role::kSecretary;
  post.held = Held("2025-01-01");
  ASSERT_TRUE(model.Apply(Edit().AddPost(post)).ok());
  ASSERT_EQ(model.data().posts.size(), 1u);
  EXPECT_EQ(model.data().posts[0].person, "m1");
}

}  // namespace
}  // namespace zeren
