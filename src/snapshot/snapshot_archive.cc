#include "src/snapshot/snapshot_archive.h"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <algorithm>
#include <memory>
#include <type_traits>
#include <utility>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "zeren/policy.h"
#include "zeren/scheme.h"

namespace zeren {
namespace {

using archive::DecodeError;

// The largest value of each enum a snapshot stores.
constexpr Role Last(Role) { return Role::kStaff; }
constexpr LinkKind Last(LinkKind) { return LinkKind::kGuides; }
constexpr DutyCategory Last(DutyCategory) { return DutyCategory::kSpecialized; }
constexpr Severity Last(Severity) { return Severity::kGrave; }
constexpr TaskStatus Last(TaskStatus) { return TaskStatus::kCancelled; }

template <typename T>
constexpr bool kIsBlock = std::is_arithmetic_v<T> || std::is_same_v<T, Interval> ||
                          std::is_same_v<T, Snapshot::Votes> ||
                          std::is_same_v<T, Snapshot::RowAppraisal>;

// Writes or reads one stored field of Snapshot::Arrays. Plain arrays travel as one block
// of bytes; arrays of strings, optionals and structs with padding element by element, so
// that the same snapshot always gives the same bytes.
template <typename Ar>
struct Field {
  Ar& ar;

  void operator()(bool& flag) { archive::Flag(ar, flag); }
  void operator()(Interval& interval) { archive::Span(ar, interval); }
  template <typename A>
  void operator()(std::vector<std::string, A>& texts) { archive::Texts(ar, texts); }
  // A text column travels as archive::Texts stores a vector of strings.
  void operator()(TextColumn& texts) {
    if constexpr (archive::kSaving<Ar>) {
      Save(texts);
    } else {
      texts = Load();
    }
  }
  void operator()(IdColumn& ids) {
    if constexpr (archive::kSaving<Ar>) {
      Save(ids.texts());
    } else {
      ids = IdColumn(Load());
    }
  }

  template <typename T, typename A>
  void operator()(std::vector<T, A>& items) {
    if constexpr (kIsBlock<T>) {
      static_assert(sizeof(Interval) == 8 && sizeof(Snapshot::Votes) == 32 &&
                        sizeof(Snapshot::RowAppraisal) == 16,
                    "no padding");
      archive::Block(ar, items);
    } else if constexpr (std::is_enum_v<T>) {
      archive::Block(ar, items);
      if constexpr (!archive::kSaving<Ar>) {
        for (T value : items) {
          if (value > Last(T{})) {
            throw DecodeError(absl::StrCat("an enum value ", static_cast<int>(value),
                                           " is beyond ", static_cast<int>(Last(T{}))));
          }
        }
      }
    } else {
      archive::Size(ar, items, 1);
      for (T& item : items) Element(item);
    }
  }

  // std::vector<bool> hands out proxies, not references.
  template <typename A>
  void operator()(std::vector<bool, A>& flags) {
    archive::Size(ar, flags, 1);
    for (size_t i = 0; i < flags.size(); ++i) {
      bool flag = flags[i];
      archive::Flag(ar, flag);
      flags[i] = flag;
    }
  }

  void Save(const TextColumn& texts) {
    uint64_t count = texts.size();
    archive::Int(ar, count);
    for (uint32_t i = 0; i < texts.size(); ++i) {
      const absl::string_view text = texts[i];
      uint64_t size = text.size();
      archive::Int(ar, size);
      ar.save_binary(text.data(), text.size());
    }
  }

  TextColumn Load() {
    uint64_t count = 0;
    archive::Int(ar, count);
    if (archive::CheckCount(count, sizeof(uint64_t)) >= kNoIndex) {
      throw DecodeError(absl::StrCat("a text column of ", count, " texts"));
    }
    TextColumn texts;
    std::string text;
    for (uint64_t i = 0; i < count; ++i) {
      archive::Text(ar, text);
      if (!texts.Add(text)) throw DecodeError("a text column exceeds 4 GiB");
    }
    return texts;
  }

  void Element(std::optional<Role>& role) {
    archive::Maybe(ar, role, [](Ar& a, Role& r) { archive::Enum(a, r, Role::kStaff); });
  }
  void Element(Snapshot::IncidentCircumstance& c) {
    archive::Enum(ar, c.kind, CircumstanceKind::kObjectionOnRecord);
    archive::Int(ar, c.person);
  }
  void Element(Snapshot::PointsEntry& p) {
    archive::Int(ar, p.indicator);
    archive::Real(ar, p.value);
  }
  void Element(Snapshot::Review& r) {
    archive::Int(ar, r.date);
    archive::Int(ar, r.task);
    archive::Enum(ar, r.result, ReviewResult::kFail);
    archive::Text(ar, r.note);
  }
};

// The structural checks of a loaded snapshot: the first failure throws, naming the array.
class Checker {
 public:
  void Size(const char* name, size_t size, size_t expected) const {
    if (size != expected) Fail(name, absl::StrCat("has ", size, " entries, not ", expected));
  }

  // A CSR offset table: keys + 1 entries rising from 0 to `values`.
  void Offsets(const char* name, absl::Span<const uint32_t> start, size_t keys,
               size_t values) const {
    Size(name, start.size(), keys + 1);
    if (start[0] != 0 || start[keys] != values) {
      Fail(name, absl::StrCat("does not run from 0 to ", values));
    }
    for (size_t i = 0; i < keys; ++i) {
      if (start[i] > start[i + 1]) Fail(name, absl::StrCat("falls at ", i + 1));
    }
  }

  // Every value below `limit` (or kNoIndex when `none` allows it).
  void Indices(const char* name, absl::Span<const uint32_t> values, size_t limit,
               bool none = false) const {
    for (size_t i = 0; i < values.size(); ++i) Index(name, i, values[i], limit, none);
  }

  void Index(const char* name, size_t i, uint32_t value, size_t limit, bool none = false) const {
    if (value < limit || (none && value == kNoIndex)) return;
    Fail(name, absl::StrCat("entry ", i, " is ", value, ", beyond ", limit));
  }

  [[noreturn]] void Fail(const char* name, const std::string& what) const {
    throw DecodeError(absl::StrCat("snapshot array ", name, " ", what));
  }
};

}  // namespace

void SnapshotArchive::Save(archive::OutArchive& ar, const Snapshot& snapshot) {
  // Adding a field to Snapshot::Arrays changes its size: store it in ForEachStored (or
  // rebuild it in Load) and bump kSnapshotLayout, then update the size here.
  static_assert(sizeof(Snapshot::Arrays) == 2832 || sizeof(void*) != 8,
                "Snapshot::Arrays changed: see ForEachStored");
  // Saving only reads: the visitor is shared with loading, which needs it mutable.
  auto& arrays = const_cast<Snapshot::Arrays&>(*snapshot.a_);
  arrays.ForEachStored(Field<archive::OutArchive>{ar});
}

Snapshot SnapshotArchive::Load(archive::InArchive& ar, const Model& model) {
  auto a = std::make_shared<Snapshot::Arrays>();
  a->ForEachStored(Field<archive::InArchive>{ar});

  const ModelData& d = model.data();
  const Checker c;
  const size_t units = a->unit_id.size(), record_people = a->person_id.size();
  const size_t record_posts = a->post_person.size(), links = a->link_kind.size();
  // Roster rows are the last people and posts (they come from the model, not the archive).
  const size_t people = record_people + d.roster.size();
  const size_t posts = record_posts + d.roster.size();
  const size_t duties = a->duty_id.size(), incidents = a->incident_id.size();
  const size_t directives = a->directive_id.size(), tasks = a->task_id.size();
  c.Size("unit_id", units, d.units.size());
  c.Size("person_id", record_people, d.people.size());
  c.Size("post_person", record_posts, d.posts.size());
  c.Size("link_kind", links, d.links.size());
  c.Size("duty_id", duties, d.duties.size());
  c.Size("incident_id", incidents, d.incidents.size());
  c.Size("directive_id", directives, d.directives.size());

  // Units: parents come before their children (level order), so walks end.
  for (const auto& [name, size] : {std::pair{"unit_name", a->unit_name.size()},
                                   {"unit_kind", a->unit_kind.size()},
                                   {"unit_members", a->unit_members.size()},
                                   {"unit_level", a->unit_level.size()},
                                   {"unit_exists", a->unit_exists.size()},
                                   {"bonus_sum", a->bonus_sum.size()},
                                   {"review_sum", a->review_sum.size()},
                                   {"review_count", a->review_count.size()},
                                   {"votes", a->votes.size()}}) {
    c.Size(name, size, units);
  }
  c.Indices("unit_kind", a->unit_kind, a->kinds.size());
  c.Offsets("parent_start", a->parent_start, units, a->parent.size());
  c.Offsets("child_start", a->child_start, units, a->child.size());
  c.Size("parent_weight", a->parent_weight.size(), a->parent.size());
  c.Size("child_weight", a->child_weight.size(), a->child.size());
  for (UnitIndex u = 0; u < units; ++u) {
    uint32_t level = 0;
    for (uint32_t k = a->parent_start[u]; k < a->parent_start[u + 1]; ++k) {
      c.Index("parent", k, a->parent[k], u);
      level = std::max(level, a->unit_level[a->parent[k]] + 1);
    }
    if (a->unit_level[u] != level) c.Fail("unit_level", absl::StrCat("entry ", u, " is wrong"));
    for (uint32_t k = a->child_start[u]; k < a->child_start[u + 1]; ++k) {
      c.Index("child", k, a->child[k], units);
      if (a->child[k] <= u) c.Fail("child", absl::StrCat("entry ", k, " is not below its parent"));
    }
  }

  c.Size("person_name", a->person_name.size(), record_people);
  c.Size("appraisal_sum", a->appraisal_sum.size(), record_people);
  c.Size("appraisal_count", a->appraisal_count.size(), record_people);
  for (size_t i = 0; i < a->row_appraisal.size(); ++i) {
    const PersonIndex p = a->row_appraisal[i].person;
    c.Index("row_appraisal", i, p, people);
    if (p < record_people || (i > 0 && p <= a->row_appraisal[i - 1].person)) {
      c.Fail("row_appraisal", absl::StrCat("entry ", i, " is not a roster person in order"));
    }
  }

  c.Size("post_unit", a->post_unit.size(), record_posts);
  c.Size("post_role", a->post_role.size(), record_posts);
  c.Size("post_held", a->post_held.size(), record_posts);
  c.Indices("post_person", a->post_person, people);
  c.Indices("post_unit", a->post_unit, units);
  c.Offsets("charge_start", a->charge_start, record_posts, a->charge_unit.size());
  c.Indices("charge_unit", a->charge_unit, units);
  c.Offsets("unit_post_start", a->unit_post_start, units, a->unit_post.size());
  c.Indices("unit_post", a->unit_post, posts);
  c.Offsets("person_post_start", a->person_post_start, people, a->person_post.size());
  c.Indices("person_post", a->person_post, posts);
  c.Offsets("charged_start", a->charged_start, units, a->charged_post.size());
  c.Indices("charged_post", a->charged_post, record_posts);

  c.Size("link_from", a->link_from.size(), links);
  c.Size("link_to", a->link_to.size(), links);
  c.Size("link_valid", a->link_valid.size(), links);
  for (LinkIndex l = 0; l < links; ++l) {
    c.Index("link_from", l, a->link_from[l], a->link_kind[l] == LinkKind::kGuides ? people : units);
  }
  c.Indices("link_to", a->link_to, units);
  c.Offsets("link_to_start", a->link_to_start, units, a->link_by_to.size());
  c.Indices("link_by_to", a->link_by_to, links);
  c.Offsets("unit_link_start", a->unit_link_start, units, a->unit_link.size());
  c.Indices("unit_link", a->unit_link, links);
  c.Offsets("person_link_start", a->person_link_start, people, a->person_link.size());
  c.Indices("person_link", a->person_link, links);

  c.Size("duty_text", a->duty_text.size(), duties);
  c.Size("duty_unit", a->duty_unit.size(), duties);
  c.Size("duty_role", a->duty_role.size(), duties);
  c.Size("duty_category", a->duty_category.size(), duties);
  c.Indices("duty_unit", a->duty_unit, units);
  c.Offsets("unit_duty_start", a->unit_duty_start, units, a->unit_duty.size());
  c.Indices("unit_duty", a->unit_duty, duties);

  for (const auto& [name, size] : {std::pair{"incident_unit", a->incident_unit.size()},
                                   {"incident_date", a->incident_date.size()},
                                   {"incident_since", a->incident_since.size()},
                                   {"incident_since_given", a->incident_since_given.size()},
                                   {"incident_severity", a->incident_severity.size()},
                                   {"incident_duty", a->incident_duty.size()},
                                   {"incident_case", a->incident_case.size()}}) {
    c.Size(name, size, incidents);
  }
  c.Indices("incident_unit", a->incident_unit, units);
  c.Indices("incident_duty", a->incident_duty, duties, true);
  c.Offsets("direct_start", a->direct_start, incidents, a->direct.size());
  c.Indices("direct", a->direct, people);
  c.Offsets("participant_start", a->participant_start, incidents, a->participant.size());
  c.Indices("participant", a->participant, people);
  c.Offsets("circumstance_start", a->circumstance_start, incidents, a->circumstance.size());
  for (size_t i = 0; i < a->circumstance.size(); ++i) {
    c.Index("circumstance", i, a->circumstance[i].person, people, true);
  }
  c.Offsets("unit_incident_start", a->unit_incident_start, units, a->unit_incident.size());
  c.Indices("unit_incident", a->unit_incident, incidents);

  if (a->has_assessment != d.assessment.has_value()) {
    c.Fail("has_assessment", "disagrees with the model");
  }
  c.Offsets("point_start", a->point_start, units, a->point.size());
  for (size_t i = 0; i < a->point.size(); ++i) {
    c.Index("point", i, a->point[i].indicator, a->indicator_ids.size());
  }

  for (const auto& [name, size] : {std::pair{"directive_title", a->directive_title.size()},
                                   {"directive_issuer", a->directive_issuer.size()},
                                   {"directive_date", a->directive_date.size()},
                                   {"directive_reach", a->directive_reach.size()}}) {
    c.Size(name, size, directives);
  }
  c.Indices("directive_issuer", a->directive_issuer, units);
  c.Offsets("directive_task_start", a->directive_task_start, directives, tasks);
  c.Offsets("directive_review_start", a->directive_review_start, directives, a->review.size());
  for (size_t i = 0; i < a->review.size(); ++i) c.Index("review", i, a->review[i].task, tasks, true);
  for (const auto& [name, size] : {std::pair{"task_directive", a->task_directive.size()},
                                   {"task_parent", a->task_parent.size()},
                                   {"task_unit", a->task_unit.size()},
                                   {"task_due", a->task_due.size()},
                                   {"task_completed", a->task_completed.size()},
                                   {"task_status", a->task_status.size()}}) {
    c.Size(name, size, tasks);
  }
  c.Indices("task_directive", a->task_directive, directives);
  for (TaskIndex t = 0; t < tasks; ++t) c.Index("task_parent", t, a->task_parent[t], t, true);
  c.Indices("task_unit", a->task_unit, units);
  c.Offsets("unit_task_start", a->unit_task_start, units, a->unit_task.size());
  c.Indices("unit_task", a->unit_task, tasks);
  c.Offsets("task_review_start", a->task_review_start, tasks, a->task_review.size());
  for (size_t i = 0; i < a->task_review.size(); ++i) {
    c.Index("task_review", i, a->task_review[i].task, tasks, true);
  }

  // What is not stored: the id maps (views into the arrays above), the roster's units and
  // what the model's JSON texts compile to (validated with the model).
  a->roster = d.roster;
  a->roster_unit.reserve(d.roster.unit_ids().size());
  for (const std::string& id : d.roster.unit_ids()) {
    std::optional<UnitIndex> u = a->unit_id.Find(id);
    if (!u) c.Fail("unit_id", absl::StrCat("lacks the roster's unit \"", id, "\""));
    a->roster_unit.push_back(*u);
  }
  a->settings = d.settings;
  a->policy = *ParsePolicy(d.policy_json);
  a->scheme = d.assessment ? *ParseScheme(d.assessment->scheme_json) : DefaultScheme();
  return Snapshot(std::move(a));
}

}  // namespace zeren
