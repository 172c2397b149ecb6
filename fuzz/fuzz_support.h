// What the fuzz targets share: how a broken invariant is reported, and a bounded round of
// queries over a snapshot (every engine touched, so a bad snapshot shows).
#ifndef ZEREN_FUZZ_FUZZ_SUPPORT_H_
#define ZEREN_FUZZ_FUZZ_SUPPORT_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/date.h"
#include "zeren/ledger.h"
#include "zeren/person_view.h"
#include "zeren/snapshot.h"

namespace zeren::fuzz {

// A broken invariant: print it and stop, so that libFuzzer keeps the input.
[[noreturn]] inline void Broken(const char* what, absl::string_view detail) {
  std::fprintf(stderr, "invariant broken: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// A handful of queries, bounded so that one input stays fast.
inline void Query(const zeren::Snapshot& snapshot) {
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

}  // namespace zeren::fuzz

#endif  // ZEREN_FUZZ_FUZZ_SUPPORT_H_
