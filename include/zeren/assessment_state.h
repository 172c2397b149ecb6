// An assessment kept up to date as inputs change: changing one unit's own score or member
// count recomputes the totals of that unit and its superiors only — O(depth × fan-out),
// microseconds — each from its subordinates' totals as the full roll-up does, so the totals
// always equal those of a full Assess bit for bit. Grades, vetoes, quotas, ranks, flags and
// people's scores depend on every unit's total and are recomputed on demand (Regrade).
#ifndef ZEREN_ASSESSMENT_STATE_H_
#define ZEREN_ASSESSMENT_STATE_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zeren/assessment.h"
#include "zeren/snapshot.h"

namespace zeren {

class AssessmentState {
 public:
  // A full assessment of the snapshot (fails as Assess does).
  static absl::StatusOr<AssessmentState> Create(const Snapshot& snapshot, const Scheme& scheme,
                                                const AssessOptions& options = {});

  // Totals and subtree members are always current; grades and what follows from them are
  // as of the last Create or Regrade.
  const Assessment& assessment() const { return assessment_; }

  // Sets u's own score — recomputed by the caller after, say, a new incident or a corrected
  // appraisal — and updates the totals of u and its superiors. InvalidArgument when u is
  // out of range.
  absl::Status UpdateOwn(UnitIndex u, double own);
  // Sets u's member count (the unit's `members`) and updates m and the totals of u and its
  // superiors. InvalidArgument when u is out of range or members < 0.
  absl::Status UpdateMembers(UnitIndex u, int64_t members);

  // Grades, vetoes, quotas, ranks, flags and people's scores from the current totals
  // (accounting for every incident of the period again, on the options' threads).
  void Regrade();

 private:
  AssessmentState(const Snapshot& snapshot, Assessment assessment, const AssessOptions& options);
  absl::Status CheckUnit(UnitIndex u) const;
  void RollUpFrom(UnitIndex u);

  Snapshot snapshot_;
  Assessment assessment_;
  AssessOptions options_;  // for Regrade
  // The roll-up's columns (src/engine/rollup.h), one double per unit each.
  std::vector<double> own_, members_, subtree_members_, total_;
  std::vector<uint32_t> level_start_;
  std::vector<uint32_t> touched_;  // scratch for the superiors of an update
};

}  // namespace zeren

#endif  // ZEREN_ASSESSMENT_STATE_H_
