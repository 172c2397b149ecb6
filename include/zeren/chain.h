// The responsibility chain of a unit as of a date: who answers for it, and why.
#ifndef ZEREN_CHAIN_H_
#define ZEREN_CHAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "zeren/date.h"
#include "zeren/snapshot.h"
#include "absl/strings/string_view.h"

namespace zeren {

struct ChainEntry {
  enum class Kind : uint8_t {
    kSecretary,            // the first-responsible person (vacant: person == kNoIndex)
    kHead,
    kDeputy,
    kMember,
    kDisciplineSecretary,  // of the unit itself, when it is a discipline body
    kInCharge,             // a leadership member whose in_charge_of covers the unit
    kSupervisor,           // a supervising discipline body (unit) and its discipline secretary
    kSpecialist,           // an organ committee with specialized responsibility (unit)
    kGuide,                // a committee member assigned to guide it (分片包干)
    kSuperior,             // a superior unit (unit) and its secretary
  };

  Kind kind;
  PersonIndex person = kNoIndex;  // kNoIndex: no person (vacant, or a unit entry)
  UnitIndex unit = kNoIndex;      // the post's unit, body, guided unit or superior
  PostIndex post = kNoIndex;
  LinkIndex link = kNoIndex;
  uint32_t distance = 0;          // steps up the `leads` links from the chain's unit
  std::string reason;             // readable, with names and ids
};

absl::string_view Name(ChainEntry::Kind kind);

struct Chain {
  UnitIndex unit;
  Date as_of;
  // In the order of Kind; within a kind by distance, then post or link order. Superiors that
  // do not exist on the date are not climbed through.
  std::vector<ChainEntry> entries;
};

// The chain of unit u on day `as_of`: its leaders, the leadership members in charge of it
// (directly or through an ancestor), the nearest supervising body and its discipline
// secretary, the nearest specialized body, the nearest guides, and every superior up to
// the roots. Fails with NotFound when u does not exist on `as_of`.
absl::StatusOr<Chain> ChainOf(const Snapshot& snapshot, UnitIndex u, Date as_of);

}  // namespace zeren

#endif  // ZEREN_CHAIN_H_
