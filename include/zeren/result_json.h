// Query results as JSON text: the shapes the CLI's --json and the C API's *_to_json give.
#ifndef ZEREN_RESULT_JSON_H_
#define ZEREN_RESULT_JSON_H_

#include <optional>
#include <string>

#include "absl/types/span.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/ledger.h"
#include "zeren/chain.h"
#include "zeren/person_view.h"
#include "zeren/snapshot.h"

namespace zeren {

// {"unit", "as_of", "entries": [{"kind", "person"?, "unit"?, "distance", "reason"}]}
std::string ChainToJson(const Snapshot& snapshot, const Chain& chain);

// {"person", "as_of", "entries": [{"kind", "unit"?, "role"?, "duty"?, "reason"}]}
std::string PersonViewToJson(const Snapshot& snapshot, const PersonView& view);

// {"incident", "date", "since"?, "severity", "parties": [{"party": {"person" | "unit"},
//  "category", "degree", "form", "adjustments", "because"}]}; degrees rounded to 6 decimals.
std::string AccountingToJson(const Snapshot& snapshot, const Accounting& accounting);
// {"incidents": [ <one object as above>, ... ]}
std::string AccountingsToJson(const Snapshot& snapshot, absl::Span<const Accounting> all);

// Reviews dated after as_of are left out.
// {"as_of", "tasks": [{"task", "directive", "unit", "due", "status", "light", "reviews"?}],
//  "directives": [{"directive", "reach", "levels": [{"level", "reached", "done", "on_time"}],
//                  "break_points": [unit ids], "reviews"?}]}
std::string LedgerToJson(const Snapshot& snapshot, const LedgerReport& report);

// {"as_of", "findings": [{"kind", "severity", "unit"? | "person"? | "duty"?, "directive"?,
//  "detail"}]}
std::string AuditToJson(const Snapshot& snapshot, const AuditReport& report);

// {"period", "units": [{"unit", "peer_group", "own", "total", "grade", "rank", "components",
//  "deductions", "vetoes", "flags", "subordinates", "quota_cut_from"?, "why"}],
//  "people": [{"person", "score"}]}; units by peer group, then rank. With `only`, that unit.
std::string AssessmentToJson(const Snapshot& snapshot, const Assessment& assessment,
                             std::optional<UnitIndex> only = std::nullopt);

}  // namespace zeren

#endif  // ZEREN_RESULT_JSON_H_
