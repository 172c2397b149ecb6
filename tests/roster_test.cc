// The member roster: its own lookups, and the promise that a model with roster rows answers
// exactly like the same model with those rows written out as Person, Post and Appraisal
// records (zeren/member_roster.h).
#include <cmath>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "zeren/accountability.h"
#include "zeren/archive.h"
#include "zeren/assessment.h"
#include "zeren/assessment_state.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/ledger.h"
#include "zeren/member_roster.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"

namespace zeren {
namespace {

Date D(const char* iso) { return *ParseDate(iso); }

struct Row {
  const char* id;
  const char* name;
  const char* unit;
  const char* from;
  const char* to;  // nullptr: open-ended
  std::optional<double> appraisal;
};

// Ids out of order (so the roster sorts an order); d05 already has record staff posts from
// 2023-01-01, which roster posts must merge with by start date.
const Row kRows[] = {
    {"r05", "Member Five", "d05", "2024-03-01", nullptr, 81},
    {"r01", "Member One", "d05", "2022-06-01", nullptr, 90.5},
    {"r03", "Member Three", "d05", "2023-01-01", "2025-05-01", 70},
    {"r02", "Member Two", "d01b1", "2020-01-01", nullptr, std::nullopt},
    {"r04", "Member Four", "d01b1", "2025-02-01", nullptr, 64},
    {"r06", "Member Six", "d02b3", "2019-09-09", "2024-01-01", 99},
};

MemberRoster BuildRoster() {
  MemberRosterBuilder builder;
  for (const Row& row : kRows) {
    const Interval held{D(row.from), row.to == nullptr ? kEndOfTime : D(row.to)};
    EXPECT_TRUE(builder.Add(row.id, row.name, row.unit, held, row.appraisal).ok());
  }
  return builder.Build();
}

ModelData Demo() {
  absl::StatusOr<Model> model = LoadModelFile(ZEREN_EXAMPLES "/organ.json");
  EXPECT_TRUE(model.ok()) << model.status();
  ModelData data = model->data();
  data.incidents[0].direct.push_back("r01");  // a roster person held to account
  // Appraisal records naming roster people: r01 twice besides their row's score, r02
  // whose row has none.
  data.assessment->appraisals.push_back(Appraisal{"r01", 77.25, {}});
  data.assessment->appraisals.push_back(Appraisal{"r02", 60, {}});
  data.assessment->appraisals.push_back(Appraisal{"r01", 88, {}});
  return data;
}

// The same rows as records, appended after the document's own, as writers write them.
ModelData AsRecords(ModelData data) {
  for (const Row& row : kRows) {
    data.people.push_back(Person{row.id, row.name, {}});
    Post post;
    post.person = row.id;
    post.unit = row.unit;
    post.role = Role::kStaff;
    post.held = Interval{D(row.from), row.to == nullptr ? kEndOfTime : D(row.to)};
    data.posts.push_back(post);
  }
  for (const Row& row : kRows) {
    if (row.appraisal) data.assessment->appraisals.push_back(Appraisal{row.id, *row.appraisal, {}});
  }
  return data;
}

TEST(MemberRoster, FindsRowsByIdWhateverTheOrderTheyCameIn) {
  const MemberRoster roster = BuildRoster();
  ASSERT_EQ(roster.size(), 6u);
  EXPECT_EQ(roster.Find("r01"), 1u);
  EXPECT_EQ(roster.Find("r06"), 5u);
  EXPECT_EQ(roster.Find("r00"), std::nullopt);
  EXPECT_EQ(roster.Find("r1"), std::nullopt);
  EXPECT_EQ(roster.Find(""), std::nullopt);
  EXPECT_EQ(roster.first_id(), "r01");
  EXPECT_EQ(roster.last_id(), "r06");
  std::vector<std::string> in_order;
  for (uint32_t k = 0; k < roster.size(); ++k) in_order.emplace_back(roster.id(roster.by_id(k)));
  EXPECT_EQ(in_order, (std::vector<std::string>{"r01", "r02", "r03", "r04", "r05", "r06"}));
}

TEST(MemberRoster, KeepsEachRowsFields) {
  const MemberRoster roster = BuildRoster();
  EXPECT_EQ(roster.name(2), "Member Three");
  EXPECT_STREQ(roster.id(2).data(), "r03");  // NUL-terminated for the C API
  EXPECT_STREQ(roster.name(2).data(), "Member Three");
  EXPECT_EQ(roster.unit_id(2), "d05");
  EXPECT_EQ(roster.unit_ids(), (std::vector<std::string>{"d05", "d01b1", "d02b3"}));
  EXPECT_EQ(roster.unit(4), 1u);
  EXPECT_EQ(roster.held(2).from, D("2023-01-01"));
  EXPECT_EQ(roster.held(2).to, D("2025-05-01"));
  EXPECT_EQ(roster.held(0).to, kEndOfTime);
  EXPECT_TRUE(roster.has_appraisal(1));
  EXPECT_EQ(roster.appraisal(1), 90.5);
  EXPECT_FALSE(roster.has_appraisal(3));
  EXPECT_TRUE(std::isnan(roster.appraisal(3)));
}

TEST(MemberRoster, IdsAddedInOrderNeedNoSortedOrder) {
  MemberRosterBuilder builder;
  ASSERT_TRUE(builder.Add("m1", "A", "u", Interval{0, kEndOfTime}).ok());
  ASSERT_TRUE(builder.Add("m2", "B", "u", Interval{0, kEndOfTime}).ok());
  const MemberRoster roster = builder.Build();
  EXPECT_TRUE(roster.columns().order.empty());
  EXPECT_EQ(roster.Find("m2"), 1u);
  EXPECT_EQ(builder.size(), 0u);  // Build empties the builder
}

TEST(MemberRoster, EmptyRosterFindsNothing) {
  const MemberRoster roster;
  EXPECT_TRUE(roster.empty());
  EXPECT_EQ(roster.Find("x"), std::nullopt);
  EXPECT_EQ(roster.first_id(), "");
}

TEST(MemberRoster, CopiesShareTheColumns) {
  ModelData data;
  data.roster = BuildRoster();
  const ModelData copy = data;
  EXPECT_EQ(&copy.roster.columns(), &data.roster.columns());
}

class RosterModel : public ::testing::Test {
 protected:
  void SetUp() override {
    ModelData with_roster = Demo();
    with_roster.roster = BuildRoster();
    absl::StatusOr<Model> roster_model = Model::Create(with_roster);
    ASSERT_TRUE(roster_model.ok()) << roster_model.status();
    absl::StatusOr<Model> record_model = Model::Create(AsRecords(Demo()));
    ASSERT_TRUE(record_model.ok()) << record_model.status();
    roster_model_ = *std::move(roster_model);
    roster_ = *Snapshot::Compile(*roster_model_);
    records_ = *Snapshot::Compile(*record_model);
  }

  std::optional<Model> roster_model_;
  std::optional<Snapshot> roster_, records_;
};

TEST_F(RosterModel, RowsArePeopleAndPostsAfterTheRecords) {
  const Snapshot& s = *roster_;
  ASSERT_EQ(s.record_people(), 381u);
  ASSERT_EQ(s.person_count(), 387u);
  ASSERT_EQ(s.post_count(), 406u);
  EXPECT_EQ(s.person_id(381), "r05");
  EXPECT_EQ(s.FindPerson("r03"), 383u);
  EXPECT_EQ(s.FindPerson("p001"), records_->FindPerson("p001"));
  EXPECT_EQ(s.FindPerson("r99"), std::nullopt);
  EXPECT_EQ(s.post_person(402), 383u);
  EXPECT_EQ(s.unit_id(s.post_unit(402)), "d05");
  EXPECT_EQ(s.post_role(402), Role::kStaff);
  EXPECT_EQ(s.post_held(402).to, D("2025-05-01"));
  EXPECT_TRUE(s.post_in_charge_of(402).empty());
  EXPECT_EQ(s.DescribePerson(383), "Member Three (r03)");
}

TEST_F(RosterModel, EveryIndexAnswersLikeTheRecords) {
  const Snapshot& a = *roster_;
  const Snapshot& b = *records_;
  ASSERT_EQ(a.person_count(), b.person_count());
  ASSERT_EQ(a.post_count(), b.post_count());
  for (PersonIndex p = 0; p < a.person_count(); ++p) {
    ASSERT_EQ(a.person_id(p), b.person_id(p)) << p;
    ASSERT_EQ(a.person_name(p), b.person_name(p)) << p;
    ASSERT_EQ(std::vector<PostIndex>(a.posts_of(p).begin(), a.posts_of(p).end()),
              std::vector<PostIndex>(b.posts_of(p).begin(), b.posts_of(p).end()))
        << a.person_id(p);
    ASSERT_EQ(a.appraisal_sum(p), b.appraisal_sum(p)) << p;
    ASSERT_EQ(a.appraisal_count(p), b.appraisal_count(p)) << p;
  }
  for (PostIndex post = 0; post < a.post_count(); ++post) {
    ASSERT_EQ(a.post_person(post), b.post_person(post)) << post;
    ASSERT_EQ(a.post_unit(post), b.post_unit(post)) << post;
    ASSERT_EQ(a.post_role(post), b.post_role(post)) << post;
    ASSERT_EQ(a.post_held(post).from, b.post_held(post).from) << post;
    ASSERT_EQ(a.post_held(post).to, b.post_held(post).to) << post;
  }
  for (UnitIndex u = 0; u < a.unit_count(); ++u) {
    ASSERT_EQ(std::vector<PostIndex>(a.posts_in(u).begin(), a.posts_in(u).end()),
              std::vector<PostIndex>(b.posts_in(u).begin(), b.posts_in(u).end()))
        << a.unit_id(u);
    for (Role role : {Role::kSecretary, Role::kHead, Role::kDeputy, Role::kMember,
                      Role::kDisciplineSecretary, Role::kStaff}) {
      const auto in_a = a.posts_in(u, role);
      const auto in_b = b.posts_in(u, role);
      ASSERT_EQ(std::vector<PostIndex>(in_a.begin(), in_a.end()),
                std::vector<PostIndex>(in_b.begin(), in_b.end()))
          << a.unit_id(u) << " " << Name(role);
    }
  }
}

TEST_F(RosterModel, EnginesAnswerLikeTheRecords) {
  const Snapshot& a = *roster_;
  const Snapshot& b = *records_;
  const Assessment assessed_a = *Assess(a);
  const Assessment assessed_b = *Assess(b);
  EXPECT_EQ(AssessmentToJson(a, assessed_a), AssessmentToJson(b, assessed_b));

  Accountant account_a(a), account_b(b);
  Accounting found_a, found_b;
  for (IncidentIndex i = 0; i < a.incident_count(); ++i) {
    account_a.Account(i, &found_a);
    account_b.Account(i, &found_b);
    EXPECT_EQ(AccountingToJson(a, found_a), AccountingToJson(b, found_b)) << i;
  }
  account_a.Account(0, &found_a);
  EXPECT_NE(AccountingToJson(a, found_a).find("\"r01\""), std::string::npos);

  const Date day = D("2025-06-30");
  EXPECT_EQ(AuditToJson(a, AuditAsOf(a, day)), AuditToJson(b, AuditAsOf(b, day)));
  EXPECT_EQ(LedgerToJson(a, LedgerAsOf(a, day)), LedgerToJson(b, LedgerAsOf(b, day)));
  for (const char* unit : {"d05", "d01b1", "d02b3"}) {
    EXPECT_EQ(ChainToJson(a, *ChainOf(a, *a.FindUnit(unit), day)),
              ChainToJson(b, *ChainOf(b, *b.FindUnit(unit), day)))
        << unit;
  }
}

// Left out of `people`, the rows are scored on demand exactly as Assess scores them.
TEST_F(RosterModel, RowsLeftOutOfPeopleAreScoredOnDemand) {
  const Snapshot& s = *roster_;
  const Assessment all = *Assess(s);
  AssessOptions options;
  options.score_members = false;
  const Assessment records_only = *Assess(s, s.scheme(), options);

  std::vector<PersonScore> expected_records;
  for (const PersonScore& p : all.people) {
    if (p.person < s.record_people()) expected_records.push_back(p);
  }
  ASSERT_EQ(records_only.people.size(), expected_records.size());
  ASSERT_LT(records_only.people.size(), all.people.size());
  for (size_t k = 0; k < expected_records.size(); ++k) {
    EXPECT_EQ(records_only.people[k].person, expected_records[k].person);
    EXPECT_EQ(records_only.people[k].score, expected_records[k].score);
  }

  // Every person, rows included, on demand: the full assessment's entry or none.
  size_t next = 0;
  for (PersonIndex p = 0; p < s.person_count(); ++p) {
    const std::optional<PersonScore> score = ScorePerson(s, records_only, p);
    if (next < all.people.size() && all.people[next].person == p) {
      ASSERT_TRUE(score.has_value()) << s.person_id(p);
      EXPECT_EQ(score->score, all.people[next].score) << s.person_id(p);
      EXPECT_EQ(score->posts, all.people[next].posts) << s.person_id(p);
      ++next;
    } else {
      EXPECT_FALSE(score.has_value()) << s.person_id(p);
    }
  }
  EXPECT_EQ(next, all.people.size());
  // r06's post ended before the period: no score. r05 is a member of d05.
  EXPECT_FALSE(ScorePerson(s, records_only, *s.FindPerson("r06")).has_value());
  const std::optional<PersonScore> r05 = ScorePerson(s, records_only, *s.FindPerson("r05"));
  ASSERT_TRUE(r05.has_value());
  EXPECT_EQ(r05->score, all.units[*s.FindUnit("d05")].total);
}

// A row's person who also holds record posts counts once in the `members` component of
// each unit, as a record person does, on any number of threads.
TEST(RosterAssessment, RowPersonWithRecordPostsCountsOncePerUnit) {
  absl::StatusOr<Model> base = ParseModelJson(R"({
    "format": "zeren-model", "version": 1,
    "units": [{"id": "org", "name": "Org", "kind": "leading_group"},
              {"id": "b1", "name": "B1", "kind": "branch", "parents": ["org"]},
              {"id": "b2", "name": "B2", "kind": "branch", "parents": ["org"]}],
    "people": [{"id": "p1", "name": "Secretary One"}],
    "posts": [{"person": "p1", "unit": "b1", "role": "secretary", "from": "2024-01-01"}],
    "assessment": {"period": {"from": "2025-01-01", "to": "2026-01-01"},
                   "appraisals": [{"person": "p1", "score": 90}]}
  })");
  ASSERT_TRUE(base.ok()) << base.status();
  ModelData data = base->data();
  MemberRosterBuilder builder;
  const Interval since_2023{D("2023-01-01"), kEndOfTime};
  ASSERT_TRUE(builder.Add("r1", "Member One", "b1", since_2023, 80).ok());
  ASSERT_TRUE(builder.Add("r2", "Member Two", "b2", since_2023, 70).ok());
  data.roster = builder.Build();
  for (auto [unit, role] : {std::pair{"b1", Role::kDeputy}, std::pair{"b2", Role::kMember}}) {
    Post post;
    post.person = "r1";
    post.unit = unit;
    post.role = role;
    post.held = Interval{D("2024-01-01"), kEndOfTime};
    data.posts.push_back(post);
  }
  absl::StatusOr<Model> model = Model::Create(std::move(data));
  ASSERT_TRUE(model.ok()) << model.status();
  const Snapshot s = *Snapshot::Compile(*model);

  for (int threads : {1, 2, 3}) {
    AssessOptions options;
    options.threads = threads;
    const Assessment a = *Assess(s, s.scheme(), options);
    // b1: p1 (90) and r1 (80) once, though r1 holds two posts there.
    EXPECT_EQ(a.units[*s.FindUnit("b1")].members, 85.0) << threads;
    // b2: r1 through a record post (80) and r2 through its row (70).
    EXPECT_EQ(a.units[*s.FindUnit("b2")].members, 75.0) << threads;
    EXPECT_FALSE(a.units[*s.FindUnit("org")].members.has_value()) << threads;
  }
}

// An AssessmentState keeps its options: Regrade leaves the rows out again.
TEST_F(RosterModel, RegradeKeepsRowsOutOfPeople) {
  const Snapshot& s = *roster_;
  AssessOptions options;
  options.score_members = false;
  absl::StatusOr<AssessmentState> state = AssessmentState::Create(s, s.scheme(), options);
  ASSERT_TRUE(state.ok()) << state.status();
  const size_t listed = state->assessment().people.size();
  ASSERT_GT(listed, 0u);
  EXPECT_LT(listed, Assess(s)->people.size());
  state->Regrade();
  EXPECT_EQ(state->assessment().people.size(), listed);
  for (const PersonScore& p : state->assessment().people) EXPECT_LT(p.person, s.record_people());
}

TEST_F(RosterModel, ArchivedSnapshotAnswersLikeTheCompiledOne) {
  absl::StatusOr<std::string> bytes = ArchiveToBytes(*roster_model_, &*roster_);
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(*bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_TRUE(loaded->snapshot.has_value());
  const Snapshot& s = *loaded->snapshot;
  EXPECT_EQ(s.roster().size(), 6u);
  EXPECT_EQ(s.person_count(), 387u);
  EXPECT_EQ(s.FindPerson("r03"), 383u);
  EXPECT_EQ(s.unit_id(s.post_unit(402)), "d05");
  EXPECT_EQ(AssessmentToJson(s, *Assess(s)), AssessmentToJson(*records_, *Assess(*records_)));
}

TEST_F(RosterModel, AppraisalRecordsNamingRowsComeBeforeTheRowsOwn) {
  for (const Snapshot* s : {&*roster_, &*records_}) {
    const PersonIndex r01 = *s->FindPerson("r01"), r02 = *s->FindPerson("r02");
    EXPECT_EQ(s->appraisal_sum(r01), (77.25 + 88) + 90.5);
    EXPECT_EQ(s->appraisal_count(r01), 3u);
    EXPECT_EQ(s->appraisal_sum(r02), 60);
    EXPECT_EQ(s->appraisal_count(r02), 1u);
    EXPECT_EQ(s->appraisal_sum(*s->FindPerson("r05")), 81);
    EXPECT_EQ(s->appraisal_count(*s->FindPerson("r05")), 1u);
    EXPECT_EQ(s->appraisal_count(*s->FindPerson("r03")), 1u);
  }
  // Archived and loaded, the named rows' sums come back too.
  absl::StatusOr<LoadedArchive> loaded =
      ArchiveFromBytes(*ArchiveToBytes(*roster_model_, &*roster_));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  for (PersonIndex p = 0; p < roster_->person_count(); ++p) {
    ASSERT_EQ(loaded->snapshot->appraisal_sum(p), roster_->appraisal_sum(p)) << p;
    ASSERT_EQ(loaded->snapshot->appraisal_count(p), roster_->appraisal_count(p)) << p;
  }
}

TEST_F(RosterModel, SnapshotWithoutTheRosterIsNotSavedWithIt) {
  const Model plain = *LoadModelFile(ZEREN_EXAMPLES "/organ.json");
  const Snapshot plain_snapshot = *Snapshot::Compile(plain);
  absl::StatusOr<std::string> mixed = ArchiveToBytes(*roster_model_, &plain_snapshot);
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.status().message(), "the snapshot was not compiled from this model");
}

}  // namespace
}  // namespace zeren
