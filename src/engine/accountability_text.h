// The wording of accountability reasons, with the naming of units and people left to the
// caller: the plain results write "name (id)", views write outside parties without either.
#ifndef ZEREN_SRC_ENGINE_ACCOUNTABILITY_TEXT_H_
#define ZEREN_SRC_ENGINE_ACCOUNTABILITY_TEXT_H_

#include <string>

#include "zeren/accountability.h"
#include "zeren/snapshot.h"

namespace zeren {

class Namer {
 public:
  virtual ~Namer() = default;
  virtual std::string Unit(UnitIndex u) const = 0;
  virtual std::string Person(PersonIndex p) const = 0;
};

// Describe(snapshot, incident, party, path), naming through `namer`.
std::string DescribePath(const Snapshot& snapshot, const Namer& namer, IncidentIndex incident,
                         const Party& party, const ReachPath& path);

}  // namespace zeren

#endif  // ZEREN_SRC_ENGINE_ACCOUNTABILITY_TEXT_H_
