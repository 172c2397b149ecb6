// Chain of responsibility (ChainOf) and the person-centred view (ResponsibilitiesOf,
// HoldersOf) on a small organization built inline, plus their JSON renderings.
#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zeren/chain.h"
#include "zeren/date.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/person_view.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"

namespace {

using ::testing::ElementsAre;
// The suites are named Chain and PersonView, like zeren's structs: this file does not open
// namespace zeren, and names the structs zeren::Chain and zeren::PersonView.
using zeren::ChainEntry;
using zeren::ChainOf;
using zeren::ChainToJson;
using zeren::Date;
using zeren::HoldersOf;
using zeren::LinkKind;
using zeren::Model;
using zeren::Name;
using zeren::ParseDate;
using zeren::ParseModelJson;
using zeren::PersonIndex;
using zeren::PersonViewToJson;
using zeren::PostIndex;
using zeren::ProblemList;
using zeren::Responsibility;
using zeren::ResponsibilitiesOf;
using zeren::Role;
using zeren::Snapshot;
using zeren::UnitIndex;
using zeren::kNoIndex;
using ::testing::HasSubstr;
using Kind = ChainEntry::Kind;
using RKind = Responsibility::Kind;

// Units are listed children first on purpose: the snapshot must renumber them in level order.
//
//   org (leading_group)          level 0
//   ├── dept (general_branch)    level 1
//   │   ├── br (branch)          level 2
//   │   │   └── grp (group)      level 3
//   │   ├── two (branch; also under opc, unweighted)   level 2
//   │   └── temp (branch; exists 2024-01-01 .. 2025-01-01)  level 2
//   ├── dc (discipline_commission, supervises org from 2021-01-01)  level 1
//   ├── opc (organ_committee, specializes dept)  level 1
//   └── joint (branch; parents org 0.7, dept 0.3)  level 2 (org -> dept -> joint)
constexpr char kOrganization[] = R"({
  "format": "zeren-model", "version": 1, "name": "chain test organization",
  "units": [
    {"id": "grp",   "name": "Group",      "kind": "group",   "parents": ["br"]},
    {"id": "br",    "name": "Branch",     "kind": "branch",  "parents": ["dept"], "members": 12},
    {"id": "joint", "name": "Joint",      "kind": "branch",
     "parents": [{"unit": "org", "weight": 0.7}, {"unit": "dept", "weight": 0.3}]},
    {"id": "org",   "name": "Leading Group", "kind": "leading_group"},
    {"id": "dept",  "name": "Department", "kind": "general_branch", "parents": ["org"]},
    {"id": "dc",    "name": "Discipline", "kind": "discipline_commission", "parents": ["org"]},
    {"id": "opc",   "name": "Organ Committee", "kind": "organ_committee", "parents": ["org"]},
    {"id": "two",   "name": "Two Parents", "kind": "branch", "parents": ["dept", "opc"]},
    {"id": "temp",  "name": "Temporary",  "kind": "branch", "parents": ["dept"],
     "from": "2024-01-01", "to": "2025-01-01"}
  ],
  "people": [
    {"id": "p_sec",  "name": "Sec"},
    {"id": "p_head", "name": "Head"},
    {"id": "p_mem",  "name": "Mem"},
    {"id": "p_mem2", "name": "Mem2"},
    {"id": "p_mem3", "name": "Mem3"},
    {"id": "p_dep",  "name": "Dep"},
    {"id": "p_dis",  "name": "Dis"},
    {"id": "p_old",  "name": "Old"},
    {"id": "p_new",  "name": "New"},
    {"id": "p_brm",  "name": "BrMember"},
    {"id": "p_dsec", "name": "DeptSec"},
    {"id": "p_jsec", "name": "JointSec"},
    {"id": "p_opc",  "name": "OpcSec"},
    {"id": "p_staff", "name": "Staff"},
    {"id": "p_idle", "name": "Idle"}
  ],
  "posts": [
    {"person": "p_sec",  "unit": "org", "role": "secretary", "from": "2020-01-01"},
    {"person": "p_head", "unit": "org", "role": "head",      "from": "2020-01-01"},
    {"person": "p_mem",  "unit": "org", "role": "member",    "from": "2020-01-01",
     "in_charge_of": ["dept"]},
    {"person": "p_mem2", "unit": "org", "role": "member",    "from": "2020-01-01",
     "to": "2025-03-01", "in_charge_of": ["br"]},
    {"person": "p_mem3", "unit": "org", "role": "member",    "from": "2025-03-01",
     "in_charge_of": ["br"]},
    {"person": "p_dep",  "unit": "org", "role": "deputy",    "from": "2020-01-01",
     "in_charge_of": ["org", "dept"]},
    {"person": "p_dis",  "unit": "dc",  "role": "discipline_secretary", "from": "2020-01-01"},
    {"person": "p_old",  "unit": "br",  "role": "secretary", "from": "2020-01-01",
     "to": "2025-03-01"},
    {"person": "p_new",  "unit": "br",  "role": "secretary", "from": "2025-03-01"},
    {"person": "p_brm",  "unit": "br",  "role": "member",    "from": "2020-01-01"},
    {"person": "p_dsec", "unit": "dept", "role": "secretary", "from": "2020-01-01"},
    {"person": "p_jsec", "unit": "joint", "role": "secretary", "from": "2020-01-01"},
    {"person": "p_opc",  "unit": "opc", "role": "secretary", "from": "2020-01-01"},
    {"person": "p_staff", "unit": "br", "role": "staff",     "from": "2020-01-01"}
  ],
  "links": [
    {"kind": "supervises",  "from": "dc",    "to": "org",  "from_date": "2021-01-01"},
    {"kind": "specializes", "from": "opc",   "to": "dept"},
    {"kind": "guides",      "from": "p_mem", "to": "br",   "from_date": "2024-06-01"}
  ],
  "duties": [
    {"id": "du_org", "holder": {"unit": "org"}, "category": "principal"},
    {"id": "du_members", "holder": {"unit": "org", "role": "member"}, "category": "dual_post"},
    {"id": "du_br", "holder": {"unit": "br", "role": "secretary"}, "category": "principal"},
    {"id": "du_dc", "holder": {"unit": "dc", "role": "discipline_secretary"},
     "category": "supervisory"}
  ]
})";

Date D(const char* iso) {
  std::optional<Date> day = ParseDate(iso);
  EXPECT_TRUE(day.has_value()) << iso;
  return day.value_or(0);
}

// Kinds wrapped so that a failing expectation prints their names, not their bytes.
struct ChainKind {
  ChainKind(Kind k) : kind(k) {}  // NOLINT: implicit on purpose
  bool operator==(const ChainKind& other) const { return kind == other.kind; }
  Kind kind;
};
void PrintTo(const ChainKind& k, std::ostream* os) { *os << Name(k.kind); }

struct ResponsibilityKind {
  ResponsibilityKind(RKind k) : kind(k) {}  // NOLINT: implicit on purpose
  bool operator==(const ResponsibilityKind& other) const { return kind == other.kind; }
  RKind kind;
};
void PrintTo(const ResponsibilityKind& k, std::ostream* os) { *os << Name(k.kind); }

// One chain entry as ids, for exact comparison: kind, person id ("" when none), unit id ("" when
// none), distance.
using Row = std::tuple<ChainKind, std::string, std::string, uint32_t>;

class ChainFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ProblemList problems;
    absl::StatusOr<Model> model = ParseModelJson(kOrganization, &problems);
    ASSERT_TRUE(model.ok()) << model.status();
    absl::StatusOr<Snapshot> snapshot = Snapshot::Compile(*model);
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
    snapshot_ = new Snapshot(*std::move(snapshot));
  }
  static void TearDownTestSuite() {
    delete snapshot_;
    snapshot_ = nullptr;
  }

  const Snapshot& s() const { return *snapshot_; }

  UnitIndex U(const char* id) const {
    std::optional<UnitIndex> u = s().FindUnit(id);
    EXPECT_TRUE(u.has_value()) << id;
    return u.value_or(kNoIndex);
  }
  PersonIndex P(const char* id) const {
    std::optional<PersonIndex> p = s().FindPerson(id);
    EXPECT_TRUE(p.has_value()) << id;
    return p.value_or(kNoIndex);
  }

  std::vector<Row> Rows(const zeren::Chain& chain) const {
    std::vector<Row> rows;
    for (const ChainEntry& e : chain.entries) {
      rows.emplace_back(e.kind, e.person == kNoIndex ? "" : s().person_id(e.person),
                        e.unit == kNoIndex ? "" : s().unit_id(e.unit), e.distance);
    }
    return rows;
  }

  std::vector<Row> ChainRows(const char* unit, const char* day) const {
    absl::StatusOr<zeren::Chain> chain = ChainOf(s(), U(unit), D(day));
    EXPECT_TRUE(chain.ok()) << chain.status();
    if (!chain.ok()) return {};
    EXPECT_EQ(chain->unit, U(unit));
    EXPECT_EQ(chain->as_of, D(day));
    return Rows(*chain);
  }

  // The person id of each post of `posts`.
  std::vector<std::string> Holders(const std::vector<PostIndex>& posts) const {
    std::vector<std::string> ids;
    for (PostIndex post : posts) ids.push_back(std::string(s().person_id(s().post_person(post))));
    return ids;
  }

  static Snapshot* snapshot_;
};

Snapshot* ChainFixture::snapshot_ = nullptr;

class Chain : public ChainFixture {};
class PersonView : public ChainFixture {};

// ---- the snapshot's level order -------------------------------------------------------

TEST_F(Chain, SnapshotRenumbersUnitsInLevelOrder) {
  ASSERT_EQ(s().unit_count(), 9u);
  std::vector<std::string> ids;
  std::vector<uint32_t> levels;
  for (UnitIndex u = 0; u < s().unit_count(); ++u) {
    ids.emplace_back(s().unit_id(u));
    levels.push_back(s().unit_level(u));
  }
  // Stable within a level: document order.
  EXPECT_THAT(ids, ElementsAre("org", "dept", "dc", "opc", "br", "joint", "two", "temp", "grp"));
  EXPECT_THAT(levels, ElementsAre(0u, 1u, 1u, 1u, 2u, 2u, 2u, 2u, 3u));
  for (UnitIndex u = 0; u < s().unit_count(); ++u) {
    for (UnitIndex parent : s().parents(u)) {
      EXPECT_LT(parent, u) << s().unit_id(parent) << " -> " << s().unit_id(u);
      EXPECT_LT(s().unit_level(parent), s().unit_level(u));
    }
  }
}

TEST_F(Chain, JointLevelIsTheLongestPath) {
  // org -> joint is one step, but org -> dept -> joint is two.
  EXPECT_EQ(s().unit_level(U("joint")), 2u);
  EXPECT_EQ(s().unit_level(U("grp")), 3u);
  EXPECT_EQ(s().unit_level(U("dc")), 1u);
}

TEST_F(Chain, ParentsAndNormalizedWeights) {
  EXPECT_THAT(s().parents(U("joint")), ElementsAre(U("org"), U("dept")));
  EXPECT_THAT(s().parent_weights(U("joint")), ElementsAre(0.7, 0.3));
  EXPECT_THAT(s().parents(U("two")), ElementsAre(U("dept"), U("opc")));
  EXPECT_THAT(s().parent_weights(U("two")), ElementsAre(0.5, 0.5));
  EXPECT_THAT(s().parents(U("br")), ElementsAre(U("dept")));
  EXPECT_THAT(s().parent_weights(U("br")), ElementsAre(1.0));
  EXPECT_TRUE(s().parents(U("org")).empty());
  EXPECT_THAT(s().children(U("org")), ElementsAre(U("dept"), U("dc"), U("opc"), U("joint")));
  EXPECT_THAT(s().children(U("dept")),
              ElementsAre(U("br"), U("joint"), U("two"), U("temp")));
}

// ---- the chain of br around the change of secretary on 2025-03-01 ---------------------

TEST_F(Chain, BranchDayBeforeTheChange) {
  EXPECT_THAT(ChainRows("br", "2025-02-28"),
              ElementsAre(Row{Kind::kSecretary, "p_old", "br", 0},
                          Row{Kind::kMember, "p_brm", "br", 0},
                          Row{Kind::kInCharge, "p_mem2", "org", 0},
                          Row{Kind::kInCharge, "p_mem", "org", 1},
                          // p_dep is in charge of dept (1 step) and of org (2 steps): once, at 1.
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          Row{Kind::kSupervisor, "p_dis", "dc", 2},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kGuide, "p_mem", "br", 0},
                          Row{Kind::kSuperior, "p_dsec", "dept", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 2}));
}

TEST_F(Chain, BranchOnTheChangeDay) {
  EXPECT_THAT(ChainRows("br", "2025-03-01"),
              ElementsAre(Row{Kind::kSecretary, "p_new", "br", 0},
                          Row{Kind::kMember, "p_brm", "br", 0},
                          Row{Kind::kInCharge, "p_mem3", "org", 0},
                          Row{Kind::kInCharge, "p_mem", "org", 1},
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          Row{Kind::kSupervisor, "p_dis", "dc", 2},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kGuide, "p_mem", "br", 0},
                          Row{Kind::kSuperior, "p_dsec", "dept", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 2}));
}

TEST_F(Chain, BranchDayAfterTheChange) {
  EXPECT_THAT(ChainRows("br", "2025-03-02"),
              ElementsAre(Row{Kind::kSecretary, "p_new", "br", 0},
                          Row{Kind::kMember, "p_brm", "br", 0},
                          Row{Kind::kInCharge, "p_mem3", "org", 0},
                          Row{Kind::kInCharge, "p_mem", "org", 1},
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          Row{Kind::kSupervisor, "p_dis", "dc", 2},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kGuide, "p_mem", "br", 0},
                          Row{Kind::kSuperior, "p_dsec", "dept", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 2}));
}

TEST_F(Chain, EntriesCarryPostsLinksAndReasons) {
  absl::StatusOr<zeren::Chain> chain = ChainOf(s(), U("br"), D("2025-03-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  ASSERT_EQ(chain->entries.size(), 10u);
  const ChainEntry& secretary = chain->entries[0];
  ASSERT_NE(secretary.post, kNoIndex);
  EXPECT_EQ(s().post_person(secretary.post), P("p_new"));
  EXPECT_EQ(s().post_role(secretary.post), Role::kSecretary);
  EXPECT_EQ(secretary.link, kNoIndex);
  EXPECT_EQ(secretary.reason, "New (p_new) is secretary of Branch (br) since 2025-03-01");

  const ChainEntry& in_charge = chain->entries[3];
  EXPECT_EQ(s().post_person(in_charge.post), P("p_mem"));
  EXPECT_EQ(in_charge.reason,
            "Mem (p_mem), member of Leading Group (org), is in charge of Department (dept), "
            "1 step up");

  const ChainEntry& supervisor = chain->entries[5];
  ASSERT_NE(supervisor.link, kNoIndex);
  EXPECT_EQ(s().link_kind(supervisor.link), LinkKind::kSupervises);
  EXPECT_EQ(s().link_to(supervisor.link), U("org"));
  ASSERT_NE(supervisor.post, kNoIndex);
  EXPECT_EQ(s().post_role(supervisor.post), Role::kDisciplineSecretary);
  EXPECT_EQ(supervisor.reason,
            "Discipline (dc) supervises Leading Group (org), 2 steps up; its discipline "
            "secretary is Dis (p_dis)");

  const ChainEntry& specialist = chain->entries[6];
  EXPECT_EQ(specialist.post, kNoIndex);
  EXPECT_EQ(s().link_kind(specialist.link), LinkKind::kSpecializes);

  const ChainEntry& guide = chain->entries[7];
  EXPECT_EQ(s().link_kind(guide.link), LinkKind::kGuides);
  EXPECT_EQ(guide.post, kNoIndex);
  EXPECT_EQ(guide.reason, "Mem (p_mem) guides Branch (br)");

  const ChainEntry& superior = chain->entries[9];
  EXPECT_EQ(s().post_person(superior.post), P("p_sec"));
  EXPECT_EQ(superior.reason,
            "Leading Group (org) leads Branch (br), 2 steps up; its secretary is Sec (p_sec)");
}

TEST_F(Chain, GuideLinkStartsOnItsFromDate) {
  // The guides link holds from 2024-06-01: the day before, br has no guide.
  EXPECT_THAT(ChainRows("br", "2024-05-31"),
              ElementsAre(Row{Kind::kSecretary, "p_old", "br", 0},
                          Row{Kind::kMember, "p_brm", "br", 0},
                          Row{Kind::kInCharge, "p_mem2", "org", 0},
                          Row{Kind::kInCharge, "p_mem", "org", 1},
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          Row{Kind::kSupervisor, "p_dis", "dc", 2},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kSuperior, "p_dsec", "dept", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 2}));
}

TEST_F(Chain, NoSupervisingBodyGivesOneEmptySupervisorEntry) {
  // The supervises link starts on 2021-01-01.
  absl::StatusOr<zeren::Chain> chain = ChainOf(s(), U("br"), D("2020-06-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  EXPECT_THAT(Rows(*chain),
              ElementsAre(Row{Kind::kSecretary, "p_old", "br", 0},
                          Row{Kind::kMember, "p_brm", "br", 0},
                          Row{Kind::kInCharge, "p_mem2", "org", 0},
                          Row{Kind::kInCharge, "p_mem", "org", 1},
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          Row{Kind::kSupervisor, "", "", 0},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kSuperior, "p_dsec", "dept", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 2}));
  EXPECT_EQ(chain->entries[5].link, kNoIndex);
  EXPECT_EQ(chain->entries[5].post, kNoIndex);
  EXPECT_EQ(chain->entries[5].reason,
            "no discipline body supervises Branch (br) or any of its superiors on 2020-06-01");
}

// ---- dual leadership ------------------------------------------------------------------

TEST_F(Chain, JointHasBothParentsAsSuperiorsAtDistanceOne) {
  EXPECT_THAT(ChainRows("joint", "2025-06-01"),
              ElementsAre(Row{Kind::kSecretary, "p_jsec", "joint", 0},
                          // p_mem through dept, p_dep through org (and dept: the same post, not
                          // repeated). Both 1 step up, so in post order (chain.h: "within a kind
                          // by distance, then post or link order"): p_mem's post (2) before
                          // p_dep's (5), whichever parent each was found through.
                          Row{Kind::kInCharge, "p_mem", "org", 1},
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          // org is a parent: 1 step, although its level is 2 below.
                          Row{Kind::kSupervisor, "p_dis", "dc", 1},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 1},
                          Row{Kind::kSuperior, "p_dsec", "dept", 1}));
}

TEST_F(Chain, JointInChargeReasonNamesTheNearestCoveredUnit) {
  absl::StatusOr<zeren::Chain> chain = ChainOf(s(), U("joint"), D("2025-06-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  ASSERT_EQ(chain->entries.size(), 7u);
  // Found by person, so that this test does not depend on the order of the two entries.
  std::vector<std::string> reasons;
  for (const ChainEntry& e : chain->entries) {
    if (e.kind == Kind::kInCharge && e.person == P("p_dep")) reasons.push_back(e.reason);
    if (e.kind == Kind::kInCharge && e.person == P("p_mem")) reasons.push_back(e.reason);
  }
  std::sort(reasons.begin(), reasons.end());
  EXPECT_THAT(reasons,
              ElementsAre("Dep (p_dep), deputy of Leading Group (org), is in charge of Leading "
                          "Group (org), 1 step up",
                          "Mem (p_mem), member of Leading Group (org), is in charge of "
                          "Department (dept), 1 step up"));
}

// ---- a group below the branch ---------------------------------------------------------

TEST_F(Chain, GroupFindsGuideAndSupervisorAboveIt) {
  EXPECT_THAT(ChainRows("grp", "2025-06-01"),
              ElementsAre(Row{Kind::kSecretary, "", "grp", 0},  // vacant
                          Row{Kind::kInCharge, "p_mem3", "org", 1},
                          Row{Kind::kInCharge, "p_mem", "org", 2},
                          Row{Kind::kInCharge, "p_dep", "org", 2},
                          Row{Kind::kSupervisor, "p_dis", "dc", 3},
                          Row{Kind::kSpecialist, "", "opc", 2},
                          Row{Kind::kGuide, "p_mem", "br", 1},
                          Row{Kind::kSuperior, "p_new", "br", 1},
                          Row{Kind::kSuperior, "p_dsec", "dept", 2},
                          Row{Kind::kSuperior, "p_sec", "org", 3}));
}

TEST_F(Chain, GroupGuideReasonCountsSteps) {
  absl::StatusOr<zeren::Chain> chain = ChainOf(s(), U("grp"), D("2025-06-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  ASSERT_EQ(chain->entries.size(), 10u);
  EXPECT_EQ(chain->entries[6].reason, "Mem (p_mem) guides Branch (br), 1 step up");
  EXPECT_EQ(chain->entries[4].reason,
            "Discipline (dc) supervises Leading Group (org), 3 steps up; its discipline "
            "secretary is Dis (p_dis)");
}

// ---- vacancies, leaders of the root and of the discipline body ------------------------

TEST_F(Chain, VacantSecretaryIsAnEntryWithoutPerson) {
  absl::StatusOr<zeren::Chain> chain = ChainOf(s(), U("two"), D("2025-06-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  EXPECT_THAT(Rows(*chain),
              ElementsAre(Row{Kind::kSecretary, "", "two", 0},
                          Row{Kind::kInCharge, "p_mem", "org", 1},
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          Row{Kind::kSupervisor, "p_dis", "dc", 2},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kSuperior, "p_dsec", "dept", 1},
                          Row{Kind::kSuperior, "p_opc", "opc", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 2}));
  const ChainEntry& vacant = chain->entries[0];
  EXPECT_EQ(vacant.person, kNoIndex);
  EXPECT_EQ(vacant.post, kNoIndex);
  EXPECT_EQ(vacant.reason, "the secretary post of Two Parents (two) is vacant on 2025-06-01");
}

TEST_F(Chain, RootLeadersInRoleOrder) {
  EXPECT_THAT(ChainRows("org", "2025-06-01"),
              ElementsAre(Row{Kind::kSecretary, "p_sec", "org", 0},
                          Row{Kind::kHead, "p_head", "org", 0},
                          Row{Kind::kDeputy, "p_dep", "org", 0},
                          Row{Kind::kMember, "p_mem", "org", 0},
                          Row{Kind::kMember, "p_mem3", "org", 0},
                          Row{Kind::kInCharge, "p_dep", "org", 0},
                          Row{Kind::kSupervisor, "p_dis", "dc", 0}));
}

TEST_F(Chain, DisciplineBodyNeedsADisciplineSecretaryNotASecretary) {
  EXPECT_THAT(ChainRows("dc", "2025-06-01"),
              ElementsAre(Row{Kind::kDisciplineSecretary, "p_dis", "dc", 0},
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          Row{Kind::kSupervisor, "p_dis", "dc", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 1}));
}

// ---- units that do not exist, bad indices --------------------------------------------

TEST_F(Chain, UnitExistsOnlyWithinItsDates) {
  absl::StatusOr<zeren::Chain> before = ChainOf(s(), U("temp"), D("2023-12-31"));
  EXPECT_EQ(before.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(before.status().message(), "unit Temporary (temp) does not exist on 2023-12-31");

  absl::StatusOr<zeren::Chain> end = ChainOf(s(), U("temp"), D("2025-01-01"));
  EXPECT_EQ(end.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(end.status().message()), HasSubstr("(temp)"));
  EXPECT_THAT(std::string(end.status().message()), HasSubstr("2025-01-01"));

  EXPECT_THAT(ChainRows("temp", "2024-12-31"),
              ElementsAre(Row{Kind::kSecretary, "", "temp", 0},
                          Row{Kind::kInCharge, "p_mem", "org", 1},
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          Row{Kind::kSupervisor, "p_dis", "dc", 2},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kSuperior, "p_dsec", "dept", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 2}));
  EXPECT_THAT(ChainRows("temp", "2024-01-01"),
              ElementsAre(Row{Kind::kSecretary, "", "temp", 0},
                          Row{Kind::kInCharge, "p_mem", "org", 1},
                          Row{Kind::kInCharge, "p_dep", "org", 1},
                          Row{Kind::kSupervisor, "p_dis", "dc", 2},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kSuperior, "p_dsec", "dept", 1},
                          Row{Kind::kSuperior, "p_sec", "org", 2}));
}

TEST_F(Chain, OutOfRangeUnitIndex) {
  absl::StatusOr<zeren::Chain> chain = ChainOf(s(), s().unit_count(), D("2025-06-01"));
  EXPECT_EQ(chain.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(ChainOf(s(), kNoIndex, D("2025-06-01")).status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST_F(Chain, KindNames) {
  EXPECT_EQ(Name(Kind::kSecretary), "secretary");
  EXPECT_EQ(Name(Kind::kHead), "head");
  EXPECT_EQ(Name(Kind::kDeputy), "deputy");
  EXPECT_EQ(Name(Kind::kMember), "member");
  EXPECT_EQ(Name(Kind::kDisciplineSecretary), "discipline_secretary");
  EXPECT_EQ(Name(Kind::kInCharge), "in_charge");
  EXPECT_EQ(Name(Kind::kSupervisor), "supervisor");
  EXPECT_EQ(Name(Kind::kSpecialist), "specialist");
  EXPECT_EQ(Name(Kind::kGuide), "guide");
  EXPECT_EQ(Name(Kind::kSuperior), "superior");
}

// ---- ChainToJson ----------------------------------------------------------------------

TEST_F(Chain, JsonOfTheBranchChain) {
  absl::StatusOr<zeren::Chain> chain = ChainOf(s(), U("br"), D("2025-03-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  const boost::json::value root = boost::json::parse(ChainToJson(s(), *chain));
  const boost::json::object& o = root.as_object();
  EXPECT_EQ(o.at("unit").as_string(), "br");
  EXPECT_EQ(o.at("as_of").as_string(), "2025-03-01");
  const boost::json::array& entries = o.at("entries").as_array();
  ASSERT_EQ(entries.size(), chain->entries.size());
  using J = std::tuple<std::string, std::string, std::string, int64_t>;
  std::vector<J> got;
  for (const boost::json::value& v : entries) {
    const boost::json::object& e = v.as_object();
    auto text = [&](const char* key) {
      return e.contains(key) ? std::string(e.at(key).as_string()) : std::string();
    };
    got.emplace_back(text("kind"), text("person"), text("unit"), e.at("distance").to_number<int64_t>());
    EXPECT_TRUE(e.at("reason").is_string());
  }
  EXPECT_THAT(got, ElementsAre(J{"secretary", "p_new", "br", 0}, J{"member", "p_brm", "br", 0},
                               J{"in_charge", "p_mem3", "org", 0}, J{"in_charge", "p_mem", "org", 1},
                               J{"in_charge", "p_dep", "org", 1}, J{"supervisor", "p_dis", "dc", 2},
                               J{"specialist", "", "opc", 1}, J{"guide", "p_mem", "br", 0},
                               J{"superior", "p_dsec", "dept", 1}, J{"superior", "p_sec", "org", 2}));
  // A unit entry has no "person" key at all.
  EXPECT_FALSE(entries[6].as_object().contains("person"));
}

TEST_F(Chain, JsonOfVacancyAndMissingSupervisorOmitsKeys) {
  absl::StatusOr<zeren::Chain> chain = ChainOf(s(), U("br"), D("2020-06-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  const boost::json::value root = boost::json::parse(ChainToJson(s(), *chain));
  const boost::json::array& entries = root.at("entries").as_array();
  ASSERT_EQ(entries.size(), 9u);
  const boost::json::object& none = entries[5].as_object();
  EXPECT_EQ(none.at("kind").as_string(), "supervisor");
  EXPECT_FALSE(none.contains("person"));
  EXPECT_FALSE(none.contains("unit"));
  EXPECT_EQ(none.at("distance").to_number<int64_t>(), 0);

  absl::StatusOr<zeren::Chain> vacant = ChainOf(s(), U("two"), D("2025-06-01"));
  ASSERT_TRUE(vacant.ok()) << vacant.status();
  const boost::json::value v = boost::json::parse(ChainToJson(s(), *vacant));
  const boost::json::object& first = v.at("entries").as_array().at(0).as_object();
  EXPECT_EQ(first.at("kind").as_string(), "secretary");
  EXPECT_FALSE(first.contains("person"));
  EXPECT_EQ(first.at("unit").as_string(), "two");
  EXPECT_EQ(first.at("reason").as_string(),
            "the secretary post of Two Parents (two) is vacant on 2025-06-01");
}

// ---- the person view ------------------------------------------------------------------

// One responsibility as ids: kind, unit id, role of the post ("" when none), duty id.
using PRow = std::tuple<ResponsibilityKind, std::string, std::string, std::string>;

class PersonRows {
 public:
  static std::vector<PRow> Of(const Snapshot& s, const zeren::PersonView& view) {
    std::vector<PRow> rows;
    for (const Responsibility& r : view.entries) {
      rows.emplace_back(r.kind, r.unit == kNoIndex ? "" : s.unit_id(r.unit),
                        r.post == kNoIndex ? "" : std::string(Name(s.post_role(r.post))),
                        r.duty == kNoIndex ? "" : s.duty_id(r.duty));
    }
    return rows;
  }
};

TEST_F(PersonView, MemberHasPostInChargeGuidesAndDuty) {
  const zeren::PersonView view = ResponsibilitiesOf(s(), P("p_mem"), D("2025-06-01"));
  EXPECT_EQ(view.person, P("p_mem"));
  EXPECT_EQ(view.as_of, D("2025-06-01"));
  EXPECT_THAT(PersonRows::Of(s(), view),
              ElementsAre(PRow{RKind::kPost, "org", "member", ""},
                          PRow{RKind::kInCharge, "dept", "member", ""},
                          PRow{RKind::kGuides, "br", "", ""},
                          PRow{RKind::kDuty, "org", "member", "du_members"}));
  ASSERT_EQ(view.entries.size(), 4u);
  EXPECT_EQ(view.entries[2].post, kNoIndex);
  ASSERT_NE(view.entries[2].link, kNoIndex);
  EXPECT_EQ(s().link_kind(view.entries[2].link), LinkKind::kGuides);
  EXPECT_EQ(view.entries[0].reason, "Mem (p_mem) is member of Leading Group (org) since 2020-01-01");
  EXPECT_EQ(view.entries[1].reason,
            "as member of Leading Group (org), Mem (p_mem) is in charge of Department (dept)");
  EXPECT_EQ(view.entries[2].reason, "Mem (p_mem) guides Branch (br)");
  EXPECT_EQ(view.entries[3].reason,
            "as member of Leading Group (org), Mem (p_mem) holds duty du_members (dual_post)");
}

TEST_F(PersonView, MemberBeforeTheGuideLinkStarts) {
  const zeren::PersonView view = ResponsibilitiesOf(s(), P("p_mem"), D("2024-05-31"));
  EXPECT_THAT(PersonRows::Of(s(), view),
              ElementsAre(PRow{RKind::kPost, "org", "member", ""},
                          PRow{RKind::kInCharge, "dept", "member", ""},
                          PRow{RKind::kDuty, "org", "member", "du_members"}));
}

TEST_F(PersonView, DisciplineSecretarySupervises) {
  const zeren::PersonView view = ResponsibilitiesOf(s(), P("p_dis"), D("2025-06-01"));
  EXPECT_THAT(PersonRows::Of(s(), view),
              ElementsAre(PRow{RKind::kPost, "dc", "discipline_secretary", ""},
                          PRow{RKind::kSupervises, "org", "discipline_secretary", ""},
                          PRow{RKind::kDuty, "dc", "discipline_secretary", "du_dc"}));
  ASSERT_EQ(view.entries.size(), 3u);
  ASSERT_NE(view.entries[1].link, kNoIndex);
  EXPECT_EQ(s().link_kind(view.entries[1].link), LinkKind::kSupervises);
  EXPECT_EQ(view.entries[1].reason,
            "as discipline secretary of Discipline (dc), Dis (p_dis) supervises Leading Group (org)");
  // Before the supervises link starts (2021-01-01) there is nothing to supervise.
  EXPECT_THAT(PersonRows::Of(s(), ResponsibilitiesOf(s(), P("p_dis"), D("2020-12-31"))),
              ElementsAre(PRow{RKind::kPost, "dc", "discipline_secretary", ""},
                          PRow{RKind::kDuty, "dc", "discipline_secretary", "du_dc"}));
}

TEST_F(PersonView, DutyFollowsTheSecretaryPost) {
  EXPECT_THAT(PersonRows::Of(s(), ResponsibilitiesOf(s(), P("p_old"), D("2025-02-28"))),
              ElementsAre(PRow{RKind::kPost, "br", "secretary", ""},
                          PRow{RKind::kDuty, "br", "secretary", "du_br"}));
  EXPECT_TRUE(ResponsibilitiesOf(s(), P("p_new"), D("2025-02-28")).entries.empty());

  EXPECT_TRUE(ResponsibilitiesOf(s(), P("p_old"), D("2025-03-01")).entries.empty());
  EXPECT_THAT(PersonRows::Of(s(), ResponsibilitiesOf(s(), P("p_new"), D("2025-03-01"))),
              ElementsAre(PRow{RKind::kPost, "br", "secretary", ""},
                          PRow{RKind::kDuty, "br", "secretary", "du_br"}));
  EXPECT_THAT(PersonRows::Of(s(), ResponsibilitiesOf(s(), P("p_new"), D("2025-03-02"))),
              ElementsAre(PRow{RKind::kPost, "br", "secretary", ""},
                          PRow{RKind::kDuty, "br", "secretary", "du_br"}));
}

TEST_F(PersonView, InChargeChangesWithThePost) {
  EXPECT_THAT(PersonRows::Of(s(), ResponsibilitiesOf(s(), P("p_mem2"), D("2025-02-28"))),
              ElementsAre(PRow{RKind::kPost, "org", "member", ""},
                          PRow{RKind::kInCharge, "br", "member", ""},
                          PRow{RKind::kDuty, "org", "member", "du_members"}));
  EXPECT_TRUE(ResponsibilitiesOf(s(), P("p_mem2"), D("2025-03-01")).entries.empty());
  EXPECT_THAT(PersonRows::Of(s(), ResponsibilitiesOf(s(), P("p_mem3"), D("2025-03-01"))),
              ElementsAre(PRow{RKind::kPost, "org", "member", ""},
                          PRow{RKind::kInCharge, "br", "member", ""},
                          PRow{RKind::kDuty, "org", "member", "du_members"}));
}

TEST_F(PersonView, DeputyInChargeOfTwoUnitsInListOrder) {
  EXPECT_THAT(PersonRows::Of(s(), ResponsibilitiesOf(s(), P("p_dep"), D("2025-06-01"))),
              ElementsAre(PRow{RKind::kPost, "org", "deputy", ""},
                          PRow{RKind::kInCharge, "org", "deputy", ""},
                          PRow{RKind::kInCharge, "dept", "deputy", ""}));
}

TEST_F(PersonView, StaffPostIsAPostOnly) {
  EXPECT_THAT(PersonRows::Of(s(), ResponsibilitiesOf(s(), P("p_staff"), D("2025-06-01"))),
              ElementsAre(PRow{RKind::kPost, "br", "staff", ""}));
  EXPECT_TRUE(ResponsibilitiesOf(s(), P("p_idle"), D("2025-06-01")).entries.empty());
}

TEST_F(PersonView, HoldersOfTheBranchSecretaryAroundTheChange) {
  EXPECT_THAT(Holders(HoldersOf(s(), U("br"), Role::kSecretary, D("2025-02-28"))),
              ElementsAre("p_old"));
  EXPECT_THAT(Holders(HoldersOf(s(), U("br"), Role::kSecretary, D("2025-03-01"))),
              ElementsAre("p_new"));
  EXPECT_THAT(Holders(HoldersOf(s(), U("br"), Role::kSecretary, D("2025-03-02"))),
              ElementsAre("p_new"));
  EXPECT_TRUE(HoldersOf(s(), U("br"), Role::kHead, D("2025-03-02")).empty());
  EXPECT_TRUE(HoldersOf(s(), U("two"), Role::kSecretary, D("2025-03-02")).empty());
  EXPECT_THAT(Holders(HoldersOf(s(), U("br"), Role::kStaff, D("2025-03-02"))),
              ElementsAre("p_staff"));
  // Members of org by start date: p_mem and p_mem2 (2020), then p_mem3 (2025-03-01).
  EXPECT_THAT(Holders(HoldersOf(s(), U("org"), Role::kMember, D("2025-02-28"))),
              ElementsAre("p_mem", "p_mem2"));
  EXPECT_THAT(Holders(HoldersOf(s(), U("org"), Role::kMember, D("2025-03-01"))),
              ElementsAre("p_mem", "p_mem3"));
}

TEST_F(PersonView, KindNames) {
  EXPECT_EQ(Name(RKind::kPost), "post");
  EXPECT_EQ(Name(RKind::kInCharge), "in_charge");
  EXPECT_EQ(Name(RKind::kGuides), "guides");
  EXPECT_EQ(Name(RKind::kSupervises), "supervises");
  EXPECT_EQ(Name(RKind::kDuty), "duty");
}

TEST_F(PersonView, JsonOfTheMemberView) {
  const zeren::PersonView view = ResponsibilitiesOf(s(), P("p_mem"), D("2025-06-01"));
  const boost::json::value root = boost::json::parse(PersonViewToJson(s(), view));
  EXPECT_EQ(root.at("person").as_string(), "p_mem");
  EXPECT_EQ(root.at("as_of").as_string(), "2025-06-01");
  const boost::json::array& entries = root.at("entries").as_array();
  using J = std::tuple<std::string, std::string, std::string, std::string>;
  std::vector<J> got;
  for (const boost::json::value& v : entries) {
    const boost::json::object& e = v.as_object();
    auto text = [&](const char* key) {
      return e.contains(key) ? std::string(e.at(key).as_string()) : std::string("-");
    };
    got.emplace_back(text("kind"), text("unit"), text("role"), text("duty"));
    EXPECT_TRUE(e.at("reason").is_string());
  }
  EXPECT_THAT(got, ElementsAre(J{"post", "org", "member", "-"},
                               J{"in_charge", "dept", "member", "-"},
                               J{"guides", "br", "-", "-"},
                               J{"duty", "org", "member", "du_members"}));
}

TEST_F(PersonView, JsonOfTheDisciplineSecretaryView) {
  const zeren::PersonView view = ResponsibilitiesOf(s(), P("p_dis"), D("2025-06-01"));
  const boost::json::value root = boost::json::parse(PersonViewToJson(s(), view));
  const boost::json::array& entries = root.at("entries").as_array();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].at("kind").as_string(), "supervises");
  EXPECT_EQ(entries[1].at("unit").as_string(), "org");
  EXPECT_EQ(entries[1].at("role").as_string(), "discipline_secretary");
  EXPECT_EQ(entries[2].at("kind").as_string(), "duty");
  EXPECT_EQ(entries[2].at("duty").as_string(), "du_dc");

  const boost::json::value empty =
      boost::json::parse(PersonViewToJson(s(), ResponsibilitiesOf(s(), P("p_idle"), D("2025-06-01"))));
  EXPECT_EQ(empty.at("person").as_string(), "p_idle");
  EXPECT_TRUE(empty.at("entries").as_array().empty());
}

}  // namespace
