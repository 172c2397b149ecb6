// Internals shared by the C API's translation units (capi/zeren_c*.cc): the handles they
// all use, the error helpers and the guard that keeps exceptions inside the library.
#ifndef ZEREN_CAPI_C_INTERNAL_H_
#define ZEREN_CAPI_C_INTERNAL_H_

#include <cstring>
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

struct zeren_error {
  int32_t code;
  std::string message;
  std::vector<zeren::Problem> problems;  // the kept ones
  size_t total;                          // found in all
};

struct zeren_model {
  zeren::Model model;
};

namespace zeren_capi {

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

// Copies a string to a new[] buffer the caller releases with zeren_string_free.
inline void CopyOut(const std::string& text, char** out, size_t* size) {
  char* copy = new char[text.size() + 1];
  std::memcpy(copy, text.c_str(), text.size() + 1);
  *out = copy;
  if (size != nullptr) *size = text.size();
}

}  // namespace zeren_capi

#endif  // ZEREN_CAPI_C_INTERNAL_H_
