// The directive ledger (动态台账): task lights as of a date, how far each directive travelled
// down the hierarchy level by level, where it stopped, and units' on-time rates. Rules:
// spec/model-format.md, "Ledger".
#ifndef ZEREN_LEDGER_H_
#define ZEREN_LEDGER_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "zeren/date.h"
#include "zeren/snapshot.h"

namespace zeren {

enum class Light : uint8_t {
  kDone,       // done or verified, completed on or before the day
  kCancelled,  // shown, counted nowhere
  kRed,        // not done and past due
  kYellow,     // not done, due within settings.warn_days
  kGreen,      // not done, due later
};
absl::string_view Name(Light light);

// The light of task t on day `as_of`: a task completed after that day is still open on it.
Light LightOf(const Snapshot& snapshot, TaskIndex t, Date as_of);

struct LevelProfile {
  uint32_t level;    // the task unit's level minus the issuer's
  uint32_t reached;  // units holding a non-cancelled task of the directive at this level
  uint32_t done;     // of those, units whose tasks here are all done
  uint32_t on_time;  // of those, units whose tasks here were all completed by their due dates
};

struct DirectiveProfile {
  DirectiveIndex directive;
  std::vector<LevelProfile> levels;  // levels holding tasks, ascending
  // Units holding a task at a level below `reach` whose subordinates (those existing on the
  // day) hold none: where it stopped.
  std::vector<UnitIndex> break_points;  // in order of their first task
};

struct LedgerReport {
  Date as_of;
  // The tasks of directives dated on or before as_of, in document order, with their lights.
  std::vector<TaskIndex> tasks;
  std::vector<Light> lights;
  std::vector<DirectiveProfile> directives;  // dated on or before as_of, in document order
};

LedgerReport LedgerAsOf(const Snapshot& snapshot, Date as_of);

// Every unit's on-time rate over `period`: the share of its tasks due in the period,
// cancelled ones left out, that are done or verified with `completed` <= `due` (as recorded,
// not as of a date); 1 for a unit with no such task. Indexed by UnitIndex.
std::vector<double> OnTimeRates(const Snapshot& snapshot, const Interval& period);

}  // namespace zeren

#endif  // ZEREN_LEDGER_H_
