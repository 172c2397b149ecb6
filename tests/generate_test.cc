// The synthetic organization generator: determinism (exact summaries and hashes for fixed
// seeds), the shape rules of docs/generate.md, every engine on a 20k-unit organization, and
// option errors.
#include "zeren/generate.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/ledger.h"
#include "zeren/model_json.h"
#include "zeren/snapshot.h"

namespace zeren {
namespace {

uint64_t Fnv1a(const std::string& text) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

// The roster row by row (id, name, unit, held, appraisal): what the writers turn into
// people, posts and appraisals.
std::string RosterText(const MemberRoster& roster) {
  std::string text;
  for (uint32_t r = 0; r < roster.size(); ++r) {
    absl::StrAppend(&text, roster.id(r), "\t", roster.name(r), "\t", roster.unit_id(r), "\t",
                    roster.held(r).from, "\t", roster.held(r).to, "\t", roster.appraisal(r),
                    "\n");
  }
  return text;
}

template <typename Key>
std::string Counts(const std::map<Key, int64_t>& counts) {
  std::vector<std::string> parts;
  for (const auto& [key, n] : counts) parts.push_back(absl::StrCat(key, " ", n));
  return absl::StrJoin(parts, ", ");
}

// The deepest level: units come parents first, and a second parent is on the first's level.
int64_t MaxLevel(const ModelData& d) {
  std::map<std::string, int64_t> level;
  int64_t deepest = 0;
  for (const Unit& u : d.units) {
    const int64_t l = u.parents.empty() ? 0 : level.at(u.parents[0].unit) + 1;
    level[u.id] = l;
    deepest = std::max(deepest, l);
  }
  return deepest;
}

// Counts by kind of everything the generator makes (a roster row is a person and a staff
// post), and the deepest level.
std::string Summary(const Model& model) {
  const ModelData& d = model.data();
  std::map<std::string, int64_t> kinds, roles, links, severities;
  for (const Unit& u : d.units) ++kinds[u.kind];
  for (const Post& p : d.posts) ++roles[std::string(Name(p.role))];
  if (!d.roster.empty()) roles["staff"] += d.roster.size();
  for (const Link& l : d.links) ++links[std::string(Name(l.kind))];
  for (const Incident& i : d.incidents) ++severities[std::string(Name(i.severity))];
  int64_t members = 0;
  for (const Unit& u : d.units) members += u.members;
  return absl::StrCat("units: ", Counts(kinds), "\nmembers ", members, ", people ",
                      d.people.size(), " + roster ", d.roster.size(), "\nposts: ",
                      Counts(roles), "\nlinks: ", Counts(links), "\nincidents: ",
                      Counts(severities), "\ndirectives ", d.directives.size(), ", duties ",
                      d.duties.size(), ", max level ", MaxLevel(d));
}

Model Generate(GenerateOptions options) {
  absl::StatusOr<Model> model = GenerateModel(options);
  EXPECT_TRUE(model.ok()) << model.status();
  return model.ok() ? *std::move(model) : Model();
}

GenerateOptions Options(int64_t units, uint64_t seed) {
  GenerateOptions options;
  options.units = units;
  options.seed = seed;
  return options;
}

TEST(GenerateTest, SameOptionsGiveTheSameDocument) {
  const Model first = Generate(Options(200, 3));
  const Model second = Generate(Options(200, 3));
  EXPECT_EQ(ModelToJson(first), ModelToJson(second));
  EXPECT_EQ(RosterText(first.data().roster), RosterText(second.data().roster));
  const Model other = Generate(Options(200, 4));
  EXPECT_NE(ModelToJson(first), ModelToJson(other));
  EXPECT_NE(RosterText(first.data().roster), RosterText(other.data().roster));
}

// The exact document for a fixed seed: any change to the shape rules shows here, and the
// same numbers on every platform show that nothing platform-dependent decides the output.
TEST(GenerateTest, FixedSeedGivesAnExactSummary) {
  const Model model = Generate(Options(300, 42));
  EXPECT_EQ(Summary(model),
            "units: branch 193, committee 32, discipline_commission 17, general_branch 45, "
            "group 11, leading_group 1, organ_committee 1\n"
            "members 10448, people 1170 + roster 10448\n"
            "posts: deputy 258, discipline_secretary 19, head 14, member 598, secretary 281, "
            "staff 10448\n"
            "links: guides 224, specializes 2, supervises 74\n"
            "incidents: grave 1, minor 10, serious 4\n"
            "directives 80, duties 119, max level 7");
  EXPECT_EQ(Fnv1a(RosterText(model.data().roster)), 6201949739653540142u);
}

// Without member people the whole document is records: tests/capi/generate_test.c checks
// the same hash through the C API.
TEST(GenerateTest, FixedSeedWithoutMemberPeopleGivesAnExactDocument) {
  GenerateOptions options = Options(300, 42);
  options.member_people = false;
  const Model model = Generate(options);
  EXPECT_TRUE(model.data().roster.empty());
  EXPECT_EQ(model.data().people.size(), 1182u);
  EXPECT_EQ(Fnv1a(ModelToJson(model)), 17263533945331767173u);
}

// The whole document, member roster rows written as their records, pinned exactly.
TEST(GenerateTest, FixedSeedWithMemberPeopleGivesAnExactDocument) {
  const Model model = Generate(Options(300, 42));
  EXPECT_EQ(model.data().roster.size(), 10448u);
  EXPECT_EQ(model.data().people.size(), 1170u);
  EXPECT_EQ(Fnv1a(ModelToJson(model)), 17228522027414644929u);
}

TEST(GenerateTest, FixedSeedNamesAndIds) {
  const Model model = Generate(Options(300, 42));
  const ModelData& d = model.data();
  std::vector<std::string> units, people;
  for (size_t i = 0; i < 6; ++i) {
    units.push_back(absl::StrCat(d.units[i].id, " ", d.units[i].name, " ", d.units[i].kind));
  }
  for (size_t i = 0; i < 4; ++i) {
    people.push_back(absl::StrCat(d.people[i].id, " ", d.people[i].name));
  }
  for (uint32_t r = 0; r < 3; ++r) {
    people.push_back(absl::StrCat(d.roster.id(r), " ", d.roster.name(r), " ",
                                  d.roster.unit_id(r), " ", FormatDate(d.roster.held(r).from),
                                  " ", d.roster.appraisal(r)));
  }
  EXPECT_EQ(absl::StrJoin(units, "; "),
            "u000000 某部党组 leading_group; u000001 某部纪检监察组 discipline_commission; "
            "u000002 某部机关党委 organ_committee; u000003 组织科党支部 branch; "
            "u000004 江山省委 committee; u000005 松长市委 committee");
  EXPECT_EQ(absl::StrJoin(people, "; "),
            "p0000000 郝峰静; p0000001 郭航; p0000002 乔航宇; p0000003 周正国; "
            "m0000000 马春悦 u000003 2006-09-15 86.8; m0000001 贾丹 u000003 2023-06-13 77.2; "
            "m0000002 袁悦斌 u000003 2024-11-15 60.1");
}

TEST(GenerateTest, MembersAreSpreadToTheExactTotal) {
  GenerateOptions options = Options(400, 5);
  options.members = 20000;
  const Model model = Generate(options);
  const ModelData& d = model.data();
  int64_t members = 0, staff = 0;
  for (const Unit& u : d.units) {
    members += u.members;
    if (u.kind != "branch") EXPECT_EQ(u.members, 0) << u.id;
  }
  for (const Post& p : d.posts) staff += p.role == Role::kStaff;
  EXPECT_EQ(members, 20000);
  EXPECT_EQ(staff, 0);  // members are roster rows, leaders records
  EXPECT_EQ(d.roster.size(), 20000u);
  EXPECT_EQ(d.assessment->appraisals.size(), d.people.size());
  for (uint32_t r = 0; r < d.roster.size(); ++r) {
    ASSERT_TRUE(d.roster.has_appraisal(r)) << d.roster.id(r);
  }
}

// Members are roster rows "m…" in id order, leaders records "p…"; only incidents name
// members (posts and guides links never do, so validation looks few of them up).
TEST(GenerateTest, MembersAreRosterRowsAndLeadersRecords) {
  const Model model = Generate(Options(400, 5));
  const ModelData& d = model.data();
  const MemberRoster& roster = d.roster;
  ASSERT_FALSE(roster.empty());
  EXPECT_EQ(roster.columns().order.size(), 0u);  // made in id order: no sort
  std::map<std::string, int64_t> rows_of;
  for (uint32_t r = 0; r < roster.size(); ++r) {
    ASSERT_EQ(roster.id(r), absl::StrCat("m", std::string(7 - absl::StrCat(r).size(), '0'), r));
    ++rows_of[roster.unit_id(r)];
  }
  for (const Unit& u : d.units) {
    EXPECT_EQ(u.members, rows_of.count(u.id) ? rows_of[u.id] : 0) << u.id;
  }
  for (const Person& p : d.people) ASSERT_EQ(p.id[0], 'p') << p.id;
  for (const Post& p : d.posts) ASSERT_EQ(p.person[0], 'p') << p.person;
  for (const Link& l : d.links) {
    if (l.kind == LinkKind::kGuides) ASSERT_EQ(l.from[0], 'p') << l.from;
  }
  int64_t named = 0, members_named = 0;
  for (const Incident& i : d.incidents) {
    for (const std::vector<std::string>* list : {&i.direct, &i.participants}) {
      for (const std::string& id : *list) {
        ++named;
        members_named += roster.Find(id).has_value();
      }
    }
  }
  EXPECT_EQ(named, 29);
  EXPECT_EQ(members_named, 15);
}

TEST(GenerateTest, WithoutMemberPeopleOnlyLeadersArePeople) {
  GenerateOptions options = Options(1000, 5);
  options.member_people = false;
  const Model model = Generate(options);
  const ModelData& d = model.data();
  int64_t members = 0;
  for (const Unit& u : d.units) members += u.members;
  EXPECT_GT(members, 20000);
  for (const Post& p : d.posts) EXPECT_NE(p.role, Role::kStaff) << p.person;
  EXPECT_LT(d.people.size(), 4000u);
}

// Tiny organizations and every depth: valid, the exact unit count, no deeper than asked.
TEST(GenerateTest, EverySizeAndDepthIsValid) {
  for (int64_t units : {1, 2, 3, 7, 10, 64, 300}) {
    for (int depth = 2; depth <= 12; depth += 5) {
      GenerateOptions options = Options(units, 11);
      options.depth = depth;
      options.member_people = false;
      const Model model = Generate(options);
      ASSERT_EQ(model.data().units.size(), static_cast<size_t>(units)) << units << " " << depth;
      const Snapshot s = *Snapshot::Compile(model);
      for (UnitIndex u = 0; u < s.unit_count(); ++u) {
        EXPECT_LT(s.unit_level(u), static_cast<uint32_t>(depth)) << units << " " << depth;
      }
    }
  }
}

TEST(GenerateTest, ProgressRisesToOne) {
  GenerateOptions options = Options(500, 1);
  options.member_people = false;
  std::vector<double> seen;
  options.progress = [&](double f) { seen.push_back(f); };
  Generate(options);
  ASSERT_GE(seen.size(), 10u);
  EXPECT_EQ(seen.front(), 0.0);
  EXPECT_EQ(seen.back(), 1.0);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}

TEST(GenerateTest, BadOptionsAreRejectedWithTheirRule) {
  auto message = [](GenerateOptions options) {
    return std::string(GenerateModel(options).status().message());
  };
  GenerateOptions o;
  o.units = 0;
  EXPECT_EQ(message(o), "units must be at least 1");
  o.units = kMaxGeneratedUnits + 1;
  EXPECT_EQ(message(o), "units must be at most 100000000 (32-bit indices)");
  o = GenerateOptions();
  o.depth = 1;
  EXPECT_EQ(message(o), "depth must be from 2 to 12 (got 1)");
  o.depth = 13;
  EXPECT_EQ(message(o), "depth must be from 2 to 12 (got 13)");
  o = GenerateOptions();
  o.members = -2;
  EXPECT_EQ(message(o),
            "members must not be negative (kAutoMembers, -1, asks for each branch's natural "
            "count)");
  o.members = kMaxMembers + 1;
  EXPECT_EQ(message(o), "members must be at most 1125899906842624");
  o.members = kMaxMemberPeople + 1;
  o.member_people = true;
  EXPECT_EQ(message(o),
            "members must be at most 350000000 when they are people (the member roster's 4 GiB "
            "of names)");
  o = GenerateOptions();
  o.year = 1899;
  EXPECT_EQ(message(o), "year must be from 1900 to 9000 (got 1899)");
  EXPECT_EQ(GenerateModel(o).status().code(), absl::StatusCode::kInvalidArgument);
}

// ---- a 20k-unit organization: shape, and every engine -------------------------------

class GenerateShapeTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    GenerateOptions options = Options(20000, 7);
    options.member_people = false;  // member people: tested on smaller ones above
    model_ = new Model(Generate(options));
    snapshot_ = new Snapshot(*Snapshot::Compile(*model_));
  }
  static void TearDownTestSuite() {
    delete snapshot_;
    delete model_;
  }
  static const ModelData& data() { return model_->data(); }
  static const Snapshot& s() { return *snapshot_; }

  static Model* model_;
  static Snapshot* snapshot_;
};
Model* GenerateShapeTest::model_ = nullptr;
Snapshot* GenerateShapeTest::snapshot_ = nullptr;

TEST_F(GenerateShapeTest, LevelsAndFanOut) {
  std::map<uint32_t, int64_t> levels;
  uint32_t min_fanout = 1000000, max_fanout = 0, wide = 0;
  for (UnitIndex u = 0; u < s().unit_count(); ++u) {
    ++levels[s().unit_level(u)];
    const uint32_t fanout = static_cast<uint32_t>(s().children(u).size());
    if (fanout == 0) continue;
    min_fanout = std::min(min_fanout, fanout);
    max_fanout = std::max(max_fanout, fanout);
    wide += fanout >= 100;
  }
  EXPECT_EQ(Counts(levels), "0 1, 1 5, 2 15, 3 61, 4 242, 5 958, 6 3783, 7 14935");
  EXPECT_EQ(min_fanout, 2u);
  EXPECT_EQ(max_fanout, 821u);
  EXPECT_EQ(wide, 24u);  // units leading 100 or more
}

TEST_F(GenerateShapeTest, MembersPerBranchHaveALongTail) {
  std::vector<int64_t> members;
  for (const Unit& u : data().units) {
    if (u.kind == "branch") members.push_back(u.members);
  }
  std::sort(members.begin(), members.end());
  const auto above = [&](int64_t m) {
    return members.end() - std::upper_bound(members.begin(), members.end(), m);
  };
  EXPECT_EQ(members.front(), 3);
  EXPECT_EQ(members[members.size() / 2], 27);
  EXPECT_EQ(members.back(), 3363);
  EXPECT_EQ(above(50), 546);
  EXPECT_EQ(above(500), 18);
}

TEST_F(GenerateShapeTest, DualLeadershipWeightsSumToOne) {
  int dual = 0;
  for (UnitIndex u = 0; u < s().unit_count(); ++u) {
    if (s().parents(u).size() < 2) continue;
    ++dual;
    ASSERT_EQ(s().parents(u).size(), 2u);
    const absl::Span<const double> w = s().parent_weights(u);
    EXPECT_EQ(w[0] + w[1], 1.0) << s().unit_id(u);
    EXPECT_GE(w[0], 0.5);
    EXPECT_EQ(s().unit_level(s().parents(u)[0]), s().unit_level(s().parents(u)[1]));
  }
  EXPECT_EQ(dual, 113);
}

// Days of the year each unit that needs one has a secretary: all of them but a few
// vacancies, and a few units with none all year.
TEST_F(GenerateShapeTest, SecretariesHoldMostDays) {
  const Interval year = data().assessment->period;
  std::vector<int64_t> covered(s().unit_count(), 0);
  for (PostIndex p = 0; p < s().post_count(); ++p) {
    if (s().post_role(p) != Role::kSecretary) continue;
    const Interval& held = s().post_held(p);
    const Date from = std::max(held.from, year.from), to = std::min(held.to, year.to);
    if (from < to) covered[s().post_unit(p)] += to - from;
  }
  const int64_t days = year.to - year.from;
  int64_t full = 0, partly = 0, never = 0, needing = 0;
  for (UnitIndex u = 0; u < s().unit_count(); ++u) {
    if (!NeedsFirstResponsible(s().unit_kind(u)) || s().unit_kind(u) == "discipline_commission") {
      continue;
    }
    ++needing;
    EXPECT_LE(covered[u], days);
    full += covered[u] == days;
    never += covered[u] == 0;
    partly += covered[u] > 0 && covered[u] < days;
  }
  EXPECT_EQ(needing, 18600);
  EXPECT_EQ(full, 18203);
  EXPECT_EQ(partly, 323);
  EXPECT_EQ(never, 74);
}

TEST_F(GenerateShapeTest, EveryEngineRuns) {
  Accountant accountant(s());
  Accounting accounting;
  std::map<std::string, int64_t> forms;
  for (IncidentIndex i = 0; i < s().incident_count(); ++i) {
    accountant.Account(i, &accounting);
    for (const AccountableParty& p : accounting.parties) ++forms[std::string(Name(p.form))];
  }
  EXPECT_EQ(Counts(forms),
            "admonishment 1532, circulated_notice 3049, disciplinary_sanction 268, none 4845, "
            "organizational_adjustment 291, reorganization 88, self_examination 669");

  const Date year_end = data().assessment->period.to - 1;
  const LedgerReport ledger = LedgerAsOf(s(), year_end);
  std::map<std::string, int64_t> lights;
  for (Light light : ledger.lights) ++lights[std::string(Name(light))];
  EXPECT_EQ(Counts(lights), "cancelled 704, done 6323, green 136, red 1946, yellow 59");

  const AuditReport audit = AuditAsOf(s(), year_end);
  std::map<std::string, int64_t> findings;
  for (const Finding& f : audit.findings) ++findings[std::string(Name(f.kind))];
  EXPECT_EQ(Counts(findings),
            "overdue_tasks 1684, stalled_cascade 98, unguided_branch 9589, "
            "vacant_first_responsible 94");

  const absl::StatusOr<Assessment> assessment = Assess(s());
  ASSERT_TRUE(assessment.ok()) << assessment.status();
  std::map<std::string, int64_t> grades;
  for (const UnitAssessment& u : assessment->units) {
    ++grades[assessment->scheme.grades[u.grade].id];
  }
  EXPECT_EQ(Counts(grades), "average 1341, fairly_good 12525, good 4464, poor 1670");
  EXPECT_EQ(assessment->people.size(), 76741u);
}

}  // namespace
}  // namespace zeren
