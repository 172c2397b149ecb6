// Need-to-know views: a snapshot seen from one or more root units (a branch secretary sees
// their branch, a bureau its units). Every query through a view refuses, hides or redacts
// what lies outside it, so that host software can show results to people entitled to a part
// of the organization only. The rules, per query kind, are in docs/views.md.
//
// Inside a view are
//  - units: the roots and every unit below them through `leads`, through any parent (dual
//    leadership included), over all dates: membership is structural, not dated, so a view
//    answers for any day. Everything below an inside unit is inside.
//  - people: everyone who holds or held (on any day) a post of any role in an inside unit.
//    A guide, supervisor or leader whose posts are all outside is outside.
//  - incidents: those at inside units.
// Outside things are never named: no id, no name, in no field and no text. Where a result
// must say that something outside takes part (a superior above the roots, a supervising
// body, a party of an inside incident), it says kOutsideThisView instead. Looking up an
// outside unit, person or incident fails exactly as looking up an unknown id does, so a view
// does not even reveal whether an id exists.
#ifndef ZEREN_VIEW_H_
#define ZEREN_VIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/date.h"
#include "zeren/ledger.h"
#include "zeren/person_view.h"
#include "zeren/policy.h"
#include "zeren/snapshot.h"

namespace zeren {

// What a view writes in place of an outside unit, person or party, and the reason of a
// redacted chain entry.
inline constexpr absl::string_view kOutsideThisView = "outside this view";

// One party of an inside incident, as a view shows it.
struct ViewParty {
  // The party, or nullopt when it is outside this view: then only the numbers below are
  // shown, and `because` is the single line kOutsideThisView.
  std::optional<Party> party;
  Category category;
  double degree;
  Form form;
  uint32_t upward_steps;
  std::vector<std::string> adjustments;  // "kind:+N" (Describe(Adjustment)): names no one
  // One line per path, as Describe(path) writes it but with every outside unit written
  // "a unit outside this view" and every outside person "a person outside this view".
  std::vector<std::string> because;
};

struct ViewAccounting {
  IncidentIndex incident = kNoIndex;
  std::vector<ViewParty> parties;  // in the order of Accounting::parties
};

class View {
 public:
  // The view below `roots` (unit ids, at least one; repeats are harmless). Fails with
  // InvalidArgument when there is none and NotFound (`unknown unit "x"`) for an unknown id.
  // O(units + posts); the snapshot's arrays are shared, not copied.
  static absl::StatusOr<View> Create(const Snapshot& snapshot,
                                     absl::Span<const std::string> roots);

  const Snapshot& snapshot() const { return snapshot_; }
  // The roots as given, repeats removed, in the order first given.
  const std::vector<UnitIndex>& roots() const { return roots_; }
  uint32_t unit_count() const { return unit_count_; }      // units inside
  uint32_t person_count() const { return person_count_; }  // people inside
  bool HasUnit(UnitIndex u) const { return u < unit_inside_.size() && unit_inside_[u]; }
  bool HasPerson(PersonIndex p) const { return p < person_inside_.size() && person_inside_[p]; }
  bool HasIncident(IncidentIndex i) const;

  // Lookups by id. An outside or unknown id fails with NotFound and the same message:
  // `unit "x" is outside this view`, `person "x" ...`, `incident "x" ...`.
  absl::StatusOr<UnitIndex> FindUnit(absl::string_view id) const;
  absl::StatusOr<PersonIndex> FindPerson(absl::string_view id) const;
  absl::StatusOr<IncidentIndex> FindIncident(absl::string_view id) const;

  // ---- queries: each fails for an outside id as the lookups do ----

  // ChainOf for an inside unit. An entry that names anything outside (its person, its
  // unit, a supervising or specialized body, the unit a guide or an in-charge post covers)
  // keeps its kind and distance, loses person, unit, post and link (kNoIndex), and its
  // reason is kOutsideThisView.
  absl::StatusOr<Chain> ChainOf(absl::string_view unit, Date as_of) const;

  // ResponsibilitiesOf for an inside person, listing only the entries whose units are all
  // inside (a post elsewhere, a guided unit elsewhere, ... are left out).
  absl::StatusOr<PersonView> ResponsibilitiesOf(absl::string_view person, Date as_of) const;

  // HoldersOf for an inside unit. Whoever holds a post in an inside unit is inside.
  absl::StatusOr<std::vector<PostIndex>> HoldersOf(absl::string_view unit, Role role,
                                                   Date as_of) const;

  // The parties an inside incident reaches, under the snapshot's policy (or `policy`).
  absl::StatusOr<ViewAccounting> Account(absl::string_view incident) const;
  absl::StatusOr<ViewAccounting> Account(absl::string_view incident, const Policy& policy) const;
  // Every inside incident, in document order.
  std::vector<ViewAccounting> AccountAll() const;
  std::vector<ViewAccounting> AccountAll(const Policy& policy) const;

  // LedgerAsOf restricted: tasks of inside units only; directives that have a task inside
  // or an inside issuer, with level profiles counting inside units only and inside break
  // points only.
  LedgerReport LedgerAsOf(Date as_of) const;

  // AuditAsOf restricted: findings whose subject (the person for conflict_of_interest and
  // overloaded_person, else the unit) is inside; a conflict also needs its led unit
  // inside. Details that would name outside units or people name them as
  // "a unit outside this view" or "a person outside this view".
  AuditReport AuditAsOf(Date as_of) const;

  // Assess restricted: `order` lists inside units only and `people` inside people only
  // (their `posts` the inside posts only; the score still averages every post); the entries
  // of `units` for outside units are cleared (zeros, unit == kNoIndex). Ranks and grades
  // stay those of the whole organization: a rank is a unit's place in its peer group
  // across every unit of that kind, inside or not.
  absl::StatusOr<Assessment> Assess() const;
  absl::StatusOr<Assessment> Assess(const Scheme& scheme) const;
  // Explain(...) for an inside unit of an assessment made by Assess above.
  absl::StatusOr<std::vector<std::string>> Explain(const Assessment& assessment,
                                                   absl::string_view unit) const;

  // ---- restricting results made on the whole snapshot (what the queries above use) ----
  // Each requires the result's own unit, person or incident to be inside.
  Chain Restrict(Chain chain) const;
  PersonView Restrict(PersonView view) const;
  ViewAccounting Restrict(const Accounting& accounting) const;
  LedgerReport Restrict(const LedgerReport& report) const;
  AuditReport Restrict(AuditReport report) const;
  Assessment Restrict(Assessment assessment) const;

 private:
  explicit View(const Snapshot& snapshot) : snapshot_(snapshot) {}

  class Namer;

  bool UnitInside(UnitIndex u) const { return u == kNoIndex || HasUnit(u); }
  bool ChainEntryInside(const Chain& chain, const ChainEntry& e) const;
  bool ResponsibilityInside(const Responsibility& r) const;
  bool FindingInside(const Finding& f) const;
  void RedactDetail(Date as_of, Finding* f) const;
  DirectiveProfile RestrictProfile(const DirectiveProfile& profile, Date as_of,
                                   bool* visible) const;

  Snapshot snapshot_;
  std::vector<UnitIndex> roots_;
  std::vector<bool> unit_inside_;    // by UnitIndex
  std::vector<bool> person_inside_;  // by PersonIndex
  uint32_t unit_count_ = 0;
  uint32_t person_count_ = 0;
};

// The JSON of AccountingToJson / AccountingsToJson, for results made through a view: an
// outside party is {"party": "outside this view", "category", "degree", "form",
// "adjustments", "because": ["outside this view"]}.
std::string ViewAccountingToJson(const Snapshot& snapshot, const ViewAccounting& accounting);
std::string ViewAccountingsToJson(const Snapshot& snapshot,
                                  absl::Span<const ViewAccounting> all);

}  // namespace zeren

#endif  // ZEREN_VIEW_H_
