#include "zeren/ledger.h"

#include <algorithm>
#include <tuple>

namespace zeren {
namespace {

bool Finished(TaskStatus status) {
  return status == TaskStatus::kDone || status == TaskStatus::kVerified;
}

bool DoneBy(const Snapshot& s, TaskIndex t, Date day) {
  return Finished(s.task_status(t)) && s.task_completed(t) <= day;
}

// One unit's standing at one level of one directive.
struct Holding {
  uint32_t level;
  UnitIndex unit;
  TaskIndex first_task;
  bool all_done;
  bool all_on_time;
};

// The units holding non-cancelled tasks of directive d, one entry per (level, unit).
std::vector<Holding> Holdings(const Snapshot& s, DirectiveIndex d, Date as_of) {
  const uint32_t issuer_level = s.unit_level(s.directive_issuer(d));
  std::vector<Holding> holdings;
  for (TaskIndex t = s.directive_first_task(d); t < s.directive_end_task(d); ++t) {
    if (s.task_status(t) == TaskStatus::kCancelled) continue;
    const bool done = DoneBy(s, t, as_of);
    holdings.push_back({s.unit_level(s.task_unit(t)) - issuer_level, s.task_unit(t), t, done,
                        done && s.task_completed(t) <= s.task_due(t)});
  }
  std::sort(holdings.begin(), holdings.end(), [](const Holding& a, const Holding& b) {
    return std::tie(a.level, a.unit, a.first_task) < std::tie(b.level, b.unit, b.first_task);
  });
  // Merge the tasks of one unit at one level.
  size_t kept = 0;
  for (size_t i = 0; i < holdings.size(); ++i) {
    if (kept > 0 && holdings[kept - 1].level == holdings[i].level &&
        holdings[kept - 1].unit == holdings[i].unit) {
      holdings[kept - 1].all_done &= holdings[i].all_done;
      holdings[kept - 1].all_on_time &= holdings[i].all_on_time;
    } else {
      holdings[kept++] = holdings[i];
    }
  }
  holdings.resize(kept);
  return holdings;
}

DirectiveProfile ProfileOf(const Snapshot& s, DirectiveIndex d, Date as_of) {
  DirectiveProfile profile{d, {}, {}};
  const std::vector<Holding> holdings = Holdings(s, d, as_of);
  for (const Holding& h : holdings) {
    if (profile.levels.empty() || profile.levels.back().level != h.level) {
      profile.levels.push_back({h.level, 0, 0, 0});
    }
    LevelProfile& level = profile.levels.back();
    ++level.reached;
    level.done += h.all_done;
    level.on_time += h.all_on_time;
  }
  std::vector<UnitIndex> holders;
  for (const Holding& h : holdings) holders.push_back(h.unit);
  std::sort(holders.begin(), holders.end());
  // A subordinate that no longer exists on the day cannot receive the directive.
  auto holds = [&](UnitIndex u) {
    return !s.unit_exists(u).Contains(as_of) || std::binary_search(holders.begin(), holders.end(), u);
  };
  std::vector<std::pair<TaskIndex, UnitIndex>> breaks;
  for (const Holding& h : holdings) {
    const auto children = s.children(h.unit);
    if (h.level >= static_cast<uint32_t>(s.directive_reach(d)) || children.empty()) continue;
    if (std::none_of(children.begin(), children.end(), holds)) breaks.push_back({h.first_task, h.unit});
  }
  // A unit has one level, so it holds at most once: no duplicates to remove.
  std::sort(breaks.begin(), breaks.end());
  for (const auto& [task, unit] : breaks) profile.break_points.push_back(unit);
  return profile;
}

}  // namespace

absl::string_view Name(Light light) {
  switch (light) {
    case Light::kDone: return "done";
    case Light::kCancelled: return "cancelled";
    case Light::kRed: return "red";
    case Light::kYellow: return "yellow";
    case Light::kGreen: return "green";
  }
  return "?";
}

Light LightOf(const Snapshot& s, TaskIndex t, Date as_of) {
  if (s.task_status(t) == TaskStatus::kCancelled) return Light::kCancelled;
  if (DoneBy(s, t, as_of)) return Light::kDone;
  const int64_t days_left = static_cast<int64_t>(s.task_due(t)) - as_of;
  if (days_left < 0) return Light::kRed;
  return days_left <= s.settings().warn_days ? Light::kYellow : Light::kGreen;
}

LedgerReport LedgerAsOf(const Snapshot& s, Date as_of) {
  LedgerReport report{as_of, {}, {}, {}};
  for (DirectiveIndex d = 0; d < s.directive_count(); ++d) {
    if (s.directive_date(d) > as_of) continue;
    for (TaskIndex t = s.directive_first_task(d); t < s.directive_end_task(d); ++t) {
      report.tasks.push_back(t);
      report.lights.push_back(LightOf(s, t, as_of));
    }
    report.directives.push_back(ProfileOf(s, d, as_of));
  }
  return report;
}

std::vector<double> OnTimeRates(const Snapshot& s, const Interval& period) {
  std::vector<double> rates(s.unit_count(), 1.0);
  for (UnitIndex u = 0; u < s.unit_count(); ++u) {
    uint32_t due = 0, on_time = 0;
    for (TaskIndex t : s.tasks_of(u)) {
      if (s.task_status(t) == TaskStatus::kCancelled || !period.Contains(s.task_due(t))) continue;
      ++due;
      on_time += Finished(s.task_status(t)) && s.task_completed(t) <= s.task_due(t);
    }
    if (due > 0) rates[u] = static_cast<double>(on_time) / due;
  }
  return rates;
}

}  // namespace zeren
