// A model compiled for queries: dense 32-bit indices, units in level order, CSR arrays.
// Immutable once compiled and cheap to copy (shared); safe to query from many threads.
// Ids, names and texts are views into the snapshot that live as long as any copy of it,
// each ending in a NUL byte past the view: data() is a C string.
// Posts and links keep their date intervals, so one snapshot answers for any date.
#ifndef ZEREN_SNAPSHOT_H_
#define ZEREN_SNAPSHOT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "zeren/date.h"
#include "zeren/huge_page_allocator.h"
#include "zeren/id_column.h"
#include "zeren/model.h"
#include "zeren/policy.h"
#include "zeren/scheme.h"
#include "zeren/text_column.h"
#include "zeren/vocabulary.h"
#include "absl/strings/string_view.h"

namespace zeren {

using UnitIndex = uint32_t;
using PersonIndex = uint32_t;
using PostIndex = uint32_t;
using LinkIndex = uint32_t;
using DutyIndex = uint32_t;
using IncidentIndex = uint32_t;
using DirectiveIndex = uint32_t;
using TaskIndex = uint32_t;
inline constexpr uint32_t kNoIndex = 0xFFFFFFFFu;

class Snapshot {
 public:
  // Compiles a (valid) model. Fails only when the model exceeds 32-bit indices, or 4 GiB of
  // one kind of text (unit names, say).
  static absl::StatusOr<Snapshot> Compile(const Model& model);

  // ---- units, in level order: every superior comes before its subordinates ----
  uint32_t unit_count() const { return static_cast<uint32_t>(a_->unit_id.size()); }
  std::optional<UnitIndex> FindUnit(absl::string_view id) const;
  absl::string_view unit_id(UnitIndex u) const { return a_->unit_id[u]; }
  absl::string_view unit_name(UnitIndex u) const { return a_->unit_name[u]; }
  const std::string& unit_kind(UnitIndex u) const { return a_->kinds[a_->unit_kind[u]]; }
  // The kinds, each once, in order of first use: unit_kind(u) is kind(unit_kind_index(u)).
  uint32_t kind_count() const { return static_cast<uint32_t>(a_->kinds.size()); }
  const std::string& kind(uint32_t k) const { return a_->kinds[k]; }
  uint32_t unit_kind_index(UnitIndex u) const { return a_->unit_kind[u]; }
  int64_t unit_members(UnitIndex u) const { return a_->unit_members[u]; }
  // Length of the longest `leads` path from a root.
  uint32_t unit_level(UnitIndex u) const { return a_->unit_level[u]; }
  const Interval& unit_exists(UnitIndex u) const { return a_->unit_exists[u]; }
  absl::Span<const UnitIndex> parents(UnitIndex u) const { return Range(a_->parent_start, a_->parent, u); }
  // Weight of each parent edge, normalized: as given, or 1 / number of parents.
  absl::Span<const double> parent_weights(UnitIndex u) const {
    return Range(a_->parent_start, a_->parent_weight, u);
  }
  absl::Span<const UnitIndex> children(UnitIndex u) const { return Range(a_->child_start, a_->child, u); }
  // The weight of each child's edge to u (its parent_weights entry for u).
  absl::Span<const double> child_weights(UnitIndex u) const {
    return Range(a_->child_start, a_->child_weight, u);
  }
  // The same unit structure as whole arrays, for kernels that sweep every unit (the
  // roll-up): CSR offsets (unit_count + 1) and the edges they index.
  absl::Span<const uint32_t> child_starts() const { return a_->child_start; }
  absl::Span<const UnitIndex> child_array() const { return a_->child; }
  absl::Span<const double> child_weight_array() const { return a_->child_weight; }
  absl::Span<const uint32_t> parent_starts() const { return a_->parent_start; }
  absl::Span<const UnitIndex> parent_array() const { return a_->parent; }
  absl::Span<const uint32_t> unit_levels() const { return a_->unit_level; }

  // ---- people: the document's people in order, then the member roster's rows ----
  uint32_t person_count() const { return record_people() + a_->roster.size(); }
  std::optional<PersonIndex> FindPerson(absl::string_view id) const;
  absl::string_view person_id(PersonIndex p) const {
    return p < record_people() ? a_->person_id[p] : a_->roster.id(p - record_people());
  }
  absl::string_view person_name(PersonIndex p) const {
    return p < record_people() ? a_->person_name[p] : a_->roster.name(p - record_people());
  }

  // ---- posts: the document's posts in order, then one staff post per roster row (row r
  // is person record_people() + r holding post record_posts() + r) ----
  uint32_t post_count() const { return record_posts() + a_->roster.size(); }
  PersonIndex post_person(PostIndex p) const {
    return p < record_posts() ? a_->post_person[p] : record_people() + (p - record_posts());
  }
  UnitIndex post_unit(PostIndex p) const {
    return p < record_posts() ? a_->post_unit[p]
                              : a_->roster_unit[a_->roster.unit(p - record_posts())];
  }
  Role post_role(PostIndex p) const {
    return p < record_posts() ? a_->post_role[p] : Role::kStaff;
  }
  Interval post_held(PostIndex p) const {
    return p < record_posts() ? a_->post_held[p] : a_->roster.held(p - record_posts());
  }
  absl::Span<const UnitIndex> post_in_charge_of(PostIndex p) const {
    if (p >= record_posts()) return {};
    return Range(a_->charge_start, a_->charge_unit, p);
  }
  // Posts in unit u, by role then start date.
  absl::Span<const PostIndex> posts_in(UnitIndex u) const { return Range(a_->unit_post_start, a_->unit_post, u); }
  // The posts of one role in unit u, by start date: a binary search, so that finding a
  // branch's secretary does not walk its thousand members' staff posts.
  absl::Span<const PostIndex> posts_in(UnitIndex u, Role role) const;
  // Posts of person p, by start date.
  absl::Span<const PostIndex> posts_of(PersonIndex p) const {
    return Range(a_->person_post_start, a_->person_post, p);
  }
  // Posts whose `in_charge_of` names unit u.
  absl::Span<const PostIndex> posts_in_charge_of(UnitIndex u) const {
    return Range(a_->charged_start, a_->charged_post, u);
  }

  // ---- links ----
  uint32_t link_count() const { return static_cast<uint32_t>(a_->link_kind.size()); }
  LinkKind link_kind(LinkIndex l) const { return a_->link_kind[l]; }
  // A unit index, or a person index for `guides`.
  uint32_t link_from(LinkIndex l) const { return a_->link_from[l]; }
  UnitIndex link_to(LinkIndex l) const { return a_->link_to[l]; }
  const Interval& link_valid(LinkIndex l) const { return a_->link_valid[l]; }
  // Links whose `to` is unit u.
  absl::Span<const LinkIndex> links_to(UnitIndex u) const { return Range(a_->link_to_start, a_->link_by_to, u); }
  // `supervises` and `specializes` links from unit u.
  absl::Span<const LinkIndex> links_from_unit(UnitIndex u) const {
    return Range(a_->unit_link_start, a_->unit_link, u);
  }
  // `guides` links from person p.
  absl::Span<const LinkIndex> links_from_person(PersonIndex p) const {
    return Range(a_->person_link_start, a_->person_link, p);
  }

  // ---- duties, in document order ----
  uint32_t duty_count() const { return static_cast<uint32_t>(a_->duty_id.size()); }
  absl::string_view duty_id(DutyIndex d) const { return a_->duty_id[d]; }
  UnitIndex duty_unit(DutyIndex d) const { return a_->duty_unit[d]; }
  // The holder's role, if the duty is held by a post rather than by the unit.
  std::optional<Role> duty_role(DutyIndex d) const { return a_->duty_role[d]; }
  DutyCategory duty_category(DutyIndex d) const { return a_->duty_category[d]; }
  absl::string_view duty_text(DutyIndex d) const { return a_->duty_text[d]; }
  // Duties held by unit u or one of its posts.
  absl::Span<const DutyIndex> duties_of(UnitIndex u) const { return Range(a_->unit_duty_start, a_->unit_duty, u); }

  // ---- incidents, in document order ----
  struct IncidentCircumstance {
    CircumstanceKind kind;
    PersonIndex person;  // kNoIndex: applies to every party
  };
  uint32_t incident_count() const { return static_cast<uint32_t>(a_->incident_id.size()); }
  std::optional<IncidentIndex> FindIncident(absl::string_view id) const;
  absl::string_view incident_id(IncidentIndex i) const { return a_->incident_id[i]; }
  UnitIndex incident_unit(IncidentIndex i) const { return a_->incident_unit[i]; }
  Date incident_date(IncidentIndex i) const { return a_->incident_date[i]; }
  // The first day of the failure: `since`, or the date itself when there is none.
  Date incident_since(IncidentIndex i) const { return a_->incident_since[i]; }
  bool incident_has_since(IncidentIndex i) const { return a_->incident_since_given[i]; }
  Severity incident_severity(IncidentIndex i) const { return a_->incident_severity[i]; }
  DutyIndex incident_duty(IncidentIndex i) const { return a_->incident_duty[i]; }
  absl::Span<const PersonIndex> incident_direct(IncidentIndex i) const {
    return Range(a_->direct_start, a_->direct, i);
  }
  absl::Span<const PersonIndex> incident_participants(IncidentIndex i) const {
    return Range(a_->participant_start, a_->participant, i);
  }
  absl::Span<const IncidentCircumstance> incident_circumstances(IncidentIndex i) const {
    return Range(a_->circumstance_start, a_->circumstance, i);
  }
  // The incident's `case` id, "" when none.
  absl::string_view incident_case(IncidentIndex i) const { return a_->incident_case[i]; }
  // Incidents at unit u, in document order.
  absl::Span<const IncidentIndex> incidents_at(UnitIndex u) const {
    return Range(a_->unit_incident_start, a_->unit_incident, u);
  }
  // incidents_at's CSR offsets (unit_count + 1), to share units out by their incidents.
  absl::Span<const uint32_t> incident_starts() const { return a_->unit_incident_start; }

  // ---- assessment inputs (none when the model has no `assessment`) ----
  // Summed as doubles: each count fits 2^53, their sum over many ballots need not.
  struct Votes {
    double good = 0, fairly_good = 0, average = 0, poor = 0;
  };
  // The Appraisal records that name a roster row's person, summed.
  struct RowAppraisal {
    PersonIndex person;
    uint32_t count;
    double sum;
  };
  struct PointsEntry {
    uint32_t indicator;  // into indicator_ids()
    double value;
  };
  bool has_assessment() const { return a_->has_assessment; }
  const Interval& assessment_period() const { return a_->period; }
  // The model's scheme, compiled (the default when the model gives none).
  const Scheme& scheme() const { return a_->scheme; }
  // Indicator ids that points name, each once.
  const std::vector<std::string>& indicator_ids() const { return a_->indicator_ids; }
  absl::Span<const PointsEntry> points_of(UnitIndex u) const { return Range(a_->point_start, a_->point, u); }
  double bonus_sum(UnitIndex u) const { return a_->bonus_sum[u]; }
  double review_sum(UnitIndex u) const { return a_->review_sum[u]; }
  uint32_t review_count(UnitIndex u) const { return a_->review_count[u]; }
  // Votes of every ballot whose subject names u, with or without a role.
  const Votes& votes(UnitIndex u) const { return a_->votes[u]; }
  // The sum and the number of person p's appraisal scores: their Appraisal records' in
  // document order, then their roster row's.
  double appraisal_sum(PersonIndex p) const {
    if (p < record_people()) return a_->appraisal_sum[p];
    const RowAppraisal* named = NamedRowAppraisal(p);
    double sum = named != nullptr ? named->sum : 0;
    const uint32_t r = p - record_people();
    if (a_->roster.has_appraisal(r)) sum += a_->roster.appraisal(r);
    return sum;
  }
  uint32_t appraisal_count(PersonIndex p) const {
    if (p < record_people()) return a_->appraisal_count[p];
    const RowAppraisal* named = NamedRowAppraisal(p);
    const uint32_t own = a_->roster.has_appraisal(p - record_people()) ? 1 : 0;
    return (named != nullptr ? named->count : 0) + own;
  }

  // ---- the directive ledger: directives, their tasks (flattened, each directive's tasks
  // in document order, parents before their subtasks) and reviews ----
  struct Review {
    Date date;
    TaskIndex task;  // kNoIndex: the directive as a whole
    ReviewResult result;
    std::string note;
  };
  uint32_t directive_count() const { return static_cast<uint32_t>(a_->directive_id.size()); }
  absl::string_view directive_id(DirectiveIndex d) const { return a_->directive_id[d]; }
  absl::string_view directive_title(DirectiveIndex d) const { return a_->directive_title[d]; }
  UnitIndex directive_issuer(DirectiveIndex d) const { return a_->directive_issuer[d]; }
  Date directive_date(DirectiveIndex d) const { return a_->directive_date[d]; }
  int32_t directive_reach(DirectiveIndex d) const { return a_->directive_reach[d]; }
  // Task indices [first, last) of directive d.
  TaskIndex directive_first_task(DirectiveIndex d) const { return a_->directive_task_start[d]; }
  TaskIndex directive_end_task(DirectiveIndex d) const { return a_->directive_task_start[d + 1]; }
  absl::Span<const Review> directive_reviews(DirectiveIndex d) const {
    return Range(a_->directive_review_start, a_->review, d);
  }
  uint32_t task_count() const { return static_cast<uint32_t>(a_->task_id.size()); }
  absl::string_view task_id(TaskIndex t) const { return a_->task_id[t]; }
  DirectiveIndex task_directive(TaskIndex t) const { return a_->task_directive[t]; }
  TaskIndex task_parent(TaskIndex t) const { return a_->task_parent[t]; }  // or kNoIndex
  UnitIndex task_unit(TaskIndex t) const { return a_->task_unit[t]; }
  Date task_due(TaskIndex t) const { return a_->task_due[t]; }
  TaskStatus task_status(TaskIndex t) const { return a_->task_status[t]; }
  // The recorded completion day, or kEndOfTime when there is none.
  Date task_completed(TaskIndex t) const { return a_->task_completed[t]; }
  // Reviews that name task t, in document order.
  absl::Span<const Review> task_reviews(TaskIndex t) const {
    return Range(a_->task_review_start, a_->task_review, t);
  }
  // Tasks assigned to unit u, in document order.
  absl::Span<const TaskIndex> tasks_of(UnitIndex u) const {
    return Range(a_->unit_task_start, a_->unit_task, u);
  }

  const Settings& settings() const { return a_->settings; }

  // The model's accountability policy, compiled.
  const Policy& policy() const { return a_->policy; }

  // The model's member roster, whose rows are the last people and posts above.
  const MemberRoster& roster() const { return a_->roster; }
  uint32_t record_people() const { return static_cast<uint32_t>(a_->person_id.size()); }
  uint32_t record_posts() const { return static_cast<uint32_t>(a_->post_person.size()); }

  // "name (id)", the way results name things.
  std::string DescribeUnit(UnitIndex u) const;
  std::string DescribePerson(PersonIndex p) const;

 private:
  template <typename T>
  using Column = HugePageVector<T>;

  struct Arrays {
    IdColumn unit_id;
    TextColumn unit_name;
    Column<std::string> kinds;
    Column<uint32_t> unit_kind;  // into `kinds`
    Column<int64_t> unit_members;
    Column<uint32_t> unit_level;
    Column<Interval> unit_exists;
    Column<uint32_t> parent_start, child_start;  // CSR offsets, unit_count + 1 each
    Column<UnitIndex> parent, child;
    Column<double> parent_weight, child_weight;

    IdColumn person_id;  // the document's people; roster rows are found in the roster
    TextColumn person_name;
    MemberRoster roster;         // shared with the model
    Column<UnitIndex> roster_unit;  // by roster unit slot

    Column<PersonIndex> post_person;
    Column<UnitIndex> post_unit;
    Column<Role> post_role;
    Column<Interval> post_held;
    Column<uint32_t> charge_start;
    Column<UnitIndex> charge_unit;
    Column<uint32_t> unit_post_start, person_post_start, charged_start;
    Column<PostIndex> unit_post, person_post, charged_post;

    Column<LinkKind> link_kind;
    Column<uint32_t> link_from;
    Column<UnitIndex> link_to;
    Column<Interval> link_valid;
    Column<uint32_t> link_to_start, unit_link_start, person_link_start;
    Column<LinkIndex> link_by_to, unit_link, person_link;

    IdColumn duty_id;
    TextColumn duty_text;
    Column<UnitIndex> duty_unit;
    Column<std::optional<Role>> duty_role;
    Column<DutyCategory> duty_category;
    Column<uint32_t> unit_duty_start;
    Column<DutyIndex> unit_duty;

    IdColumn incident_id;
    Column<UnitIndex> incident_unit;
    Column<Date> incident_date, incident_since;
    Column<bool> incident_since_given;
    Column<Severity> incident_severity;
    Column<DutyIndex> incident_duty;
    Column<uint32_t> direct_start, participant_start, circumstance_start;
    Column<PersonIndex> direct, participant;
    Column<IncidentCircumstance> circumstance;
    TextColumn incident_case;
    Column<uint32_t> unit_incident_start;
    Column<IncidentIndex> unit_incident;

    bool has_assessment = false;
    Interval period;
    Scheme scheme;
    std::vector<std::string> indicator_ids;
    Column<uint32_t> point_start;
    Column<PointsEntry> point;
    Column<double> bonus_sum, review_sum;
    Column<uint32_t> review_count;
    // Appraisals by person: the record people's, and the few rows that Appraisal records
    // name, by person index. Other rows' appraisals are the roster's own.
    Column<double> appraisal_sum;
    Column<uint32_t> appraisal_count;
    Column<RowAppraisal> row_appraisal;
    Column<Votes> votes;

    TextColumn directive_id, directive_title;
    Column<UnitIndex> directive_issuer;
    Column<Date> directive_date;
    Column<int32_t> directive_reach;
    Column<uint32_t> directive_task_start, directive_review_start;
    Column<Review> review;
    TextColumn task_id;
    Column<DirectiveIndex> task_directive;
    Column<TaskIndex> task_parent;
    Column<UnitIndex> task_unit;
    Column<Date> task_due, task_completed;
    Column<TaskStatus> task_status;
    Column<uint32_t> unit_task_start, task_review_start;
    Column<Review> task_review;
    Column<TaskIndex> unit_task;

    Settings settings;
    Policy policy;

    // Every field above that an archive stores (src/snapshot/snapshot_archive.cc), in a
    // fixed order. An array added above belongs here too, with a bump of kSnapshotLayout;
    // the roster, scheme, policy and settings are rebuilt from the model instead, and an
    // IdColumn's index from its ids.
    template <typename F>
    void ForEachStored(F&& f) {
      f(unit_id), f(unit_name), f(kinds), f(unit_kind), f(unit_members), f(unit_level);
      f(unit_exists), f(parent_start), f(child_start), f(parent), f(child);
      f(parent_weight), f(child_weight);
      f(person_id), f(person_name);
      f(post_person), f(post_unit), f(post_role), f(post_held), f(charge_start);
      f(charge_unit), f(unit_post_start), f(person_post_start), f(charged_start);
      f(unit_post), f(person_post), f(charged_post);
      f(link_kind), f(link_from), f(link_to), f(link_valid), f(link_to_start);
      f(unit_link_start), f(person_link_start), f(link_by_to), f(unit_link), f(person_link);
      f(duty_id), f(duty_text), f(duty_unit), f(duty_role), f(duty_category);
      f(unit_duty_start), f(unit_duty);
      f(incident_id), f(incident_unit), f(incident_date), f(incident_since);
      f(incident_since_given), f(incident_severity), f(incident_duty), f(direct_start);
      f(participant_start), f(circumstance_start), f(direct), f(participant);
      f(circumstance), f(incident_case), f(unit_incident_start), f(unit_incident);
      f(has_assessment), f(period), f(indicator_ids), f(point_start), f(point);
      f(bonus_sum), f(review_sum), f(appraisal_sum), f(review_count), f(appraisal_count);
      f(row_appraisal), f(votes);
      f(directive_id), f(directive_title), f(directive_issuer), f(directive_date);
      f(directive_reach), f(directive_task_start), f(directive_review_start), f(review);
      f(task_id), f(task_directive), f(task_parent), f(task_unit), f(task_due);
      f(task_completed), f(task_status), f(unit_task_start), f(task_review_start);
      f(task_review), f(unit_task);
    }
  };
  friend class SnapshotCompiler;
  friend class SnapshotArchive;  // src/snapshot/snapshot_archive.cc

  template <typename T>
  static absl::Span<const T> Range(const Column<uint32_t>& start, const Column<T>& values,
                                   uint32_t i) {
    return absl::Span<const T>(values.data() + start[i], start[i + 1] - start[i]);
  }

  explicit Snapshot(std::shared_ptr<const Arrays> arrays) : a_(std::move(arrays)) {}

  // The Appraisal records naming roster person p, or nullptr (almost always).
  const RowAppraisal* NamedRowAppraisal(PersonIndex p) const;

  std::shared_ptr<const Arrays> a_;
};

}  // namespace zeren

#endif  // ZEREN_SNAPSHOT_H_
