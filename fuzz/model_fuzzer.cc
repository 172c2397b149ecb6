// libFuzzer target: the JSON model loader. Any input must either fail with at least one
// problem or give a model that compiles, answers queries and survives a save/load round
// trip unchanged (ModelToJson is a fixpoint after one trip).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/date.h"
#include "zeren/ledger.h"
#include "zeren/model_json.h"
#include "zeren/person_view.h"
#include "zeren/problem.h"
#include "zeren/snapshot.h"

namespace {

// A broken invariant: print it and stop, so that libFuzzer keeps the input.
[[noreturn]] void Broken(const char* what, absl::string_view detail) {
  std::fprintf(stderr, "invariant broken: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// A handful of queries, bounded so that one input stays fast.
void Query(const zeren::Snapshot& snapshot) {
  constexpr uint32_t kMax = 8;
  const zeren::Date day = *zeren::ParseDate("2025-06-01");  // the seeds' period
  for (uint32_t u = 0; u < snapshot.unit_count() && u < kMax; ++u) {
    (void)zeren::ChainOf(snapshot, u, day);
  }
  for (uint32_t p = 0; p < snapshot.person_count() && p < kMax; ++p) {
    (void)zeren::ResponsibilitiesOf(snapshot, p, day);
  }
  zeren::Accountant accountant(snapshot);
  zeren::Accounting accounting;
  for (uint32_t i = 0; i < snapshot.incident_count() && i < kMax; ++i) {
    accountant.Account(i, &accounting);
    for (const zeren::AccountableParty& party : accounting.parties) {
      for (const zeren::ReachPath& path : accounting.PathsOf(party)) {
        (void)zeren::Describe(snapshot, i, party.party, path);
      }
    }
  }
  (void)zeren::LedgerAsOf(snapshot, day);
  (void)zeren::AuditAsOf(snapshot, day);
  if (snapshot.has_assessment()) (void)zeren::Assess(snapshot);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  zeren::ProblemList problems;
  absl::StatusOr<zeren::Model> model = zeren::ParseModelJson(text, &problems);
  if (!model.ok()) {
    if (problems.empty() || problems.kept().empty()) Broken("failure without problems", text);
    if (model.status().message().empty()) Broken("failure without a message", text);
    return 0;
  }
  absl::StatusOr<zeren::Snapshot> snapshot = zeren::Snapshot::Compile(*model);
  if (!snapshot.ok()) Broken("a valid model does not compile", snapshot.status().message());
  Query(*snapshot);

  const std::string once = zeren::ModelToJson(*model);
  absl::StatusOr<zeren::Model> again = zeren::ParseModelJson(once);
  if (!again.ok()) Broken("the saved document does not load", again.status().message());
  if (zeren::ModelToJson(*again) != once) Broken("save/load changes the document", once);
  return 0;
}
