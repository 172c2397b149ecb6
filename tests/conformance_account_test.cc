// Conformance vectors (tests/data/conformance): `zeren account model-1.json --incident K
// --json` for K = k1, k2, k3 must give the parties of expected/account-K.json — the same
// set, and for each the same category, form, adjustments (in order) and degree (within 1e-9).
// Parties may come in any order in the expected files.
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/statusor.h"
#include "zeren/accountability.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/policy.h"
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

struct PartyResult {
  std::string category;
  std::string form;
  std::vector<std::string> adjustments;
  double degree;
};

// "person:<id>" or "unit:<id>".
std::string Label(const json::value& party) {
  const json::object& p = party.as_object();
  EXPECT_EQ(p.size(), 1u);
  if (p.contains("person")) return "person:" + Str(p.at("person"));
  return "unit:" + Str(p.at("unit"));
}

std::map<std::string, PartyResult> ByParty(const json::value& accounting) {
  std::map<std::string, PartyResult> out;
  for (const json::value& entry : accounting.at("parties").as_array()) {
    PartyResult r;
    r.category = Str(entry.at("category"));
    r.form = Str(entry.at("form"));
    for (const json::value& a : entry.at("adjustments").as_array()) r.adjustments.push_back(Str(a));
    r.degree = entry.at("degree").to_number<double>();
    const std::string label = Label(entry.at("party"));
    EXPECT_TRUE(out.emplace(label, r).second) << "party listed twice: " << label;
  }
  return out;
}

std::vector<std::string> Labels(const std::map<std::string, PartyResult>& m) {
  std::vector<std::string> out;
  for (const auto& [label, r] : m) out.push_back(label);
  return out;
}

class Conformance : public ::testing::Test {
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

  // The engine's result for `incident`, through AccountingToJson, parsed.
  static json::value Actual(const char* incident) {
    std::optional<zeren::IncidentIndex> i = snapshot_->FindIncident(incident);
    EXPECT_TRUE(i.has_value()) << incident;
    if (!i) return json::value();
    zeren::Accounting accounting;
    zeren::Accountant(*snapshot_).Account(*i, &accounting);
    return json::parse(zeren::AccountingToJson(*snapshot_, accounting));
  }

  static void Check(const char* incident) {
    ASSERT_NE(snapshot_, nullptr);
    const json::value expected =
        json::parse(ReadFile(kData + "/expected/account-" + std::string(incident) + ".json"));
    const json::value actual = Actual(incident);
    ASSERT_TRUE(actual.is_object());
    EXPECT_EQ(Str(actual.at("incident")), incident);
    EXPECT_EQ(Str(expected.at("incident")), incident);

    const std::map<std::string, PartyResult> want = ByParty(expected);
    const std::map<std::string, PartyResult> got = ByParty(actual);
    EXPECT_EQ(Labels(got), Labels(want));
    for (const auto& [label, w] : want) {
      SCOPED_TRACE(label);
      auto it = got.find(label);
      if (it == got.end()) {
        ADD_FAILURE() << "missing party " << label;
        continue;
      }
      const PartyResult& g = it->second;
      EXPECT_EQ(g.category, w.category);
      EXPECT_EQ(g.form, w.form);
      EXPECT_EQ(g.adjustments, w.adjustments);
      EXPECT_NEAR(g.degree, w.degree, 1e-9);
    }
    ExpectSpecOrder(actual);
  }

  // The engine lists parties by degree descending, category precedence, person before
  // unit, then id (spec "Outputs").
  static void ExpectSpecOrder(const json::value& actual) {
    using Key = std::tuple<double, int, int, std::string>;
    std::vector<Key> keys;
    for (const json::value& entry : actual.at("parties").as_array()) {
      const std::optional<zeren::Category> category =
          zeren::ParseCategory(Str(entry.at("category")));
      EXPECT_TRUE(category.has_value());
      const bool unit = entry.at("party").as_object().contains("unit");
      keys.emplace_back(-entry.at("degree").to_number<double>(),
                        static_cast<int>(category.value_or(zeren::Category::kUpward)),
                        unit ? 1 : 0,
                        Str(entry.at("party").at(unit ? "unit" : "person")));
    }
    for (size_t k = 1; k < keys.size(); ++k) {
      EXPECT_LT(keys[k - 1], keys[k]) << "parties " << k - 1 << " and " << k << " out of order";
    }
  }

  static zeren::Snapshot* snapshot_;
};

zeren::Snapshot* Conformance::snapshot_ = nullptr;

TEST_F(Conformance, AccountK1) { Check("k1"); }
TEST_F(Conformance, AccountK2) { Check("k2"); }
TEST_F(Conformance, AccountK3) { Check("k3"); }

}  // namespace
