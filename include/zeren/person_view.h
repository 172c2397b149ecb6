// The person-centred view: everything one person answers for on a date, and who held a
// post on a date.
#ifndef ZEREN_PERSON_VIEW_H_
#define ZEREN_PERSON_VIEW_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "zeren/date.h"
#include "zeren/snapshot.h"
#include "zeren/vocabulary.h"
#include "absl/strings/string_view.h"

namespace zeren {

struct Responsibility {
  enum class Kind : uint8_t {
    kPost,        // holds a post in `unit`
    kInCharge,    // in charge of `unit` through `post` (分管)
    kGuides,      // guides `unit` (分片包干)
    kSupervises,  // as discipline secretary of a body that supervises `unit`
    kDuty,        // holds `duty` through `post`
  };

  Kind kind;
  UnitIndex unit = kNoIndex;
  PostIndex post = kNoIndex;
  LinkIndex link = kNoIndex;
  DutyIndex duty = kNoIndex;
  std::string reason;
};

absl::string_view Name(Responsibility::Kind kind);

struct PersonView {
  PersonIndex person;
  Date as_of;
  // In the order of Kind; within a kind by the person's posts (by start date), then link or
  // duty order.
  std::vector<Responsibility> entries;
};

// Requires p < snapshot.person_count().
PersonView ResponsibilitiesOf(const Snapshot& snapshot, PersonIndex p, Date as_of);

// The posts (unit u, role) held on `as_of`: at most one for single-holder roles.
// Requires u < snapshot.unit_count().
std::vector<PostIndex> HoldersOf(const Snapshot& snapshot, UnitIndex u, Role role, Date as_of);

}  // namespace zeren

#endif  // ZEREN_PERSON_VIEW_H_
