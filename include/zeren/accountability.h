// Accountability propagation (追责问责): who answers for an incident, in which category, to
// what degree, with which form, and why. The rules are those of spec/model-format.md,
// "Policy (accountability)"; the numbers come from the snapshot's policy.
#ifndef ZEREN_ACCOUNTABILITY_H_
#define ZEREN_ACCOUNTABILITY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "zeren/policy.h"
#include "zeren/snapshot.h"

namespace zeren {

// One reason a party is reached: the rule, and the post, link or unit it went through.
struct ReachPath {
  enum class Rule : uint8_t {
    kNamedDirect,         // listed in the incident's `direct`
    kLeaderOfUnit,        // secretary or head of the incident's unit (`post`)
    kInChargeOfUnit,      // `post`'s in_charge_of names the unit
    kParticipant,         // listed in `participants`, deputy or member of the unit (`post`)
    kInChargeOfAncestor,  // `post`'s in_charge_of names `unit`, a proper ancestor
    kUnitItself,          // the incident's unit as an organization
    kDutyUnit,            // holds the incident's duty as a unit (`unit`)
    kDutyPost,            // holds the incident's duty through `post`
    kSupervisor,          // discipline secretary (`post`) of a body supervising `unit` (`link`)
    kGuide,               // guides `unit` (`link`)
    kUpward,              // secretary or head (`post`) of `unit`, `steps` up
  };

  Rule rule;
  Category category;
  double degree;
  PostIndex post = kNoIndex;
  LinkIndex link = kNoIndex;
  UnitIndex unit = kNoIndex;
  uint32_t steps = 0;  // upward: k; supervisor and guide: distance to the covered unit
};

// A person or a unit held to account.
struct Party {
  bool is_unit;
  uint32_t index;  // a UnitIndex or a PersonIndex
  bool operator==(const Party& o) const { return is_unit == o.is_unit && index == o.index; }
};

struct Adjustment {
  CircumstanceKind kind;
  bool exempt;
  int32_t step;  // never 0 unless exempt: zero steps are left out
};

struct AccountableParty {
  Party party;
  Category category;  // of the strongest path
  double degree;
  Form form;
  uint32_t upward_steps;  // k of the strongest path when it is upward, else 0
  // Ranges into Accounting::paths and Accounting::adjustments.
  uint32_t path_begin, path_end;
  uint32_t adjustment_begin, adjustment_end;
};

struct Accounting {
  IncidentIndex incident = kNoIndex;
  // By degree (descending), category precedence, person before unit, then id.
  std::vector<AccountableParty> parties;
  std::vector<ReachPath> paths;          // each party's, in the order the rules found them
  std::vector<Adjustment> adjustments;  // each party's, in the incident's order

  absl::Span<const ReachPath> PathsOf(const AccountableParty& p) const {
    return absl::MakeConstSpan(paths).subspan(p.path_begin, p.path_end - p.path_begin);
  }
  absl::Span<const Adjustment> AdjustmentsOf(const AccountableParty& p) const {
    return absl::MakeConstSpan(adjustments)
        .subspan(p.adjustment_begin, p.adjustment_end - p.adjustment_begin);
  }
};

// Answers incidents of one snapshot, with the snapshot's policy or another. Keeps scratch
// buffers between calls, so a batch allocates nothing once warm: use one Accountant per
// thread. The snapshot must outlive it.
class Accountant {
 public:
  explicit Accountant(const Snapshot& snapshot);
  Accountant(const Snapshot& snapshot, const Policy& policy);
  ~Accountant();
  Accountant(const Accountant&) = delete;
  Accountant& operator=(const Accountant&) = delete;

  // Fills `*out` (reusing its capacity) with the parties incident `i` reaches.
  // Requires i < snapshot.incident_count().
  void Account(IncidentIndex i, Accounting* out);

 private:
  class Pass;
  struct Scratch;

  const Snapshot& snapshot_;
  Policy policy_;
  std::unique_ptr<Scratch> scratch_;
};

// Every incident of the snapshot under `policy`: element i answers incident i exactly as
// Account(i) does, whatever `threads` is. The incidents are answered unit by unit, units in
// level order, so that neighbours find their superiors' posts and links still in cache;
// `threads` threads (1 when less) share the units, weighted by their incidents.
std::vector<Accounting> AccountAll(const Snapshot& snapshot, const Policy& policy,
                                   int threads = 1);

// Human-readable text of a path, with names and ids.
std::string Describe(const Snapshot& snapshot, IncidentIndex incident, const Party& party,
                     const ReachPath& path);
// "kind:+N", "kind:-N" or "kind:exempt".
std::string Describe(const Adjustment& adjustment);

}  // namespace zeren

#endif  // ZEREN_ACCOUNTABILITY_H_
