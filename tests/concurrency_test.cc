// One snapshot queried from many threads (chains, people, accountability, ledger, audit,
// assessment) while other threads compile new snapshots from the same unmodified model:
// every answer must equal the single-threaded one. Run under ThreadSanitizer too (the tsan
// preset), which reports any data race the comparison could miss.
#include <string>
#include <thread>
#include <vector>

#include "bench/synthetic_org.h"
#include "gtest/gtest.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/ledger.h"
#include "zeren/model_json.h"
#include "zeren/person_view.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"

namespace zeren {
namespace {

// Everything the engines say about a snapshot on one day, as JSON text.
std::vector<std::string> Answers(const Snapshot& s, Date day) {
  std::vector<std::string> out;
  for (UnitIndex u = 0; u < s.unit_count(); ++u) {
    absl::StatusOr<Chain> chain = ChainOf(s, u, day);
    out.push_back(chain.ok() ? ChainToJson(s, *chain) : std::string(chain.status().message()));
  }
  for (PersonIndex p = 0; p < s.person_count(); p += 7) {
    out.push_back(PersonViewToJson(s, ResponsibilitiesOf(s, p, day)));
  }
  Accountant accountant(s);
  std::vector<Accounting> all(s.incident_count());
  for (IncidentIndex i = 0; i < s.incident_count(); ++i) accountant.Account(i, &all[i]);
  out.push_back(AccountingsToJson(s, all));
  out.push_back(LedgerToJson(s, LedgerAsOf(s, day)));
  out.push_back(AuditToJson(s, AuditAsOf(s, day)));
  absl::StatusOr<Assessment> assessment = Assess(s);
  out.push_back(assessment.ok() ? AssessmentToJson(s, *assessment) : "no assessment");
  return out;
}

TEST(Concurrency, SharedSnapshotAnswersLikeOneThread) {
  absl::StatusOr<Model> model = LoadModelFile(std::string(ZEREN_EXAMPLES) + "/organ.json");
  ASSERT_TRUE(model.ok()) << model.status();
  const Snapshot shared = *Snapshot::Compile(*model);
  const Date day = *ParseDate("2025-06-30");
  const std::vector<std::string> expected = Answers(shared, day);

  constexpr int kQueryThreads = 4, kCompileThreads = 2;
  std::vector<std::vector<std::string>> got(kQueryThreads + kCompileThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kQueryThreads; ++t) {
    threads.emplace_back([&, t] { got[t] = Answers(shared, day); });
  }
  for (int t = 0; t < kCompileThreads; ++t) {
    threads.emplace_back([&, t] {
      const Snapshot own = *Snapshot::Compile(*model);  // the model is only read
      got[kQueryThreads + t] = Answers(own, day);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::vector<std::string>& answers : got) {
    ASSERT_EQ(answers.size(), expected.size());
    for (size_t k = 0; k < answers.size(); ++k) EXPECT_EQ(answers[k], expected[k]) << k;
  }
}

// The roll-up split between threads level by level (src/engine/rollup.h): the same
// assessment as one thread, and under ThreadSanitizer no race between a level's writers and
// the next level's readers.
TEST(Concurrency, ParallelRollUpAnswersLikeOneThread) {
  const Snapshot s =
      *Snapshot::Compile(bench::ShapedOrganization(bench::NationalShape(3000, 2), 2));
  const absl::StatusOr<Assessment> one = Assess(s, s.scheme(), {1});
  ASSERT_TRUE(one.ok()) << one.status();
  const std::string expected = AssessmentToJson(s, *one);
  for (int threads : {2, 3}) {
    const absl::StatusOr<Assessment> many = Assess(s, s.scheme(), {threads});
    ASSERT_TRUE(many.ok()) << many.status();
    EXPECT_EQ(AssessmentToJson(s, *many), expected) << threads;
  }
}

// AccountAll shares units out between threads: every incident answered as Account answers
// it alone, whatever the thread count, under the snapshot's policy or another.
TEST(Concurrency, AccountAllAnswersLikeAccountOneByOne) {
  const Snapshot s =
      *Snapshot::Compile(bench::ShapedOrganization(bench::NationalShape(3000, 2), 2));
  ASSERT_GT(s.incident_count(), 50u);
  Policy lenient = s.policy();
  lenient.upward_max_levels = 1;
  for (const Policy& policy : {s.policy(), lenient}) {
    Accountant accountant(s, policy);
    std::vector<Accounting> expected(s.incident_count());
    for (IncidentIndex i = 0; i < s.incident_count(); ++i) accountant.Account(i, &expected[i]);
    const std::string json = AccountingsToJson(s, expected);
    for (int threads : {0, 1, 2, 3}) {
      const std::vector<Accounting> all = AccountAll(s, policy, threads);
      ASSERT_EQ(all.size(), s.incident_count());
      EXPECT_EQ(AccountingsToJson(s, all), json) << threads;
    }
  }
  EXPECT_NE(AccountingsToJson(s, AccountAll(s, lenient)),
            AccountingsToJson(s, AccountAll(s, s.policy())));
}

}  // namespace
}  // namespace zeren
