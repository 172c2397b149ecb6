// A small model with a member roster, and the same model with the roster's rows written
// by hand as the records they stand for (zeren/member_roster.h), for the writer and
// archive tests.
#ifndef ZEREN_TESTS_ROSTER_FIXTURE_H_
#define ZEREN_TESTS_ROSTER_FIXTURE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "zeren/member_roster.h"
#include "zeren/model.h"
#include "zeren/model_json.h"

namespace zeren::roster_fixture {

// Three units, one person record with a leadership post, extension keys on records (so
// that CSV has extension columns the rows leave empty) and one record appraisal.
inline const char kBaseJson[] = R"({
  "format": "zeren-model", "version": 1, "name": "roster-probe",
  "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
            {"id": "b1", "name": "Branch One", "kind": "branch", "parents": ["org"]},
            {"id": "b2", "name": "Branch Two", "kind": "branch", "parents": ["org"]}],
  "people": [{"id": "p1", "name": "Secretary A", "x_badge": 7}],
  "posts": [{"person": "p1", "unit": "b1", "role": "secretary", "from": "2024-01-01",
             "x_order_no": "2024-3"}],
  "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
                 "appraisals": [{"person": "p1", "score": 92.5}]}
})";

struct Row {
  const char* id;
  const char* name;
  const char* unit;
  const char* from;
  const char* to;  // "" when the post is open-ended
  std::optional<double> appraisal;
};

// Ids out of order (the roster then keeps an id order); one row without an appraisal, one
// whose post has ended, names with a comma, a quote and Chinese text.
inline std::vector<Row> Rows() {
  return {{"m05", "Member E", "b1", "2023-03-01", "", 88.5},
          {"m02", "Member, B", "b2", "2022-01-01", "2024-07-01", 90},
          {"m09", "Member \"I\"", "b1", "2021-05-01", "", std::nullopt},
          {"m01", "\xE6\x9D\x8E\xE5\x9B\x9B", "b2", "2020-01-01", "", 75.25},
          {"m07", "Member G", "b1", "2024-02-01", "", 60},
          {"m03", "Member C", "b2", "2019-09-09", "", 0.1}};
}

inline Interval Held(const Row& row) {
  Interval held;
  held.from = *ParseDate(row.from);
  if (*row.to != '\0') held.to = *ParseDate(row.to);
  return held;
}

inline ModelData BaseData() {
  absl::StatusOr<Model> base = ParseModelJson(kBaseJson);
  EXPECT_TRUE(base.ok()) << base.status();
  return base->data();
}

inline MemberRoster BuildRoster() {
  MemberRosterBuilder builder;
  for (const Row& row : Rows()) {
    EXPECT_TRUE(builder.Add(row.id, row.name, row.unit, Held(row), row.appraisal).ok());
  }
  return builder.Build();
}

// The base model with Rows() as a roster.
inline Model WithRoster() {
  ModelData data = BaseData();
  data.roster = BuildRoster();
  absl::StatusOr<Model> model = Model::Create(std::move(data));
  EXPECT_TRUE(model.ok()) << model.status();
  return *std::move(model);
}

// The base model with Rows() as records, appended after the base's own.
inline Model WithRecords() {
  ModelData data = BaseData();
  for (const Row& row : Rows()) {
    data.people.push_back(Person{row.id, row.name, {}});
    Post post;
    post.person = row.id;
    post.unit = row.unit;
    post.role = Role::kStaff;
    post.held = Held(row);
    data.posts.push_back(std::move(post));
    if (row.appraisal) {
      Appraisal appraisal;
      appraisal.person = row.id;
      appraisal.score = *row.appraisal;
      data.assessment->appraisals.push_back(std::move(appraisal));
    }
  }
  absl::StatusOr<Model> model = Model::Create(std::move(data));
  EXPECT_TRUE(model.ok()) << model.status();
  return *std::move(model);
}

}  // namespace zeren::roster_fixture

#endif  // ZEREN_TESTS_ROSTER_FIXTURE_H_
