// Internal to libzeren.so: the handles and the error helper that the C API's files
// (capi/zeren_c.cc, capi/zeren_c_<topic>.cc) share. Not installed.
#ifndef ZEREN_CAPI_C_INTERNAL_H_
#define ZEREN_CAPI_C_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

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

namespace zeren::capi {

// Sets *err (when err is not NULL) to a new error and returns `code`; falls back to a
// static out-of-memory error when even that cannot be allocated. Never throws.
int32_t NewError(zeren_error** err, int32_t code, absl::string_view message,
                 const zeren::ProblemList* problems = nullptr) noexcept;

// The static out-of-memory error: returns ZEREN_ERR_NO_MEMORY.
int32_t OutOfMemory(zeren_error** err) noexcept;

}  // namespace zeren::capi

#endif  // ZEREN_CAPI_C_INTERNAL_H_
