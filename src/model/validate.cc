// Semantic validation of a model document: ids, references, dates, overlaps, cycles.
// Structural problems (JSON types, unknown keys) are found by the JSON reader first.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "src/graph/leads_graph.h"
#include "src/io/json_text.h"
#include "src/model/id_index.h"
#include "src/model/sequential_guess.h"
#include "src/model/validate.h"
#include "zeren/limits.h"
#include "zeren/model.h"
#include "zeren/policy.h"
#include "zeren/scheme.h"
#include "absl/strings/string_view.h"

namespace zeren {
namespace {

std::string At(absl::string_view collection, size_t i) {
  return absl::StrCat(collection, "[", i, "]");
}

std::string Quoted(absl::string_view id) { return absl::StrCat("\"", id, "\""); }

// Counts (members, votes) stay within doubles' exact integers; sums are taken as doubles.
constexpr int64_t kMaxCount = int64_t{1} << 53;
// Subtasks nest at most this deep: the JSON reader's nesting limit must hold the document.
constexpr int kMaxTaskDepth = 20;

// Well-formed UTF-8 without NUL (which would cut C strings short).
bool IsCleanText(absl::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead == 0) return false;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    const int length = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    uint32_t cp = lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

int TaskDepth(const std::vector<Task>& tasks) {
  int depth = 0;
  for (const Task& t : tasks) {
    // Stop counting past the limit: the recursion itself stays bounded.
    depth = std::max(depth, 1 + (depth > kMaxTaskDepth ? 0 : TaskDepth(t.subtasks)));
    if (depth > kMaxTaskDepth) break;
  }
  return depth;
}

std::string DateRange(const Interval& interval) {
  return absl::StrCat(interval.from == kBeginningOfTime ? "…" : FormatDate(interval.from),
                      " to ", interval.to == kEndOfTime ? "…" : FormatDate(interval.to));
}

// A JSON path spelled out only when a problem names it: a valid national-scale document has
// tens of millions of records, and formatting a path for each would cost more than checking.
using LazyPath = absl::FunctionRef<std::string()>;

bool IsOrdered(const Interval& interval);

// Whether each id of one list, taken in order, repeats an earlier one: a scan while the
// list is short, a hash set once it is long, so that a post in charge of a million units
// costs a million lookups rather than half a trillion comparisons.
class SeenIds {
 public:
  bool Repeated(absl::string_view id) {
    if (!set_.empty()) return !set_.insert(id).second;
    if (std::find(few_.begin(), few_.end(), id) != few_.end()) return true;
    few_.push_back(id);
    if (few_.size() > kScanned) set_.insert(few_.begin(), few_.end());
    return false;
  }

 private:
  static constexpr size_t kScanned = 16;
  absl::InlinedVector<absl::string_view, kScanned + 1> few_;
  absl::flat_hash_set<absl::string_view> set_;
};

class Validator {
 public:
  Validator(const ModelData& data, ModelIndexes* indexes)
      : data_(data), units_(indexes->units), people_(indexes->people),
        duties_(indexes->duties), incidents_(indexes->incidents), directives_(data.directives) {}

  ProblemList Run() {
    // Beyond 32-bit indices nothing else can be checked safely (ids map to uint32_t).
    if (!CheckCounts()) return std::move(problems_);
    CheckSettings();
    CheckTexts();
    IndexIds();
    CheckUnits();
    CheckPosts();
    CheckRoster();
    CheckLinks();
    CheckDuties();
    CheckDirectives();
    CheckIncidents();
    CheckAssessment();
    CheckPolicy();
    return std::move(problems_);
  }

 private:
  void Add(std::string path, absl::string_view id, std::string message) {
    problems_.Add(std::move(path), std::string(id), std::move(message));
  }

  static size_t TaskCount(const std::vector<Task>& tasks, int depth = 1) {
    size_t count = tasks.size();
    if (depth > kMaxTaskDepth) return count;  // reported by CheckDirectives
    for (const Task& t : tasks) count += TaskCount(t.subtasks, depth + 1);
    return count;
  }

  // Each kind of record fits the snapshot's 32-bit indices.
  bool CheckCounts() {
    const ModelData& d = data_;
    size_t tasks = 0;
    for (const Directive& dv : d.directives) tasks += TaskCount(dv.tasks);
    const std::pair<absl::string_view, size_t> counts[] = {
        {"units", d.units.size()},           {"people", d.people.size()},
        {"posts", d.posts.size()},           {"links", d.links.size()},
        {"duties", d.duties.size()},         {"directives", d.directives.size()},
        {"incidents", d.incidents.size()},   {"directives[*].tasks", tasks},
        {"people and roster", d.people.size() + d.roster.size()},
        {"posts and roster", d.posts.size() + d.roster.size()}};
    bool fits = true;
    for (const auto& [name, count] : counts) {
      if (count > kMaxRecords) {
        Add(std::string(name), "",
            absl::StrCat(count, " records, more than the limit of ", kMaxRecords));
        fits = false;
      }
    }
    return fits;
  }

  // An id within kMaxIdBytes; a longer one is reported without being repeated.
  void CheckIdLength(const std::string& path, const std::string& id) {
    if (id.size() <= kMaxIdBytes) return;
    Add(path, "",
        absl::StrCat("id is ", id.size(), " bytes, longer than the limit of ", kMaxIdBytes));
  }

  // Records each id of a collection; reports empty, too long and duplicate ids.
  template <typename Record>
  void IndexCollection(const std::vector<Record>& records, absl::string_view name,
                       IdIndex<Record>* index) {
    for (size_t i = 0; i < records.size(); ++i) {
      const std::string& id = records[i].id;
      if (id.size() > kMaxIdBytes) CheckIdLength(At(name, i) + ".id", id);
      if (id.empty()) {
        Add(At(name, i) + ".id", id, "id must be a non-empty string");
      } else if (!index->Insert(static_cast<uint32_t>(i))) {
        Add(At(name, i) + ".id", id,
            absl::StrCat("duplicate id ", Quoted(id), " (first at ", At(name, *index->Find(id)),
                         ")"));
      }
    }
  }

  void IndexTasks(const std::vector<Task>& tasks, const std::string& path, int depth = 1) {
    if (depth > kMaxTaskDepth) return;  // reported by CheckDirectives
    for (size_t i = 0; i < tasks.size(); ++i) {
      const std::string task_path = At(path, i);
      const Task& task = tasks[i];
      CheckIdLength(task_path + ".id", task.id);
      if (task.id.empty()) {
        Add(task_path + ".id", task.id, "id must be a non-empty string");
      } else if (!task_paths_.emplace(task.id, task_path).second) {
        Add(task_path + ".id", task.id,
            absl::StrCat("duplicate task id ", Quoted(task.id), " (first at ",
                         task_paths_[task.id], ")"));
      }
      IndexTasks(task.subtasks, task_path + ".subtasks", depth + 1);
    }
  }

  void IndexIds() {
    IndexCollection(data_.units, "units", &units_);
    IndexCollection(data_.people, "people", &people_);
    IndexCollection(data_.duties, "duties", &duties_);
    IndexCollection(data_.directives, "directives", &directives_);
    IndexCollection(data_.incidents, "incidents", &incidents_);
    for (size_t d = 0; d < data_.directives.size(); ++d) {
      IndexTasks(data_.directives[d].tasks, At("directives", d) + ".tasks");
    }
  }

  // The position of `id` among `records`, indexed in `index`. When ids repeat the index's
  // position (the first) is the answer, so the guess is left out.
  template <typename Record>
  static std::optional<uint32_t> Find(const std::vector<Record>& records,
                                      const IdIndex<Record>& index, SequentialGuess* guess,
                                      absl::string_view id) {
    auto find = [&](absl::string_view key) { return index.Find(key); };
    if (index.size() != records.size()) return find(id);  // repeated or empty ids
    auto id_at = [&](uint32_t i) -> absl::string_view { return records[i].id; };
    return guess->Find(id, static_cast<uint32_t>(records.size()), id_at, find);
  }
  std::optional<uint32_t> FindUnit(absl::string_view id) {
    return Find(data_.units, units_, &unit_guess_, id);
  }

  // The position of unit `id`, or nullopt and a problem at path().
  std::optional<uint32_t> ResolveUnit(LazyPath path, absl::string_view id) {
    std::optional<uint32_t> unit = FindUnit(id);
    if (!unit) Add(path(), id, absl::StrCat("unknown unit ", Quoted(id)));
    return unit;
  }
  bool RequireUnit(LazyPath path, absl::string_view id) {
    return ResolveUnit(path, id).has_value();
  }
  bool RequireUnit(const std::string& path, absl::string_view id) {
    return RequireUnit([&] { return path; }, id);
  }

  bool RequirePerson(LazyPath path, absl::string_view id) {
    if (Find(data_.people, people_, &person_guess_, id) || data_.roster.Find(id)) return true;
    Add(path(), id, absl::StrCat("unknown person ", Quoted(id)));
    return false;
  }
  bool RequirePerson(const std::string& path, absl::string_view id) {
    return RequirePerson([&] { return path; }, id);
  }

  // Days the document format can write: years 0001 to 9999.
  static bool Writable(Date day) {
    static const Date kFirst = *ParseDate("0001-01-01");
    static const Date kLast = *ParseDate("9999-12-31");
    return kFirst <= day && day <= kLast;
  }

  void RequireDay(Date day, std::string path, absl::string_view id) {
    if (!Writable(day)) {
      Add(std::move(path), id, absl::StrCat("day ", day, " is outside the years 0001 to 9999"));
    }
  }

  void RequireOrdered(const Interval& interval, LazyPath path, absl::string_view id,
                      absl::string_view from_key, absl::string_view to_key) {
    if (!IsOrdered(interval)) RequireOrdered(interval, path(), id, from_key, to_key);
  }

  void RequireOrdered(const Interval& interval, std::string path, absl::string_view id,
                      absl::string_view from_key, absl::string_view to_key) {
    if (interval.from != kBeginningOfTime && !Writable(interval.from)) {
      RequireDay(interval.from, absl::StrCat(path.substr(0, path.rfind('.')), ".", from_key), id);
    }
    if (interval.to != kEndOfTime && !Writable(interval.to)) RequireDay(interval.to, path, id);
    if (interval.to <= interval.from) {
      Add(std::move(path), id,
          absl::StrCat("`", to_key, "` ", FormatDate(interval.to), " is not after `", from_key,
                       "` ", FormatDate(interval.from)));
    }
  }

  void CheckSettings() {
    if (data_.settings.warn_days < 0) {
      Add("settings.warn_days", "", "must not be negative");
    }
    if (data_.settings.max_secretary_posts < 0) {
      Add("settings.max_secretary_posts", "", "must not be negative");
    }
  }

  void CheckUnits() {
    for (size_t i = 0; i < data_.units.size(); ++i) {
      const Unit& unit = data_.units[i];
      auto path = [&] { return At("units", i); };
      if (unit.members < 0 || unit.members > kMaxCount) {
        Add(path() + ".members", unit.id, "members must be from 0 to 2^53");
      }
      RequireOrdered(unit.exists, [&] { return path() + ".to"; }, unit.id, "from", "to");
      CheckParents(unit, path);
    }
    CheckLeadsCycle();
  }

  void CheckParents(const Unit& unit, LazyPath unit_path) {
    size_t weighted = 0;
    SeenIds seen;
    for (size_t p = 0; p < unit.parents.size(); ++p) {
      const ParentRef& parent = unit.parents[p];
      const bool repeated = unit.parents.size() > 1 && seen.Repeated(parent.unit);
      if (!parent.weight && parent.unit != unit.id && FindUnit(parent.unit) &&
          (p == 0 || unit.parents.size() == 1)) {
        continue;  // the usual case, with nothing to report
      }
      const std::string path = unit_path();
      const std::string parent_path = At(path + ".parents", p);
      if (parent.weight) {
        ++weighted;
        if (!std::isfinite(*parent.weight) || *parent.weight <= 0) {
          Add(parent_path + ".weight", unit.id,
              absl::StrCat("weight of parent ", Quoted(parent.unit), " of unit ",
                           Quoted(unit.id), " must be a finite number > 0"));
        }
      }
      if (parent.unit == unit.id) {
        Add(parent_path, unit.id, absl::StrCat("unit ", Quoted(unit.id), " leads itself"));
        continue;
      }
      RequireUnit(parent_path, parent.unit);
      if (repeated) {
        Add(parent_path, parent.unit,
            absl::StrCat("parent ", Quoted(parent.unit), " is listed twice"));
      }
    }
    if (weighted != 0 && weighted != unit.parents.size()) {
      Add(unit_path() + ".parents", unit.id,
          absl::StrCat("parents of unit ", Quoted(unit.id),
                       " mix weighted and unweighted entries: give every parent a weight or "
                       "none"));
    }
  }

  void CheckLeadsCycle() {
    std::vector<graph::Edge> edges;
    for (size_t i = 0; i < data_.units.size(); ++i) {
      for (const ParentRef& parent : data_.units[i].parents) {
        const std::optional<uint32_t> p = FindUnit(parent.unit);
        if (p && *p != i) edges.emplace_back(*p, static_cast<uint32_t>(i));
      }
    }
    const std::vector<uint32_t> cycle =
        graph::FindCycle(static_cast<uint32_t>(data_.units.size()), edges);
    if (cycle.empty()) {
      acyclic_ = true;
      return;
    }
    std::vector<absl::string_view> names;
    for (uint32_t u : cycle) names.push_back(data_.units[u].id);
    names.push_back(data_.units[cycle.front()].id);
    Add(At("units", cycle.front()) + ".parents", data_.units[cycle.front()].id,
        absl::StrCat("`leads` links form a cycle: ", absl::StrJoin(names, " -> ")));
  }

  void CheckPosts() {
    post_unit_.assign(data_.posts.size(), kNoUnit);
    for (size_t i = 0; i < data_.posts.size(); ++i) {
      const Post& post = data_.posts[i];
      RequirePerson([&] { return At("posts", i) + ".person"; }, post.person);
      post_unit_[i] =
          ResolveUnit([&] { return At("posts", i) + ".unit"; }, post.unit).value_or(kNoUnit);
      if (post.held.from == kBeginningOfTime) {
        Add(At("posts", i) + ".from", post.person, "a post needs a `from` date");
      }
      RequireOrdered(post.held, [&] { return At("posts", i) + ".to"; }, post.person, "from", "to");
      if (post.in_charge_of.empty()) continue;
      SeenIds seen;
      for (size_t k = 0; k < post.in_charge_of.size(); ++k) {
        const std::string& unit = post.in_charge_of[k];
        auto path = [&] { return At(At("posts", i) + ".in_charge_of", k); };
        RequireUnit(path, unit);
        if (seen.Repeated(unit)) {
          Add(path(), unit, absl::StrCat("unit ", Quoted(unit), " is listed twice"));
        }
      }
      if (!IsLeadership(post.role)) {
        Add(At("posts", i) + ".in_charge_of", post.person,
            "only a leadership post can be in charge of units (role is staff)");
      }
    }
    CheckSingleHolderOverlaps();
  }

  // Each roster row stands for a person, a staff post and an appraisal: the checks of those
  // records, row by row, without building them. Ids are compared in the roster's id order
  // rather than hashed: at national scale there are a hundred million of them.
  void CheckRoster() {
    const MemberRoster& roster = data_.roster;
    if (roster.empty()) return;
    auto row = [](uint32_t r) { return At("roster", r); };
    std::vector<bool> unit_seen(roster.unit_ids().size(), false);
    for (uint32_t r = 0; r < roster.size(); ++r) {
      const absl::string_view id = roster.id(r);
      if (id.empty()) Add(row(r) + ".id", id, "id must be a non-empty string");
      if (id.size() > kMaxIdBytes) CheckIdLength(row(r) + ".id", std::string(id));
      if (!IsCleanText(id) || !IsCleanText(roster.name(r)) || roster.name(r).size() > kMaxTextBytes) {
        Text(row(r), id, id, "id");
        Text(row(r), id, roster.name(r), "name");
      }
      if (!unit_seen[roster.unit(r)]) {
        unit_seen[roster.unit(r)] = true;
        RequireUnit(row(r) + ".unit", roster.unit_id(r));
      }
      const Interval held = roster.held(r);
      if (held.from == kBeginningOfTime) Add(row(r) + ".from", id, "a post needs a `from` date");
      if (held.from != kBeginningOfTime && (!Writable(held.from) || held.to <= held.from ||
                                            (held.to != kEndOfTime && !Writable(held.to)))) {
        RequireOrdered(held, row(r) + ".to", id, "from", "to");
      }
      if (roster.has_appraisal(r)) {
        if (!std::isfinite(roster.appraisal(r))) {
          Add(row(r) + ".appraisal", id, "an appraisal score must be a finite number");
        } else if (!data_.assessment) {
          Add(row(r) + ".appraisal", id, "an appraisal score needs an `assessment` in the model");
        }
      }
    }
    for (uint32_t k = 1; k < roster.size(); ++k) {
      const uint32_t r = roster.by_id(k), first = roster.by_id(k - 1);
      if (!roster.id(r).empty() && roster.id(r) == roster.id(first)) {
        Add(row(r) + ".id", roster.id(r),
            absl::StrCat("duplicate id ", Quoted(roster.id(r)), " (first at ", row(first), ")"));
      }
    }
    // Record ids outside the roster's id range cannot collide (the usual case: other
    // prefixes), so only those inside it are looked up.
    for (size_t i = 0; i < data_.people.size(); ++i) {
      const std::string& id = data_.people[i].id;
      if (id < roster.first_id() || id > roster.last_id()) continue;
      if (std::optional<uint32_t> r = roster.Find(id)) {
        Add(At("people", i) + ".id", id,
            absl::StrCat("duplicate id ", Quoted(id), " (also at ", row(*r), ")"));
      }
    }
  }

  // At most one secretary, head and discipline secretary per unit on any day. The posts of
  // known units are sorted by unit position rather than id: sorting millions of strings
  // cost more than the rest of the posts' checks.
  void CheckSingleHolderOverlaps() {
    struct Slot {
      uint32_t unit;
      Role role;
      Date from;
      uint32_t post;
      bool operator<(const Slot& o) const {
        return std::tie(unit, role, from, post) < std::tie(o.unit, o.role, o.from, o.post);
      }
    };
    const auto& posts = data_.posts;
    std::vector<Slot> order;
    for (size_t i = 0; i < posts.size(); ++i) {
      if (IsSingleHolder(posts[i].role) && post_unit_[i] != kNoUnit) {
        order.push_back(
            {post_unit_[i], posts[i].role, posts[i].held.from, static_cast<uint32_t>(i)});
      }
    }
    std::sort(order.begin(), order.end());
    for (size_t k = 0; k < order.size(); ++k) {
      const Post& post = posts[order[k].post];
      // Sorted by start: any earlier post of the same slot still running overlaps.
      for (size_t j = k; j-- > 0;) {
        if (order[j].unit != order[k].unit || order[j].role != order[k].role) break;
        const Post& earlier = posts[order[j].post];
        if (earlier.held.Overlaps(post.held)) {
          Add(At("posts", order[k].post), post.unit,
              absl::StrCat(Name(post.role), " posts of unit ", Quoted(post.unit),
                           " overlap: ", Quoted(earlier.person), " (", At("posts", order[j].post),
                           ", ", DateRange(earlier.held), ") and ", Quoted(post.person), " (",
                           DateRange(post.held), ")"));
          break;
        }
      }
    }
  }

  void CheckLinks() {
    for (size_t i = 0; i < data_.links.size(); ++i) {
      const Link& link = data_.links[i];
      const std::string path = At("links", i);
      if (link.kind == LinkKind::kGuides) {
        RequirePerson(path + ".from", link.from);
      } else {
        RequireUnit(path + ".from", link.from);
      }
      RequireUnit(path + ".to", link.to);
      RequireOrdered(link.valid, path + ".to_date", link.from, "from_date", "to_date");
    }
  }

  void CheckDuties() {
    for (size_t i = 0; i < data_.duties.size(); ++i) {
      RequireUnit(At("duties", i) + ".holder.unit", data_.duties[i].holder.unit);
    }
  }

  // True when `unit` is `top` or lies below it along the `leads` links.
  bool AtOrBelow(absl::string_view unit, absl::string_view top) {
    if (!acyclic_) return true;  // the cycle is reported already; ancestry is meaningless
    std::vector<absl::string_view> stack = {unit};
    absl::flat_hash_map<absl::string_view, bool> seen;
    while (!stack.empty()) {
      const absl::string_view current = stack.back();
      stack.pop_back();
      if (current == top) return true;
      const std::optional<uint32_t> u = units_.Find(current);
      if (!u || !seen.emplace(current, true).second) continue;
      for (const ParentRef& parent : data_.units[*u].parents) {
        stack.push_back(parent.unit);
      }
    }
    return false;
  }

  void CheckTasks(const std::vector<Task>& tasks, const std::string& path,
                  absl::string_view above, absl::string_view above_what) {
    for (size_t i = 0; i < tasks.size(); ++i) {
      const Task& task = tasks[i];
      const std::string task_path = At(path, i);
      if (RequireUnit(task_path + ".unit", task.unit) && units_.Find(above) &&
          !AtOrBelow(task.unit, above)) {
        Add(task_path + ".unit", task.id,
            absl::StrCat("task ", Quoted(task.id), " targets unit ", Quoted(task.unit),
                         ", which is not ", above_what, " ", Quoted(above), " or below it"));
      }
      RequireDay(task.due, task_path + ".due", task.id);
      if (task.completed) RequireDay(*task.completed, task_path + ".completed", task.id);
      const bool finished = task.status == TaskStatus::kDone || task.status == TaskStatus::kVerified;
      if (finished && !task.completed) {
        Add(task_path + ".completed", task.id,
            absl::StrCat("task ", Quoted(task.id), " is ", Name(task.status),
                         " but has no `completed` date"));
      }
      CheckTasks(task.subtasks, task_path + ".subtasks", task.unit, "its parent task's unit");
    }
  }

  void CheckDirectives() {
    for (size_t d = 0; d < data_.directives.size(); ++d) {
      const Directive& directive = data_.directives[d];
      const std::string path = At("directives", d);
      RequireUnit(path + ".issued_by", directive.issued_by);
      RequireDay(directive.date, path + ".date", directive.id);
      if (directive.reach < 1) {
        Add(path + ".reach", directive.id, "reach must be at least 1");
      }
      if (TaskDepth(directive.tasks) > kMaxTaskDepth) {
        Add(path + ".tasks", directive.id,
            absl::StrCat("subtasks nest deeper than ", kMaxTaskDepth, " levels"));
        continue;
      }
      CheckTasks(directive.tasks, path + ".tasks", directive.issued_by, "the issuing unit");
      for (size_t r = 0; r < directive.reviews.size(); ++r) {
        const TaskReview& review = directive.reviews[r];
        const std::string review_path = At(path + ".reviews", r);
        RequireDay(review.date, review_path + ".date", review.task);
        if (review.task.empty()) continue;
        auto it = task_paths_.find(review.task);
        if (it == task_paths_.end()) {
          Add(review_path + ".task", review.task, absl::StrCat("unknown task ", Quoted(review.task)));
        } else if (it->second.rfind(path + ".", 0) != 0) {
          Add(review_path + ".task", review.task,
              absl::StrCat("task ", Quoted(review.task), " belongs to another directive (",
                           it->second, ")"));
        }
      }
    }
  }

  void CheckIncidents() {
    for (size_t i = 0; i < data_.incidents.size(); ++i) {
      const Incident& incident = data_.incidents[i];
      const std::string path = At("incidents", i);
      RequireUnit(path + ".unit", incident.unit);
      RequireDay(incident.date, path + ".date", incident.id);
      if (incident.since) RequireDay(*incident.since, path + ".since", incident.id);
      if (incident.since && *incident.since > incident.date) {
        Add(path + ".since", incident.id,
            absl::StrCat("`since` ", FormatDate(*incident.since), " is after `date` ",
                         FormatDate(incident.date)));
      }
      if (!incident.duty.empty() && !duties_.Find(incident.duty)) {
        Add(path + ".duty", incident.duty, absl::StrCat("unknown duty ", Quoted(incident.duty)));
      }
      if (!incident.task.empty() && !task_paths_.contains(incident.task)) {
        Add(path + ".task", incident.task, absl::StrCat("unknown task ", Quoted(incident.task)));
      }
      for (size_t k = 0; k < incident.direct.size(); ++k) {
        RequirePerson(At(path + ".direct", k), incident.direct[k]);
      }
      for (size_t k = 0; k < incident.participants.size(); ++k) {
        RequirePerson(At(path + ".participants", k), incident.participants[k]);
      }
      for (size_t k = 0; k < incident.circumstances.size(); ++k) {
        const std::string& person = incident.circumstances[k].person;
        if (!person.empty()) RequirePerson(At(path + ".circumstances", k) + ".person", person);
      }
    }
  }

  void CheckAssessment() {
    if (!data_.assessment) return;
    const AssessmentInputs& a = *data_.assessment;
    CheckScheme(a);
    if (a.period.from == kBeginningOfTime || a.period.to == kEndOfTime) {
      Add("assessment.period", "", "the period needs both `from` and `to`");
    } else {
      RequireOrdered(a.period, "assessment.period.to", "", "from", "to");
    }
    for (size_t i = 0; i < a.points.size(); ++i) {
      RequireUnit([&] { return At("assessment.points", i) + ".unit"; }, a.points[i].unit);
    }
    for (size_t i = 0; i < a.bonuses.size(); ++i) {
      RequireUnit([&] { return At("assessment.bonuses", i) + ".unit"; }, a.bonuses[i].unit);
    }
    for (size_t i = 0; i < a.ballots.size(); ++i) {
      const Ballot& b = a.ballots[i];
      auto path = [&] { return At("assessment.ballots", i); };
      RequireUnit([&] { return path() + ".subject.unit"; }, b.subject.unit);
      for (int64_t votes : {b.good, b.fairly_good, b.average, b.poor}) {
        if (votes < 0 || votes > kMaxCount) {
          Add(path(), b.subject.unit, "vote counts must be from 0 to 2^53");
          break;
        }
      }
    }
    for (size_t i = 0; i < a.reviews.size(); ++i) {
      RequireUnit([&] { return At("assessment.reviews", i) + ".unit"; }, a.reviews[i].unit);
    }
    for (size_t i = 0; i < a.appraisals.size(); ++i) {
      RequirePerson([&] { return At("assessment.appraisals", i) + ".person"; },
                    a.appraisals[i].person);
    }
  }

  // A text that Text accepts without a word.
  static bool IsPlain(absl::string_view text) {
    return text.size() <= kMaxTextBytes && IsCleanText(text);
  }

  // `field` names the text in a too-long message ("units[3].name").
  void Text(std::string path, absl::string_view id, absl::string_view text,
            absl::string_view field) {
    // An id too long to repeat is reported by CheckIdLength.
    const absl::string_view shown = IsCleanText(id) && id.size() <= kMaxIdBytes ? id : "";
    if (!IsCleanText(text)) {
      Add(std::move(path), shown, "text is not valid UTF-8 or contains NUL");
    } else if (text.size() > kMaxTextBytes) {
      Add(path.empty() ? std::string(field) : absl::StrCat(path, ".", field), shown,
          absl::StrCat("text is ", text.size(), " bytes, longer than the limit of ",
                       kMaxTextBytes));
    }
  }

  // `x_…` keys with JSON values, as the JSON reader makes them; an edit may bring others.
  void CheckExtras(const Extras& extras, const std::string& path, absl::string_view id) {
    for (const auto& [key, value] : extras) {
      const std::string where = path.empty() ? key : absl::StrCat(path, ".", key);
      if (key.rfind("x_", 0) != 0 || !IsCleanText(key)) {
        Add(path, id, "an extension key must start with \"x_\"");
      } else if (!json_text::Parse(value).ok()) {
        Add(where, id, "an extension value must be JSON text");
      }
    }
  }

  // Every free text and extension the document writes back, so that what validates also
  // saves and loads again.
  void CheckTexts() {
    const ModelData& d = data_;
    Text("", "", d.name, "name");
    CheckExtras(d.extras, "", "");
    CheckExtras(d.settings.extras, "settings", "");
    for (size_t i = 0; i < d.units.size(); ++i) {
      const Unit& u = d.units[i];
      if (IsPlain(u.id) && IsPlain(u.name) && IsPlain(u.kind) && u.extras.empty() &&
          std::all_of(u.parents.begin(), u.parents.end(),
                      [](const ParentRef& p) { return p.extras.empty(); })) {
        continue;  // the usual case, with nothing to report
      }
      const std::string path = At("units", i);
      Text(path, u.id, u.id, "id");
      Text(path, u.id, u.name, "name");
      Text(path, u.id, u.kind, "kind");
      CheckExtras(u.extras, path, u.id);
      for (size_t k = 0; k < u.parents.size(); ++k) {
        CheckExtras(u.parents[k].extras, At(path + ".parents", k), u.id);
      }
    }
    for (size_t i = 0; i < d.people.size(); ++i) {
      const Person& person = d.people[i];
      if (IsPlain(person.id) && IsPlain(person.name) && person.extras.empty()) continue;
      const std::string path = At("people", i);
      Text(path, d.people[i].id, d.people[i].id, "id");
      Text(path, d.people[i].id, d.people[i].name, "name");
      CheckExtras(d.people[i].extras, path, d.people[i].id);
    }
    for (size_t i = 0; i < d.posts.size(); ++i) {
      if (!d.posts[i].extras.empty()) CheckExtras(d.posts[i].extras, At("posts", i), d.posts[i].person);
    }
    for (size_t i = 0; i < d.links.size(); ++i) {
      if (!d.links[i].extras.empty()) CheckExtras(d.links[i].extras, At("links", i), d.links[i].from);
    }
    for (size_t i = 0; i < d.duties.size(); ++i) {
      const Duty& duty = d.duties[i];
      const std::string path = At("duties", i);
      Text(path, duty.id, duty.id, "id");
      Text(path, duty.id, duty.dimension, "dimension");
      Text(path, duty.id, duty.text, "text");
      CheckExtras(duty.extras, path, duty.id);
      CheckExtras(duty.holder.extras, path + ".holder", duty.id);
    }
    for (size_t i = 0; i < d.directives.size(); ++i) {
      const Directive& dv = d.directives[i];
      const std::string path = At("directives", i);
      Text(path, dv.id, dv.id, "id");
      Text(path, dv.id, dv.title, "title");
      CheckExtras(dv.extras, path, dv.id);
      if (TaskDepth(dv.tasks) <= kMaxTaskDepth) CheckTaskTexts(dv.tasks, path + ".tasks");
      for (size_t r = 0; r < dv.reviews.size(); ++r) {
        Text(At(path + ".reviews", r), dv.id, dv.reviews[r].note, "note");
        CheckExtras(dv.reviews[r].extras, At(path + ".reviews", r), dv.id);
      }
    }
    for (size_t i = 0; i < d.incidents.size(); ++i) {
      const Incident& inc = d.incidents[i];
      const std::string path = At("incidents", i);
      Text(path, inc.id, inc.id, "id");
      Text(path, inc.id, inc.case_id, "case");
      Text(path, inc.id, inc.dimension, "dimension");
      CheckExtras(inc.extras, path, inc.id);
      for (size_t k = 0; k < inc.circumstances.size(); ++k) {
        CheckExtras(inc.circumstances[k].extras, At(path + ".circumstances", k), inc.id);
      }
    }
    if (d.assessment) CheckAssessmentTexts(*d.assessment);
  }

  void CheckTaskTexts(const std::vector<Task>& tasks, const std::string& path) {
    for (size_t i = 0; i < tasks.size(); ++i) {
      Text(At(path, i), tasks[i].id, tasks[i].id, "id");
      CheckExtras(tasks[i].extras, At(path, i), tasks[i].id);
      CheckTaskTexts(tasks[i].subtasks, At(path, i) + ".subtasks");
    }
  }

  void CheckAssessmentTexts(const AssessmentInputs& a) {
    CheckExtras(a.extras, "assessment", "");
    CheckExtras(a.period_extras, "assessment.period", "");
    auto each = [&](const auto& list, absl::string_view name, absl::string_view field,
                    auto text_of) {
      for (size_t i = 0; i < list.size(); ++i) {
        if (IsPlain(text_of(list[i])) && list[i].extras.empty()) continue;  // the usual case
        const std::string path = At(absl::StrCat("assessment.", name), i);
        Text(path, "", text_of(list[i]), field);
        CheckExtras(list[i].extras, path, "");
      }
    };
    using Ref = const std::string&;
    each(a.points, "points", "indicator",
         [](const IndicatorPoints& x) -> Ref { return x.indicator; });
    each(a.bonuses, "bonuses", "reason", [](const Bonus& x) -> Ref { return x.reason; });
    each(a.ballots, "ballots", "subject.unit",
         [](const Ballot& x) -> Ref { return x.subject.unit; });
    each(a.reviews, "reviews", "unit", [](const ReviewScore& x) -> Ref { return x.unit; });
    each(a.appraisals, "appraisals", "person", [](const Appraisal& x) -> Ref { return x.person; });
  }

  // The scheme is valid, and points name its indicators that do not come from the ledger.
  void CheckScheme(const AssessmentInputs& a) {
    ProblemList scheme_problems;
    absl::StatusOr<Scheme> scheme = ParseScheme(a.scheme_json, "assessment.scheme", &scheme_problems);
    if (!scheme.ok()) {
      problems_.AddAll(scheme_problems);
      return;
    }
    for (size_t i = 0; i < a.points.size(); ++i) {
      const std::string& id = a.points[i].indicator;
      const Indicator* found = nullptr;
      for (const Dimension& d : scheme->dimensions) {
        for (const Indicator& indicator : d.indicators) {
          if (indicator.id == id) found = &indicator;
        }
      }
      const std::string path = At("assessment.points", i) + ".indicator";
      if (found == nullptr) {
        Add(path, id, absl::StrCat("unknown indicator ", Quoted(id)));
      } else if (found->from_ledger) {
        Add(path, id, absl::StrCat("indicator ", Quoted(id), " comes from the ledger and takes no points"));
      }
    }
  }

  void CheckPolicy() {
    ProblemList policy_problems;
    if (!ParsePolicy(data_.policy_json, "policy", &policy_problems).ok()) {
      problems_.AddAll(policy_problems);
    }
  }

  const ModelData& data_;
  ProblemList problems_;
  IdIndex<Unit>& units_;
  IdIndex<Person>& people_;
  IdIndex<Duty>& duties_;
  IdIndex<Incident>& incidents_;
  IdIndex<Directive> directives_;
  SequentialGuess unit_guess_, person_guess_;
  static constexpr uint32_t kNoUnit = UINT32_MAX;
  std::vector<uint32_t> post_unit_;  // each post's unit position, or kNoUnit
  absl::flat_hash_map<absl::string_view, std::string> task_paths_;
  bool acyclic_ = false;
};

}  // namespace

ProblemList ValidateAndIndex(const ModelData& data, ModelIndexes* indexes) {
  return Validator(data, indexes).Run();
}

ProblemList Validate(const ModelData& data) {
  ModelIndexes indexes(data);
  return ValidateAndIndex(data, &indexes);
}

namespace {

// What RequireOrdered accepts: writable days, `to` after `from`.
bool IsOrdered(const Interval& interval) {
  static const Date kFirst = *ParseDate("0001-01-01");
  static const Date kLast = *ParseDate("9999-12-31");
  auto writable = [](Date day) { return kFirst <= day && day <= kLast; };
  return (interval.from == kBeginningOfTime || writable(interval.from)) &&
         (interval.to == kEndOfTime || writable(interval.to)) && interval.from < interval.to;
}

}  // namespace

}  // namespace zeren
