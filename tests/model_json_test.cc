#include "zeren/model_json.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace zeren {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kConformance = std::string(ZEREN_TEST_DATA) + "/conformance/model-1.json";
const std::string kDemo = std::string(ZEREN_EXAMPLES) + "/organ.json";

// Saving, loading and saving again gives the same text.
void ExpectStableRoundTrip(const Model& model) {
  const std::string once = ModelToJson(model);
  absl::StatusOr<Model> again = ParseModelJson(once);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(ModelToJson(*again), once);
}

TEST(ModelJson, LoadsTheConformanceModel) {
  absl::StatusOr<Model> model = LoadModelFile(kConformance);
  ASSERT_TRUE(model.ok()) << model.status();
  const ModelData& d = model->data();
  EXPECT_EQ(d.name, "Conformance organization 1");
  EXPECT_EQ(d.settings.warn_days, 10);
  ASSERT_EQ(d.units.size(), 8u);
  const Unit* joint = model->FindUnit("joint");
  ASSERT_NE(joint, nullptr);
  ASSERT_EQ(joint->parents.size(), 2u);
  EXPECT_EQ(joint->parents[0].unit, "party");
  EXPECT_EQ(joint->parents[0].weight, 0.7);
  EXPECT_EQ(joint->parents[1].weight, 0.3);
  EXPECT_EQ(joint->members, 12);
  ASSERT_EQ(d.posts.size(), 15u);
  EXPECT_EQ(d.posts[3].held.from, *ParseDate("2024-01-01"));
  EXPECT_EQ(d.posts[3].held.to, *ParseDate("2025-04-01"));
  EXPECT_EQ(d.posts[3].in_charge_of, std::vector<std::string>{"dept2"});
  EXPECT_EQ(d.links[1].kind, LinkKind::kGuides);
  EXPECT_EQ(d.links[1].valid.from, *ParseDate("2024-06-01"));
  EXPECT_EQ(d.links[1].valid.to, kEndOfTime);
  ASSERT_EQ(d.directives.size(), 1u);
  EXPECT_EQ(d.directives[0].reach, 2);
  ASSERT_EQ(d.directives[0].tasks[0].subtasks.size(), 2u);
  EXPECT_EQ(d.directives[0].tasks[0].subtasks[0].completed, ParseDate("2025-03-12"));
  EXPECT_EQ(d.directives[0].tasks[2].status, TaskStatus::kCancelled);
  ASSERT_EQ(d.incidents.size(), 3u);
  EXPECT_EQ(d.incidents[1].since, ParseDate("2025-01-01"));
  EXPECT_EQ(d.incidents[1].severity, Severity::kGrave);
  EXPECT_EQ(d.incidents[2].circumstances.size(), 3u);
  EXPECT_EQ(d.incidents[2].circumstances[0].kind, CircumstanceKind::kObjectionOnRecord);
  EXPECT_EQ(d.incidents[2].circumstances[0].person, "j");
  ASSERT_TRUE(d.assessment.has_value());
  EXPECT_EQ(d.assessment->points.size(), 32u);
  EXPECT_EQ(d.assessment->ballots[2].subject.role, std::nullopt);
  EXPECT_EQ(d.assessment->ballots[0].subject.role, Role::kSecretary);
  EXPECT_EQ(d.assessment->appraisals.size(), 7u);
  EXPECT_EQ(d.assessment->scheme_json.substr(0, 15), "{\"dimensions\": ");
  EXPECT_EQ(d.policy_json.substr(0, 12), "{\"degrees\": ");
  ExpectStableRoundTrip(*model);
}

TEST(ModelJson, LoadsAndRoundTripsTheDemo) {
  absl::StatusOr<Model> model = LoadModelFile(kDemo);
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_EQ(model->data().units.size(), 200u);
  EXPECT_EQ(model->data().extras.size(), 1u);
  EXPECT_EQ(model->data().extras[0].first, "x_note");
  ExpectStableRoundTrip(*model);
}

// Every section survives a save and a load: the value semantics of the document.
TEST(ModelJson, RoundTripKeepsEverySectionAndExtension) {
  const char* text = R"({
    "format": "zeren-model", "version": 1, "name": "t", "x_top": {"a": [1, 2.5]},
    "settings": {"warn_days": 3, "x_s": true},
    "units": [{"id": "r", "name": "Root", "kind": "leading_group", "x_code": "R-1"},
              {"id": "u", "name": "U", "kind": "custom_kind", "members": 5,
               "parents": [{"unit": "r", "weight": 0.1, "x_note": null}],
               "from": "2020-01-01", "to": "2030-01-01"}],
    "people": [{"id": "p", "name": "P", "x_rank": 3}],
    "posts": [{"person": "p", "unit": "u", "role": "deputy", "from": "2021-01-01",
               "in_charge_of": ["u"], "x_y": 1}],
    "links": [{"kind": "specializes", "from": "r", "to": "u", "to_date": "2029-01-01", "x_l": 1}],
    "duties": [{"id": "d", "holder": {"unit": "u", "role": "deputy", "x_h": 2}, "category": "dual_post",
                "x_d": 3}],
    "directives": [{"id": "dv", "issued_by": "r", "date": "2025-01-01",
                    "tasks": [{"id": "t", "unit": "u", "due": "2025-02-01", "status": "verified",
                               "completed": "2025-01-20", "x_t": "keep"}],
                    "reviews": [{"date": "2025-03-01", "result": "fail", "note": "n", "x_r": 4}],
                    "x_dv": 5}],
    "incidents": [{"id": "i", "unit": "u", "date": "2025-05-01", "severity": "grave",
                   "case": "c", "task": "t", "duty": "d", "participants": ["p"],
                   "circumstances": [{"kind": "repeat", "x_c": 6}], "x_i": 7}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01", "x_p": 8}, "x_a": 9,
                   "points": [{"unit": "u", "indicator": "integrity.meetings", "value": 0.30000000000000004}],
                   "bonuses": [{"unit": "u", "points": 1.5}],
                   "ballots": [{"subject": {"unit": "u"}, "good": 3}],
                   "reviews": [{"unit": "u", "score": 88}],
                   "appraisals": [{"person": "p", "score": 91.25}]},
    "policy": {"degrees": {"direct": 0.95}}
  })";
  absl::StatusOr<Model> model = ParseModelJson(text);
  ASSERT_TRUE(model.ok()) << model.status();
  absl::StatusOr<Model> again = ParseModelJson(ModelToJson(*model));
  ASSERT_TRUE(again.ok()) << again.status();
  const ModelData& d = again->data();
  EXPECT_EQ(d.extras, (Extras{{"x_top", "{\"a\": [1, 2.5]}"}}));
  EXPECT_EQ(d.settings.warn_days, 3);
  EXPECT_EQ(d.settings.max_secretary_posts, 3);
  EXPECT_EQ(d.settings.extras, (Extras{{"x_s", "true"}}));
  EXPECT_EQ(d.units[0].extras, (Extras{{"x_code", "\"R-1\""}}));
  EXPECT_EQ(d.units[1].kind, "custom_kind");
  EXPECT_EQ(d.units[1].parents[0].weight, 0.1);
  EXPECT_EQ(d.units[1].parents[0].extras, (Extras{{"x_note", "null"}}));
  EXPECT_EQ(d.units[1].exists.from, *ParseDate("2020-01-01"));
  EXPECT_EQ(d.units[1].exists.to, *ParseDate("2030-01-01"));
  EXPECT_EQ(d.people[0].extras, (Extras{{"x_rank", "3"}}));
  EXPECT_EQ(d.posts[0].extras, (Extras{{"x_y", "1"}}));
  EXPECT_EQ(d.links[0].valid.from, kBeginningOfTime);
  EXPECT_EQ(d.links[0].valid.to, *ParseDate("2029-01-01"));
  EXPECT_EQ(d.duties[0].holder.role, Role::kDeputy);
  EXPECT_EQ(d.directives[0].reach, 1);
  EXPECT_EQ(d.directives[0].tasks[0].extras, (Extras{{"x_t", "\"keep\""}}));
  EXPECT_EQ(d.directives[0].reviews[0].result, ReviewResult::kFail);
  EXPECT_EQ(d.directives[0].reviews[0].task, "");
  EXPECT_EQ(d.incidents[0].case_id, "c");
  EXPECT_EQ(d.incidents[0].participants, std::vector<std::string>{"p"});
  EXPECT_EQ(d.assessment->points[0].value, 0.30000000000000004);
  EXPECT_EQ(d.assessment->scheme_json, "\"default\"");
  EXPECT_EQ(d.assessment->bonuses[0].points, 1.5);
  EXPECT_EQ(d.assessment->ballots[0].good, 3);
  EXPECT_EQ(d.assessment->appraisals[0].score, 91.25);
  EXPECT_EQ(d.policy_json, "{\"degrees\": {\"direct\": 0.95}}");
  EXPECT_EQ(d.links[0].extras, (Extras{{"x_l", "1"}}));
  EXPECT_EQ(d.duties[0].holder.extras, (Extras{{"x_h", "2"}}));
  EXPECT_EQ(d.duties[0].extras, (Extras{{"x_d", "3"}}));
  EXPECT_EQ(d.directives[0].reviews[0].extras, (Extras{{"x_r", "4"}}));
  EXPECT_EQ(d.directives[0].extras, (Extras{{"x_dv", "5"}}));
  EXPECT_EQ(d.incidents[0].circumstances[0].extras, (Extras{{"x_c", "6"}}));
  EXPECT_EQ(d.incidents[0].extras, (Extras{{"x_i", "7"}}));
  EXPECT_EQ(d.assessment->period_extras, (Extras{{"x_p", "8"}}));
  EXPECT_EQ(d.assessment->extras, (Extras{{"x_a", "9"}}));
  ExpectStableRoundTrip(*again);
}

TEST(ModelJson, WritesPlainDecimalsNeverExponents) {
  absl::StatusOr<Model> model = ParseModelJson(R"({"format": "zeren-model", "version": 1,
    "units": [{"id": "r", "name": "R", "kind": "k"},
              {"id": "u", "name": "U", "kind": "k", "parents": [{"unit": "r", "weight": 6E-1}]}]})");
  ASSERT_TRUE(model.ok()) << model.status();
  const std::string json = ModelToJson(*model);
  EXPECT_NE(json.find("\"weight\": 0.6}"), std::string::npos) << json;
  for (const char* exponent : {"e-", "E-", "e+", "E+"}) {
    EXPECT_EQ(json.find(exponent), std::string::npos) << exponent;
  }
}

TEST(ModelJson, SavesAtomicallyAndLoadsBack) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("zeren-save-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  const std::string path = (folder / "m.json").string();
  absl::StatusOr<Model> model = LoadModelFile(kConformance);
  ASSERT_TRUE(model.ok());
  ASSERT_TRUE(SaveModelFile(*model, path).ok());
  EXPECT_EQ(ReadFile(path), ModelToJson(*model));
  absl::StatusOr<Model> loaded = LoadModelFile(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(ModelToJson(*loaded), ModelToJson(*model));
  // Only the document is left: the temporary file was renamed over it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder),
                          std::filesystem::directory_iterator()),
            1);
  std::filesystem::remove_all(folder);
}

TEST(ModelJson, SaveIntoAMissingFolderFailsCleanly) {
  absl::StatusOr<Model> model = ParseModelJson(
      R"({"format": "zeren-model", "version": 1, "units": []})");
  ASSERT_TRUE(model.ok());
  const absl::Status status = SaveModelFile(*model, "/nonexistent-zeren-folder/m.json");
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(status.message(),
            "/nonexistent-zeren-folder/m.json: cannot create a temporary file: No such file or "
            "directory");
}

TEST(ModelJson, MissingFileIsNotFoundAndNamed) {
  absl::StatusOr<Model> model = LoadModelFile("/nonexistent/zeren.json");
  EXPECT_EQ(model.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(model.status().message(),
            "/nonexistent/zeren.json: cannot open the file: No such file or directory");
}

TEST(ModelJson, FileErrorsStartWithTheFileName) {
  ProblemList problems;
  absl::StatusOr<Model> model =
      LoadModelFile(std::string(ZEREN_TEST_DATA) + "/cli/duplicate-unit.json", &problems);
  EXPECT_EQ(model.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(model.status().message(), std::string(ZEREN_TEST_DATA) +
                                          "/cli/duplicate-unit.json: units[1].id: duplicate id "
                                          "\"b1\" (first at units[0])");
  ASSERT_EQ(problems.total(), 1u);
  EXPECT_EQ(problems.kept()[0].id, "b1");
}

}  // namespace
}  // namespace zeren
