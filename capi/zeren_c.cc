// The C API: a translation layer over the C++ API (include/zeren). It checks arguments,
// converts C structs and ints to C++ records and enums, maps absl::Status to ZEREN_ERR_*
// codes, and keeps every exception inside the library. No domain logic lives here.
#include "zeren.h"
#include "c_internal.h"

#include "c_internal.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/date.h"
#include "zeren/edit.h"
#include "zeren/ledger.h"
#include "zeren/model.h"
#include "zeren/model_json.h"
#include "zeren/person_view.h"
#include "zeren/policy.h"
#include "zeren/problem.h"
#include "zeren/records.h"
#include "zeren/result_json.h"
#include "zeren/scheme.h"
#include "zeren/snapshot.h"
#include "zeren/vocabulary.h"
#include "c_internal.h"

namespace {

using namespace zeren::capi;  // NOLINT: the helpers shared with the other zeren_c_*.cc

using zeren::Date;
using zeren::kNoIndex;

// The C vocabularies are the C++ enums' values; the casts below rely on it.
static_assert(ZEREN_DATE_OPEN == zeren::kBeginningOfTime, "open `from` is the C++ sentinel");
static_assert(ZEREN_ROLE_STAFF == static_cast<int>(zeren::Role::kStaff), "roles");
static_assert(ZEREN_ROLE_DISCIPLINE_SECRETARY ==
                  static_cast<int>(zeren::Role::kDisciplineSecretary),
              "roles");
static_assert(ZEREN_LINK_GUIDES == static_cast<int>(zeren::LinkKind::kGuides), "link kinds");
static_assert(ZEREN_DUTY_SPECIALIZED == static_cast<int>(zeren::DutyCategory::kSpecialized),
              "duty categories");
static_assert(ZEREN_SEVERITY_GRAVE == static_cast<int>(zeren::Severity::kGrave), "severities");
static_assert(ZEREN_CIRCUMSTANCE_OBJECTION_ON_RECORD ==
                  static_cast<int>(zeren::CircumstanceKind::kObjectionOnRecord),
              "circumstances");
static_assert(ZEREN_CHAIN_SUPERIOR == static_cast<int>(zeren::ChainEntry::Kind::kSuperior),
              "chain kinds");
static_assert(ZEREN_RESPONSIBILITY_DUTY == static_cast<int>(zeren::Responsibility::Kind::kDuty),
              "responsibility kinds");
static_assert(ZEREN_CATEGORY_UPWARD == static_cast<int>(zeren::Category::kUpward) &&
                  ZEREN_CATEGORY_UPWARD + 1 == zeren::kCategoryCount,
              "categories");
static_assert(ZEREN_FORM_DISCIPLINARY_SANCTION ==
                  static_cast<int>(zeren::Form::kDisciplinarySanction),
              "forms");

// The ledger's and the audit's vocabularies, value by value.
template <typename Enum>
constexpr bool Is(int c_value, Enum value) {
  return c_value == static_cast<int>(value);
}
static_assert(Is(ZEREN_LIGHT_DONE, zeren::Light::kDone) &&
                  Is(ZEREN_LIGHT_CANCELLED, zeren::Light::kCancelled) &&
                  Is(ZEREN_LIGHT_RED, zeren::Light::kRed) &&
                  Is(ZEREN_LIGHT_YELLOW, zeren::Light::kYellow) &&
                  Is(ZEREN_LIGHT_GREEN, zeren::Light::kGreen),
              "lights");
static_assert(Is(ZEREN_STATUS_OPEN, zeren::TaskStatus::kOpen) &&
                  Is(ZEREN_STATUS_IN_PROGRESS, zeren::TaskStatus::kInProgress) &&
                  Is(ZEREN_STATUS_DONE, zeren::TaskStatus::kDone) &&
                  Is(ZEREN_STATUS_VERIFIED, zeren::TaskStatus::kVerified) &&
                  Is(ZEREN_STATUS_CANCELLED, zeren::TaskStatus::kCancelled),
              "task statuses");
static_assert(Is(ZEREN_FINDING_CONFLICT_OF_INTEREST, zeren::FindingKind::kConflictOfInterest) &&
                  Is(ZEREN_FINDING_DUTY_WITHOUT_HOLDER, zeren::FindingKind::kDutyWithoutHolder) &&
                  Is(ZEREN_FINDING_OVERDUE_TASKS, zeren::FindingKind::kOverdueTasks) &&
                  Is(ZEREN_FINDING_OVERLOADED_PERSON, zeren::FindingKind::kOverloadedPerson) &&
                  Is(ZEREN_FINDING_STALLED_CASCADE, zeren::FindingKind::kStalledCascade) &&
                  Is(ZEREN_FINDING_UNGUIDED_BRANCH, zeren::FindingKind::kUnguidedBranch) &&
                  Is(ZEREN_FINDING_UNSUPERVISED, zeren::FindingKind::kUnsupervised) &&
                  Is(ZEREN_FINDING_VACANT_FIRST_RESPONSIBLE,
                     zeren::FindingKind::kVacantFirstResponsible),
              "finding kinds");
static_assert(Is(ZEREN_FINDING_SEVERITY_CRITICAL, zeren::FindingSeverity::kCritical) &&
                  Is(ZEREN_FINDING_SEVERITY_WARNING, zeren::FindingSeverity::kWarning) &&
                  Is(ZEREN_FINDING_SEVERITY_INFO, zeren::FindingSeverity::kInfo),
              "finding severities");


// ---- conversions ------------------------------------------------------------------------

Date FromDate(int32_t day) { return day; }  // ZEREN_DATE_OPEN is kBeginningOfTime already
Date ToDate(int32_t day) { return day == ZEREN_DATE_OPEN ? zeren::kEndOfTime : day; }
int32_t OutDate(Date day) {
  return day == zeren::kEndOfTime || day == zeren::kBeginningOfTime ? ZEREN_DATE_OPEN : day;
}

bool InRange(int32_t value, int32_t low, int32_t high) { return low <= value && value <= high; }

std::string Text(const char* s) { return s == nullptr ? std::string() : std::string(s); }

// Copies `count` strings; `items` may be NULL only when count is 0.
int32_t ReadStrings(const Call& call, const std::string& name, const char* const* items,
                    size_t count, std::vector<std::string>* out) {
  if (count == 0) return ZEREN_OK;
  if (items == nullptr) return call.Null(name);
  for (size_t i = 0; i < count; ++i) {
    if (items[i] == nullptr) return call.Null(absl::StrCat(name, "[", i, "]"));
    out->emplace_back(items[i]);
  }
  return ZEREN_OK;
}

int32_t CheckRole(const Call& call, const char* name, int32_t role, int32_t lowest) {
  if (InRange(role, lowest, ZEREN_ROLE_STAFF)) return ZEREN_OK;
  return call.Invalid(absl::StrCat(name, " ", role, " is not a ZEREN_ROLE_* value"));
}

int32_t CheckLinkKind(const Call& call, const char* name, int32_t kind) {
  if (InRange(kind, ZEREN_LINK_SUPERVISES, ZEREN_LINK_GUIDES)) return ZEREN_OK;
  return call.Invalid(absl::StrCat(name, " ", kind, " is not a ZEREN_LINK_* value"));
}

// A day that must be given (not ZEREN_DATE_OPEN).
int32_t CheckDay(const Call& call, const char* name, int32_t day) {
  if (day != ZEREN_DATE_OPEN) return ZEREN_OK;
  return call.Invalid(absl::StrCat(name, " is required (not ZEREN_DATE_OPEN)"));
}

// ---- spec translation --------------------------------------------------------------------

int32_t ToUnit(const Call& call, const zeren_unit_spec& s, zeren::Unit* u) {
  if (s.id == nullptr) return call.Null("unit->id");
  if (s.name == nullptr) return call.Null("unit->name");
  if (s.kind == nullptr) return call.Null("unit->kind");
  u->id = s.id;
  u->name = s.name;
  u->kind = s.kind;
  u->members = s.members;
  std::vector<std::string> parents;
  if (int32_t rc = ReadStrings(call, "unit->parents", s.parents, s.parent_count, &parents)) {
    return rc;
  }
  for (size_t i = 0; i < parents.size(); ++i) {
    zeren::ParentRef parent{std::move(parents[i]), std::nullopt, {}};
    if (s.parent_weights != nullptr) parent.weight = s.parent_weights[i];
    u->parents.push_back(std::move(parent));
  }
  u->exists = {FromDate(s.from), ToDate(s.to)};
  return ZEREN_OK;
}

int32_t ToPost(const Call& call, const zeren_post_spec& s, zeren::Post* p) {
  if (s.person == nullptr) return call.Null("post->person");
  if (s.unit == nullptr) return call.Null("post->unit");
  if (int32_t rc = CheckRole(call, "post->role", s.role, ZEREN_ROLE_SECRETARY)) return rc;
  // The document format requires `from`; an open one could be saved but not read back.
  if (int32_t rc = CheckDay(call, "post->from", s.from)) return rc;
  p->person = s.person;
  p->unit = s.unit;
  p->role = static_cast<zeren::Role>(s.role);
  p->held = {FromDate(s.from), ToDate(s.to)};
  return ReadStrings(call, "post->in_charge_of", s.in_charge_of, s.in_charge_count,
                     &p->in_charge_of);
}

int32_t ToLink(const Call& call, const zeren_link_spec& s, zeren::Link* l) {
  if (int32_t rc = CheckLinkKind(call, "link->kind", s.kind)) return rc;
  if (s.from == nullptr) return call.Null("link->from");
  if (s.to == nullptr) return call.Null("link->to");
  l->kind = static_cast<zeren::LinkKind>(s.kind);
  l->from = s.from;
  l->to = s.to;
  l->valid = {FromDate(s.from_date), ToDate(s.to_date)};
  return ZEREN_OK;
}

int32_t ToDuty(const Call& call, const zeren_duty_spec& s, zeren::Duty* d) {
  if (s.id == nullptr) return call.Null("duty->id");
  if (s.unit == nullptr) return call.Null("duty->unit");
  if (int32_t rc = CheckRole(call, "duty->role", s.role, ZEREN_ROLE_NONE)) return rc;
  if (!InRange(s.category, ZEREN_DUTY_PRINCIPAL, ZEREN_DUTY_SPECIALIZED)) {
    return call.Invalid(
        absl::StrCat("duty->category ", s.category, " is not a ZEREN_DUTY_* value"));
  }
  d->id = s.id;
  d->holder.unit = s.unit;
  if (s.role != ZEREN_ROLE_NONE) d->holder.role = static_cast<zeren::Role>(s.role);
  d->category = static_cast<zeren::DutyCategory>(s.category);
  d->dimension = Text(s.dimension);
  d->text = Text(s.text);
  return ZEREN_OK;
}

int32_t ToCircumstances(const Call& call, const zeren_incident_spec& s, zeren::Incident* i) {
  if (s.circumstance_count == 0) return ZEREN_OK;
  if (s.circumstance_kinds == nullptr) return call.Null("incident->circumstance_kinds");
  for (size_t k = 0; k < s.circumstance_count; ++k) {
    const int32_t kind = s.circumstance_kinds[k];
    if (!InRange(kind, ZEREN_CIRCUMSTANCE_REPEAT, ZEREN_CIRCUMSTANCE_OBJECTION_ON_RECORD)) {
      return call.Invalid(absl::StrCat("incident->circumstance_kinds[", k, "] ", kind,
                                       " is not a ZEREN_CIRCUMSTANCE_* value"));
    }
    // A NULL person (or no person list) means every party the incident reaches.
    const char* person = s.circumstance_persons == nullptr ? nullptr : s.circumstance_persons[k];
    i->circumstances.push_back({static_cast<zeren::CircumstanceKind>(kind), Text(person), {}});
  }
  return ZEREN_OK;
}

int32_t ToIncident(const Call& call, const zeren_incident_spec& s, zeren::Incident* i) {
  if (s.id == nullptr) return call.Null("incident->id");
  if (s.unit == nullptr) return call.Null("incident->unit");
  if (int32_t rc = CheckDay(call, "incident->date", s.date)) return rc;
  if (!InRange(s.severity, ZEREN_SEVERITY_MINOR, ZEREN_SEVERITY_GRAVE)) {
    return call.Invalid(
        absl::StrCat("incident->severity ", s.severity, " is not a ZEREN_SEVERITY_* value"));
  }
  i->id = s.id;
  i->unit = s.unit;
  i->date = s.date;
  if (s.since != ZEREN_DATE_OPEN) i->since = s.since;
  i->severity = static_cast<zeren::Severity>(s.severity);
  i->case_id = Text(s.case_id);
  i->dimension = Text(s.dimension);
  i->duty = Text(s.duty);
  i->task = Text(s.task);
  if (int32_t rc = ReadStrings(call, "incident->direct", s.direct, s.direct_count, &i->direct)) {
    return rc;
  }
  if (int32_t rc = ReadStrings(call, "incident->participants", s.participants, s.participant_count,
                               &i->participants)) {
    return rc;
  }
  return ToCircumstances(call, s, i);
}

// ---- result translation ------------------------------------------------------------------

// Output structs: fill the caller's version up to its struct_size, never past it. `name`
// is the argument's, for the message. `minimum` is the end of the struct's first field
// after struct_size: by default an int32_t (kind, or is_unit) right after it.
template <typename Entry>
int32_t FillTo(const Call& call, Entry* out, const Entry& full, const char* name = "entry",
               size_t minimum = sizeof(uint32_t) + sizeof(int32_t)) {
  if (out->struct_size < minimum) {
    return call.Invalid(
        absl::StrCat(name, "->struct_size ", out->struct_size, " is below ", minimum));
  }
  const size_t size = std::min<size_t>(out->struct_size, sizeof(Entry));
  std::memcpy(reinterpret_cast<char*>(out) + sizeof(uint32_t),
              reinterpret_cast<const char*>(&full) + sizeof(uint32_t), size - sizeof(uint32_t));
  return ZEREN_OK;
}

zeren_chain_entry ChainEntryOf(const zeren_chain& c, const zeren::ChainEntry& e) {
  const zeren::Snapshot& s = c.snapshot;
  zeren_chain_entry out = ZEREN_CHAIN_ENTRY_INIT;
  out.kind = static_cast<int32_t>(e.kind);
  if (e.person != kNoIndex) {
    out.person_id = s.person_id(e.person).data();
    out.person_name = s.person_name(e.person).data();
  }
  if (e.unit != kNoIndex) {
    out.unit_id = s.unit_id(e.unit).data();
    out.unit_name = s.unit_name(e.unit).data();
  }
  out.distance = e.distance;
  out.reason = e.reason.c_str();
  return out;
}

zeren_responsibility ResponsibilityOf(const zeren_person_view& v, const zeren::Responsibility& r) {
  const zeren::Snapshot& s = v.snapshot;
  zeren_responsibility out = ZEREN_RESPONSIBILITY_INIT;
  out.kind = static_cast<int32_t>(r.kind);
  if (r.unit != kNoIndex) {
    out.unit_id = s.unit_id(r.unit).data();
    out.unit_name = s.unit_name(r.unit).data();
  }
  if (r.post != kNoIndex) out.role = static_cast<int32_t>(s.post_role(r.post));
  if (r.duty != kNoIndex) out.duty_id = s.duty_id(r.duty).data();
  out.reason = r.reason.c_str();
  return out;
}

zeren_party PartyOf(const zeren_accounting& a, const zeren::AccountableParty& p) {
  const zeren::Snapshot& s = a.snapshot;
  zeren_party out = ZEREN_PARTY_INIT;
  out.is_unit = p.party.is_unit ? 1 : 0;
  // Person ids and names are NUL-terminated views (zeren/snapshot.h).
  out.id = p.party.is_unit ? s.unit_id(p.party.index).data() : s.person_id(p.party.index).data();
  out.name =
      p.party.is_unit ? s.unit_name(p.party.index).data() : s.person_name(p.party.index).data();
  out.category = static_cast<int32_t>(p.category);
  out.degree = p.degree;
  out.form = static_cast<int32_t>(p.form);
  out.upward_steps = p.upward_steps;
  out.adjustment_count = p.adjustment_end - p.adjustment_begin;
  out.because_count = p.path_end - p.path_begin;
  return out;
}

// The reasons of party `index`, rendered on first use. Each party's list is filled once and
// never changed afterwards, so the strings it lends out stay put.
const std::vector<std::string>& ReasonsOf(const zeren_accounting& a, size_t index) {
  const std::lock_guard<std::mutex> lock(a.mutex);
  if (!a.rendered[index]) {
    const zeren::AccountableParty& p = a.accounting.parties[index];
    std::vector<std::string> reasons;
    for (const zeren::ReachPath& path : a.accounting.PathsOf(p)) {
      reasons.push_back(zeren::Describe(a.snapshot, a.accounting.incident, p.party, path));
    }
    a.because[index] = std::move(reasons);
    a.rendered[index] = true;
  }
  return a.because[index];
}

// Accounts incident `i` of `s` under the snapshot's policy.
zeren_accounting* NewAccounting(const zeren::Snapshot& s, zeren::IncidentIndex i) {
  zeren::Accounting accounting;
  zeren::Accountant(s).Account(i, &accounting);
  return new zeren_accounting(s, std::move(accounting));
}

// A party index below the accounting's size.
int32_t CheckParty(const Call& call, const zeren_accounting& a, size_t index) {
  const size_t size = a.accounting.parties.size();
  if (index < size) return ZEREN_OK;
  return call.OutOfRange(absl::StrCat("index ", index, " is not below size ", size));
}

zeren_task_row TaskRowOf(const zeren_ledger& l, size_t index) {
  const zeren::Snapshot& s = l.snapshot;
  const zeren::TaskIndex t = l.report.tasks[index];
  const zeren::DirectiveIndex d = s.task_directive(t);
  zeren_task_row out = ZEREN_TASK_ROW_INIT;
  out.task_id = s.task_id(t).data();
  out.directive_id = s.directive_id(d).data();
  out.unit_id = s.unit_id(s.task_unit(t)).data();
  out.due = s.task_due(t);
  out.status = static_cast<int32_t>(s.task_status(t));
  out.light = static_cast<int32_t>(l.report.lights[index]);
  out.completed = s.task_completed(t) == zeren::kEndOfTime ? ZEREN_DATE_OPEN : s.task_completed(t);
  for (const zeren::Snapshot::Review& r : s.task_reviews(t)) {
    const bool counted = r.date <= l.report.as_of;  // as of the ledger's day
    if (counted && r.result == zeren::ReviewResult::kFail) ++out.failed_reviews;
  }
  return out;
}

zeren_finding FindingOf(const zeren_audit& a, const zeren::Finding& f) {
  const zeren::Snapshot& s = a.snapshot;
  zeren_finding out = ZEREN_FINDING_INIT;
  out.kind = static_cast<int32_t>(f.kind);
  out.severity = static_cast<int32_t>(zeren::SeverityOf(f.kind));
  if (f.unit != kNoIndex) out.unit_id = s.unit_id(f.unit).data();
  if (f.person != kNoIndex) out.person_id = s.person_id(f.person).data();
  if (f.duty != kNoIndex) out.duty_id = s.duty_id(f.duty).data();
  if (f.directive != kNoIndex) out.directive_id = s.directive_id(f.directive).data();
  out.detail = f.detail.c_str();
  return out;
}

// A directive position below the ledger's directive count.
int32_t CheckDirective(const Call& call, const zeren_ledger& l, size_t index) {
  const size_t count = l.report.directives.size();
  if (index < count) return ZEREN_OK;
  return call.OutOfRange(absl::StrCat("index ", index, " is not below directive count ", count));
}

// Loading: LoadModelFile reports an unopenable file as NotFound, which is an I/O failure
// here (ZEREN_ERR_NOT_FOUND means an unknown id).
int32_t FinishLoad(const Call& call, absl::StatusOr<zeren::Model> model,
                   const zeren::ProblemList& problems, bool from_file, zeren_model** out) {
  if (!model.ok()) {
    const bool unopened = from_file && model.status().code() == absl::StatusCode::kNotFound;
    return call.Status(model.status(), &problems, unopened ? ZEREN_ERR_IO : 0);
  }
  *out = new zeren_model{*std::move(model)};
  return ZEREN_OK;
}

// Unit lookup shared by the snapshot queries.
int32_t FindUnit(const Call& call, const zeren::Snapshot& s, const char* unit,
                 zeren::UnitIndex* index) {
  const std::optional<zeren::UnitIndex> found = s.FindUnit(unit);
  if (!found) return call.UnknownUnit(unit);
  *index = *found;
  return ZEREN_OK;
}

// The *_free functions need no guard: they only run destructors, which cannot throw.
static_assert(std::is_nothrow_destructible_v<zeren_model> &&
                  std::is_nothrow_destructible_v<zeren_edit> &&
                  std::is_nothrow_destructible_v<zeren_snapshot> &&
                  std::is_nothrow_destructible_v<zeren_chain> &&
                  std::is_nothrow_destructible_v<zeren_person_view> &&
                  std::is_nothrow_destructible_v<zeren_accounting> &&
                  std::is_nothrow_destructible_v<zeren_ledger> &&
                  std::is_nothrow_destructible_v<zeren_audit> &&
                  std::is_nothrow_destructible_v<zeren_assessment> &&
                  std::is_nothrow_destructible_v<zeren_error>,
              "frees cannot throw");

// The shape of every zeren_edit_put_x / add_x that takes a spec: read the caller's struct
// (defaults beyond its struct_size), convert it, and hand the record to the edit.
template <typename Record, typename Spec, typename Convert>
int32_t EditWithSpec(const Call& call, zeren_edit* edit, const char* name, const Spec* given,
                     Spec spec, size_t minimum, Convert convert,
                     zeren::Edit& (zeren::Edit::*push)(Record)) {
  return call.Run([&]() -> int32_t {
    if (edit == nullptr) return call.Null("edit");
    if (int32_t rc = ReadSpec(call, name, given, minimum, &spec)) return rc;
    Record record;
    if (int32_t rc = convert(call, spec, &record)) return rc;
    (edit->edit.*push)(std::move(record));
    return ZEREN_OK;
  });
}

// The body of zeren_snapshot_assess and _with, once the options are checked.
int32_t Assess(const Call& call, const zeren_snapshot* snapshot,
               const zeren_assess_options& options, zeren_assessment** out) {
  if (out != nullptr) *out = nullptr;
  if (snapshot == nullptr) return call.Null("snapshot");
  if (out == nullptr) return call.Null("out");
  const zeren::Snapshot& s = snapshot->snapshot;
  zeren::AssessOptions cpp;
  cpp.threads = options.threads;
  cpp.score_members = options.score_members == 1;
  absl::StatusOr<zeren::Assessment> assessment = zeren::Assess(s, s.scheme(), cpp);
  if (!assessment.ok()) {
    // No `assessment` section is FailedPrecondition in C++: here, a thing not found.
    const bool missing = assessment.status().code() == absl::StatusCode::kFailedPrecondition;
    return call.Status(assessment.status(), nullptr, missing ? ZEREN_ERR_NOT_FOUND : 0);
  }
  *out = new zeren_assessment{s, *std::move(assessment)};
  return ZEREN_OK;
}

}  // namespace

extern "C" {

// ---- library ----------------------------------------------------------------------------

const char* zeren_version(void) { return "0.1.0"; }

int32_t zeren_version_number(void) { return 100; }

void zeren_string_free(char* string) { delete[] string; }

// ---- errors ------------------------------------------------------------------------------

int32_t zeren_error_code(const zeren_error* err) { return err == nullptr ? ZEREN_OK : err->code; }

const char* zeren_error_message(const zeren_error* err) {
  return err == nullptr ? "" : err->message.c_str();
}

size_t zeren_error_problem_count(const zeren_error* err) {
  return Quietly<size_t>(0, [&] { return err == nullptr ? 0 : err->problems.size(); });
}

size_t zeren_error_problem_total(const zeren_error* err) { return err == nullptr ? 0 : err->total; }

int32_t zeren_error_problem(const zeren_error* err, size_t index, const char** path,
                            const char** id, const char** message) {
  // There is no error channel here, so failures leave every output at "" and say so by code.
  for (const char** out : {path, id, message}) {
    if (out != nullptr) *out = "";
  }
  if (err == nullptr) return ZEREN_ERR_INVALID_ARGUMENT;
  if (index >= err->problems.size()) return ZEREN_ERR_OUT_OF_RANGE;
  const zeren::Problem& problem = err->problems[index];
  if (path != nullptr) *path = problem.path.c_str();
  if (id != nullptr) *id = problem.id.c_str();
  if (message != nullptr) *message = problem.message.c_str();
  return ZEREN_OK;
}

void zeren_error_free(zeren_error* err) {
  if (err != &zeren::capi::g_out_of_memory) delete err;
}

// ---- dates -------------------------------------------------------------------------------

int32_t zeren_date_parse(const char* text, int32_t* out_day, zeren_error** err) {
  const Call call("zeren_date_parse", err);
  return call.Run([&]() -> int32_t {
    if (out_day != nullptr) *out_day = ZEREN_DATE_OPEN;
    if (text == nullptr) return call.Null("text");
    if (out_day == nullptr) return call.Null("out_day");
    const std::optional<Date> day = zeren::ParseDate(text);
    if (!day) return call.Invalid(absl::StrCat("\"", text, "\" is not a date YYYY-MM-DD"));
    *out_day = *day;
    return ZEREN_OK;
  });
}

int32_t zeren_date_format(int32_t day, char* buffer, size_t size, zeren_error** err) {
  const Call call("zeren_date_format", err);
  return call.Run([&]() -> int32_t {
    if (buffer == nullptr) return call.Null("buffer");
    if (size > 0) buffer[0] = '\0';
    if (size < 11) return call.Invalid(absl::StrCat("size ", size, " is below 11"));
    // Only days that read back (years 0001-9999) have the fixed 10-character form.
    const std::string text = zeren::FormatDate(day);
    if (zeren::ParseDate(text) != day) {
      return call.OutOfRange(absl::StrCat("day ", day, " is outside 0001-01-01..9999-12-31"));
    }
    std::memcpy(buffer, text.c_str(), text.size() + 1);
    return ZEREN_OK;
  });
}

// ---- models ------------------------------------------------------------------------------

int32_t zeren_model_new(zeren_model** out, zeren_error** err) {
  const Call call("zeren_model_new", err);
  return call.Run([&]() -> int32_t {
    if (out == nullptr) return call.Null("out");
    *out = nullptr;
    *out = new zeren_model{zeren::Model()};
    return ZEREN_OK;
  });
}

int32_t zeren_model_load_file(const char* path, zeren_model** out, zeren_error** err) {
  const Call call("zeren_model_load_file", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (path == nullptr) return call.Null("path");
    if (out == nullptr) return call.Null("out");
    zeren::ProblemList problems;
    return FinishLoad(call, zeren::LoadModelFile(path, &problems), problems, true, out);
  });
}

int32_t zeren_model_load_buffer(const char* data, size_t size, zeren_model** out,
                                zeren_error** err) {
  const Call call("zeren_model_load_buffer", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (data == nullptr) return call.Null("data");
    if (out == nullptr) return call.Null("out");
    zeren::ProblemList problems;
    return FinishLoad(call, zeren::ParseModelJson(absl::string_view(data, size), &problems),
                      problems, false, out);
  });
}

int32_t zeren_validate_buffer(const char* data, size_t size, zeren_error** err) {
  const Call call("zeren_validate_buffer", err);
  return call.Run([&]() -> int32_t {
    if (data == nullptr) return call.Null("data");
    zeren::ProblemList problems;
    const absl::StatusOr<zeren::Model> model =
        zeren::ParseModelJson(absl::string_view(data, size), &problems);
    return model.ok() ? ZEREN_OK : call.Status(model.status(), &problems);
  });
}

int32_t zeren_model_save_file(const zeren_model* model, const char* path, zeren_error** err) {
  const Call call("zeren_model_save_file", err);
  return call.Run([&]() -> int32_t {
    if (model == nullptr) return call.Null("model");
    if (path == nullptr) return call.Null("path");
    const absl::Status status = zeren::SaveModelFile(model->model, path);
    return status.ok() ? ZEREN_OK : call.Status(status);
  });
}

int32_t zeren_model_to_json(const zeren_model* model, char** out, size_t* size, zeren_error** err) {
  const Call call("zeren_model_to_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (model == nullptr) return call.Null("model");
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::ModelToJson(model->model), out, size);
    return ZEREN_OK;
  });
}

size_t zeren_model_unit_count(const zeren_model* model) {
  return Quietly<size_t>(0,
                         [&] { return model == nullptr ? 0 : model->model.data().units.size(); });
}

// Roster rows count as a person and a post each (zeren/member_roster.h).
size_t zeren_model_person_count(const zeren_model* model) {
  return Quietly<size_t>(0, [&]() -> size_t {
    if (model == nullptr) return 0;
    const zeren::ModelData& d = model->model.data();
    return d.people.size() + d.roster.size();
  });
}

size_t zeren_model_post_count(const zeren_model* model) {
  return Quietly<size_t>(0, [&]() -> size_t {
    if (model == nullptr) return 0;
    const zeren::ModelData& d = model->model.data();
    return d.posts.size() + d.roster.size();
  });
}

size_t zeren_model_link_count(const zeren_model* model) {
  return Quietly<size_t>(0,
                         [&] { return model == nullptr ? 0 : model->model.data().links.size(); });
}

void zeren_model_free(zeren_model* model) { delete model; }

// ---- edits -------------------------------------------------------------------------------

int32_t zeren_edit_new(zeren_edit** out, zeren_error** err) {
  const Call call("zeren_edit_new", err);
  return call.Run([&]() -> int32_t {
    if (out == nullptr) return call.Null("out");
    *out = nullptr;
    *out = new zeren_edit{};
    return ZEREN_OK;
  });
}

void zeren_edit_free(zeren_edit* edit) { delete edit; }

int32_t zeren_edit_put_unit(zeren_edit* edit, const zeren_unit_spec* unit, zeren_error** err) {
  return EditWithSpec<zeren::Unit>(
      Call("zeren_edit_put_unit", err), edit, "unit", unit, zeren_unit_spec(ZEREN_UNIT_SPEC_INIT),
      offsetof(zeren_unit_spec, id) + sizeof zeren_unit_spec::id, ToUnit, &zeren::Edit::PutUnit);
}

int32_t zeren_edit_put_person(zeren_edit* edit, const char* id, const char* name,
                              zeren_error** err) {
  const Call call("zeren_edit_put_person", err);
  return call.Run([&]() -> int32_t {
    if (edit == nullptr) return call.Null("edit");
    if (id == nullptr) return call.Null("id");
    if (name == nullptr) return call.Null("name");
    edit->edit.PutPerson({id, name, {}});
    return ZEREN_OK;
  });
}

int32_t zeren_edit_put_duty(zeren_edit* edit, const zeren_duty_spec* duty, zeren_error** err) {
  return EditWithSpec<zeren::Duty>(
      Call("zeren_edit_put_duty", err), edit, "duty", duty, zeren_duty_spec(ZEREN_DUTY_SPEC_INIT),
      offsetof(zeren_duty_spec, id) + sizeof zeren_duty_spec::id, ToDuty, &zeren::Edit::PutDuty);
}

int32_t zeren_edit_put_incident(zeren_edit* edit, const zeren_incident_spec* incident,
                                zeren_error** err) {
  return EditWithSpec<zeren::Incident>(
      Call("zeren_edit_put_incident", err), edit, "incident", incident,
      zeren_incident_spec(ZEREN_INCIDENT_SPEC_INIT),
      offsetof(zeren_incident_spec, id) + sizeof zeren_incident_spec::id, ToIncident,
      &zeren::Edit::PutIncident);
}

int32_t zeren_edit_add_post(zeren_edit* edit, const zeren_post_spec* post, zeren_error** err) {
  return EditWithSpec<zeren::Post>(
      Call("zeren_edit_add_post", err), edit, "post", post, zeren_post_spec(ZEREN_POST_SPEC_INIT),
      offsetof(zeren_post_spec, person) + sizeof zeren_post_spec::person, ToPost,
      &zeren::Edit::AddPost);
}

int32_t zeren_edit_add_link(zeren_edit* edit, const zeren_link_spec* link, zeren_error** err) {
  return EditWithSpec<zeren::Link>(Call("zeren_edit_add_link", err), edit, "link", link,
                                   zeren_link_spec(ZEREN_LINK_SPEC_INIT),
                                   offsetof(zeren_link_spec, kind) + sizeof zeren_link_spec::kind,
                                   ToLink, &zeren::Edit::AddLink);
}

int32_t zeren_edit_end_post(zeren_edit* edit, const char* person, const char* unit, int32_t role,
                            int32_t to, zeren_error** err) {
  const Call call("zeren_edit_end_post", err);
  return call.Run([&]() -> int32_t {
    if (edit == nullptr) return call.Null("edit");
    if (person == nullptr) return call.Null("person");
    if (unit == nullptr) return call.Null("unit");
    if (int32_t rc = CheckRole(call, "role", role, ZEREN_ROLE_SECRETARY)) return rc;
    if (int32_t rc = CheckDay(call, "to", to)) return rc;
    edit->edit.EndPost(person, unit, static_cast<zeren::Role>(role), to);
    return ZEREN_OK;
  });
}

int32_t zeren_edit_end_link(zeren_edit* edit, int32_t kind, const char* from, const char* to,
                            int32_t end, zeren_error** err) {
  const Call call("zeren_edit_end_link", err);
  return call.Run([&]() -> int32_t {
    if (edit == nullptr) return call.Null("edit");
    if (int32_t rc = CheckLinkKind(call, "kind", kind)) return rc;
    if (from == nullptr) return call.Null("from");
    if (to == nullptr) return call.Null("to");
    if (int32_t rc = CheckDay(call, "end", end)) return rc;
    edit->edit.EndLink(static_cast<zeren::LinkKind>(kind), from, to, end);
    return ZEREN_OK;
  });
}

int32_t zeren_edit_remove_unit(zeren_edit* edit, const char* id, zeren_error** err) {
  const Call call("zeren_edit_remove_unit", err);
  return call.Run([&]() -> int32_t {
    if (edit == nullptr) return call.Null("edit");
    if (id == nullptr) return call.Null("id");
    edit->edit.RemoveUnit(id);
    return ZEREN_OK;
  });
}

int32_t zeren_edit_remove_person(zeren_edit* edit, const char* id, zeren_error** err) {
  const Call call("zeren_edit_remove_person", err);
  return call.Run([&]() -> int32_t {
    if (edit == nullptr) return call.Null("edit");
    if (id == nullptr) return call.Null("id");
    edit->edit.RemovePerson(id);
    return ZEREN_OK;
  });
}

int32_t zeren_model_apply(zeren_model* model, const zeren_edit* edit, zeren_error** err) {
  const Call call("zeren_model_apply", err);
  return call.Run([&]() -> int32_t {
    if (model == nullptr) return call.Null("model");
    if (edit == nullptr) return call.Null("edit");
    zeren::ProblemList problems;
    const absl::Status status = model->model.Apply(edit->edit, &problems);
    return status.ok() ? ZEREN_OK : call.Status(status, &problems);
  });
}

// ---- snapshots ---------------------------------------------------------------------------

int32_t zeren_snapshot_compile(const zeren_model* model, zeren_snapshot** out, zeren_error** err) {
  const Call call("zeren_snapshot_compile", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (model == nullptr) return call.Null("model");
    if (out == nullptr) return call.Null("out");
    absl::StatusOr<zeren::Snapshot> snapshot = zeren::Snapshot::Compile(model->model);
    if (!snapshot.ok()) return call.Status(snapshot.status());
    *out = new zeren_snapshot{*std::move(snapshot)};
    return ZEREN_OK;
  });
}

uint32_t zeren_snapshot_unit_count(const zeren_snapshot* snapshot) {
  return Quietly<uint32_t>(
      0, [&] { return snapshot == nullptr ? 0 : snapshot->snapshot.unit_count(); });
}

int32_t zeren_snapshot_unit_level(const zeren_snapshot* snapshot, const char* unit,
                                  uint32_t* out_level, zeren_error** err) {
  const Call call("zeren_snapshot_unit_level", err);
  return call.Run([&]() -> int32_t {
    if (out_level != nullptr) *out_level = 0;
    if (snapshot == nullptr) return call.Null("snapshot");
    if (unit == nullptr) return call.Null("unit");
    if (out_level == nullptr) return call.Null("out_level");
    zeren::UnitIndex u;
    if (int32_t rc = FindUnit(call, snapshot->snapshot, unit, &u)) return rc;
    *out_level = snapshot->snapshot.unit_level(u);
    return ZEREN_OK;
  });
}

void zeren_snapshot_free(zeren_snapshot* snapshot) { delete snapshot; }

// ---- chains ------------------------------------------------------------------------------

int32_t zeren_snapshot_chain(const zeren_snapshot* snapshot, const char* unit, int32_t as_of,
                             zeren_chain** out, zeren_error** err) {
  const Call call("zeren_snapshot_chain", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (snapshot == nullptr) return call.Null("snapshot");
    if (unit == nullptr) return call.Null("unit");
    if (out == nullptr) return call.Null("out");
    if (int32_t rc = CheckDay(call, "as_of", as_of)) return rc;
    const zeren::Snapshot& s = snapshot->snapshot;
    zeren::UnitIndex u;
    if (int32_t rc = FindUnit(call, s, unit, &u)) return rc;
    absl::StatusOr<zeren::Chain> chain = zeren::ChainOf(s, u, as_of);
    if (!chain.ok()) return call.Status(chain.status());
    *out = new zeren_chain{s, *std::move(chain)};
    return ZEREN_OK;
  });
}

size_t zeren_chain_size(const zeren_chain* chain) {
  return Quietly<size_t>(0, [&] { return chain == nullptr ? 0 : chain->chain.entries.size(); });
}

int32_t zeren_chain_get(const zeren_chain* chain, size_t index, zeren_chain_entry* entry,
                        zeren_error** err) {
  const Call call("zeren_chain_get", err);
  return call.Run([&]() -> int32_t {
    if (chain == nullptr) return call.Null("chain");
    if (entry == nullptr) return call.Null("entry");
    const auto& entries = chain->chain.entries;
    if (index >= entries.size()) {
      return call.OutOfRange(absl::StrCat("index ", index, " is not below size ", entries.size()));
    }
    return FillTo(call, entry, ChainEntryOf(*chain, entries[index]));
  });
}

int32_t zeren_chain_foreach(const zeren_chain* chain, zeren_chain_fn fn, void* payload,
                            zeren_error** err) {
  const Call call("zeren_chain_foreach", err);
  return call.Run([&]() -> int32_t {
    if (chain == nullptr) return call.Null("chain");
    if (fn == nullptr) return call.Null("fn");
    for (const zeren::ChainEntry& e : chain->chain.entries) {
      const zeren_chain_entry entry = ChainEntryOf(*chain, e);
      if (fn(payload, &entry) != 0) break;
    }
    return ZEREN_OK;
  });
}

int32_t zeren_chain_to_json(const zeren_chain* chain, char** out, size_t* size, zeren_error** err) {
  const Call call("zeren_chain_to_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (chain == nullptr) return call.Null("chain");
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::ChainToJson(chain->snapshot, chain->chain), out, size);
    return ZEREN_OK;
  });
}

void zeren_chain_free(zeren_chain* chain) { delete chain; }

// ---- person views ------------------------------------------------------------------------

int32_t zeren_snapshot_person(const zeren_snapshot* snapshot, const char* person, int32_t as_of,
                              zeren_person_view** out, zeren_error** err) {
  const Call call("zeren_snapshot_person", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (snapshot == nullptr) return call.Null("snapshot");
    if (person == nullptr) return call.Null("person");
    if (out == nullptr) return call.Null("out");
    if (int32_t rc = CheckDay(call, "as_of", as_of)) return rc;
    const zeren::Snapshot& s = snapshot->snapshot;
    const std::optional<zeren::PersonIndex> p = s.FindPerson(person);
    if (!p) return call.UnknownPerson(person);
    *out = new zeren_person_view{s, zeren::ResponsibilitiesOf(s, *p, as_of)};
    return ZEREN_OK;
  });
}

size_t zeren_person_view_size(const zeren_person_view* view) {
  return Quietly<size_t>(0, [&] { return view == nullptr ? 0 : view->view.entries.size(); });
}

int32_t zeren_person_view_get(const zeren_person_view* view, size_t index,
                              zeren_responsibility* entry, zeren_error** err) {
  const Call call("zeren_person_view_get", err);
  return call.Run([&]() -> int32_t {
    if (view == nullptr) return call.Null("view");
    if (entry == nullptr) return call.Null("entry");
    const auto& entries = view->view.entries;
    if (index >= entries.size()) {
      return call.OutOfRange(absl::StrCat("index ", index, " is not below size ", entries.size()));
    }
    return FillTo(call, entry, ResponsibilityOf(*view, entries[index]));
  });
}

int32_t zeren_person_view_foreach(const zeren_person_view* view, zeren_responsibility_fn fn,
                                  void* payload, zeren_error** err) {
  const Call call("zeren_person_view_foreach", err);
  return call.Run([&]() -> int32_t {
    if (view == nullptr) return call.Null("view");
    if (fn == nullptr) return call.Null("fn");
    for (const zeren::Responsibility& r : view->view.entries) {
      const zeren_responsibility entry = ResponsibilityOf(*view, r);
      if (fn(payload, &entry) != 0) break;
    }
    return ZEREN_OK;
  });
}

int32_t zeren_person_view_to_json(const zeren_person_view* view, char** out, size_t* size,
                                  zeren_error** err) {
  const Call call("zeren_person_view_to_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (view == nullptr) return call.Null("view");
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::PersonViewToJson(view->snapshot, view->view), out, size);
    return ZEREN_OK;
  });
}

void zeren_person_view_free(zeren_person_view* view) { delete view; }

int32_t zeren_snapshot_holders(const zeren_snapshot* snapshot, const char* unit, int32_t role,
                               int32_t as_of, zeren_holder_fn fn, void* payload,
                               zeren_error** err) {
  const Call call("zeren_snapshot_holders", err);
  return call.Run([&]() -> int32_t {
    if (snapshot == nullptr) return call.Null("snapshot");
    if (unit == nullptr) return call.Null("unit");
    if (int32_t rc = CheckRole(call, "role", role, ZEREN_ROLE_SECRETARY)) return rc;
    if (int32_t rc = CheckDay(call, "as_of", as_of)) return rc;
    if (fn == nullptr) return call.Null("fn");
    const zeren::Snapshot& s = snapshot->snapshot;
    zeren::UnitIndex u;
    if (int32_t rc = FindUnit(call, s, unit, &u)) return rc;
    for (zeren::PostIndex post : zeren::HoldersOf(s, u, static_cast<zeren::Role>(role), as_of)) {
      const zeren::PersonIndex p = s.post_person(post);
      const zeren::Interval& held = s.post_held(post);
      if (fn(payload, s.person_id(p).data(), s.person_name(p).data(), OutDate(held.from),
             OutDate(held.to)) != 0) {
        break;
      }
    }
    return ZEREN_OK;
  });
}

// ---- accountability ----------------------------------------------------------------------

int32_t zeren_policy_default_json(char** out, size_t* size, zeren_error** err) {
  const Call call("zeren_policy_default_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::PolicyToJson(zeren::DefaultPolicy()), out, size);
    return ZEREN_OK;
  });
}

uint32_t zeren_snapshot_incident_count(const zeren_snapshot* snapshot) {
  return Quietly<uint32_t>(
      0, [&] { return snapshot == nullptr ? 0 : snapshot->snapshot.incident_count(); });
}

int32_t zeren_snapshot_account(const zeren_snapshot* snapshot, const char* incident,
                               zeren_accounting** out, zeren_error** err) {
  const Call call("zeren_snapshot_account", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (snapshot == nullptr) return call.Null("snapshot");
    if (incident == nullptr) return call.Null("incident");
    if (out == nullptr) return call.Null("out");
    const zeren::Snapshot& s = snapshot->snapshot;
    const std::optional<zeren::IncidentIndex> i = s.FindIncident(incident);
    if (!i) return call.UnknownIncident(incident);
    *out = NewAccounting(s, *i);
    return ZEREN_OK;
  });
}

int32_t zeren_snapshot_account_index(const zeren_snapshot* snapshot, uint32_t index,
                                     zeren_accounting** out, zeren_error** err) {
  const Call call("zeren_snapshot_account_index", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (snapshot == nullptr) return call.Null("snapshot");
    if (out == nullptr) return call.Null("out");
    const zeren::Snapshot& s = snapshot->snapshot;
    if (index >= s.incident_count()) {
      return call.OutOfRange(
          absl::StrCat("index ", index, " is not below incident count ", s.incident_count()));
    }
    *out = NewAccounting(s, index);
    return ZEREN_OK;
  });
}

int32_t zeren_snapshot_account_all_json(const zeren_snapshot* snapshot, char** out, size_t* size,
                                        zeren_error** err) {
  const Call call("zeren_snapshot_account_all_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (snapshot == nullptr) return call.Null("snapshot");
    if (out == nullptr) return call.Null("out");
    const zeren::Snapshot& s = snapshot->snapshot;
    CopyOut(zeren::AccountingsToJson(s, zeren::AccountAll(s, s.policy())), out, size);
    return ZEREN_OK;
  });
}

size_t zeren_accounting_size(const zeren_accounting* accounting) {
  return Quietly<size_t>(
      0, [&] { return accounting == nullptr ? 0 : accounting->accounting.parties.size(); });
}

int32_t zeren_accounting_get(const zeren_accounting* accounting, size_t index, zeren_party* party,
                             zeren_error** err) {
  const Call call("zeren_accounting_get", err);
  return call.Run([&]() -> int32_t {
    if (accounting == nullptr) return call.Null("accounting");
    if (party == nullptr) return call.Null("party");
    if (int32_t rc = CheckParty(call, *accounting, index)) return rc;
    return FillTo(call, party, PartyOf(*accounting, accounting->accounting.parties[index]),
                  "party");
  });
}

int32_t zeren_accounting_fill(const zeren_accounting* accounting,
                              const zeren_party_columns* columns, size_t* written,
                              zeren_error** err) {
  const Call call("zeren_accounting_fill", err);
  return call.Run([&]() -> int32_t {
    if (written != nullptr) *written = 0;
    if (accounting == nullptr) return call.Null("accounting");
    zeren_party_columns c = ZEREN_PARTY_COLUMNS_INIT;
    const size_t minimum = offsetof(zeren_party_columns, capacity) + sizeof c.capacity;
    if (int32_t rc = ReadSpec(call, "columns", columns, minimum, &c)) return rc;
    const auto& parties = accounting->accounting.parties;
    const size_t rows = std::min(c.capacity, parties.size());
    for (size_t k = 0; k < rows; ++k) {
      const zeren_party p = PartyOf(*accounting, parties[k]);
      if (c.is_unit != nullptr) c.is_unit[k] = p.is_unit;
      if (c.ids != nullptr) c.ids[k] = p.id;
      if (c.categories != nullptr) c.categories[k] = p.category;
      if (c.degrees != nullptr) c.degrees[k] = p.degree;
      if (c.forms != nullptr) c.forms[k] = p.form;
      if (c.upward_steps != nullptr) c.upward_steps[k] = p.upward_steps;
    }
    if (written != nullptr) *written = rows;
    return ZEREN_OK;
  });
}

int32_t zeren_accounting_adjustment(const zeren_accounting* accounting, size_t index, size_t k,
                                    const char** text, zeren_error** err) {
  const Call call("zeren_accounting_adjustment", err);
  return call.Run([&]() -> int32_t {
    if (text != nullptr) *text = nullptr;
    if (accounting == nullptr) return call.Null("accounting");
    if (text == nullptr) return call.Null("text");
    if (int32_t rc = CheckParty(call, *accounting, index)) return rc;
    const zeren::AccountableParty& p = accounting->accounting.parties[index];
    const size_t count = p.adjustment_end - p.adjustment_begin;
    if (k >= count) {
      return call.OutOfRange(
          absl::StrCat("k ", k, " is not below adjustment count ", count, " of party ", index));
    }
    *text = accounting->adjustments[p.adjustment_begin + k].c_str();
    return ZEREN_OK;
  });
}

int32_t zeren_accounting_because(const zeren_accounting* accounting, size_t index, size_t k,
                                 const char** text, zeren_error** err) {
  const Call call("zeren_accounting_because", err);
  return call.Run([&]() -> int32_t {
    if (text != nullptr) *text = nullptr;
    if (accounting == nullptr) return call.Null("accounting");
    if (text == nullptr) return call.Null("text");
    if (int32_t rc = CheckParty(call, *accounting, index)) return rc;
    const zeren::AccountableParty& p = accounting->accounting.parties[index];
    const size_t count = p.path_end - p.path_begin;
    if (k >= count) {
      return call.OutOfRange(
          absl::StrCat("k ", k, " is not below because count ", count, " of party ", index));
    }
    *text = ReasonsOf(*accounting, index)[k].c_str();
    return ZEREN_OK;
  });
}

int32_t zeren_accounting_to_json(const zeren_accounting* accounting, char** out, size_t* size,
                                 zeren_error** err) {
  const Call call("zeren_accounting_to_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (accounting == nullptr) return call.Null("accounting");
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::AccountingToJson(accounting->snapshot, accounting->accounting), out, size);
    return ZEREN_OK;
  });
}

void zeren_accounting_free(zeren_accounting* accounting) { delete accounting; }

// ---- the directive ledger ----------------------------------------------------------------

int32_t zeren_snapshot_ledger(const zeren_snapshot* snapshot, int32_t as_of, zeren_ledger** out,
                              zeren_error** err) {
  const Call call("zeren_snapshot_ledger", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (snapshot == nullptr) return call.Null("snapshot");
    if (out == nullptr) return call.Null("out");
    if (int32_t rc = CheckDay(call, "as_of", as_of)) return rc;
    const zeren::Snapshot& s = snapshot->snapshot;
    *out = new zeren_ledger{s, zeren::LedgerAsOf(s, as_of)};
    return ZEREN_OK;
  });
}

size_t zeren_ledger_task_count(const zeren_ledger* ledger) {
  return Quietly<size_t>(0, [&] { return ledger == nullptr ? 0 : ledger->report.tasks.size(); });
}

int32_t zeren_ledger_task(const zeren_ledger* ledger, size_t index, zeren_task_row* row,
                          zeren_error** err) {
  const Call call("zeren_ledger_task", err);
  return call.Run([&]() -> int32_t {
    if (ledger == nullptr) return call.Null("ledger");
    if (row == nullptr) return call.Null("row");
    const size_t count = ledger->report.tasks.size();
    if (index >= count) {
      return call.OutOfRange(absl::StrCat("index ", index, " is not below task count ", count));
    }
    // The first field after struct_size is a pointer (task_id), not an int32_t.
    return FillTo(call, row, TaskRowOf(*ledger, index), "row",
                  offsetof(zeren_task_row, task_id) + sizeof(row->task_id));
  });
}

int32_t zeren_ledger_fill_lights(const zeren_ledger* ledger, const char** task_ids,
                                 int32_t* lights, size_t capacity, size_t* written,
                                 zeren_error** err) {
  const Call call("zeren_ledger_fill_lights", err);
  return call.Run([&]() -> int32_t {
    if (written != nullptr) *written = 0;
    if (ledger == nullptr) return call.Null("ledger");
    const zeren::Snapshot& s = ledger->snapshot;
    const zeren::LedgerReport& report = ledger->report;
    const size_t rows = std::min(capacity, report.tasks.size());
    for (size_t k = 0; k < rows; ++k) {
      if (task_ids != nullptr) task_ids[k] = s.task_id(report.tasks[k]).data();
      if (lights != nullptr) lights[k] = static_cast<int32_t>(report.lights[k]);
    }
    if (written != nullptr) *written = rows;
    return ZEREN_OK;
  });
}

size_t zeren_ledger_directive_count(const zeren_ledger* ledger) {
  return Quietly<size_t>(
      0, [&] { return ledger == nullptr ? 0 : ledger->report.directives.size(); });
}

int32_t zeren_ledger_directive(const zeren_ledger* ledger, size_t index, const char** directive_id,
                               size_t* level_count, size_t* break_point_count,
                               zeren_error** err) {
  const Call call("zeren_ledger_directive", err);
  return call.Run([&]() -> int32_t {
    if (directive_id != nullptr) *directive_id = nullptr;
    if (level_count != nullptr) *level_count = 0;
    if (break_point_count != nullptr) *break_point_count = 0;
    if (ledger == nullptr) return call.Null("ledger");
    if (directive_id == nullptr) return call.Null("directive_id");
    if (level_count == nullptr) return call.Null("level_count");
    if (break_point_count == nullptr) return call.Null("break_point_count");
    if (int32_t rc = CheckDirective(call, *ledger, index)) return rc;
    const zeren::DirectiveProfile& p = ledger->report.directives[index];
    *directive_id = ledger->snapshot.directive_id(p.directive).data();
    *level_count = p.levels.size();
    *break_point_count = p.break_points.size();
    return ZEREN_OK;
  });
}

int32_t zeren_ledger_level(const zeren_ledger* ledger, size_t index, size_t k, uint32_t* level,
                           uint32_t* reached, uint32_t* done, uint32_t* on_time,
                           zeren_error** err) {
  const Call call("zeren_ledger_level", err);
  return call.Run([&]() -> int32_t {
    for (uint32_t* out : {level, reached, done, on_time}) {
      if (out != nullptr) *out = 0;
    }
    if (ledger == nullptr) return call.Null("ledger");
    if (int32_t rc = CheckDirective(call, *ledger, index)) return rc;
    const auto& levels = ledger->report.directives[index].levels;
    if (k >= levels.size()) {
      return call.OutOfRange(absl::StrCat("k ", k, " is not below level count ", levels.size(),
                                          " of directive ", index));
    }
    const zeren::LevelProfile& l = levels[k];
    if (level != nullptr) *level = l.level;
    if (reached != nullptr) *reached = l.reached;
    if (done != nullptr) *done = l.done;
    if (on_time != nullptr) *on_time = l.on_time;
    return ZEREN_OK;
  });
}

int32_t zeren_ledger_break_point(const zeren_ledger* ledger, size_t index, size_t k,
                                 const char** unit_id, zeren_error** err) {
  const Call call("zeren_ledger_break_point", err);
  return call.Run([&]() -> int32_t {
    if (unit_id != nullptr) *unit_id = nullptr;
    if (ledger == nullptr) return call.Null("ledger");
    if (unit_id == nullptr) return call.Null("unit_id");
    if (int32_t rc = CheckDirective(call, *ledger, index)) return rc;
    const auto& break_points = ledger->report.directives[index].break_points;
    if (k >= break_points.size()) {
      return call.OutOfRange(absl::StrCat("k ", k, " is not below break point count ",
                                          break_points.size(), " of directive ", index));
    }
    *unit_id = ledger->snapshot.unit_id(break_points[k]).data();
    return ZEREN_OK;
  });
}

int32_t zeren_ledger_to_json(const zeren_ledger* ledger, char** out, size_t* size,
                             zeren_error** err) {
  const Call call("zeren_ledger_to_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (ledger == nullptr) return call.Null("ledger");
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::LedgerToJson(ledger->snapshot, ledger->report), out, size);
    return ZEREN_OK;
  });
}

void zeren_ledger_free(zeren_ledger* ledger) { delete ledger; }

int32_t zeren_snapshot_on_time_rates(const zeren_snapshot* snapshot, int32_t from, int32_t to,
                                     double* rates, size_t capacity, zeren_error** err) {
  const Call call("zeren_snapshot_on_time_rates", err);
  return call.Run([&]() -> int32_t {
    if (snapshot == nullptr) return call.Null("snapshot");
    if (rates == nullptr) return call.Null("rates");
    if (int32_t rc = CheckDay(call, "from", from)) return rc;
    if (int32_t rc = CheckDay(call, "to", to)) return rc;
    if (to <= from) return call.Invalid(absl::StrCat("to ", to, " is not after from ", from));
    const zeren::Snapshot& s = snapshot->snapshot;
    if (capacity < s.unit_count()) {
      return call.OutOfRange(
          absl::StrCat("capacity ", capacity, " is below unit count ", s.unit_count()));
    }
    const std::vector<double> all = zeren::OnTimeRates(s, zeren::Interval{from, to});
    std::copy(all.begin(), all.end(), rates);
    return ZEREN_OK;
  });
}

int32_t zeren_snapshot_unit_ids(const zeren_snapshot* snapshot, const char** ids, size_t capacity,
                                zeren_error** err) {
  const Call call("zeren_snapshot_unit_ids", err);
  return call.Run([&]() -> int32_t {
    if (snapshot == nullptr) return call.Null("snapshot");
    if (ids == nullptr) return call.Null("ids");
    const zeren::Snapshot& s = snapshot->snapshot;
    if (capacity < s.unit_count()) {
      return call.OutOfRange(
          absl::StrCat("capacity ", capacity, " is below unit count ", s.unit_count()));
    }
    for (zeren::UnitIndex u = 0; u < s.unit_count(); ++u) ids[u] = s.unit_id(u).data();
    return ZEREN_OK;
  });
}

// ---- the chain-health audit --------------------------------------------------------------

int32_t zeren_snapshot_audit(const zeren_snapshot* snapshot, int32_t as_of, zeren_audit** out,
                             zeren_error** err) {
  const Call call("zeren_snapshot_audit", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (snapshot == nullptr) return call.Null("snapshot");
    if (out == nullptr) return call.Null("out");
    if (int32_t rc = CheckDay(call, "as_of", as_of)) return rc;
    const zeren::Snapshot& s = snapshot->snapshot;
    *out = new zeren_audit{s, zeren::AuditAsOf(s, as_of)};
    return ZEREN_OK;
  });
}

size_t zeren_audit_size(const zeren_audit* audit) {
  return Quietly<size_t>(0, [&] { return audit == nullptr ? 0 : audit->report.findings.size(); });
}

int32_t zeren_audit_get(const zeren_audit* audit, size_t index, zeren_finding* finding,
                        zeren_error** err) {
  const Call call("zeren_audit_get", err);
  return call.Run([&]() -> int32_t {
    if (audit == nullptr) return call.Null("audit");
    if (finding == nullptr) return call.Null("finding");
    const auto& findings = audit->report.findings;
    if (index >= findings.size()) {
      return call.OutOfRange(
          absl::StrCat("index ", index, " is not below size ", findings.size()));
    }
    return FillTo(call, finding, FindingOf(*audit, findings[index]), "finding");
  });
}

int32_t zeren_audit_to_json(const zeren_audit* audit, char** out, size_t* size,
                            zeren_error** err) {
  const Call call("zeren_audit_to_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (audit == nullptr) return call.Null("audit");
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::AuditToJson(audit->snapshot, audit->report), out, size);
    return ZEREN_OK;
  });
}

void zeren_audit_free(zeren_audit* audit) { delete audit; }

// ---- integrated assessment ---------------------------------------------------------------

int32_t zeren_scheme_default_json(char** out, size_t* size, zeren_error** err) {
  const Call call("zeren_scheme_default_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::SchemeToJson(zeren::DefaultScheme()), out, size);
    return ZEREN_OK;
  });
}

int32_t zeren_snapshot_assess(const zeren_snapshot* snapshot, zeren_assessment** out,
                              zeren_error** err) {
  const Call call("zeren_snapshot_assess", err);
  const zeren_assess_options defaults = ZEREN_ASSESS_OPTIONS_INIT;
  return call.Run([&]() -> int32_t { return Assess(call, snapshot, defaults, out); });
}

int32_t zeren_snapshot_assess_with(const zeren_snapshot* snapshot,
                                   const zeren_assess_options* options, zeren_assessment** out,
                                   zeren_error** err) {
  const Call call("zeren_snapshot_assess_with", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    zeren_assess_options o = ZEREN_ASSESS_OPTIONS_INIT;
    const size_t minimum = offsetof(zeren_assess_options, threads) + sizeof o.threads;
    if (int32_t rc = ReadSpec(call, "options", options, minimum, &o)) return rc;
    if (o.threads < 0) {
      return call.Invalid(absl::StrCat("options->threads must be >= 0, not ", o.threads));
    }
    if (o.score_members != 0 && o.score_members != 1) {
      return call.Invalid(
          absl::StrCat("options->score_members must be 0 or 1, not ", o.score_members));
    }
    return Assess(call, snapshot, o, out);
  });
}

size_t zeren_assessment_unit_count(const zeren_assessment* assessment) {
  return Quietly<size_t>(
      0, [&] { return assessment == nullptr ? 0 : assessment->assessment.units.size(); });
}

int32_t zeren_assessment_fill(const zeren_assessment* assessment,
                              const zeren_assessment_columns* columns, zeren_error** err) {
  const Call call("zeren_assessment_fill", err);
  return call.Run([&]() -> int32_t {
    if (assessment == nullptr) return call.Null("assessment");
    zeren_assessment_columns c = ZEREN_ASSESSMENT_COLUMNS_INIT;
    const size_t minimum = offsetof(zeren_assessment_columns, capacity) + sizeof c.capacity;
    if (int32_t rc = ReadSpec(call, "columns", columns, minimum, &c)) return rc;
    const std::vector<zeren::UnitAssessment>& units = assessment->assessment.units;
    if (c.capacity < units.size()) {
      return call.OutOfRange(
          absl::StrCat("capacity ", c.capacity, " is below unit count ", units.size()));
    }
    for (size_t u = 0; u < units.size(); ++u) {  // by UnitIndex: snapshot order
      const zeren::UnitAssessment& ua = units[u];
      if (c.own != nullptr) c.own[u] = ua.own;
      if (c.total != nullptr) c.total[u] = ua.total;
      if (c.grade != nullptr) c.grade[u] = ua.grade;
      if (c.rank != nullptr) c.rank[u] = ua.rank;
      if (c.daily != nullptr) c.daily[u] = ua.daily;
      if (c.flag_count != nullptr) c.flag_count[u] = static_cast<int32_t>(ua.flags.size());
    }
    return ZEREN_OK;
  });
}

int32_t zeren_assessment_grade_id(const zeren_assessment* assessment, int32_t grade,
                                  const char** id, zeren_error** err) {
  const Call call("zeren_assessment_grade_id", err);
  return call.Run([&]() -> int32_t {
    if (id != nullptr) *id = nullptr;
    if (assessment == nullptr) return call.Null("assessment");
    if (id == nullptr) return call.Null("id");
    const std::vector<zeren::GradeRule>& grades = assessment->assessment.scheme.grades;
    if (grade < 0 || static_cast<size_t>(grade) >= grades.size()) {
      return call.OutOfRange(
          absl::StrCat("grade ", grade, " is not in [0, ", grades.size(), ")"));
    }
    *id = grades[grade].id.c_str();
    return ZEREN_OK;
  });
}

int32_t zeren_assessment_explain(const zeren_assessment* assessment, const char* unit,
                                 zeren_line_fn fn, void* payload, zeren_error** err) {
  const Call call("zeren_assessment_explain", err);
  return call.Run([&]() -> int32_t {
    if (assessment == nullptr) return call.Null("assessment");
    if (unit == nullptr) return call.Null("unit");
    if (fn == nullptr) return call.Null("fn");
    const zeren::Snapshot& s = assessment->snapshot;
    zeren::UnitIndex u;
    if (int32_t rc = FindUnit(call, s, unit, &u)) return rc;
    for (const std::string& line : zeren::Explain(s, assessment->assessment, u)) {
      if (fn(payload, line.c_str()) != 0) break;
    }
    return ZEREN_OK;
  });
}

int32_t zeren_assessment_to_json(const zeren_assessment* assessment, const char* unit, char** out,
                                 size_t* size, zeren_error** err) {
  const Call call("zeren_assessment_to_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (assessment == nullptr) return call.Null("assessment");
    if (out == nullptr) return call.Null("out");
    const zeren::Snapshot& s = assessment->snapshot;
    std::optional<zeren::UnitIndex> only;
    if (unit != nullptr) {  // NULL: every unit, and the people
      zeren::UnitIndex u;
      if (int32_t rc = FindUnit(call, s, unit, &u)) return rc;
      only = u;
    }
    CopyOut(zeren::AssessmentToJson(s, assessment->assessment, only), out, size);
    return ZEREN_OK;
  });
}

int32_t zeren_assessment_people(const zeren_assessment* assessment, const char** person_ids,
                                double* scores, size_t capacity, size_t* count,
                                zeren_error** err) {
  const Call call("zeren_assessment_people", err);
  return call.Run([&]() -> int32_t {
    if (count != nullptr) *count = 0;
    if (assessment == nullptr) return call.Null("assessment");
    if (count == nullptr) return call.Null("count");
    const zeren::Snapshot& s = assessment->snapshot;
    const std::vector<zeren::PersonScore>& people = assessment->assessment.people;
    const size_t rows = std::min(capacity, people.size());
    for (size_t k = 0; k < rows; ++k) {
      if (person_ids != nullptr) person_ids[k] = s.person_id(people[k].person).data();
      if (scores != nullptr) scores[k] = people[k].score;
    }
    *count = people.size();
    return ZEREN_OK;
  });
}

int32_t zeren_assessment_person_score(const zeren_assessment* assessment, const char* person,
                                      double* score, zeren_error** err) {
  const Call call("zeren_assessment_person_score", err);
  return call.Run([&]() -> int32_t {
    if (assessment == nullptr) return call.Null("assessment");
    if (person == nullptr) return call.Null("person");
    if (score == nullptr) return call.Null("score");
    const zeren::Snapshot& s = assessment->snapshot;
    const std::optional<zeren::PersonIndex> p = s.FindPerson(person);
    if (!p) return call.UnknownPerson(person);
    const std::optional<zeren::PersonScore> found =
        zeren::ScorePerson(s, assessment->assessment, *p);
    if (!found) {
      return call.Fail(ZEREN_ERR_NOT_FOUND,
                       absl::StrCat("person \"", person, "\" holds no post in the period"));
    }
    *score = found->score;
    return ZEREN_OK;
  });
}

void zeren_assessment_free(zeren_assessment* assessment) { delete assessment; }

}  // extern "C"
