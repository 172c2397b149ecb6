// Regressions found by review: each test names what went wrong.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/ledger.h"
#include "zeren/model_json.h"
#include "zeren/snapshot.h"

namespace zeren {
namespace {

Snapshot Compiled(const std::string& text) {
  absl::StatusOr<Model> model = ParseModelJson(text);
  EXPECT_TRUE(model.ok()) << model.status();
  return *Snapshot::Compile(*model);
}

// Vote counts of many ballots used to be summed in int64 and overflow (undefined behaviour).
TEST(Regression, ManyHugeBallotsStillScore) {
  std::string ballots;
  for (int i = 0; i < 1024; ++i) {
    absl::StrAppend(&ballots, i ? ", " : "",
                    R"({"subject": {"unit": "u"}, "good": 9007199254740992})");
  }
  const Snapshot s = Compiled(absl::StrCat(
      R"({"format": "zeren-model", "version": 1, "units": [{"id": "u", "name": "U", "kind": "branch"}],
          "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"}, "ballots": [)",
      ballots, "]}}"));
  absl::StatusOr<Assessment> a = Assess(s);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a->units[0].ballot.has_value());
  EXPECT_EQ(*a->units[0].ballot, 100.0);
}

const char kDissolved[] = R"({"format": "zeren-model", "version": 1,
  "units": [{"id": "top", "name": "Top", "kind": "leading_group"},
            {"id": "dc", "name": "DC", "kind": "discipline_commission", "parents": ["top"], "to": "2025-01-01"},
            {"id": "b", "name": "B", "kind": "general_branch", "parents": ["top"]},
            {"id": "old", "name": "Old", "kind": "group", "parents": ["b"], "to": "2024-06-01"}],
  "people": [{"id": "p", "name": "P"}],
  "posts": [{"person": "p", "unit": "top", "role": "secretary", "from": "2020-01-01"},
            {"person": "p", "unit": "b", "role": "head", "from": "2020-01-01"}],
  "links": [{"kind": "supervises", "from": "dc", "to": "top"}],
  "directives": [{"id": "dv", "issued_by": "top", "date": "2025-01-10", "reach": 2,
                  "tasks": [{"id": "t", "unit": "b", "due": "2025-12-01", "status": "open"}]}]})";

// A dissolved discipline body supervised no one; a dissolved child cannot receive a task.
TEST(Regression, DissolvedUnitsNeitherSuperviseNorStallACascade) {
  const Snapshot s = Compiled(kDissolved);
  const AuditReport audit = AuditAsOf(s, *ParseDate("2025-06-01"));
  std::vector<std::string> kinds;
  for (const Finding& f : audit.findings) kinds.push_back(absl::StrCat(Name(f.kind), ":", s.unit_id(f.unit)));
  EXPECT_EQ(kinds, (std::vector<std::string>{"vacant_first_responsible:b", "unsupervised:b",
                                             "unsupervised:top"}));
  const LedgerReport ledger = LedgerAsOf(s, *ParseDate("2025-06-01"));
  ASSERT_EQ(ledger.directives.size(), 1u);
  EXPECT_TRUE(ledger.directives[0].break_points.empty());
}

// A roll-up whose weights sum to 0 used to be explained as a weighted mean.
TEST(Regression, ExplainSaysNothingOfSubordinatesThatWeighNothing) {
  const Snapshot s = Compiled(R"({"format": "zeren-model", "version": 1,
    "units": [{"id": "r", "name": "R", "kind": "k", "members": 3},
              {"id": "c", "name": "C", "kind": "k", "parents": ["r"]}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"}}})");
  absl::StatusOr<Assessment> a = Assess(s);
  ASSERT_TRUE(a.ok());
  const UnitIndex r = *s.FindUnit("r");
  EXPECT_EQ(a->units[r].total, a->units[r].own);
  for (const std::string& line : Explain(s, *a, r)) {
    EXPECT_EQ(line.find("weighted mean"), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace zeren
