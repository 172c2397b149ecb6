// What the files of the C API share: the handles' definitions and the helpers that turn
// C++ results and failures into the C conventions (capi/zeren.h). Internal: not installed.
#ifndef ZEREN_CAPI_C_INTERNAL_H_
#define ZEREN_CAPI_C_INTERNAL_H_

#include <algorithm>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "zeren.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/edit.h"
#include "zeren/ledger.h"
#include "zeren/model.h"
#include "zeren/person_view.h"
#include "zeren/problem.h"
#include "zeren/snapshot.h"

// ---- handles ----------------------------------------------------------------------------

struct zeren_error {
  int32_t code;
  std::string message;
  std::vector<zeren::Problem> problems;  // the kept ones
  size_t total;                          // found in all
};

struct zeren_model {
  zeren::Model model;
};

struct zeren_edit {
  zeren::Edit edit;
};

struct zeren_snapshot {
  zeren::Snapshot snapshot;
};

// Each result keeps its own reference to the snapshot's arrays, so that the strings it
// lends out stay valid even after the caller frees the zeren_snapshot.
struct zeren_chain {
  zeren::Snapshot snapshot;
  zeren::Chain chain;
};

struct zeren_person_view {
  zeren::Snapshot snapshot;
  zeren::PersonView view;
};

// Adjustments are short and rendered up front; reasons are longer and rendered per party
// the first time one of the party's is asked for. The const accessors fill that cache, so
// it is guarded: an accounting may be read from several threads like a snapshot.
struct zeren_accounting {
  zeren_accounting(zeren::Snapshot s, zeren::Accounting a)
      : snapshot(std::move(s)), accounting(std::move(a)), because(accounting.parties.size()),
        rendered(accounting.parties.size(), false) {
    adjustments.reserve(accounting.adjustments.size());
    for (const zeren::Adjustment& adjustment : accounting.adjustments) {
      adjustments.push_back(zeren::Describe(adjustment));
    }
  }

  zeren::Snapshot snapshot;
  zeren::Accounting accounting;
  std::vector<std::string> adjustments;  // parallel to accounting.adjustments

  mutable std::mutex mutex;                              // guards the two below
  mutable std::vector<std::vector<std::string>> because;  // by party; set once, then fixed
  mutable std::vector<bool> rendered;                     // by party
};

struct zeren_ledger {
  zeren::Snapshot snapshot;
  zeren::LedgerReport report;
};

struct zeren_audit {
  zeren::Snapshot snapshot;
  zeren::AuditReport report;
};

struct zeren_assessment {
  zeren::Snapshot snapshot;
  zeren::Assessment assessment;
};

namespace zeren::capi {

// Handed out when even an error cannot be allocated; zeren_error_free ignores it.
// "out of memory" fits std::string's inline buffer, so building it allocates nothing.
inline zeren_error g_out_of_memory{ZEREN_ERR_NO_MEMORY, "out of memory", {}, 0};

inline int32_t OutOfMemory(zeren_error** err) noexcept {
  if (err != nullptr) *err = &g_out_of_memory;
  return ZEREN_ERR_NO_MEMORY;
}

// A new error; falls back to the static out-of-memory error when allocation fails.
inline int32_t NewError(zeren_error** err, int32_t code, absl::string_view message,
                        const zeren::ProblemList* problems = nullptr) noexcept {
  if (err == nullptr) return code;  // nobody asked for details: build nothing
  try {
    auto* error = new zeren_error{code, std::string(message), {}, 0};
    if (problems != nullptr) {
      error->problems = problems->kept();
      error->total = problems->total();
    }
    *err = error;
    return code;
  } catch (...) {
    return OutOfMemory(err);
  }
}

inline int32_t CodeOf(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument: return ZEREN_ERR_INVALID_MODEL;  // validation
    case absl::StatusCode::kNotFound: return ZEREN_ERR_NOT_FOUND;
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kResourceExhausted: return ZEREN_ERR_OUT_OF_RANGE;
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDataLoss: return ZEREN_ERR_IO;
    default: return ZEREN_ERR_INTERNAL;
  }
}

// One exported call: its name (for messages) and where its error goes.
class Call {
 public:
  Call(const char* name, zeren_error** err) : name_(name), err_(err) {}

  // Runs `body` so that no exception leaves the library.
  template <typename Body>
  int32_t Run(Body body) const noexcept {
    try {
      return body();
    } catch (const std::bad_alloc&) {
      return OutOfMemory(err_);
    } catch (const std::exception& e) {
      return NewError(err_, ZEREN_ERR_INTERNAL,
                      absl::StrCat(name_, ": internal error: ", e.what()));
    } catch (...) {
      return NewError(err_, ZEREN_ERR_INTERNAL, absl::StrCat(name_, ": internal error"));
    }
  }

  int32_t Fail(int32_t code, absl::string_view what) const {
    return NewError(err_, code, absl::StrCat(name_, ": ", what));
  }
  int32_t Null(absl::string_view argument) const {
    return Fail(ZEREN_ERR_INVALID_ARGUMENT, absl::StrCat(argument, " is NULL"));
  }
  int32_t Invalid(absl::string_view what) const { return Fail(ZEREN_ERR_INVALID_ARGUMENT, what); }
  int32_t OutOfRange(absl::string_view what) const { return Fail(ZEREN_ERR_OUT_OF_RANGE, what); }
  int32_t UnknownUnit(const char* id) const {
    return Fail(ZEREN_ERR_NOT_FOUND, absl::StrCat("unknown unit \"", id, "\""));
  }
  int32_t UnknownPerson(const char* id) const {
    return Fail(ZEREN_ERR_NOT_FOUND, absl::StrCat("unknown person \"", id, "\""));
  }
  int32_t UnknownIncident(const char* id) const {
    return Fail(ZEREN_ERR_NOT_FOUND, absl::StrCat("unknown incident \"", id, "\""));
  }
  // The C++ message as is: for validation failures it is the first problem and the count.
  int32_t Status(const absl::Status& status, const zeren::ProblemList* problems = nullptr,
                 int32_t code = 0) const {
    return NewError(err_, code != 0 ? code : CodeOf(status), status.message(), problems);
  }

 private:
  const char* name_;
  zeren_error** err_;
};

// Value-returning accessors have no error channel: on any exception they give `fallback`.
template <typename T, typename Body>
T Quietly(T fallback, Body body) noexcept {
  try {
    return body();
  } catch (...) {
    return fallback;
  }
}

// Copies a string to a new[] buffer the caller releases with zeren_string_free.
inline void CopyOut(const std::string& text, char** out, size_t* size) {
  char* copy = new char[text.size() + 1];
  std::memcpy(copy, text.c_str(), text.size() + 1);
  *out = copy;
  if (size != nullptr) *size = text.size();
}

// An input struct as the caller's version gave it: fields past its struct_size keep the
// _INIT defaults in `*out`. Fails when the struct is too small to hold its first field.
template <typename Spec>
int32_t ReadSpec(const Call& call, const char* name, const Spec* in, size_t minimum, Spec* out) {
  if (in == nullptr) return call.Null(name);
  if (in->struct_size < minimum) {
    return call.Invalid(
        absl::StrCat(name, "->struct_size ", in->struct_size, " is below ", minimum));
  }
  // Every version of a spec ends on a multiple of its alignment (8: each has a pointer). A
  // size that does not would cut a field in two: a pointer half the caller's and half the
  // default is an address nobody gave, so such a size is refused.
  const size_t size = std::min<size_t>(in->struct_size, sizeof(Spec));
  if (size < sizeof(Spec) && size % alignof(Spec) != 0) {
    return call.Invalid(absl::StrCat(name, "->struct_size ", in->struct_size,
                                     " ends inside a field (not the size of any version)"));
  }
  std::memcpy(out, in, size);
  out->struct_size = sizeof(Spec);
  return ZEREN_OK;
}

}  // namespace zeren::capi

#endif  // ZEREN_CAPI_C_INTERNAL_H_
