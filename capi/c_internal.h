// Internals shared by the C API's translation units (capi/zeren_c*.cc): the handles more
// than one of them opens, and the error plumbing of every exported call.
#ifndef ZEREN_CAPI_C_INTERNAL_H_
#define ZEREN_CAPI_C_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "zeren.h"
#include "zeren/model.h"
#include "zeren/problem.h"
#include "zeren/snapshot.h"

struct zeren_error {
  int32_t code;
  std::string message;
  std::vector<zeren::Problem> problems;  // the kept ones
  size_t total;                          // found in all
};

struct zeren_model {
  zeren::Model model;
};

struct zeren_snapshot {
  zeren::Snapshot snapshot;
};

namespace zeren_capi {

// The static out-of-memory error (zeren_error_free ignores it); returns its code.
int32_t OutOfMemory(zeren_error** err) noexcept;

// A new error; falls back to the static out-of-memory error when allocation fails.
int32_t NewError(zeren_error** err, int32_t code, absl::string_view message,
                 const zeren::ProblemList* problems = nullptr) noexcept;

// The ZEREN_ERR_* code of a C++ status.
int32_t CodeOf(const absl::Status& status);

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

}  // namespace zeren_capi

#endif  // ZEREN_CAPI_C_INTERNAL_H_
