// Conformance vector (tests/data/conformance): `zeren assess model-1.json --json` must give
// the units of expected/assess.json in the same order (by peer group, then rank), each with
// the same peer group, grade and rank, and own and total within 1e-9.
#include <fstream>
#include <sstream>
#include <string>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/statusor.h"
#include "zeren/assessment.h"
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

TEST(ConformanceAssess, Model1) {
  absl::StatusOr<zeren::Model> model = zeren::LoadModelFile(kData + "/model-1.json");
  ASSERT_TRUE(model.ok()) << model.status();
  absl::StatusOr<zeren::Snapshot> s = zeren::Snapshot::Compile(*model);
  ASSERT_TRUE(s.ok()) << s.status();
  absl::StatusOr<zeren::Assessment> a = zeren::Assess(*s);
  ASSERT_TRUE(a.ok()) << a.status();

  const json::value got = json::parse(zeren::AssessmentToJson(*s, *a));
  const json::value want = json::parse(ReadFile(kData + "/expected/assess.json"));

  EXPECT_EQ(Str(got.at("period").at("from")), Str(want.at("period").at("from")));
  EXPECT_EQ(Str(got.at("period").at("to")), Str(want.at("period").at("to")));

  const json::array& got_units = got.at("units").as_array();
  const json::array& want_units = want.at("units").as_array();
  ASSERT_EQ(got_units.size(), want_units.size());
  for (size_t k = 0; k < want_units.size(); ++k) {
    const json::value& g = got_units[k];
    const json::value& w = want_units[k];
    const std::string id = Str(w.at("unit"));
    SCOPED_TRACE(id);
    EXPECT_EQ(Str(g.at("unit")), id) << "position " << k;
    EXPECT_EQ(Str(g.at("peer_group")), Str(w.at("peer_group")));
    EXPECT_NEAR(g.at("own").to_number<double>(), w.at("own").to_number<double>(), 1e-9);
    EXPECT_NEAR(g.at("total").to_number<double>(), w.at("total").to_number<double>(), 1e-9);
    EXPECT_EQ(Str(g.at("grade")), Str(w.at("grade")));
    EXPECT_EQ(g.at("rank").to_number<int64_t>(), w.at("rank").to_number<int64_t>());
  }
}

}  // namespace
