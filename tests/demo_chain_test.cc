// Chains and person views on the demo organization (examples/data/organ.json): 200 units
// under a leading group (org), the organ committee (opc) and its discipline commission (odc).
// Every expected value below was worked out by hand from the file.
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/statusor.h"
#include "zeren/chain.h"
#include "zeren/date.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/person_view.h"
#include "zeren/snapshot.h"

namespace {

using ::testing::ElementsAre;
using zeren::ChainEntry;
using zeren::ChainOf;
using zeren::Date;
using zeren::HoldersOf;
using zeren::kNoIndex;
using zeren::Model;
using zeren::Name;
using zeren::PersonIndex;
using zeren::PostIndex;
using zeren::Responsibility;
using zeren::ResponsibilitiesOf;
using zeren::Role;
using zeren::Snapshot;
using zeren::UnitIndex;
using Kind = ChainEntry::Kind;
using RKind = Responsibility::Kind;

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

using Row = std::tuple<ChainKind, std::string, std::string, uint32_t>;
using PRow = std::tuple<ResponsibilityKind, std::string, std::string, std::string>;

Date D(const char* iso) {
  std::optional<Date> day = zeren::ParseDate(iso);
  EXPECT_TRUE(day.has_value()) << iso;
  return day.value_or(0);
}

class DemoChain : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<Model> model = zeren::LoadModelFile(ZEREN_EXAMPLES "/organ.json");
    ASSERT_TRUE(model.ok()) << model.status();
    absl::StatusOr<Snapshot> snapshot = Snapshot::Compile(*model);
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
    snapshot_ = new Snapshot(*std::move(snapshot));
  }
  static void TearDownTestSuite() {
    delete snapshot_;
    snapshot_ = nullptr;
  }

  void SetUp() override { ASSERT_NE(snapshot_, nullptr); }

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

  // The chain of `unit` on `day` as (kind, person id, unit id, distance); only entries of
  // `only` when given.
  std::vector<Row> ChainRows(const char* unit, const char* day,
                             std::optional<Kind> only = std::nullopt) const {
    absl::StatusOr<zeren::Chain> chain = ChainOf(s(), U(unit), D(day));
    EXPECT_TRUE(chain.ok()) << chain.status();
    std::vector<Row> rows;
    if (!chain.ok()) return rows;
    for (const ChainEntry& e : chain->entries) {
      if (only && e.kind != *only) continue;
      rows.emplace_back(e.kind, e.person == kNoIndex ? "" : s().person_id(e.person),
                        e.unit == kNoIndex ? "" : s().unit_id(e.unit), e.distance);
    }
    return rows;
  }

  std::vector<PRow> PersonRows(const char* person, const char* day) const {
    std::vector<PRow> rows;
    for (const Responsibility& r : ResponsibilitiesOf(s(), P(person), D(day)).entries) {
      rows.emplace_back(r.kind, r.unit == kNoIndex ? "" : s().unit_id(r.unit),
                        r.post == kNoIndex ? "" : std::string(Name(s().post_role(r.post))),
                        r.duty == kNoIndex ? "" : s().duty_id(r.duty));
    }
    return rows;
  }

  std::vector<std::string> Holders(const char* unit, Role role, const char* day) const {
    std::vector<std::string> ids;
    for (PostIndex post : HoldersOf(s(), U(unit), role, D(day))) {
      ids.push_back(std::string(s().person_id(s().post_person(post))));
    }
    return ids;
  }

  static Snapshot* snapshot_;
};

Snapshot* DemoChain::snapshot_ = nullptr;

TEST_F(DemoChain, Structure) {
  EXPECT_EQ(s().unit_count(), 200u);
  EXPECT_EQ(s().person_count(), 381u);
  EXPECT_EQ(s().post_count(), 400u);
  EXPECT_EQ(s().link_count(), 75u);
  EXPECT_EQ(s().duty_count(), 9u);
  EXPECT_EQ(s().unit_id(0), "org");
  EXPECT_EQ(s().unit_id(1), "opc");
  EXPECT_EQ(s().unit_level(U("org")), 0u);
  EXPECT_EQ(s().unit_level(U("opc")), 1u);
  EXPECT_EQ(s().unit_level(U("odc")), 2u);
  EXPECT_EQ(s().unit_level(U("d02")), 2u);
  EXPECT_EQ(s().unit_level(U("d06")), 2u);
  EXPECT_EQ(s().unit_level(U("a08")), 2u);
  EXPECT_EQ(s().unit_level(U("d01b1")), 3u);
  EXPECT_EQ(s().unit_level(U("d01b1g1")), 4u);
  // Dual leadership: opc (level 1) and d02 (level 2) lead d02b3, so its level is 3.
  EXPECT_EQ(s().unit_level(U("d02b3")), 3u);
  EXPECT_THAT(s().parents(U("d02b3")), ElementsAre(U("opc"), U("d02")));
  EXPECT_THAT(s().parent_weights(U("d02b3")), ElementsAre(0.6, 0.4));
  EXPECT_EQ(s().unit_level(U("d06b2")), 3u);
  EXPECT_THAT(s().parents(U("d06b2")), ElementsAre(U("d06"), U("a08")));
  EXPECT_THAT(s().parent_weights(U("d06b2")), ElementsAre(0.6, 0.4));
  for (UnitIndex u = 0; u < s().unit_count(); ++u) {
    for (UnitIndex parent : s().parents(u)) {
      EXPECT_LT(parent, u);
      EXPECT_LT(s().unit_level(parent), s().unit_level(u));
    }
  }
}

TEST_F(DemoChain, TopLeaders) {
  EXPECT_THAT(Holders("org", Role::kSecretary, "2025-06-30"), ElementsAre("p001"));
  EXPECT_THAT(Holders("org", Role::kSecretary, "2022-02-28"), ElementsAre());  // from 2022-03-01
  EXPECT_THAT(Holders("opc", Role::kSecretary, "2025-06-30"), ElementsAre("p008"));
  EXPECT_THAT(Holders("odc", Role::kDisciplineSecretary, "2023-11-30"), ElementsAre());
  EXPECT_THAT(Holders("odc", Role::kDisciplineSecretary, "2023-12-01"), ElementsAre("p010"));
  EXPECT_THAT(Holders("odc", Role::kDisciplineSecretary, "2025-06-30"), ElementsAre("p010"));
}

TEST_F(DemoChain, DisciplineCommissionChain) {
  EXPECT_THAT(ChainRows("odc", "2025-06-30"),
              ElementsAre(Row{Kind::kMember, "p011", "odc", 0}, Row{Kind::kMember, "p012", "odc", 0},
                          Row{Kind::kMember, "p013", "odc", 0},
                          Row{Kind::kDisciplineSecretary, "p010", "odc", 0},
                          Row{Kind::kInCharge, "p008", "org", 1},
                          Row{Kind::kSupervisor, "p010", "odc", 1},
                          Row{Kind::kSuperior, "p008", "opc", 1},
                          Row{Kind::kSuperior, "p001", "org", 2}));
  // Before p010 took office the discipline secretary post is vacant, and odc's supervision
  // of opc names nobody.
  EXPECT_THAT(ChainRows("odc", "2023-11-30"),
              ElementsAre(Row{Kind::kDisciplineSecretary, "", "odc", 0},
                          Row{Kind::kInCharge, "p008", "org", 1},
                          Row{Kind::kSupervisor, "", "odc", 1},
                          Row{Kind::kSuperior, "p008", "opc", 1},
                          Row{Kind::kSuperior, "p001", "org", 2}));
}

TEST_F(DemoChain, SecretaryOfD05ChangesOnMarchFirst) {
  EXPECT_THAT(ChainRows("d05", "2025-02-28", Kind::kSecretary),
              ElementsAre(Row{Kind::kSecretary, "p053", "d05", 0}));
  EXPECT_THAT(ChainRows("d05", "2025-03-01", Kind::kSecretary),
              ElementsAre(Row{Kind::kSecretary, "p054", "d05", 0}));
  EXPECT_THAT(Holders("d05", Role::kSecretary, "2025-02-28"), ElementsAre("p053"));
  EXPECT_THAT(Holders("d05", Role::kSecretary, "2025-03-01"), ElementsAre("p054"));
  // The whole chain on the change day; the three staff posts of d05 are not in it.
  EXPECT_THAT(ChainRows("d05", "2025-03-01"),
              ElementsAre(Row{Kind::kSecretary, "p054", "d05", 0},
                          Row{Kind::kHead, "p052", "d05", 0},
                          Row{Kind::kDeputy, "p055", "d05", 0},
                          Row{Kind::kMember, "p056", "d05", 0},
                          Row{Kind::kInCharge, "p004", "org", 0},
                          Row{Kind::kInCharge, "p008", "org", 1},
                          Row{Kind::kSupervisor, "p010", "odc", 1},
                          Row{Kind::kGuide, "p016", "d05", 0},
                          Row{Kind::kSuperior, "p008", "opc", 1},
                          Row{Kind::kSuperior, "p001", "org", 2}));
}

TEST_F(DemoChain, HeadOfA03ChangesOnNewYear) {
  EXPECT_THAT(ChainRows("a03", "2024-12-31", Kind::kHead),
              ElementsAre(Row{Kind::kHead, "p158", "a03", 0}));
  EXPECT_THAT(ChainRows("a03", "2025-01-01", Kind::kHead),
              ElementsAre(Row{Kind::kHead, "p159", "a03", 0}));
}

TEST_F(DemoChain, InChargeOfD14MovesFromP006ToP005) {
  // p008 is in charge of opc, one step up, on both days.
  EXPECT_THAT(ChainRows("d14", "2024-06-30", Kind::kInCharge),
              ElementsAre(Row{Kind::kInCharge, "p006", "org", 0},
                          Row{Kind::kInCharge, "p008", "org", 1}));
  EXPECT_THAT(ChainRows("d14", "2024-07-01", Kind::kInCharge),
              ElementsAre(Row{Kind::kInCharge, "p005", "org", 0},
                          Row{Kind::kInCharge, "p008", "org", 1}));
  EXPECT_THAT(ChainRows("d14", "2024-07-01"),
              ElementsAre(Row{Kind::kSecretary, "p104", "d14", 0},
                          Row{Kind::kMember, "p105", "d14", 0},
                          Row{Kind::kInCharge, "p005", "org", 0},
                          Row{Kind::kInCharge, "p008", "org", 1},
                          Row{Kind::kSupervisor, "p010", "odc", 1},
                          Row{Kind::kGuide, "p243", "d14", 0},
                          Row{Kind::kSuperior, "p008", "opc", 1},
                          Row{Kind::kSuperior, "p001", "org", 2}));
}

TEST_F(DemoChain, DualLeadershipD06b2) {
  // Both parents d06 and a08 (and opc) are in p008's charge: one entry, at the nearest
  // distance. opc is the nearest supervised ancestor (2 steps) and specializes d06 (1 step).
  EXPECT_THAT(ChainRows("d06b2", "2025-06-30"),
              ElementsAre(Row{Kind::kSecretary, "p124", "d06b2", 0},
                          Row{Kind::kDeputy, "p125", "d06b2", 0},
                          Row{Kind::kMember, "p126", "d06b2", 0},
                          Row{Kind::kInCharge, "p008", "org", 1},
                          Row{Kind::kSupervisor, "p010", "odc", 2},
                          Row{Kind::kSpecialist, "", "opc", 1},
                          Row{Kind::kGuide, "p075", "d06b2", 0},
                          Row{Kind::kSuperior, "p058", "d06", 1},
                          Row{Kind::kSuperior, "p243", "a08", 1},
                          Row{Kind::kSuperior, "p008", "opc", 2},
                          Row{Kind::kSuperior, "p001", "org", 3}));
}

TEST_F(DemoChain, DualLeadershipD02b3ReachesOrgInTwoSteps) {
  // Level 3, but org is two steps up through opc.
  EXPECT_THAT(ChainRows("d02b3", "2025-06-30"),
              ElementsAre(Row{Kind::kSecretary, "p122", "d02b3", 0},
                          Row{Kind::kMember, "p123", "d02b3", 0},
                          // Both 1 step up, so in post order (chain.h): p002's post
                          // (posts[1], through d02) before p008's (posts[9], through opc).
                          Row{Kind::kInCharge, "p002", "org", 1},
                          Row{Kind::kInCharge, "p008", "org", 1},
                          Row{Kind::kSupervisor, "p010", "odc", 1},
                          Row{Kind::kGuide, "p075", "d02b3", 0},
                          Row{Kind::kSuperior, "p008", "opc", 1},
                          Row{Kind::kSuperior, "p031", "d02", 1},
                          Row{Kind::kSuperior, "p001", "org", 2}));
  // p075's guides link to d02b3 starts on 2024-09-01.
  EXPECT_THAT(ChainRows("d02b3", "2024-08-31", Kind::kGuide), ElementsAre());
}

TEST_F(DemoChain, SupervisorOfBranchesIsP010ThroughOpc) {
  EXPECT_THAT(ChainRows("d01b1", "2025-06-30", Kind::kSupervisor),
              ElementsAre(Row{Kind::kSupervisor, "p010", "odc", 2}));
  EXPECT_THAT(ChainRows("d01b1g1", "2025-06-30", Kind::kSupervisor),
              ElementsAre(Row{Kind::kSupervisor, "p010", "odc", 3}));
  EXPECT_THAT(ChainRows("d04", "2025-06-30", Kind::kSupervisor),
              ElementsAre(Row{Kind::kSupervisor, "p010", "odc", 1}));
  EXPECT_THAT(ChainRows("opc", "2025-06-30", Kind::kSupervisor),
              ElementsAre(Row{Kind::kSupervisor, "p010", "odc", 0}));
  EXPECT_THAT(ChainRows("org", "2025-06-30", Kind::kSupervisor),
              ElementsAre(Row{Kind::kSupervisor, "p010", "odc", 0}));
}

TEST_F(DemoChain, GuideOfD04StartsOnSeptemberFirst) {
  EXPECT_THAT(ChainRows("d04", "2024-08-31"),
              ElementsAre(Row{Kind::kSecretary, "p047", "d04", 0},
                          Row{Kind::kHead, "p046", "d04", 0},
                          Row{Kind::kDeputy, "p048", "d04", 0},
                          Row{Kind::kMember, "p049", "d04", 0},
                          Row{Kind::kMember, "p050", "d04", 0},
                          Row{Kind::kMember, "p051", "d04", 0},
                          Row{Kind::kInCharge, "p003", "org", 0},
                          Row{Kind::kInCharge, "p008", "org", 1},
                          Row{Kind::kSupervisor, "p010", "odc", 1},
                          Row{Kind::kSuperior, "p008", "opc", 1},
                          Row{Kind::kSuperior, "p001", "org", 2}));
  EXPECT_THAT(ChainRows("d04", "2024-09-01", Kind::kGuide),
              ElementsAre(Row{Kind::kGuide, "p014", "d04", 0}));
}

TEST_F(DemoChain, VacanciesOnJuneThirtieth) {
  // Every branch and general branch (and every other unit but the groups) whose first-
  // responsible post is vacant on 2025-06-30.
  std::vector<std::string> vacant_branches;
  std::vector<std::string> vacant_non_groups;
  for (UnitIndex u = 0; u < s().unit_count(); ++u) {
    absl::StatusOr<zeren::Chain> chain = ChainOf(s(), u, D("2025-06-30"));
    ASSERT_TRUE(chain.ok()) << chain.status();
    bool vacant = false;
    for (const ChainEntry& e : chain->entries) {
      if ((e.kind == Kind::kSecretary || e.kind == Kind::kDisciplineSecretary) &&
          e.person == kNoIndex) {
        EXPECT_EQ(e.unit, u);
        EXPECT_EQ(e.distance, 0u);
        vacant = true;
      }
    }
    if (!vacant) continue;
    const std::string& kind = s().unit_kind(u);
    if (kind == "branch" || kind == "general_branch") vacant_branches.emplace_back(s().unit_id(u));
    if (kind != "group" && kind != "youth_study_group") vacant_non_groups.emplace_back(s().unit_id(u));
  }
  // In the snapshot's level order: d11 (level 2) before the level-3 branches.
  EXPECT_THAT(vacant_branches, ElementsAre("d11", "d01b3", "a07b2", "a14b1"));
  EXPECT_THAT(vacant_non_groups, ElementsAre("d11", "d01b3", "a07b2", "a14b1"));
}

TEST_F(DemoChain, HistoryOfTheVacantPosts) {
  EXPECT_THAT(Holders("d01b3", Role::kSecretary, "2025-03-31"), ElementsAre("p027"));
  EXPECT_THAT(Holders("d01b3", Role::kSecretary, "2025-04-01"), ElementsAre());
  EXPECT_THAT(Holders("d11", Role::kSecretary, "2025-05-14"), ElementsAre("p090"));
  EXPECT_THAT(Holders("d11", Role::kSecretary, "2025-05-15"), ElementsAre());
  EXPECT_THAT(Holders("a07b2", Role::kSecretary, "2020-01-01"), ElementsAre());
  EXPECT_THAT(Holders("a07b2", Role::kSecretary, "2025-06-30"), ElementsAre());
  EXPECT_THAT(Holders("a14b1", Role::kSecretary, "2025-05-31"), ElementsAre("p317"));
  EXPECT_THAT(Holders("a14b1", Role::kSecretary, "2025-06-01"), ElementsAre());
  EXPECT_THAT(Holders("a14b1", Role::kSecretary, "2025-07-31"), ElementsAre());
  EXPECT_THAT(Holders("a14b1", Role::kSecretary, "2025-08-01"), ElementsAre("p318"));
  EXPECT_THAT(ChainRows("a14b1", "2025-08-01", Kind::kSecretary),
              ElementsAre(Row{Kind::kSecretary, "p318", "a14b1", 0}));
  EXPECT_THAT(ChainRows("d11", "2025-06-30", Kind::kSecretary),
              ElementsAre(Row{Kind::kSecretary, "", "d11", 0}));
}

TEST_F(DemoChain, PersonViewOfP005) {
  EXPECT_THAT(PersonRows("p005", "2025-06-30"),
              ElementsAre(PRow{RKind::kPost, "org", "member", ""},
                          PRow{RKind::kInCharge, "d07", "member", ""},
                          PRow{RKind::kInCharge, "d08", "member", ""},
                          PRow{RKind::kInCharge, "d14", "member", ""},
                          PRow{RKind::kInCharge, "a09", "member", ""},
                          PRow{RKind::kDuty, "org", "member", "du03"}));
  // Before the reshuffle of 2024-07-01: a06 instead of d14.
  EXPECT_THAT(PersonRows("p005", "2024-06-30"),
              ElementsAre(PRow{RKind::kPost, "org", "member", ""},
                          PRow{RKind::kInCharge, "d07", "member", ""},
                          PRow{RKind::kInCharge, "d08", "member", ""},
                          PRow{RKind::kInCharge, "a06", "member", ""},
                          PRow{RKind::kInCharge, "a09", "member", ""},
                          PRow{RKind::kDuty, "org", "member", "du03"}));
}

TEST_F(DemoChain, PersonViewOfP006) {
  EXPECT_THAT(PersonRows("p006", "2025-06-30"),
              ElementsAre(PRow{RKind::kPost, "org", "member", ""},
                          PRow{RKind::kInCharge, "d11", "member", ""},
                          PRow{RKind::kInCharge, "d12", "member", ""},
                          PRow{RKind::kInCharge, "a01", "member", ""},
                          PRow{RKind::kInCharge, "a06", "member", ""},
                          PRow{RKind::kInCharge, "a10", "member", ""},
                          PRow{RKind::kDuty, "org", "member", "du03"}));
}

TEST_F(DemoChain, PersonViewOfTheDisciplineSecretary) {
  EXPECT_THAT(PersonRows("p010", "2025-06-30"),
              ElementsAre(PRow{RKind::kPost, "opc", "deputy", ""},
                          PRow{RKind::kPost, "odc", "discipline_secretary", ""},
                          PRow{RKind::kSupervises, "org", "discipline_secretary", ""},
                          PRow{RKind::kSupervises, "opc", "discipline_secretary", ""},
                          PRow{RKind::kDuty, "odc", "discipline_secretary", "du06"}));
  EXPECT_THAT(PersonRows("p010", "2023-11-30"), ElementsAre());
}

TEST_F(DemoChain, PersonViewOfAGuide) {
  // p014: member of opc; guides d01b2 and d09b1 from 2024-01-01, d04 and a09b1 from 2024-09-01.
  EXPECT_THAT(PersonRows("p014", "2024-08-31"),
              ElementsAre(PRow{RKind::kPost, "opc", "member", ""},
                          PRow{RKind::kGuides, "d01b2", "", ""},
                          PRow{RKind::kGuides, "d09b1", "", ""},
                          PRow{RKind::kDuty, "opc", "member", "du05"}));
  EXPECT_THAT(PersonRows("p014", "2024-09-01"),
              ElementsAre(PRow{RKind::kPost, "opc", "member", ""},
                          PRow{RKind::kGuides, "d01b2", "", ""},
                          PRow{RKind::kGuides, "d04", "", ""},
                          PRow{RKind::kGuides, "d09b1", "", ""},
                          PRow{RKind::kGuides, "a09b1", "", ""},
                          PRow{RKind::kDuty, "opc", "member", "du05"}));
}

}  // namespace
