// Query results as JSON text: the shapes the CLI's --json and the C API's *_to_json give.
#ifndef ZEREN_RESULT_JSON_H_
#define ZEREN_RESULT_JSON_H_

#include <string>

#include "absl/types/span.h"
#include "zeren/accountability.h"
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

}  // namespace zeren

#endif  // ZEREN_RESULT_JSON_H_
