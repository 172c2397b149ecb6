// Suite ConformanceLedgerAudit, not Conformance: the account vectors' fixture (another
// translation unit) already owns that suite name, and GoogleTest fails every test of a suite
// whose tests come from two fixture classes.
//
// Conformance vectors (tests/data/conformance): `zeren ledger model-1.json --as-of D --json`
// and `zeren audit model-1.json --as-of D --json` for D = 2025-03-12 and 2025-12-31 must give
// expected/ledger-D.json and expected/audit-D.json:
// * ledger: the tasks (task, unit, light) equal, in document order; each directive's levels
//   and break points equal;
// * audit: the findings equal as sets of (kind, subject) — findings may come in any order in
//   the expected files — and ours in the spec's order (severity, kind, subject id).
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/statusor.h"
#include "zeren/audit.h"
#include "zeren/date.h"
#include "zeren/ledger.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"

namespace {

namespace json = boost::json;

const std::string kData = std::string(ZEREN_TEST_DATA) + "/conformance";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Str(const json::value& v) {
  const json::string& s = v.as_string();
  return std::string(s.data(), s.size());
}

// (task, unit, light) of each task, in order.
std::vector<std::string> Tasks(const json::value& ledger) {
  std::vector<std::string> out;
  for (const json::value& t : ledger.at("tasks").as_array()) {
    out.push_back(Str(t.at("task")) + " " + Str(t.at("unit")) + " " + Str(t.at("light")));
  }
  return out;
}

// directive id → (levels as "level reached/done/on_time", break points).
using DirectiveRow = std::tuple<std::string, std::vector<std::string>, std::vector<std::string>>;

std::vector<DirectiveRow> Directives(const json::value& ledger) {
  std::vector<DirectiveRow> out;
  for (const json::value& d : ledger.at("directives").as_array()) {
    std::vector<std::string> levels, breaks;
    for (const json::value& l : d.at("levels").as_array()) {
      levels.push_back(std::to_string(l.at("level").to_number<int64_t>()) + " " +
                       std::to_string(l.at("reached").to_number<int64_t>()) + "/" +
                       std::to_string(l.at("done").to_number<int64_t>()) + "/" +
                       std::to_string(l.at("on_time").to_number<int64_t>()));
    }
    for (const json::value& b : d.at("break_points").as_array()) breaks.push_back(Str(b));
    out.emplace_back(Str(d.at("directive")), std::move(levels), std::move(breaks));
  }
  return out;
}

// The subject of a finding: "person:<id>" for conflict_of_interest and overloaded_person,
// "duty:<id>" for duty_without_holder, else "unit:<id>".
std::string Subject(const json::value& f) {
  const std::string kind = Str(f.at("kind"));
  if (kind == "conflict_of_interest" || kind == "overloaded_person") {
    return "person:" + Str(f.at("person"));
  }
  if (kind == "duty_without_holder") return "duty:" + Str(f.at("duty"));
  return "unit:" + Str(f.at("unit"));
}

std::vector<std::pair<std::string, std::string>> Findings(const json::value& audit) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const json::value& f : audit.at("findings").as_array()) {
    out.emplace_back(Str(f.at("kind")), Subject(f));
  }
  return out;
}

int SeverityRank(const std::string& kind) {
  if (kind == "vacant_first_responsible" || kind == "conflict_of_interest") return 0;
  if (kind == "overloaded_person") return 2;
  return 1;
}

class ConformanceLedgerAudit : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<zeren::Model> model = zeren::LoadModelFile(kData + "/model-1.json");
    ASSERT_TRUE(model.ok()) << model.status();
    absl::StatusOr<zeren::Snapshot> snapshot = zeren::Snapshot::Compile(*model);
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
    snapshot_ = new zeren::Snapshot(*std::move(snapshot));
  }
  static void TearDownTestSuite() {
    delete snapshot_;
    snapshot_ = nullptr;
  }

  static zeren::Date Day(const std::string& text) {
    const std::optional<zeren::Date> d = zeren::ParseDate(text);
    EXPECT_TRUE(d.has_value()) << text;
    return d.value_or(0);
  }

  static void CheckLedger(const std::string& day) {
    ASSERT_NE(snapshot_, nullptr);
    const json::value expected = json::parse(ReadFile(kData + "/expected/ledger-" + day + ".json"));
    const json::value actual =
        json::parse(zeren::LedgerToJson(*snapshot_, zeren::LedgerAsOf(*snapshot_, Day(day))));
    EXPECT_EQ(Str(actual.at("as_of")), day);
    EXPECT_EQ(Str(expected.at("as_of")), day);
    EXPECT_EQ(Tasks(actual), Tasks(expected));
    EXPECT_EQ(Directives(actual), Directives(expected));
  }

  static void CheckAudit(const std::string& day) {
    ASSERT_NE(snapshot_, nullptr);
    const json::value expected = json::parse(ReadFile(kData + "/expected/audit-" + day + ".json"));
    const json::value actual =
        json::parse(zeren::AuditToJson(*snapshot_, zeren::AuditAsOf(*snapshot_, Day(day))));
    EXPECT_EQ(Str(actual.at("as_of")), day);
    EXPECT_EQ(Str(expected.at("as_of")), day);
    const auto got = Findings(actual);
    const auto want = Findings(expected);
    const std::set<std::pair<std::string, std::string>> distinct(got.begin(), got.end());
    EXPECT_EQ(got.size(), distinct.size()) << "a finding is listed twice";
    EXPECT_EQ((std::multiset<std::pair<std::string, std::string>>(got.begin(), got.end())),
              (std::multiset<std::pair<std::string, std::string>>(want.begin(), want.end())));
    // Ours in the spec's order: severity (critical, warning, info), kind, subject id.
    using Key = std::tuple<int, std::string, std::string>;
    std::vector<Key> keys;
    for (const auto& [kind, subject] : got) {
      keys.emplace_back(SeverityRank(kind), kind, subject.substr(subject.find(':') + 1));
    }
    for (size_t k = 1; k < keys.size(); ++k) {
      EXPECT_LE(keys[k - 1], keys[k]) << "findings " << k - 1 << " and " << k << " out of order";
    }
  }

  static zeren::Snapshot* snapshot_;
};

zeren::Snapshot* ConformanceLedgerAudit::snapshot_ = nullptr;

TEST_F(ConformanceLedgerAudit, Ledger20250312) { CheckLedger("2025-03-12"); }
TEST_F(ConformanceLedgerAudit, Ledger20251231) { CheckLedger("2025-12-31"); }
TEST_F(ConformanceLedgerAudit, Audit20250312) { CheckAudit("2025-03-12"); }
TEST_F(ConformanceLedgerAudit, Audit20251231) { CheckAudit("2025-12-31"); }

// The exact order the spec's rule gives for the expected findings of 2025-03-12.
TEST_F(ConformanceLedgerAudit, AuditOrder20250312) {
  ASSERT_NE(snapshot_, nullptr);
  const json::value actual = json::parse(
      zeren::AuditToJson(*snapshot_, zeren::AuditAsOf(*snapshot_, Day("2025-03-12"))));
  EXPECT_EQ(Findings(actual),
            (std::vector<std::pair<std::string, std::string>>{
                {"vacant_first_responsible", "unit:br12"},
                {"duty_without_holder", "duty:du3"},
                {"overdue_tasks", "unit:br12"},
                {"stalled_cascade", "unit:dept2"},
                {"unguided_branch", "unit:dept2"},
                {"unguided_branch", "unit:joint"}}));
}

}  // namespace
