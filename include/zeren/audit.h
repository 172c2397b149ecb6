// The chain-health audit: everything that breaks the chain of responsibility on a date.
// Rules: spec/model-format.md, "Audit"; thresholds from the document's settings.
#ifndef ZEREN_AUDIT_H_
#define ZEREN_AUDIT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "zeren/date.h"
#include "zeren/snapshot.h"

namespace zeren {

enum class FindingKind : uint8_t {
  kConflictOfInterest,      // critical: supervises a unit it leads, or one above it
  kDutyWithoutHolder,       // warning: a {unit, role} duty whose post is vacant
  kOverdueTasks,            // warning: a unit with red tasks
  kOverloadedPerson,        // info: more concurrent secretary posts than allowed
  kStalledCascade,          // warning: a ledger break point
  kUnguidedBranch,          // warning: a branch no one guides directly
  kUnsupervised,            // warning: neither the unit nor an ancestor is supervised
  kVacantFirstResponsible,  // critical: no secretary (discipline body: no discipline secretary)
};
enum class FindingSeverity : uint8_t { kCritical, kWarning, kInfo };

absl::string_view Name(FindingKind kind);
absl::string_view Name(FindingSeverity severity);
FindingSeverity SeverityOf(FindingKind kind);

struct Finding {
  FindingKind kind;
  UnitIndex unit = kNoIndex;
  PersonIndex person = kNoIndex;
  DutyIndex duty = kNoIndex;
  DirectiveIndex directive = kNoIndex;
  std::string detail;  // readable, with names and ids
};

struct AuditReport {
  Date as_of;
  // By severity (critical, warning, info), kind name, then subject id (the person for
  // conflict_of_interest and overloaded_person, the duty for duty_without_holder, else the
  // unit), then directive.
  std::vector<Finding> findings;
};

AuditReport AuditAsOf(const Snapshot& snapshot, Date as_of);

// Kinds of unit that must have a first-responsible person: a secretary, or for a
// discipline_commission a discipline secretary.
bool NeedsFirstResponsible(absl::string_view kind);

}  // namespace zeren

#endif  // ZEREN_AUDIT_H_
