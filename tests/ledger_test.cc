// The directive ledger (spec/model-format.md, "Ledger" and "Outputs"): task lights as of a
// date, each directive's level profile and break points, units' on-time rates over a period,
// and the JSON shape of LedgerToJson — on small organizations built inline.
//
// Suites: Ledger (lights, directives dated after the day, level profiles, break points, JSON)
// and OnTimeRate.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "zeren/date.h"
#include "zeren/ledger.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/problem.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"

namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using zeren::Date;
using zeren::DirectiveProfile;
using zeren::LedgerReport;
using zeren::Light;
using zeren::Model;
using zeren::Snapshot;
using zeren::TaskIndex;
using zeren::UnitIndex;

// ---- helpers ---------------------------------------------------------------------------

// A model document: `body` holds the members after "format" and "version".
std::string Doc(absl::string_view body) {
  return absl::StrCat(R"({"format": "zeren-model", "version": 1, )", body, "}");
}

Date Day(absl::string_view text) {
  const std::optional<Date> d = zeren::ParseDate(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(0);
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

std::optional<TaskIndex> FindTask(const Snapshot& s, absl::string_view id) {
  for (TaskIndex t = 0; t < s.task_count(); ++t) {
    if (s.task_id(t) == id) return t;
  }
  return std::nullopt;
}

UnitIndex Unit(const Snapshot& s, absl::string_view id) {
  const std::optional<UnitIndex> u = s.FindUnit(id);
  EXPECT_TRUE(u.has_value()) << id;
  return u.value_or(zeren::kNoIndex);
}

// "task:light" for each task of the report, in its order.
std::vector<std::string> Lights(const Snapshot& s, const LedgerReport& r) {
  std::vector<std::string> out;
  EXPECT_EQ(r.tasks.size(), r.lights.size());
  for (size_t k = 0; k < r.tasks.size() && k < r.lights.size(); ++k) {
    out.push_back(absl::StrCat(s.task_id(r.tasks[k]), ":", zeren::Name(r.lights[k])));
  }
  return out;
}

// "level reached/done/on_time" for each level of a profile.
std::vector<std::string> Levels(const DirectiveProfile& p) {
  std::vector<std::string> out;
  for (const zeren::LevelProfile& l : p.levels) {
    out.push_back(absl::StrCat(l.level, " ", l.reached, "/", l.done, "/", l.on_time));
  }
  return out;
}

std::vector<std::string> BreakPoints(const Snapshot& s, const DirectiveProfile& p) {
  std::vector<std::string> out;
  for (UnitIndex u : p.break_points) out.emplace_back(s.unit_id(u));
  return out;
}

std::vector<std::string> DirectiveIds(const Snapshot& s, const LedgerReport& r) {
  std::vector<std::string> out;
  for (const DirectiveProfile& p : r.directives) out.emplace_back(s.directive_id(p.directive));
  return out;
}

const DirectiveProfile* Profile(const Snapshot& s, const LedgerReport& r, absl::string_view id) {
  for (const DirectiveProfile& p : r.directives) {
    if (s.directive_id(p.directive) == id) return &p;
  }
  ADD_FAILURE() << "no profile for directive " << id;
  return nullptr;
}

std::string Str(const json::value& v) {
  const json::string& s = v.as_string();
  return std::string(s.data(), s.size());
}

std::set<std::string> Keys(const json::value& v) {
  std::set<std::string> out;
  for (const auto& kv : v.as_object()) out.insert(std::string(kv.key()));
  return out;
}

// ---- lights ----------------------------------------------------------------------------

constexpr absl::string_view kLightsModel = R"(
  "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
            {"id": "b1", "name": "Branch One", "kind": "branch", "parents": ["org"]}],
  "directives": [{"id": "dv", "title": "Lights", "issued_by": "org", "date": "2025-01-01",
    "tasks": [
      {"id": "today", "unit": "b1", "due": "2025-03-12", "status": "open"},
      {"id": "warn", "unit": "b1", "due": "2025-03-19", "status": "in_progress"},
      {"id": "warn_plus_1", "unit": "b1", "due": "2025-03-20", "status": "open"},
      {"id": "yesterday", "unit": "b1", "due": "2025-03-11", "status": "in_progress"},
      {"id": "long_overdue", "unit": "b1", "due": "2024-12-01", "status": "open"},
      {"id": "done_on_due", "unit": "b1", "due": "2025-03-05", "status": "done",
       "completed": "2025-03-05"},
      {"id": "done_late", "unit": "b1", "due": "2025-03-01", "status": "done",
       "completed": "2025-03-10"},
      {"id": "done_on_d", "unit": "b1", "due": "2025-03-30", "status": "done",
       "completed": "2025-03-12"},
      {"id": "after_d_red", "unit": "b1", "due": "2025-03-10", "status": "done",
       "completed": "2025-03-13"},
      {"id": "after_d_yellow", "unit": "b1", "due": "2025-03-15", "status": "done",
       "completed": "2025-03-13"},
      {"id": "after_d_green", "unit": "b1", "due": "2025-04-30", "status": "verified",
       "completed": "2025-04-01"},
      {"id": "verified", "unit": "b1", "due": "2025-02-10", "status": "verified",
       "completed": "2025-02-01"},
      {"id": "cancelled_past", "unit": "b1", "due": "2025-01-15", "status": "cancelled"},
      {"id": "cancelled_future", "unit": "b1", "due": "2026-01-01", "status": "cancelled"},
      {"id": "cancelled_today", "unit": "b1", "due": "2025-03-12", "status": "cancelled",
       "completed": "2025-03-01"}
    ]}])";

TEST(Ledger, LightsAsOfADayWithTheDefaultWarnDays) {
  const std::optional<Snapshot> s = Compile(kLightsModel);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->settings().warn_days, 7);
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-03-12"));
  EXPECT_EQ(r.as_of, Day("2025-03-12"));
  EXPECT_THAT(Lights(*s, r),
              ElementsAre("today:yellow",            // due − D = 0
                          "warn:yellow",             // due − D = warn_days = 7
                          "warn_plus_1:green",       // due − D = 8
                          "yesterday:red",           // due − D = −1
                          "long_overdue:red",
                          "done_on_due:done",        // completed on the due date
                          "done_late:done",          // late, but done by D
                          "done_on_d:done",          // completed on D itself
                          "after_d_red:red",         // completed after D: open on D, past due
                          "after_d_yellow:yellow",   // completed after D: open on D, due in 3
                          "after_d_green:green",     // verified after D: open on D, due later
                          "verified:done",
                          "cancelled_past:cancelled",
                          "cancelled_future:cancelled",
                          "cancelled_today:cancelled"));
}

TEST(Ledger, LightOfMatchesTheReportAndMovesWithTheDay) {
  const std::optional<Snapshot> s = Compile(kLightsModel);
  ASSERT_TRUE(s.has_value());
  const std::optional<TaskIndex> after_d_red = FindTask(*s, "after_d_red");
  const std::optional<TaskIndex> today = FindTask(*s, "today");
  const std::optional<TaskIndex> cancelled = FindTask(*s, "cancelled_past");
  ASSERT_TRUE(after_d_red && today && cancelled);
  // Completed on 2025-03-13, due 2025-03-10.
  EXPECT_EQ(zeren::LightOf(*s, *after_d_red, Day("2025-03-09")), Light::kYellow);
  EXPECT_EQ(zeren::LightOf(*s, *after_d_red, Day("2025-03-10")), Light::kYellow);
  EXPECT_EQ(zeren::LightOf(*s, *after_d_red, Day("2025-03-11")), Light::kRed);
  EXPECT_EQ(zeren::LightOf(*s, *after_d_red, Day("2025-03-12")), Light::kRed);
  EXPECT_EQ(zeren::LightOf(*s, *after_d_red, Day("2025-03-13")), Light::kDone);
  EXPECT_EQ(zeren::LightOf(*s, *after_d_red, Day("2026-01-01")), Light::kDone);
  // Open, due 2025-03-12, warn_days 7.
  EXPECT_EQ(zeren::LightOf(*s, *today, Day("2025-03-04")), Light::kGreen);
  EXPECT_EQ(zeren::LightOf(*s, *today, Day("2025-03-05")), Light::kYellow);
  EXPECT_EQ(zeren::LightOf(*s, *today, Day("2025-03-12")), Light::kYellow);
  EXPECT_EQ(zeren::LightOf(*s, *today, Day("2025-03-13")), Light::kRed);
  // Cancelled whatever the day.
  EXPECT_EQ(zeren::LightOf(*s, *cancelled, Day("2025-01-01")), Light::kCancelled);
  EXPECT_EQ(zeren::LightOf(*s, *cancelled, Day("2025-12-31")), Light::kCancelled);
}

TEST(Ledger, LightNames) {
  EXPECT_EQ(zeren::Name(Light::kDone), "done");
  EXPECT_EQ(zeren::Name(Light::kCancelled), "cancelled");
  EXPECT_EQ(zeren::Name(Light::kRed), "red");
  EXPECT_EQ(zeren::Name(Light::kYellow), "yellow");
  EXPECT_EQ(zeren::Name(Light::kGreen), "green");
}

TEST(Ledger, WarnDaysComeFromTheSettings) {
  const std::optional<Snapshot> s = Compile(R"(
    "settings": {"warn_days": 3},
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"}],
    "directives": [{"id": "dv", "issued_by": "org", "date": "2025-01-01", "tasks": [
      {"id": "d0", "unit": "org", "due": "2025-03-12", "status": "open"},
      {"id": "d3", "unit": "org", "due": "2025-03-15", "status": "open"},
      {"id": "d4", "unit": "org", "due": "2025-03-16", "status": "open"},
      {"id": "d7", "unit": "org", "due": "2025-03-19", "status": "open"},
      {"id": "dm1", "unit": "org", "due": "2025-03-11", "status": "open"}]}])");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->settings().warn_days, 3);
  EXPECT_THAT(Lights(*s, zeren::LedgerAsOf(*s, Day("2025-03-12"))),
              ElementsAre("d0:yellow", "d3:yellow", "d4:green", "d7:green", "dm1:red"));
}

TEST(Ledger, WarnDaysZeroLeavesOnlyTheDueDayYellow) {
  const std::optional<Snapshot> s = Compile(R"(
    "settings": {"warn_days": 0},
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"}],
    "directives": [{"id": "dv", "issued_by": "org", "date": "2025-01-01", "tasks": [
      {"id": "d0", "unit": "org", "due": "2025-03-12", "status": "open"},
      {"id": "d1", "unit": "org", "due": "2025-03-13", "status": "open"},
      {"id": "dm1", "unit": "org", "due": "2025-03-11", "status": "open"}]}])");
  ASSERT_TRUE(s.has_value());
  EXPECT_THAT(Lights(*s, zeren::LedgerAsOf(*s, Day("2025-03-12"))),
              ElementsAre("d0:yellow", "d1:green", "dm1:red"));
}

// ---- directives dated after the day ------------------------------------------------------

constexpr absl::string_view kDatedModel = R"(
  "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
            {"id": "b1", "name": "Branch One", "kind": "branch", "parents": ["org"]},
            {"id": "b2", "name": "Branch Two", "kind": "branch", "parents": ["org"]}],
  "directives": [
    {"id": "early", "issued_by": "org", "date": "2025-01-01", "tasks": [
      {"id": "e1", "unit": "b1", "due": "2025-02-01", "status": "open",
       "subtasks": []},
      {"id": "e2", "unit": "org", "due": "2025-05-01", "status": "open"}]},
    {"id": "late", "issued_by": "org", "date": "2025-03-13", "tasks": [
      {"id": "l1", "unit": "b2", "due": "2025-02-01", "status": "open"}]},
    {"id": "on_day", "issued_by": "org", "date": "2025-03-12", "reach": 2, "tasks": [
      {"id": "o1", "unit": "b2", "due": "2025-03-14", "status": "open"}]}])";

TEST(Ledger, DirectivesDatedAfterTheDayAreLeftOut) {
  const std::optional<Snapshot> s = Compile(kDatedModel);
  ASSERT_TRUE(s.has_value());
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-03-12"));
  EXPECT_THAT(Lights(*s, r), ElementsAre("e1:red", "e2:green", "o1:yellow"));
  EXPECT_THAT(DirectiveIds(*s, r), ElementsAre("early", "on_day"));

  // A day later the late directive counts, in document order.
  const LedgerReport next = zeren::LedgerAsOf(*s, Day("2025-03-13"));
  EXPECT_THAT(Lights(*s, next), ElementsAre("e1:red", "e2:green", "l1:red", "o1:yellow"));
  EXPECT_THAT(DirectiveIds(*s, next), ElementsAre("early", "late", "on_day"));

  // Before any directive: nothing.
  const LedgerReport before = zeren::LedgerAsOf(*s, Day("2024-12-31"));
  EXPECT_THAT(before.tasks, IsEmpty());
  EXPECT_THAT(before.lights, IsEmpty());
  EXPECT_THAT(before.directives, IsEmpty());
}

// ---- level profiles --------------------------------------------------------------------

// org (0) → u1, u2 (1) → u1a, u1b under u1; u2a under u2 (2) → u1a1, u1a2 under u1a;
// u2a1 under u2a (3). j is led by org and u1a: its longest path makes it level 3.
constexpr absl::string_view kCascade = R"(
  "units": [
    {"id": "org", "name": "Org", "kind": "leading_group"},
    {"id": "u1", "name": "Unit One", "kind": "general_branch", "parents": ["org"]},
    {"id": "u2", "name": "Unit Two", "kind": "general_branch", "parents": ["org"]},
    {"id": "u1a", "name": "Unit 1A", "kind": "branch", "parents": ["u1"]},
    {"id": "u1b", "name": "Unit 1B", "kind": "branch", "parents": ["u1"]},
    {"id": "u2a", "name": "Unit 2A", "kind": "branch", "parents": ["u2"]},
    {"id": "u1a1", "name": "Group 1A1", "kind": "group", "parents": ["u1a"]},
    {"id": "u1a2", "name": "Group 1A2", "kind": "group", "parents": ["u1a"]},
    {"id": "u2a1", "name": "Group 2A1", "kind": "group", "parents": ["u2a"]},
    {"id": "j", "name": "Joint", "kind": "branch", "parents": ["org", "u1a"]}
  ],
  "directives": [
    {"id": "dv", "title": "Three levels down", "issued_by": "org", "date": "2025-01-01",
     "reach": 3, "tasks": [
      {"id": "t0", "unit": "org", "due": "2025-02-01", "status": "done", "completed": "2025-01-20"},
      {"id": "t1", "unit": "u1", "due": "2025-03-01", "status": "done", "completed": "2025-02-25",
       "subtasks": [
         {"id": "t1a", "unit": "u1a", "due": "2025-04-01", "status": "done",
          "completed": "2025-04-05",
          "subtasks": [
            {"id": "t1a1", "unit": "u1a1", "due": "2025-05-01", "status": "open"},
            {"id": "t1a1x", "unit": "u1a1", "due": "2025-05-01", "status": "done",
             "completed": "2025-04-30"},
            {"id": "tj", "unit": "j", "due": "2025-05-01", "status": "verified",
             "completed": "2025-05-01"}]},
         {"id": "t1a_second", "unit": "u1a", "due": "2025-04-10", "status": "done",
          "completed": "2025-04-10"},
         {"id": "t1b", "unit": "u1b", "due": "2025-04-01", "status": "verified",
          "completed": "2025-03-30"},
         {"id": "t1b_late", "unit": "u1b", "due": "2025-04-01", "status": "done",
          "completed": "2025-04-02"}]},
      {"id": "t2", "unit": "u2", "due": "2025-03-01", "status": "done", "completed": "2025-03-02",
       "subtasks": [
         {"id": "t2a", "unit": "u2a", "due": "2025-04-01", "status": "cancelled"}]}
     ]},
    {"id": "dv_reach1", "issued_by": "org", "date": "2025-01-01", "tasks": [
      {"id": "s0", "unit": "org", "due": "2025-08-01", "status": "open"},
      {"id": "s2", "unit": "u1a", "due": "2025-08-01", "status": "open"}]},
    {"id": "dv_reach2", "issued_by": "org", "date": "2025-01-01", "reach": 2, "tasks": [
      {"id": "r_u2", "unit": "u2", "due": "2025-08-01", "status": "open"},
      {"id": "r_u1", "unit": "u1", "due": "2025-08-01", "status": "open"},
      {"id": "r_u1b", "unit": "u1b", "due": "2025-08-01", "status": "open"}]},
    {"id": "dv_sub", "issued_by": "u1", "date": "2025-01-01", "tasks": [
      {"id": "q0", "unit": "u1", "due": "2025-08-01", "status": "open"},
      {"id": "q2", "unit": "u1a1", "due": "2025-08-01", "status": "open"},
      {"id": "q2x", "unit": "u1a1", "due": "2025-08-01", "status": "cancelled"}]},
    {"id": "dv_cancelled", "issued_by": "org", "date": "2025-01-01", "reach": 3, "tasks": [
      {"id": "c1", "unit": "u1", "due": "2025-08-01", "status": "cancelled"},
      {"id": "c2", "unit": "u2", "due": "2025-08-01", "status": "open",
       "subtasks": [{"id": "c2a", "unit": "u2a", "due": "2025-08-01", "status": "cancelled"}]}]}
  ])";

TEST(Ledger, UnitLevelsAreLongestPaths) {
  const std::optional<Snapshot> s = Compile(kCascade);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->unit_level(Unit(*s, "org")), 0u);
  EXPECT_EQ(s->unit_level(Unit(*s, "u2")), 1u);
  EXPECT_EQ(s->unit_level(Unit(*s, "u1b")), 2u);
  EXPECT_EQ(s->unit_level(Unit(*s, "u2a1")), 3u);
  EXPECT_EQ(s->unit_level(Unit(*s, "j")), 3u);  // org → u1 → u1a → j, not org → j
}

TEST(Ledger, LevelProfileOfAThreeLevelCascade) {
  const std::optional<Snapshot> s = Compile(kCascade);
  ASSERT_TRUE(s.has_value());
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-06-30"));
  const DirectiveProfile* p = Profile(*s, r, "dv");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(s->directive_reach(p->directive), 3);
  EXPECT_THAT(Levels(*p),
              ElementsAre(
                  // The issuer holds t0 itself: level 0 is listed.
                  "0 1/1/1",
                  // u1 on time; u2 done a day late.
                  "1 2/2/1",
                  // u1a holds t1a (late) and t1a_second (on time), u1b holds t1b (on time)
                  // and t1b_late (a day late): both done, neither on time. u2a holds only a
                  // cancelled task and counts nowhere.
                  "2 2/2/0",
                  // u1a1 holds t1a1 (open) and t1a1x (done): not done; j verified on its
                  // due day (level 3 by its longest path).
                  "3 2/1/1"));
  // u2 is at level 1 < reach 3 and its only child u2a holds only a cancelled task. u1b has
  // no children; u1a1 and j are at level 3 = reach.
  EXPECT_THAT(BreakPoints(*s, *p), ElementsAre("u2"));
}

TEST(Ledger, LevelProfileFollowsTheDay) {
  const std::optional<Snapshot> s = Compile(kCascade);
  ASSERT_TRUE(s.has_value());
  // On 2025-04-04: t1a (completed 04-05) is still open, t1a_second (04-10) too; t1b done
  // 03-30 and t1b_late 04-02 (late); nothing at level 3 done.
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-04-04"));
  const DirectiveProfile* p = Profile(*s, r, "dv");
  ASSERT_NE(p, nullptr);
  EXPECT_THAT(Levels(*p), ElementsAre("0 1/1/1", "1 2/2/1", "2 2/1/0", "3 2/0/0"));
  // On 2025-04-01: t1b is done on time, t1b_late not yet done.
  const LedgerReport mid = zeren::LedgerAsOf(*s, Day("2025-04-01"));
  const DirectiveProfile* m = Profile(*s, mid, "dv");
  ASSERT_NE(m, nullptr);
  EXPECT_THAT(Levels(*m), ElementsAre("0 1/1/1", "1 2/2/1", "2 2/0/0", "3 2/0/0"));
  // On 2025-02-26: t0 and t1 done, t2 (completed 03-02) not yet.
  const LedgerReport early = zeren::LedgerAsOf(*s, Day("2025-02-26"));
  const DirectiveProfile* q = Profile(*s, early, "dv");
  ASSERT_NE(q, nullptr);
  EXPECT_THAT(Levels(*q), ElementsAre("0 1/1/1", "1 2/1/1", "2 2/0/0", "3 2/0/0"));
}

TEST(Ledger, LevelsWithoutTasksAreOmittedAndReachDefaultsToOne) {
  const std::optional<Snapshot> s = Compile(kCascade);
  ASSERT_TRUE(s.has_value());
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-06-30"));
  const DirectiveProfile* p = Profile(*s, r, "dv_reach1");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(s->directive_reach(p->directive), 1);
  // Levels 0 and 2 hold tasks; level 1 is omitted.
  EXPECT_THAT(Levels(*p), ElementsAre("0 1/0/0", "2 1/0/0"));
  // org (level 0 < reach 1) has children, none holding a task: a break point. u1a (level
  // 2 ≥ reach 1) has children holding none: not a break point.
  EXPECT_THAT(BreakPoints(*s, *p), ElementsAre("org"));
}

TEST(Ledger, BreakPointsOnlyBelowReach) {
  const std::optional<Snapshot> s = Compile(kCascade);
  ASSERT_TRUE(s.has_value());
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-06-30"));
  const DirectiveProfile* p = Profile(*s, r, "dv_reach2");
  ASSERT_NE(p, nullptr);
  // The issuer holds no task: no level 0.
  EXPECT_THAT(Levels(*p), ElementsAre("1 2/0/0", "2 1/0/0"));
  // u2 (level 1, child u2a without a task) and u1 (level 1; its child u1b holds a task at
  // level 2 = reach, so u1 is not one). u1b has no children.
  EXPECT_THAT(BreakPoints(*s, *p), ElementsAre("u2"));
}

TEST(Ledger, TwoBreakPointsComeInOrderOfTheirFirstTask) {
  const std::optional<Snapshot> s = Compile(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "a", "name": "A", "kind": "branch", "parents": ["org"]},
              {"id": "b", "name": "B", "kind": "branch", "parents": ["org"]},
              {"id": "ag", "name": "A group", "kind": "group", "parents": ["a"]},
              {"id": "bg", "name": "B group", "kind": "group", "parents": ["b"]}],
    "directives": [{"id": "dv", "issued_by": "org", "date": "2025-01-01", "reach": 2,
      "tasks": [{"id": "tb", "unit": "b", "due": "2025-08-01", "status": "open"},
                {"id": "ta", "unit": "a", "due": "2025-08-01", "status": "open"},
                {"id": "tb2", "unit": "b", "due": "2025-08-01", "status": "open"}]}])");
  ASSERT_TRUE(s.has_value());
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-06-30"));
  ASSERT_EQ(r.directives.size(), 1u);
  EXPECT_THAT(Levels(r.directives[0]), ElementsAre("1 2/0/0"));
  EXPECT_THAT(BreakPoints(*s, r.directives[0]), ElementsAre("b", "a"));
}

TEST(Ledger, LevelsAreCountedFromTheIssuer) {
  const std::optional<Snapshot> s = Compile(kCascade);
  ASSERT_TRUE(s.has_value());
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-06-30"));
  const DirectiveProfile* p = Profile(*s, r, "dv_sub");
  ASSERT_NE(p, nullptr);
  // Issued by u1 (level 1): u1 is level 0, u1a1 (level 3) level 2; the cancelled q2x is
  // counted nowhere.
  EXPECT_THAT(Levels(*p), ElementsAre("0 1/0/0", "2 1/0/0"));
  // u1 at level 0 < reach 1: its children u1a, u1b hold nothing of dv_sub.
  EXPECT_THAT(BreakPoints(*s, *p), ElementsAre("u1"));
}

TEST(Ledger, CancelledTasksAreCountedNowhere) {
  const std::optional<Snapshot> s = Compile(kCascade);
  ASSERT_TRUE(s.has_value());
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-06-30"));
  const DirectiveProfile* p = Profile(*s, r, "dv_cancelled");
  ASSERT_NE(p, nullptr);
  // c1 (u1) and c2a (u2a) are cancelled: only u2 at level 1 is reached.
  EXPECT_THAT(Levels(*p), ElementsAre("1 1/0/0"));
  // u2 holds c2 at level 1 < 3 and its child holds only a cancelled task: a break point.
  // u1 holds only a cancelled task: not a break point.
  EXPECT_THAT(BreakPoints(*s, *p), ElementsAre("u2"));
  // The cancelled tasks are still listed, with their light.
  const std::vector<std::string> lights = Lights(*s, r);
  EXPECT_THAT(std::vector<std::string>(lights.end() - 3, lights.end()),
              ElementsAre("c1:cancelled", "c2:green", "c2a:cancelled"));
}

TEST(Ledger, TasksInDocumentOrderParentsBeforeSubtasks) {
  const std::optional<Snapshot> s = Compile(kCascade);
  ASSERT_TRUE(s.has_value());
  const LedgerReport r = zeren::LedgerAsOf(*s, Day("2025-06-30"));
  EXPECT_THAT(Lights(*s, r),
              ElementsAre("t0:done", "t1:done", "t1a:done", "t1a1:red", "t1a1x:done", "tj:done",
                          "t1a_second:done", "t1b:done", "t1b_late:done", "t2:done",
                          "t2a:cancelled", "s0:green", "s2:green", "r_u2:green", "r_u1:green",
                          "r_u1b:green", "q0:green", "q2:green", "q2x:cancelled",
                          "c1:cancelled", "c2:green", "c2a:cancelled"));
  EXPECT_THAT(DirectiveIds(*s, r),
              ElementsAre("dv", "dv_reach1", "dv_reach2", "dv_sub", "dv_cancelled"));
}

// ---- LedgerToJson ----------------------------------------------------------------------

TEST(Ledger, JsonShape) {
  const std::optional<Snapshot> s = Compile(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "b1", "name": "Branch One", "kind": "branch", "parents": ["org"]},
              {"id": "g1", "name": "Group One", "kind": "group", "parents": ["b1"]}],
    "directives": [
      {"id": "dv1", "title": "First", "issued_by": "org", "date": "2025-01-10", "reach": 2,
       "tasks": [
         {"id": "t1", "unit": "b1", "due": "2025-03-01", "status": "done",
          "completed": "2025-02-20",
          "subtasks": [{"id": "t1.1", "unit": "g1", "due": "2025-02-25", "status": "open"}]},
         {"id": "t2", "unit": "org", "due": "2025-04-05", "status": "in_progress"}],
       "reviews": [{"date": "2025-04-01", "task": "t1.1", "result": "fail", "note": "late"},
                   {"date": "2025-03-02", "task": "t1", "result": "pass"},
                   {"date": "2025-03-20", "result": "pass", "note": "overall"},
                   {"date": "2025-03-25", "task": "t1.1", "result": "pass"}]},
      {"id": "dv2", "issued_by": "b1", "date": "2025-02-01",
       "tasks": [{"id": "u1", "unit": "b1", "due": "2025-05-01", "status": "cancelled"}]},
      {"id": "dv3", "issued_by": "org", "date": "2025-05-01",
       "tasks": [{"id": "v1", "unit": "b1", "due": "2025-06-01", "status": "open"}],
       "reviews": [{"date": "2025-05-02", "result": "fail"}]}])");
  ASSERT_TRUE(s.has_value());
  const json::value v =
      json::parse(zeren::LedgerToJson(*s, zeren::LedgerAsOf(*s, Day("2025-04-01"))));
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(Keys(v), (std::set<std::string>{"as_of", "tasks", "directives"}));
  EXPECT_EQ(Str(v.at("as_of")), "2025-04-01");

  const json::array& tasks = v.at("tasks").as_array();
  ASSERT_EQ(tasks.size(), 4u);  // dv3 is dated after the day
  const std::set<std::string> base{"task", "directive", "unit", "due", "status", "light"};
  std::set<std::string> with_reviews = base;
  with_reviews.insert("reviews");

  EXPECT_EQ(Keys(tasks[0]), with_reviews);
  EXPECT_EQ(Str(tasks[0].at("task")), "t1");
  EXPECT_EQ(Str(tasks[0].at("directive")), "dv1");
  EXPECT_EQ(Str(tasks[0].at("unit")), "b1");
  EXPECT_EQ(Str(tasks[0].at("due")), "2025-03-01");
  EXPECT_EQ(Str(tasks[0].at("status")), "done");
  EXPECT_EQ(Str(tasks[0].at("light")), "done");
  EXPECT_EQ(tasks[0].at("reviews"),
            json::parse(R"([{"date": "2025-03-02", "result": "pass", "task": "t1"}])"));

  EXPECT_EQ(Keys(tasks[1]), with_reviews);
  EXPECT_EQ(Str(tasks[1].at("task")), "t1.1");
  EXPECT_EQ(Str(tasks[1].at("directive")), "dv1");
  EXPECT_EQ(Str(tasks[1].at("unit")), "g1");
  EXPECT_EQ(Str(tasks[1].at("due")), "2025-02-25");
  EXPECT_EQ(Str(tasks[1].at("status")), "open");
  EXPECT_EQ(Str(tasks[1].at("light")), "red");
  EXPECT_EQ(tasks[1].at("reviews"),
            json::parse(R"([{"date": "2025-04-01", "result": "fail", "task": "t1.1",
                             "note": "late"},
                            {"date": "2025-03-25", "result": "pass", "task": "t1.1"}])"));

  EXPECT_EQ(Keys(tasks[2]), base);
  EXPECT_EQ(Str(tasks[2].at("task")), "t2");
  EXPECT_EQ(Str(tasks[2].at("unit")), "org");
  EXPECT_EQ(Str(tasks[2].at("status")), "in_progress");
  EXPECT_EQ(Str(tasks[2].at("light")), "yellow");

  EXPECT_EQ(Keys(tasks[3]), base);
  EXPECT_EQ(Str(tasks[3].at("task")), "u1");
  EXPECT_EQ(Str(tasks[3].at("directive")), "dv2");
  EXPECT_EQ(Str(tasks[3].at("status")), "cancelled");
  EXPECT_EQ(Str(tasks[3].at("light")), "cancelled");

  const json::array& directives = v.at("directives").as_array();
  ASSERT_EQ(directives.size(), 2u);
  EXPECT_EQ(Keys(directives[0]),
            (std::set<std::string>{"directive", "reach", "levels", "break_points", "reviews"}));
  EXPECT_EQ(Str(directives[0].at("directive")), "dv1");
  EXPECT_EQ(directives[0].at("reach").to_number<int64_t>(), 2);
  EXPECT_EQ(directives[0].at("levels"), json::parse(R"([
      {"level": 0, "reached": 1, "done": 0, "on_time": 0},
      {"level": 1, "reached": 1, "done": 1, "on_time": 1},
      {"level": 2, "reached": 1, "done": 0, "on_time": 0}])"));
  EXPECT_EQ(directives[0].at("break_points"), json::parse("[]"));
  // The review naming no task is listed with its directive.
  EXPECT_EQ(directives[0].at("reviews"),
            json::parse(R"([{"date": "2025-03-20", "result": "pass", "note": "overall"}])"));

  EXPECT_EQ(Keys(directives[1]),
            (std::set<std::string>{"directive", "reach", "levels", "break_points"}));
  EXPECT_EQ(Str(directives[1].at("directive")), "dv2");
  EXPECT_EQ(directives[1].at("reach").to_number<int64_t>(), 1);
  EXPECT_EQ(directives[1].at("levels"), json::parse("[]"));
  EXPECT_EQ(directives[1].at("break_points"), json::parse("[]"));
}

TEST(Ledger, JsonBreakPointsAreUnitIds) {
  const std::optional<Snapshot> s = Compile(kCascade);
  ASSERT_TRUE(s.has_value());
  const json::value v =
      json::parse(zeren::LedgerToJson(*s, zeren::LedgerAsOf(*s, Day("2025-06-30"))));
  const json::array& directives = v.at("directives").as_array();
  ASSERT_EQ(directives.size(), 5u);
  EXPECT_EQ(Str(directives[0].at("directive")), "dv");
  EXPECT_EQ(directives[0].at("break_points"), json::parse(R"(["u2"])"));
  EXPECT_EQ(directives[0].at("levels"), json::parse(R"([
      {"level": 0, "reached": 1, "done": 1, "on_time": 1},
      {"level": 1, "reached": 2, "done": 2, "on_time": 1},
      {"level": 2, "reached": 2, "done": 2, "on_time": 0},
      {"level": 3, "reached": 2, "done": 1, "on_time": 1}])"));
  EXPECT_EQ(Str(directives[1].at("directive")), "dv_reach1");
  EXPECT_EQ(directives[1].at("break_points"), json::parse(R"(["org"])"));
  EXPECT_EQ(directives[1].at("reach").to_number<int64_t>(), 1);
}

TEST(Ledger, JsonWithoutDirectives) {
  const std::optional<Snapshot> s =
      Compile(R"("units": [{"id": "org", "name": "Org", "kind": "leading_group"}])");
  ASSERT_TRUE(s.has_value());
  const json::value v =
      json::parse(zeren::LedgerToJson(*s, zeren::LedgerAsOf(*s, Day("2025-06-30"))));
  EXPECT_EQ(v, json::parse(R"({"as_of": "2025-06-30", "tasks": [], "directives": []})"));
}

// ---- on-time rates ---------------------------------------------------------------------

constexpr absl::string_view kRatesModel = R"(
  "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
            {"id": "b1", "name": "Branch One", "kind": "branch", "parents": ["org"]},
            {"id": "b2", "name": "Branch Two", "kind": "branch", "parents": ["org"]},
            {"id": "b3", "name": "Branch Three", "kind": "branch", "parents": ["org"]}],
  "directives": [{"id": "dv", "issued_by": "org", "date": "2024-06-01", "tasks": [
    {"id": "first_day", "unit": "b1", "due": "2025-01-01", "status": "done",
     "completed": "2024-12-31"},
    {"id": "last_day_late", "unit": "b1", "due": "2025-06-30", "status": "done",
     "completed": "2025-07-05"},
    {"id": "at_to", "unit": "b1", "due": "2025-07-01", "status": "done", "completed": "2025-06-01"},
    {"id": "before_from", "unit": "b1", "due": "2024-12-31", "status": "open"},
    {"id": "cancelled", "unit": "b1", "due": "2025-03-01", "status": "cancelled"},
    {"id": "verified_on_due", "unit": "b1", "due": "2025-03-01", "status": "verified",
     "completed": "2025-03-01"},
    {"id": "open", "unit": "b1", "due": "2025-04-01", "status": "open"},
    {"id": "in_progress", "unit": "b1", "due": "2025-05-01", "status": "in_progress"},
    {"id": "b2_cancelled", "unit": "b2", "due": "2025-03-01", "status": "cancelled"},
    {"id": "b2_outside", "unit": "b2", "due": "2025-09-01", "status": "open"},
    {"id": "b3_on_due", "unit": "b3", "due": "2025-02-01", "status": "done",
     "completed": "2025-02-01"},
    {"id": "b3_day_late", "unit": "b3", "due": "2025-02-01", "status": "verified",
     "completed": "2025-02-02"}]}])";

TEST(OnTimeRate, ShareOfTasksDueInThePeriodDoneByTheirDueDates) {
  const std::optional<Snapshot> s = Compile(kRatesModel);
  ASSERT_TRUE(s.has_value());
  const std::vector<double> rates =
      zeren::OnTimeRates(*s, zeren::Interval{Day("2025-01-01"), Day("2025-07-01")});
  ASSERT_EQ(rates.size(), s->unit_count());
  // b1: first_day, last_day_late, verified_on_due, open, in_progress are due in the period
  // (at_to and before_from are not; cancelled is left out): 2 of 5 on time.
  EXPECT_DOUBLE_EQ(rates[Unit(*s, "b1")], 0.4);
  // b2: only a cancelled task and one due outside: no such task.
  EXPECT_DOUBLE_EQ(rates[Unit(*s, "b2")], 1.0);
  // b3: on the due date counts, a day after does not.
  EXPECT_DOUBLE_EQ(rates[Unit(*s, "b3")], 0.5);
  // org holds no task.
  EXPECT_DOUBLE_EQ(rates[Unit(*s, "org")], 1.0);
}

TEST(OnTimeRate, PeriodBoundsAreHalfOpen) {
  const std::optional<Snapshot> s = Compile(kRatesModel);
  ASSERT_TRUE(s.has_value());
  // [2025-07-01, 2025-10-01): b1's at_to (done well before due) only; b2's open task.
  const std::vector<double> later =
      zeren::OnTimeRates(*s, zeren::Interval{Day("2025-07-01"), Day("2025-10-01")});
  EXPECT_DOUBLE_EQ(later[Unit(*s, "b1")], 1.0);
  EXPECT_DOUBLE_EQ(later[Unit(*s, "b2")], 0.0);
  EXPECT_DOUBLE_EQ(later[Unit(*s, "b3")], 1.0);
  // [2024-12-31, 2025-01-01): before_from only, open.
  const std::vector<double> one_day =
      zeren::OnTimeRates(*s, zeren::Interval{Day("2024-12-31"), Day("2025-01-01")});
  EXPECT_DOUBLE_EQ(one_day[Unit(*s, "b1")], 0.0);
  // [2025-06-30, 2025-07-01): last_day_late only, completed after due.
  const std::vector<double> last_day =
      zeren::OnTimeRates(*s, zeren::Interval{Day("2025-06-30"), Day("2025-07-01")});
  EXPECT_DOUBLE_EQ(last_day[Unit(*s, "b1")], 0.0);
  // [2025-01-01, 2025-01-02): first_day only, completed before due.
  const std::vector<double> first_day =
      zeren::OnTimeRates(*s, zeren::Interval{Day("2025-01-01"), Day("2025-01-02")});
  EXPECT_DOUBLE_EQ(first_day[Unit(*s, "b1")], 1.0);
}

TEST(OnTimeRate, NoTasksAtAllGivesOneForEveryUnit) {
  const std::optional<Snapshot> s = Compile(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "b1", "name": "Branch One", "kind": "branch", "parents": ["org"]}])");
  ASSERT_TRUE(s.has_value());
  EXPECT_THAT(zeren::OnTimeRates(*s, zeren::Interval{Day("2025-01-01"), Day("2026-01-01")}),
              ElementsAre(1.0, 1.0));
}

}  // namespace
