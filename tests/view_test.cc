// Need-to-know views (View): who is inside, how outside ids are refused, and every query kind
// through a view, on a small organization (tests/data/view/small.json) and on the demo (the
// subtree of the department d01). Three properties run over everything:
//  - a view of the whole organization gives exactly the unrestricted results;
//  - rendered results (JSON, reasons, because lines, details, explanations) of views of
//    several subtrees never contain an outside unit's or person's id or name;
//  - inside units' own results (chains' inside entries, assessment units) are the
//    unrestricted ones.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/date.h"
#include "zeren/ledger.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/person_view.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"
#include "zeren/view.h"

namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using zeren::Accountant;
using zeren::Accounting;
using zeren::Assessment;
using zeren::Chain;
using zeren::ChainEntry;
using zeren::Date;
using zeren::IncidentIndex;
using zeren::kNoIndex;
using zeren::PersonIndex;
using zeren::PostIndex;
using zeren::Role;
using zeren::Snapshot;
using zeren::UnitIndex;
using zeren::View;
using zeren::ViewAccounting;

Date D(const char* iso) { return *zeren::ParseDate(iso); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Expected results, shared with the C test (tests/capi/view_test.c).
std::string Expected(const std::string& name) {
  return ReadFile(ZEREN_TEST_DATA "/view/expected/" + name);
}

const Snapshot& Load(const std::string& path) {
  absl::StatusOr<zeren::Model> model = zeren::LoadModelFile(path);
  if (!model.ok()) ADD_FAILURE() << model.status();
  return *new Snapshot(*Snapshot::Compile(*model));  // one per model, kept for the run
}

const Snapshot& Small() {
  static const Snapshot& s = Load(ZEREN_TEST_DATA "/view/small.json");
  return s;
}

const Snapshot& Demo() {
  static const Snapshot& s = Load(ZEREN_EXAMPLES "/organ.json");
  return s;
}

View Make(const Snapshot& s, std::vector<std::string> roots) {
  absl::StatusOr<View> view = View::Create(s, roots);
  EXPECT_TRUE(view.ok()) << view.status();
  return *std::move(view);
}

std::vector<std::string> UnitIds(const View& v) {
  std::vector<std::string> ids;
  for (UnitIndex u = 0; u < v.snapshot().unit_count(); ++u) {
    if (v.HasUnit(u)) ids.emplace_back(v.snapshot().unit_id(u));
  }
  return ids;
}

std::vector<std::string> PersonIds(const View& v) {
  std::vector<std::string> ids;
  for (PersonIndex p = 0; p < v.snapshot().person_count(); ++p) {
    if (v.HasPerson(p)) ids.push_back(std::string(v.snapshot().person_id(p)));
  }
  return ids;
}

std::vector<std::string> IncidentIds(const std::vector<ViewAccounting>& all, const Snapshot& s) {
  std::vector<std::string> ids;
  for (const ViewAccounting& a : all) ids.emplace_back(s.incident_id(a.incident));
  return ids;
}

template <typename T>
std::string Message(const absl::StatusOr<T>& result) {
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kNotFound);
  return std::string(result.status().message());
}

// ---- membership -----------------------------------------------------------------------------

TEST(ViewMembership, DepartmentHoldsItsSubtreeAndThePeopleWithPostsInIt) {
  const View v = Make(Small(), {"dept"});
  EXPECT_THAT(UnitIds(v), ElementsAre("dept", "br1", "joint", "g1"));
  EXPECT_EQ(v.unit_count(), 4u);
  // p_ds is inside through the head post of br1, though discipline secretary of zdc;
  // p_both through joint, though also secretary of zbr2. The guide p_guide is outside.
  EXPECT_THAT(PersonIds(v),
              ElementsAre("p_ds", "p_dsec", "p_b1", "p_b1m", "p_both", "p_joint"));
  EXPECT_EQ(v.person_count(), 6u);
  EXPECT_EQ(v.roots(), std::vector<UnitIndex>{*Small().FindUnit("dept")});
  EXPECT_TRUE(v.HasIncident(*Small().FindIncident("k1")));
  EXPECT_FALSE(v.HasIncident(*Small().FindIncident("k2")));
  EXPECT_TRUE(v.HasIncident(*Small().FindIncident("k3")));
  EXPECT_FALSE(v.HasUnit(kNoIndex));
  EXPECT_FALSE(v.HasPerson(kNoIndex));
  EXPECT_FALSE(v.HasIncident(kNoIndex));
}

TEST(ViewMembership, DualLeadershipBringsTheJointBranchIntoBothParentsViews) {
  const View bureau = Make(Small(), {"zbur"});
  EXPECT_THAT(UnitIds(bureau), ElementsAre("zbur", "joint", "zbr2"));
  EXPECT_THAT(PersonIds(bureau), ElementsAre("p_both", "p_osec", "p_joint"));
}

TEST(ViewMembership, SeveralRootsAndRepeatsMakeOneUnion) {
  const View v = Make(Small(), {"br1", "zbur", "br1", "g1"});
  EXPECT_THAT(UnitIds(v), ElementsAre("zbur", "br1", "joint", "zbr2", "g1"));  // level order
  std::vector<std::string> roots;
  for (UnitIndex u : v.roots()) roots.emplace_back(Small().unit_id(u));
  EXPECT_THAT(roots, ElementsAre("br1", "zbur", "g1"));
}

TEST(ViewMembership, CreateNeedsKnownRoots) {
  absl::StatusOr<View> none = View::Create(Small(), {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(none.status().message(), "a view needs at least one root unit");
  absl::StatusOr<View> unknown = View::Create(Small(), {"dept", "nowhere"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(unknown.status().message(), "unknown unit \"nowhere\"");
}

// ---- refusals: outside and unknown ids read the same ------------------------------------------

TEST(ViewRefusal, OutsideAndUnknownIdsGetTheSameMessage) {
  const View v = Make(Small(), {"dept"});
  const Date day = D("2025-06-01");
  EXPECT_EQ(Message(v.FindUnit("zorg")), "unit \"zorg\" is outside this view");
  EXPECT_EQ(Message(v.FindUnit("nowhere")), "unit \"nowhere\" is outside this view");
  EXPECT_EQ(Message(v.FindPerson("p_guide")), "person \"p_guide\" is outside this view");
  EXPECT_EQ(Message(v.FindPerson("nobody")), "person \"nobody\" is outside this view");
  EXPECT_EQ(Message(v.FindIncident("k2")), "incident \"k2\" is outside this view");
  EXPECT_EQ(Message(v.FindIncident("k9")), "incident \"k9\" is outside this view");
  EXPECT_EQ(Message(v.ChainOf("zbr2", day)), "unit \"zbr2\" is outside this view");
  EXPECT_EQ(Message(v.ChainOf("zbur", day)), "unit \"zbur\" is outside this view");
  EXPECT_EQ(Message(v.ChainOf("nowhere", day)), "unit \"nowhere\" is outside this view");
  EXPECT_EQ(Message(v.ResponsibilitiesOf("p_boss", day)), "person \"p_boss\" is outside this view");
  EXPECT_EQ(Message(v.ResponsibilitiesOf("nobody", day)), "person \"nobody\" is outside this view");
  EXPECT_EQ(Message(v.HoldersOf("zorg", Role::kSecretary, day)),
            "unit \"zorg\" is outside this view");
  EXPECT_EQ(Message(v.Account("k2")), "incident \"k2\" is outside this view");
  EXPECT_EQ(Message(v.Account("k9")), "incident \"k9\" is outside this view");
  const absl::StatusOr<Assessment> a = v.Assess();
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(Message(v.Explain(*a, "zbr2")), "unit \"zbr2\" is outside this view");
  EXPECT_EQ(Message(v.Explain(*a, "nowhere")), "unit \"nowhere\" is outside this view");
}

TEST(ViewRefusal, InsideUnitsKeepTheEnginesOwnErrors) {
  absl::StatusOr<zeren::Model> model = zeren::ParseModelJson(
      R"({"format": "zeren-model", "version": 1, "name": "dated",
          "units": [{"id": "u", "name": "U", "kind": "branch"},
                    {"id": "c", "name": "C", "kind": "group", "parents": ["u"],
                     "from": "2024-01-01"}]})");
  ASSERT_TRUE(model.ok()) << model.status();
  const Snapshot s = *Snapshot::Compile(*model);
  const View v = Make(s, {"u"});
  const absl::StatusOr<Chain> before = v.ChainOf("c", D("2023-06-01"));
  EXPECT_EQ(Message(before), "unit C (c) does not exist on 2023-06-01");
  EXPECT_TRUE(v.ChainOf("c", D("2024-06-01")).ok());
}

// ---- chains -----------------------------------------------------------------------------------

TEST(ViewChain, OutsidePartiesAreRedactedEntriesThatKeepKindAndDistance) {
  const View v = Make(Small(), {"dept"});
  const absl::StatusOr<Chain> chain = v.ChainOf("br1", D("2025-06-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  EXPECT_EQ(zeren::ChainToJson(Small(), *chain), Expected("small-dept-chain-br1.json"));
  const ChainEntry& in_charge = chain->entries[3];
  EXPECT_EQ(in_charge.kind, ChainEntry::Kind::kInCharge);
  EXPECT_EQ(in_charge.person, kNoIndex);
  EXPECT_EQ(in_charge.unit, kNoIndex);
  EXPECT_EQ(in_charge.post, kNoIndex);
  EXPECT_EQ(in_charge.link, kNoIndex);
}

TEST(ViewChain, TheJointBranchFromTheBureausSide) {
  // From the bureau's side, the joint branch's superiors dept and zorg are outside, and so is
  // p_dep, in charge of dept one step above joint; p_joint, in charge of zbur, is inside.
  const View v = Make(Small(), {"zbur"});
  const absl::StatusOr<Chain> chain = v.ChainOf("joint", D("2025-06-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  EXPECT_EQ(zeren::ChainToJson(Small(), *chain), R"json({
  "unit": "joint",
  "as_of": "2025-06-01",
  "entries": [
    {
      "kind": "secretary",
      "person": "p_both",
      "unit": "joint",
      "distance": 0,
      "reason": "Two Hats (p_both) is secretary of Joint Branch (joint) since 2020-01-01"
    },
    {
      "kind": "member",
      "person": "p_joint",
      "unit": "joint",
      "distance": 0,
      "reason": "Joint Member (p_joint) is member of Joint Branch (joint) since 2020-01-01"
    },
    {"kind": "in_charge", "distance": 1, "reason": "outside this view"},
    {
      "kind": "in_charge",
      "person": "p_joint",
      "unit": "joint",
      "distance": 1,
      "reason": "Joint Member (p_joint), member of Joint Branch (joint), is in charge of Bureau (zbur), 1 step up"
    },
    {"kind": "supervisor", "distance": 2, "reason": "outside this view"},
    {"kind": "specialist", "distance": 1, "reason": "outside this view"},
    {"kind": "superior", "distance": 1, "reason": "outside this view"},
    {
      "kind": "superior",
      "person": "p_osec",
      "unit": "zbur",
      "distance": 1,
      "reason": "Bureau (zbur) leads Joint Branch (joint), 1 step up; its secretary is Bureau Secretary (p_osec)"
    },
    {"kind": "superior", "distance": 2, "reason": "outside this view"}
  ]
}
)json");
}

TEST(ViewChain, AnInChargePostInsideForAUnitOutsideIsRedacted) {
  // p_joint, member of joint (inside the department), is in charge of zbur (outside): the
  // entry would name zbur, so it is redacted though its person and post are inside.
  const View v = Make(Small(), {"dept"});
  const absl::StatusOr<Chain> chain = v.ChainOf("joint", D("2025-06-01"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  std::vector<std::string> rows;
  for (const ChainEntry& e : chain->entries) {
    rows.push_back(std::string(zeren::Name(e.kind)) + " " +
                   (e.person == kNoIndex ? "-" : std::string(Small().person_id(e.person))) + " " +
                   std::to_string(e.distance) + " " + e.reason);
  }
  EXPECT_THAT(
      rows,
      ElementsAre(
          "secretary p_both 0 Two Hats (p_both) is secretary of Joint Branch (joint) since "
          "2020-01-01",
          "member p_joint 0 Joint Member (p_joint) is member of Joint Branch (joint) since "
          "2020-01-01",
          "in_charge - 1 outside this view", "in_charge - 1 outside this view",
          "supervisor - 2 outside this view", "specialist - 1 outside this view",
          "superior p_dsec 1 Department (dept) leads Joint Branch (joint), 1 step up; its "
          "secretary is Dept Secretary (p_dsec)",
          "superior - 1 outside this view", "superior - 2 outside this view"));
  // The person view of p_joint leaves the in-charge entry out.
  const absl::StatusOr<zeren::PersonView> p = v.ResponsibilitiesOf("p_joint", D("2025-06-01"));
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->entries.size(), 1u);
  EXPECT_EQ(p->entries[0].kind, zeren::Responsibility::Kind::kPost);
}

TEST(ViewChain, InsideEntriesAreTheUnrestrictedOnes) {
  const Snapshot& s = Small();
  const View v = Make(s, {"dept"});
  for (const std::string id : {"dept", "br1", "joint", "g1"}) {
    const absl::StatusOr<Chain> full = zeren::ChainOf(s, *s.FindUnit(id), D("2025-06-01"));
    const absl::StatusOr<Chain> seen = v.ChainOf(id, D("2025-06-01"));
    ASSERT_TRUE(full.ok() && seen.ok());
    ASSERT_EQ(full->entries.size(), seen->entries.size()) << id;
    for (size_t k = 0; k < full->entries.size(); ++k) {
      const ChainEntry& e = seen->entries[k];
      EXPECT_EQ(e.kind, full->entries[k].kind);
      EXPECT_EQ(e.distance, full->entries[k].distance);
      if (e.reason != zeren::kOutsideThisView) EXPECT_EQ(e.reason, full->entries[k].reason);
    }
  }
}

// ---- person views and holders -------------------------------------------------------------------

TEST(ViewPerson, OnlyResponsibilitiesForInsideUnitsAreListed) {
  const View v = Make(Small(), {"dept"});
  // p_b1 also guides zbr2 (outside): left out. Its duty du_b1 at br1 stays.
  const absl::StatusOr<zeren::PersonView> b1 = v.ResponsibilitiesOf("p_b1", D("2025-06-01"));
  ASSERT_TRUE(b1.ok()) << b1.status();
  EXPECT_EQ(zeren::PersonViewToJson(Small(), *b1), R"json({
  "person": "p_b1",
  "as_of": "2025-06-01",
  "entries": [
    {
      "kind": "post",
      "unit": "br1",
      "role": "secretary",
      "reason": "Branch Secretary (p_b1) is secretary of Branch One (br1) since 2020-01-01"
    },
    {
      "kind": "duty",
      "unit": "br1",
      "role": "secretary",
      "duty": "du_b1",
      "reason": "as secretary of Branch One (br1), Branch Secretary (p_b1) holds duty du_b1 (principal)"
    }
  ]
}
)json");
  // p_ds is discipline secretary of zdc, which supervises zorg: post and supervision left out.
  const absl::StatusOr<zeren::PersonView> ds = v.ResponsibilitiesOf("p_ds", D("2025-06-01"));
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(zeren::PersonViewToJson(Small(), *ds), R"json({
  "person": "p_ds",
  "as_of": "2025-06-01",
  "entries": [
    {
      "kind": "post",
      "unit": "br1",
      "role": "head",
      "reason": "Watcher (p_ds) is head of Branch One (br1) since 2021-01-01"
    }
  ]
}
)json");
  const zeren::PersonView full =
      zeren::ResponsibilitiesOf(Small(), *Small().FindPerson("p_ds"), D("2025-06-01"));
  EXPECT_EQ(full.entries.size(), 3u);  // post at zdc, post at br1, supervises zorg
}

TEST(ViewPerson, HoldersOfInsidePosts) {
  const View v = Make(Small(), {"dept"});
  const absl::StatusOr<std::vector<PostIndex>> heads =
      v.HoldersOf("br1", Role::kHead, D("2025-06-01"));
  ASSERT_TRUE(heads.ok()) << heads.status();
  ASSERT_EQ(heads->size(), 1u);
  EXPECT_EQ(Small().person_id(Small().post_person(heads->front())), "p_ds");
  const absl::StatusOr<std::vector<PostIndex>> none =
      v.HoldersOf("g1", Role::kSecretary, D("2025-06-01"));
  ASSERT_TRUE(none.ok());
  EXPECT_THAT(*none, IsEmpty());
}

// ---- accountability ----------------------------------------------------------------------------

TEST(ViewAccount, OutsidePartiesKeepTheirNumbersOnly) {
  const View v = Make(Small(), {"dept"});
  const absl::StatusOr<ViewAccounting> k1 = v.Account("k1");
  ASSERT_TRUE(k1.ok()) << k1.status();
  EXPECT_EQ(zeren::ViewAccountingToJson(Small(), *k1), Expected("small-dept-account-k1.json"));
  // The outside parties are p_dep (in charge of dept), p_guide and p_boss (upward, 2 steps).
  ASSERT_EQ(k1->parties.size(), 8u);
  EXPECT_FALSE(k1->parties[5].party.has_value());
  EXPECT_EQ(k1->parties[7].upward_steps, 2u);
  EXPECT_EQ(k1->parties[7].category, zeren::Category::kUpward);
}

TEST(ViewAccount, AllListsTheInsideIncidentsOnly) {
  const View v = Make(Small(), {"dept"});
  EXPECT_THAT(IncidentIds(v.AccountAll(), Small()), ElementsAre("k1", "k3"));
  const View bureau = Make(Small(), {"zbur"});
  EXPECT_THAT(IncidentIds(bureau.AccountAll(), Small()), ElementsAre("k2", "k3"));
  // k3 holds the outside duty holder p_boss and the outside direct party p_osec.
  const absl::StatusOr<ViewAccounting> k3 = v.Account("k3");
  ASSERT_TRUE(k3.ok());
  std::vector<std::string> parties;
  for (const zeren::ViewParty& p : k3->parties) {
    parties.push_back(!p.party ? "outside" : p.party->is_unit ? std::string(Small().unit_id(p.party->index))
                                                            : std::string(Small().person_id(p.party->index)));
  }
  EXPECT_THAT(parties,
              ElementsAre("outside", "joint", "outside", "p_both", "p_ds", "outside", "p_joint"));
  // p_joint, inside, is reached through its charge of zbur, outside.
  EXPECT_THAT(k3->parties.back().because,
              ElementsAre("Joint Member (p_joint), member of Joint Branch (joint) from "
                          "2020-01-01, is in charge of a unit outside this view, 1 step above "
                          "Joint Branch (joint)"));
}

TEST(ViewAccount, AnotherPolicyIsHonoured) {
  const View v = Make(Small(), {"dept"});
  zeren::Policy policy = Small().policy();
  policy.upward_max_levels = 1;  // p_boss, two steps up, is no longer reached
  const absl::StatusOr<ViewAccounting> k1 = v.Account("k1", policy);
  ASSERT_TRUE(k1.ok());
  EXPECT_EQ(k1->parties.size(), 7u);
  EXPECT_THAT(IncidentIds(v.AccountAll(policy), Small()), ElementsAre("k1", "k3"));
}

// ---- the ledger --------------------------------------------------------------------------------

TEST(ViewLedger, TasksAndProfilesOfInsideUnitsOnly) {
  const View v = Make(Small(), {"dept"});
  EXPECT_EQ(zeren::LedgerToJson(Small(), v.LedgerAsOf(D("2025-06-01"))),
            Expected("small-dept-ledger.json"));
  // The whole organization's dv1 reaches two units at level 1 (dept and zbur).
  const zeren::LedgerReport full = zeren::LedgerAsOf(Small(), D("2025-06-01"));
  EXPECT_EQ(full.directives[0].levels[0].reached, 2u);
  EXPECT_EQ(full.tasks.size(), 7u);
}

TEST(ViewLedger, ADirectiveIssuedInsideIsListedWithoutInsideTasks) {
  // dv2 is issued by zbur; from the bureau's side, dv1 reaches zbur and joint and zbr2.
  const View bureau = Make(Small(), {"zbur"});
  const zeren::LedgerReport report = bureau.LedgerAsOf(D("2025-06-01"));
  std::vector<std::string> directives, tasks;
  for (const zeren::DirectiveProfile& p : report.directives) {
    directives.emplace_back(Small().directive_id(p.directive));
  }
  for (zeren::TaskIndex t : report.tasks) tasks.emplace_back(Small().task_id(t));
  EXPECT_THAT(directives, ElementsAre("dv1", "dv2"));
  EXPECT_THAT(tasks, ElementsAre("t1.2", "t2", "t2.1", "t3"));
  // Before dv2's date, only dv1.
  EXPECT_EQ(bureau.LedgerAsOf(D("2025-01-20")).directives.size(), 1u);
}

// ---- the audit ---------------------------------------------------------------------------------

TEST(ViewAudit, FindingsAboutInsideSubjectsWithOutsideNamesRedacted) {
  const View v = Make(Small(), {"dept"});
  EXPECT_EQ(zeren::AuditToJson(Small(), v.AuditAsOf(D("2025-06-01"))),
            Expected("small-dept-audit.json"));
}

TEST(ViewAudit, TheBureauSeesItsOwnFindingsAndNotTheConflictInBranchOne) {
  const View bureau = Make(Small(), {"zbur"});
  std::vector<std::string> rows;
  for (const zeren::Finding& f : bureau.AuditAsOf(D("2025-06-01")).findings) {
    rows.push_back(std::string(zeren::Name(f.kind)) + " " + f.detail);
  }
  EXPECT_THAT(
      rows,
      ElementsAre(
          "overdue_tasks Joint Branch (joint) has 1 overdue task on 2025-06-01: t1.2",
          "overdue_tasks Bureau (zbur) has 2 overdue tasks on 2025-06-01: t2, t3",
          "stalled_cascade directive dv2 stops at Bureau (zbur): none of its subordinates "
          "holds a task of it",
          "unguided_branch no committee member guides Joint Branch (joint) on 2025-06-01",
          "overloaded_person Two Hats (p_both) is secretary of 2 units (at most 1): Joint "
          "Branch (joint), Far Branch (zbr2)"));
}

// ---- assessment --------------------------------------------------------------------------------

TEST(ViewAssess, InsideUnitsWithTheOrganizationsRanksAndInsidePeople) {
  const Snapshot& s = Small();
  const View v = Make(s, {"dept"});
  const absl::StatusOr<Assessment> seen = v.Assess();
  const absl::StatusOr<Assessment> full = zeren::Assess(s);
  ASSERT_TRUE(seen.ok() && full.ok());
  std::vector<std::string> order, people;
  for (UnitIndex u : seen->order) {
    order.push_back(std::string(s.unit_id(u)) + " #" + std::to_string(seen->units[u].rank));
  }
  for (const zeren::PersonScore& p : seen->people) people.push_back(std::string(s.person_id(p.person)));
  // br1 is second of the three branches: zbr2, outside, is first.
  EXPECT_THAT(order, ElementsAre("br1 #2", "joint #3", "dept #1", "g1 #1"));
  EXPECT_THAT(people, ElementsAre("p_ds", "p_dsec", "p_b1", "p_b1m", "p_both", "p_joint"));
  // p_both's score averages both secretary posts; only the inside one is listed.
  const zeren::PersonScore& both = seen->people[4];
  ASSERT_EQ(both.posts.size(), 1u);
  EXPECT_EQ(s.unit_id(s.post_unit(both.posts[0])), "joint");
  for (const zeren::PersonScore& p : full->people) {
    if (p.person == both.person) EXPECT_EQ(p.score, both.score);
  }
  EXPECT_EQ(both.score, 34);
  const UnitIndex zbr2 = *s.FindUnit("zbr2");
  EXPECT_EQ(seen->units[zbr2].unit, kNoIndex);
  EXPECT_EQ(seen->units[zbr2].total, 0);
  EXPECT_EQ(full->units[zbr2].rank, 1u);
  for (UnitIndex u : seen->order) {
    EXPECT_EQ(zeren::AssessmentToJson(s, *seen, u), zeren::AssessmentToJson(s, *full, u))
        << s.unit_id(u);
    const absl::StatusOr<std::vector<std::string>> why = v.Explain(*seen, s.unit_id(u));
    ASSERT_TRUE(why.ok());
    EXPECT_EQ(*why, zeren::Explain(s, *full, u));
  }
  const absl::StatusOr<std::vector<std::string>> br1 = v.Explain(*seen, "br1");
  ASSERT_TRUE(br1.ok());
  EXPECT_THAT(*br1, ElementsAre("daily 0.00 = indicators 6.00 − deductions 10.00",
                                "incident k1 (grave) deducts 10.00", "own 0.00 from daily 0.00",
                                "total 0.00 reaches poor (min 0.00)",
                                "veto: incident k1 (grave) caps the grade at poor",
                                "flag: talk_required", "flag: no_excellent"));
}

TEST(ViewAssess, AnotherSchemeAndAModelWithoutAssessment) {
  const View v = Make(Small(), {"dept"});
  const absl::StatusOr<Assessment> a = v.Assess(zeren::DefaultScheme());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->order.size(), 4u);
  absl::StatusOr<zeren::Model> bare = zeren::ParseModelJson(
      R"({"format": "zeren-model", "version": 1, "name": "bare",
          "units": [{"id": "u", "name": "U", "kind": "branch"}]})");
  ASSERT_TRUE(bare.ok()) << bare.status();
  const Snapshot s = *Snapshot::Compile(*bare);
  const absl::StatusOr<Assessment> none = Make(s, {"u"}).Assess();
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), absl::StatusCode::kFailedPrecondition);
}

// ---- the whole organization: a view that hides nothing changes nothing ------------------------

void ExpectWholeViewIsUnrestricted(const Snapshot& s, const std::string& root,
                                   const std::vector<Date>& days) {
  const View v = Make(s, {root});
  ASSERT_EQ(v.unit_count(), s.unit_count());
  for (Date day : days) {
    for (UnitIndex u = 0; u < s.unit_count(); ++u) {
      const absl::StatusOr<Chain> full = zeren::ChainOf(s, u, day);
      const absl::StatusOr<Chain> seen = v.ChainOf(s.unit_id(u), day);
      ASSERT_EQ(full.ok(), seen.ok());
      if (full.ok()) EXPECT_EQ(zeren::ChainToJson(s, *seen), zeren::ChainToJson(s, *full));
    }
    for (PersonIndex p = 0; p < s.person_count(); ++p) {
      if (!v.HasPerson(p)) continue;  // people without any post are in no view
      EXPECT_EQ(zeren::PersonViewToJson(s, *v.ResponsibilitiesOf(s.person_id(p), day)),
                zeren::PersonViewToJson(s, zeren::ResponsibilitiesOf(s, p, day)));
    }
    EXPECT_EQ(zeren::LedgerToJson(s, v.LedgerAsOf(day)),
              zeren::LedgerToJson(s, zeren::LedgerAsOf(s, day)));
    EXPECT_EQ(zeren::AuditToJson(s, v.AuditAsOf(day)),
              zeren::AuditToJson(s, zeren::AuditAsOf(s, day)));
  }
  Accountant accountant(s);
  std::vector<Accounting> all(s.incident_count());
  for (IncidentIndex i = 0; i < s.incident_count(); ++i) accountant.Account(i, &all[i]);
  EXPECT_EQ(zeren::ViewAccountingsToJson(s, v.AccountAll()), zeren::AccountingsToJson(s, all));
  const absl::StatusOr<Assessment> full = zeren::Assess(s);
  const absl::StatusOr<Assessment> seen = v.Assess();
  ASSERT_TRUE(full.ok() && seen.ok());
  EXPECT_EQ(zeren::AssessmentToJson(s, *seen), zeren::AssessmentToJson(s, *full));
}

TEST(ViewWhole, SmallOrganization) {
  ExpectWholeViewIsUnrestricted(Small(), "zorg", {D("2025-06-01"), D("2025-12-31")});
}

TEST(ViewWhole, Demo) {
  ExpectWholeViewIsUnrestricted(Demo(), "org", {D("2025-06-30"), D("2025-12-31")});
}

// ---- leaks: nothing outside appears anywhere in anything a view renders ------------------------

// Every text a view produces for `roots` on `days`, each labelled for the failure message.
std::vector<std::pair<std::string, std::string>> Render(const View& v,
                                                        const std::vector<Date>& days) {
  const Snapshot& s = v.snapshot();
  std::vector<std::pair<std::string, std::string>> texts;
  for (Date day : days) {
    const std::string on = " on " + zeren::FormatDate(day);
    for (UnitIndex u = 0; u < s.unit_count(); ++u) {
      if (!v.HasUnit(u)) continue;
      const absl::StatusOr<Chain> chain = v.ChainOf(s.unit_id(u), day);
      if (chain.ok()) {
        texts.push_back({"chain " + std::string(s.unit_id(u)) + on, zeren::ChainToJson(s, *chain)});
      }
      for (Role role : {Role::kSecretary, Role::kHead, Role::kDeputy, Role::kMember,
                        Role::kDisciplineSecretary, Role::kStaff}) {
        const absl::StatusOr<std::vector<PostIndex>> holders = v.HoldersOf(s.unit_id(u), role, day);
        for (PostIndex post : *holders) {
          texts.push_back({"holders " + std::string(s.unit_id(u)) + on,
                           std::string(s.person_id(s.post_person(post))) + " " +
                               std::string(s.person_name(s.post_person(post)))});
        }
      }
    }
    for (PersonIndex p = 0; p < s.person_count(); ++p) {
      if (!v.HasPerson(p)) continue;
      texts.push_back({"person " + std::string(s.person_id(p)) + on,
                       zeren::PersonViewToJson(s, *v.ResponsibilitiesOf(s.person_id(p), day))});
    }
    texts.push_back({"ledger" + on, zeren::LedgerToJson(s, v.LedgerAsOf(day))});
    texts.push_back({"audit" + on, zeren::AuditToJson(s, v.AuditAsOf(day))});
  }
  for (const ViewAccounting& a : v.AccountAll()) {
    const std::string label = "account " + std::string(s.incident_id(a.incident));
    texts.push_back({label, zeren::ViewAccountingToJson(s, a)});
    for (const zeren::ViewParty& p : a.parties) {
      for (const std::string& line : p.because) texts.push_back({label + " because", line});
      for (const std::string& line : p.adjustments) texts.push_back({label + " adjustment", line});
    }
  }
  texts.push_back({"account all", zeren::ViewAccountingsToJson(s, v.AccountAll())});
  const absl::StatusOr<Assessment> a = v.Assess();
  if (a.ok()) {
    texts.push_back({"assess", zeren::AssessmentToJson(s, *a)});
    for (UnitIndex u : a->order) {
      texts.push_back({"assess " + std::string(s.unit_id(u)), zeren::AssessmentToJson(s, *a, u)});
      const absl::StatusOr<std::vector<std::string>> why = v.Explain(*a, s.unit_id(u));
      for (const std::string& line : *why) {
        texts.push_back({"explain " + std::string(s.unit_id(u)), line});
      }
    }
  }
  return texts;
}

bool IdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '.' || c == '-';
}

// Where `word` occurs in `text`: anywhere for a name; for an id, only as a whole id (not
// followed or preceded by id characters), since outside d06 is a prefix of inside d06b2.
size_t Find(const std::string& text, const std::string& word, bool is_id) {
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    if (!is_id) return at;
    const size_t end = at + word.size();
    if ((at == 0 || !IdChar(text[at - 1])) && (end == text.size() || !IdChar(text[end]))) {
      return at;
    }
  }
  return std::string::npos;
}

struct Word {
  std::string text;
  bool is_id;
};

// The ids and names of outside units and people. An outside name that is part of an inside
// name or id could not be looked for: there is none in these models (asserted).
std::vector<Word> OutsideWords(const View& v) {
  const Snapshot& s = v.snapshot();
  std::vector<Word> outside;
  std::vector<std::string> inside;
  for (UnitIndex u = 0; u < s.unit_count(); ++u) {
    if (v.HasUnit(u)) {
      inside.emplace_back(s.unit_id(u));
      inside.emplace_back(s.unit_name(u));
    } else {
      outside.push_back({std::string(s.unit_id(u)), true});
      outside.push_back({std::string(s.unit_name(u)), false});
    }
  }
  for (PersonIndex p = 0; p < s.person_count(); ++p) {
    if (v.HasPerson(p)) {
      inside.push_back(std::string(s.person_id(p)));
      inside.push_back(std::string(s.person_name(p)));
    } else {
      outside.push_back({std::string(s.person_id(p)), true});
      outside.push_back({std::string(s.person_name(p)), false});
    }
  }
  for (const Word& word : outside) {
    for (const std::string& in : inside) {
      EXPECT_EQ(Find(in, word.text, word.is_id), std::string::npos)
          << word.text << " is part of " << in;
    }
  }
  return outside;
}

void ExpectNoLeak(const Snapshot& s, const std::vector<std::string>& roots,
                  const std::vector<Date>& days, size_t min_texts) {
  const View v = Make(s, roots);
  const std::vector<Word> outside = OutsideWords(v);
  ASSERT_FALSE(outside.empty());
  const auto texts = Render(v, days);
  EXPECT_GE(texts.size(), min_texts);
  size_t redacted = 0;
  for (const auto& [label, text] : texts) {
    redacted += text.find(std::string(zeren::kOutsideThisView)) != std::string::npos;
    for (const Word& word : outside) {
      EXPECT_EQ(Find(text, word.text, word.is_id), std::string::npos)
          << "\"" << word.text << "\" leaks into " << label << ":\n" << text;
    }
  }
  EXPECT_GT(redacted, 0u);  // the view did have something to hide
}

TEST(ViewLeak, TheSearchFindsWholeIdsAndAnyName) {
  EXPECT_EQ(Find("of d06b2 (x)", "d06", true), std::string::npos);
  EXPECT_EQ(Find("of d06b2, d06 (x)", "d06", true), 10u);
  EXPECT_EQ(Find("\"d06\"", "d06", true), 1u);
  EXPECT_EQ(Find("人事司党总支的", "人事司党总支", false), 0u);
}

TEST(ViewLeak, SmallOrganizationFromEverySide) {
  const std::vector<Date> days = {D("2025-01-15"), D("2025-06-01"), D("2025-12-31")};
  ExpectNoLeak(Small(), {"dept"}, days, 50);
  ExpectNoLeak(Small(), {"zbur"}, days, 30);
  ExpectNoLeak(Small(), {"br1"}, days, 20);
  ExpectNoLeak(Small(), {"joint"}, days, 10);
  ExpectNoLeak(Small(), {"g1", "zbr2"}, days, 10);
}

TEST(ViewLeak, DemoDepartmentsAndCentres) {
  const std::vector<Date> days = {D("2025-03-31"), D("2025-09-30"), D("2025-12-31")};
  ExpectNoLeak(Demo(), {"d01"}, days, 100);
  ExpectNoLeak(Demo(), {"d02"}, days, 100);  // d02b3 is led by opc and d02
  ExpectNoLeak(Demo(), {"d06"}, days, 100);  // d06b2 is led by d06 and a08
  ExpectNoLeak(Demo(), {"a08"}, days, 50);
  ExpectNoLeak(Demo(), {"d05", "d11"}, days, 50);  // the incidents i1 and i3
  ExpectNoLeak(Demo(), {"a03b2"}, days, 10);     // i2 at a branch: its superiors all outside
}

// ---- the demo: the department d01 (办公厅党总支) ----------------------------------------

TEST(ViewDemo, TheDepartmentsUnitsAndPeople) {
  const View v = Make(Demo(), {"d01"});
  EXPECT_THAT(UnitIds(v), ElementsAre("d01", "d01b1", "d01b2", "d01b3", "d01b1g1", "d01b1g2",
                                      "d01b1g3", "d01b2g1", "d01b2g2", "d01b2g3", "d01b3g1",
                                      "d01b3g2"));
  EXPECT_THAT(PersonIds(v), ElementsAre("p017", "p018", "p019", "p020", "p021", "p022", "p023",
                                        "p024", "p025", "p026", "p027", "p028", "p029", "p375",
                                        "p376"));
}

TEST(ViewDemo, RefusesTheRestOfTheOrganization) {
  const View v = Make(Demo(), {"d01"});
  const Date day = D("2025-09-30");
  EXPECT_EQ(Message(v.ChainOf("opc", day)), "unit \"opc\" is outside this view");
  EXPECT_EQ(Message(v.ChainOf("d02b1", day)), "unit \"d02b1\" is outside this view");
  // p014 guides d01b2 but holds no post in the department.
  EXPECT_EQ(Message(v.ResponsibilitiesOf("p014", day)), "person \"p014\" is outside this view");
  EXPECT_EQ(Message(v.Account("i1")), "incident \"i1\" is outside this view");
}

TEST(ViewDemo, ChainOfABranch) {
  const View v = Make(Demo(), {"d01"});
  const absl::StatusOr<Chain> chain = v.ChainOf("d01b2", D("2025-09-30"));
  ASSERT_TRUE(chain.ok()) << chain.status();
  EXPECT_EQ(zeren::ChainToJson(Demo(), *chain), Expected("demo-d01-chain-d01b2.json"));
}

TEST(ViewDemo, TheDepartmentSecretaryAnswersHereForTheDepartmentOnly) {
  // p018 is also a member of opc (duty du05) and guides d11, a10b1, a06b1 and a13b1.
  const View v = Make(Demo(), {"d01"});
  const absl::StatusOr<zeren::PersonView> p018 = v.ResponsibilitiesOf("p018", D("2025-09-30"));
  ASSERT_TRUE(p018.ok());
  EXPECT_EQ(zeren::PersonViewToJson(Demo(), *p018), Expected("demo-d01-person-p018.json"));
  EXPECT_EQ(zeren::ResponsibilitiesOf(Demo(), *Demo().FindPerson("p018"), D("2025-09-30"))
                .entries.size(),
            7u);
}

TEST(ViewDemo, AccountingOfTheDepartmentsIncident) {
  const View v = Make(Demo(), {"d01"});
  const std::vector<ViewAccounting> all = v.AccountAll();
  EXPECT_THAT(IncidentIds(all, Demo()), ElementsAre("i4"));
  EXPECT_EQ(zeren::ViewAccountingsToJson(Demo(), all), Expected("demo-d01-account.json"));
}

TEST(ViewDemo, LedgerAndAudit) {
  const View v = Make(Demo(), {"d01"});
  EXPECT_EQ(zeren::LedgerToJson(Demo(), v.LedgerAsOf(D("2025-09-30"))),
            Expected("demo-d01-ledger.json"));
  EXPECT_EQ(zeren::AuditToJson(Demo(), v.AuditAsOf(D("2025-09-30"))),
            Expected("demo-d01-audit.json"));
}

TEST(ViewDemo, AssessmentRanksAmongAllBranchesAndGroups) {
  const View v = Make(Demo(), {"d01"});
  const absl::StatusOr<Assessment> a = v.Assess();
  ASSERT_TRUE(a.ok());
  std::vector<std::string> order;
  for (UnitIndex u : a->order) {
    order.push_back(std::string(Demo().unit_id(u)) + " " + a->scheme.grades[a->units[u].grade].id + " #" +
                    std::to_string(a->units[u].rank));
  }
  EXPECT_THAT(order,
              ElementsAre("d01b1 fairly_good #9", "d01b3 poor #60", "d01b2 poor #61",
                          "d01 fairly_good #10", "d01b1g1 average #1", "d01b1g2 average #2",
                          "d01b1g3 average #3", "d01b2g1 average #4", "d01b2g2 average #5",
                          "d01b2g3 average #6", "d01b3g1 average #7", "d01b3g2 average #8"));
  EXPECT_EQ(a->people.size(), 15u);
}

}  // namespace
