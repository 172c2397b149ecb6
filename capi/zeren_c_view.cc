// The C API of need-to-know views: zeren::View behind a handle. Chains, person views,
// ledgers and audits are the ordinary result handles; accountings and assessments, whose
// view results differ in shape, come back as JSON.
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "c_internal.h"
#include "zeren.h"
#include "zeren/assessment.h"
#include "zeren/result_json.h"
#include "zeren/view.h"

struct zeren_view {
  explicit zeren_view(zeren::View v) : view(std::move(v)) {
    for (zeren::UnitIndex u = 0; u < view.snapshot().unit_count(); ++u) {
      if (view.HasUnit(u)) unit_ids.push_back(view.snapshot().unit_id(u).data());
    }
  }

  const zeren::View view;
  std::vector<const char*> unit_ids;  // inside, in snapshot order

  // The assessment, made on first use: a view is shared between threads like a snapshot.
  mutable std::mutex mutex;
  mutable std::optional<absl::StatusOr<zeren::Assessment>> assessment;
};

namespace {

using zeren::capi::Call;
using zeren::capi::CopyOut;
using zeren::capi::Quietly;

// A lookup through the view failed: outside and unknown ids read the same.
int32_t Refused(const Call& call, const absl::Status& status) {
  return call.Fail(ZEREN_ERR_NOT_FOUND, status.message());
}

int32_t CheckDay(const Call& call, int32_t day) {
  if (day != ZEREN_DATE_OPEN) return ZEREN_OK;
  return call.Invalid("as_of is required (not ZEREN_DATE_OPEN)");
}

// The view's assessment, made once.
const absl::StatusOr<zeren::Assessment>& AssessmentOf(const zeren_view& v) {
  const std::lock_guard<std::mutex> lock(v.mutex);
  if (!v.assessment) v.assessment.emplace(v.view.Assess());
  return *v.assessment;
}

// No `assessment` section is FailedPrecondition in C++: here, a thing not found.
int32_t AssessmentFailed(const Call& call, const absl::Status& status) {
  const bool missing = status.code() == absl::StatusCode::kFailedPrecondition;
  return call.Status(status, nullptr, missing ? ZEREN_ERR_NOT_FOUND : 0);
}

}  // namespace

extern "C" {

int32_t zeren_view_new(const zeren_snapshot* snapshot, const char* const* roots,
                       size_t root_count, zeren_view** out, zeren_error** err) {
  const Call call("zeren_view_new", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (snapshot == nullptr) return call.Null("snapshot");
    if (roots == nullptr) return call.Null("roots");
    if (out == nullptr) return call.Null("out");
    if (root_count == 0) {
      return call.Invalid("root_count is 0: a view needs at least one root unit");
    }
    std::vector<std::string> ids;
    for (size_t k = 0; k < root_count; ++k) {
      if (roots[k] == nullptr) return call.Null(absl::StrCat("roots[", k, "]"));
      ids.emplace_back(roots[k]);
    }
    absl::StatusOr<zeren::View> view = zeren::View::Create(snapshot->snapshot, ids);
    if (!view.ok()) return call.Fail(ZEREN_ERR_NOT_FOUND, view.status().message());
    *out = new zeren_view(*std::move(view));
    return ZEREN_OK;
  });
}

void zeren_view_free(zeren_view* view) { delete view; }

uint32_t zeren_view_unit_count(const zeren_view* view) {
  return Quietly<uint32_t>(0, [&] { return view == nullptr ? 0 : view->view.unit_count(); });
}

uint32_t zeren_view_person_count(const zeren_view* view) {
  return Quietly<uint32_t>(0, [&] { return view == nullptr ? 0 : view->view.person_count(); });
}

int32_t zeren_view_has_unit(const zeren_view* view, const char* unit) {
  return Quietly<int32_t>(0, [&] {
    return view != nullptr && unit != nullptr && view->view.FindUnit(unit).ok() ? 1 : 0;
  });
}

int32_t zeren_view_has_person(const zeren_view* view, const char* person) {
  return Quietly<int32_t>(0, [&] {
    return view != nullptr && person != nullptr && view->view.FindPerson(person).ok() ? 1 : 0;
  });
}

int32_t zeren_view_unit_ids(const zeren_view* view, const char** ids, size_t capacity,
                            size_t* count, zeren_error** err) {
  const Call call("zeren_view_unit_ids", err);
  return call.Run([&]() -> int32_t {
    if (count != nullptr) *count = 0;
    if (view == nullptr) return call.Null("view");
    if (count == nullptr) return call.Null("count");
    const std::vector<const char*>& inside = view->unit_ids;
    if (ids != nullptr) {
      for (size_t k = 0; k < capacity && k < inside.size(); ++k) ids[k] = inside[k];
    }
    *count = inside.size();
    return ZEREN_OK;
  });
}

int32_t zeren_view_chain(const zeren_view* view, const char* unit, int32_t as_of,
                         zeren_chain** out, zeren_error** err) {
  const Call call("zeren_view_chain", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (view == nullptr) return call.Null("view");
    if (unit == nullptr) return call.Null("unit");
    if (out == nullptr) return call.Null("out");
    if (int32_t rc = CheckDay(call, as_of)) return rc;
    const zeren::View& v = view->view;
    if (absl::StatusOr<zeren::UnitIndex> u = v.FindUnit(unit); !u.ok()) {
      return Refused(call, u.status());
    }
    absl::StatusOr<zeren::Chain> chain = v.ChainOf(unit, as_of);
    if (!chain.ok()) return call.Status(chain.status());  // not existing on the day
    *out = new zeren_chain{v.snapshot(), *std::move(chain)};
    return ZEREN_OK;
  });
}

int32_t zeren_view_person(const zeren_view* view, const char* person, int32_t as_of,
                          zeren_person_view** out, zeren_error** err) {
  const Call call("zeren_view_person", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (view == nullptr) return call.Null("view");
    if (person == nullptr) return call.Null("person");
    if (out == nullptr) return call.Null("out");
    if (int32_t rc = CheckDay(call, as_of)) return rc;
    const zeren::View& v = view->view;
    absl::StatusOr<zeren::PersonView> result = v.ResponsibilitiesOf(person, as_of);
    if (!result.ok()) return Refused(call, result.status());
    *out = new zeren_person_view{v.snapshot(), *std::move(result)};
    return ZEREN_OK;
  });
}

int32_t zeren_view_holders(const zeren_view* view, const char* unit, int32_t role,
                           int32_t as_of, zeren_holder_fn fn, void* payload, zeren_error** err) {
  const Call call("zeren_view_holders", err);
  return call.Run([&]() -> int32_t {
    if (view == nullptr) return call.Null("view");
    if (unit == nullptr) return call.Null("unit");
    if (role < ZEREN_ROLE_SECRETARY || role > ZEREN_ROLE_STAFF) {
      return call.Invalid(absl::StrCat("role ", role, " is not a ZEREN_ROLE_* value"));
    }
    if (int32_t rc = CheckDay(call, as_of)) return rc;
    if (fn == nullptr) return call.Null("fn");
    const zeren::View& v = view->view;
    const zeren::Snapshot& s = v.snapshot();
    absl::StatusOr<std::vector<zeren::PostIndex>> posts =
        v.HoldersOf(unit, static_cast<zeren::Role>(role), as_of);
    if (!posts.ok()) return Refused(call, posts.status());
    for (zeren::PostIndex post : *posts) {
      const zeren::PersonIndex p = s.post_person(post);
      const zeren::Interval& held = s.post_held(post);
      const int32_t to = held.to == zeren::kEndOfTime ? ZEREN_DATE_OPEN : held.to;
      if (fn(payload, s.person_id(p).data(), s.person_name(p).data(), held.from, to) != 0) {
        break;
      }
    }
    return ZEREN_OK;
  });
}

int32_t zeren_view_account_json(const zeren_view* view, const char* incident, char** out,
                                size_t* size, zeren_error** err) {
  const Call call("zeren_view_account_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (view == nullptr) return call.Null("view");
    if (incident == nullptr) return call.Null("incident");
    if (out == nullptr) return call.Null("out");
    const zeren::View& v = view->view;
    absl::StatusOr<zeren::ViewAccounting> accounting = v.Account(incident);
    if (!accounting.ok()) return Refused(call, accounting.status());
    CopyOut(zeren::ViewAccountingToJson(v.snapshot(), *accounting), out, size);
    return ZEREN_OK;
  });
}

int32_t zeren_view_account_all_json(const zeren_view* view, char** out, size_t* size,
                                    zeren_error** err) {
  const Call call("zeren_view_account_all_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (view == nullptr) return call.Null("view");
    if (out == nullptr) return call.Null("out");
    const zeren::View& v = view->view;
    CopyOut(zeren::ViewAccountingsToJson(v.snapshot(), v.AccountAll()), out, size);
    return ZEREN_OK;
  });
}

int32_t zeren_view_ledger(const zeren_view* view, int32_t as_of, zeren_ledger** out,
                          zeren_error** err) {
  const Call call("zeren_view_ledger", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (view == nullptr) return call.Null("view");
    if (out == nullptr) return call.Null("out");
    if (int32_t rc = CheckDay(call, as_of)) return rc;
    *out = new zeren_ledger{view->view.snapshot(), view->view.LedgerAsOf(as_of)};
    return ZEREN_OK;
  });
}

int32_t zeren_view_audit(const zeren_view* view, int32_t as_of, zeren_audit** out,
                         zeren_error** err) {
  const Call call("zeren_view_audit", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (view == nullptr) return call.Null("view");
    if (out == nullptr) return call.Null("out");
    if (int32_t rc = CheckDay(call, as_of)) return rc;
    *out = new zeren_audit{view->view.snapshot(), view->view.AuditAsOf(as_of)};
    return ZEREN_OK;
  });
}

int32_t zeren_view_assessment_json(const zeren_view* view, const char* unit, char** out,
                                   size_t* size, zeren_error** err) {
  const Call call("zeren_view_assessment_json", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (view == nullptr) return call.Null("view");
    if (out == nullptr) return call.Null("out");
    const zeren::View& v = view->view;
    std::optional<zeren::UnitIndex> only;
    if (unit != nullptr) {  // NULL: every inside unit, and the people
      absl::StatusOr<zeren::UnitIndex> u = v.FindUnit(unit);
      if (!u.ok()) return Refused(call, u.status());
      only = *u;
    }
    const absl::StatusOr<zeren::Assessment>& assessment = AssessmentOf(*view);
    if (!assessment.ok()) return AssessmentFailed(call, assessment.status());
    CopyOut(zeren::AssessmentToJson(v.snapshot(), *assessment, only), out, size);
    return ZEREN_OK;
  });
}

int32_t zeren_view_assessment_explain(const zeren_view* view, const char* unit,
                                      zeren_line_fn fn, void* payload, zeren_error** err) {
  const Call call("zeren_view_assessment_explain", err);
  return call.Run([&]() -> int32_t {
    if (view == nullptr) return call.Null("view");
    if (unit == nullptr) return call.Null("unit");
    if (fn == nullptr) return call.Null("fn");
    const zeren::View& v = view->view;
    if (absl::StatusOr<zeren::UnitIndex> u = v.FindUnit(unit); !u.ok()) {
      return Refused(call, u.status());
    }
    const absl::StatusOr<zeren::Assessment>& assessment = AssessmentOf(*view);
    if (!assessment.ok()) return AssessmentFailed(call, assessment.status());
    absl::StatusOr<std::vector<std::string>> lines = v.Explain(*assessment, unit);
    if (!lines.ok()) return Refused(call, lines.status());
    for (const std::string& line : *lines) {
      if (fn(payload, line.c_str()) != 0) break;
    }
    return ZEREN_OK;
  });
}

}  // extern "C"
