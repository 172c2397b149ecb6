// Query results as JSON text: the shapes the CLI's --json and the C API's *_to_json give.
#ifndef ZEREN_RESULT_JSON_H_
#define ZEREN_RESULT_JSON_H_

#include <string>

#include "zeren/chain.h"
#include "zeren/person_view.h"
#include "zeren/snapshot.h"

namespace zeren {

// {"unit", "as_of", "entries": [{"kind", "person"?, "unit"?, "distance", "reason"}]}
std::string ChainToJson(const Snapshot& snapshot, const Chain& chain);

// {"person", "as_of", "entries": [{"kind", "unit"?, "role"?, "duty"?, "reason"}]}
std::string PersonViewToJson(const Snapshot& snapshot, const PersonView& view);

}  // namespace zeren

#endif  // ZEREN_RESULT_JSON_H_
