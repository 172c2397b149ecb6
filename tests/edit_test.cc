// The builder API: batches apply whole or not at all.
#include "zeren/edit.h"

#include <optional>
#include <utility>

#include "gtest/gtest.h"
#include "zeren/model.h"
#include "zeren/model_json.h"

namespace zeren {
namespace {

Unit MakeUnit(std::string id, std::string kind, std::vector<std::string> parents = {}) {
  Unit u;
  u.id = id;
  u.name = "Unit " + id;
  u.kind = std::move(kind);
  for (auto& p : parents) u.parents.push_back({std::move(p), std::nullopt, {}});
  return u;
}

Person MakePerson(std::string id) { return Person{id, "Person " + id, {}}; }

Post MakePost(std::string person, std::string unit, Role role, const char* from) {
  Post p;
  p.person = std::move(person);
  p.unit = std::move(unit);
  p.role = role;
  p.held.from = *ParseDate(from);
  return p;
}

Model Small() {
  Model model;
  Edit edit;
  edit.PutUnit(MakeUnit("org", "leading_group"))
      .PutUnit(MakeUnit("b1", "branch", {"org"}))
      .PutPerson(MakePerson("p1"))
      .PutPerson(MakePerson("p2"))
      .AddPost(MakePost("p1", "b1", Role::kSecretary, "2024-01-01"));
  const absl::Status status = model.Apply(edit);
  EXPECT_TRUE(status.ok()) << status;
  return model;
}

TEST(Edit, BuildsAModelWithoutJson) {
  const Model model = Small();
  EXPECT_EQ(model.data().units.size(), 2u);
  ASSERT_NE(model.FindUnit("b1"), nullptr);
  EXPECT_EQ(model.FindUnit("b1")->parents[0].unit, "org");
  EXPECT_EQ(model.FindPerson("p2")->name, "Person p2");
  EXPECT_EQ(model.data().posts.size(), 1u);
}

// Indexes hold positions into the records: a copy must find its own records, a move the
// records it took over.
TEST(Model, CopiesAndMovesFindTheirOwnRecords) {
  std::optional<Model> original(Small());
  const Model copy = *original;
  ASSERT_NE(copy.FindUnit("b1"), nullptr);
  EXPECT_EQ(copy.FindUnit("b1"), &copy.data().units[1]);
  EXPECT_NE(copy.FindUnit("b1"), original->FindUnit("b1"));
  original.reset();  // the copy's index does not point at the original's records
  EXPECT_EQ(copy.FindPerson("p2"), &copy.data().people[1]);

  Model moved{Model(copy)};
  EXPECT_EQ(moved.FindPerson("p1"), &moved.data().people[0]);
  Model assigned;
  EXPECT_EQ(assigned.FindUnit("org"), nullptr);
  assigned = moved;
  EXPECT_EQ(assigned.FindUnit("org"), &assigned.data().units[0]);
  assigned = std::move(moved);
  EXPECT_EQ(assigned.FindUnit("b1"), &assigned.data().units[1]);
  EXPECT_EQ(assigned.FindUnit("b9"), nullptr);
  EXPECT_EQ(assigned.FindDuty("b1"), nullptr);
  EXPECT_EQ(assigned.FindIncident("b1"), nullptr);
}

TEST(Edit, PutReplacesById) {
  Model model = Small();
  Unit renamed = MakeUnit("b1", "branch", {"org"});
  renamed.name = "Renamed";
  renamed.members = 7;
  ASSERT_TRUE(model.Apply(Edit().PutUnit(renamed)).ok());
  EXPECT_EQ(model.data().units.size(), 2u);
  EXPECT_EQ(model.FindUnit("b1")->name, "Renamed");
  EXPECT_EQ(model.FindUnit("b1")->members, 7);
}

TEST(Edit, EndPostClosesTheOpenPostAndAllowsASuccessor) {
  Model model = Small();
  Edit change;
  change.EndPost("p1", "b1", Role::kSecretary, *ParseDate("2025-03-01"))
      .AddPost(MakePost("p2", "b1", Role::kSecretary, "2025-03-01"));
  ASSERT_TRUE(model.Apply(change).ok());
  EXPECT_EQ(model.data().posts[0].held.to, *ParseDate("2025-03-01"));
  EXPECT_EQ(model.data().posts[1].person, "p2");
}

TEST(Edit, AFailedBatchLeavesTheModelExactlyAsItWas) {
  Model model = Small();
  const std::string before = ModelToJson(model);
  Edit bad;
  bad.PutUnit(MakeUnit("b2", "branch", {"org"}))                  // fine on its own
      .AddPost(MakePost("p2", "b1", Role::kSecretary, "2024-06-01"))  // overlaps p1
      .PutUnit(MakeUnit("b3", "branch", {"nowhere"}));            // unknown parent
  ProblemList problems;
  const absl::Status status = model.Apply(bad, &problems);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(problems.total(), 2u);
  EXPECT_EQ(problems.kept()[0].ToString(), "units[3].parents[0]: unknown unit \"nowhere\"");
  EXPECT_EQ(problems.kept()[1].id, "b1");
  EXPECT_EQ(ModelToJson(model), before);
  EXPECT_EQ(model.FindUnit("b2"), nullptr);
}

TEST(Edit, OperationsThatCannotApplyNameTheirPlaceInTheBatch) {
  Model model = Small();
  const std::string before = ModelToJson(model);
  Edit bad;
  bad.PutPerson(MakePerson("p3"))
      .EndPost("p2", "b1", Role::kHead, 100)
      .EndLink(LinkKind::kGuides, "p1", "b1", 100)
      .RemoveUnit("ghost")
      .RemovePerson("ghost");
  ProblemList problems;
  EXPECT_FALSE(model.Apply(bad, &problems).ok());
  std::vector<std::string> lines;
  for (const Problem& p : problems.kept()) lines.push_back(p.ToString());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "edit[1]: no open head post of \"p2\" in unit \"b1\" to end",
                       "edit[2]: no open guides link from \"p1\" to \"b1\" to end",
                       "edit[3]: no unit \"ghost\" to remove",
                       "edit[4]: no person \"ghost\" to remove"}));
  EXPECT_EQ(ModelToJson(model), before);
}

TEST(Edit, RemovingAUnitStillReferencedFails) {
  Model model = Small();
  ProblemList problems;
  EXPECT_FALSE(model.Apply(Edit().RemoveUnit("org"), &problems).ok());
  ASSERT_EQ(problems.total(), 1u);
  EXPECT_EQ(problems.kept()[0].ToString(), "units[0].parents[0]: unknown unit \"org\"");
  EXPECT_NE(model.FindUnit("org"), nullptr);
  // b1 still holds a post, so it cannot go either; a unit nothing names can.
  EXPECT_FALSE(model.Apply(Edit().RemoveUnit("b1")).ok());
  EXPECT_TRUE(model.Apply(Edit().PutUnit(MakeUnit("lone", "branch")).RemoveUnit("lone")).ok());
  EXPECT_EQ(model.FindUnit("lone"), nullptr);
}

TEST(Edit, LinksDutiesAndIncidents) {
  Model model = Small();
  Link guide;
  guide.kind = LinkKind::kGuides;
  guide.from = "p2";
  guide.to = "b1";
  guide.valid.from = *ParseDate("2024-06-01");
  Duty duty;
  duty.id = "d1";
  duty.holder = {"b1", Role::kSecretary, {}};
  duty.category = DutyCategory::kFirstResponsible;
  Incident incident;
  incident.id = "i1";
  incident.unit = "b1";
  incident.date = *ParseDate("2025-05-01");
  incident.severity = Severity::kSerious;
  incident.duty = "d1";
  incident.direct = {"p2"};
  ASSERT_TRUE(model.Apply(Edit().AddLink(guide).PutDuty(duty).PutIncident(incident)).ok());
  EXPECT_EQ(model.FindDuty("d1")->holder.role, Role::kSecretary);
  EXPECT_EQ(model.FindIncident("i1")->direct, std::vector<std::string>{"p2"});
  ASSERT_TRUE(model.Apply(Edit().EndLink(LinkKind::kGuides, "p2", "b1", *ParseDate("2025-01-01"))).ok());
  EXPECT_EQ(model.data().links[0].valid.to, *ParseDate("2025-01-01"));
  incident.duty = "missing";
  ProblemList problems;
  EXPECT_FALSE(model.Apply(Edit().PutIncident(incident), &problems).ok());
  EXPECT_EQ(problems.kept()[0].ToString(), "incidents[0].duty: unknown duty \"missing\"");
  EXPECT_EQ(model.FindIncident("i1")->duty, "d1");
}

// What Apply accepts must save and load again: no open post start, no unwritable day.
TEST(Edit, RejectsDatesTheDocumentCannotHold) {
  Model model = Small();
  Post open_start;
  open_start.person = "p2";
  open_start.unit = "b1";
  open_start.role = Role::kMember;
  Incident ancient;
  ancient.id = "i";
  ancient.unit = "b1";
  ancient.date = -1'000'000;
  ProblemList problems;
  EXPECT_FALSE(model.Apply(Edit().AddPost(open_start).PutIncident(ancient), &problems).ok());
  std::vector<std::string> lines;
  for (const Problem& p : problems.kept()) lines.push_back(p.ToString());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "posts[1].from: a post needs a `from` date",
                       "incidents[0].date: day -1000000 is outside the years 0001 to 9999"}));
  Post far_end = MakePost("p2", "b1", Role::kMember, "2024-01-01");
  far_end.held.to = 3'000'000;
  EXPECT_FALSE(model.Apply(Edit().AddPost(far_end), &problems).ok());
  EXPECT_EQ(problems.kept()[0].ToString(),
            "posts[1].to: day 3000000 is outside the years 0001 to 9999");
}

}  // namespace
}  // namespace zeren

namespace zeren {
namespace {

// Whatever validates must also save and load again: Model::Create guards the free texts,
// extensions and periods that an edit or a C++ caller can set directly.
TEST(Create, RejectsWhatTheDocumentCouldNotCarry) {
  ModelData data;
  Unit unit = MakeUnit("u", "branch");
  unit.name = "bad\xff";
  unit.extras = {{"id", "\"zzz\""}, {"x_ok", "not json"}};
  data.units.push_back(unit);
  data.people.push_back(Person{"p\0q", "P", {}});
  data.people.back().id = std::string("p\0q", 3);
  data.assessment.emplace();
  data.assessment->period.from = 0;
  data.policy_json = "\"strict\"";
  ProblemList problems;
  EXPECT_FALSE(Model::Create(data, &problems).ok());
  std::vector<std::string> lines;
  for (const Problem& p : problems.kept()) lines.push_back(p.ToString());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "units[0]: text is not valid UTF-8 or contains NUL",
                       "units[0]: an extension key must start with \"x_\"",
                       "units[0].x_ok: an extension value must be JSON text",
                       "people[0]: text is not valid UTF-8 or contains NUL",
                       "assessment.period: the period needs both `from` and `to`",
                       "policy: expected \"default\" or an object"}));
}

TEST(Create, ModelsBuiltInCodeRoundTrip) {
  Model model = Small();
  ASSERT_TRUE(model.Apply(Edit().PutUnit(MakeUnit("extra", "branch", {"b1"}))).ok());
  absl::StatusOr<Model> again = ParseModelJson(ModelToJson(model));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(ModelToJson(*again), ModelToJson(model));
}

}  // namespace
}  // namespace zeren
