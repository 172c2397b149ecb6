// The accountability engine (spec/model-format.md, "Policy (accountability)" and "Outputs"):
// who an incident reaches, under which category, to what degree, with which form and
// adjustments, and why — on small organizations built inline, one rule at a time.
//
// Suites: Accountability (reach rules, merging, order, JSON), AccountabilityForm (forms,
// circumstances, exemption, clamping) and Lifelong (posts and links held over `since`..`date`).
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "zeren/accountability.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/policy.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"
#include "zeren/vocabulary.h"

namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using zeren::AccountableParty;
using zeren::Accountant;
using zeren::Accounting;
using zeren::CircumstanceKind;
using zeren::IncidentIndex;
using zeren::Model;
using zeren::Party;
using zeren::Policy;
using zeren::ReachPath;
using zeren::Snapshot;

// ---- helpers ---------------------------------------------------------------------------

// A model document: `body` holds the members after "format" and "version".
std::string Doc(absl::string_view body) {
  return absl::StrCat(R"({"format": "zeren-model", "version": 1, )", body, "}");
}

// One party of an accounting, as ids and names, for exact comparison in order.
struct Row {
  std::string party;  // "person:<id>" or "unit:<id>"
  std::string category;
  double degree;
  std::string form;
  std::vector<std::string> adjustments;

  bool operator==(const Row& o) const {
    return party == o.party && category == o.category &&
           ::testing::Value(degree, ::testing::DoubleEq(o.degree)) && form == o.form &&
           adjustments == o.adjustments;
  }
};

void PrintTo(const Row& r, std::ostream* os) {
  *os << "{" << r.party << ", " << r.category << ", " << ::testing::PrintToString(r.degree)
      << ", " << r.form << ", " << ::testing::PrintToString(r.adjustments) << "}";
}

// A model compiled and one of its incidents accounted.
struct Outcome {
  std::optional<Snapshot> snapshot;
  IncidentIndex incident = zeren::kNoIndex;
  Accounting accounting;

  const Snapshot& s() const { return *snapshot; }

  std::string Label(const Party& p) const {
    return absl::StrCat(p.is_unit ? "unit:" : "person:",
                        p.is_unit ? s().unit_id(p.index) : s().person_id(p.index));
  }

  std::vector<Row> Rows() const {
    std::vector<Row> rows;
    if (!snapshot) return rows;
    for (const AccountableParty& p : accounting.parties) {
      Row row{Label(p.party), std::string(zeren::Name(p.category)), p.degree,
              std::string(zeren::Name(p.form)), {}};
      for (const zeren::Adjustment& a : accounting.AdjustmentsOf(p)) {
        row.adjustments.push_back(zeren::Describe(a));
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  const AccountableParty* Find(const std::string& label) const {
    if (!snapshot) return nullptr;
    for (const AccountableParty& p : accounting.parties) {
      if (Label(p.party) == label) return &p;
    }
    return nullptr;
  }

  // The `because` texts of a party, in order; {"<not reached>"} when it is not listed.
  std::vector<std::string> Because(const std::string& label) const {
    const AccountableParty* p = Find(label);
    if (p == nullptr) return {"<not reached>"};
    std::vector<std::string> texts;
    for (const ReachPath& path : accounting.PathsOf(*p)) {
      texts.push_back(zeren::Describe(s(), incident, p->party, path));
    }
    return texts;
  }

  // k of the party's strongest path (0 when it is not upward); -1 when not reached.
  int UpwardSteps(const std::string& label) const {
    const AccountableParty* p = Find(label);
    return p == nullptr ? -1 : static_cast<int>(p->upward_steps);
  }
};

std::optional<Snapshot> Compile(const std::string& document) {
  zeren::ProblemList problems;
  absl::StatusOr<Model> model = zeren::ParseModelJson(document, &problems);
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

// Accounts incident `id` of `document`, with the model's own policy or `policy`.
Outcome AccountFor(const std::string& document, const char* id, const Policy* policy = nullptr) {
  Outcome out;
  out.snapshot = Compile(document);
  if (!out.snapshot) return out;
  std::optional<IncidentIndex> i = out.snapshot->FindIncident(id);
  if (!i) {
    ADD_FAILURE() << "no incident " << id;
    out.snapshot.reset();
    return out;
  }
  out.incident = *i;
  if (policy == nullptr) {
    Accountant(*out.snapshot).Account(*i, &out.accounting);
  } else {
    Accountant(*out.snapshot, *policy).Account(*i, &out.accounting);
  }
  EXPECT_EQ(out.accounting.incident, *i);
  return out;
}

// ---- direct, main_leadership, important_leadership, overall_leadership -----------------

TEST(Accountability, DirectReachesThePeopleNamedAsDirect) {
  const std::string doc = Doc(R"(
    "units": [{"id": "b", "name": "Branch", "kind": "branch"}],
    "people": [{"id": "w2", "name": "Worker Two"}, {"id": "w1", "name": "Worker One"},
               {"id": "idle", "name": "Idle"}],
    "posts": [{"person": "idle", "unit": "b", "role": "staff", "from": "2020-01-01"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious",
                   "direct": ["w2", "w1"]}])");
  const Outcome o = AccountFor(doc, "i1");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"person:w1", "direct", 1.0, "disciplinary_sanction", {}},
                          Row{"person:w2", "direct", 1.0, "disciplinary_sanction", {}},
                          Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:w2"), ElementsAre("Worker Two (w2) is named as direct in i1"));
  EXPECT_THAT(o.Because("unit:b"), ElementsAre("the incident happened at Branch (b)"));
}

TEST(Accountability, MainLeadershipReachesTheSecretaryAndTheHeadOfTheUnit) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "s", "name": "Sec"}, {"id": "h", "name": "Head"}, {"id": "d", "name": "Dep"},
               {"id": "m", "name": "Mem"}, {"id": "w", "name": "Staff"},
               {"id": "os", "name": "OrgSec"}],
    "posts": [{"person": "s", "unit": "b", "role": "secretary", "from": "2020-01-01"},
              {"person": "h", "unit": "b", "role": "head", "from": "2020-01-01"},
              {"person": "d", "unit": "b", "role": "deputy", "from": "2020-01-01"},
              {"person": "m", "unit": "b", "role": "member", "from": "2020-01-01"},
              {"person": "w", "unit": "b", "role": "staff", "from": "2020-01-01"},
              {"person": "os", "unit": "org", "role": "secretary", "from": "2020-01-01"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "minor"}])");
  const Outcome o = AccountFor(doc, "i1");
  // Deputies and members are not reached unless they took part; minor is below upward.
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "self_examination", {}},
                          Row{"person:h", "main_leadership", 0.6, "circulated_notice", {}},
                          Row{"person:s", "main_leadership", 0.6, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:s"), ElementsAre("Sec (s), secretary of Branch (b) from 2020-01-01"));
  EXPECT_THAT(o.Because("person:h"), ElementsAre("Head (h), head of Branch (b) from 2020-01-01"));
}

TEST(Accountability, MainLeadershipReachesLeadersInChargeOfTheUnit) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["org"]},
              {"id": "c", "name": "Other", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "m", "name": "Mem"}, {"id": "d", "name": "Dep"},
               {"id": "hd", "name": "Head C"}],
    "posts": [{"person": "m", "unit": "org", "role": "member", "from": "2020-01-01",
               "to": "2030-01-01", "in_charge_of": ["b"]},
              {"person": "d", "unit": "org", "role": "deputy", "from": "2020-01-01",
               "in_charge_of": ["c"]},
              {"person": "hd", "unit": "c", "role": "head", "from": "2020-01-01",
               "in_charge_of": ["b"]}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious"}])");
  const Outcome o = AccountFor(doc, "i1");
  // A leadership post of any unit counts; d is in charge of a sibling only.
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:hd", "main_leadership", 0.6, "admonishment", {}},
                          Row{"person:m", "main_leadership", 0.6, "admonishment", {}}));
  EXPECT_THAT(o.Because("person:m"),
              ElementsAre("Mem (m), member of Org (org) from 2020-01-01 to 2030-01-01, is in "
                          "charge of Branch (b)"));
  EXPECT_THAT(o.Because("person:hd"),
              ElementsAre("Head C (hd), head of Other (c) from 2020-01-01, is in charge of "
                          "Branch (b)"));
}

TEST(Accountability, ImportantLeadershipReachesParticipantsWithADeputyOrMemberPostInTheUnit) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "s", "name": "Sec"}, {"id": "d", "name": "Dep"}, {"id": "m", "name": "Mem"},
               {"id": "w", "name": "Staff"}, {"id": "x", "name": "OrgDep"},
               {"id": "n", "name": "Nobody"}],
    "posts": [{"person": "s", "unit": "b", "role": "secretary", "from": "2020-01-01"},
              {"person": "d", "unit": "b", "role": "deputy", "from": "2020-01-01"},
              {"person": "m", "unit": "b", "role": "member", "from": "2020-01-01"},
              {"person": "w", "unit": "b", "role": "staff", "from": "2020-01-01"},
              {"person": "x", "unit": "org", "role": "deputy", "from": "2020-01-01"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious",
                   "participants": ["w", "x", "m", "n", "d"]}])");
  const Outcome o = AccountFor(doc, "i1");
  // w (staff of b), x (deputy of another unit) and n (no post) took part but are not reached.
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:s", "main_leadership", 0.6, "admonishment", {}},
                          Row{"person:d", "important_leadership", 0.3, "circulated_notice", {}},
                          Row{"person:m", "important_leadership", 0.3, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:d"),
              ElementsAre("Dep (d) took part, as deputy of Branch (b) from 2020-01-01"));
  EXPECT_THAT(o.Because("person:m"),
              ElementsAre("Mem (m) took part, as member of Branch (b) from 2020-01-01"));
}

TEST(Accountability, ImportantLeadershipReachesLeadersInChargeOfAProperAncestor) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "dept", "name": "Department", "kind": "general_branch", "parents": ["org"]},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["dept"]},
              {"id": "c", "name": "Sibling", "kind": "branch", "parents": ["dept"]},
              {"id": "g", "name": "Group", "kind": "group", "parents": ["b"]}],
    "people": [{"id": "m1", "name": "M1"}, {"id": "m2", "name": "M2"}, {"id": "m3", "name": "M3"},
               {"id": "m4", "name": "M4"}, {"id": "m5", "name": "M5"}],
    "posts": [{"person": "m1", "unit": "org", "role": "member", "from": "2020-01-01",
               "in_charge_of": ["dept"]},
              {"person": "m2", "unit": "org", "role": "deputy", "from": "2020-01-01",
               "in_charge_of": ["org"]},
              {"person": "m3", "unit": "org", "role": "member", "from": "2020-01-01",
               "in_charge_of": ["c"]},
              {"person": "m4", "unit": "org", "role": "member", "from": "2020-01-01",
               "in_charge_of": ["g"]},
              {"person": "m5", "unit": "org", "role": "member", "from": "2020-01-01",
               "in_charge_of": ["org", "dept"]}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious"}])");
  const Outcome o = AccountFor(doc, "i1");
  // m3 (a sibling) and m4 (a unit below b) are not reached.
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:m1", "important_leadership", 0.3, "circulated_notice", {}},
                          Row{"person:m2", "important_leadership", 0.3, "circulated_notice", {}},
                          Row{"person:m5", "important_leadership", 0.3, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:m1"),
              ElementsAre("M1 (m1), member of Org (org) from 2020-01-01, is in charge of "
                          "Department (dept), 1 step above Branch (b)"));
  EXPECT_THAT(o.Because("person:m2"),
              ElementsAre("M2 (m2), deputy of Org (org) from 2020-01-01, is in charge of Org "
                          "(org), 2 steps above Branch (b)"));
  // One path per ancestor named, nearest first.
  EXPECT_THAT(o.Because("person:m5"),
              ElementsAre("M5 (m5), member of Org (org) from 2020-01-01, is in charge of "
                          "Department (dept), 1 step above Branch (b)",
                          "M5 (m5), member of Org (org) from 2020-01-01, is in charge of Org "
                          "(org), 2 steps above Branch (b)"));
}

TEST(Accountability, OverallLeadershipIsTheUnitItselfOnTheUnitsLadder) {
  const std::string doc = Doc(R"(
    "units": [{"id": "b", "name": "Branch", "kind": "branch"}],
    "incidents": [{"id": "minor", "unit": "b", "date": "2025-05-01", "severity": "minor"},
                  {"id": "serious", "unit": "b", "date": "2025-05-01", "severity": "serious"},
                  {"id": "grave", "unit": "b", "date": "2025-05-01", "severity": "grave"}])");
  EXPECT_THAT(AccountFor(doc, "minor").Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "self_examination", {}}));
  EXPECT_THAT(AccountFor(doc, "serious").Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}}));
  const Outcome grave = AccountFor(doc, "grave");
  EXPECT_THAT(grave.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "reorganization", {}}));
  EXPECT_THAT(grave.Because("unit:b"), ElementsAre("the incident happened at Branch (b)"));
}

// ---- the incident's duty ----------------------------------------------------------------

TEST(Accountability, DutyHeldByAUnitReachesThatUnitAsOverallLeadership) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "dept", "name": "Department", "kind": "general_branch", "parents": ["org"]},
              {"id": "sub", "name": "Sub Branch", "kind": "branch", "parents": ["dept"]}],
    "duties": [{"id": "du", "holder": {"unit": "dept"}, "category": "principal", "text": "..."}],
    "incidents": [{"id": "i1", "unit": "sub", "date": "2025-05-01", "severity": "serious",
                   "duty": "du"},
                  {"id": "i2", "unit": "sub", "date": "2025-05-01", "severity": "serious"}])");
  const Outcome o = AccountFor(doc, "i1");
  // Equal degree and category, both units: by id.
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:dept", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"unit:sub", "overall_leadership", 0.8, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("unit:dept"), ElementsAre("Department (dept) holds duty du (principal)"));
  EXPECT_THAT(AccountFor(doc, "i2").Rows(),
              ElementsAre(Row{"unit:sub", "overall_leadership", 0.8, "circulated_notice", {}}));
}

TEST(Accountability, DutyHeldByAPostReachesItsHoldersUnderTheDutysCategory) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "dc", "name": "Discipline", "kind": "discipline_commission",
               "parents": ["org"]},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "os", "name": "OrgSec"}, {"id": "oh", "name": "OrgHead"},
               {"id": "om1", "name": "OrgMem1"}, {"id": "om2", "name": "OrgMem2"},
               {"id": "om_old", "name": "OrgMemOld"}, {"id": "od", "name": "OrgDep"},
               {"id": "dis", "name": "Dis"}],
    "posts": [{"person": "os", "unit": "org", "role": "secretary", "from": "2020-01-01"},
              {"person": "oh", "unit": "org", "role": "head", "from": "2020-01-01"},
              {"person": "om1", "unit": "org", "role": "member", "from": "2020-01-01"},
              {"person": "om2", "unit": "org", "role": "member", "from": "2021-01-01"},
              {"person": "om_old", "unit": "org", "role": "member", "from": "2020-01-01",
               "to": "2024-01-01"},
              {"person": "od", "unit": "org", "role": "deputy", "from": "2020-01-01"},
              {"person": "dis", "unit": "dc", "role": "discipline_secretary", "from": "2020-01-01"}],
    "duties": [
      {"id": "d_principal", "holder": {"unit": "org", "role": "secretary"}, "category": "principal"},
      {"id": "d_first", "holder": {"unit": "org", "role": "head"}, "category": "first_responsible"},
      {"id": "d_dual", "holder": {"unit": "org", "role": "member"}, "category": "dual_post"},
      {"id": "d_sup", "holder": {"unit": "dc", "role": "discipline_secretary"},
       "category": "supervisory"},
      {"id": "d_spec", "holder": {"unit": "org", "role": "deputy"}, "category": "specialized"},
      {"id": "d_vacant", "holder": {"unit": "b", "role": "head"}, "category": "principal"}],
    "incidents": [
      {"id": "i_principal", "unit": "b", "date": "2025-05-01", "severity": "serious", "duty": "d_principal"},
      {"id": "i_first", "unit": "b", "date": "2025-05-01", "severity": "serious", "duty": "d_first"},
      {"id": "i_dual", "unit": "b", "date": "2025-05-01", "severity": "serious", "duty": "d_dual"},
      {"id": "i_sup", "unit": "b", "date": "2025-05-01", "severity": "serious", "duty": "d_sup"},
      {"id": "i_spec", "unit": "b", "date": "2025-05-01", "severity": "serious", "duty": "d_spec"},
      {"id": "i_vacant", "unit": "b", "date": "2025-05-01", "severity": "serious", "duty": "d_vacant"}])");
  const Row unit{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}};

  const Outcome principal = AccountFor(doc, "i_principal");
  EXPECT_THAT(principal.Rows(),
              ElementsAre(unit, Row{"person:os", "main_leadership", 0.6, "admonishment", {}}));
  EXPECT_THAT(principal.Because("person:os"),
              ElementsAre("OrgSec (os), secretary of Org (org) from 2020-01-01, holds duty "
                          "d_principal (principal)"));

  const Outcome first = AccountFor(doc, "i_first");
  EXPECT_THAT(first.Rows(),
              ElementsAre(unit, Row{"person:oh", "main_leadership", 0.6, "admonishment", {}}));
  EXPECT_THAT(first.Because("person:oh"),
              ElementsAre("OrgHead (oh), head of Org (org) from 2020-01-01, holds duty d_first "
                          "(first_responsible)"));

  // Whoever held the post on the date: both current members, not the former one.
  const Outcome dual = AccountFor(doc, "i_dual");
  EXPECT_THAT(dual.Rows(),
              ElementsAre(unit, Row{"person:om1", "main_leadership", 0.6, "admonishment", {}},
                          Row{"person:om2", "main_leadership", 0.6, "admonishment", {}}));
  EXPECT_THAT(dual.Because("person:om2"),
              ElementsAre("OrgMem2 (om2), member of Org (org) from 2021-01-01, holds duty d_dual "
                          "(dual_post)"));

  const Outcome sup = AccountFor(doc, "i_sup");
  EXPECT_THAT(sup.Rows(),
              ElementsAre(unit, Row{"person:dis", "supervisory", 0.4, "circulated_notice", {}}));
  EXPECT_THAT(sup.Because("person:dis"),
              ElementsAre("Dis (dis), discipline_secretary of Discipline (dc) from 2020-01-01, "
                          "holds duty d_sup (supervisory)"));

  const Outcome spec = AccountFor(doc, "i_spec");
  EXPECT_THAT(spec.Rows(),
              ElementsAre(unit, Row{"person:od", "important_leadership", 0.3, "circulated_notice",
                                    {}}));
  EXPECT_THAT(spec.Because("person:od"),
              ElementsAre("OrgDep (od), deputy of Org (org) from 2020-01-01, holds duty d_spec "
                          "(specialized)"));

  EXPECT_THAT(AccountFor(doc, "i_vacant").Rows(), ElementsAre(unit));
}

// ---- supervisory --------------------------------------------------------------------------

TEST(Accountability, SupervisoryReachesTheDisciplineSecretaryOfTheBodySupervisingTheUnit) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "dc", "name": "Discipline", "kind": "discipline_commission", "parents": ["org"]},
              {"id": "dc2", "name": "Discipline Two", "kind": "discipline_commission",
               "parents": ["org"]},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "dis", "name": "Dis"}, {"id": "dis2", "name": "Dis2"},
               {"id": "dcs", "name": "DcSec"}],
    "posts": [{"person": "dis", "unit": "dc", "role": "discipline_secretary", "from": "2020-01-01"},
              {"person": "dcs", "unit": "dc", "role": "secretary", "from": "2020-01-01"},
              {"person": "dis2", "unit": "dc2", "role": "discipline_secretary",
               "from": "2020-01-01"}],
    "links": [{"kind": "supervises", "from": "dc2", "to": "org"},
              {"kind": "supervises", "from": "dc", "to": "b"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious"}])");
  const Outcome o = AccountFor(doc, "i1");
  // Only the discipline secretary (not the body's secretary), and only of b's own body.
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:dis", "supervisory", 0.4, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:dis"),
              ElementsAre("Dis (dis), discipline_secretary of Discipline (dc) from 2020-01-01, "
                          "which supervises Branch (b)"));
}

TEST(Accountability, SupervisoryFallsBackToAllNearestSupervisedAncestors) {
  const std::string doc = Doc(R"(
    "units": [{"id": "top", "name": "Top", "kind": "leading_group"},
              {"id": "org", "name": "Org", "kind": "organ_committee", "parents": ["top"]},
              {"id": "dept", "name": "Department", "kind": "general_branch", "parents": ["top"]},
              {"id": "joint", "name": "Joint", "kind": "branch",
               "parents": [{"unit": "org", "weight": 0.7}, {"unit": "dept", "weight": 0.3}]},
              {"id": "dc1", "name": "Discipline One", "kind": "discipline_commission", "parents": ["top"]},
              {"id": "dc2", "name": "Discipline Two", "kind": "discipline_commission", "parents": ["top"]},
              {"id": "dc3", "name": "Discipline Three", "kind": "discipline_commission", "parents": ["top"]}],
    "people": [{"id": "dis1", "name": "Dis1"}, {"id": "dis2", "name": "Dis2"},
               {"id": "dis3", "name": "Dis3"}],
    "posts": [{"person": "dis1", "unit": "dc1", "role": "discipline_secretary", "from": "2020-01-01"},
              {"person": "dis2", "unit": "dc2", "role": "discipline_secretary", "from": "2020-01-01"},
              {"person": "dis3", "unit": "dc3", "role": "discipline_secretary", "from": "2020-01-01"}],
    "links": [{"kind": "supervises", "from": "dc3", "to": "top"},
              {"kind": "supervises", "from": "dc2", "to": "dept"},
              {"kind": "supervises", "from": "dc1", "to": "org"}],
    "incidents": [{"id": "i1", "unit": "joint", "date": "2025-05-01", "severity": "serious"}])");
  const Outcome o = AccountFor(doc, "i1");
  // org and dept are both 1 step above joint; top (2 steps) is not searched.
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:joint", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:dis1", "supervisory", 0.4, "circulated_notice", {}},
                          Row{"person:dis2", "supervisory", 0.4, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:dis1"),
              ElementsAre("Dis1 (dis1), discipline_secretary of Discipline One (dc1) from "
                          "2020-01-01, which supervises Org (org), 1 step above Joint (joint)"));
  EXPECT_THAT(o.Because("person:dis2"),
              ElementsAre("Dis2 (dis2), discipline_secretary of Discipline Two (dc2) from "
                          "2020-01-01, which supervises Department (dept), 1 step above Joint "
                          "(joint)"));
}

TEST(Accountability, SupervisoryVacantDisciplineSecretaryReachesNoOneAndDoesNotClimb) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "dept", "name": "Department", "kind": "general_branch", "parents": ["org"]},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["dept"]},
              {"id": "dcb", "name": "Branch Discipline", "kind": "discipline_commission",
               "parents": ["org"]},
              {"id": "dco", "name": "Org Discipline", "kind": "discipline_commission",
               "parents": ["org"]}],
    "people": [{"id": "old", "name": "Old"}, {"id": "diso", "name": "DisO"}],
    "posts": [{"person": "old", "unit": "dcb", "role": "discipline_secretary", "from": "2020-01-01",
               "to": "2024-01-01"},
              {"person": "diso", "unit": "dco", "role": "discipline_secretary", "from": "2020-01-01"}],
    "links": [{"kind": "supervises", "from": "dcb", "to": "b"},
              {"kind": "supervises", "from": "dco", "to": "org"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious"}])");
  EXPECT_THAT(AccountFor(doc, "i1").Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}}));
}

TEST(Accountability, SupervisoryLinkNotHeldOnTheDateDoesNotCover) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "dept", "name": "Department", "kind": "general_branch", "parents": ["org"]},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["dept"]},
              {"id": "dcb", "name": "Branch Discipline", "kind": "discipline_commission",
               "parents": ["org"]},
              {"id": "dco", "name": "Org Discipline", "kind": "discipline_commission",
               "parents": ["org"]}],
    "people": [{"id": "disb", "name": "DisB"}, {"id": "diso", "name": "DisO"}],
    "posts": [{"person": "disb", "unit": "dcb", "role": "discipline_secretary", "from": "2020-01-01"},
              {"person": "diso", "unit": "dco", "role": "discipline_secretary", "from": "2020-01-01"}],
    "links": [{"kind": "supervises", "from": "dcb", "to": "b", "to_date": "2024-01-01"},
              {"kind": "supervises", "from": "dco", "to": "org"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious"}])");
  const Outcome o = AccountFor(doc, "i1");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:diso", "supervisory", 0.4, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:diso"),
              ElementsAre("DisO (diso), discipline_secretary of Org Discipline (dco) from "
                          "2020-01-01, which supervises Org (org), 2 steps above Branch (b)"));
}

// ---- guidance ---------------------------------------------------------------------------

TEST(Accountability, GuidanceReachesTheGuidesOfTheUnit) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "g", "name": "Guide"}, {"id": "go", "name": "OrgGuide"}],
    "links": [{"kind": "guides", "from": "go", "to": "org"},
              {"kind": "guides", "from": "g", "to": "b", "from_date": "2024-01-01"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious"}])");
  const Outcome o = AccountFor(doc, "i1");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:g", "guidance", 0.3, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:g"), ElementsAre("Guide (g) guides Branch (b)"));
}

TEST(Accountability, GuidanceFallsBackToTheNearestGuidedAncestors) {
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "dept", "name": "Department", "kind": "general_branch", "parents": ["org"]},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["dept"]}],
    "people": [{"id": "ga", "name": "Guide A"}, {"id": "gb", "name": "Guide B"},
               {"id": "gc", "name": "Guide C"}, {"id": "g_old", "name": "Old Guide"}],
    "links": [{"kind": "guides", "from": "g_old", "to": "b", "to_date": "2024-01-01"},
              {"kind": "guides", "from": "gc", "to": "org"},
              {"kind": "guides", "from": "gb", "to": "dept"},
              {"kind": "guides", "from": "ga", "to": "dept"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious"}])");
  const Outcome o = AccountFor(doc, "i1");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:ga", "guidance", 0.3, "circulated_notice", {}},
                          Row{"person:gb", "guidance", 0.3, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:ga"),
              ElementsAre("Guide A (ga) guides Department (dept), 1 step above Branch (b)"));
}

// ---- upward -------------------------------------------------------------------------------

// top -> org -> dept -> br -> grp; each with a secretary, dept with a head too.
std::string UpwardDoc(absl::string_view policy, absl::string_view circumstances = "[]") {
  return Doc(absl::StrCat(R"(
    "units": [{"id": "top", "name": "Top", "kind": "leading_group"},
              {"id": "org", "name": "Org", "kind": "leading_group", "parents": ["top"]},
              {"id": "dept", "name": "Department", "kind": "general_branch", "parents": ["org"]},
              {"id": "br", "name": "Branch", "kind": "branch", "parents": ["dept"]},
              {"id": "grp", "name": "Group", "kind": "group", "parents": ["br"]}],
    "people": [{"id": "ts", "name": "TopSec"}, {"id": "os", "name": "OrgSec"},
               {"id": "oh", "name": "OrgHead"}, {"id": "ds", "name": "DeptSec"},
               {"id": "dh", "name": "DeptHead"}, {"id": "dm", "name": "DeptMem"},
               {"id": "bs", "name": "BrSec"}, {"id": "gs", "name": "GrpSec"}],
    "posts": [{"person": "ts", "unit": "top", "role": "secretary", "from": "2020-01-01"},
              {"person": "os", "unit": "org", "role": "secretary", "from": "2020-01-01"},
              {"person": "oh", "unit": "org", "role": "head", "from": "2020-01-01"},
              {"person": "ds", "unit": "dept", "role": "secretary", "from": "2020-01-01"},
              {"person": "dh", "unit": "dept", "role": "head", "from": "2020-01-01"},
              {"person": "dm", "unit": "dept", "role": "member", "from": "2020-01-01"},
              {"person": "bs", "unit": "br", "role": "secretary", "from": "2020-01-01"},
              {"person": "gs", "unit": "grp", "role": "secretary", "from": "2020-01-01"}],
    "incidents": [
      {"id": "minor", "unit": "grp", "date": "2025-05-01", "severity": "minor", "circumstances": )",
                          circumstances, R"(},
      {"id": "serious", "unit": "grp", "date": "2025-05-01", "severity": "serious", "circumstances": )",
                          circumstances, R"(},
      {"id": "grave", "unit": "grp", "date": "2025-05-01", "severity": "grave", "circumstances": )",
                          circumstances, R"(}],
    "policy": )",
                          policy));
}

TEST(Accountability, UpwardReachesSecretariesAndHeadsUpToMaxLevelsWithDecayAndLighterForms) {
  const std::string doc = UpwardDoc(R"("default")");
  const Outcome o = AccountFor(doc, "grave");
  // k=1: degree 0.5, form admonishment; k=2: 0.5 x 0.5, one rung lighter; k=3 is beyond
  // max_levels 2. Members of superior units are not reached.
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:grp", "overall_leadership", 0.8, "reorganization", {}},
                          Row{"person:gs", "main_leadership", 0.6, "organizational_adjustment", {}},
                          Row{"person:bs", "upward", 0.5, "admonishment", {}},
                          Row{"person:dh", "upward", 0.5 * 0.5, "circulated_notice", {}},
                          Row{"person:ds", "upward", 0.5 * 0.5, "circulated_notice", {}}));
  EXPECT_EQ(o.UpwardSteps("person:bs"), 1);
  EXPECT_EQ(o.UpwardSteps("person:ds"), 2);
  EXPECT_EQ(o.UpwardSteps("person:gs"), 0);
  EXPECT_THAT(o.Because("person:bs"),
              ElementsAre("BrSec (bs), secretary of Branch (br) from 2020-01-01, 1 step above "
                          "Group (grp)"));
  EXPECT_THAT(o.Because("person:dh"),
              ElementsAre("DeptHead (dh), head of Department (dept) from 2020-01-01, 2 steps "
                          "above Group (grp)"));
}

TEST(Accountability, UpwardOnlyFromMinSeverity) {
  const std::string doc = UpwardDoc(R"("default")");
  EXPECT_THAT(AccountFor(doc, "serious").Rows(),
              ElementsAre(Row{"unit:grp", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:gs", "main_leadership", 0.6, "admonishment", {}}));

  const std::string from_serious = UpwardDoc(R"({"upward": {"min_severity": "serious"}})");
  EXPECT_THAT(AccountFor(from_serious, "serious").Rows(),
              ElementsAre(Row{"unit:grp", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:gs", "main_leadership", 0.6, "admonishment", {}},
                          Row{"person:bs", "upward", 0.5, "circulated_notice", {}},
                          Row{"person:dh", "upward", 0.25, "none", {}},
                          Row{"person:ds", "upward", 0.25, "none", {}}));
  EXPECT_THAT(AccountFor(from_serious, "minor").Rows(),
              ElementsAre(Row{"unit:grp", "overall_leadership", 0.8, "self_examination", {}},
                          Row{"person:gs", "main_leadership", 0.6, "circulated_notice", {}}));
}

TEST(Accountability, UpwardDecayAndMaxLevelsFromThePolicy) {
  const std::string doc =
      UpwardDoc(R"({"degrees": {"upward": 0.6}, "upward": {"decay": 0.8, "max_levels": 4}})");
  const Outcome o = AccountFor(doc, "grave");
  // k=3 and k=4 go below the ladder's bottom (admonishment minus 2 and 3): none.
  // At 0.6, main_leadership comes before upward (category precedence).
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:grp", "overall_leadership", 0.8, "reorganization", {}},
                          Row{"person:gs", "main_leadership", 0.6, "organizational_adjustment", {}},
                          Row{"person:bs", "upward", 0.6, "admonishment", {}},
                          Row{"person:dh", "upward", 0.6 * 0.8, "circulated_notice", {}},
                          Row{"person:ds", "upward", 0.6 * 0.8, "circulated_notice", {}},
                          Row{"person:oh", "upward", 0.6 * 0.8 * 0.8, "none", {}},
                          Row{"person:os", "upward", 0.6 * 0.8 * 0.8, "none", {}},
                          Row{"person:ts", "upward", 0.6 * 0.8 * 0.8 * 0.8, "none", {}}));
  EXPECT_EQ(o.UpwardSteps("person:ts"), 4);
  EXPECT_THAT(o.Because("person:ts"),
              ElementsAre("TopSec (ts), secretary of Top (top) from 2020-01-01, 4 steps above "
                          "Group (grp)"));
}

TEST(Accountability, UpwardMaxLevelsZeroDisablesIt) {
  const std::string doc = UpwardDoc(R"({"upward": {"max_levels": 0, "min_severity": "minor"}})");
  EXPECT_THAT(AccountFor(doc, "grave").Rows(),
              ElementsAre(Row{"unit:grp", "overall_leadership", 0.8, "reorganization", {}},
                          Row{"person:gs", "main_leadership", 0.6, "organizational_adjustment",
                              {}}));
}

TEST(Accountability, UpwardLighterFormIsMovedByCircumstances) {
  const std::string doc = UpwardDoc(R"("default")", R"([{"kind": "repeat"}])");
  // rung(admonishment)=2, minus (k-1), plus 1; the unit is clamped at reorganization.
  EXPECT_THAT(
      AccountFor(doc, "grave").Rows(),
      ElementsAre(Row{"unit:grp", "overall_leadership", 0.8, "reorganization", {"repeat:+1"}},
                  Row{"person:gs", "main_leadership", 0.6, "disciplinary_sanction", {"repeat:+1"}},
                  Row{"person:bs", "upward", 0.5, "organizational_adjustment", {"repeat:+1"}},
                  Row{"person:dh", "upward", 0.25, "admonishment", {"repeat:+1"}},
                  Row{"person:ds", "upward", 0.25, "admonishment", {"repeat:+1"}}));
}

TEST(Accountability, UpwardAtEqualDegreesTakesTheSmallestK) {
  // With decay 1 every level weighs the same; bs leads br (k=1) and heads dept (k=2).
  const std::string doc = Doc(R"(
    "units": [{"id": "dept", "name": "Department", "kind": "general_branch"},
              {"id": "br", "name": "Branch", "kind": "branch", "parents": ["dept"]},
              {"id": "grp", "name": "Group", "kind": "group", "parents": ["br"]}],
    "people": [{"id": "bs", "name": "BrSec"}, {"id": "ds", "name": "DeptSec"}],
    "posts": [{"person": "bs", "unit": "br", "role": "secretary", "from": "2020-01-01"},
              {"person": "bs", "unit": "dept", "role": "head", "from": "2020-01-01"},
              {"person": "ds", "unit": "dept", "role": "secretary", "from": "2020-01-01"}],
    "incidents": [{"id": "i1", "unit": "grp", "date": "2025-05-01", "severity": "grave"}],
    "policy": {"upward": {"decay": 1}})");
  const Outcome o = AccountFor(doc, "i1");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:grp", "overall_leadership", 0.8, "reorganization", {}},
                          Row{"person:bs", "upward", 0.5, "admonishment", {}},
                          Row{"person:ds", "upward", 0.5, "circulated_notice", {}}));
  EXPECT_EQ(o.UpwardSteps("person:bs"), 1);
  EXPECT_EQ(o.UpwardSteps("person:ds"), 2);
  EXPECT_THAT(o.Because("person:bs"),
              ElementsAre("BrSec (bs), secretary of Branch (br) from 2020-01-01, 1 step above "
                          "Group (grp)",
                          "BrSec (bs), head of Department (dept) from 2020-01-01, 2 steps above "
                          "Group (grp)"));
}

// ---- dual leadership ----------------------------------------------------------------------

TEST(Accountability, DualParentUnitReachesThroughBothParentsAtTheFewestSteps) {
  // joint is led by org directly and by br (org -> dept -> br): org is 1 step up, not 3.
  const std::string doc = Doc(R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "dept", "name": "Department", "kind": "general_branch", "parents": ["org"]},
              {"id": "br", "name": "Branch", "kind": "branch", "parents": ["dept"]},
              {"id": "joint", "name": "Joint", "kind": "branch",
               "parents": [{"unit": "br", "weight": 0.3}, {"unit": "org", "weight": 0.7}]}],
    "people": [{"id": "os", "name": "OrgSec"}, {"id": "ds", "name": "DeptSec"},
               {"id": "bs", "name": "BrSec"}, {"id": "js", "name": "JointSec"},
               {"id": "m1", "name": "M1"}, {"id": "m2", "name": "M2"}, {"id": "m3", "name": "M3"},
               {"id": "g1", "name": "G1"}, {"id": "g2", "name": "G2"}],
    "posts": [{"person": "os", "unit": "org", "role": "secretary", "from": "2020-01-01"},
              {"person": "ds", "unit": "dept", "role": "secretary", "from": "2020-01-01"},
              {"person": "bs", "unit": "br", "role": "secretary", "from": "2020-01-01"},
              {"person": "js", "unit": "joint", "role": "secretary", "from": "2020-01-01"},
              {"person": "m1", "unit": "org", "role": "member", "from": "2020-01-01",
               "in_charge_of": ["br"]},
              {"person": "m2", "unit": "org", "role": "member", "from": "2020-01-01",
               "in_charge_of": ["org"]},
              {"person": "m3", "unit": "org", "role": "member", "from": "2020-01-01",
               "in_charge_of": ["dept"]}],
    "links": [{"kind": "guides", "from": "g2", "to": "org"},
              {"kind": "guides", "from": "g1", "to": "br"}],
    "incidents": [{"id": "i1", "unit": "joint", "date": "2025-05-01", "severity": "grave"}])");
  const Outcome o = AccountFor(doc, "i1");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:joint", "overall_leadership", 0.8, "reorganization", {}},
                          Row{"person:js", "main_leadership", 0.6, "organizational_adjustment", {}},
                          Row{"person:bs", "upward", 0.5, "admonishment", {}},
                          Row{"person:os", "upward", 0.5, "admonishment", {}},
                          Row{"person:m1", "important_leadership", 0.3, "admonishment", {}},
                          Row{"person:m2", "important_leadership", 0.3, "admonishment", {}},
                          Row{"person:m3", "important_leadership", 0.3, "admonishment", {}},
                          Row{"person:g1", "guidance", 0.3, "admonishment", {}},
                          Row{"person:g2", "guidance", 0.3, "admonishment", {}},
                          Row{"person:ds", "upward", 0.25, "circulated_notice", {}}));
  EXPECT_EQ(o.UpwardSteps("person:os"), 1);
  EXPECT_EQ(o.UpwardSteps("person:ds"), 2);
  EXPECT_THAT(o.Because("person:os"),
              ElementsAre("OrgSec (os), secretary of Org (org) from 2020-01-01, 1 step above "
                          "Joint (joint)"));
  EXPECT_THAT(o.Because("person:m2"),
              ElementsAre("M2 (m2), member of Org (org) from 2020-01-01, is in charge of Org "
                          "(org), 1 step above Joint (joint)"));
  EXPECT_THAT(o.Because("person:m3"),
              ElementsAre("M3 (m3), member of Org (org) from 2020-01-01, is in charge of "
                          "Department (dept), 2 steps above Joint (joint)"));
  EXPECT_THAT(o.Because("person:g2"),
              ElementsAre("G2 (g2) guides Org (org), 1 step above Joint (joint)"));
}

// ---- several paths, ties and order ----------------------------------------------------------

constexpr char kTwoPaths[] = R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "s", "name": "Sec"}, {"id": "m", "name": "Mem"}],
    "posts": [{"person": "s", "unit": "b", "role": "secretary", "from": "2020-01-01"},
              {"person": "m", "unit": "org", "role": "member", "from": "2020-01-01",
               "in_charge_of": ["b"]}],
    "links": [{"kind": "guides", "from": "m", "to": "b"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious",
                   "direct": ["s"]}])";

TEST(Accountability, PartyReachedByTwoPathsAppearsOnceUnderTheStrongestWithBothReasons) {
  const Outcome o = AccountFor(Doc(kTwoPaths), "i1");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"person:s", "direct", 1.0, "disciplinary_sanction", {}},
                          Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:m", "main_leadership", 0.6, "admonishment", {}}));
  EXPECT_THAT(o.Because("person:s"),
              ElementsAre("Sec (s) is named as direct in i1",
                          "Sec (s), secretary of Branch (b) from 2020-01-01"));
  EXPECT_THAT(o.Because("person:m"),
              ElementsAre("Mem (m), member of Org (org) from 2020-01-01, is in charge of Branch (b)",
                          "Mem (m) guides Branch (b)"));
}

TEST(Accountability, StrongestPathWinsEvenWhenFoundLaterAndReasonsStayInRuleOrder) {
  const Outcome o =
      AccountFor(Doc(absl::StrCat(kTwoPaths, R"(, "policy": {"degrees": {"guidance": 0.9}})")),
                 "i1");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"person:s", "direct", 1.0, "disciplinary_sanction", {}},
                          Row{"person:m", "guidance", 0.9, "circulated_notice", {}},
                          Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:m"),
              ElementsAre("Mem (m), member of Org (org) from 2020-01-01, is in charge of Branch (b)",
                          "Mem (m) guides Branch (b)"));
}

constexpr char kTies[] = R"(
    "units": [{"id": "b", "name": "Branch", "kind": "branch"}],
    "people": [{"id": "z_d", "name": "Dep"}, {"id": "a_g", "name": "Guide"}],
    "posts": [{"person": "z_d", "unit": "b", "role": "deputy", "from": "2020-01-01"}],
    "links": [{"kind": "guides", "from": "a_g", "to": "b"}],
    "duties": [{"id": "du", "holder": {"unit": "b", "role": "deputy"}, "category": "principal"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "serious",
                   "participants": ["z_d"]},
                  {"id": "i2", "unit": "b", "date": "2025-05-01", "severity": "serious",
                   "participants": ["z_d"], "duty": "du"}])";

TEST(Accountability, PartiesAtEqualDegreeAreOrderedByCategoryPrecedenceBeforeId) {
  const Outcome o = AccountFor(Doc(kTies), "i1");
  // important_leadership (0.3) comes before guidance (0.3) although "a_g" < "z_d".
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:z_d", "important_leadership", 0.3, "circulated_notice", {}},
                          Row{"person:a_g", "guidance", 0.3, "circulated_notice", {}}));
}

TEST(Accountability, PathsAtEqualDegreeAreDecidedByCategoryPrecedence) {
  // The participant path (important, found first) and the duty path (main, found later)
  // weigh 0.3 each: main_leadership wins, and with it main_leadership's form.
  const Outcome o = AccountFor(
      Doc(absl::StrCat(kTies, R"(, "policy": {"degrees": {"main_leadership": 0.3}})")), "i2");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}},
                          Row{"person:z_d", "main_leadership", 0.3, "admonishment", {}},
                          Row{"person:a_g", "guidance", 0.3, "circulated_notice", {}}));
  EXPECT_THAT(o.Because("person:z_d"),
              ElementsAre("Dep (z_d) took part, as deputy of Branch (b) from 2020-01-01",
                          "Dep (z_d), deputy of Branch (b) from 2020-01-01, holds duty du "
                          "(principal)"));
}

// ---- policies -------------------------------------------------------------------------------

bool SamePolicy(const Policy& a, const Policy& b) {
  if (a.degrees != b.degrees || a.forms != b.forms) return false;
  if (a.upward_min_severity != b.upward_min_severity || a.upward_decay != b.upward_decay ||
      a.upward_max_levels != b.upward_max_levels) {
    return false;
  }
  for (size_t k = 0; k < a.circumstances.size(); ++k) {
    if (a.circumstances[k].exempt != b.circumstances[k].exempt ||
        a.circumstances[k].step != b.circumstances[k].step) {
      return false;
    }
  }
  return true;
}

std::string PolicyDoc(absl::string_view policy) {
  return Doc(absl::StrCat(R"("units": [{"id": "b", "name": "Branch", "kind": "branch"}],
                             "policy": )",
                          policy));
}

TEST(Accountability, PartialPolicyOverridesOnlyTheKeysItNames) {
  {
    std::optional<Snapshot> s = Compile(PolicyDoc(R"({"degrees": {"direct": 0.9}})"));
    ASSERT_TRUE(s.has_value());
    Policy expected = zeren::DefaultPolicy();
    expected.degrees[static_cast<int>(zeren::Category::kDirect)] = 0.9;
    EXPECT_TRUE(SamePolicy(s->policy(), expected));
    EXPECT_EQ(s->policy().degree(zeren::Category::kDirect), 0.9);
    EXPECT_EQ(s->policy().degree(zeren::Category::kMainLeadership), 0.6);
  }
  {
    std::optional<Snapshot> s =
        Compile(PolicyDoc(R"({"forms": {"guidance": {"serious": "admonishment"}}})"));
    ASSERT_TRUE(s.has_value());
    Policy expected = zeren::DefaultPolicy();
    expected.forms[static_cast<int>(zeren::Category::kGuidance)]
                  [static_cast<int>(zeren::Severity::kSerious)] = zeren::Form::kAdmonishment;
    EXPECT_TRUE(SamePolicy(s->policy(), expected));
    EXPECT_EQ(s->policy().form(zeren::Category::kGuidance, zeren::Severity::kMinor),
              zeren::Form::kNone);
    EXPECT_EQ(s->policy().form(zeren::Category::kGuidance, zeren::Severity::kGrave),
              zeren::Form::kAdmonishment);
  }
  {
    std::optional<Snapshot> s = Compile(PolicyDoc(R"({"upward": {"max_levels": 5}})"));
    ASSERT_TRUE(s.has_value());
    Policy expected = zeren::DefaultPolicy();
    expected.upward_max_levels = 5;
    EXPECT_TRUE(SamePolicy(s->policy(), expected));
    EXPECT_EQ(s->policy().upward_decay, 0.5);
    EXPECT_EQ(s->policy().upward_min_severity, zeren::Severity::kGrave);
  }
  {
    std::optional<Snapshot> s = Compile(PolicyDoc(R"("default")"));
    ASSERT_TRUE(s.has_value());
    EXPECT_TRUE(SamePolicy(s->policy(), zeren::DefaultPolicy()));
  }
  {
    std::optional<Snapshot> s = Compile(PolicyDoc(R"({})"));
    ASSERT_TRUE(s.has_value());
    EXPECT_TRUE(SamePolicy(s->policy(), zeren::DefaultPolicy()));
  }
}

TEST(Accountability, AccountantWithAnExplicitPolicyIgnoresTheSnapshots) {
  const std::string doc = Doc(R"(
    "units": [{"id": "b", "name": "Branch", "kind": "branch"}],
    "people": [{"id": "w", "name": "Worker"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "minor",
                   "direct": ["w"], "circumstances": [{"kind": "repeat"}]}],
    "policy": {"degrees": {"direct": 0.9}})");
  Policy policy = zeren::DefaultPolicy();
  policy.degrees[static_cast<int>(zeren::Category::kOverallLeadership)] = 0.7;
  policy.circumstances[static_cast<int>(CircumstanceKind::kRepeat)] = {false, 2};
  EXPECT_THAT(AccountFor(doc, "i1", &policy).Rows(),
              ElementsAre(Row{"person:w", "direct", 1.0, "disciplinary_sanction", {"repeat:+2"}},
                          Row{"unit:b", "overall_leadership", 0.7, "reorganization",
                              {"repeat:+2"}}));
  EXPECT_THAT(AccountFor(doc, "i1").Rows(),
              ElementsAre(Row{"person:w", "direct", 0.9, "organizational_adjustment",
                              {"repeat:+1"}},
                          Row{"unit:b", "overall_leadership", 0.8, "circulated_notice",
                              {"repeat:+1"}}));
}

TEST(Accountability, AccountantReusedAcrossIncidentsGivesTheSameResults) {
  const std::optional<Snapshot> s = Compile(UpwardDoc(R"("default")"));
  ASSERT_TRUE(s.has_value());
  Accountant accountant(*s);
  Accounting grave, serious, grave_again;
  accountant.Account(*s->FindIncident("grave"), &grave);
  accountant.Account(*s->FindIncident("serious"), &serious);
  accountant.Account(*s->FindIncident("grave"), &grave_again);
  EXPECT_EQ(grave.parties.size(), 5u);
  EXPECT_EQ(serious.parties.size(), 2u);
  EXPECT_EQ(zeren::AccountingToJson(*s, grave), zeren::AccountingToJson(*s, grave_again));
  // Reusing an accounting that held more parties leaves nothing behind.
  accountant.Account(*s->FindIncident("serious"), &grave_again);
  EXPECT_EQ(grave_again.parties.size(), 2u);
  EXPECT_EQ(zeren::AccountingToJson(*s, serious), zeren::AccountingToJson(*s, grave_again));
}

// ---- JSON output ----------------------------------------------------------------------------

constexpr char kJsonModel[] = R"(
    "units": [{"id": "org", "name": "党组", "kind": "leading_group"},
              {"id": "b", "name": "秘书局党支部", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "w", "name": "Staff D"}, {"id": "s", "name": "Sec"}],
    "posts": [{"person": "s", "unit": "b", "role": "secretary", "from": "2021-03-01"},
              {"person": "w", "unit": "b", "role": "staff", "from": "2021-03-01"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "since": "2024-09-01",
                   "severity": "serious", "direct": ["w"],
                   "circumstances": [{"kind": "concealment", "person": "w"},
                                     {"kind": "due_diligence"}]},
                  {"id": "i2", "unit": "b", "date": "2025-06-01", "severity": "minor"}],
    "policy": {"degrees": {"direct": 0.3333333333}})";

std::vector<std::string> Keys(const json::object& o) {
  std::vector<std::string> keys;
  for (const auto& member : o) keys.emplace_back(member.key().data(), member.key().size());
  return keys;
}

std::vector<std::string> Strings(const json::value& v) {
  std::vector<std::string> out;
  for (const json::value& e : v.as_array()) {
    const json::string& text = e.as_string();
    out.emplace_back(text.data(), text.size());
  }
  return out;
}

TEST(Accountability, AccountingToJsonHasTheSpecShape) {
  const Outcome o = AccountFor(Doc(kJsonModel), "i1");
  ASSERT_TRUE(o.snapshot.has_value());
  const std::string text = zeren::AccountingToJson(o.s(), o.accounting);
  json::value root = json::parse(text);
  const json::object& top = root.as_object();
  EXPECT_THAT(Keys(top), ElementsAre("incident", "date", "since", "severity", "parties"));
  EXPECT_EQ(top.at("incident").as_string(), "i1");
  EXPECT_EQ(top.at("date").as_string(), "2025-05-01");
  EXPECT_EQ(top.at("since").as_string(), "2024-09-01");
  EXPECT_EQ(top.at("severity").as_string(), "serious");

  const json::array& parties = top.at("parties").as_array();
  ASSERT_EQ(parties.size(), 3u);
  // b (0.8), s (0.6), w (0.3333333333, printed rounded to 6 decimals).
  const json::object& b = parties[0].as_object();
  EXPECT_THAT(Keys(b), ElementsAre("party", "category", "degree", "form", "adjustments", "because"));
  EXPECT_THAT(Keys(b.at("party").as_object()), ElementsAre("unit"));
  EXPECT_EQ(b.at("party").at("unit").as_string(), "b");
  EXPECT_EQ(b.at("category").as_string(), "overall_leadership");
  EXPECT_DOUBLE_EQ(b.at("degree").to_number<double>(), 0.8);
  EXPECT_EQ(b.at("form").as_string(), "self_examination");
  EXPECT_THAT(Strings(b.at("adjustments")), ElementsAre("due_diligence:-1"));
  EXPECT_THAT(Strings(b.at("because")), ElementsAre("the incident happened at 秘书局党支部 (b)"));

  const json::object& s = parties[1].as_object();
  EXPECT_THAT(Keys(s.at("party").as_object()), ElementsAre("person"));
  EXPECT_EQ(s.at("party").at("person").as_string(), "s");
  EXPECT_EQ(s.at("category").as_string(), "main_leadership");
  EXPECT_DOUBLE_EQ(s.at("degree").to_number<double>(), 0.6);
  EXPECT_EQ(s.at("form").as_string(), "circulated_notice");
  EXPECT_THAT(Strings(s.at("adjustments")), ElementsAre("due_diligence:-1"));
  EXPECT_THAT(Strings(s.at("because")),
              ElementsAre("Sec (s), secretary of 秘书局党支部 (b) from 2021-03-01"));

  const json::object& w = parties[2].as_object();
  EXPECT_EQ(w.at("party").at("person").as_string(), "w");
  EXPECT_EQ(w.at("category").as_string(), "direct");
  EXPECT_DOUBLE_EQ(w.at("degree").to_number<double>(), 0.333333);
  EXPECT_EQ(w.at("form").as_string(), "disciplinary_sanction");
  EXPECT_THAT(Strings(w.at("adjustments")), ElementsAre("concealment:+1", "due_diligence:-1"));
  EXPECT_THAT(Strings(w.at("because")), ElementsAre("Staff D (w) is named as direct in i1"));
  // The text itself carries the rounded degree, not the policy's.
  EXPECT_THAT(text, ::testing::HasSubstr("0.333333"));
  EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr("0.3333333")));
}

TEST(Accountability, AccountingToJsonLeavesOutSinceWhenTheIncidentHasNone) {
  const Outcome o = AccountFor(Doc(kJsonModel), "i2");
  ASSERT_TRUE(o.snapshot.has_value());
  json::value root = json::parse(zeren::AccountingToJson(o.s(), o.accounting));
  EXPECT_THAT(Keys(root.as_object()), ElementsAre("incident", "date", "severity", "parties"));
  EXPECT_EQ(root.at("date").as_string(), "2025-06-01");
  EXPECT_EQ(root.at("severity").as_string(), "minor");
  const json::array& parties = root.at("parties").as_array();
  ASSERT_EQ(parties.size(), 2u);
  EXPECT_EQ(parties[0].at("party").at("unit").as_string(), "b");
  EXPECT_EQ(parties[0].at("form").as_string(), "self_examination");
  EXPECT_TRUE(parties[0].at("adjustments").as_array().empty());
  EXPECT_EQ(parties[1].at("party").at("person").as_string(), "s");
}

TEST(Accountability, AccountingsToJsonWrapsEachIncident) {
  const std::optional<Snapshot> s = Compile(Doc(kJsonModel));
  ASSERT_TRUE(s.has_value());
  Accountant accountant(*s);
  std::vector<Accounting> all(2);
  accountant.Account(0, &all[0]);
  accountant.Account(1, &all[1]);
  json::value root = json::parse(zeren::AccountingsToJson(*s, all));
  EXPECT_THAT(Keys(root.as_object()), ElementsAre("incidents"));
  const json::array& incidents = root.at("incidents").as_array();
  ASSERT_EQ(incidents.size(), 2u);
  EXPECT_EQ(incidents[0], json::parse(zeren::AccountingToJson(*s, all[0])));
  EXPECT_EQ(incidents[1], json::parse(zeren::AccountingToJson(*s, all[1])));
  EXPECT_EQ(incidents[0].at("incident").as_string(), "i1");
  EXPECT_EQ(incidents[1].at("incident").as_string(), "i2");
  EXPECT_THAT(Keys(json::parse(zeren::AccountingsToJson(*s, {})).as_object()),
              ElementsAre("incidents"));
  EXPECT_TRUE(json::parse(zeren::AccountingsToJson(*s, {})).at("incidents").as_array().empty());
}

// ---- forms, circumstances, exemption, clamping --------------------------------------------

// b with secretary s, deputy d (a participant) and staff w (direct). Minor, the base forms
// are: w admonishment (rung 2 of 0..4), b self_examination (1 of 0..3), s circulated_notice
// (1), d none (0).
std::string FormDoc(absl::string_view severity, absl::string_view circumstances,
                    absl::string_view policy = R"("default")") {
  return Doc(absl::StrCat(R"(
    "units": [{"id": "b", "name": "Branch", "kind": "branch"}],
    "people": [{"id": "w", "name": "Worker"}, {"id": "s", "name": "Sec"}, {"id": "d", "name": "Dep"}],
    "posts": [{"person": "s", "unit": "b", "role": "secretary", "from": "2020-01-01"},
              {"person": "d", "unit": "b", "role": "deputy", "from": "2020-01-01"},
              {"person": "w", "unit": "b", "role": "staff", "from": "2020-01-01"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": ")",
                          severity, R"(", "direct": ["w"], "participants": ["d"],
                   "circumstances": )",
                          circumstances, R"(}],
    "policy": )",
                          policy));
}

using Adj = std::vector<std::string>;

std::vector<Row> MinorRows(const std::string& w, const Adj& wa, const std::string& b,
                           const Adj& ba, const std::string& s, const Adj& sa,
                           const std::string& d, const Adj& da) {
  return {Row{"person:w", "direct", 1.0, w, wa}, Row{"unit:b", "overall_leadership", 0.8, b, ba},
          Row{"person:s", "main_leadership", 0.6, s, sa},
          Row{"person:d", "important_leadership", 0.3, d, da}};
}

TEST(AccountabilityForm, BaseFormsComeFromThePolicyBySeverity) {
  EXPECT_EQ(AccountFor(FormDoc("minor", "[]"), "i1").Rows(),
            MinorRows("admonishment", {}, "self_examination", {}, "circulated_notice", {}, "none",
                      {}));
  EXPECT_EQ(AccountFor(FormDoc("serious", "[]"), "i1").Rows(),
            MinorRows("disciplinary_sanction", {}, "circulated_notice", {}, "admonishment", {},
                      "circulated_notice", {}));
  EXPECT_EQ(AccountFor(FormDoc("grave", "[]"), "i1").Rows(),
            MinorRows("disciplinary_sanction", {}, "reorganization", {},
                      "organizational_adjustment", {}, "admonishment", {}));
  // "none" is a form a policy may give.
  EXPECT_EQ(AccountFor(FormDoc("minor", "[]", R"({"forms": {"direct": {"minor": "none"},
                                                  "overall_leadership": {"minor": "none"}}})"),
                       "i1")
                .Rows(),
            MinorRows("none", {}, "none", {}, "circulated_notice", {}, "none", {}));
}

TEST(AccountabilityForm, AggravatingCircumstancesRaiseByOneRung) {
  for (const char* kind : {"repeat", "concealment", "obstruction", "refused_rectification"}) {
    SCOPED_TRACE(kind);
    const std::string adj = absl::StrCat(kind, ":+1");
    // Without person: every party, the unit included.
    EXPECT_EQ(AccountFor(FormDoc("minor", absl::StrCat(R"([{"kind": ")", kind, R"("}])")), "i1")
                  .Rows(),
              MinorRows("organizational_adjustment", {adj}, "circulated_notice", {adj},
                        "admonishment", {adj}, "circulated_notice", {adj}));
    // With person: that person only.
    EXPECT_EQ(AccountFor(FormDoc("minor", absl::StrCat(R"([{"kind": ")", kind,
                                                       R"(", "person": "s"}])")),
                         "i1")
                  .Rows(),
              MinorRows("admonishment", {}, "self_examination", {}, "admonishment", {adj}, "none",
                        {}));
  }
}

TEST(AccountabilityForm, MitigatingCircumstancesLowerByOneRung) {
  for (const char* kind : {"self_report", "prompt_rectification", "due_diligence"}) {
    SCOPED_TRACE(kind);
    const std::string adj = absl::StrCat(kind, ":-1");
    EXPECT_EQ(AccountFor(FormDoc("minor", absl::StrCat(R"([{"kind": ")", kind, R"("}])")), "i1")
                  .Rows(),
              MinorRows("circulated_notice", {adj}, "none", {adj}, "none", {adj}, "none", {adj}));
    EXPECT_EQ(AccountFor(FormDoc("minor", absl::StrCat(R"([{"kind": ")", kind,
                                                       R"(", "person": "w"}])")),
                         "i1")
                  .Rows(),
              MinorRows("circulated_notice", {adj}, "self_examination", {}, "circulated_notice",
                        {}, "none", {}));
  }
}

TEST(AccountabilityForm, ObjectionOnRecordExemptsWithFormNoneAndTheDegreeUnchanged) {
  const std::string adj = "objection_on_record:exempt";
  const Outcome all = AccountFor(FormDoc("grave", R"([{"kind": "objection_on_record"}])"), "i1");
  EXPECT_EQ(all.Rows(), MinorRows("none", {adj}, "none", {adj}, "none", {adj}, "none", {adj}));
  const Outcome one =
      AccountFor(FormDoc("grave", R"([{"kind": "objection_on_record", "person": "s"}])"), "i1");
  EXPECT_EQ(one.Rows(), MinorRows("disciplinary_sanction", {}, "reorganization", {}, "none", {adj},
                                  "admonishment", {}));
  // Exemption keeps the party and its reasons.
  EXPECT_THAT(one.Because("person:s"),
              ElementsAre("Sec (s), secretary of Branch (b) from 2020-01-01"));
}

TEST(AccountabilityForm, ExemptionListsEveryApplicableEntryInTheIncidentsOrder) {
  const Outcome o = AccountFor(FormDoc("minor", R"([
      {"kind": "repeat", "person": "w"}, {"kind": "objection_on_record", "person": "w"},
      {"kind": "self_report", "person": "w"}, {"kind": "concealment", "person": "s"}])"),
                               "i1");
  EXPECT_EQ(o.Rows(), MinorRows("none", {"repeat:+1", "objection_on_record:exempt", "self_report:-1"},
                                "self_examination", {}, "admonishment", {"concealment:+1"}, "none",
                                {}));
}

TEST(AccountabilityForm, AnExemptingPolicyStepForAnotherKindExemptsToo) {
  const Outcome o = AccountFor(FormDoc("minor", R"([{"kind": "due_diligence", "person": "s"}])",
                                       R"({"circumstances": {"due_diligence": "exempt",
                                                             "objection_on_record": -1}})"),
                               "i1");
  EXPECT_EQ(o.Rows(), MinorRows("admonishment", {}, "self_examination", {}, "none",
                                {"due_diligence:exempt"}, "none", {}));
}

TEST(AccountabilityForm, ZeroStepsAreLeftOutOfAdjustments) {
  const Outcome o = AccountFor(
      FormDoc("minor",
              R"([{"kind": "repeat"}, {"kind": "concealment", "person": "w"},
                  {"kind": "self_report", "person": "s"}])",
              R"({"circumstances": {"repeat": 0, "concealment": 2, "self_report": -2}})"),
      "i1");
  EXPECT_EQ(o.Rows(), MinorRows("disciplinary_sanction", {"concealment:+2"}, "self_examination", {},
                                "none", {"self_report:-2"}, "none", {}));
}

TEST(AccountabilityForm, DuplicateEntriesCountTwice) {
  const Outcome o = AccountFor(
      FormDoc("minor", R"([{"kind": "concealment", "person": "w"},
                           {"kind": "concealment", "person": "w"},
                           {"kind": "self_report"}, {"kind": "self_report"}])"),
      "i1");
  // w: 2 + 1 + 1 - 1 - 1 = 2; b: 1 - 2 = -1, clamped to none; s: 1 - 2 -> none.
  EXPECT_EQ(o.Rows(),
            MinorRows("admonishment",
                      {"concealment:+1", "concealment:+1", "self_report:-1", "self_report:-1"},
                      "none", {"self_report:-1", "self_report:-1"}, "none",
                      {"self_report:-1", "self_report:-1"}, "none",
                      {"self_report:-1", "self_report:-1"}));
}

TEST(AccountabilityForm, FormsClampAtTheTopOfBothLaddersWithTheAdjustmentListed) {
  const Outcome o = AccountFor(FormDoc("grave", R"([{"kind": "repeat"}])"), "i1");
  EXPECT_EQ(o.Rows(), MinorRows("disciplinary_sanction", {"repeat:+1"}, "reorganization",
                                {"repeat:+1"}, "disciplinary_sanction", {"repeat:+1"},
                                "organizational_adjustment", {"repeat:+1"}));
}

TEST(AccountabilityForm, FormsClampAtTheBottomOfBothLaddersWithTheAdjustmentListed) {
  const Outcome o = AccountFor(
      FormDoc("minor", R"([{"kind": "prompt_rectification", "person": "d"},
                           {"kind": "due_diligence"}, {"kind": "due_diligence"}])"),
      "i1");
  EXPECT_EQ(o.Rows(),
            MinorRows("none", {"due_diligence:-1", "due_diligence:-1"}, "none",
                      {"due_diligence:-1", "due_diligence:-1"}, "none",
                      {"due_diligence:-1", "due_diligence:-1"}, "none",
                      {"prompt_rectification:-1", "due_diligence:-1", "due_diligence:-1"}));
}

TEST(AccountabilityForm, StepsAreSummedBeforeClamping) {
  // Minor, b: 1 - 1 - 1 + 1 = 0 -> none (clamping after each step would give
  // self_examination). Serious, w: 4 + 1 - 1 = 4 -> disciplinary_sanction (clamping after
  // each step would give organizational_adjustment).
  EXPECT_EQ(AccountFor(FormDoc("minor", R"([{"kind": "self_report"}, {"kind": "self_report"},
                                           {"kind": "repeat"}])"),
                       "i1")
                .Rows(),
            MinorRows("circulated_notice", {"self_report:-1", "self_report:-1", "repeat:+1"},
                      "none", {"self_report:-1", "self_report:-1", "repeat:+1"}, "none",
                      {"self_report:-1", "self_report:-1", "repeat:+1"}, "none",
                      {"self_report:-1", "self_report:-1", "repeat:+1"}));
  EXPECT_EQ(AccountFor(FormDoc("serious", R"([{"kind": "repeat"}, {"kind": "self_report"}])"),
                       "i1")
                .Rows(),
            MinorRows("disciplinary_sanction", {"repeat:+1", "self_report:-1"}, "circulated_notice",
                      {"repeat:+1", "self_report:-1"}, "admonishment",
                      {"repeat:+1", "self_report:-1"}, "circulated_notice",
                      {"repeat:+1", "self_report:-1"}));
}

TEST(AccountabilityForm, CircumstanceNamingSomeoneNotReachedChangesNothing) {
  const std::string doc = Doc(R"(
    "units": [{"id": "b", "name": "Branch", "kind": "branch"}],
    "people": [{"id": "w", "name": "Worker"}, {"id": "x", "name": "Outsider"}],
    "incidents": [{"id": "i1", "unit": "b", "date": "2025-05-01", "severity": "minor",
                   "direct": ["w"], "circumstances": [{"kind": "objection_on_record", "person": "x"},
                                                      {"kind": "repeat", "person": "x"}]}])");
  EXPECT_THAT(AccountFor(doc, "i1").Rows(),
              ElementsAre(Row{"person:w", "direct", 1.0, "admonishment", {}},
                          Row{"unit:b", "overall_leadership", 0.8, "self_examination", {}}));
}

TEST(AccountabilityForm, DescribeAdjustment) {
  using zeren::Adjustment;
  EXPECT_EQ(zeren::Describe(Adjustment{CircumstanceKind::kRepeat, false, 1}), "repeat:+1");
  EXPECT_EQ(zeren::Describe(Adjustment{CircumstanceKind::kRefusedRectification, false, 3}),
            "refused_rectification:+3");
  EXPECT_EQ(zeren::Describe(Adjustment{CircumstanceKind::kSelfReport, false, -2}), "self_report:-2");
  EXPECT_EQ(zeren::Describe(Adjustment{CircumstanceKind::kObjectionOnRecord, true, 0}),
            "objection_on_record:exempt");
  EXPECT_EQ(zeren::Describe(Adjustment{CircumstanceKind::kDueDiligence, true, 0}),
            "due_diligence:exempt");
}

// ---- lifelong accountability ------------------------------------------------------------

// b's secretary changes on E = 2025-03-01: `old` holds [2020-01-01, E), `new` [E, open).
// `late` becomes head on 2025-06-01.
constexpr char kSuccession[] = R"(
    "units": [{"id": "b", "name": "Branch", "kind": "branch"}],
    "people": [{"id": "old", "name": "Old"}, {"id": "new", "name": "New"}, {"id": "late", "name": "Late"}],
    "posts": [{"person": "old", "unit": "b", "role": "secretary", "from": "2020-01-01",
               "to": "2025-03-01"},
              {"person": "new", "unit": "b", "role": "secretary", "from": "2025-03-01"},
              {"person": "late", "unit": "b", "role": "head", "from": "2025-06-01"}],
    "incidents": [
      {"id": "e_minus_1", "unit": "b", "date": "2025-02-28", "severity": "serious"},
      {"id": "e", "unit": "b", "date": "2025-03-01", "severity": "serious"},
      {"id": "e_plus_1", "unit": "b", "date": "2025-03-02", "severity": "serious"},
      {"id": "since_e_minus_1", "unit": "b", "date": "2025-03-02", "since": "2025-02-28",
       "severity": "serious"},
      {"id": "since_long_before", "unit": "b", "date": "2025-05-31", "since": "2019-01-01",
       "severity": "serious"},
      {"id": "since_e", "unit": "b", "date": "2025-03-02", "since": "2025-03-01",
       "severity": "serious"},
      {"id": "before_late", "unit": "b", "date": "2025-05-31", "severity": "serious"},
      {"id": "late_starts_within", "unit": "b", "date": "2025-07-01", "since": "2025-05-01",
       "severity": "serious"},
      {"id": "late_starts_on_date", "unit": "b", "date": "2025-06-01", "severity": "serious"}])";

const Row kSuccessionUnit{"unit:b", "overall_leadership", 0.8, "circulated_notice", {}};
Row Main(const char* who) { return Row{absl::StrCat("person:", who), "main_leadership", 0.6, "admonishment", {}}; }

TEST(Lifelong, PostEndingOnDayEReachesIncidentsUpToTheDayBefore) {
  const std::string doc = Doc(kSuccession);
  const Outcome before = AccountFor(doc, "e_minus_1");
  EXPECT_THAT(before.Rows(), ElementsAre(kSuccessionUnit, Main("old")));
  EXPECT_THAT(before.Because("person:old"),
              ElementsAre("Old (old), secretary of Branch (b) from 2020-01-01 to 2025-03-01"));
  EXPECT_THAT(AccountFor(doc, "e").Rows(), ElementsAre(kSuccessionUnit, Main("new")));
  EXPECT_THAT(AccountFor(doc, "e_plus_1").Rows(), ElementsAre(kSuccessionUnit, Main("new")));
}

TEST(Lifelong, SinceReachesWhoeverHeldThePostDuringTheBuildUp) {
  const std::string doc = Doc(kSuccession);
  const Outcome o = AccountFor(doc, "since_e_minus_1");
  EXPECT_THAT(o.Rows(), ElementsAre(kSuccessionUnit, Main("new"), Main("old")));
  EXPECT_THAT(o.Because("person:old"),
              ElementsAre("Old (old), secretary of Branch (b) from 2020-01-01 to 2025-03-01"));
  EXPECT_THAT(AccountFor(doc, "since_long_before").Rows(),
              ElementsAre(kSuccessionUnit, Main("new"), Main("old")));
  // since = E: the old post no longer held on any day of [E, date].
  EXPECT_THAT(AccountFor(doc, "since_e").Rows(), ElementsAre(kSuccessionUnit, Main("new")));
}

TEST(Lifelong, PostStartingAfterTheIncidentIsNotReachedButOneStartingWithinSinceIs) {
  const std::string doc = Doc(kSuccession);
  EXPECT_THAT(AccountFor(doc, "before_late").Rows(), ElementsAre(kSuccessionUnit, Main("new")));
  EXPECT_THAT(AccountFor(doc, "late_starts_within").Rows(),
              ElementsAre(kSuccessionUnit, Main("late"), Main("new")));
  EXPECT_THAT(AccountFor(doc, "late_starts_on_date").Rows(),
              ElementsAre(kSuccessionUnit, Main("late"), Main("new")));
}

// Every post and link ends on 2025-03-01; the incidents are dated 2025-04-01.
constexpr char kAllEnded[] = R"(
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "dc", "name": "Discipline", "kind": "discipline_commission", "parents": ["org"]},
              {"id": "b", "name": "Branch", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "s", "name": "Sec"}, {"id": "c", "name": "InCharge"}, {"id": "a", "name": "Above"},
               {"id": "p", "name": "Part"}, {"id": "dh", "name": "DutyHead"}, {"id": "x", "name": "Dis"},
               {"id": "g", "name": "Guide"}, {"id": "u", "name": "Up"}],
    "posts": [{"person": "s", "unit": "b", "role": "secretary", "from": "2020-01-01", "to": "2025-03-01"},
              {"person": "c", "unit": "org", "role": "member", "from": "2020-01-01", "to": "2025-03-01",
               "in_charge_of": ["b"]},
              {"person": "a", "unit": "org", "role": "deputy", "from": "2020-01-01", "to": "2025-03-01",
               "in_charge_of": ["org"]},
              {"person": "p", "unit": "b", "role": "member", "from": "2020-01-01", "to": "2025-03-01"},
              {"person": "dh", "unit": "b", "role": "head", "from": "2020-01-01", "to": "2025-03-01"},
              {"person": "x", "unit": "dc", "role": "discipline_secretary", "from": "2020-01-01",
               "to": "2025-03-01"},
              {"person": "u", "unit": "org", "role": "secretary", "from": "2020-01-01", "to": "2025-03-01"}],
    "links": [{"kind": "supervises", "from": "dc", "to": "b", "to_date": "2025-03-01"},
              {"kind": "guides", "from": "g", "to": "b", "from_date": "2020-01-01", "to_date": "2025-03-01"}],
    "duties": [{"id": "du", "holder": {"unit": "b", "role": "head"}, "category": "specialized"}],
    "incidents": [
      {"id": "now", "unit": "b", "date": "2025-04-01", "severity": "grave", "participants": ["p"],
       "duty": "du"},
      {"id": "built_up", "unit": "b", "date": "2025-04-01", "since": "2025-02-01", "severity": "grave",
       "participants": ["p"], "duty": "du"}])";

TEST(Lifelong, SinceAppliesToEveryRulesPostsAndLinks) {
  const std::string doc = Doc(kAllEnded);
  EXPECT_THAT(AccountFor(doc, "now").Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "reorganization", {}}));
  const Outcome o = AccountFor(doc, "built_up");
  EXPECT_THAT(o.Rows(),
              ElementsAre(Row{"unit:b", "overall_leadership", 0.8, "reorganization", {}},
                          Row{"person:c", "main_leadership", 0.6, "organizational_adjustment", {}},
                          Row{"person:dh", "main_leadership", 0.6, "organizational_adjustment", {}},
                          Row{"person:s", "main_leadership", 0.6, "organizational_adjustment", {}},
                          Row{"person:u", "upward", 0.5, "admonishment", {}},
                          Row{"person:x", "supervisory", 0.4, "admonishment", {}},
                          Row{"person:a", "important_leadership", 0.3, "admonishment", {}},
                          Row{"person:p", "important_leadership", 0.3, "admonishment", {}},
                          Row{"person:g", "guidance", 0.3, "admonishment", {}}));
  // dh: head of b (main) and holder of the specialized duty (important), in rule order.
  EXPECT_THAT(o.Because("person:dh"),
              ElementsAre("DutyHead (dh), head of Branch (b) from 2020-01-01 to 2025-03-01",
                          "DutyHead (dh), head of Branch (b) from 2020-01-01 to 2025-03-01, "
                          "holds duty du (specialized)"));
  EXPECT_THAT(o.Because("person:x"),
              ElementsAre("Dis (x), discipline_secretary of Discipline (dc) from 2020-01-01 to "
                          "2025-03-01, which supervises Branch (b)"));
  EXPECT_THAT(o.Because("person:u"),
              ElementsAre("Up (u), secretary of Org (org) from 2020-01-01 to 2025-03-01, 1 step "
                          "above Branch (b)"));
}

}  // namespace
