// The chain-health audit (spec/model-format.md, "Audit" and "Outputs"): each finding kind
// present and absent on hand-built organizations, the exact detail texts, the order of the
// findings and the JSON shape of AuditToJson.
//
// Every test starts from one organization that has no finding on 2025-06-30 and changes a
// few of its parts:
//
//   org (leading_group) ── dc (discipline_commission; supervises org)
//     ├── opc (organ_committee) ── gb (general_branch) ── b1 (branch) ── g1 (group)
//     └── b9 (branch)
//
// with a secretary in org, opc, gb, b1 and b9, a discipline secretary in dc, and p_guide
// guiding b1 and b9.
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "zeren/audit.h"
#include "zeren/date.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/problem.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"

namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;
using zeren::AuditReport;
using zeren::Date;
using zeren::Finding;
using zeren::FindingKind;
using zeren::FindingSeverity;
using zeren::Model;
using zeren::Snapshot;

constexpr absl::string_view kDay = "2025-06-30";

Date Day(absl::string_view text) {
  const std::optional<Date> d = zeren::ParseDate(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(0);
}

// ---- an organization assembled from labelled parts -----------------------------------

enum Section { kUnits, kPeople, kPosts, kLinks, kDuties, kDirectives, kSectionCount };

class Org {
 public:
  // Adds a part, or replaces the part with the same label.
  Org& Put(Section section, const std::string& label, std::string text) {
    for (Item& item : items_) {
      if (item.label == label) {
        item = {section, label, std::move(text)};
        return *this;
      }
    }
    items_.push_back({section, label, std::move(text)});
    return *this;
  }
  Org& Drop(const std::string& label) {
    for (auto it = items_.begin(); it != items_.end(); ++it) {
      if (it->label == label) {
        items_.erase(it);
        return *this;
      }
    }
    ADD_FAILURE() << "no part " << label;
    return *this;
  }
  Org& Settings(std::string text) {
    settings_ = std::move(text);
    return *this;
  }

  Org& Unit(const std::string& id, const std::string& name, const std::string& kind,
            const std::string& parents = "", const std::string& extra = "") {
    std::string text = absl::StrCat(R"({"id": ")", id, R"(", "name": ")", name,
                                    R"(", "kind": ")", kind, R"(")");
    if (!parents.empty()) absl::StrAppend(&text, R"(, "parents": )", parents);
    if (!extra.empty()) absl::StrAppend(&text, ", ", extra);
    return Put(kUnits, "unit:" + id, text + "}");
  }
  Org& Person(const std::string& id) {
    return Put(kPeople, "person:" + id,
               absl::StrCat(R"({"id": ")", id, R"(", "name": "Person )", id, R"("})"));
  }
  // A post labelled `label`, held from `from` (and until `to` when given).
  Org& Post(const std::string& label, const std::string& person, const std::string& unit,
            const std::string& role, const std::string& from = "2020-01-01",
            const std::string& to = "") {
    std::string text = absl::StrCat(R"({"person": ")", person, R"(", "unit": ")", unit,
                                    R"(", "role": ")", role, R"(", "from": ")", from, R"(")");
    if (!to.empty()) absl::StrAppend(&text, R"(, "to": ")", to, R"(")");
    return Put(kPosts, label, text + "}");
  }
  Org& Link(const std::string& label, const std::string& kind, const std::string& from,
            const std::string& to, const std::string& from_date = "",
            const std::string& to_date = "") {
    std::string text = absl::StrCat(R"({"kind": ")", kind, R"(", "from": ")", from,
                                    R"(", "to": ")", to, R"(")");
    if (!from_date.empty()) absl::StrAppend(&text, R"(, "from_date": ")", from_date, R"(")");
    if (!to_date.empty()) absl::StrAppend(&text, R"(, "to_date": ")", to_date, R"(")");
    return Put(kLinks, label, text + "}");
  }
  Org& Duty(const std::string& id, const std::string& holder, const std::string& category) {
    return Put(kDuties, "duty:" + id,
               absl::StrCat(R"({"id": ")", id, R"(", "holder": )", holder, R"(, "category": ")",
                            category, R"(", "text": "..."})"));
  }
  Org& Directive(const std::string& id, std::string text) {
    return Put(kDirectives, "directive:" + id, std::move(text));
  }

  std::string Document() const {
    static constexpr const char* kNames[] = {"units", "people", "posts", "links", "duties",
                                             "directives"};
    std::string doc = R"({"format": "zeren-model", "version": 1)";
    if (!settings_.empty()) absl::StrAppend(&doc, R"(, "settings": )", settings_);
    for (int s = 0; s < kSectionCount; ++s) {
      std::vector<std::string> parts;
      for (const Item& item : items_) {
        if (item.section == s) parts.push_back(item.text);
      }
      absl::StrAppend(&doc, ",\n \"", kNames[s], "\": [\n  ", absl::StrJoin(parts, ",\n  "),
                      "]");
    }
    return doc + "}";
  }

 private:
  struct Item {
    Section section;
    std::string label;
    std::string text;
  };
  std::vector<Item> items_;
  std::string settings_;
};

Org Baseline() {
  Org org;
  org.Unit("org", "Bureau", "leading_group")
      .Unit("dc", "Discipline Commission", "discipline_commission", R"(["org"])")
      .Unit("opc", "Organ Committee", "organ_committee", R"(["org"])")
      .Unit("gb", "General Branch", "general_branch", R"(["opc"])")
      .Unit("b1", "Branch One", "branch", R"(["gb"])")
      .Unit("g1", "Group One", "group", R"(["b1"])")
      .Unit("b9", "Branch Nine", "branch", R"(["org"])");
  for (const char* p : {"p_org", "p_dc", "p_opc", "p_gb", "p_b1", "p_b9", "p_guide"}) {
    org.Person(p);
  }
  org.Post("s_org", "p_org", "org", "secretary")
      .Post("s_dc", "p_dc", "dc", "discipline_secretary")
      .Post("s_opc", "p_opc", "opc", "secretary")
      .Post("s_gb", "p_gb", "gb", "secretary")
      .Post("s_b1", "p_b1", "b1", "secretary")
      .Post("s_b9", "p_b9", "b9", "secretary");
  org.Link("sup", "supervises", "dc", "org")
      .Link("guide_b1", "guides", "p_guide", "b1")
      .Link("guide_b9", "guides", "p_guide", "b9");
  return org;
}

// ---- running the audit ---------------------------------------------------------------

struct Audited {
  std::optional<Snapshot> snapshot;
  AuditReport report;

  const Snapshot& s() const { return *snapshot; }

  // "kind:subject", with ":unit" for conflicts and ":directive" for stalled cascades.
  std::string Label(const Finding& f) const {
    const std::string kind(zeren::Name(f.kind));
    switch (f.kind) {
      case FindingKind::kConflictOfInterest:
        return absl::StrCat(kind, ":", s().person_id(f.person), ":", s().unit_id(f.unit));
      case FindingKind::kOverloadedPerson:
        return absl::StrCat(kind, ":", s().person_id(f.person));
      case FindingKind::kDutyWithoutHolder:
        return absl::StrCat(kind, ":", s().duty_id(f.duty));
      case FindingKind::kStalledCascade:
        return absl::StrCat(kind, ":", s().unit_id(f.unit), ":", s().directive_id(f.directive));
      default:
        return absl::StrCat(kind, ":", s().unit_id(f.unit));
    }
  }

  std::vector<std::string> All() const {
    std::vector<std::string> out;
    if (!snapshot) return {"<no snapshot>"};
    for (const Finding& f : report.findings) out.push_back(Label(f));
    return out;
  }

  std::vector<std::string> Of(FindingKind kind) const {
    std::vector<std::string> out;
    if (!snapshot) return {"<no snapshot>"};
    for (const Finding& f : report.findings) {
      if (f.kind == kind) out.push_back(Label(f));
    }
    return out;
  }

  // The detail of the finding labelled `label`.
  std::string Detail(const std::string& label) const {
    if (!snapshot) return "<no snapshot>";
    for (const Finding& f : report.findings) {
      if (Label(f) == label) return f.detail;
    }
    return "<no finding " + label + ">";
  }

  const Finding* Find(const std::string& label) const {
    if (!snapshot) return nullptr;
    for (const Finding& f : report.findings) {
      if (Label(f) == label) return &f;
    }
    return nullptr;
  }
};

Audited AuditOf(const Org& org, absl::string_view day = kDay) {
  Audited out;
  zeren::ProblemList problems;
  absl::StatusOr<Model> model = zeren::ParseModelJson(org.Document(), &problems);
  if (!model.ok()) {
    std::string all;
    for (const zeren::Problem& p : problems.kept()) absl::StrAppend(&all, "\n  ", p.ToString());
    ADD_FAILURE() << "model rejected: " << model.status() << all << "\n" << org.Document();
    return out;
  }
  absl::StatusOr<Snapshot> snapshot = Snapshot::Compile(*model);
  if (!snapshot.ok()) {
    ADD_FAILURE() << snapshot.status();
    return out;
  }
  out.snapshot = *std::move(snapshot);
  out.report = zeren::AuditAsOf(*out.snapshot, Day(day));
  EXPECT_EQ(out.report.as_of, Day(day));
  return out;
}

// ---- names and severities --------------------------------------------------------------

TEST(Audit, KindNamesAndSeverities) {
  const std::vector<std::pair<FindingKind, std::pair<const char*, FindingSeverity>>> kinds = {
      {FindingKind::kVacantFirstResponsible,
       {"vacant_first_responsible", FindingSeverity::kCritical}},
      {FindingKind::kConflictOfInterest, {"conflict_of_interest", FindingSeverity::kCritical}},
      {FindingKind::kUnsupervised, {"unsupervised", FindingSeverity::kWarning}},
      {FindingKind::kUnguidedBranch, {"unguided_branch", FindingSeverity::kWarning}},
      {FindingKind::kDutyWithoutHolder, {"duty_without_holder", FindingSeverity::kWarning}},
      {FindingKind::kStalledCascade, {"stalled_cascade", FindingSeverity::kWarning}},
      {FindingKind::kOverdueTasks, {"overdue_tasks", FindingSeverity::kWarning}},
      {FindingKind::kOverloadedPerson, {"overloaded_person", FindingSeverity::kInfo}},
  };
  for (const auto& [kind, expected] : kinds) {
    EXPECT_EQ(zeren::Name(kind), expected.first);
    EXPECT_EQ(zeren::SeverityOf(kind), expected.second) << expected.first;
  }
  EXPECT_EQ(zeren::Name(FindingSeverity::kCritical), "critical");
  EXPECT_EQ(zeren::Name(FindingSeverity::kWarning), "warning");
  EXPECT_EQ(zeren::Name(FindingSeverity::kInfo), "info");
}

TEST(Audit, BaselineHasNoFindings) {
  const Audited a = AuditOf(Baseline());
  ASSERT_TRUE(a.snapshot.has_value());
  EXPECT_THAT(a.All(), IsEmpty());
}

// ---- vacant_first_responsible ----------------------------------------------------------

TEST(Audit, VacantFirstResponsibleForEachKindThatNeedsOne) {
  Org org = Baseline();
  org.Drop("s_org").Drop("s_dc").Drop("s_opc").Drop("s_gb").Drop("s_b1");
  const Audited a = AuditOf(org);
  // g1 is a group: no secretary is needed there. b9 keeps its secretary.
  EXPECT_THAT(a.Of(FindingKind::kVacantFirstResponsible),
              ElementsAre("vacant_first_responsible:b1", "vacant_first_responsible:dc",
                          "vacant_first_responsible:gb", "vacant_first_responsible:opc",
                          "vacant_first_responsible:org"));
  EXPECT_EQ(a.Detail("vacant_first_responsible:b1"),
            "Branch One (b1) (branch) has no secretary on 2025-06-30");
  EXPECT_EQ(a.Detail("vacant_first_responsible:dc"),
            "Discipline Commission (dc) (discipline_commission) has no discipline_secretary on "
            "2025-06-30");
  EXPECT_EQ(a.Detail("vacant_first_responsible:gb"),
            "General Branch (gb) (general_branch) has no secretary on 2025-06-30");
  EXPECT_EQ(a.Detail("vacant_first_responsible:opc"),
            "Organ Committee (opc) (organ_committee) has no secretary on 2025-06-30");
  EXPECT_EQ(a.Detail("vacant_first_responsible:org"),
            "Bureau (org) (leading_group) has no secretary on 2025-06-30");
  const Finding* f = a.Find("vacant_first_responsible:b1");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->person, zeren::kNoIndex);
  EXPECT_EQ(f->duty, zeren::kNoIndex);
  EXPECT_EQ(f->directive, zeren::kNoIndex);
}

TEST(Audit, OtherRolesDoNotFillTheFirstResponsiblePost) {
  Org org = Baseline();
  org.Person("p_x").Person("p_y").Person("p_z");
  org.Drop("s_b1").Post("h_b1", "p_x", "b1", "head").Post("d_b1", "p_y", "b1", "deputy");
  // A `secretary` in a discipline commission is not its discipline secretary.
  org.Drop("s_dc").Post("sec_dc", "p_z", "dc", "secretary");
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.Of(FindingKind::kVacantFirstResponsible),
              ElementsAre("vacant_first_responsible:b1", "vacant_first_responsible:dc"));
}

TEST(Audit, GroupsAndOtherKindsNeedNoSecretary) {
  Org org = Baseline();
  org.Unit("g2", "Group Two", "group", R"(["b9"])")
      .Unit("dep", "Department", "department", R"(["org"])")
      .Unit("odd", "Some Other Kind", "task_force", R"(["org"])");
  const Audited a = AuditOf(org);
  ASSERT_TRUE(a.snapshot.has_value());
  EXPECT_THAT(a.All(), IsEmpty());
}

TEST(Audit, UnitsThatDoNotExistOnTheDayAreNotAudited) {
  Org org = Baseline();
  // Ended on the day (`to` is the first day it no longer exists), and starting the day after.
  org.Unit("b_old", "Old Branch", "branch", R"(["gb"])", R"("to": "2025-06-30")")
      .Unit("dc_old", "Old Commission", "discipline_commission", R"(["org"])",
            R"("from": "2020-01-01", "to": "2025-06-30")")
      .Unit("b_new", "New Branch", "branch", R"(["b9"])", R"("from": "2025-07-01")")
      .Unit("root_new", "New Root", "leading_group", "", R"("from": "2025-07-01")")
      .Duty("du_old", R"({"unit": "b_old", "role": "secretary"})", "principal");
  const Audited a = AuditOf(org);
  ASSERT_TRUE(a.snapshot.has_value());
  EXPECT_THAT(a.All(), IsEmpty());

  // The day before, b_old and dc_old exist (and are reported); b_new and root_new do not.
  const Audited before = AuditOf(org, "2025-06-29");
  EXPECT_THAT(before.All(),
              ElementsAre("vacant_first_responsible:b_old", "vacant_first_responsible:dc_old",
                          "duty_without_holder:du_old", "unguided_branch:b_old"));

  // The day after, b_new and root_new exist: root_new is a root no one supervises.
  const Audited after = AuditOf(org, "2025-07-01");
  EXPECT_THAT(after.All(),
              ElementsAre("vacant_first_responsible:b_new", "vacant_first_responsible:root_new",
                          "unguided_branch:b_new", "unsupervised:root_new"));
}

TEST(Audit, APostThatEndedBeforeTheDayLeavesItVacant) {
  Org org = Baseline();
  org.Person("p_next");
  org.Post("s_b1", "p_b1", "b1", "secretary", "2020-01-01", "2025-06-30")
      .Post("s_b1_next", "p_next", "b1", "secretary", "2025-07-01");
  EXPECT_THAT(AuditOf(org).All(), ElementsAre("vacant_first_responsible:b1"));
  EXPECT_THAT(AuditOf(org, "2025-06-29").All(), IsEmpty());
  EXPECT_THAT(AuditOf(org, "2025-07-01").All(), IsEmpty());
  // A post starting on the day holds on it.
  org.Post("s_b1_next", "p_next", "b1", "secretary", "2025-06-30");
  EXPECT_THAT(AuditOf(org).All(), IsEmpty());
}

// ---- conflict_of_interest --------------------------------------------------------------

// dc supervises opc instead of org (org, dc and b9 are then unsupervised: filtered out).
Org ConflictBase() {
  Org org = Baseline();
  org.Link("sup", "supervises", "dc", "opc");
  return org;
}

TEST(Audit, ConflictWhenTheDisciplineSecretaryLeadsTheSupervisedUnit) {
  Org org = ConflictBase();
  org.Post("s_opc", "p_dc", "opc", "secretary");
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.Of(FindingKind::kConflictOfInterest),
              ElementsAre("conflict_of_interest:p_dc:opc"));
  EXPECT_EQ(a.Detail("conflict_of_interest:p_dc:opc"),
            "Person p_dc (p_dc) is discipline secretary of Discipline Commission (dc), which "
            "supervises Organ Committee (opc), and secretary of Organ Committee (opc)");
  const Finding* f = a.Find("conflict_of_interest:p_dc:opc");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->duty, zeren::kNoIndex);
  EXPECT_EQ(f->directive, zeren::kNoIndex);
}

TEST(Audit, ConflictWhenTheDisciplineSecretaryLeadsAUnitBelowTheSupervisedOne) {
  Org org = ConflictBase();
  org.Post("h_b1", "p_dc", "b1", "head");
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.Of(FindingKind::kConflictOfInterest), ElementsAre("conflict_of_interest:p_dc:b1"));
  EXPECT_EQ(a.Detail("conflict_of_interest:p_dc:b1"),
            "Person p_dc (p_dc) is discipline secretary of Discipline Commission (dc), which "
            "supervises Organ Committee (opc), and head of Branch One (b1)");

  // Three levels below (a group) counts too.
  Org deeper = ConflictBase();
  deeper.Post("h_g1", "p_dc", "g1", "secretary");
  EXPECT_THAT(AuditOf(deeper).Of(FindingKind::kConflictOfInterest),
              ElementsAre("conflict_of_interest:p_dc:g1"));
}

TEST(Audit, NoConflictForAUnitAboveOrBesideTheSupervisedOne) {
  Org org = ConflictBase();
  org.Post("s_org", "p_dc", "org", "secretary")  // above opc
      .Post("h_b9", "p_dc", "b9", "head")        // beside opc
      .Post("h_dc", "p_dc", "dc", "head");       // the body itself, beside opc
  EXPECT_THAT(AuditOf(org).Of(FindingKind::kConflictOfInterest), IsEmpty());
}

TEST(Audit, NoConflictForOtherRoles) {
  Org org = ConflictBase();
  org.Post("d_b1", "p_dc", "b1", "deputy").Post("m_gb", "p_dc", "gb", "member");
  EXPECT_THAT(AuditOf(org).Of(FindingKind::kConflictOfInterest), IsEmpty());
}

TEST(Audit, ConflictOnlyWhenTheLinkHoldsOnTheDay) {
  Org ended = ConflictBase();
  ended.Link("sup", "supervises", "dc", "opc", "2020-01-01", "2025-06-30")
      .Post("h_b1", "p_dc", "b1", "head");
  EXPECT_THAT(AuditOf(ended).Of(FindingKind::kConflictOfInterest), IsEmpty());
  EXPECT_THAT(AuditOf(ended, "2025-06-29").Of(FindingKind::kConflictOfInterest),
              ElementsAre("conflict_of_interest:p_dc:b1"));

  Org later = ConflictBase();
  later.Link("sup", "supervises", "dc", "opc", "2025-07-01").Post("h_b1", "p_dc", "b1", "head");
  EXPECT_THAT(AuditOf(later).Of(FindingKind::kConflictOfInterest), IsEmpty());
  EXPECT_THAT(AuditOf(later, "2025-07-01").Of(FindingKind::kConflictOfInterest),
              ElementsAre("conflict_of_interest:p_dc:b1"));
}

TEST(Audit, ConflictOnlyWhenBothPostsHoldOnTheDay) {
  Org watch_ended = ConflictBase();
  watch_ended.Post("s_dc", "p_dc", "dc", "discipline_secretary", "2020-01-01", "2025-06-30")
      .Post("h_b1", "p_dc", "b1", "head");
  EXPECT_THAT(AuditOf(watch_ended).Of(FindingKind::kConflictOfInterest), IsEmpty());
  EXPECT_THAT(AuditOf(watch_ended, "2025-06-29").Of(FindingKind::kConflictOfInterest),
              ElementsAre("conflict_of_interest:p_dc:b1"));

  Org lead_later = ConflictBase();
  lead_later.Post("h_b1", "p_dc", "b1", "head", "2025-07-01");
  EXPECT_THAT(AuditOf(lead_later).Of(FindingKind::kConflictOfInterest), IsEmpty());
  EXPECT_THAT(AuditOf(lead_later, "2025-07-01").Of(FindingKind::kConflictOfInterest),
              ElementsAre("conflict_of_interest:p_dc:b1"));

  Org lead_ended = ConflictBase();
  lead_ended.Post("h_b1", "p_dc", "b1", "head", "2020-01-01", "2025-06-30");
  EXPECT_THAT(AuditOf(lead_ended).Of(FindingKind::kConflictOfInterest), IsEmpty());
}

TEST(Audit, AConflictSeenThroughTwoLinksIsOneFinding) {
  Org org = ConflictBase();
  org.Link("sup_gb", "supervises", "dc", "gb").Post("h_b1", "p_dc", "b1", "head");
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.Of(FindingKind::kConflictOfInterest), ElementsAre("conflict_of_interest:p_dc:b1"));
}

// Two led units, one of them seen through both links: still one finding per led unit.
TEST(Audit, ConflictsThroughTwoLinksWithTwoLedUnitsAreNotRepeated) {
  Org org = ConflictBase();
  org.Unit("b2", "Branch Two", "branch", R"(["opc"])")
      .Link("sup_gb", "supervises", "dc", "gb")
      .Link("guide_b2", "guides", "p_guide", "b2")
      .Post("h_b1", "p_dc", "b1", "head", "2021-01-01")   // below opc and gb
      .Post("s_b2", "p_dc", "b2", "secretary", "2022-01-01");  // below opc only
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.Of(FindingKind::kConflictOfInterest),
              UnorderedElementsAre("conflict_of_interest:p_dc:b1", "conflict_of_interest:p_dc:b2"));
}

TEST(Audit, ConflictThroughTwoBodies) {
  // p_dc is discipline secretary of dc (supervising opc) and of dc2 (supervising gb), and
  // head of b1: both links see the same conflict.
  Org org = ConflictBase();
  org.Unit("dc2", "Second Commission", "discipline_commission", R"(["org"])")
      .Post("s_dc2", "p_dc", "dc2", "discipline_secretary")
      .Link("sup2", "supervises", "dc2", "gb")
      .Post("h_b1", "p_dc", "b1", "head");
  const Audited a = AuditOf(org);
  EXPECT_EQ(a.Of(FindingKind::kConflictOfInterest).size(), 1u);
  EXPECT_THAT(a.Of(FindingKind::kConflictOfInterest), ElementsAre("conflict_of_interest:p_dc:b1"));
}

// A head post of a unit that no longer exists on the day leads nothing on it.
TEST(Audit, NoConflictThroughAUnitThatNoLongerExists) {
  Org org = ConflictBase();
  org.Unit("b2", "Branch Two", "branch", R"(["opc"])", R"("to": "2025-06-30")")
      .Post("h_b2", "p_dc", "b2", "head");
  EXPECT_THAT(AuditOf(org).Of(FindingKind::kConflictOfInterest), IsEmpty());
  EXPECT_THAT(AuditOf(org, "2025-06-29").Of(FindingKind::kConflictOfInterest),
              ElementsAre("conflict_of_interest:p_dc:b2"));
}

// ---- unsupervised ----------------------------------------------------------------------

TEST(Audit, UnsupervisedWhenNoLinkCoversTheUnitOrAnAncestor) {
  Org org = Baseline();
  org.Drop("sup");
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.All(), ElementsAre("unsupervised:b1", "unsupervised:b9", "unsupervised:dc",
                                   "unsupervised:g1", "unsupervised:gb", "unsupervised:opc",
                                   "unsupervised:org"));
  EXPECT_EQ(a.Detail("unsupervised:org"),
            "no discipline body supervises Bureau (org) or any of its superiors on 2025-06-30");
  EXPECT_EQ(a.Detail("unsupervised:g1"),
            "no discipline body supervises Group One (g1) or any of its superiors on 2025-06-30");
}

TEST(Audit, SupervisionCoversTheUnitAndEverythingBelowIt) {
  Org org = Baseline();
  org.Link("sup", "supervises", "dc", "opc");
  EXPECT_THAT(AuditOf(org).Of(FindingKind::kUnsupervised),
              ElementsAre("unsupervised:b9", "unsupervised:dc", "unsupervised:org"));
}

TEST(Audit, OneSupervisedParentSufficesUnderDualLeadership) {
  Org org = Baseline();
  org.Link("sup", "supervises", "dc", "opc")
      .Unit("jb", "Joint Branch", "branch", R"(["b9", "gb"])")
      .Unit("jx", "Other Joint", "branch", R"(["b9", "org"])")
      .Post("s_jb", "p_b9", "jb", "secretary", "2020-02-01")
      .Post("s_jx", "p_b1", "jx", "secretary", "2020-02-01")
      .Link("guide_jb", "guides", "p_guide", "jb")
      .Link("guide_jx", "guides", "p_guide", "jx");
  EXPECT_THAT(AuditOf(org).Of(FindingKind::kUnsupervised),
              ElementsAre("unsupervised:b9", "unsupervised:dc", "unsupervised:jx",
                          "unsupervised:org"));
}

TEST(Audit, SupervisionOnlyWhenTheLinkHoldsOnTheDay) {
  Org ended = Baseline();
  ended.Link("sup", "supervises", "dc", "org", "2020-01-01", "2025-06-30");
  EXPECT_EQ(AuditOf(ended).Of(FindingKind::kUnsupervised).size(), 7u);
  EXPECT_THAT(AuditOf(ended, "2025-06-29").All(), IsEmpty());

  Org later = Baseline();
  later.Link("sup", "supervises", "dc", "org", "2025-07-01");
  EXPECT_EQ(AuditOf(later).Of(FindingKind::kUnsupervised).size(), 7u);
  EXPECT_THAT(AuditOf(later, "2025-07-01").All(), IsEmpty());
}

// ---- unguided_branch -------------------------------------------------------------------

TEST(Audit, UnguidedBranch) {
  Org org = Baseline();
  org.Drop("guide_b1");
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.All(), ElementsAre("unguided_branch:b1"));
  EXPECT_EQ(a.Detail("unguided_branch:b1"),
            "no committee member guides Branch One (b1) on 2025-06-30");
}

TEST(Audit, GuidingTheParentIsNotGuidingTheBranch) {
  Org org = Baseline();
  org.Link("guide_b1", "guides", "p_guide", "gb");
  EXPECT_THAT(AuditOf(org).All(), ElementsAre("unguided_branch:b1"));
}

TEST(Audit, NonBranchesAreNeverUnguided) {
  // Baseline: org, dc, opc, gb and g1 have no guide and give no finding.
  Org org = Baseline();
  org.Drop("guide_b1").Drop("guide_b9").Drop("sup");
  EXPECT_THAT(AuditOf(org).Of(FindingKind::kUnguidedBranch),
              ElementsAre("unguided_branch:b1", "unguided_branch:b9"));
}

TEST(Audit, GuidanceOnlyWhenTheLinkHoldsOnTheDay) {
  Org ended = Baseline();
  ended.Link("guide_b1", "guides", "p_guide", "b1", "2020-01-01", "2025-06-30");
  EXPECT_THAT(AuditOf(ended).All(), ElementsAre("unguided_branch:b1"));
  EXPECT_THAT(AuditOf(ended, "2025-06-29").All(), IsEmpty());

  Org from_day = Baseline();
  from_day.Link("guide_b1", "guides", "p_guide", "b1", "2025-06-30");
  EXPECT_THAT(AuditOf(from_day).All(), IsEmpty());
  EXPECT_THAT(AuditOf(from_day, "2025-06-29").All(), ElementsAre("unguided_branch:b1"));
}

// ---- duty_without_holder ---------------------------------------------------------------

TEST(Audit, DutyWithoutHolder) {
  Org org = Baseline();
  org.Duty("du_sec", R"({"unit": "b1", "role": "secretary"})", "first_responsible")
      .Duty("du_head", R"({"unit": "b1", "role": "head"})", "principal")
      .Duty("du_unit", R"({"unit": "b1"})", "principal")
      .Duty("du_grp", R"({"unit": "g1", "role": "secretary"})", "specialized")
      .Duty("du_dc", R"({"unit": "dc", "role": "discipline_secretary"})", "supervisory");
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.All(), ElementsAre("duty_without_holder:du_grp", "duty_without_holder:du_head"));
  EXPECT_EQ(a.Detail("duty_without_holder:du_head"),
            "duty du_head (principal) is held by the head of Branch One (b1), which is vacant on "
            "2025-06-30");
  EXPECT_EQ(a.Detail("duty_without_holder:du_grp"),
            "duty du_grp (specialized) is held by the secretary of Group One (g1), which is "
            "vacant on 2025-06-30");
  const Finding* f = a.Find("duty_without_holder:du_head");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(a.s().duty_id(f->duty), "du_head");
  EXPECT_EQ(f->person, zeren::kNoIndex);
}

TEST(Audit, DutyWithoutHolderFollowsThePostDates) {
  Org org = Baseline();
  org.Post("s_b1", "p_b1", "b1", "secretary", "2020-01-01", "2025-06-30")
      .Duty("du_sec", R"({"unit": "b1", "role": "secretary"})", "first_responsible")
      .Duty("du_unit", R"({"unit": "b1"})", "principal");
  EXPECT_THAT(AuditOf(org).All(),
              ElementsAre("vacant_first_responsible:b1", "duty_without_holder:du_sec"));
  EXPECT_THAT(AuditOf(org, "2025-06-29").All(), IsEmpty());
}

// ---- stalled_cascade and overdue_tasks -------------------------------------------------

TEST(Audit, StalledCascadeAtEachBreakPoint) {
  Org org = Baseline();
  org.Directive("dv", R"({"id": "dv", "issued_by": "org", "date": "2025-01-01", "reach": 2,
      "tasks": [{"id": "t1", "unit": "opc", "due": "2025-12-01", "status": "open"}]})");
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.All(), ElementsAre("stalled_cascade:opc:dv"));
  EXPECT_EQ(a.Detail("stalled_cascade:opc:dv"),
            "directive dv stops at Organ Committee (opc): none of its subordinates holds a task "
            "of it");
  const Finding* f = a.Find("stalled_cascade:opc:dv");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(a.s().unit_id(f->unit), "opc");
  EXPECT_EQ(a.s().directive_id(f->directive), "dv");
  EXPECT_EQ(f->person, zeren::kNoIndex);
  EXPECT_EQ(f->duty, zeren::kNoIndex);
  // Not yet issued the day before its date.
  EXPECT_THAT(AuditOf(org, "2024-12-31").All(), IsEmpty());
}

TEST(Audit, NoStalledCascadeWhenASubordinateHoldsATask) {
  Org org = Baseline();
  org.Directive("dv", R"({"id": "dv", "issued_by": "org", "date": "2025-01-01", "reach": 2,
      "tasks": [{"id": "t1", "unit": "opc", "due": "2025-12-01", "status": "open",
                 "subtasks": [{"id": "t1.1", "unit": "gb", "due": "2025-12-01",
                               "status": "open"}]}]})");
  EXPECT_THAT(AuditOf(org).All(), IsEmpty());
}

TEST(Audit, StalledCascadesOfTwoDirectivesAtOneUnit) {
  Org org = Baseline();
  org.Directive("dv1", R"({"id": "dv1", "issued_by": "org", "date": "2025-01-01", "reach": 3,
      "tasks": [{"id": "a1", "unit": "opc", "due": "2025-12-01", "status": "open",
                 "subtasks": [{"id": "a2", "unit": "gb", "due": "2025-12-01", "status": "open"}]},
                {"id": "a3", "unit": "b9", "due": "2025-12-01", "status": "open"}]})")
      .Directive("dv2", R"({"id": "dv2", "issued_by": "opc", "date": "2025-01-01", "reach": 2,
      "tasks": [{"id": "b1t", "unit": "gb", "due": "2025-12-01", "status": "open"}]})");
  // dv1: gb is at level 2 < 3 and b1 holds nothing; b9 has no children. dv2: gb is at level
  // 1 < 2 from opc.
  EXPECT_THAT(AuditOf(org).All(),
              ElementsAre("stalled_cascade:gb:dv1", "stalled_cascade:gb:dv2"));
}

TEST(Audit, OverdueTasksOneFindingPerUnit) {
  Org org = Baseline();
  org.Directive("dv1", R"({"id": "dv1", "issued_by": "org", "date": "2025-01-01", "tasks": [
      {"id": "t1", "unit": "b1", "due": "2025-06-01", "status": "open"},
      {"id": "t2", "unit": "gb", "due": "2025-06-29", "status": "in_progress"},
      {"id": "t3", "unit": "b1", "due": "2025-06-30", "status": "open"},
      {"id": "t4", "unit": "b1", "due": "2025-05-01", "status": "done", "completed": "2025-07-02"},
      {"id": "t5", "unit": "b1", "due": "2025-01-01", "status": "cancelled"},
      {"id": "t6", "unit": "opc", "due": "2025-05-01", "status": "done", "completed": "2025-05-02"}
    ]})")
      .Directive("dv2", R"({"id": "dv2", "issued_by": "gb", "date": "2025-02-01", "tasks": [
      {"id": "t7", "unit": "b1", "due": "2025-03-01", "status": "open"}]})")
      .Directive("dv3", R"({"id": "dv3", "issued_by": "org", "date": "2025-07-01", "tasks": [
      {"id": "t8", "unit": "b9", "due": "2025-03-01", "status": "open"}]})");
  const Audited a = AuditOf(org);
  EXPECT_THAT(a.Of(FindingKind::kOverdueTasks),
              ElementsAre("overdue_tasks:b1", "overdue_tasks:gb"));
  EXPECT_EQ(a.Detail("overdue_tasks:b1"),
            "Branch One (b1) has 3 overdue tasks on 2025-06-30: t1, t4, t7");
  EXPECT_EQ(a.Detail("overdue_tasks:gb"),
            "General Branch (gb) has 1 overdue task on 2025-06-30: t2");
  const Finding* f = a.Find("overdue_tasks:gb");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->directive, zeren::kNoIndex);
  EXPECT_EQ(f->person, zeren::kNoIndex);
  // dv3 (dated after the day) counts the day it is issued.
  EXPECT_THAT(AuditOf(org, "2025-07-01").Of(FindingKind::kOverdueTasks),
              ElementsAre("overdue_tasks:b1", "overdue_tasks:b9", "overdue_tasks:gb"));
  // t4 is done on 2025-07-02: b1 keeps t1, t3 and t7.
  EXPECT_EQ(AuditOf(org, "2025-07-02").Detail("overdue_tasks:b1"),
            "Branch One (b1) has 3 overdue tasks on 2025-07-02: t1, t3, t7");
}

TEST(Audit, NoOverdueTasksWithoutRedLights) {
  Org org = Baseline();
  org.Directive("dv", R"({"id": "dv", "issued_by": "org", "date": "2025-01-01", "tasks": [
      {"id": "t1", "unit": "b1", "due": "2025-06-30", "status": "open"},
      {"id": "t2", "unit": "b1", "due": "2025-03-01", "status": "verified",
       "completed": "2025-06-30"},
      {"id": "t3", "unit": "b1", "due": "2025-03-01", "status": "cancelled"}]})");
  EXPECT_THAT(AuditOf(org).All(), IsEmpty());
}

// ---- overloaded_person -----------------------------------------------------------------

Org WithSecretaryPosts(int count) {
  Org org = Baseline();
  org.Person("p_x");
  const char* names[] = {"X One", "X Two", "X Three", "X Four"};
  for (int k = 0; k < count; ++k) {
    const std::string id = absl::StrCat("x", k + 1);
    org.Unit(id, names[k], "department", R"(["org"])")
        .Post("s_" + id, "p_x", id, "secretary", absl::StrCat(2021 + k, "-01-01"));
  }
  return org;
}

TEST(Audit, OverloadedPerson) {
  const Audited a = AuditOf(WithSecretaryPosts(4));
  EXPECT_THAT(a.All(), ElementsAre("overloaded_person:p_x"));
  EXPECT_EQ(a.Detail("overloaded_person:p_x"),
            "Person p_x (p_x) is secretary of 4 units (at most 3): X One (x1), X Two (x2), "
            "X Three (x3), X Four (x4)");
  const Finding* f = a.Find("overloaded_person:p_x");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->unit, zeren::kNoIndex);
  EXPECT_EQ(f->duty, zeren::kNoIndex);
}

TEST(Audit, ExactlyTheMaximumIsFine) {
  EXPECT_THAT(AuditOf(WithSecretaryPosts(3)).All(), IsEmpty());
  // A fourth post that ended before the day, or one that is not a secretary post.
  Org ended = WithSecretaryPosts(4);
  ended.Post("s_x4", "p_x", "x4", "secretary", "2024-01-01", "2025-06-30");
  EXPECT_THAT(AuditOf(ended).All(), IsEmpty());
  EXPECT_THAT(AuditOf(ended, "2025-06-29").All(), ElementsAre("overloaded_person:p_x"));
  Org head = WithSecretaryPosts(4);
  head.Post("s_x4", "p_x", "x4", "head", "2024-01-01");
  EXPECT_THAT(AuditOf(head).All(), IsEmpty());
}

TEST(Audit, TheMaximumComesFromTheSettings) {
  Org two = WithSecretaryPosts(3);
  two.Settings(R"({"max_secretary_posts": 2})");
  const Audited a = AuditOf(two);
  EXPECT_THAT(a.All(), ElementsAre("overloaded_person:p_x"));
  EXPECT_EQ(a.Detail("overloaded_person:p_x"),
            "Person p_x (p_x) is secretary of 3 units (at most 2): X One (x1), X Two (x2), "
            "X Three (x3)");
  Org four = WithSecretaryPosts(4);
  four.Settings(R"({"max_secretary_posts": 4})");
  EXPECT_THAT(AuditOf(four).All(), IsEmpty());
}

// "Units and posts outside their from/to on D do not exist on D": a secretary post of a unit
// that no longer exists is not a concurrent secretary post on D.
TEST(Audit, SecretaryPostsOfUnitsThatNoLongerExistAreNotCounted) {
  Org org = WithSecretaryPosts(4);
  org.Unit("x4", "X Four", "department", R"(["org"])", R"("to": "2025-06-30")");
  EXPECT_THAT(AuditOf(org).All(), IsEmpty());
  EXPECT_THAT(AuditOf(org, "2025-06-29").All(), ElementsAre("overloaded_person:p_x"));
}

// ---- order and JSON --------------------------------------------------------------------

// Findings of every kind, with subjects whose ids do not follow document or level order.
Org EveryKind() {
  Org org = Baseline();
  org.Drop("sup")
      .Link("sup_opc", "supervises", "dc", "opc")
      .Unit("dc2", "Second Commission", "discipline_commission", R"(["org"])")
      .Person("p_z")
      .Person("p_a")
      .Post("s_dc", "p_z", "dc", "discipline_secretary")
      .Post("s_dc2", "p_a", "dc2", "discipline_secretary")
      .Link("sup_gb", "supervises", "dc2", "gb")
      .Post("h_b1", "p_z", "b1", "head")  // conflict: dc supervises opc, b1 is below it
      .Post("h_gb", "p_a", "gb", "head")  // conflict: dc2 supervises gb
      .Drop("s_b9")                       // vacant b9
      .Unit("a0", "Branch Zero", "branch", R"(["opc"])")  // vacant and unguided
      .Duty("du_z", R"({"unit": "b9", "role": "secretary"})", "first_responsible")
      .Duty("du_a", R"({"unit": "gb", "role": "deputy"})", "dual_post")
      .Directive("dv", R"({"id": "dv", "issued_by": "org", "date": "2025-01-01", "reach": 3,
          "tasks": [{"id": "t0", "unit": "b9", "due": "2025-05-01", "status": "open"},
                    {"id": "t1", "unit": "gb", "due": "2025-06-01", "status": "open"}]})")
      .Person("p_x")
      .Person("p_b");
  for (int k = 1; k <= 4; ++k) {
    const std::string x = absl::StrCat("x", k), y = absl::StrCat("y", k);
    org.Unit(x, "Dept " + x, "department", R"(["opc"])")
        .Unit(y, "Dept " + y, "department", R"(["opc"])")
        .Post("s_" + x, "p_x", x, "secretary", absl::StrCat(2020 + k, "-01-01"))
        .Post("s_" + y, "p_b", y, "secretary", absl::StrCat(2020 + k, "-01-01"));
  }
  return org;
}

const std::vector<std::string> kEveryKindOrder = {
    "conflict_of_interest:p_a:gb",
    "conflict_of_interest:p_z:b1",
    "vacant_first_responsible:a0",
    "vacant_first_responsible:b9",
    "duty_without_holder:du_a",
    "duty_without_holder:du_z",
    "overdue_tasks:b9",
    "overdue_tasks:gb",
    "stalled_cascade:gb:dv",
    "unguided_branch:a0",
    "unsupervised:b9",
    "unsupervised:dc",
    "unsupervised:dc2",
    "unsupervised:org",
    "overloaded_person:p_b",
    "overloaded_person:p_x",
};

TEST(Audit, FindingsBySeverityThenKindThenSubjectId) {
  const Audited a = AuditOf(EveryKind());
  EXPECT_EQ(a.All(), kEveryKindOrder);
  EXPECT_EQ(a.Detail("conflict_of_interest:p_a:gb"),
            "Person p_a (p_a) is discipline secretary of Second Commission (dc2), which "
            "supervises General Branch (gb), and head of General Branch (gb)");
  EXPECT_EQ(a.Detail("duty_without_holder:du_a"),
            "duty du_a (dual_post) is held by the deputy of General Branch (gb), which is "
            "vacant on 2025-06-30");
  EXPECT_EQ(a.Detail("overdue_tasks:b9"), "Branch Nine (b9) has 1 overdue task on 2025-06-30: t0");
  EXPECT_EQ(a.Detail("stalled_cascade:gb:dv"),
            "directive dv stops at General Branch (gb): none of its subordinates holds a task "
            "of it");
  EXPECT_EQ(a.Detail("unguided_branch:a0"),
            "no committee member guides Branch Zero (a0) on 2025-06-30");
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

TEST(Audit, JsonShape) {
  const Audited a = AuditOf(EveryKind());
  ASSERT_TRUE(a.snapshot.has_value());
  const json::value v = json::parse(zeren::AuditToJson(a.s(), a.report));
  EXPECT_EQ(Keys(v), (std::set<std::string>{"as_of", "findings"}));
  EXPECT_EQ(Str(v.at("as_of")), "2025-06-30");
  const json::array& findings = v.at("findings").as_array();
  ASSERT_EQ(findings.size(), kEveryKindOrder.size());
  ASSERT_EQ(a.report.findings.size(), kEveryKindOrder.size());

  using Keyset = std::set<std::string>;
  const Keyset unit_keys{"kind", "severity", "unit", "detail"};
  for (size_t k = 0; k < findings.size(); ++k) {
    SCOPED_TRACE(kEveryKindOrder[k]);
    const json::value& f = findings[k];
    const std::string kind = Str(f.at("kind"));
    EXPECT_EQ(kind, zeren::Name(a.report.findings[k].kind));
    EXPECT_EQ(Str(f.at("detail")), a.report.findings[k].detail);
    if (kind == "conflict_of_interest") {
      EXPECT_EQ(Keys(f), (Keyset{"kind", "severity", "person", "unit", "detail"}));
      EXPECT_EQ(Str(f.at("severity")), "critical");
    } else if (kind == "vacant_first_responsible") {
      EXPECT_EQ(Keys(f), unit_keys);
      EXPECT_EQ(Str(f.at("severity")), "critical");
    } else if (kind == "duty_without_holder") {
      EXPECT_EQ(Keys(f), (Keyset{"kind", "severity", "duty", "detail"}));
      EXPECT_EQ(Str(f.at("severity")), "warning");
    } else if (kind == "stalled_cascade") {
      EXPECT_EQ(Keys(f), (Keyset{"kind", "severity", "unit", "directive", "detail"}));
      EXPECT_EQ(Str(f.at("severity")), "warning");
    } else if (kind == "overloaded_person") {
      EXPECT_EQ(Keys(f), (Keyset{"kind", "severity", "person", "detail"}));
      EXPECT_EQ(Str(f.at("severity")), "info");
    } else {
      EXPECT_EQ(Keys(f), unit_keys);
      EXPECT_EQ(Str(f.at("severity")), "warning");
    }
  }
  // Subjects, by position (kEveryKindOrder).
  EXPECT_EQ(Str(findings[0].at("person")), "p_a");
  EXPECT_EQ(Str(findings[0].at("unit")), "gb");
  EXPECT_EQ(Str(findings[1].at("person")), "p_z");
  EXPECT_EQ(Str(findings[1].at("unit")), "b1");
  EXPECT_EQ(Str(findings[2].at("unit")), "a0");
  EXPECT_EQ(Str(findings[3].at("unit")), "b9");
  EXPECT_EQ(Str(findings[4].at("duty")), "du_a");
  EXPECT_EQ(Str(findings[5].at("duty")), "du_z");
  EXPECT_EQ(Str(findings[6].at("unit")), "b9");
  EXPECT_EQ(Str(findings[7].at("unit")), "gb");
  EXPECT_EQ(Str(findings[8].at("unit")), "gb");
  EXPECT_EQ(Str(findings[8].at("directive")), "dv");
  EXPECT_EQ(Str(findings[9].at("unit")), "a0");
  EXPECT_EQ(Str(findings[10].at("unit")), "b9");
  EXPECT_EQ(Str(findings[13].at("unit")), "org");
  EXPECT_EQ(Str(findings[14].at("person")), "p_b");
  EXPECT_EQ(Str(findings[15].at("person")), "p_x");
  EXPECT_EQ(Str(findings[15].at("detail")),
            "Person p_x (p_x) is secretary of 4 units (at most 3): Dept x1 (x1), Dept x2 (x2), "
            "Dept x3 (x3), Dept x4 (x4)");
  EXPECT_EQ(Str(findings[3].at("detail")),
            "Branch Nine (b9) (branch) has no secretary on 2025-06-30");
}

TEST(Audit, JsonWithoutFindings) {
  const Audited a = AuditOf(Baseline(), "2025-01-02");
  ASSERT_TRUE(a.snapshot.has_value());
  EXPECT_EQ(json::parse(zeren::AuditToJson(a.s(), a.report)),
            json::parse(R"({"as_of": "2025-01-02", "findings": []})"));
}

}  // namespace
